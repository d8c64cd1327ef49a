// `npm run -s demo:users` writes deploy/keycloak/demo-users.json: the demo people as users of the
// identity provider's realm (from libs/demo/src/users.ts; a unit test checks the file is current).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { demoRealmUsers } from '../users';

const file = join(__dirname, '../../../../deploy/keycloak/demo-users.json');
writeFileSync(file, `${JSON.stringify(demoRealmUsers(), null, 2)}\n`);
console.log(`wrote ${file}`);
