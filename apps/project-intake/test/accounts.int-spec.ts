import { DataSource } from 'typeorm';
import { parseEvent, type ProjectAccountInvitedV1, type ProjectSignedV1 } from '@devzone/contracts';
import { authConfigFromEnv, KeycloakAdmin, TokenVerifier } from '@devzone/auth';
import { startService, type RunningService } from '@devzone/platform';
import { as, createTestDatabase, createTestRealm, dropTestDatabase, get, post, readTopic, testKeycloak, uniqueName, type TestRealm } from '@devzone/testing';
import { AppModule } from '../src/app.module';
import { validRegistration } from './intake.fixtures';

/**
 * Enterprise contacts and staff as users of a real Keycloak (a realm of this
 * test's own, made from deploy/keycloak/realm.json): accounts found or created
 * on registration, one invitation each by e-mail event, the password set once
 * from the link, and a token from the realm for the new user.
 */
describe('accounts: enterprise contacts invited on registration, staff created by an administrator', () => {
  const name = uniqueName('intake_acc');
  const keycloak = testKeycloak();
  let realm: TestRealm;
  let service: RunningService;
  const saved = { ...process.env };
  const officer = as({ sub: 'officer-acc', name: '王芳', role: 'zone-officer', zones: ['SX-ZGQ'] });
  const events = async (type: string, count: number) =>
    (await readTopic(`${name}.project.events`, (all) => all.filter((m) => m.headers['event-type'] === type).length >= count)).filter((m) => m.headers['event-type'] === type).map((m) => parseEvent(m.value));
  const tokenFrom = (link: string) => new URL(link).hash.replace(/^#token=/, '');
  const signIn = (username: string, password: string) => KeycloakAdmin.passwordGrant(keycloak.url, realm.name, 'devzone-cli', username, password);

  beforeAll(async () => {
    realm = await createTestRealm(keycloak, 'intake-acc');
    Object.assign(process.env, { IDP_ADMIN_URL: keycloak.url, IDP_REALM: realm.name, IDP_ADMIN_CLIENT_ID: realm.adminClient.clientId, IDP_ADMIN_CLIENT_SECRET: realm.adminClient.clientSecret, CONSOLE_PUBLIC_URL: 'http://console.test' });
    service = await startService(AppModule, { service: 'project-intake', databaseUrl: await createTestDatabase(name), topicPrefix: `${name}.` });
  }, 90_000);

  afterAll(async () => {
    process.env = saved;
    await service?.close();
    await dropTestDatabase(name);
    await realm?.remove();
  });

  it('creates the contact’s account, puts its subject on project.signed and invites it once by an e-mail event, with no link on the timeline', async () => {
    const contact = { name: '赵晓燕', mobile: '13911112222', email: 'zhaoxy@enterprise.example.cn' };
    const first = await post(`${service.url}/projects`, validRegistration({ contacts: [contact, { name: '无邮箱联系人', mobile: '13911113333' }] }), officer);
    expect(first.status).toBe(201);

    const [user] = await keycloak.admin.findUsersByAttributes(realm.name, { mobile: contact.mobile, credit_code: '91350100M000100Y43' });
    expect(user).toMatchObject({ username: contact.mobile, firstName: '赵晓燕', email: contact.email });
    const roles = (await keycloak.admin.ok<{ name: string }[]>('GET', `/admin/realms/${realm.name}/users/${user.id}/role-mappings/realm`)).body.map((r) => r.name);
    expect(roles).toContain('enterprise');

    const signed = (await events('project.signed', 1)).find((e) => e.projectId === first.body['id'])!;
    expect((signed.payload as ProjectSignedV1).contacts[0]).toMatchObject({ mobile: contact.mobile, userId: user.id });
    const [invited] = await events('project.account-invited', 1);
    expect(invited).toMatchObject({ projectId: first.body['id'], actor: { id: 'officer-acc' }, payload: { userId: user.id, username: contact.mobile, name: '赵晓燕', email: contact.email, role: 'enterprise', enterpriseName: '山西示例新材料有限公司' } });
    expect((invited.payload as ProjectAccountInvitedV1).setPasswordUrl).toMatch(/^http:\/\/console\.test\/invite#token=[\w-]{40,}$/);

    const timeline = (await get(`${service.url}/projects/${first.body['id']}/timeline?pageSize=100`)).body['items'] as { type: string; summary: string }[];
    expect(timeline.find((e) => e.type === 'project.account-invited')!.summary).toContain('邀请联系人 赵晓燕 开通平台账号');
    const [kept] = await service.app.get(DataSource).query(`SELECT payload FROM timeline_entries WHERE type = 'project.account-invited'`);
    expect(kept.payload).toMatchObject({ userId: user.id, username: contact.mobile });
    expect(JSON.stringify(kept.payload)).not.toContain('token');
    // Only the hash of the link's token is stored.
    const [row] = await service.app.get(DataSource).query(`SELECT token_hash FROM invitations WHERE user_id = $1`, [user.id]);
    expect(row.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect((invited.payload as ProjectAccountInvitedV1).setPasswordUrl).not.toContain(row.token_hash);

    // A second project of the same contact: the same account, no second invitation while the first is open.
    const second = await post(`${service.url}/projects`, validRegistration({ name: '二期项目', contacts: [contact] }), officer);
    expect(second.status).toBe(201);
    const signedTwice = await events('project.signed', 2);
    expect((signedTwice.find((e) => e.projectId === second.body['id'])!.payload as ProjectSignedV1).contacts[0].userId).toBe(user.id);
    expect(await service.app.get(DataSource).query(`SELECT count(*)::int AS n FROM invitations`)).toEqual([{ n: 1 }]);
    expect(await keycloak.admin.findUsersByAttributes(realm.name, { mobile: contact.mobile })).toHaveLength(1);
  });

  it('sets the password once from the link; the new user signs in and its token says whose projects it sees', async () => {
    const [invited] = await events('project.account-invited', 1);
    const payload = invited.payload as ProjectAccountInvitedV1;
    const token = tokenFrom(payload.setPasswordUrl);

    expect(await post(`${service.url}/invitations/check`, { token }, null)).toMatchObject({ status: 200, body: { username: payload.username, name: '赵晓燕' } });
    const weak = await post(`${service.url}/invitations/accept`, { token, password: payload.username }, null);
    expect(weak.status).toBe(400);
    expect(weak.body['issues']).toEqual([{ field: 'password', reason: expect.stringContaining('密码') }]);
    expect(await post(`${service.url}/invitations/accept`, { token: 'x'.repeat(43), password: 'Zhaoxy-2026' }, null)).toMatchObject({ status: 404 });

    expect(await post(`${service.url}/invitations/accept`, { token, password: 'Zhaoxy-2026' }, null)).toMatchObject({ status: 200, body: { username: payload.username } });
    expect(await post(`${service.url}/invitations/accept`, { token, password: 'Another-2026' }, null)).toMatchObject({ status: 409, body: { code: 'invitation-used' } });

    const { access_token } = await signIn(payload.username, 'Zhaoxy-2026');
    const principal = await new TokenVerifier(authConfigFromEnv({ OIDC_ISSUER: realm.issuer })).verify(access_token);
    expect(principal).toMatchObject({ sub: payload.userId, role: 'enterprise', creditCode: '91350100M000100Y43', name: '赵晓燕' });
  });

  it('invites nobody whose account already has a password', async () => {
    const existing = await realm.addUser({ username: 'ent-known', name: '老用户', role: 'enterprise', creditCode: '91350100M000100Y43', mobile: '13922223333', email: 'known@enterprise.example.cn' });
    const before = (await events('project.account-invited', 1)).length;
    const registered = await post(`${service.url}/projects`, validRegistration({ name: '老用户的项目', contacts: [{ name: '老用户', mobile: '13922223333', email: 'known@enterprise.example.cn' }] }), officer);
    expect(registered.status).toBe(201);
    const signed = (await events('project.signed', 3)).find((e) => e.projectId === registered.body['id'])!;
    expect((signed.payload as ProjectSignedV1).contacts[0].userId).toBe(existing.id);
    expect(await service.app.get(DataSource).query(`SELECT count(*)::int AS n FROM invitations WHERE user_id = $1`, [existing.id])).toEqual([{ n: 0 }]);
    expect((await events('project.account-invited', before)).length).toBe(before);
  });

  it('lets an administrator create a staff account with role, zones and department, and invites its owner', async () => {
    const body = { username: 'sx-zhujian-li', name: '李红', email: 'lihong@zone.example.cn', role: 'department-officer', zones: ['SX-ZGQ'], department: '住房和城乡建设局' };
    expect((await post(`${service.url}/accounts`, body, officer)).status).toBe(403);
    expect(await post(`${service.url}/accounts`, { ...body, department: undefined })).toMatchObject({ status: 400, body: { issues: [{ field: 'department', reason: expect.stringMatching(/^部门审批人员须填写所属部门/) }] } });
    expect(await post(`${service.url}/accounts`, { ...body, zones: ['NO-SUCH'] })).toMatchObject({ status: 400, body: { issues: [{ field: 'zones' }] } });
    const created = await post(`${service.url}/accounts`, body);
    expect(created).toMatchObject({ status: 201, body: { username: 'sx-zhujian-li', role: 'department-officer' } });
    expect(await post(`${service.url}/accounts`, body)).toMatchObject({ status: 409, body: { code: 'username-taken' } });

    const invited = (await events('project.account-invited', 2)).find((e) => (e.payload as ProjectAccountInvitedV1).username === 'sx-zhujian-li')!;
    expect(invited.projectId).toBe(created.body['userId']);
    await post(`${service.url}/invitations/accept`, { token: tokenFrom((invited.payload as ProjectAccountInvitedV1).setPasswordUrl), password: 'Lihong-2026!' }, null);
    const { access_token } = await signIn('sx-zhujian-li', 'Lihong-2026!');
    expect(await new TokenVerifier(authConfigFromEnv({ OIDC_ISSUER: realm.issuer })).verify(access_token)).toMatchObject({
      sub: created.body['userId'],
      role: 'department-officer',
      zones: ['SX-ZGQ'],
      department: '住房和城乡建设局',
      email: 'lihong@zone.example.cn',
    });
  });
});
