import { IdentityProviderUnavailable } from './tokens';

/**
 * Keycloak's admin REST API over fetch (no client library: the official one is
 * ESM only). Signs in with a client's credentials (a service account: what
 * project-intake uses to create users) or with an administrator's password
 * (the master realm: what the local scripts and tests use to create realms).
 */
export type AdminCredentials = { realm: string; clientId: string; clientSecret: string } | { realm: string; clientId: string; username: string; password: string };

export interface AdminAnswer<T = unknown> {
  status: number;
  body: T;
  location: string | null;
}

export interface KeycloakUser {
  id: string;
  username: string;
  firstName?: string;
  email?: string;
  enabled?: boolean;
  attributes?: Record<string, string[]>;
}

export class KeycloakAdminError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    what: string,
  ) {
    super(`${what} → ${status} ${JSON.stringify(body)}`);
  }
}

export class KeycloakAdmin {
  private token?: { value: string; expiresAt: number };

  /** `baseUrl`: where Keycloak answers, e.g. http://127.0.0.1:8180 (no /realms). */
  constructor(
    readonly baseUrl: string,
    private readonly credentials: AdminCredentials,
  ) {}

  /** A token of the given credentials' realm (also: a demo user's token by password). */
  static async passwordGrant(baseUrl: string, realm: string, clientId: string, username: string, password: string): Promise<{ access_token: string; expires_in: number; refresh_token?: string; id_token?: string }> {
    return tokenRequest(`${baseUrl}/realms/${encodeURIComponent(realm)}/protocol/openid-connect/token`, { grant_type: 'password', client_id: clientId, username, password, scope: 'openid' });
  }

  private async accessToken(): Promise<string> {
    if (this.token && this.token.expiresAt - Date.now() > 30_000) return this.token.value;
    const c = this.credentials;
    const form: Record<string, string> =
      'clientSecret' in c ? { grant_type: 'client_credentials', client_id: c.clientId, client_secret: c.clientSecret } : { grant_type: 'password', client_id: c.clientId, username: c.username, password: c.password };
    const answer = await tokenRequest(`${this.baseUrl}/realms/${encodeURIComponent(c.realm)}/protocol/openid-connect/token`, form);
    this.token = { value: answer.access_token, expiresAt: Date.now() + answer.expires_in * 1000 };
    return answer.access_token;
  }

  /** One admin request; `path` starts at /admin/realms. Any status is returned; network failures throw IdentityProviderUnavailable. */
  async request<T = unknown>(method: string, path: string, body?: unknown): Promise<AdminAnswer<T>> {
    const url = `${this.baseUrl}${path}`;
    let response: Response;
    try {
      response = await fetch(url, {
        method,
        headers: { authorization: `Bearer ${await this.accessToken()}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(10_000),
      });
    } catch (error) {
      throw new IdentityProviderUnavailable(`Keycloak (${url}) does not answer: ${(error as Error).message}`);
    }
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      /* not JSON */
    }
    if (response.status >= 500) throw new IdentityProviderUnavailable(`Keycloak ${method} ${path} → ${response.status} ${text.slice(0, 300)}`);
    return { status: response.status, body: parsed as T, location: response.headers.get('location') };
  }

  /** A request that must succeed (2xx). */
  async ok<T = unknown>(method: string, path: string, body?: unknown): Promise<AdminAnswer<T>> {
    const answer = await this.request<T>(method, path, body);
    if (answer.status < 200 || answer.status > 299) throw new KeycloakAdminError(answer.status, answer.body, `Keycloak ${method} ${path}`);
    return answer;
  }

  /** Users of a realm whose attributes match all of `attributes` exactly. */
  async findUsersByAttributes(realm: string, attributes: Record<string, string>): Promise<KeycloakUser[]> {
    const q = Object.entries(attributes)
      .map(([k, v]) => `${k}:${v}`)
      .join(' ');
    return (await this.ok<KeycloakUser[]>('GET', `/admin/realms/${realm}/users?exact=true&briefRepresentation=false&q=${encodeURIComponent(q)}`)).body;
  }

  async findUserByUsername(realm: string, username: string): Promise<KeycloakUser | undefined> {
    return (await this.ok<KeycloakUser[]>('GET', `/admin/realms/${realm}/users?exact=true&briefRepresentation=false&username=${encodeURIComponent(username)}`)).body[0];
  }

  /** Creates a user and gives it one realm role; returns its id (the subject of its tokens). */
  async createUser(realm: string, user: Omit<KeycloakUser, 'id'>, role: string): Promise<string> {
    const created = await this.ok('POST', `/admin/realms/${realm}/users`, { enabled: true, ...user });
    const id = created.location?.split('/').pop();
    if (!id) throw new Error('Keycloak created a user but said not where');
    const roleRep = (await this.ok<{ id: string; name: string }>('GET', `/admin/realms/${realm}/roles/${encodeURIComponent(role)}`)).body;
    await this.ok('POST', `/admin/realms/${realm}/users/${id}/role-mappings/realm`, [{ id: roleRep.id, name: roleRep.name }]);
    return id;
  }

  async hasPassword(realm: string, userId: string): Promise<boolean> {
    const credentials = (await this.ok<{ type: string }[]>('GET', `/admin/realms/${realm}/users/${userId}/credentials`)).body;
    return credentials.some((c) => c.type === 'password');
  }

  /** Sets a user's password; a password the realm's policy refuses comes back as KeycloakAdminError 400. */
  async setPassword(realm: string, userId: string, password: string): Promise<void> {
    await this.ok('PUT', `/admin/realms/${realm}/users/${userId}/reset-password`, { type: 'password', value: password, temporary: false });
  }
}

async function tokenRequest(url: string, form: Record<string, string>): Promise<{ access_token: string; expires_in: number; refresh_token?: string; id_token?: string }> {
  let response: Response;
  try {
    response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(form), signal: AbortSignal.timeout(10_000) });
  } catch (error) {
    throw new IdentityProviderUnavailable(`Keycloak (${url}) does not answer: ${(error as Error).message}`);
  }
  const body = (await response.json().catch(() => ({}))) as { access_token?: string; expires_in?: number; error?: string; error_description?: string };
  if (!response.ok || !body.access_token) throw new KeycloakAdminError(response.status, body, `token from ${url} for ${form['client_id']}${form['username'] ? ` as ${form['username']}` : ''}`);
  return body as { access_token: string; expires_in: number };
}
