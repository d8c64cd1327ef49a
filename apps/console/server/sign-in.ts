// Signing people in to the console: OpenID Connect Authorization Code with PKCE, done by this
// server (a confidential client), never by the browser. The browser holds only an httpOnly,
// SameSite=Lax session cookie; the tokens stay here, are refreshed here, and are put on the
// requests this server forwards to the services. State-changing requests carry the session's
// CSRF token in a header (a cross-site form or script cannot read it).
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { generators, Issuer, type BaseClient, type TokenSet } from 'openid-client';
import { authConfigFromEnv, TokenVerifier, type Principal } from '@devzone/auth';

export interface SignInConfig {
  /** The issuer (OIDC_ISSUER) and where to discover it (OIDC_DISCOVERY_URL, default the issuer). */
  issuer: string;
  discoveryUrl: string;
  clientId: string;
  clientSecret: string;
  /** Where people open the console (CONSOLE_PUBLIC_URL): the callback and the address after sign-out. */
  publicUrl: string;
}

export interface SessionUser extends Principal {
  username: string;
}

interface Session {
  id: string;
  csrf: string;
  user: SessionUser;
  tokens: TokenSet;
  /** Access token expiry (ms). */
  expiresAt: number;
  /** After this the refresh token is dead too (ms): the session is over. */
  endsAt: number;
  lastSeen: number;
  refreshing?: Promise<void>;
}

interface PendingSignIn {
  verifier: string;
  nonce: string;
  returnTo: string;
  createdAt: number;
}

const SESSION_COOKIE = 'devzone_session';
const LOGIN_COOKIE = 'devzone_login';
/** A session nobody used for this long is forgotten (the identity provider's own session may last longer). */
const IDLE_MS = 8 * 3_600_000;

export function cookiesOf(req: IncomingMessage): Record<string, string> {
  return Object.fromEntries(
    (req.headers.cookie ?? '')
      .split(';')
      .map((part) => part.trim().split('='))
      .filter(([name, value]) => name && value !== undefined)
      .map(([name, ...value]) => [name, decodeURIComponent(value.join('='))]),
  );
}

const sameSecret = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/** Only a path of this console (never another site) may be returned to after signing in. */
const localPath = (value: string | null | undefined) => (value && /^\/(?!\/)[^\\\s]*$/.test(value) ? value : '/');

export class SignIn {
  private readonly sessions = new Map<string, Session>();
  private readonly pending = new Map<string, PendingSignIn>();
  private client?: Promise<BaseClient>;
  private readonly verifier: TokenVerifier;
  private readonly secure: boolean;
  private readonly sweeper: NodeJS.Timeout;

  constructor(private readonly config: SignInConfig) {
    this.verifier = new TokenVerifier(authConfigFromEnv({ ...process.env, OIDC_ISSUER: config.issuer, OIDC_DISCOVERY_URL: config.discoveryUrl }));
    this.secure = config.publicUrl.startsWith('https:');
    this.sweeper = setInterval(() => this.sweep(), 60_000).unref();
  }

  close(): void {
    clearInterval(this.sweeper);
  }

  private oidc(): Promise<BaseClient> {
    this.client ??= Issuer.discover(this.config.discoveryUrl)
      .then(
        (issuer) =>
          new issuer.Client({
            client_id: this.config.clientId,
            client_secret: this.config.clientSecret,
            redirect_uris: [`${this.config.publicUrl}/auth/callback`],
            post_logout_redirect_uris: [`${this.config.publicUrl}/`],
            response_types: ['code'],
          }),
      )
      .catch((error: unknown) => {
        this.client = undefined; // try again on the next sign-in
        throw error;
      });
    return this.client;
  }

  private cookie(name: string, value: string, maxAgeSeconds?: number): string {
    return `${name}=${encodeURIComponent(value)}; Path=/; HttpOnly; SameSite=Lax${this.secure ? '; Secure' : ''}${maxAgeSeconds !== undefined ? `; Max-Age=${maxAgeSeconds}` : ''}`;
  }

  /** GET /auth/login[?login_hint=…&return_to=/…]: off to the identity provider's sign-in page. */
  async start(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const client = await this.oidc();
    const state = generators.state();
    const verifier = generators.codeVerifier();
    const nonce = generators.nonce();
    // Sign-ins started and never finished are forgotten after 10 minutes, and beyond 10,000 the oldest first.
    if (this.pending.size >= 10_000) this.pending.delete(this.pending.keys().next().value as string);
    this.pending.set(state, { verifier, nonce, returnTo: localPath(url.searchParams.get('return_to')), createdAt: Date.now() });
    const hint = url.searchParams.get('login_hint');
    const target = client.authorizationUrl({
      scope: 'openid profile email',
      state,
      nonce,
      code_challenge: generators.codeChallenge(verifier),
      code_challenge_method: 'S256',
      ui_locales: 'zh-CN',
      ...(hint ? { login_hint: hint } : {}),
    });
    // The state is also bound to this browser: a callback carrying someone else's state is refused.
    res.writeHead(302, { location: target, 'set-cookie': this.cookie(LOGIN_COOKIE, state, 600), 'cache-control': 'no-store' }).end();
  }

