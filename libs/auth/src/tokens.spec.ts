import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { claimNamesFromEnv, DEFAULT_CLAIMS, principalFromClaims } from './claims';
import { coversZone, seesProject, type Principal } from './principal';
import { authConfigFromEnv, mintToken, TEST_ISSUER, TokenVerifier, type AuthConfig } from './tokens';

const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048, publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } });
const config = (overrides: Partial<AuthConfig> = {}): AuthConfig => ({
  issuer: TEST_ISSUER,
  audience: 'devzone-api',
  algorithms: ['RS256'],
  maxTokenAgeSeconds: 3600,
  clockToleranceSeconds: 5,
  tokenType: 'Bearer',
  claims: DEFAULT_CLAIMS,
  keys: { kind: 'static', publicKey: createPublicKey(publicKey) },
  ...overrides,
});
const verifier = new TokenVerifier(config());
const enterprise: Principal = { sub: 'u-ent-1', name: '张伟', role: 'enterprise', zones: [], creditCode: '91350100M000100Y43' };
const officer: Principal = { sub: 'u-off-1', name: '王芳', role: 'zone-officer', zones: ['SX-ZGQ'], department: '住房和城乡建设局', email: 'wf@zone.example.cn' };

describe('access tokens', () => {
  it('verifies what the identity provider would issue', async () => {
    await expect(verifier.verify(mintToken(enterprise, { privateKey }))).resolves.toEqual(enterprise);
    await expect(verifier.verify(mintToken(officer, { privateKey }))).resolves.toEqual(officer);
  });

  it('refuses an unsigned ("none"), a symmetric (HS256) and a foreign-key token', async () => {
    const claims = { realm_access: { roles: ['admin'] }, sub: 'x', iss: TEST_ISSUER, aud: 'devzone-api', typ: 'Bearer', iat: Math.floor(Date.now() / 1000), exp: Math.floor(Date.now() / 1000) + 60 };
    const none = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.`;
    await expect(verifier.verify(none)).rejects.toThrow(/身份凭证无效/);
    await expect(verifier.verify(jwt.sign(claims, publicKey, { algorithm: 'HS256' }))).rejects.toThrow(/身份凭证无效/);
    const other = generateKeyPairSync('rsa', { modulusLength: 2048, privateKeyEncoding: { type: 'pkcs8', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } });
    await expect(verifier.verify(mintToken(officer, { privateKey: other.privateKey }))).rejects.toThrow(/signature verification failed/);
  });

  it('accepts only the pinned algorithms', async () => {
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256', privateKeyEncoding: { type: 'pkcs8', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } });
    const es256 = mintToken(officer, { privateKey: ec.privateKey, algorithm: 'ES256' });
    await expect(new TokenVerifier(config({ keys: { kind: 'static', publicKey: createPublicKey(ec.publicKey) } })).verify(es256)).rejects.toThrow(/alg.*not allowed|ERR_JOSE_ALG_NOT_ALLOWED/);
    await expect(new TokenVerifier(config({ algorithms: ['ES256'], keys: { kind: 'static', publicKey: createPublicKey(ec.publicKey) } })).verify(es256)).resolves.toEqual(officer);
    expect(() => authConfigFromEnv({ JWT_PUBLIC_KEY: publicKey, OIDC_ALGORITHMS: 'RS256,HS256' })).toThrow(/only asymmetric/);
  });

  it('checks issuer, audience, expiry, type and age, and requires an expiry', async () => {
    await expect(verifier.verify(mintToken(officer, { privateKey, issuer: 'someone-else' }))).rejects.toThrow(/iss/);
    await expect(verifier.verify(mintToken(officer, { privateKey, audience: 'other-api' }))).rejects.toThrow(/aud/);
    await expect(verifier.verify(mintToken(officer, { privateKey, expiresIn: -60 }))).rejects.toThrow(/登录已过期/);
    await expect(verifier.verify(mintToken(officer, { privateKey, extra: { typ: 'ID' } }))).rejects.toThrow(/须为访问令牌/);
    const forever = jwt.sign({ realm_access: { roles: ['admin'] }, typ: 'Bearer' }, privateKey, { algorithm: 'RS256', subject: 'x', issuer: TEST_ISSUER, audience: 'devzone-api' });
    await expect(verifier.verify(forever)).rejects.toThrow(/exp/);
    const old = mintToken(officer, { privateKey, expiresIn: '3650d', extra: { iat: Math.floor(Date.now() / 1000) - 7200 } });
    await expect(verifier.verify(old)).rejects.toThrow(/签发过久/);
  });

  it('tolerates a few seconds of clock difference, no more', async () => {
    const now = Math.floor(Date.now() / 1000);
    await expect(verifier.verify(mintToken(officer, { privateKey, expiresIn: -3 }))).resolves.toEqual(officer);
    await expect(verifier.verify(mintToken(officer, { privateKey, extra: { iat: now - 10, exp: now - 10 } }))).rejects.toThrow(/登录已过期/);
  });

  it('refuses unknown or several roles and enterprise tokens without a credit code', async () => {
    await expect(verifier.verify(mintToken({ ...officer, role: 'king' as never }, { privateKey }))).rejects.toThrow(/角色无效/);
    await expect(verifier.verify(mintToken(officer, { privateKey, extra: { realm_access: { roles: ['zone-officer', 'admin'] } } }))).rejects.toThrow(/多个业务角色/);
    await expect(verifier.verify(mintToken({ ...enterprise, creditCode: undefined }, { privateKey }))).rejects.toThrow(/统一社会信用代码/);
  });
});

describe('claims', () => {
  it('reads a province platform’s own claim names from configuration', () => {
    const names = claimNamesFromEnv({ OIDC_CLAIM_ROLE: 'devzone.role', OIDC_CLAIM_ZONES: 'org.zones', OIDC_CLAIM_CREDIT_CODE: 'uscc', OIDC_CLAIM_DEPARTMENT: 'dept', OIDC_CLAIM_NAME: 'display_name' });
    const claims = { sub: 'p-1', devzone: { role: 'enterprise' }, org: { zones: 'SX-ZGQ' }, uscc: '91350100M000100Y43', dept: '招商局', display_name: '陈静', name: 'ignored' };
    expect(principalFromClaims(claims, names)).toEqual({ sub: 'p-1', name: '陈静', role: 'enterprise', zones: ['SX-ZGQ'], creditCode: '91350100M000100Y43', department: '招商局' });
  });

  it('picks the one product role among the identity provider’s own roles', () => {
    expect(principalFromClaims({ sub: 's', realm_access: { roles: ['offline_access', 'default-roles-devzone', 'zone-manager', 'uma_authorization'] } }).role).toBe('zone-manager');
  });

  it('needs OIDC_ISSUER outside tests; a static key is refused in production', () => {
    expect(() => authConfigFromEnv({})).toThrow(/OIDC_ISSUER/);
    expect(() => authConfigFromEnv({ JWT_PUBLIC_KEY: publicKey, NODE_ENV: 'production' })).toThrow(/refused when NODE_ENV=production/);
    const oidc = authConfigFromEnv({ OIDC_ISSUER: 'https://id.example.cn/realms/devzone', OIDC_MAX_TOKEN_AGE: '600' });
    expect(oidc).toMatchObject({ issuer: 'https://id.example.cn/realms/devzone', audience: 'devzone-api', algorithms: ['RS256'], maxTokenAgeSeconds: 600, keys: { kind: 'oidc', discoveryUrl: 'https://id.example.cn/realms/devzone' } });
  });
});

describe('scopes', () => {
  const project = { zoneCode: 'SX-ZGQ', creditCode: '91350100M000100Y43' };
  it('lets an enterprise see only its own projects, officers their zones, province managers all', () => {
    expect(seesProject(enterprise, project)).toBe(true);
    expect(seesProject({ ...enterprise, creditCode: '914403001922038216' }, project)).toBe(false);
    expect(seesProject(officer, project)).toBe(true);
    expect(seesProject({ ...officer, zones: ['CZ-GXQ'] }, project)).toBe(false);
    expect(seesProject({ sub: 'm', name: 'm', role: 'province-manager', zones: [] }, project)).toBe(true);
    expect(coversZone(enterprise, 'SX-ZGQ')).toBe(false);
  });
});
