import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  AcceptanceFailed,
  AcceptancePassed,
  ApprovalCaseGranted,
  LandContractSigned,
  parseEvent,
  type ApprovalCaseGrantedV1,
  type LandContractSignedV1,
  type ProjectStageChangedV1,
} from '@devzone/contracts';
import { chinaDate, addDays } from '@devzone/shared-kernel';
import { as, createTestDatabase, dropTestDatabase, eventually, get, post, publishAs, readTopic, uniqueName } from '@devzone/testing';
import { startService, type RunningService } from '@devzone/platform';
import { AppModule } from '../src/app.module';
import { validRegistration } from './intake.fixtures';

const granted = (caseId: string, decisionNumber: string): ApprovalCaseGrantedV1 => ({ caseId, decisionNumber, grantedOn: '2026-11-25' });
const contract = (contractNumber: string): LandContractSignedV1 => ({
  plotCode: 'SX-ZGQ-2026-017',
  contractNumber,
  signedOn: '2026-11-24',
  areaMu: 120,
  landPriceFen: 3_600_000_000,
  agreedDates: { start: '2027-02-01', completion: '2028-05-31' },
  performanceAgreementNumber: 'LY-2026-017',
});

interface Timeline {
  items: { type: string; summary: string; source: string; occurredAt: string }[];
  total: number;
  page: number;
  pageSize: number;
}

const ENVELOPE = ['items', 'page', 'pageSize', 'total'];
const enterprise = as({ sub: 'enterprise-1', name: '企业用户', role: 'enterprise', zones: [], creditCode: '91350100M000100Y43' });
const officer = as({ sub: 'officer-1', name: '投资促进专员', role: 'zone-officer', zones: ['SX-ZGQ'] });
const foreignOfficer = as({ sub: 'officer-2', name: '长治专员', role: 'zone-officer', zones: ['CZ-GXQ'] });
const manager = as({ sub: 'manager-1', name: '开发区管理者', role: 'zone-manager', zones: ['SX-ZGQ'] });

