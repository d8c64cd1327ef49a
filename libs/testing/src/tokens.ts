import { generateKeyPairSync } from 'node:crypto';
import { mintToken, privateKeyFromEnv, type Principal } from '@devzone/auth';

/** A fresh RS256 key pair for a test run (set as JWT_PUBLIC_KEY / JWT_PRIVATE_KEY by the global setup). */
export function testKeyPair(): { publicKey: string; privateKey: string } {
  return generateKeyPairSync('rsa', { modulusLength: 2048, publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } });
}

export const TEST_ADMIN: Principal = { sub: 'test-admin', name: '测试管理员', role: 'admin', zones: [] };

export function tokenFor(principal: Principal): string {
  return mintToken(principal, { privateKey: privateKeyFromEnv(), expiresIn: '1h' });
}

/** The Authorization header of a principal. */
export function as(principal: Principal): { authorization: string } {
  return { authorization: `Bearer ${tokenFor(principal)}` };
}
