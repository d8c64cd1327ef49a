import { DEMO_ENTERPRISES, DEMO_PASSWORD, DEMO_USERS, demoUser } from '@devzone/demo';
import { listEnvelopeProblems, type OpenApiDocument } from '@devzone/testing';
import { consoleUrl, stack, stackApi, stackIdp, startCommand } from './support/stack';

// The services as the README's start command starts them (deploy/local/services.sh), in the e2e instance (ports + 100).
const SERVICES = [
  { name: 'project-intake', port: 3101, title: '项目库与全生命周期' },
  { name: 'commitment-approval', port: 3102, title: '承诺制审批' },
  { name: 'standard-land', port: 3103, title: '标准地' },
  { name: 'agency', port: 3104, title: '全代办' },
  { name: 'notifications', port: 3105, title: '通知' },
] as const;

describe('the start command (npm start)', () => {
  const api = stackApi();
  // Other e2e files add projects, some of them for the demo enterprises (the console signs in as them): the seed's are those created before the start command returned.
  const demoCodes = new Set(DEMO_ENTERPRISES.map((e) => e.creditCode));
  const isDemo = (p: { enterprise: { creditCode: string }; createdAt: string }) => demoCodes.has(p.enterprise.creditCode) && p.createdAt <= stack().seededAt;
  const demoProjects = async () => (await api.all(demoUser('admin'), 'project-intake', '/projects')).filter(isDemo);

  it('prints the URL and API docs of every service, the identity provider, and how each demo person signs in', () => {
    const output = stack().startOutput;
    for (const { name, port } of SERVICES) expect(output).toMatch(new RegExp(`${name}\\s+http://127\\.0\\.0\\.1:${port}\\s+\\(API docs http://127\\.0\\.0\\.1:${port}/docs`));
    expect(output).toMatch(/\[seed\] 40 demo projects/);
    expect(output).toContain(`identity provider    ${stackIdp().issuer}`);
    expect(output).toContain(`the password ${DEMO_PASSWORD}`);
    for (const user of DEMO_USERS) expect(output).toMatch(new RegExp(`\\n  ${user.username}\\s+${user.role}\\s+${user.name}`));
  });

  it('has the console sign people in through the identity provider, and lists the demo people (DEVZONE_DEMO=true)', async () => {
    const login = await fetch(`${consoleUrl()}/auth/login?login_hint=sx-officer`, { redirect: 'manual' });
    expect(login.status).toBe(302);
    const target = new URL(login.headers.get('location') ?? '');
    expect(`${target.origin}${target.pathname}`).toBe(`${stackIdp().issuer}/protocol/openid-connect/auth`);
    expect(Object.fromEntries(target.searchParams)).toMatchObject({ client_id: 'devzone-console', response_type: 'code', code_challenge_method: 'S256', login_hint: 'sx-officer', redirect_uri: `${consoleUrl()}/auth/callback` });
    expect(login.headers.get('set-cookie')).toMatch(/HttpOnly; SameSite=Lax/);
    expect((await fetch(`${consoleUrl()}/auth/me`)).status).toBe(401);
    const demo = (await (await fetch(`${consoleUrl()}/auth/demo-users`)).json()) as { password: string; users: { username: string }[] };
    expect(demo.password).toBe(DEMO_PASSWORD);
    expect(demo.users.map((u) => u.username)).toEqual(DEMO_USERS.map((u) => u.username));
  });

  it.each(SERVICES)('$name answers /health, /health/ready and /docs without a token', async ({ name, port, title }) => {
    const live = await fetch(`http://127.0.0.1:${port}/health`);
    expect(live.status).toBe(200);
    expect(await live.json()).toMatchObject({ status: 'ok', service: name });
    const ready = await fetch(`http://127.0.0.1:${port}/health/ready`);
    expect(await ready.json()).toMatchObject({ status: 'ok', details: { database: { status: 'up' }, kafka: { status: 'up' } } });
    expect(await (await fetch(`http://127.0.0.1:${port}/docs`)).text()).toContain('swagger');
    const spec = (await (await fetch(`http://127.0.0.1:${port}/docs-json`)).json()) as { info: { title: string } };
    expect(spec.info.title).toContain(title);
  });

  it.each(SERVICES)('$name declares every answer, and every list answers { items, total, page, pageSize } (its /docs-json, and the answers themselves)', async ({ name, port }) => {
    const document = (await (await fetch(`http://127.0.0.1:${port}/docs-json`)).json()) as OpenApiDocument;
    expect(listEnvelopeProblems(document)).toEqual([]);
    // The lists an administrator may read without naming anything answer exactly the envelope.
    const lists = Object.entries(document.paths).filter(([path, ops]) => !path.includes('{') && JSON.stringify(ops['get']?.responses?.['200'] ?? {}).includes('Page"'));
    expect(lists.length).toBeGreaterThan(0);
    let read = 0;
    for (const [path] of lists) {
      const answer = await api.call(demoUser('admin'), 'GET', name, `${path}?pageSize=2`);
      if (answer.status !== 200) continue; // a list that needs a filter (a zone, an event) for a province-wide reader
      read += 1;
      expect(Object.keys(answer.body).sort()).toEqual(['items', 'page', 'pageSize', 'total']);
      expect(answer.body).toMatchObject({ page: 1, pageSize: 2 });
    }
    expect(read).toBeGreaterThan(0);
  });

  it('seeds about 40 projects over every stage in two zones, some behind plan, one in breach, one failed acceptance', async () => {
    const admin = demoUser('admin');
    const all = { items: await demoProjects() };
    expect(all.items).toHaveLength(40);
    const stages = new Set(all.items.map((p: { stage: string }) => p.stage));
    expect([...stages].sort()).toEqual(['APPROVING', 'COMPLETED', 'FULL_PRODUCTION', 'IN_PRODUCTION', 'READY_TO_START', 'SUSPENDED', 'TERMINATED', 'UNDER_CONSTRUCTION']);
    expect(new Set(all.items.map((p: { zoneCode: string }) => p.zoneCode))).toEqual(new Set(['SX-ZGQ', 'CZ-GXQ']));
    const overdue = (await api.all(admin, 'project-intake', '/projects?overdue=true')).filter(isDemo);
    expect(overdue.length).toBeGreaterThanOrEqual(3);
    const failedChecks = await Promise.all(
      all.items.filter((p: { stage: string }) => p.stage === 'FULL_PRODUCTION').map((p: { id: string }) => api.call(admin, 'GET', 'standard-land', `/projects/${p.id}/land`)),
    );
    expect(failedChecks.filter((r) => r.body?.checks?.some((c: { passed: boolean }) => !c.passed))).toHaveLength(1);
    const ids = new Set(all.items.map((p: { id: string }) => p.id));
    // Land by every path: 标准地, an ordinary 出让, own land, a lease, no new land.
    const paths = new Set(all.items.filter((p: { conditions: { landSecured: boolean } }) => p.conditions.landSecured).map((p: { conditions: { landPath: string } }) => p.conditions.landPath));
    expect([...paths].sort()).toEqual(['grant', 'lease', 'none', 'own-land', 'standard-land']);
    const rectifying = await api.all(admin, 'commitment-approval', '/cases?status=RECTIFYING');
    expect(rectifying.filter((c: { projectId: string }) => ids.has(c.projectId))).toHaveLength(1);
  });

  it('seeds the 承诺制 steps as bureaus run them: 一般程序 items, a clock paused and resumed, 备案 waiting for corrections', async () => {
    const admin = demoUser('admin');
    const items = (
      await Promise.all((await demoProjects()).map((p: { id: string }) => api.call(admin, 'GET', 'commitment-approval', `/projects/${p.id}/case`)))
    ).flatMap((r) => (r.status === 200 ? r.body.items : [])) as { itemCode: string; procedure: string; status: string; pauses: { reason: string; to: string | null }[]; acceptedOn: string | null }[];
    expect(items.filter((i) => i.procedure === 'ordinary' && i.status === 'GRANTED').length).toBeGreaterThanOrEqual(1);
    expect(items.filter((i) => i.pauses.some((p) => p.reason === 'expert-review' && p.to)).length).toBeGreaterThanOrEqual(1);
    expect(items.filter((i) => i.itemCode === 'A01' && i.status === 'CORRECTIONS_REQUESTED')).toHaveLength(1);
    // Every decided item of an approval was accepted first (its clock from 受理).
    expect(items.filter((i) => i.procedure !== 'commitment' && i.status === 'GRANTED' && !i.acceptedOn)).toEqual([]);
  });

  it("lists only the enterprise's own projects for an enterprise's demo token", async () => {
    for (const enterprise of [DEMO_ENTERPRISES[0], DEMO_ENTERPRISES[5]]) {
      const mine = await api.all(enterprise, 'project-intake', '/projects');
      expect(mine.filter(isDemo)).toHaveLength(5);
      expect(mine.every((p: { enterprise: { creditCode: string } }) => p.enterprise.creditCode === enterprise.creditCode)).toBe(true);
    }
  });

  it('reuses the running system on a second run and adds no demo data', async () => {
    const output = await startCommand(stack().env);
    expect(output).toContain('reusing them');
    expect(output).toContain('nothing added');
    expect(await demoProjects()).toHaveLength(40);
  });
});
