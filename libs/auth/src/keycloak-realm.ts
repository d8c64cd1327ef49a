import { createHash, randomBytes } from 'node:crypto';
import type { Role } from './principal';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { KeycloakAdmin } from './keycloak-admin';
import { DEFAULT_AUDIENCE } from './tokens';

/** Where the local identity provider is and how to use it (the start command writes it to deploy/local/.run/idp.json). */
export interface IdpSettings {
  keycloakUrl: string;
  realm: string;
  issuer: string;
  audience: string;
  /** Public client with the password grant (demo people's tokens for API use). */
  cliClientId: string;
  consoleClientId: string;
  consoleClientSecret: string;
  /** Service account that creates users (project-intake). */
  adminClientId: string;
  adminClientSecret: string;
}

/** deploy/keycloak: the realm (clients, roles, claim mappers, user profile) and the demo people. */
export const KEYCLOAK_DIR = join(__dirname, '../../../deploy/keycloak');

/** The realm file with its placeholders filled: a realm representation to POST to /admin/realms. */
export function realmFromTemplate(values: { DEVZONE_REALM: string; CONSOLE_URL: string; CONSOLE_CLIENT_SECRET: string; IDP_ADMIN_CLIENT_SECRET: string }): Record<string, unknown> & { users?: unknown[] } {
  return JSON.parse(fillPlaceholders(readFileSync(join(KEYCLOAK_DIR, 'realm.json'), 'utf8'), values)) as Record<string, unknown>;
}

/**
 * Fills the `${NAME}` placeholders of a realm file (the syntax Keycloak's own
 * import resolves from the environment, so docker-compose can import the same
 * file unchanged). A placeholder without a value is an error.
 */
export function fillPlaceholders(text: string, values: Record<string, string>): string {
  return text.replace(/\$\{([A-Z_][A-Z0-9_]*)(?::([^}]*))?\}/g, (_m, name: string, fallback?: string) => {
    const value = values[name] ?? fallback;
    if (value === undefined) throw new Error(`the realm file needs a value for \${${name}}`);
    return JSON.stringify(value).slice(1, -1);
  });
}

export interface RealmOptions {
  /** Where Keycloak answers, e.g. http://127.0.0.1:8180. */
  keycloakUrl: string;
  realm: string;
  /** The console that signs people in through this realm (its redirect URI is added when missing). */
  consoleUrl: string;
  /** Import the demo people (deploy/keycloak/demo-users.json). */
  demo: boolean;
  admin: { username: string; password: string };
  log?: (line: string) => void;
}

interface ClientRep {
  id: string;
  clientId: string;
  redirectUris?: string[];
  webOrigins?: string[];
  attributes?: Record<string, string>;
}

/**
 * Makes sure the realm exists as deploy/keycloak describes it: created (with
 * fresh client secrets) when missing, created again when the realm file or
 * the demo people changed since (the users invited since are then gone: a
 * local development realm), and the console's sign-in address registered.
 * Returns what the services and the console need to use it.
 */
