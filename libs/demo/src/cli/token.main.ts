// `npm run token` lists the demo people, how they sign in, and a token each (from the identity provider);
// `npm run -s token -- <user id>` prints one token (several ids: one line each).
import { DEMO_PASSWORD, DEMO_USERS, demoUser } from '../users';
import { demoApi, idpSettings } from './env';

async function main(): Promise<void> {
  const api = demoApi();
  const ids = process.argv.slice(2);
  if (ids.length === 1) {
    console.log(await api.token(demoUser(ids[0])));
  } else if (ids.length > 1) {
    for (const id of ids) console.log(`  ${id.padEnd(17)} ${await api.token(demoUser(id))}`);
  } else {
    const idp = idpSettings();
    console.log(`演示用户 (demo people): sign in with the id and the password ${DEMO_PASSWORD}; tokens from ${idp.issuer} (15 min; run again for new ones).`);
    for (const user of DEMO_USERS) {
      const scope = user.creditCode ? `信用代码 ${user.creditCode}` : user.zones.length ? user.zones.join(',') : '全省';
      console.log(`\n  ${user.username.padEnd(18)} ${user.role.padEnd(18)} ${user.name} — ${user.title}（${scope}）\n  ${await api.token(user)}`);
    }
    console.log('\nOne token only: npm run -s token -- <user id>   e.g. curl -H "Authorization: Bearer $(npm run -s token -- ent-sx-1)" http://127.0.0.1:3001/projects');
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
