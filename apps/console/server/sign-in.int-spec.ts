import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRealm, type Realm } from '@devzone/auth';
import { testKeycloak } from '@devzone/testing';
import { json, SignIn } from './sign-in';

/**
 * The console server's sign-in against a real Keycloak (a realm of this test's
 * own, from deploy/keycloak/realm.json), driven over HTTP as a browser would:
 * Authorization Code with PKCE, the session cookie, the refresh of a token
 * about to expire, CSRF, sign-out. The browser tests do the same in chromium;
 * this one also proves the refresh (tokens here live 20 s, so every request
 * finds them about to expire).
 */
describe('console sign-in (OIDC + PKCE through the console server)', () => {
  const keycloak = testKeycloak();
  const { admin } = keycloak;
  let realm: Realm;
  let server: Server;
  let signIn: SignIn;
  let base = '';
  let officer: { id: string; username: string; password: string };

  /** A browser's cookies, per host, and requests that never follow redirects by themselves. */
  const jar = new Map<string, Map<string, string>>();
  async function visit(url: string, init: RequestInit = {}): Promise<Response> {
    const host = new URL(url).host;
    const cookies = jar.get(host) ?? new Map<string, string>();
    const response = await fetch(url, { ...init, redirect: 'manual', headers: { ...(init.headers as Record<string, string>), cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; ') } });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const [name, ...value] = pair.split('=');
      if (/Max-Age=0/i.test(line) || !value.join('=')) cookies.delete(name.trim());
      else cookies.set(name.trim(), value.join('='));
    }
    jar.set(host, cookies);
    return response;
  }
  const location = (r: Response) => new URL(r.headers.get('location') ?? '', r.url).toString();

  /** The whole sign-in: the console → Keycloak's form → the callback → the session cookie. */
  async function signInAs(username: string, password: string): Promise<Response> {
    const start = await visit(`${base}/auth/login?return_to=/queue&login_hint=${username}`);
    expect(start.status).toBe(302);
    const form = await visit(location(start));
    const html = await form.text();
    const action = /<form[^>]*id="kc-form-login"[^>]*action="([^"]+)"/.exec(html)?.[1]?.replace(/&amp;/g, '&');
    if (!action) throw new Error(`no sign-in form on Keycloak's page:\n${html.slice(0, 500)}`);
    const submitted = await visit(action, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ username, password, credentialId: '' }) });
    expect(submitted.status).toBe(302);
    return visit(location(submitted)); // the console's /auth/callback
  }

  beforeAll(async () => {
    server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', base);
      const handle = async () => {
        if (url.pathname === '/auth/login') return signIn.start(req, res, url);
        if (url.pathname === '/auth/callback') return signIn.callback(req, res);
        if (url.pathname === '/auth/me') return signIn.me(req, res);
        if (url.pathname === '/auth/logout') return signIn.logout(req, res);
        // What main.ts puts on a forwarded request: the session's current access token.
        if (url.pathname === '/token') {
          const session = await signIn.session(req);
          return session ? json(res, 200, { token: session.tokens.access_token }) : json(res, 401, {});
        }
        json(res, 404, {});
      };
      handle().catch((error: unknown) => json(res, 500, { message: String(error) }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    realm = await createRealm(keycloak, 'console-int', base);
    // Access tokens of 20 s: the console refreshes a token with less than 30 s left, so every request refreshes.
    const client = (await admin.ok<{ id: string; attributes: Record<string, string> }[]>('GET', `/admin/realms/${realm.name}/clients?clientId=devzone-console`)).body[0];
    await admin.ok('PUT', `/admin/realms/${realm.name}/clients/${client.id}`, { ...client, attributes: { ...client.attributes, 'access.token.lifespan': '20' } });
    officer = await realm.addUser({ username: 'wangfang', name: '王芳', role: 'zone-officer', zones: ['SX-ZGQ'] });
    signIn = new SignIn({ issuer: realm.issuer, discoveryUrl: realm.issuer, clientId: 'devzone-console', clientSecret: realm.consoleClient.clientSecret, publicUrl: base });
  }, 60_000);

  afterAll(async () => {
    signIn?.close();
    server?.close();
    await realm?.remove();
  });

  it('signs a person in with PKCE: an httpOnly SameSite session cookie, the person and a CSRF token, back where they were going', async () => {
    const start = await fetch(`${base}/auth/login`, { redirect: 'manual' });
    const target = new URL(location(start));
    expect(Object.fromEntries(target.searchParams)).toMatchObject({ client_id: 'devzone-console', response_type: 'code', code_challenge_method: 'S256', scope: 'openid profile email' });
    expect(target.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/);

    const callback = await signInAs(officer.username, officer.password);
    expect(callback.status).toBe(302);
    expect(callback.headers.get('location')).toBe('/queue');
    expect(callback.headers.getSetCookie().find((c) => c.startsWith('devzone_session='))).toMatch(/HttpOnly; SameSite=Lax/);
    const me = await visit(`${base}/auth/me`);
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ user: { sub: officer.id, username: 'wangfang', name: '王芳', role: 'zone-officer', zones: ['SX-ZGQ'] }, csrfToken: expect.stringMatching(/^[\w-]{32}$/) });
  });

  it('refreshes an access token that is about to expire, on the server', async () => {
    const first = ((await (await visit(`${base}/token`)).json()) as { token: string }).token;
    await new Promise((resolve) => setTimeout(resolve, 1_100)); // a new token has a later iat
    const second = ((await (await visit(`${base}/token`)).json()) as { token: string }).token;
    expect(second).not.toBe(first);
    const payload = (t: string) => JSON.parse(Buffer.from(t.split('.')[1], 'base64url').toString()) as { sub: string; iat: number; exp: number };
    expect(payload(second).sub).toBe(officer.id);
    expect(payload(second).iat).toBeGreaterThan(payload(first).iat);
    expect(payload(second).exp - payload(second).iat).toBe(20);
  });

  it('refuses a callback whose state this browser did not start, and a sign-out without the CSRF token; then signs out here and at Keycloak', async () => {
    const forged = await fetch(`${base}/auth/callback?state=someone-elses&code=x`, { redirect: 'manual' });
    expect(forged.headers.get('location')).toBe('/?signin=expired');

    expect((await visit(`${base}/auth/logout`, { method: 'POST' })).status).toBe(403);
    expect((await visit(`${base}/auth/me`)).status).toBe(200);
    const { csrfToken } = (await (await visit(`${base}/auth/me`)).json()) as { csrfToken: string };
    const out = await visit(`${base}/auth/logout`, { method: 'POST', headers: { 'x-csrf-token': csrfToken } });
    const { redirect } = (await out.json()) as { redirect: string };
    expect(redirect.startsWith(`${realm.issuer}/protocol/openid-connect/logout?`)).toBe(true);
    expect(new URL(redirect).searchParams.get('id_token_hint')).toBeTruthy();
    expect((await visit(`${base}/auth/me`)).status).toBe(401);
    // Keycloak ends its session too: the next sign-in asks for the password again.
    await visit(redirect);
    const again = await visit(location(await visit(`${base}/auth/login`)));
    expect(await again.text()).toContain('kc-form-login');
  });
});
