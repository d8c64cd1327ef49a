import { generateKeyPairSync } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { coversZone, recipientIdsOf, seesProject, type Principal } from './principal';
import { mintToken, verifyToken, type AuthConfig } from './tokens';

const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048, publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } });
const config: AuthConfig = { publicKey, issuer: 'devzone-idp', audience: 'devzone-api' };
const enterprise: Principal = { sub: 'u-ent-1', name: '张伟', role: 'enterprise', zones: [], creditCode: '91350100M000100Y43', mobile: '13800000001' };
const officer: Principal = { sub: 'u-off-1', name: '王芳', role: 'zone-officer', zones: ['SX-ZGQ'] };

describe('access tokens', () => {
  it('verifies what it minted', () => {
    expect(verifyToken(mintToken(enterprise, { privateKey }), config)).toEqual(enterprise);
  });

  it('refuses an unsigned ("none"), a symmetric (HS256) and a foreign-key token', () => {
    const claims = { role: 'admin', zones: [], sub: 'x', iss: 'devzone-idp', aud: 'devzone-api', exp: Math.floor(Date.now() / 1000) + 60 };
    const none = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.`;
    expect(() => verifyToken(none, config)).toThrow(/身份凭证无效/);
    expect(() => verifyToken(jwt.sign(claims, publicKey, { algorithm: 'HS256' }), config)).toThrow(/身份凭证无效/);
    const other = generateKeyPairSync('rsa', { modulusLength: 2048, privateKeyEncoding: { type: 'pkcs8', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } });
    expect(() => verifyToken(mintToken(officer, { privateKey: other.privateKey }), config)).toThrow(/invalid signature/);
  });

  it('checks issuer, audience and expiry, and requires an expiry', () => {
    expect(() => verifyToken(mintToken(officer, { privateKey, issuer: 'someone-else' }), config)).toThrow(/jwt issuer invalid/);
    expect(() => verifyToken(mintToken(officer, { privateKey, audience: 'other-api' }), config)).toThrow(/jwt audience invalid/);
    expect(() => verifyToken(mintToken(officer, { privateKey, expiresIn: -60 }), config)).toThrow(/登录已过期/);
    const forever = jwt.sign({ role: 'admin', zones: [] }, privateKey, { algorithm: 'RS256', subject: 'x', issuer: 'devzone-idp', audience: 'devzone-api' });
    expect(() => verifyToken(forever, config)).toThrow(/缺少有效期/);
  });

  it('refuses unknown roles and enterprise tokens without a credit code', () => {
    expect(() => verifyToken(mintToken({ ...officer, role: 'king' as never }, { privateKey }), config)).toThrow(/角色无效/);
    expect(() => verifyToken(mintToken({ ...enterprise, creditCode: undefined }, { privateKey }), config)).toThrow(/统一社会信用代码/);
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

  it('maps callers to their notification recipients', () => {
    expect(recipientIdsOf(enterprise)).toEqual(['ent:13800000001']);
    expect(recipientIdsOf({ sub: 'agent-a', name: 'a', role: 'agency-agent', zones: ['CZ-GXQ'] })).toEqual(['agent:agent-a']);
    expect(recipientIdsOf(officer)).toEqual(['officer:u-off-1']);
  });
});
