import { createPublicKey, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import jwt from 'jsonwebtoken';
import { AuthError, claimNamesFromEnv, claimsOf, DEFAULT_CLAIMS, principalFromClaims, type ClaimNames } from './claims';
import type { Principal } from './principal';

export { AuthError } from './claims';

/**
 * Access tokens from an OpenID Connect issuer (architecture §9): the keys come
 * from the issuer's JWKS (found by discovery, fetched again when a token names
 * a key id it has not seen: key rotation), the algorithm is pinned (RS256 by
 * default; "none" and HS* are never accepted), `iss`, `aud`, `exp`, `iat` and
 * `sub` are required, the token's type claim is checked (an ID or refresh token
 * is not an access token), a token older than the maximum age is refused
 * whatever its expiry says, and clocks may differ by a few seconds.
 *
 * A static public key instead of the JWKS is for tests only (JWT_PUBLIC_KEY):
 * the same checks, one key, refused when NODE_ENV=production.
 */
export interface AuthConfig {
  issuer: string;
  audience: string;
  algorithms: string[];
  maxTokenAgeSeconds: number;
  clockToleranceSeconds: number;
  /** The `typ` claim an access token carries (Keycloak: "Bearer"); empty: not checked. */
  tokenType: string;
  claims: ClaimNames;
  keys: { kind: 'oidc'; discoveryUrl: string; jwksUri?: string; cooldownMs: number } | { kind: 'static'; publicKey: KeyObject };
}

export const DEFAULT_AUDIENCE = 'devzone-api';
/** The issuer of tokens minted by tests with a static key. */
export const TEST_ISSUER = 'devzone-test-idp';
const ASYMMETRIC = /^(RS|PS|ES)(256|384|512)$|^EdDSA$/;

/** The identity provider cannot be reached (discovery or JWKS): 503, not 401. */
export class IdentityProviderUnavailable extends Error {
  override readonly name = 'IdentityProviderUnavailable';
}

function numberOf(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a number of seconds ≥ 0, not "${raw}"`);
  return value;
}

export function authConfigFromEnv(env: NodeJS.ProcessEnv = process.env): AuthConfig {
  const algorithms = (env['OIDC_ALGORITHMS'] || 'RS256').split(',').map((a) => a.trim()).filter(Boolean);
  const weak = algorithms.filter((a) => !ASYMMETRIC.test(a));
  if (weak.length) throw new Error(`OIDC_ALGORITHMS may name only asymmetric algorithms (RS256, ES256 …), not ${weak.join(', ')}`);
  const common = {
    audience: env['OIDC_AUDIENCE'] || DEFAULT_AUDIENCE,
    algorithms,
    maxTokenAgeSeconds: numberOf(env, 'OIDC_MAX_TOKEN_AGE', 3600),
    clockToleranceSeconds: numberOf(env, 'OIDC_CLOCK_TOLERANCE', 5),
    tokenType: env['OIDC_TOKEN_TYPE'] ?? 'Bearer',
    claims: claimNamesFromEnv(env),
  };
  const issuer = env['OIDC_ISSUER'];
  if (issuer) {
    return {
      ...common,
      issuer,
      keys: { kind: 'oidc', discoveryUrl: env['OIDC_DISCOVERY_URL'] || issuer, ...(env['OIDC_JWKS_URI'] ? { jwksUri: env['OIDC_JWKS_URI'] } : {}), cooldownMs: numberOf(env, 'OIDC_JWKS_COOLDOWN_MS', 30_000) },
    };
  }
  const pem = env['JWT_PUBLIC_KEY']?.replace(/\\n/g, '\n') ?? (env['JWT_PUBLIC_KEY_FILE'] ? readFileSync(env['JWT_PUBLIC_KEY_FILE'], 'utf8') : undefined);
  if (!pem) throw new Error('the identity provider is not configured: set OIDC_ISSUER (and OIDC_AUDIENCE); JWT_PUBLIC_KEY is for tests only');
  if (env['NODE_ENV'] === 'production') throw new Error('JWT_PUBLIC_KEY (a static test key) is refused when NODE_ENV=production: set OIDC_ISSUER');
  return { ...common, issuer: env['JWT_ISSUER'] || TEST_ISSUER, keys: { kind: 'static', publicKey: createPublicKey(pem) } };
}

/** Verifies access tokens and says whom they stand for. One per service; it keeps the issuer's keys. */
export class TokenVerifier {
  private keys?: Promise<KeyObject | JWTVerifyGetKey>;

  constructor(
    readonly config: AuthConfig,
    private readonly fetchJson: (url: string) => Promise<unknown> = defaultFetchJson,
  ) {}

  /** Discovery ahead of the first request (a failure is retried by the next request). */
  async warmUp(): Promise<void> {
    await this.key();
  }

  async verify(token: string): Promise<Principal> {
    const key = await this.key();
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, key as JWTVerifyGetKey, {
        issuer: this.config.issuer,
        audience: this.config.audience,
        algorithms: this.config.algorithms,
        maxTokenAge: this.config.maxTokenAgeSeconds,
        clockTolerance: this.config.clockToleranceSeconds,
        requiredClaims: ['exp', 'iat', 'sub'],
      }));
    } catch (error) {
      throw refusal(error);
    }
    if (this.config.tokenType && payload['typ'] !== this.config.tokenType) {
      throw new AuthError({ zh: '身份凭证类型不符（须为访问令牌）', en: `the token's typ is ${JSON.stringify(payload['typ'] ?? null)}, not ${this.config.tokenType}` });
    }
    return principalFromClaims(payload, this.config.claims);
  }

  private key(): Promise<KeyObject | JWTVerifyGetKey> {
    const keys = this.config.keys;
    if (keys.kind === 'static') return Promise.resolve(keys.publicKey);
    this.keys ??= this.discover(keys).catch((error: unknown) => {
      this.keys = undefined; // the next request tries again
      throw error;
    });
    return this.keys;
  }

  private async discover(keys: Extract<AuthConfig['keys'], { kind: 'oidc' }>): Promise<JWTVerifyGetKey> {
    let jwksUri = keys.jwksUri;
    if (!jwksUri) {
      const url = `${keys.discoveryUrl.replace(/\/$/, '')}/.well-known/openid-configuration`;
      const metadata = (await this.fetchJson(url)) as { issuer?: string; jwks_uri?: string };
      if (metadata.issuer !== this.config.issuer) throw new Error(`the identity provider at ${url} says its issuer is ${metadata.issuer}, not OIDC_ISSUER=${this.config.issuer}`);
      if (!metadata.jwks_uri) throw new Error(`the identity provider at ${url} names no jwks_uri`);
      jwksUri = metadata.jwks_uri;
    }
    const jwks = createRemoteJWKSet(new URL(jwksUri), { cooldownDuration: keys.cooldownMs, cacheMaxAge: 10 * 60_000, timeoutDuration: 5_000 });
    return async (header, token) => {
      try {
        return await jwks(header, token);
      } catch (error) {
        if (error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JWKSMultipleMatchingKeys) throw error;
        throw new IdentityProviderUnavailable(`the identity provider's keys (${jwksUri}) cannot be fetched: ${(error as Error).message}`);
      }
    };
  }
}

