import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { createRealm, KeycloakAdmin, type Realm } from '@devzone/auth';
import { WORKSPACE_ROOT } from './infrastructure';

/**
 * The real Keycloak for tests: KEYCLOAK_URL when set, otherwise the local one
 * (deploy/local/keycloak.sh up: started once, reused by every test file).
 * `admin` signs in to the master realm as the local bootstrap administrator.
 */
export function testKeycloak(env: NodeJS.ProcessEnv = process.env): { url: string; admin: KeycloakAdmin } {
  let url = env['KEYCLOAK_URL'];
  if (!url) {
    execFileSync('bash', [join(WORKSPACE_ROOT, 'deploy/local/keycloak.sh'), 'up'], { stdio: 'inherit' });
    url = `http://127.0.0.1:${env['KEYCLOAK_PORT'] ?? 8180}`;
  }
  return { url, admin: new KeycloakAdmin(url, { realm: 'master', clientId: 'admin-cli', username: env['KEYCLOAK_ADMIN_USER'] ?? 'admin', password: env['KEYCLOAK_ADMIN_PASSWORD'] ?? 'admin' }) };
}

export type TestRealm = Realm;
/** A realm of the test file's own, from deploy/keycloak/realm.json (libs/auth's createRealm). */
export const createTestRealm = (keycloak: { url: string; admin: KeycloakAdmin }, prefix: string, consoleUrl?: string) => createRealm(keycloak, prefix, consoleUrl);
