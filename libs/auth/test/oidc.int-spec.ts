import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { Controller, Get, Module, type INestApplication } from '@nestjs/common';
import { APP_GUARD, NestFactory, Reflector } from '@nestjs/core';
import { AuthGuard, authConfigFromEnv, coversZone, createRealm, CurrentPrincipal, KeycloakAdmin, seesProject, TokenVerifier, type AuthConfig, type Principal, type Realm } from '../src';

/** The local Keycloak (deploy/local/keycloak.sh: started once, reused), or KEYCLOAK_URL. */
function localKeycloak() {
  const url = process.env['KEYCLOAK_URL'] ?? (execFileSync('bash', [join(__dirname, '../../../deploy/local/keycloak.sh'), 'up'], { stdio: 'inherit' }), 'http://127.0.0.1:8180');
  return { url, admin: new KeycloakAdmin(url, { realm: 'master', clientId: 'admin-cli', username: process.env['KEYCLOAK_ADMIN_USER'] ?? 'admin', password: process.env['KEYCLOAK_ADMIN_PASSWORD'] ?? 'admin' }) };
}
type TestRealm = Realm;

@Controller()
class WhoAmI {
  @Get('whoami')
  whoami(@CurrentPrincipal() p: Principal) {
    return p;
  }
}

/** A Nest app with the services' global guard over this verifier: what a request with the token gets. */
async function answerTo(config: AuthConfig, token: string): Promise<{ status: number; body: Record<string, unknown> }> {
  @Module({ controllers: [WhoAmI], providers: [{ provide: APP_GUARD, inject: [Reflector], useFactory: (r: Reflector) => new AuthGuard(r, new TokenVerifier(config)) }] })
  class App {}
  const app: INestApplication = await NestFactory.create(App, { logger: false });
  await app.listen(0, '127.0.0.1');
  try {
    const response = await fetch(`${await app.getUrl()}/whoami`, { headers: { authorization: `Bearer ${token}` } });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  } finally {
    await app.close();
  }
}

/**
 * Access tokens from a real Keycloak (the local one, deploy/local/keycloak.sh),
 * in realms made from deploy/keycloak/realm.json: discovery, JWKS by key id,
 * key rotation, and every refusal the services rely on.
 */
