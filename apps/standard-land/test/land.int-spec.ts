import { randomUUID } from 'node:crypto';
import {
  ApprovalCaseGranted,
  parseEvent,
  ProjectSigned,
  ProjectStageChanged,
  REQUIRED_ASSESSMENTS,
  type IdleLandV1,
  type IndicatorAtRiskV1,
  type LandCheckFailedV2,
  type LandCheckPassedV1,
  type LandContractSignedV1,
  type LandSecuredV1,
  type PenaltyAssessedV1,
  type ProjectSignedV1,
} from '@devzone/contracts';
import { startService, type RunningService } from '@devzone/platform';
import { addDays, chinaDate } from '@devzone/shared-kernel';
import { as, createTestDatabase, dropTestDatabase, eventually, get, post, publishAs, readTopic, spawnService, uniqueName, type ReadMessage, type SpawnedService } from '@devzone/testing';
import { AppModule } from '../src/app.module';
import { IdleLandChecker } from '../src/application/idle-land.checker';
import { LandDeadlineChecker } from '../src/application/land-deadline.checker';
import { addYears, periodOf } from '../src/domain/consequences';

const plot = (code: string, overrides: Record<string, unknown> = {}) => ({
  code,
  zoneCode: 'SX-ZGQ',
  location: '潇河产业园区纬三路以南',
  areaMu: 100,
  landUse: '工业用地',
  industries: ['C39', 'C35'],
  assessments: [...REQUIRED_ASSESSMENTS],
  servicingLevel: '七通一平',
  ...overrides,
});

const registration = (name: string, overrides: Record<string, unknown> = {}) => ({
  name,
  enterprise: { name: '山西示例电子科技有限公司', creditCode: '91330100716105852F' },
  zoneCode: 'SX-ZGQ',
  industryCode: 'C3981',
  totalInvestment: 45000,
  fixedAssetInvestment: 36000,
  projectedAnnualOutput: 60000,
  landAreaMu: 90,
  usesStandardLand: true,
  wantsFullAgency: false,
  plannedDates: { start: '2027-03-01', completion: '2028-06-30', production: '2028-09-01' },
  signedOn: '2026-11-20',
  contacts: [{ name: '王强', mobile: '13700000000' }],
  ...overrides,
});

const transfer = (projectId: string, number: string) => ({
  projectId,
  contract: { number, signedOn: chinaDate(), landPriceFen: 3_000_000_000, agreedStart: '2027-02-01', agreedCompletion: '2028-05-31' },
  agreement: {
    number: `LY-${number}`,
    counterparties: ['山西转型综合改革示范区管理委员会', '山西示例电子科技有限公司'],
    committedIndicators: [{ code: 'tax-per-mu', value: 25 }],
    reviewDate: '2030-06-30',
  },
});

