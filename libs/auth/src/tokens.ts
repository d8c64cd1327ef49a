import { createPublicKey, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import jwt from 'jsonwebtoken';
import type { Message } from '@devzone/shared-kernel';
import { ROLES, type Principal } from './principal';

/**
 * Access tokens: RS256 only (the algorithm is pinned: "none" or HS256 tokens are
 * refused), issuer and audience checked, expiry required. Services hold only
 * the public key; the private key stays with the issuer (here: the demo token
 * command and the tests).
 */
export interface AuthConfig {
  /** Parsed once (a PEM string would be parsed on every request). */
  publicKey: KeyObject | string;
  issuer: string;
  audience: string;
}

export const DEFAULT_ISSUER = 'devzone-idp';
export const DEFAULT_AUDIENCE = 'devzone-api';

function pem(inline: string | undefined, file: string | undefined, what: string): string {
  if (inline) return inline.replace(/\\n/g, '\n');
  if (file) return readFileSync(file, 'utf8');
  throw new Error(`${what} is not configured: set JWT_${what === 'public key' ? 'PUBLIC' : 'PRIVATE'}_KEY (PEM) or JWT_${what === 'public key' ? 'PUBLIC' : 'PRIVATE'}_KEY_FILE`);
}

export function authConfigFromEnv(env: NodeJS.ProcessEnv = process.env): AuthConfig {
  return {
    publicKey: createPublicKey(pem(env['JWT_PUBLIC_KEY'], env['JWT_PUBLIC_KEY_FILE'], 'public key')),
    issuer: env['JWT_ISSUER'] ?? DEFAULT_ISSUER,
    audience: env['JWT_AUDIENCE'] ?? DEFAULT_AUDIENCE,
  };
}

export class AuthError extends Error {
  override readonly name = 'AuthError';
  constructor(readonly text: Message) {
    super(`${text.zh} (${text.en})`);
  }
}

export function verifyToken(token: string, config: AuthConfig): Principal {
  let claims: jwt.JwtPayload;
  try {
    const decoded = jwt.verify(token, config.publicKey, { algorithms: ['RS256'], issuer: config.issuer, audience: config.audience, clockTolerance: 5 });
    if (typeof decoded === 'string') throw new Error('unexpected payload');
    claims = decoded;
  } catch (error) {
    const expired = error instanceof jwt.TokenExpiredError;
    throw new AuthError(expired ? { zh: '登录已过期，请重新登录', en: 'the token has expired' } : { zh: '身份凭证无效', en: `invalid token: ${(error as Error).message}` });
  }
  if (!claims.exp) throw new AuthError({ zh: '身份凭证缺少有效期', en: 'the token has no expiry' });
  const role = claims['role'];
  if (!ROLES.includes(role)) throw new AuthError({ zh: '身份凭证角色无效', en: `unknown role ${String(role)}` });
  const zones = claims['zones'] ?? [];
  if (!Array.isArray(zones) || !zones.every((z) => typeof z === 'string')) throw new AuthError({ zh: '身份凭证开发区无效', en: 'zones must be a list of zone codes' });
  if (role === 'enterprise' && typeof claims['creditCode'] !== 'string') throw new AuthError({ zh: '企业身份凭证缺少统一社会信用代码', en: 'an enterprise token needs creditCode' });
  if (typeof claims.sub !== 'string' || !claims.sub) throw new AuthError({ zh: '身份凭证缺少用户', en: 'the token has no subject' });
  return {
    sub: claims.sub,
    name: typeof claims['name'] === 'string' ? claims['name'] : claims.sub,
    role,
    zones,
    ...(typeof claims['creditCode'] === 'string' ? { creditCode: claims['creditCode'] } : {}),
    ...(typeof claims['mobile'] === 'string' ? { mobile: claims['mobile'] } : {}),
  };
}

export interface MintOptions {
  privateKey: string;
  issuer?: string;
  audience?: string;
  /** Seconds or a zeit/ms string ('8h'). */
  expiresIn?: number | `${number}${'s' | 'm' | 'h' | 'd'}`;
}

export function mintToken(principal: Principal, options: MintOptions): string {
  const { sub, ...claims } = principal;
  return jwt.sign(claims, options.privateKey, {
    algorithm: 'RS256',
    subject: sub,
    issuer: options.issuer ?? DEFAULT_ISSUER,
    audience: options.audience ?? DEFAULT_AUDIENCE,
    expiresIn: options.expiresIn ?? '8h',
  });
}

export function privateKeyFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  return pem(env['JWT_PRIVATE_KEY'], env['JWT_PRIVATE_KEY_FILE'], 'private key');
}