export async function ensureRealm(options: RealmOptions): Promise<IdpSettings> {
  const log = options.log ?? (() => undefined);
  const admin = new KeycloakAdmin(options.keycloakUrl, { realm: 'master', clientId: 'admin-cli', ...options.admin });
  const template = readFileSync(join(KEYCLOAK_DIR, 'realm.json'), 'utf8');
  const people = options.demo ? readFileSync(join(KEYCLOAK_DIR, 'demo-users.json'), 'utf8') : '';
  const version = createHash('sha256').update(template).update(people).digest('hex').slice(0, 16);
  const realmPath = `/admin/realms/${encodeURIComponent(options.realm)}`;

  const existing = await admin.request<{ attributes?: Record<string, string> }>('GET', realmPath);
  if (existing.status === 200 && existing.body.attributes?.['devzoneRealmVersion'] !== version) {
    log(`realm ${options.realm} was made from an older deploy/keycloak: making it again (users invited since are removed)`);
    await admin.ok('DELETE', realmPath);
  }
  if (existing.status !== 200 || existing.body.attributes?.['devzoneRealmVersion'] !== version) {
    const values = { DEVZONE_REALM: options.realm, CONSOLE_URL: options.consoleUrl, CONSOLE_CLIENT_SECRET: secret(), IDP_ADMIN_CLIENT_SECRET: secret() };
    const realm = realmFromTemplate(values) as { users?: unknown[]; attributes?: Record<string, string> };
    if (people) realm.users = [...(realm.users ?? []), ...(JSON.parse(fillPlaceholders(people, values)) as { users: unknown[] }).users];
    realm.attributes = { ...realm.attributes, devzoneRealmVersion: version };
    await admin.ok('POST', '/admin/realms', realm);
    log(`realm ${options.realm} created${options.demo ? ' with the demo people' : ''}`);
  }

  const consoleClient = await client(admin, realmPath, 'devzone-console');
  const callback = `${options.consoleUrl}/auth/callback`;
  if (!consoleClient.redirectUris?.includes(callback)) {
    const logoutUris = (consoleClient.attributes?.['post.logout.redirect.uris'] ?? '').split('##').filter(Boolean);
    await admin.ok('PUT', `${realmPath}/clients/${consoleClient.id}`, {
      ...consoleClient,
      redirectUris: [...(consoleClient.redirectUris ?? []), callback],
      webOrigins: [...(consoleClient.webOrigins ?? []), options.consoleUrl],
      attributes: { ...consoleClient.attributes, 'post.logout.redirect.uris': [...logoutUris, `${options.consoleUrl}/*`].join('##') },
    });
    log(`realm ${options.realm}: the console at ${options.consoleUrl} may sign people in`);
  }
  const adminClient = await client(admin, realmPath, 'devzone-admin');
  const secretOf = async (c: ClientRep) => (await admin.ok<{ value: string }>('GET', `${realmPath}/clients/${c.id}/client-secret`)).body.value;
  return {
    keycloakUrl: options.keycloakUrl,
    realm: options.realm,
    issuer: `${options.keycloakUrl}/realms/${options.realm}`,
    audience: DEFAULT_AUDIENCE,
    cliClientId: 'devzone-cli',
    consoleClientId: consoleClient.clientId,
    consoleClientSecret: await secretOf(consoleClient),
    adminClientId: adminClient.clientId,
    adminClientSecret: await secretOf(adminClient),
  };
}

async function client(admin: KeycloakAdmin, realmPath: string, clientId: string): Promise<ClientRep> {
  const found = (await admin.ok<ClientRep[]>('GET', `${realmPath}/clients?clientId=${clientId}`)).body[0];
  if (!found) throw new Error(`the realm has no client ${clientId}: is deploy/keycloak/realm.json complete?`);
  return found;
}

const secret = () => randomBytes(24).toString('base64url');

/** A realm made from deploy/keycloak/realm.json without the demo people, and how to fill and remove it. */
export interface Realm {
  name: string;
  issuer: string;
  /** The service account that creates users (as project-intake uses it). */
  adminClient: { clientId: string; clientSecret: string };
  consoleClient: { clientId: string; clientSecret: string };
  /** A person with a password (its id is the subject of its tokens). */
  addUser(user: { username: string; name: string; role: Role; zones?: string[]; creditCode?: string; department?: string; mobile?: string; email?: string; password?: string }): Promise<{ id: string; username: string; password: string }>;
  remove(): Promise<void>;
}

/**
 * A realm of its own, e.g. for a test file (user ids are global in Keycloak, so
 * such realms hold no demo people): fresh client secrets, the name made unique.
 */
export async function createRealm(keycloak: { url: string; admin: KeycloakAdmin }, prefix: string, consoleUrl = 'http://127.0.0.1:3999'): Promise<Realm> {
  const name = `${prefix}-${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
  const consoleClient = { clientId: 'devzone-console', clientSecret: secret() };
  const adminClient = { clientId: 'devzone-admin', clientSecret: secret() };
  await keycloak.admin.ok('POST', '/admin/realms', realmFromTemplate({ DEVZONE_REALM: name, CONSOLE_URL: consoleUrl, CONSOLE_CLIENT_SECRET: consoleClient.clientSecret, IDP_ADMIN_CLIENT_SECRET: adminClient.clientSecret }));
  return {
    name,
    issuer: `${keycloak.url}/realms/${name}`,
    adminClient,
    consoleClient,
    async addUser(user) {
      const password = user.password ?? `pw-${randomBytes(6).toString('hex')}`;
      const attributes: Record<string, string[]> = {};
      if (user.zones?.length) attributes['zones'] = user.zones;
      if (user.creditCode) attributes['credit_code'] = [user.creditCode];
      if (user.department) attributes['department'] = [user.department];
      if (user.mobile) attributes['mobile'] = [user.mobile];
      const id = await keycloak.admin.createUser(name, { username: user.username, firstName: user.name, ...(user.email ? { email: user.email } : {}), attributes }, user.role);
      await keycloak.admin.setPassword(name, id, password);
      return { id, username: user.username, password };
    },
    async remove() {
      await keycloak.admin.request('DELETE', `/admin/realms/${name}`);
    },
  };
}
