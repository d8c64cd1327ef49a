// `npm run token` lists the demo users with a token each; `npm run -s token -- <user id>` prints one token
// (several ids: one line each).
import { DEMO_USERS, demoUser } from '../users';
import { demoApi } from './env';

const api = demoApi();
const ids = process.argv.slice(2);
if (ids.length === 1) {
  console.log(api.token(demoUser(ids[0])));
} else if (ids.length > 1) {
  for (const id of ids) console.log(`  ${id.padEnd(17)} ${api.token(demoUser(id))}`);
} else {
  console.log('演示用户与访问令牌 (demo users and their access tokens, valid 12 h). Use one in the API docs: Authorize → paste the token.');
  for (const user of DEMO_USERS) {
    const scope = user.creditCode ? `信用代码 ${user.creditCode}` : user.zones.length ? user.zones.join(',') : '全省';
    console.log(`\n  ${user.sub.padEnd(18)} ${user.role.padEnd(18)} ${user.name} — ${user.title}（${scope}）\n  ${api.token(user)}`);
  }
  console.log('\nOne token only: npm run -s token -- <user id>   e.g. curl -H "Authorization: Bearer $(npm run -s token -- ent-sx-1)" http://127.0.0.1:3001/projects');
}
