// The start command's last words: how each demo person signs in (console or API).
import { DEMO_PASSWORD, DEMO_USERS } from '../users';

console.log(`Demo people: sign in to the web console with the login below and the password ${DEMO_PASSWORD}`);
for (const user of DEMO_USERS) {
  const scope = user.creditCode ? `信用代码 ${user.creditCode}` : user.zones.length ? user.zones.join(',') : '全省';
  console.log(`  ${user.username.padEnd(17)} ${user.role.padEnd(18)} ${user.name}（${user.title}，${scope}）`);
}
