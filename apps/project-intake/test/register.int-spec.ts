import { DataSource } from 'typeorm';
import { parseEvent, ProjectSigned, type ProjectSignedV1 } from '@devzone/contracts';
import { as, createTestDatabase, dropTestDatabase, get, listEnvelopeProblems, post, readTopic, TEST_ADMIN, uniqueName, type OpenApiDocument } from '@devzone/testing';
import { startService, type RunningService } from '@devzone/platform';
import { AppModule } from '../src/app.module';
import { isValidProjectCode } from '../src/domain/project-code';
import { validRegistration } from './intake.fixtures';

describe('registering signed projects (POST /projects)', () => {
  const name = uniqueName('intake_reg');
  let service: RunningService;
  const count = async (table: string) => (await service.app.get(DataSource).query(`SELECT count(*)::int AS n FROM ${table}`))[0].n as number;

  beforeAll(async () => {
    service = await startService(AppModule, { service: 'project-intake', databaseUrl: await createTestDatabase(name), topicPrefix: `${name}.` });
  });

  afterAll(async () => {
    await service?.close();
    await dropTestDatabase(name);
  });

  it('registers a project, issues a valid project code and publishes project.signed with a valid envelope', async () => {
    const { status, body } = await post(`${service.url}/projects`, validRegistration(), as({ sub: 'officer-7', name: '投资促进专员', role: 'zone-officer', zones: ['SX-ZGQ'] }));
    expect(status).toBe(201);
    expect(body).toMatchObject({ stage: 'SIGNED', stageName: '签约', zoneName: '山西转型综合改革示范区', conditions: { approvalsGranted: false, landNeeded: true, landSecured: false } });
    const code = body['code'] as unknown as string;
    expect(code).toMatch(/^\d{4}-140100-04-01-\d{5}[0-9X]$/);
    expect(isValidProjectCode(code)).toBe(true);

    const [message] = (await readTopic(`${name}.project.events`, 1)).filter((m) => m.key === body['id']);
    const event = parseEvent<ProjectSignedV1>(message.value);
    expect(event).toMatchObject({
      type: ProjectSigned.type,
      version: 1,
      projectId: body['id'],
      source: 'project-intake',
      actor: { id: 'officer-7', role: 'zone-officer' },
      payload: { projectCode: code, zoneCode: 'SX-ZGQ', totalInvestment: 52000, plannedDates: { start: '2027-03-01' } },
    });
    expect(message.headers['event-type']).toBe('project.signed');
  });

  it('answers the zones in the list envelope, by code', async () => {
    const all = await get(`${service.url}/zones?pageSize=100`);
    expect(all.status).toBe(200);
    expect(Object.keys(all.body).sort()).toEqual(['items', 'page', 'pageSize', 'total']);
    const codes = all.body['items'].map((z: { code: string }) => z.code);
    expect(codes).toEqual([...codes].sort());
    expect(all.body).toMatchObject({ total: codes.length, page: 1, pageSize: 100 });
    expect(all.body['items']).toContainEqual({ code: 'SX-ZGQ', name: '山西转型综合改革示范区', level: expect.any(String), city: expect.any(String), regionCode: '140100', departmentCode: '04', rules: expect.any(Object) });
    const second = (await get(`${service.url}/zones?pageSize=1&page=2`, as({ sub: 'ent', name: '企业', role: 'enterprise', zones: [], creditCode: '91350100M000100Y43' }))).body;
    expect(second).toEqual({ items: [all.body['items'][1]], total: codes.length, page: 2, pageSize: 1 });
    expect((await get(`${service.url}/zones?pageSize=0`)).status).toBe(400);
  });

  it('declares every answer in its OpenAPI document, every list as { items, total, page, pageSize }', async () => {
    const { status, body } = await get(`${service.url}/docs-json`, null);
    expect(status).toBe(200);
    expect(listEnvelopeProblems(body as OpenApiDocument)).toEqual([]);
    const schemas = (body as OpenApiDocument).components!.schemas as Record<string, { properties?: Record<string, unknown>; enum?: string[] }>;
    expect(schemas['ProjectAction'].enum).toEqual(['start', 'completion', 'production', 'full-production', 'suspend', 'resume', 'terminate']);
    expect(Object.keys(schemas['TimelineEntryViewPage'].properties!).sort()).toEqual(['items', 'page', 'pageSize', 'total']);
  });

  it('finds the project by id and by code, with plan vs actual per milestone, and 404 for an unknown one', async () => {
    const { body } = await post(`${service.url}/projects`, validRegistration({ name: '按代码查询的项目' }));
    const byId = await get(`${service.url}/projects/${body['id']}`);
    const byCode = await get(`${service.url}/projects/${body['code']}`);
    expect(byId.status).toBe(200);
    expect(byCode.body).toEqual(byId.body);
    expect((byId.body as { milestones: unknown }).milestones).toMatchObject({
      start: { planned: '2027-03-01', committed: null, agreed: null, actual: null },
      production: { planned: '2028-09-01' },
    });
    const missing = await get(`${service.url}/projects/2611-140100-04-01-00000X`);
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ statusCode: 404, code: 'project-not-found' });
  });

  it('answers 400 naming each bad field, stores nothing and publishes nothing', async () => {
    const [projectsBefore, outboxBefore] = [await count('projects'), await count('messaging_outbox')];
    const bad = validRegistration({
      enterprise: { name: '山西示例新材料有限公司', creditCode: '91350100M000100Y44' },
      totalInvestment: -5,
      plannedDates: { start: '2027-03-01', completion: '2026-12-01', production: '2026-06-01' },
      nickname: 'unknown field',
    });
    const { status, body } = await post(`${service.url}/projects`, bad);
    expect(status).toBe(400);
    expect(body['message']).toBe('请求参数不合法 (invalid request)');
    const issues = body['issues'] as unknown as { field: string; reason: string }[];
    expect(issues.map((i) => i.field).sort()).toEqual(
      [
        'enterprise.creditCode',
        'fixedAssetInvestment', // 41,000 is more than the (negative) total
        'nickname',
        'plannedDates.completion',
        'plannedDates.production',
        'plannedDates.production',
        'totalInvestment',
      ].sort(),
    );
    expect(issues.find((i) => i.field === 'enterprise.creditCode')!.reason).toMatch(/校验码/);
    expect(issues.find((i) => i.field === 'totalInvestment')!.reason).toMatch(/不能为负数/);
    expect(issues.some((i) => i.field === 'plannedDates.production' && /不能早于计划开工日期/.test(i.reason))).toBe(true);

    const unknownZone = await post(`${service.url}/projects`, validRegistration({ zoneCode: 'NO-SUCH' }));
    expect(unknownZone.status).toBe(400);
    expect(unknownZone.body['issues']).toEqual([{ field: 'zoneCode', reason: '未知的开发区 NO-SUCH (unknown zone NO-SUCH)' }]);

    const standardLandWithoutLand = await post(`${service.url}/projects`, validRegistration({ landAreaMu: 0 }));
    expect(standardLandWithoutLand.status).toBe(400);
    expect((standardLandWithoutLand.body['issues'] as unknown as { field: string }[])[0].field).toBe('usesStandardLand');

    const futureSigning = await post(`${service.url}/projects`, validRegistration({ signedOn: '2099-01-01' }));
    expect(futureSigning.status).toBe(400);

    const anonymous = await post(`${service.url}/projects`, validRegistration(), null);
    expect(anonymous).toMatchObject({ status: 401, body: { message: expect.stringMatching(/^请先登录/) } });

    // Bodies the HTTP layer refuses before any handler: not JSON (400), larger than HTTP_BODY_LIMIT (413), each with a reason.
    const raw = async (body: string) => {
      const response = await fetch(`${service.url}/projects`, { method: 'POST', headers: { 'content-type': 'application/json', ...as(TEST_ADMIN) }, body });
      return { status: response.status, body: (await response.json()) as { message: string } };
    };
    expect(await raw('{"name": "未闭合')).toMatchObject({ status: 400, body: { message: expect.stringMatching(/JSON/) } });
    expect(await raw(JSON.stringify({ ...validRegistration(), name: '大'.repeat(300_000) }))).toMatchObject({ status: 413, body: { message: expect.any(String) } });

    expect([await count('projects'), await count('messaging_outbox')]).toEqual([projectsBefore, outboxBefore]);
  });

  it('lists with filters and pagination', async () => {
    const zone = 'CZ-GXQ';
    for (const [i, signedOn] of ['2026-09-01', '2026-10-01', '2026-11-01'].entries()) {
      const r = await post(`${service.url}/projects`, validRegistration({ name: `长治项目${i + 1}`, zoneCode: zone, signedOn, industryCode: i === 2 ? 'C3981' : 'C3021', threeBatchesRound: '2026年第三批' }));
      expect(r.status).toBe(201);
    }
    const page1 = (await get(`${service.url}/projects?zone=${zone}&pageSize=2`)).body as { items: { name: string; actions: string[] }[]; total: number };
    const page2 = (await get(`${service.url}/projects?zone=${zone}&pageSize=2&page=2`)).body as { items: { name: string }[]; total: number };
    expect(Object.keys(page1).sort()).toEqual(['items', 'page', 'pageSize', 'total']);
    expect(page1).toMatchObject({ total: 3, page: 1, pageSize: 2 });
    // Each project with the caller's actions (an administrator's, on a 签约 project).
    expect(page1.items.map((p) => p.actions)).toEqual([['suspend', 'terminate'], ['suspend', 'terminate']]);
    expect([...page1.items, ...page2.items].map((p) => p.name)).toEqual(['长治项目3', '长治项目2', '长治项目1']);

    const filtered = (await get(`${service.url}/projects?zone=${zone}&industry=C39&signedFrom=2026-10-15&round=${encodeURIComponent('2026年第三批')}&stage=SIGNED`)).body as { items: { name: string }[] };
    expect(filtered.items.map((p) => p.name)).toEqual(['长治项目3']);
    // planned start 2027-03-01: behind plan as of 2027-04-01, not as of 2027-01-01
    expect(((await get(`${service.url}/projects?zone=${zone}&overdue=true&asOf=2027-04-01`)).body as { total: number }).total).toBe(3);
    expect(((await get(`${service.url}/projects?zone=${zone}&overdue=true&asOf=2027-01-01`)).body as { total: number }).total).toBe(0);

    const bad = await get(`${service.url}/projects?stage=FLYING&pageSize=1000`);
    expect(bad.status).toBe(400);
    expect(((bad.body as { issues: { field: string }[] }).issues.map((i) => i.field)).sort()).toEqual(['pageSize', 'stage']);
  });
});