describe('the lifecycle driven by other services’ events and by people’s reports', () => {
  const name = uniqueName('intake_life');
  const prefix = `${name}.`;
  let service: RunningService;

  beforeAll(async () => {
    service = await startService(AppModule, { service: 'project-intake', databaseUrl: await createTestDatabase(name), topicPrefix: prefix });
  });

  afterAll(async () => {
    await service?.close();
    await dropTestDatabase(name);
  });

  const register = async (overrides: Record<string, unknown> = {}) => {
    const { status, body } = await post(`${service.url}/projects`, validRegistration(overrides));
    expect(status).toBe(201);
    return body as unknown as { id: string; code: string };
  };
  const project = async (id: string) => (await get(`${service.url}/projects/${id}`)).body as { stage: string; version: number; milestones: Record<string, Record<string, string | null>>; conditions: Record<string, unknown> };
  const timelineOf = async (id: string) => (await get(`${service.url}/projects/${id}/timeline?pageSize=100&order=asc`)).body as Timeline;
  /** The actions each caller is offered on the project now (GET /projects/:id). */
  const actionsOf = async (id: string, who: Record<string, string>) => (await get(`${service.url}/projects/${id}`, who)).body['actions'] as string[];
  const stageChanges = async (projectId: string, minimum: number) =>
    (await readTopic(`${prefix}project.events`, minimum))
      .filter((m) => m.key === projectId && m.headers['event-type'] === 'project.stage-changed')
      .map((m) => parseEvent<ProjectStageChangedV1>(m.value).payload);

  it.each([
    ['approval granted first', 'approval-first'],
    ['land contract signed first', 'land-first'],
  ])('reaches READY_TO_START exactly once, with events in either order and each twice (%s)', async (_name, order) => {
    const { id } = await register();
    const caseId = randomUUID();
    const approval = { definition: ApprovalCaseGranted, projectId: id, payload: granted(caseId, '晋综示承批〔2026〕88号'), id: randomUUID() };
    const land = { definition: LandContractSigned, projectId: id, payload: contract('晋综示让〔2026〕17号'), id: randomUUID() };
    const first = order === 'approval-first' ? [approval] : [land];
    const second = order === 'approval-first' ? [land] : [approval];

    // Each event twice: the same event delivered again (same id), and a second, distinct one.
    await publishAs(`${prefix}${order === 'approval-first' ? 'approval' : 'land'}.events`, order === 'approval-first' ? 'commitment-approval' : 'standard-land', [first[0] as never, first[0] as never]);
    await eventually(async () => expect((await project(id)).stage).toBe('APPROVING'));
    await publishAs(`${prefix}${order === 'approval-first' ? 'land' : 'approval'}.events`, order === 'approval-first' ? 'standard-land' : 'commitment-approval', [second[0] as never, second[0] as never]);
    await publishAs(`${prefix}approval.events`, 'commitment-approval', [{ ...approval, id: randomUUID(), payload: granted(caseId, '晋综示承批〔2026〕89号') } as never]);
    await publishAs(`${prefix}land.events`, 'standard-land', [{ ...land, id: randomUUID() } as never]);

    await eventually(async () => {
      const timeline = await timelineOf(id);
      expect(timeline.items.filter((e) => e.type === 'approval.case-granted' || e.type === 'land.contract-signed')).toHaveLength(4);
    });
    const now = await project(id);
    expect(now).toMatchObject({ stage: 'READY_TO_START', conditions: { approvalsGranted: true, landSecured: true } });
    expect(now.milestones['start']).toMatchObject({ planned: '2027-03-01', agreed: '2027-02-01' });
    expect(now.milestones['completion']).toMatchObject({ agreed: '2028-05-31' });

    // On Kafka: exactly two stage changes for this project (waiting for the relay to publish both).
    await eventually(async () => {
      const changes = await stageChanges(id, 3);
      expect(changes.map((c) => `${c.from}→${c.to}`)).toEqual(['SIGNED→APPROVING', 'APPROVING→READY_TO_START']);
    });

    // The timeline: every event once, in the order they occurred; each stage change after its cause.
    const timeline = await timelineOf(id);
    const times = timeline.items.map((e) => e.occurredAt);
    expect(times).toEqual([...times].sort());
    const types = timeline.items.map((e) => e.type);
    expect([...types].sort()).toEqual(
      ['project.signed', 'approval.case-granted', 'approval.case-granted', 'land.contract-signed', 'land.contract-signed', 'project.stage-changed', 'project.stage-changed'].sort(),
    );
    const cause = order === 'approval-first' ? 'land.contract-signed' : 'approval.case-granted';
    expect(types.indexOf(cause)).toBeLessThan(types.lastIndexOf('project.stage-changed'));
    expect(timeline.items.find((e) => e.type === 'approval.case-granted')!.summary).toMatch(/^审批通过（批复文号 晋综示承批〔2026〕8[89]号）$/);
    expect(timeline.items.filter((e) => e.type === 'project.stage-changed').map((e) => e.summary)).toEqual([
      expect.stringMatching(/^阶段变更：签约 → 审批中/),
      '阶段变更：审批中 → 具备开工条件（' + (order === 'approval-first' ? '用地已落实' : '审批已办结') + '）',
    ]);
    expect(timeline.items.find((e) => e.type === 'land.contract-signed')!.source).toBe('standard-land');
  });

  it('runs from start to full production, and refuses what the stage does not allow with 409, changing nothing', async () => {
    const { id } = await register({ landAreaMu: 0, usesStandardLand: false, signedOn: addDays(chinaDate(), -60) });
    const today = chinaDate();

    // Actions: nothing to report yet; officers may suspend or terminate; a zone manager only reads.
    expect(await actionsOf(id, enterprise)).toEqual([]);
    expect(await actionsOf(id, officer)).toEqual(['suspend', 'terminate']);
    expect(await actionsOf(id, manager)).toEqual([]);
    expect((await get(`${service.url}/projects/${id}`, foreignOfficer)).status).toBe(404);

    // Not ready: construction may not start.
    const early = await post(`${service.url}/projects/${id}/start`, { date: today, permitNumber: 'X' });
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({ statusCode: 409, code: 'stage-refused', message: '尚不具备开工条件：审批尚未办结 (not ready to start construction: approvals are not granted)' });

    // Existing premises: approvals alone make it ready.
    await publishAs(`${prefix}approval.events`, 'commitment-approval', [{ definition: ApprovalCaseGranted, projectId: id, payload: granted(randomUUID(), '晋综示承批〔2026〕90号') }]);
    await eventually(async () => expect((await project(id)).stage).toBe('READY_TO_START'));
    expect(await actionsOf(id, enterprise)).toEqual(['start']);
    expect(await actionsOf(id, officer)).toEqual(['start', 'suspend', 'terminate']);
    expect(await actionsOf(id, manager)).toEqual([]);
    // The list carries each project's actions for the caller too.
    const listed = (await get(`${service.url}/projects?zone=SX-ZGQ&stage=READY_TO_START&pageSize=100`, enterprise)).body;
    expect(Object.keys(listed).sort()).toEqual(ENVELOPE);
    expect(listed['items'].find((p: { id: string }) => p.id === id)).toMatchObject({ actions: ['start'] });

    const bad = await post(`${service.url}/projects/${id}/start`, { date: addDays(today, 3), permitNumber: '' });
    expect(bad.status).toBe(400);
    expect((bad.body['issues'] as unknown as { field: string }[]).map((i) => i.field)).toEqual(['permitNumber']);
    const future = await post(`${service.url}/projects/${id}/start`, { date: addDays(today, 3), permitNumber: '140100202611270101' });
    expect(future).toMatchObject({ status: 400, body: { issues: [{ field: 'date' }] } });

    const started = await post(`${service.url}/projects/${id}/start`, { date: addDays(today, -20), permitNumber: '140100202611270101' }, enterprise);
    // The command answers the project after it, with the caller's actions.
    expect(started).toMatchObject({ status: 200, body: { stage: 'UNDER_CONSTRUCTION', permitNumber: '140100202611270101', actions: ['completion'] } });
    const beforeCompletion = await post(`${service.url}/projects/${id}/completion`, { date: addDays(today, -30) });
    expect(beforeCompletion).toMatchObject({ status: 400, body: { issues: [{ field: 'date' }] } });
    const completed = await post(`${service.url}/projects/${id}/completion`, { date: addDays(today, -5) });
    // 对标验收 not passed yet: no production on offer.
    expect(completed).toMatchObject({ status: 200, body: { stage: 'COMPLETED', actions: ['suspend', 'terminate'] } });
    expect(await actionsOf(id, enterprise)).toEqual([]);

    // Production needs a passed 对标验收; a refusal changes nothing and publishes nothing.
    const before = await project(id);
    const outboxBefore = (await service.app.get(DataSource).query(`SELECT count(*)::int AS n FROM messaging_outbox`))[0].n;
    const refused = await post(`${service.url}/projects/${id}/production`, { date: today });
    expect(refused).toMatchObject({ status: 409, body: { message: '尚未通过对标验收，不得投产 (benchmark acceptance has not passed yet: no production before it does)' } });
    expect((await project(id)).version).toBe(before.version);
    expect((await service.app.get(DataSource).query(`SELECT count(*)::int AS n FROM messaging_outbox`))[0].n).toBe(outboxBefore);

    await publishAs(`${prefix}approval.events`, 'commitment-approval', [
      { definition: AcceptanceFailed, projectId: id, payload: { caseId: randomUUID(), checkedOn: today, reasons: ['容积率低于承诺值'] } },
    ]);
    await eventually(async () => expect((await project(id)).conditions['acceptance']).toBe('failed'));
    expect((await post(`${service.url}/projects/${id}/production`, { date: today })).body['message']).toMatch(/^对标验收未通过/);
    await publishAs(`${prefix}approval.events`, 'commitment-approval', [{ definition: AcceptancePassed, projectId: id, payload: { caseId: randomUUID(), acceptedOn: today } }]);
    await eventually(async () => expect((await project(id)).conditions['acceptance']).toBe('passed'));
    expect(await actionsOf(id, enterprise)).toEqual(['production']);

    expect((await post(`${service.url}/projects/${id}/production`, { date: today })).body).toMatchObject({ stage: 'IN_PRODUCTION' });
    const full = await post(`${service.url}/projects/${id}/full-production`, { date: today, actualAnnualOutput: 76000 });
    expect(full.body).toMatchObject({ stage: 'FULL_PRODUCTION', stageName: '达产', actualAnnualOutput: 76000, actions: [] });
    expect((await post(`${service.url}/projects/${id}/suspend`, { reason: '停产检修' })).status).toBe(409);

    const timeline = (await timelineOf(id)).items;
    expect(timeline.map((e) => e.summary)).toEqual([
      expect.stringMatching(/^项目签约：/),
      '审批通过（批复文号 晋综示承批〔2026〕90号）',
      '阶段变更：签约 → 具备开工条件（审批已办结）',
      `阶段变更：具备开工条件 → 在建（开工日期 ${addDays(today, -20)}，许可/批复文号 140100202611270101）`,
      `阶段变更：在建 → 竣工（竣工日期 ${addDays(today, -5)}）`,
      '对标验收未通过：容积率低于承诺值',
      '对标验收通过',
      `阶段变更：竣工 → 投产（投产日期 ${today}）`,
      `阶段变更：投产 → 达产（达产日期 ${today}，实际年产值 76000 万元）`,
    ]);
  });

  it('suspends with a reason and resumes to where it was; terminated projects refuse everything', async () => {
    const { id } = await register();
    expect((await post(`${service.url}/projects/${id}/resume`, { reason: '无' })).status).toBe(409);
    expect((await post(`${service.url}/projects/${id}/suspend`, { reason: '' })).status).toBe(400);
    expect((await post(`${service.url}/projects/${id}/suspend`, { reason: '企业资金未到位' }, officer)).body).toMatchObject({ stage: 'SUSPENDED', statusReason: '企业资金未到位', actions: ['resume', 'terminate'] });
    expect(await actionsOf(id, enterprise)).toEqual([]);
    expect((await post(`${service.url}/projects/${id}/resume`, { reason: '资金到位' }, enterprise)).status).toBe(403);
    expect((await post(`${service.url}/projects/${id}/resume`, { reason: '资金到位' })).body).toMatchObject({ stage: 'SIGNED', actions: ['suspend', 'terminate'] });
    expect((await post(`${service.url}/projects/${id}/terminate`, { reason: '企业撤资' })).body).toMatchObject({ stage: 'TERMINATED', actions: [] });
    expect(await actionsOf(id, officer)).toEqual([]);
    const after = await post(`${service.url}/projects/${id}/resume`, { reason: '重新启动' });
    expect(after).toMatchObject({ status: 409, body: { message: '项目已终止 (the project is terminated)' } });
    expect((await post(`${service.url}/projects/${randomUUID()}/suspend`, { reason: 'x' })).status).toBe(404);
  });

  it('answers the timeline in the list envelope, a page at a time, oldest first, counted over all pages', async () => {
    const { id, code } = await register();
    for (const [command, reason] of [['suspend', '停工'], ['resume', '复工'], ['suspend', '再停'], ['resume', '再复']]) {
      expect((await post(`${service.url}/projects/${id}/${command}`, { reason })).status).toBe(200);
    }
    const whole = await timelineOf(id);
    expect(Object.keys(whole).sort()).toEqual(ENVELOPE);
    expect(whole).toMatchObject({ total: 5, page: 1, pageSize: 100 });
    expect(whole.items.map((e) => e.type)).toEqual(['project.signed', ...Array(4).fill('project.stage-changed')]);
    expect(whole.items[0]).toEqual({
      eventId: expect.any(String),
      type: 'project.signed',
      source: 'project-intake',
      sourceName: '项目',
      occurredAt: expect.any(String),
      actor: { id: 'test-admin', role: 'admin', name: '测试管理员' },
      summary: expect.stringMatching(/^项目签约：/),
      kind: 'lifecycle',
      object: null,
      objectName: null,
      group: null,
    });

    const pages: Timeline[] = [];
    for (const page of [1, 2, 3]) pages.push((await get(`${service.url}/projects/${code}/timeline?pageSize=2&page=${page}&order=asc`, enterprise)).body as Timeline);
    expect(pages.map((p) => [p.page, p.pageSize, p.total, p.items.length])).toEqual([[1, 2, 5, 2], [2, 2, 5, 2], [3, 2, 5, 1]]);
    expect(pages.flatMap((p) => p.items)).toEqual(whole.items);
    expect((await get(`${service.url}/projects/${id}/timeline?pageSize=2&page=4`)).body).toEqual({ items: [], total: 5, page: 4, pageSize: 2 });
    // Default page size 20; at most 100.
    expect((await get(`${service.url}/projects/${id}/timeline`)).body).toMatchObject({ page: 1, pageSize: 20, total: 5 });
    expect((await get(`${service.url}/projects/${id}/timeline?pageSize=101`)).body).toMatchObject({ statusCode: 400, issues: [{ field: 'pageSize' }] });
    expect((await get(`${service.url}/projects/${id}/timeline`, foreignOfficer)).status).toBe(404);
    expect((await get(`${service.url}/projects/${randomUUID()}/timeline`)).status).toBe(404);
  });
});