describe('OpenID Connect access tokens from Keycloak', () => {
  const keycloak = localKeycloak();
  let realm: TestRealm;
  let other: TestRealm;
  let officer: { id: string; username: string; password: string };
  let enterprise: { id: string; username: string; password: string };

  const configOf = (r: TestRealm, env: Record<string, string> = {}): AuthConfig => authConfigFromEnv({ OIDC_ISSUER: r.issuer, OIDC_JWKS_COOLDOWN_MS: '0', ...env });
  const tokens = (r: TestRealm, user: { username: string; password: string }) => KeycloakAdmin.passwordGrant(keycloak.url, r.name, 'devzone-cli', user.username, user.password);
  const header = (token: string) => JSON.parse(Buffer.from(token.split('.')[0], 'base64url').toString()) as { alg: string; kid: string };

  beforeAll(async () => {
    realm = await createRealm(keycloak, 'auth-int');
    other = await createRealm(keycloak, 'auth-int-other');
    officer = await realm.addUser({ username: 'wangfang', name: '王芳', role: 'zone-officer', zones: ['SX-ZGQ', 'CZ-GXQ'], department: '住房和城乡建设局', email: 'wangfang@zone.example.cn' });
    enterprise = await realm.addUser({ username: '13810000001', name: '张伟', role: 'enterprise', creditCode: '91140100MA0DEM1011', mobile: '13810000001' });
  }, 60_000);

  afterAll(async () => {
    await realm?.remove();
    await other?.remove();
  });

  it('accepts a token from the realm, found by discovery and JWKS, and maps its claims to the role and scopes', async () => {
    const verifier = new TokenVerifier(configOf(realm));
    const officerToken = (await tokens(realm, officer)).access_token;
    expect(await answerTo(configOf(realm), officerToken)).toMatchObject({ status: 200, body: { sub: officer.id, role: 'zone-officer' } });
    const asOfficer = await verifier.verify(officerToken);
    expect(asOfficer).toEqual({ sub: officer.id, name: '王芳', role: 'zone-officer', zones: ['SX-ZGQ', 'CZ-GXQ'], department: '住房和城乡建设局', email: 'wangfang@zone.example.cn' });
    expect(coversZone(asOfficer, 'CZ-GXQ')).toBe(true);
    expect(coversZone(asOfficer, 'TY-JKQ')).toBe(false);

    const asEnterprise = await verifier.verify((await tokens(realm, enterprise)).access_token);
    expect(asEnterprise).toEqual({ sub: enterprise.id, name: '张伟', role: 'enterprise', zones: [], creditCode: '91140100MA0DEM1011' });
    expect(seesProject(asEnterprise, { zoneCode: 'SX-ZGQ', creditCode: '91140100MA0DEM1011' })).toBe(true);
    expect(seesProject(asEnterprise, { zoneCode: 'SX-ZGQ', creditCode: '91140100MA0DEM2012' })).toBe(false);
  });

  it('accepts tokens signed with a rotated key, fetching the new key by its id', async () => {
    const verifier = new TokenVerifier(configOf(realm));
    const before = (await tokens(realm, officer)).access_token;
    await expect(verifier.verify(before)).resolves.toMatchObject({ sub: officer.id });

    const realmId = (await keycloak.admin.ok<{ id: string }>('GET', `/admin/realms/${realm.name}`)).body.id;
    await keycloak.admin.ok('POST', `/admin/realms/${realm.name}/components`, {
      name: 'rotated-rsa',
      providerId: 'rsa-generated',
      providerType: 'org.keycloak.keys.KeyProvider',
      parentId: realmId,
      config: { priority: ['500'], keySize: ['2048'], active: ['true'], enabled: ['true'], algorithm: ['RS256'] },
    });
    const after = (await tokens(realm, officer)).access_token;
    expect(header(after).kid).not.toBe(header(before).kid);
    await expect(verifier.verify(after)).resolves.toMatchObject({ sub: officer.id, role: 'zone-officer' });
    expect((await answerTo(configOf(realm), after)).status).toBe(200); // a service that never saw the new key
    await expect(verifier.verify(before)).resolves.toMatchObject({ sub: officer.id }); // the old key is still published
  });

  it('refuses a token from another realm', async () => {
    const stranger = await other.addUser({ username: 'stranger', name: '外人', role: 'admin' });
    const foreign = (await tokens(other, stranger)).access_token;
    await expect(new TokenVerifier(configOf(realm)).verify(foreign)).rejects.toThrow(/身份凭证无效.*(iss|signature|no applicable key|JWKSNoMatchingKey)/);
    expect((await answerTo(configOf(realm), foreign)).status).toBe(401);
  });

  it('refuses a token for another audience', async () => {
    // The service account's token is for Keycloak's own APIs, not devzone-api.
    const serviceToken = await fetch(`${realm.issuer}/protocol/openid-connect/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'client_credentials', client_id: realm.adminClient.clientId, client_secret: realm.adminClient.clientSecret }),
    }).then((r) => r.json() as Promise<{ access_token: string }>);
    await expect(new TokenVerifier(configOf(realm)).verify(serviceToken.access_token)).rejects.toThrow(/身份凭证无效.*aud/);
    expect(await answerTo(configOf(realm), serviceToken.access_token)).toMatchObject({ status: 401, body: { message: expect.stringContaining('身份凭证无效') } });
  });

  it('refuses an ID token where an access token is due (typ)', async () => {
    const { id_token } = await tokens(realm, officer);
    // Addressed to its client: only the type tells it from an access token.
    await expect(new TokenVerifier(configOf(realm, { OIDC_AUDIENCE: 'devzone-cli' })).verify(id_token!)).rejects.toThrow(/须为访问令牌.*"ID"/);
    expect((await answerTo(configOf(realm, { OIDC_AUDIENCE: 'devzone-cli' }), id_token!)).status).toBe(401);
  });

  it('refuses an algorithm it is not pinned to', async () => {
    const realmId = (await keycloak.admin.ok<{ id: string }>('GET', `/admin/realms/${realm.name}`)).body.id;
    await keycloak.admin.ok('POST', `/admin/realms/${realm.name}/components`, {
      name: 'ecdsa',
      providerId: 'ecdsa-generated',
      providerType: 'org.keycloak.keys.KeyProvider',
      parentId: realmId,
      config: { priority: ['100'], ecdsaEllipticCurveKey: ['P-256'], active: ['true'], enabled: ['true'] },
    });
    const cli = (await keycloak.admin.ok<{ id: string; attributes: Record<string, string> }[]>('GET', `/admin/realms/${realm.name}/clients?clientId=devzone-cli`)).body[0];
    await keycloak.admin.ok('PUT', `/admin/realms/${realm.name}/clients/${cli.id}`, { ...cli, attributes: { ...cli.attributes, 'access.token.signed.response.alg': 'ES256' } });
    try {
      const es256 = (await tokens(realm, officer)).access_token;
      expect(header(es256).alg).toBe('ES256');
      await expect(new TokenVerifier(configOf(realm)).verify(es256)).rejects.toThrow(/身份凭证无效.*alg/);
      expect((await answerTo(configOf(realm), es256)).status).toBe(401);
      await expect(new TokenVerifier(configOf(realm, { OIDC_ALGORITHMS: 'ES256' })).verify(es256)).resolves.toMatchObject({ sub: officer.id });
    } finally {
      await keycloak.admin.ok('PUT', `/admin/realms/${realm.name}/clients/${cli.id}`, cli);
    }
  });

  it('refuses a token older than the maximum age, even before it expires', async () => {
    const token = (await tokens(realm, officer)).access_token;
    const strict = new TokenVerifier(configOf(realm, { OIDC_MAX_TOKEN_AGE: '1', OIDC_CLOCK_TOLERANCE: '0' }));
    await expect(strict.verify(token)).resolves.toMatchObject({ sub: officer.id });
    await new Promise((resolve) => setTimeout(resolve, 2_200));
    await expect(strict.verify(token)).rejects.toThrow(/签发过久/);
    expect(await answerTo(configOf(realm, { OIDC_MAX_TOKEN_AGE: '1', OIDC_CLOCK_TOLERANCE: '0' }), token)).toMatchObject({ status: 401, body: { message: expect.stringContaining('签发过久') } });
  });

  it('says the identity provider is unavailable (not that the token is bad) when it cannot be reached', async () => {
    const token = (await tokens(realm, officer)).access_token;
    const unreachable = new TokenVerifier(authConfigFromEnv({ OIDC_ISSUER: realm.issuer, OIDC_DISCOVERY_URL: 'http://127.0.0.1:9/realms/x' }));
    await expect(unreachable.verify(token)).rejects.toMatchObject({ name: 'IdentityProviderUnavailable' });
  });
});
