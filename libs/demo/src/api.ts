import { KeycloakAdmin, mintToken, type IdpSettings } from '@devzone/auth';
import { DEMO_PASSWORD, principalOf, type DemoUser } from './users';

export const SERVICE_NAMES = ['project-intake', 'commitment-approval', 'standard-land', 'agency', 'notifications'] as const;
export type ServiceName = (typeof SERVICE_NAMES)[number];
export type ServiceUrls = Record<ServiceName, string>;

/** Where the start command runs the services: 3001–3005, shifted by DEVZONE_PORT_OFFSET (deploy/local/services.sh). */
export function serviceUrls(offset = Number(process.env['DEVZONE_PORT_OFFSET'] ?? 0), host = '127.0.0.1'): ServiceUrls {
  return Object.fromEntries(SERVICE_NAMES.map((name, i) => [name, `http://${host}:${3001 + i + offset}`])) as ServiceUrls;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;
export interface Answer {
  status: number;
  body: Json;
}

export class ApiError extends Error {
  constructor(
    readonly method: string,
    readonly url: string,
    readonly status: number,
    readonly body: Json,
  ) {
    super(`${method} ${url} → ${status}: ${typeof body === 'object' ? JSON.stringify(body).slice(0, 600) : String(body)}`);
  }
}

/** Called after every request (the benchmark's HTTP latencies). */
export type RequestObserver = (method: string, service: ServiceName, path: string, status: number, ms: number) => void;

/** Where a demo person's access token comes from. */
export interface TokenSource {
  token(user: DemoUser): Promise<string>;
}

/** Caches each token until a minute before it expires (the console's and the seed's runs are long). */
abstract class CachingTokens implements TokenSource {
  private readonly tokens = new Map<string, Promise<{ token: string; expiresAt: number }>>();
  protected abstract fetch(user: DemoUser): Promise<{ token: string; expiresAt: number }>;

  async token(user: DemoUser): Promise<string> {
    const cached = this.tokens.get(user.sub);
    if (cached) {
      const known = await cached.catch(() => undefined);
      if (known && known.expiresAt - Date.now() > 60_000) return known.token;
    }
    const next = this.fetch(user);
    this.tokens.set(user.sub, next);
    next.catch(() => this.tokens.delete(user.sub));
    return (await next).token;
  }
}

const expiryOf = (token: string) => (JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()) as { exp: number }).exp * 1000;

/** A demo person signs in to the identity provider with its password (the realm's devzone-cli client; demo only). */
export class IdpTokens extends CachingTokens {
  constructor(private readonly idp: Pick<IdpSettings, 'keycloakUrl' | 'realm' | 'cliClientId'>) {
    super();
  }
  protected async fetch(user: DemoUser) {
    const answer = await KeycloakAdmin.passwordGrant(this.idp.keycloakUrl, this.idp.realm, this.idp.cliClientId, user.username, user.password ?? DEMO_PASSWORD);
    return { token: answer.access_token, expiresAt: expiryOf(answer.access_token) };
  }
}

/** Tokens signed with a test key (services started with JWT_PUBLIC_KEY: the fault suite and unit tests). */
export class TestKeyTokens extends CachingTokens {
  constructor(private readonly privateKey: string) {
    super();
  }
  protected async fetch(user: DemoUser) {
    const token = mintToken(principalOf(user), { privateKey: this.privateKey, expiresIn: '12h' });
    return { token, expiresAt: expiryOf(token) };
  }
}

/**
 * The services' HTTP APIs as a demo user calls them: a bearer token from the
 * token source, JSON in and out.
 */
export class DemoApi {
  observer?: RequestObserver;

  constructor(
    readonly urls: ServiceUrls,
    readonly tokens: TokenSource,
  ) {}

  token(user: DemoUser): Promise<string> {
    return this.tokens.token(user);
  }

  async call(user: DemoUser | null, method: string, service: ServiceName, path: string, body?: unknown): Promise<Answer> {
    const url = `${this.urls[service]}${path}`;
    const started = performance.now();
    const response = await fetch(url, {
      method,
      headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(user ? { authorization: `Bearer ${await this.token(user)}` } : {}) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    this.observer?.(method, service, path, response.status, performance.now() - started);
    let parsed: Json = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      /* not JSON: keep the text */
    }
    return { status: response.status, body: parsed };
  }

  /** A request that must succeed (2xx): its body, or an ApiError. */
  async ok(user: DemoUser | null, method: string, service: ServiceName, path: string, body?: unknown): Promise<Json> {
    const answer = await this.call(user, method, service, path, body);
    if (answer.status < 200 || answer.status > 299) throw new ApiError(method, `${this.urls[service]}${path}`, answer.status, answer.body);
    return answer.body;
  }

  get = (user: DemoUser | null, service: ServiceName, path: string) => this.ok(user, 'GET', service, path);
  post = (user: DemoUser | null, service: ServiceName, path: string, body: unknown = {}) => this.ok(user, 'POST', service, path, body);
  put = (user: DemoUser | null, service: ServiceName, path: string, body: unknown) => this.ok(user, 'PUT', service, path, body);

  /** Every item of a paged list ({items, total}), page by page at the largest page size. */
  async all(user: DemoUser | null, service: ServiceName, path: string): Promise<Json[]> {
    const items: Json[] = [];
    for (let page = 1; ; page++) {
      const answer = await this.get(user, service, `${path}${path.includes('?') ? '&' : '?'}pageSize=100&page=${page}`);
      items.push(...answer.items);
      if (items.length >= answer.total || !answer.items.length) return items;
    }
  }
}

/**
 * Polls until `check` returns something other than undefined/false (the
 * services react to each other's events asynchronously), or fails with the
 * last error after `timeoutMs`.
 */
export async function until<T>(what: string, check: () => Promise<T | undefined | false>, timeoutMs = 30_000, intervalMs = 50): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined && value !== false) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? `: ${last instanceof Error ? last.message : String(last)}` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
