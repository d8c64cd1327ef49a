// The start command's identity provider step: makes sure the realm exists in the local Keycloak
// (deploy/local/keycloak.sh runs it) and writes what the services, the console and `npm run token`
// need to $DEVZONE_RUN_DIR/idp.json.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureRealm } from '@devzone/auth';
import { runDir } from './env';

const offset = Number(process.env['DEVZONE_PORT_OFFSET'] ?? 0);
ensureRealm({
  keycloakUrl: process.env['KEYCLOAK_URL'] ?? `http://127.0.0.1:${process.env['KEYCLOAK_PORT'] ?? 8180}`,
  realm: process.env['DEVZONE_REALM'] ?? 'devzone',
  consoleUrl: process.env['CONSOLE_PUBLIC_URL'] ?? `http://127.0.0.1:${3000 + offset}`,
  demo: (process.env['DEVZONE_DEMO'] ?? 'true') === 'true',
  admin: { username: process.env['KEYCLOAK_ADMIN_USER'] ?? 'admin', password: process.env['KEYCLOAK_ADMIN_PASSWORD'] ?? 'admin' },
  log: (line) => console.log(`[keycloak] ${line}`),
})
  .then((settings) => {
    const file = join(runDir(), 'idp.json');
    writeFileSync(file, `${JSON.stringify(settings, null, 2)}\n`, { mode: 0o600 });
    console.log(`[keycloak] realm ${settings.realm}: issuer ${settings.issuer}`);
  })
  .catch((error: unknown) => {
    console.error(`[keycloak] ERROR: ${(error as Error).message}`);
    process.exit(1);
  });
