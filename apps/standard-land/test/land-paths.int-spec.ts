import { startService, type RunningService } from '@devzone/platform';
import { addDays, chinaDate, creditCodeFrom } from '@devzone/shared-kernel';
import { as, createTestDatabase, dropTestDatabase, eventually, get, post, spawnService, uniqueName, type Json, type SpawnedService } from '@devzone/testing';
import { AppModule } from '../src/app.module';

/**
 * Three real services over Kafka: project-intake and commitment-approval (each
 * its own process) and standard-land (here). A project on each land path other
 * than 标准地 — an ordinary 出让, its own land, leased premises, no new land — is
 * registered, gets its approvals, secures its land through standard-land, is
 * ready to start in project-intake, and starts.
 */
describe('land paths besides 标准地, end to end with project-intake and commitment-approval', () => {
  const name = uniqueName('land_paths');
  const prefix = `${name}.`;
  let land: RunningService;
  let intake: SpawnedService;
  let approval: SpawnedService;
  const today = chinaDate();
  const ENTERPRISE = { name: '山西示例装备制造有限公司', creditCode: creditCodeFrom('91140100MA0LP0001') };
  const enterprise = as({ sub: 'ent-lp', name: '企业', role: 'enterprise', zones: [], creditCode: ENTERPRISE.creditCode });

  beforeAll(async () => {
    const [landDb, intakeDb, approvalDb] = await Promise.all([createTestDatabase(`${name}_land`), createTestDatabase(`${name}_intake`), createTestDatabase(`${name}_appr`)]);
    const common = { KAFKA_TOPIC_PREFIX: prefix, KAFKA_TOPIC_PARTITIONS: '3' };
    [intake, approval] = await Promise.all([
      spawnService('project-intake', { ...common, DATABASE_URL: intakeDb }),
      spawnService('commitment-approval', { ...common, DATABASE_URL: approvalDb, APPROVAL_CHECK_INTERVAL_MS: '0' }),
    ]);
    land = await startService(AppModule, { service: 'standard-land', databaseUrl: landDb, topicPrefix: prefix, env: { LAND_CHECK_INTERVAL_MS: '0' } });
    // No publicity in this zone: decisions straight after the pre-check.
    expect((await post(`${approval.url}/settings/zones/SX-ZGQ/versions`, { effectiveFrom: today, publicityDays: 0 })).status).toBe(201);
  }, 120_000);

  afterAll(async () => {
    await land?.close();
    await Promise.all([intake?.stop(), approval?.stop()]);
    await Promise.all(['land', 'intake', 'appr'].map((s) => dropTestDatabase(`${name}_${s}`)));
  });

  const register = async (projectName: string, landAreaMu: number) => {
    const r = await post(`${intake.url}/projects`, {
      name: projectName,
      enterprise: ENTERPRISE,
      zoneCode: 'SX-ZGQ',
      industryCode: 'C3499',
      totalInvestment: 12000,
      fixedAssetInvestment: 9000,
      projectedAnnualOutput: 15000,
      landAreaMu,
      usesStandardLand: false,
      wantsFullAgency: false,
      plannedDates: { start: addDays(today, 30), completion: addDays(today, 300), production: addDays(today, 360) },
      signedOn: addDays(today, -10),
      contacts: [{ name: '赵磊', mobile: '13900001111' }],
    });
    expect(r.status).toBe(201);
    return r.body['id'] as string;
  };

  /** 备案, the 承诺书 for every committable item, the pre-check, then each item to approve in the order its prerequisites allow. */
  const approve = async (projectId: string) => {
    const c = await eventually(async () => {
      const found = await get(`${approval.url}/projects/${projectId}/case`);
      expect(found.status).toBe(200);
      return found.body;
    });
    const item = (code: string, step: string, body: Json = {}) => post(`${approval.url}/cases/${c['id']}/items/${code}/${step}`, body);
    const decide = async (code: string) => {
      for (const [step, body] of [['application', {}], ['acceptance', { opinion: '材料齐全，予以受理' }], ['decision', { decision: 'grant', opinion: '符合条件，准予许可' }]] as const) expect((await item(code, step, body)).status).toBe(200);
    };
    await decide('A01');
    expect((await post(`${approval.url}/cases/${c['id']}/notice`, { opinion: '发出告知承诺书' })).status).toBe(200);
    expect((await post(`${approval.url}/cases/${c['id']}/commitment`, { scope: 'all', declarationConfirmed: true, committedDates: { start: addDays(today, 30), completion: addDays(today, 300), production: addDays(today, 360) } }, enterprise)).status).toBe(200);
    expect((await post(`${approval.url}/cases/${c['id']}/precheck`, { passed: true, opinion: '预审通过' })).status).toBe(200);
    for (let open = await openItems(c['id']); open.length; open = await openItems(c['id'])) {
      const ready = open.filter((i) => !i.blockedBy.length);
      expect(ready.length).toBeGreaterThan(0);
      for (const i of ready) await decide(i.itemCode);
    }
    await eventually(async () => expect((await get(`${approval.url}/cases/${c['id']}`)).body['status']).toBe('GRANTED'));
  };
  const openItems = async (caseId: string) =>
    ((await get(`${approval.url}/cases/${caseId}`)).body['items'] as { itemCode: string; procedure: string; status: string; blockedBy: unknown[] }[]).filter((i) => i.procedure !== 'commitment' && i.status !== 'GRANTED');
  const projectOf = (id: string) => get(`${intake.url}/projects/${id}`).then((r) => r.body);
  const start = (id: string) => post(`${intake.url}/projects/${id}/start`, { date: today, permitNumber: '晋综示施〔2026〕88号' }, enterprise);

  it.each([
    ['grant', 60, (id: string) => post(`${land.url}/projects/${id}/land-grant`, { number: '晋综示出让〔2026〕21号', signedOn: today, landPriceFen: 1_680_000_000, areaMu: 60, location: '潇河产业园区经二路以东', agreedStart: addDays(today, 30), agreedCompletion: addDays(today, 400) }), /^晋综示出让/],
    ['own-land', 35, (id: string) => post(`${land.url}/projects/${id}/own-land`, { certificateNumber: '晋(2024)太原市不动产权第0012345号', areaMu: 35, location: '潇河产业园区纬三路 8 号' }), /不动产权/],
    ['lease', 10, (id: string) => post(`${land.url}/projects/${id}/lease`, { contractNumber: '综改运营租〔2026〕7号', landlord: '山西转型综改示范区运营管理有限公司', premises: '潇河标准厂房 3 号楼', floorAreaM2: 4800, leaseFrom: today, leaseTo: addDays(today, 3650), standardFactory: true }), /^综改运营租/],
    ['none', 0, null, /无新增用地/],
  ] as const)('a project on the %s path gets its approvals, secures its land and starts', async (path, mu, secure, reference) => {
    const id = await register(`${path} 路径测试项目`, mu);
    await approve(id);
    if (secure) {
      // Approvals alone are not enough when the project needs land.
      await eventually(async () => expect((await projectOf(id))['conditions']).toMatchObject({ approvalsGranted: true, landSecured: false }));
      expect(await start(id)).toMatchObject({ status: 409, body: { message: expect.stringMatching(/用地尚未落实/) } });
      await eventually(async () => expect((await get(`${land.url}/projects/${id}/land`)).status).toBe(200));
      expect((await secure(id)).status).toBe(201);
      expect((await secure(id)).status).toBe(409); // secured once
    }
    const ready = await eventually(async () => {
      const p = await projectOf(id);
      expect(p['stage']).toBe('READY_TO_START');
      return p;
    });
    expect(ready['conditions']).toMatchObject({ landSecured: true, landPath: path, landReference: expect.stringMatching(reference), landReview: 'not-needed' });
    expect((await start(id)).body).toMatchObject({ stage: 'UNDER_CONSTRUCTION' });
    // project-intake's timeline, in the one list envelope (issue 16), oldest first.
    const timeline = (await get(`${intake.url}/projects/${id}/timeline?pageSize=100`)).body['items'] as { type: string; summary: string }[];
    expect(timeline.filter((e) => e.type === 'land.land-secured')).toHaveLength(1);
  });
});