async function defaultFetchJson(url: string): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(5_000) });
  } catch (error) {
    throw new IdentityProviderUnavailable(`the identity provider (${url}) does not answer: ${(error as Error).message}`);
  }
  if (!response.ok) throw new IdentityProviderUnavailable(`the identity provider (${url}) answered ${response.status}`);
  return response.json();
}

function refusal(error: unknown): Error {
  if (error instanceof IdentityProviderUnavailable) return error;
  if (error instanceof errors.JWTExpired) {
    // maxTokenAge: "iat" too far in the past, whatever "exp" says.
    if (error.claim === 'iat') return new AuthError({ zh: '身份凭证签发过久，请重新登录', en: `the token is older than the maximum age: ${error.message}` });
    return new AuthError({ zh: '登录已过期，请重新登录', en: 'the token has expired' });
  }
  if (error instanceof errors.JWTClaimValidationFailed) return new AuthError({ zh: '身份凭证无效', en: `invalid token: ${error.claim} ${error.message}` });
  if (error instanceof errors.JOSEError) return new AuthError({ zh: '身份凭证无效', en: `invalid token: ${error.code} ${error.message}` });
  return new AuthError({ zh: '身份凭证无效', en: `invalid token: ${(error as Error).message}` });
}

export interface MintOptions {
  privateKey: string;
  issuer?: string;
  audience?: string;
  /** Seconds or a zeit/ms string ('8h'). */
  expiresIn?: number | `${number}${'s' | 'm' | 'h' | 'd'}`;
  claims?: ClaimNames;
  /** Extra or overriding claims (tests of refusals). */
  extra?: Record<string, unknown>;
  algorithm?: jwt.Algorithm;
}

/** A token as the identity provider would issue it, signed with a test key (tests and tools only). */
export function mintToken(principal: Principal, options: MintOptions): string {
  return jwt.sign({ ...claimsOf(principal, options.claims ?? DEFAULT_CLAIMS), typ: 'Bearer', ...options.extra }, options.privateKey, {
    algorithm: options.algorithm ?? 'RS256',
    subject: principal.sub,
    issuer: options.issuer ?? TEST_ISSUER,
    audience: options.audience ?? DEFAULT_AUDIENCE,
    ...(options.extra?.['exp'] === undefined ? { expiresIn: options.expiresIn ?? '8h' } : {}),
  });
}

export function privateKeyFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  const pem = env['JWT_PRIVATE_KEY']?.replace(/\\n/g, '\n') ?? (env['JWT_PRIVATE_KEY_FILE'] ? readFileSync(env['JWT_PRIVATE_KEY_FILE'], 'utf8') : undefined);
  if (!pem) throw new Error('no test signing key: set JWT_PRIVATE_KEY (the test setup does)');
  return pem;
}
