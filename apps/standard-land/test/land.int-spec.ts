import { randomUUID } from 'node:crypto';
import { ApprovalCaseGranted, parseEvent, type IdleLandV1, type LandCheckFailedV1, type LandContractSignedV1 } from '@devzone/contracts';
import { startService, type RunningService } from '@devzone/platform';
import { chinaDate } from '@devzone/shared-kernel';
import { createTestDatabase, dropTestDatabase, eventually, get, post, publishAs, readTopic, spawnService, uniqueName, type SpawnedService } from '@devzone/testing';
import { AppModule } from '../src/app.module';
import { IdleLandChecker } from '../src/application/idle-land.checker';
import { REQUIRED_ASSESSMENTS } from '@devzone/contracts';

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

    expect((await post(url('/plots/P-FIT/reserve'), { projectId })).body).toMatchObject({ status: 'RESERVED', reservedFor: projectId });
    const transferred = await post(url('/plots/P-FIT/transfer'), transfer(projectId, '晋综示让〔2026〕17号'));
    expect(transferred.body).toMatchObject({ status: 'TRANSFERRED' });

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

    // A failed full-production review: shortfalls per indicator, the penalty in fen, a rectification deadline.
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
    // Default terms: 5% of the land price per failed indicator (2 × 1,500,000.00 元), capped at 30%.
    expect(check.body).toMatchObject({ passed: false, penaltyFen: 300_000_000 });
    const failed = await eventually(async () => {
      const found = (await readTopic(`${prefix}land.events`, 2)).filter((m) => m.headers['event-type'] === 'land.check-failed' && m.key === projectId);
      expect(found).toHaveLength(1);
      return parseEvent<LandCheckFailedV1>(found[0].value).payload;
    });
    expect(failed).toMatchObject({ plotCode: 'P-FIT', stage: 'full-production', penaltyFen: 300_000_000 });
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
    expect(idle.map((i) => [i.level, i.feeFen])).toEqual([
      ['fee', 600_000_000],
      ['recovery', 600_000_000],
    ]);
  });
});
