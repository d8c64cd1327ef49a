import { startService, type RunningService } from '@devzone/platform';
import { chinaDate } from '@devzone/shared-kernel';
import { as, createTestDatabase, dropTestDatabase, eventually, get, post, spawnService, uniqueName, type SpawnedService } from '@devzone/testing';
import { AppModule } from '../src/app.module';
import { DeadlineChecker } from '../src/application/deadline-checker.service';
import { COMMITTED_DATES } from './approval.fixtures';

/**
 * Two real services over Kafka: project-intake (as its own process) registers a
 * project; commitment-approval (here) opens the case, runs 承诺制 to its decision,
 * and approval.case-granted moves the project on in project-intake.
 */
describe('承诺制 end to end with project-intake', () => {
  const name = uniqueName('appr_intake');
  const prefix = `${name}.`;
  let approval: RunningService;
  let intake: SpawnedService;

  beforeAll(async () => {
    const [approvalDb, intakeDb] = await Promise.all([createTestDatabase(`${name}_appr`), createTestDatabase(`${name}_intake`)]);
    intake = await spawnService('project-intake', { DATABASE_URL: intakeDb, KAFKA_TOPIC_PREFIX: prefix, KAFKA_TOPIC_PARTITIONS: '3' });
    approval = await startService(AppModule, { service: 'commitment-approval', databaseUrl: approvalDb, topicPrefix: prefix, env: { APPROVAL_CHECK_INTERVAL_MS: '0' } });
  }, 120_000);

  afterAll(async () => {
    await approval?.close();
    await intake?.stop();
    await Promise.all([dropTestDatabase(`${name}_appr`), dropTestDatabase(`${name}_intake`)]);
  });

  it('takes a registered project through notice, commitment, pre-check, publicity and decisions to READY_TO_START', async () => {
    const registered = await post(`${intake.url}/projects`, {
      name: '智能装备研发中心（利用现有厂房）',
      enterprise: { name: '山西示例智能装备有限公司', creditCode: '914403001922038216' },
      zoneCode: 'SX-ZGQ',
      industryCode: 'M7320',
      totalInvestment: 3000,
      fixedAssetInvestment: 1200,
      projectedAnnualOutput: 6000,
      landAreaMu: 0,
      usesStandardLand: false,
      wantsFullAgency: false,
      plannedDates: { start: '2027-01-10', completion: '2027-06-30', production: '2027-08-01' },
      signedOn: '2026-11-20',
      contacts: [{ name: '李娜', mobile: '13900000000' }],
    });
    expect(registered.status).toBe(201);
    const projectId = registered.body['id'] as string;

    const c = await eventually(async () => {
      const found = await get(`${approval.url}/projects/${projectId}/case`);
      expect(found.status).toBe(200);
      return found.body;
    });
    // Existing premises, services industry: 备案 (A01) to approve, the EIA form, drainage and special equipment to commit.
    expect(c['items'].map((i: { itemCode: string; regime: string }) => `${i.itemCode}:${i.regime}`)).toEqual(['A01:approval', 'C05:committable', 'C08:committable', 'C12:committable']);
    await eventually(async () => expect((await get(`${intake.url}/projects/${projectId}`)).body['stage']).toBe('APPROVING'));

    const id = c['id'] as string;
    expect((await post(`${approval.url}/cases/${id}/notice`)).body['status']).toBe('NOTIFIED');
    const committed = await post(`${approval.url}/cases/${id}/commitment`, { scope: 'all', committedDates: COMMITTED_DATES }, as({ sub: 'ent-zhineng', name: '企业', role: 'enterprise', zones: [], creditCode: '914403001922038216' }));
    expect(committed.body['items'].map((i: { status: string }) => i.status)).toEqual(['UNDER_REVIEW', 'COMMITTED', 'COMMITTED', 'COMMITTED']);
    const publicity = await post(`${approval.url}/cases/${id}/precheck`, { passed: true, note: '材料齐全' });
    expect(publicity.body).toMatchObject({ status: 'IN_PUBLICITY', publicityStartsOn: chinaDate() });
    const endsOn = publicity.body['publicityEndsOn'] as string;

    // The item decision may come during publicity; the case waits for the publicity to end.
    expect((await post(`${approval.url}/cases/${id}/items/A01/decision`, { decision: 'grant' })).body['status']).toBe('IN_PUBLICITY');
    expect((await post(`${approval.url}/cases/${id}/publicity/end`)).status).toBe(409);
    await approval.app.get(DeadlineChecker).run(endsOn); // the publicity period is over

    const granted = (await get(`${approval.url}/cases/${id}`)).body;
    expect(granted).toMatchObject({ status: 'GRANTED', decisionNumber: expect.stringMatching(/^PF-SX-ZGQ-/) });
    expect(granted['items'].map((i: { status: string }) => i.status)).toEqual(['GRANTED', 'GRANTED', 'GRANTED', 'GRANTED']);

    // project-intake heard approval.case-granted: approvals granted, no land needed → ready to start,
    // with the committed dates of the 承诺书 beside the planned ones.
    const project = await eventually(async () => {
      const p = (await get(`${intake.url}/projects/${projectId}`)).body;
      expect(p['stage']).toBe('READY_TO_START');
      return p;
    });
    expect(project['milestones']['start']).toMatchObject({ planned: '2027-01-10', committed: COMMITTED_DATES.start });
    const timeline = (await get(`${intake.url}/projects/${projectId}/timeline`)).body['entries'].map((e: { type: string }) => e.type);
    expect(timeline).toEqual(
      expect.arrayContaining(['project.signed', 'approval.case-opened', 'approval.notice-issued', 'approval.commitment-submitted', 'approval.publicity-started', 'approval.item-granted', 'approval.publicity-ended', 'approval.case-granted']),
    );
    expect(timeline.filter((t: string) => t === 'project.stage-changed')).toHaveLength(2); // 签约 → 审批中 → 具备开工条件
  });
});