  /** GET /auth/callback: the code for tokens (with the PKCE verifier), then a session and its cookie. */
  async callback(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const client = await this.oidc();
    const params = client.callbackParams(req);
    const state = typeof params.state === 'string' ? params.state : '';
    const pending = this.pending.get(state);
    this.pending.delete(state);
    const bound = cookiesOf(req)[LOGIN_COOKIE];
    if (!pending || !bound || !sameSecret(bound, state) || Date.now() - pending.createdAt > 600_000) {
      return void res.writeHead(302, { location: '/?signin=expired', 'set-cookie': this.cookie(LOGIN_COOKIE, '', 0) }).end();
    }
    if (params.error) return void res.writeHead(302, { location: `/?signin=${encodeURIComponent(params.error)}`, 'set-cookie': this.cookie(LOGIN_COOKIE, '', 0) }).end();
    let session: Session;
    try {
      session = await this.open(await client.callback(`${this.config.publicUrl}/auth/callback`, params, { state, nonce: pending.nonce, code_verifier: pending.verifier }));
    } catch (error) {
      console.error(`[console] sign-in failed at the callback: ${(error as Error).message}`);
      return void res.writeHead(302, { location: '/?signin=failed', 'set-cookie': this.cookie(LOGIN_COOKIE, '', 0) }).end();
    }
    res
      .writeHead(302, { location: pending.returnTo, 'set-cookie': [this.cookie(SESSION_COOKIE, session.id), this.cookie(LOGIN_COOKIE, '', 0)], 'cache-control': 'no-store' })
      .end();
  }

  private async open(tokens: TokenSet): Promise<Session> {
    const user = await this.userOf(tokens);
    const session: Session = { id: randomBytes(32).toString('base64url'), csrf: randomBytes(24).toString('base64url'), user, tokens, ...lifetimeOf(tokens), lastSeen: Date.now() };
    this.sessions.set(session.id, session);
    return session;
  }

  /** Who the access token is for, verified as the services verify it. */
  private async userOf(tokens: TokenSet): Promise<SessionUser> {
    if (!tokens.access_token) throw new Error('the identity provider gave no access token');
    const principal = await this.verifier.verify(tokens.access_token);
    const claims = JSON.parse(Buffer.from(tokens.access_token.split('.')[1], 'base64url').toString()) as { preferred_username?: unknown };
    return { ...principal, username: typeof claims.preferred_username === 'string' ? claims.preferred_username : principal.sub };
  }

  /** The signed-in session of a request, its access token refreshed when it is about to expire; undefined when there is none (any more). */
  async session(req: IncomingMessage): Promise<Session | undefined> {
    const id = cookiesOf(req)[SESSION_COOKIE];
    const session = id ? this.sessions.get(id) : undefined;
    if (!session) return undefined;
    session.lastSeen = Date.now();
    if (session.expiresAt - Date.now() < 30_000) {
      session.refreshing ??= this.refresh(session).finally(() => (session.refreshing = undefined));
      try {
        await session.refreshing;
      } catch {
        return undefined; // the identity provider ended the session
      }
    }
    return session;
  }

  private async refresh(session: Session): Promise<void> {
    try {
      if (!session.tokens.refresh_token) throw new Error('no refresh token');
      const tokens = await (await this.oidc()).refresh(session.tokens.refresh_token);
      session.user = await this.userOf(tokens);
      session.tokens = tokens.id_token ? tokens : Object.assign(tokens, { id_token: session.tokens.id_token });
      Object.assign(session, lifetimeOf(tokens));
    } catch (error) {
      this.sessions.delete(session.id);
      throw error;
    }
  }

  /** A state-changing request must carry the session's CSRF token (X-CSRF-Token). */
  csrfOk(req: IncomingMessage, session: Session): boolean {
    const sent = req.headers['x-csrf-token'];
    return typeof sent === 'string' && sameSecret(sent, session.csrf);
  }

  /** GET /auth/me: who is signed in, and the CSRF token for its requests. */
  async me(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const session = await this.session(req);
    if (!session) return json(res, 401, { message: '未登录 (not signed in)' }, { 'set-cookie': this.cookie(SESSION_COOKIE, '', 0) });
    json(res, 200, { user: session.user, csrfToken: session.csrf });
  }

  /** POST /auth/logout: the session ends here, then at the identity provider (the browser is sent there). */
  async logout(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const session = await this.session(req);
    if (!session) return json(res, 200, { redirect: '/' }, { 'set-cookie': this.cookie(SESSION_COOKIE, '', 0) });
    if (!this.csrfOk(req, session)) return json(res, 403, { message: '请求已失效，请刷新页面后重试 (CSRF token missing or wrong)' });
    this.sessions.delete(session.id);
    const redirect = (await this.oidc()).endSessionUrl({ id_token_hint: session.tokens.id_token, post_logout_redirect_uri: `${this.config.publicUrl}/`, client_id: this.config.clientId });
    json(res, 200, { redirect }, { 'set-cookie': this.cookie(SESSION_COOKIE, '', 0) });
  }

  private sweep(): void {
    const now = Date.now();
    for (const [id, s] of this.sessions) if (now > s.endsAt || now - s.lastSeen > IDLE_MS) this.sessions.delete(id);
    for (const [state, p] of this.pending) if (now - p.createdAt > 600_000) this.pending.delete(state);
  }
}

function lifetimeOf(tokens: TokenSet): { expiresAt: number; endsAt: number } {
  const expiresAt = (tokens.expires_at ?? 0) * 1000;
  const refreshFor = Number(tokens['refresh_expires_in'] ?? 0) * 1000;
  return { expiresAt, endsAt: Math.max(expiresAt, tokens.refresh_token ? Date.now() + refreshFor : 0) };
}

export function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string | string[]> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers }).end(JSON.stringify(body));
}