describe('standard-land: plots, matching, transfer, checks — with project-intake', () => {
  const name = uniqueName('land');
  const prefix = `${name}.`;
  let land: RunningService;
  let intake: SpawnedService;
  const url = (path: string) => `${land.url}${path}`;

  beforeAll(async () => {
    const [landDb, intakeDb] = await Promise.all([createTestDatabase(`${name}_land`), createTestDatabase(`${name}_intake`)]);
    intake = await spawnService('project-intake', { DATABASE_URL: intakeDb, KAFKA_TOPIC_PREFIX: prefix, KAFKA_TOPIC_PARTITIONS: '3' });
    land = await startService(AppModule, { service: 'standard-land', databaseUrl: landDb, topicPrefix: prefix, env: { LAND_CHECK_INTERVAL_MS: '0' } });
  }, 120_000);

  afterAll(async () => {
    await land?.close();
    await intake?.stop();
    await Promise.all([dropTestDatabase(`${name}_land`), dropTestDatabase(`${name}_intake`)]);
  });

  const register = async (projectName: string, overrides: Record<string, unknown> = {}) => {
    const r = await post(`${intake.url}/projects`, registration(projectName, overrides));
    expect(r.status).toBe(201);
    const projectId = r.body['id'] as string;
    await eventually(async () => expect((await get(url(`/projects/${projectId}/land`))).status).toBe(200));
    return projectId;
  };

  it('matches plots to a 标准地 project, reserves one, signs the contract, and project-intake counts the land toward READY_TO_START', async () => {
    for (const p of [plot('P-FIT'), plot('P-BIG', { areaMu: 200 }), plot('P-CHEM', { industries: ['C26'] }), plot('P-RAW', { assessments: ['energy'], servicingLevel: 'none' })]) {
      expect((await post(url('/plots'), p)).status).toBe(201);
    }
    for (const code of ['P-FIT', 'P-BIG', 'P-CHEM']) expect((await post(url(`/plots/${code}/publish`))).body['status']).toBe('AVAILABLE');
    const raw = await post(url('/plots/P-RAW/publish'));
    expect(raw).toMatchObject({ status: 409, body: { code: 'not-ready', message: expect.stringMatching(/^地块不能发布：区域评估未完成：区域环境影响评价/) } });

    const projectId = await register('年产200万套智能传感器项目');
    const matches = (await get(url(`/projects/${projectId}/plot-matches`))).body;
    expect(matches['matched'].map((m: { plotCode: string }) => m.plotCode)).toEqual(['P-FIT']);
    expect(Object.fromEntries(matches['notMatched'].map((m: { plotCode: string; reasons: { zh: string }[] }) => [m.plotCode, m.reasons.map((r) => r.zh)]))).toEqual({
      'P-BIG': ['面积 200 亩超过用地需求 90 亩的 1.5 倍', '固定资产投资强度 180 万元/亩 未达到 300 万元/亩', '亩均产值 300 万元/亩·年 未达到 500 万元/亩·年'],
      'P-CHEM': ['行业 C3981 不在准入行业（C26）内'],
      'P-RAW': ['地块状态：地块尚在准备中，未发布'],
    });

    // What the caller may do with each plot for this project: reserve only what fits; a transfer does not match (the service's rule).
    expect(matches['matched'].map((m: { actions: string[] }) => m.actions)).toEqual([['reserve', 'transfer']]);
    expect(Object.fromEntries(matches['notMatched'].map((m: { plotCode: string; actions: string[] }) => [m.plotCode, m.actions]))).toEqual({ 'P-BIG': ['transfer'], 'P-CHEM': ['transfer'], 'P-RAW': [] });
    const enterprise = as({ sub: 'ent-fit', name: '企业', role: 'enterprise', zones: [], creditCode: '91330100716105852F' });
    // A 标准地 project takes its land from a plot: no land command before the contract.
    expect((await get(url(`/projects/${projectId}/land`))).body).toMatchObject({ plot: null, contract: null, checkableStages: [], actions: [] });

    expect((await post(url('/plots/P-FIT/reserve'), { projectId })).body).toMatchObject({ status: 'RESERVED', reservedFor: projectId, actions: ['release', 'transfer'] });
    expect((await get(url(`/projects/${projectId}/land`))).body['plot']).toMatchObject({ code: 'P-FIT', status: 'RESERVED', actions: ['release', 'transfer'] });
    const transferred = await post(url('/plots/P-FIT/transfer'), transfer(projectId, '晋综示让〔2026〕17号'));
    expect(transferred.body).toMatchObject({ status: 'TRANSFERRED', actions: [] });
    expect((await get(url(`/projects/${projectId}/land`))).body).toMatchObject({
      plot: { status: 'TRANSFERRED', actions: [] },
      checkableStages: ['completion', 'full-production'],
      actions: ['land-checks', 'interim-reports', 'construction-progress', 'idle-exemption'],
    });
    expect((await get(url(`/projects/${projectId}/land`), enterprise)).body).toMatchObject({ plot: { actions: [] }, actions: ['interim-reports', 'construction-progress'] });

    const signed = await eventually(async () => {
      const found = (await readTopic(`${prefix}land.events`, 1)).filter((m) => m.headers['event-type'] === 'land.contract-signed' && m.key === projectId);
      expect(found).toHaveLength(1);
      return parseEvent<LandContractSignedV1>(found[0].value).payload;
    });
    expect(signed).toMatchObject({ plotCode: 'P-FIT', contractNumber: '晋综示让〔2026〕17号', areaMu: 100, landPriceFen: 3_000_000_000, agreedDates: { start: '2027-02-01', completion: '2028-05-31' } });

    // project-intake: land secured, agreed dates beside the planned ones; with approvals it is ready to start.
    await eventually(async () => {
      const p = (await get(`${intake.url}/projects/${projectId}`)).body;
      expect(p['conditions']).toMatchObject({ landSecured: true, approvalsGranted: false });
      expect(p['milestones']['start']).toMatchObject({ planned: '2027-03-01', agreed: '2027-02-01' });
    });
    await publishAs(`${prefix}approval.events`, 'commitment-approval', [{ definition: ApprovalCaseGranted, projectId, payload: { caseId: randomUUID(), decisionNumber: 'PF-SX-ZGQ-2026-TEST', grantedOn: chinaDate() } }]);
    await eventually(async () => expect((await get(`${intake.url}/projects/${projectId}`)).body['stage']).toBe('READY_TO_START'));

    // A failed full-production review: shortfalls per indicator and a rectification period — no penalty yet.
    const check = await post(url(`/projects/${projectId}/land-checks`), {
      stage: 'full-production',
      measured: [
        { code: 'tax-per-mu', value: 18, unit: '万元/亩·年' }, // committed 25: short 7 (28%)
        { code: 'output-per-mu', value: 620, unit: '万元/亩·年' },
        { code: 'value-added-per-energy', value: 1.2, unit: '万元/吨标煤' }, // target 1.5: short 0.3 (20%)
        { code: 'value-added-per-emission', value: 150, unit: '万元/吨' },
        { code: 'rd-intensity', value: 2.5, unit: '%' },
      ],
    });
    expect(check.status).toBe(201);
    // What it would cost (default terms: 5% of the land price per failed indicator, 2 × 1,500,000.00 元) is kept for later.
    expect(check.body).toMatchObject({ passed: false, penaltyFen: 0, state: 'rectifying', rectifyBy: addDays(chinaDate(), 365), consequence: { penaltyFen: 300_000_000 } });
    const failed = await eventually(async () => {
      const found = (await readTopic(`${prefix}land.events`, 2)).filter((m) => m.headers['event-type'] === 'land.check-failed' && m.key === projectId);
      expect(found).toHaveLength(1);
      expect(parseEvent(found[0].value).version).toBe(2);
      return parseEvent<LandCheckFailedV2>(found[0].value).payload;
    });
    expect(failed).toMatchObject({ plotCode: 'P-FIT', stage: 'full-production', recheck: false, rectifyBy: addDays(chinaDate(), 365) });
    expect(failed).not.toHaveProperty('penaltyFen');
    expect(failed.results.filter((r) => !r.passed).map((r) => [r.code, r.shortfall, r.shortfallPercent])).toEqual([
      ['tax-per-mu', 7, 28],
      ['value-added-per-energy', 0.3, 20],
    ]);
  });

  it('transfers a plot once: two concurrent requests get one 200 and one 409', async () => {
    expect((await post(url('/plots'), plot('P-TWICE'))).status).toBe(201);
    await post(url('/plots/P-TWICE/publish'));
    const [a, b] = [await register('并发项目甲'), await register('并发项目乙')];
    const results = await Promise.all([post(url('/plots/P-TWICE/transfer'), transfer(a, 'CONC-A')), post(url('/plots/P-TWICE/transfer'), transfer(b, 'CONC-B'))]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(results.find((r) => r.status === 409)!.body).toMatchObject({ code: 'plot-state', message: '地块已出让 (the plot is already transferred)' });
    const lands = await Promise.all([a, b].map(async (id) => (await get(url(`/projects/${id}/land`))).body['contract']));
    expect(lands.filter(Boolean)).toHaveLength(1);
  });

  it('pages the plot library in one envelope { items, total, page, pageSize }, each plot with what the caller may do with it', async () => {
    expect((await post(url('/plots'), plot('PG-1', { zoneCode: 'SX-PAGE' }))).status).toBe(201);
    expect((await post(url('/plots'), plot('PG-2', { zoneCode: 'SX-PAGE' }))).status).toBe(201);
    expect((await post(url('/plots/PG-2/publish'))).body).toMatchObject({ status: 'AVAILABLE', actions: ['reserve', 'transfer'] });
    const raw = await post(url('/plots'), plot('PG-3', { zoneCode: 'SX-PAGE', servicingLevel: 'none' }));
    expect(raw.body).toMatchObject({ status: 'PREPARING', version: 1, publishBlockers: [{ zh: '场地未达到三通一平' }], actions: [] });

    const first = (await get(url('/plots?zone=SX-PAGE&pageSize=2'))).body;
    expect(Object.keys(first).sort()).toEqual(['items', 'page', 'pageSize', 'total']);
    expect(first).toMatchObject({ total: 3, page: 1, pageSize: 2 });
    expect(first['items'].map((p: { code: string; actions: string[] }) => [p.code, p.actions])).toEqual([
      ['PG-1', ['publish']],
      ['PG-2', ['reserve', 'transfer']],
    ]);
    const second = (await get(url('/plots?zone=SX-PAGE&pageSize=2&page=2'))).body;
    expect(second).toMatchObject({ total: 3, page: 2, pageSize: 2, items: [{ code: 'PG-3', actions: [] }] });
    expect((await get(url('/plots?zone=SX-PAGE'))).body).toMatchObject({ total: 3, page: 1, pageSize: 20 });
    expect(await get(url('/plots?pageSize=101'))).toMatchObject({ status: 400, body: { issues: [{ field: 'pageSize' }] } });

    // Enterprises browse the published plots and may do nothing with them; an officer of another zone sees none.
    const enterprise = as({ sub: 'ent-pg', name: '企业', role: 'enterprise', zones: [], creditCode: '91330100716105852F' });
    expect((await get(url('/plots?zone=SX-PAGE'), enterprise)).body).toEqual({ items: [expect.objectContaining({ code: 'PG-2', actions: [] })], total: 1, page: 1, pageSize: 20 });
    expect((await get(url('/plots/PG-2'), enterprise)).body).toMatchObject({ code: 'PG-2', actions: [] });
    const elsewhere = as({ sub: 'officer-zgq', name: '专员', role: 'zone-officer', zones: ['SX-ZGQ'] });
    expect((await get(url('/plots?zone=SX-PAGE'), elsewhere)).body).toEqual({ items: [], total: 0, page: 1, pageSize: 20 });
    const local = as({ sub: 'officer-pg', name: '专员', role: 'zone-officer', zones: ['SX-PAGE'] });
    expect((await get(url('/plots/PG-1'), local)).body).toMatchObject({ actions: ['publish'], publishBlockers: [] });
  });

  it('refuses bad input with reasons and changes nothing', async () => {
    const negative = await post(url('/plots'), plot('P-NEG', { areaMu: -5 }));
    expect(negative).toMatchObject({ status: 400, body: { issues: [{ field: 'areaMu' }] } });
    const unknownIndicator = await post(url('/plots'), plot('P-ODD', { indicators: [{ code: 'happiness', unit: '%', comparator: 'gte', target: 1, stage: 'completion' }] }));
    expect(unknownIndicator).toMatchObject({ status: 400, body: { issues: [{ field: 'indicators[0]', reason: '未知指标 happiness (unknown indicator happiness)' }] } });
    expect((await get(url('/plots/P-ODD'))).status).toBe(404);

    expect((await post(url('/plots'), plot('P-PREP'))).status).toBe(201);
    const projectId = await register('准备中地块测试项目');
    const preparing = await post(url('/plots/P-PREP/transfer'), transfer(projectId, 'PREP-1'));
    expect(preparing).toMatchObject({ status: 409, body: { message: '地块尚在准备中，未发布 (the plot is still being prepared)' } });
    expect((await get(url('/plots/P-PREP'))).body['status']).toBe('PREPARING');

    await post(url('/plots/P-PREP/publish'));
    expect((await post(url('/plots/P-PREP/transfer'), transfer(projectId, 'PREP-2'))).status).toBe(200);
    const wrongUnit = await post(url(`/projects/${projectId}/land-checks`), {
      stage: 'completion',
      measured: [
        { code: 'investment-intensity', value: 3_600_000, unit: '元/亩' },
        { code: 'floor-area-ratio', value: 1.2, unit: 'ratio' },
        { code: 'building-coverage', value: 40, unit: '%' },
        { code: 'admin-land-share', value: 5, unit: '%' },
      ],
    });
    expect(wrongUnit).toMatchObject({ status: 400, body: { issues: [{ field: 'measured', reason: expect.stringMatching(/^固定资产投资强度的实测值单位应为 万元\/亩，不是 元\/亩/) }] } });
    const missing = await post(url(`/projects/${projectId}/land-checks`), { stage: 'completion', measured: [{ code: 'floor-area-ratio', value: 1.2, unit: 'ratio' }] });
    expect(missing).toMatchObject({ status: 400, body: { issues: [{ reason: expect.stringMatching(/^缺少固定资产投资强度的实测值/) }] } });
    expect((await get(url(`/projects/${projectId}/land`))).body['checks']).toEqual([]);

    // No construction a year after the agreed start (2027-02-01): idle land with a 20% fee, raised once; recovery after two years.
    const checker = land.app.get(IdleLandChecker);
    const runs = [await checker.run('2028-02-01'), await checker.run('2028-02-02'), await checker.run('2029-02-01'), await checker.run('2029-03-01')];
    expect(runs.map((r) => r.idle)).toEqual([expect.any(Number), 0, expect.any(Number), 0]);
    const idle = await eventually(async () => {
      const found = (await readTopic(`${prefix}land.events`, 1)).filter((m) => m.headers['event-type'] === 'land.idle-land' && m.key === projectId);
      expect(found).toHaveLength(2);
      return found.map((m) => parseEvent<IdleLandV1>(m.value).payload);
    });
    expect(idle.map((i) => [i.level, i.feeFen, i.case])).toEqual([
      ['fee', 600_000_000, 'not-started'],
      ['recovery', 600_000_000, 'not-started'],
    ]);
  });


  // ── Land paths, the order of consequences, idle land case 2, interim periods ──

  let serial = 0;
  /** project.signed as project-intake publishes it (without going through project-intake). */
  const sign = async (name: string, overrides: Partial<ProjectSignedV1> = {}) => {
    const projectId = randomUUID();
    serial += 1;
    const payload: ProjectSignedV1 = {
      projectCode: `2611-140100-04-01-${String(serial).padStart(5, '0')}A`,
      name,
      enterprise: { name: '山西示例材料有限公司', creditCode: '91330100716105852F' },
      zoneCode: 'SX-ZGQ',
      industryCode: 'C3981',
      totalInvestment: 45000,
      fixedAssetInvestment: 36000,
      projectedAnnualOutput: 60000,
      landAreaMu: 40,
      usesStandardLand: false,
      wantsFullAgency: false,
      projectType: 'capital-construction',
      plannedDates: { start: '2027-03-01', completion: '2028-06-30', production: '2028-09-01' },
      signedOn: '2026-11-20',
      contacts: [{ name: '王强', mobile: '13700000000' }],
      ...overrides,
    };
    await publishAs(`${prefix}project.events`, 'project-intake', [{ definition: ProjectSigned, projectId, payload }]);
    await eventually(async () => expect((await get(url(`/projects/${projectId}/land`))).status).toBe(200));
    return projectId;
  };

  const ofProject = (type: string, projectId: string) => (m: ReadMessage) => m.headers['event-type'] === type && m.key === projectId;
  /** The project's events of a type, once `count` of them (and of `marker`, a later event of the same transaction) have arrived. */
  const landEvents = async <P>(type: string, projectId: string, count: number) => {
    const found = (await readTopic(`${prefix}land.events`, (ms) => ms.filter(ofProject(type, projectId)).length >= count)).filter(ofProject(type, projectId));
    expect(found).toHaveLength(count);
    return found.map((m) => parseEvent<P>(m.value));
  };
  const countOf = async (type: string, projectId: string) => (await readTopic(`${prefix}land.events`, (ms) => ms.length > 0)).filter(ofProject(type, projectId)).length;

  const grant = (number: string, overrides: Record<string, unknown> = {}) => ({
    number,
    signedOn: chinaDate(),
    landPriceFen: 1_200_000_000,
    areaMu: 40,
    location: '示范区阳曲园区纬二路以北',
    agreedStart: '2027-03-01',
    agreedCompletion: '2028-06-30',
    ...overrides,
  });
  const lease = (contractNumber: string) => ({
    contractNumber,
    landlord: '山西转型综改示范区产业园运营有限公司',
    premises: '潇河产业园区标准厂房 3 号楼',
    floorAreaM2: 6000,
    leaseFrom: '2027-01-01',
    leaseTo: '2031-12-31',
    standardFactory: true,
  });

  it('records each land path other than 标准地 once, announced by one land.land-secured', async () => {
    const granted = await sign('招拍挂出让项目');
    const actionsOf = async (projectId: string, headers?: Record<string, string>) => (await get(url(`/projects/${projectId}/land`), headers)).body['actions'];
    expect(await actionsOf(granted)).toEqual(['land-grant', 'own-land', 'lease']);
    const badGrant = await post(url(`/projects/${granted}/land-grant`), grant('G-1', { areaMu: 0, agreedCompletion: '2027-01-01', landPriceFen: 12.5 }));
    expect(badGrant.status).toBe(400);
    expect(badGrant.body['issues'].map((i: { field: string }) => i.field).sort()).toEqual(['agreedCompletion', 'areaMu', 'landPriceFen']);
    expect((await post(url(`/projects/${granted}/land-grant`), grant('G-1', { signedOn: addDays(chinaDate(), 1) }))).body).toMatchObject({ issues: [{ field: 'signedOn' }] });
    const recorded = await post(url(`/projects/${granted}/land-grant`), grant('晋综示让〔2026〕21号', { agreedProduction: '2028-09-01' }));
    expect(recorded).toMatchObject({ status: 201, body: { path: 'grant', pathZh: '招拍挂出让', reference: '晋综示让〔2026〕21号', areaMu: 40 } });
    expect(await post(url(`/projects/${granted}/lease`), lease('ZL-1'))).toMatchObject({ status: 409, body: { code: 'land-secured', message: '项目用地已落实（招拍挂出让） (the project\'s land is already secured (grant))' } });
    expect(await actionsOf(granted)).toEqual(['construction-progress', 'idle-exemption']);
    const owner = as({ sub: 'ent-paths', name: '企业', role: 'enterprise', zones: [], creditCode: '91330100716105852F' });
    expect(await actionsOf(granted, owner)).toEqual(['construction-progress']);
    // An ordinary grant carries no performance agreement: nothing to check against.
    expect(await post(url(`/projects/${granted}/land-checks`), { stage: 'completion', measured: [{ code: 'floor-area-ratio', value: 1.2, unit: 'ratio' }] })).toMatchObject({ status: 409, body: { code: 'no-performance-agreement' } });

    const own = await sign('自有用地项目');
    expect(await post(url(`/projects/${own}/own-land`), { certificateNumber: '晋(2026)太原市第0012345号', areaMu: 35, location: '建材路8号' })).toMatchObject({ status: 400, body: { issues: [{ field: 'certificateNumber' }] } });
    expect((await post(url(`/projects/${own}/own-land`), { certificateNumber: '晋(2026)太原市不动产权第0012345号', areaMu: 35, location: '建材路8号' })).status).toBe(201);
    expect(await post(url(`/projects/${own}/own-land`), { certificateNumber: '晋(2026)太原市不动产权第0012346号', areaMu: 35, location: '建材路8号' })).toMatchObject({ status: 409, body: { code: 'land-secured' } });

    // Signed without a land need: 'no new land' is recorded on signing; it may lease premises instead, but not buy land.
    const leased = await sign('租赁标准厂房项目', { landAreaMu: 0 });
    await eventually(async () => expect((await get(url(`/projects/${leased}/land`))).body['path']).toMatchObject({ path: 'none', reference: '无新增用地', securedOn: '2026-11-20' }));
    expect(await actionsOf(leased)).toEqual(['lease']);
    expect(await post(url(`/projects/${leased}/land-grant`), grant('G-2'))).toMatchObject({ status: 409, body: { code: 'no-land-needed' } });
    expect(await post(url(`/projects/${leased}/lease`), { ...lease('ZL-2'), leaseTo: '2027-01-01' })).toMatchObject({ status: 400, body: { issues: [{ field: 'leaseTo' }] } });
    expect((await post(url(`/projects/${leased}/lease`), lease('ZL-2026-031'))).body).toMatchObject({ path: 'lease', lease: { landlord: '山西转型综改示范区产业园运营有限公司', floorAreaM2: 6000, standardFactory: true } });
    expect(await post(url(`/projects/${leased}/lease`), lease('ZL-2026-032'))).toMatchObject({ status: 409, body: { code: 'land-secured' } });
    expect(await actionsOf(leased)).toEqual([]);

    const standard = await sign('标准地项目', { usesStandardLand: true, landAreaMu: 90 });
    expect(await actionsOf(standard)).toEqual([]);
    expect(await post(url(`/projects/${standard}/land-grant`), grant('G-3'))).toMatchObject({ status: 409, body: { code: 'standard-land-project' } });
    expect(await post(url(`/projects/${standard}/own-land`), { certificateNumber: '晋(2026)太原市不动产权第0099999号', areaMu: 90, location: '某地' })).toMatchObject({ status: 409, body: { code: 'standard-land-project' } });
    const otherZone = as({ sub: 'officer-elsewhere', name: '外区专员', role: 'zone-officer', zones: ['SX-OTHER'] });
    expect((await post(url(`/projects/${own}/lease`), lease('ZL-3'), otherZone)).status).toBe(404);
    const enterprise = as({ sub: 'ent-1', name: '企业', role: 'enterprise', zones: [], creditCode: '91330100716105852F' });
    expect((await post(url(`/projects/${own}/lease`), lease('ZL-4'), enterprise)).status).toBe(403);

    const [g] = await landEvents<LandSecuredV1>('land.land-secured', granted, 1);
    expect(g.payload).toEqual({ path: 'grant', securedOn: chinaDate(), reference: '晋综示让〔2026〕21号', areaMu: 40, agreedDates: { start: '2027-03-01', completion: '2028-06-30', production: '2028-09-01' } });
    const [o] = await landEvents<LandSecuredV1>('land.land-secured', own, 1);
    expect(o.payload).toEqual({ path: 'own-land', securedOn: chinaDate(), reference: '晋(2026)太原市不动产权第0012345号', areaMu: 35 });
    const l = await landEvents<LandSecuredV1>('land.land-secured', leased, 2);
    expect(l.map((e) => e.payload)).toEqual([
      { path: 'none', securedOn: '2026-11-20', reference: '无新增用地' },
      { path: 'lease', securedOn: chinaDate(), reference: 'ZL-2026-031', landlord: '山西转型综改示范区产业园运营有限公司', premises: '潇河产业园区标准厂房 3 号楼' },
    ]);
    expect(await countOf('land.land-secured', standard)).toBe(0);
    expect((await get(url(`/projects/${granted}/land`))).body).toMatchObject({ path: { path: 'grant' }, contract: { kind: 'grant', contractNumber: '晋综示让〔2026〕21号', plotId: null, agreement: null } });
  });

  /** A 标准地 project with a transferred plot (agreed start 2027-02-01, land price 30,000,000.00 元). */
  const onStandardLand = async (code: string) => {
    expect((await post(url('/plots'), plot(code))).status).toBe(201);
    await post(url(`/plots/${code}/publish`));
    const projectId = await sign(`标准地项目 ${code}`, { usesStandardLand: true, landAreaMu: 90 });
    expect((await post(url(`/plots/${code}/transfer`), transfer(projectId, `C-${code}`))).status).toBe(200);
    return projectId;
  };
  const fullProduction = (tax: number, energy = 1.6) => ({
    stage: 'full-production',
    measured: [
      { code: 'tax-per-mu', value: tax, unit: '万元/亩·年' }, // committed 25
      { code: 'output-per-mu', value: 620, unit: '万元/亩·年' },
      { code: 'value-added-per-energy', value: energy, unit: '万元/吨标煤' }, // target 1.5
      { code: 'value-added-per-emission', value: 150, unit: '万元/吨' },
      { code: 'rd-intensity', value: 2.5, unit: '%' },
    ],
  });

  it('rectification before penalty: a failed check costs nothing, a failed re-check does, a passed re-check closes the case', async () => {
    const failing = await onStandardLand('P-RECHECK-FAIL');
    const first = await post(url(`/projects/${failing}/land-checks`), fullProduction(18, 1.2));
    expect(first.body).toMatchObject({ state: 'rectifying', penaltyFen: 0, rectifyBy: addDays(chinaDate(), 365), status: { zh: `整改中，期限至 ${addDays(chinaDate(), 365)}` } });
    await landEvents('land.rectification-due', failing, 1); // published after land.check-failed, in the same transaction
    expect(await countOf('land.penalty-assessed', failing)).toBe(0);

    // The re-check: tax still short (18 of 25), energy met → one failed indicator, 5% of the land price.
    const recheck = await post(url(`/projects/${failing}/land-checks`), fullProduction(18));
    expect(recheck.body).toMatchObject({ state: 'penalty-assessed', penaltyFen: 150_000_000, penaltyReason: 'recheck-failed', recheck: { passed: false } });
    const [penalty] = await landEvents<PenaltyAssessedV1>('land.penalty-assessed', failing, 1);
    expect(penalty.payload).toMatchObject({ reason: 'recheck-failed', stage: 'full-production', amountFen: 150_000_000, lines: [{ code: 'tax-per-mu', amountFen: 150_000_000 }], assessedOn: chinaDate() });
    const failedEvents = await landEvents<LandCheckFailedV2>('land.check-failed', failing, 2);
    expect(failedEvents.map((e) => [e.version, e.payload.recheck])).toEqual([
      [2, false],
      [2, true],
    ]);
    expect(await post(url(`/projects/${failing}/land-checks`), fullProduction(30))).toMatchObject({ status: 409, body: { code: 'check-closed' } });

    const passing = await onStandardLand('P-RECHECK-PASS');
    expect((await post(url(`/projects/${passing}/land-checks`), fullProduction(18))).body).toMatchObject({ state: 'rectifying' });
    expect((await post(url(`/projects/${passing}/land-checks`), fullProduction(26))).body).toMatchObject({ state: 'recheck-passed', penaltyFen: 0, status: { zh: '复核通过', en: 're-check passed' } });
    const [passed] = await landEvents<LandCheckPassedV1>('land.check-passed', passing, 1);
    expect(passed.payload).toMatchObject({ stage: 'full-production', recheck: true });
    expect(await countOf('land.penalty-assessed', passing)).toBe(0);

    const failingLand = (await get(url(`/projects/${failing}/land`))).body;
    expect(failingLand['checkableStages']).toEqual(['completion']);
    const checks = failingLand['checks'];
    expect(checks.map((c: { stage: string; status: { zh: string } }) => [c.stage, c.status.zh])).toEqual([['full-production', '已核定违约金 1,500,000.00 元']]);
  });

  it('assesses a lapsed rectification period once, however often the check runs', async () => {
    const projectId = await onStandardLand('P-LAPSE');
    const first = await post(url(`/projects/${projectId}/land-checks`), fullProduction(18, 1.2)); // two indicators short
    const rectifyBy = first.body['rectifyBy'] as string;
    const deadlines = land.app.get(LandDeadlineChecker);
    expect((await deadlines.run(rectifyBy)).lapsed).toBe(0); // the last day still counts
    const runs = [await deadlines.run(addDays(rectifyBy, 1)), await deadlines.run(addDays(rectifyBy, 1)), await deadlines.run(addDays(rectifyBy, 30))];
    expect(runs[0].lapsed).toBeGreaterThanOrEqual(1); // other projects' periods lapse too
    expect(runs.slice(1).map((r) => r.lapsed)).toEqual([0, 0]);
    const [penalty] = await landEvents<PenaltyAssessedV1>('land.penalty-assessed', projectId, 1);
    expect(penalty.payload).toMatchObject({ reason: 'rectification-lapsed', stage: 'full-production', amountFen: 300_000_000, assessedOn: addDays(rectifyBy, 1) });
    const view = (await get(url(`/projects/${projectId}/land`))).body;
    expect(view['checks'][0]).toMatchObject({ state: 'penalty-assessed', penaltyFen: 300_000_000, penaltyReason: 'rectification-lapsed' });
    expect(view['checkableStages']).toEqual(['completion']); // full-production is closed
    expect(await post(url(`/projects/${projectId}/land-checks`), fullProduction(30))).toMatchObject({ status: 409, body: { code: 'check-closed' } });
  });

  it('finds started land stalled a year idle (case 2), unless a government-caused delay stops the clock', async () => {
    const reportedOn = addDays(chinaDate(), -10);
    const started = async (name: string, number: string) => {
      const projectId = await sign(name);
      expect((await post(url(`/projects/${projectId}/land-grant`), grant(number))).status).toBe(201);
      await publishAs(`${prefix}project.events`, 'project-intake', [
        { definition: ProjectStageChanged, projectId, payload: { projectCode: '2611-140100-04-01-99999A', from: 'READY_TO_START', to: 'UNDER_CONSTRUCTION', trigger: 'REPORT_START', milestoneDate: addDays(reportedOn, -30) } },
      ]);
      await eventually(async () => expect((await get(url(`/projects/${projectId}/land`))).body['project']['actualStart']).toBe(addDays(reportedOn, -30)));
      return projectId;
    };
    const stalled = await started('停工项目', 'G-STALL');
    const exempt = await started('规划调整项目', 'G-EXEMPT');
    const enterprise = as({ sub: 'ent-2', name: '企业', role: 'enterprise', zones: [], creditCode: '91330100716105852F' });
    // 2,000 of 45,000 万元 invested (< 25%); a grant has no floor-area-ratio target, so only the investment test applies.
    for (const projectId of [stalled, exempt]) {
      expect(await post(url(`/projects/${projectId}/construction-progress`), { reportedOn: addDays(chinaDate(), 1), builtFloorAreaM2: 1, investmentMade: 1 }, enterprise)).toMatchObject({ status: 400, body: { issues: [{ field: 'reportedOn' }] } });
      expect((await post(url(`/projects/${projectId}/construction-progress`), { reportedOn, builtFloorAreaM2: 3000, investmentMade: 2000 }, enterprise)).status).toBe(201);
    }
    const badExemption = await post(url(`/projects/${exempt}/idle-exemption`), { cause: 'weather', reason: '', from: reportedOn });
    expect(badExemption.body['issues'].map((i: { field: string }) => i.field).sort()).toEqual(['cause', 'reason']);
    expect((await post(url(`/projects/${exempt}/idle-exemption`), { cause: 'planning-change', reason: '控制性详细规划调整，暂停办理规划许可', from: reportedOn }, enterprise)).status).toBe(403);
    const exemption = await post(url(`/projects/${exempt}/idle-exemption`), { cause: 'planning-change', reason: '控制性详细规划调整，暂停办理规划许可', from: reportedOn });
    expect(exemption).toMatchObject({ status: 201, body: { cause: 'planning-change', causeZh: '规划调整', to: null, recordedBy: { id: 'test-admin', role: 'admin' } } });

    const idle = land.app.get(IdleLandChecker);
    const yearOn = addYears(reportedOn, 1);
    await idle.run(addDays(yearOn, -1));
    await idle.run(yearOn);
    await idle.run(yearOn);
    const [event] = await landEvents<IdleLandV1>('land.idle-land', stalled, 1);
    expect(event.payload).toMatchObject({ plotCode: 'G-STALL', case: 'stalled', level: 'fee', feeFen: 240_000_000 }); // 20% of 12,000,000.00 元
    expect(await countOf('land.idle-land', exempt)).toBe(0);
    const view = (await get(url(`/projects/${exempt}/land`))).body;
    expect(view['idleLand']).toMatchObject({ case: 'stalled', level: 'none', clockFrom: reportedOn });
    expect(view['idleExemptions']).toHaveLength(1);
    expect(view['constructionProgress']).toHaveLength(1);
  });

  it('warns of indicators at risk at most once per contract and reporting period', async () => {
    const projectId = await onStandardLand('P-INTERIM');
    const enterprise = as({ sub: 'ent-3', name: '企业', role: 'enterprise', zones: [], creditCode: '91330100716105852F' });
    const onTrack = await post(url(`/projects/${projectId}/interim-reports`), { measured: [{ code: 'tax-per-mu', value: 30, unit: '万元/亩·年' }] }, enterprise);
    expect(onTrack).toMatchObject({ status: 201, body: { period: periodOf(chinaDate()), atRiskRaised: false } });
    const risky = { measured: [{ code: 'tax-per-mu', value: 12, unit: '万元/亩·年' }, { code: 'output-per-mu', value: 520, unit: '万元/亩·年' }] };
    expect((await post(url(`/projects/${projectId}/interim-reports`), risky, enterprise)).body).toMatchObject({ atRiskRaised: true });
    expect((await post(url(`/projects/${projectId}/interim-reports`), risky)).body).toMatchObject({ atRiskRaised: false });
    const [warning] = await landEvents<IndicatorAtRiskV1>('land.indicator-at-risk', projectId, 1);
    expect(warning.payload).toEqual({
      plotCode: 'P-INTERIM',
      period: periodOf(chinaDate()),
      reportedOn: chinaDate(),
      indicators: [{ code: 'tax-per-mu', nameZh: '亩均税收', unit: '万元/亩·年', target: 25, measured: 12 }],
    });
  });
});
