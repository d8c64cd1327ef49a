import { DataSource } from 'typeorm';
import type { Principal } from '@devzone/auth';
import { startService, type RunningService } from '@devzone/platform';
import { addDays, chinaCalendar, chinaDate } from '@devzone/shared-kernel';
import { as, createTestDatabase, dropTestDatabase, eventually, get, post, spawnService, uniqueName, type Json, type SpawnedService } from '@devzone/testing';
import { AppModule } from '../src/app.module';
import { DeadlineChecker } from '../src/application/deadline-checker.service';
import { COMMITTED_DATES, OPINION } from './approval.fixtures';

/**
 * Three real services over Kafka: project-intake and agency (each its own
 * process) and commitment-approval (here). project-intake registers a project
 * asking for 全代办; the agency plans a task per approval item; the items' clocks
 * start at 受理 and stop for 补正 — in both services; the 批复 moves the project
 * on, and a grant revoked for a false commitment takes it back to approving.
 */
describe('承诺制 end to end with project-intake and agency', () => {
  const name = uniqueName('appr_intake');
  const prefix = `${name}.`;
  let approval: RunningService;
  let intake: SpawnedService;
  let agency: SpawnedService;
  const today = chinaDate();
  const ENTERPRISE = as({ sub: 'ent-zhineng', name: '企业', role: 'enterprise', zones: [], creditCode: '914403001922038216' });
  const department = (d: string): { authorization: string } => as({ sub: `dept-${d}`, name: `${d}审批员`, role: 'department-officer', zones: ['SX-ZGQ'], department: d } satisfies Principal);
  const FGJ = department('发展和改革局');
  const ZJJ = department('住房和城乡建设局');
  const ZONE_OFFICER = as({ sub: 'sx-zo', name: '综合窗口', role: 'zone-officer', zones: ['SX-ZGQ'] });

  beforeAll(async () => {
    const [approvalDb, intakeDb, agencyDb] = await Promise.all([createTestDatabase(`${name}_appr`), createTestDatabase(`${name}_intake`), createTestDatabase(`${name}_agency`)]);
    [intake, agency] = await Promise.all([
      spawnService('project-intake', { DATABASE_URL: intakeDb, KAFKA_TOPIC_PREFIX: prefix, KAFKA_TOPIC_PARTITIONS: '3' }),
      spawnService('agency', { DATABASE_URL: agencyDb, KAFKA_TOPIC_PREFIX: prefix, KAFKA_TOPIC_PARTITIONS: '3', AGENCY_CHECK_INTERVAL_MS: '0' }),
    ]);
    approval = await startService(AppModule, { service: 'commitment-approval', databaseUrl: approvalDb, topicPrefix: prefix, env: { APPROVAL_CHECK_INTERVAL_MS: '0' } });
  }, 120_000);

  afterAll(async () => {
    await approval?.close();
    await Promise.all([intake?.stop(), agency?.stop()]);
    await Promise.all([dropTestDatabase(`${name}_appr`), dropTestDatabase(`${name}_intake`), dropTestDatabase(`${name}_agency`)]);
  });

  const itemOf = (c: Json, code: string) => c['items'].find((i: { itemCode: string }) => i.itemCode === code);
  const taskOf = async (projectId: string, code: string) => {
    const d = await get(`${agency.url}/projects/${projectId}/delegation`);
    expect(d.status).toBe(200);
    const task = d.body['tasks'].find((t: { sourceCode: string }) => t.sourceCode === code);
    expect(task).toBeDefined();
    return task;
  };

  it('takes a registered project through 受理, 补正, the 承诺书 with a 一般程序 item, publicity and decisions to READY_TO_START, and back on a revocation', async () => {
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
      wantsFullAgency: true,
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
    const id = c['id'] as string;
    // Existing premises, services industry: 备案 (A01) to approve, the EIA form, drainage and special equipment committable.
    expect(c['items'].map((i: { itemCode: string; regime: string }) => `${i.itemCode}:${i.regime}`)).toEqual(['A01:approval', 'C05:committable', 'C08:committable', 'C12:committable']);
    await eventually(async () => expect((await get(`${intake.url}/projects/${projectId}`)).body['stage']).toBe('APPROVING'));
    // The agency plans a task per item; its clock waits for 受理.
    await eventually(async () => expect(await taskOf(projectId, 'A01')).toMatchObject({ clock: 'waiting', status: 'PLANNED' }));

    // 备案 first: applied, accepted by 发改 (the clock starts), corrections asked (it stops).
    expect((await post(`${approval.url}/cases/${id}/items/A01/application`, {}, ENTERPRISE)).status).toBe(200);
    const accepted = itemOf((await post(`${approval.url}/cases/${id}/items/A01/acceptance`, OPINION, FGJ)).body, 'A01');
    expect(accepted).toMatchObject({ status: 'ACCEPTED', acceptedOn: today, promisedDueOn: chinaCalendar.addWorkingDays(today, 1) });
    await eventually(async () => expect(await taskOf(projectId, 'A01')).toMatchObject({ clock: 'running', dueOn: accepted.promisedDueOn }));
    const corrections = await post(`${approval.url}/cases/${id}/items/A01/decision`, { ...OPINION, decision: 'request-corrections', reason: '备案申请表缺少法定代表人签字' }, FGJ);
    expect(itemOf(corrections.body, 'A01')).toMatchObject({ status: 'CORRECTIONS_REQUESTED', clock: 'paused', pauses: [{ reason: 'corrections', from: today, to: null }] });
    await eventually(async () => expect(await taskOf(projectId, 'A01')).toMatchObject({ clock: 'paused', status: 'CORRECTIONS_REQUESTED' }));

    // The enterprise took three working days to correct (accepted and paused then, as if then): resubmitted
    // today, the item's due date and the agency task's deadline move by those three working days.
    let then = today;
    while (chinaCalendar.workingDaysBetween(then, today) < 3) then = addDays(then, -1);
    await approval.app
      .get(DataSource)
      .query(`UPDATE case_items SET accepted_on = $1::date, pauses = jsonb_set(pauses, '{0,from}', to_jsonb($1::text)) WHERE case_id = $2 AND item_code = 'A01'`, [then, id]);
    const resubmitted = itemOf((await post(`${approval.url}/cases/${id}/items/A01/resubmit`, {}, ENTERPRISE)).body, 'A01');
    const moved = chinaCalendar.addWorkingDays(then, 1 + 3);
    expect(resubmitted).toMatchObject({ status: 'ACCEPTED', pausedWorkingDays: 3, promisedDueOn: moved, legalDueOn: chinaCalendar.addWorkingDays(then, 3 + 3) });
    await eventually(async () => expect(await taskOf(projectId, 'A01')).toMatchObject({ clock: 'running', dueOn: moved, status: 'ACCEPTED' }));
    expect((await post(`${approval.url}/cases/${id}/items/A01/decision`, { ...OPINION, decision: 'grant' }, ZJJ)).status).toBe(403);
    expect((await post(`${approval.url}/cases/${id}/items/A01/decision`, { ...OPINION, decision: 'grant' }, FGJ)).status).toBe(200);
    await eventually(async () => expect(await taskOf(projectId, 'A01')).toMatchObject({ status: 'DELIVERED' }));

    // The 承诺书: C05 and C12 by commitment, C08 by 一般程序.
    expect((await post(`${approval.url}/cases/${id}/notice`, OPINION, ZONE_OFFICER)).body['status']).toBe('NOTIFIED');
    const committed = await post(`${approval.url}/cases/${id}/commitment`, { scope: 'partial', itemCodes: ['C05', 'C12'], committedDates: COMMITTED_DATES, declarationConfirmed: true }, ENTERPRISE);
    expect(committed.body['items'].map((i: { itemCode: string; status: string; procedure: string }) => `${i.itemCode}:${i.status}:${i.procedure}`)).toEqual([
      'A01:GRANTED:approval',
      'C05:COMMITTED:commitment',
      'C08:PENDING:ordinary',
      'C12:COMMITTED:commitment',
    ]);
    const publicity = await post(`${approval.url}/cases/${id}/precheck`, { ...OPINION, passed: true, note: '材料齐全' }, ZONE_OFFICER);
    expect(publicity.body).toMatchObject({ status: 'IN_PUBLICITY', publicityStartsOn: today });
    // During publicity the enterprise may apply; the department accepts once it is over.
    expect((await post(`${approval.url}/cases/${id}/items/C08/application`, {}, ENTERPRISE)).status).toBe(200);
    expect((await post(`${approval.url}/cases/${id}/items/C08/acceptance`, OPINION, ZJJ)).body).toMatchObject({ code: 'case-state' });
    await approval.app.get(DeadlineChecker).run(publicity.body['publicityEndsOn']);
    expect((await get(`${approval.url}/cases/${id}`)).body['status']).toBe('DECIDING');
    const c08 = itemOf((await post(`${approval.url}/cases/${id}/items/C08/acceptance`, OPINION, ZJJ)).body, 'C08');
    expect(c08).toMatchObject({ procedure: 'ordinary', promisedDueOn: chinaCalendar.addWorkingDays(today, 20) }); // its legal limit
    const granted = (await post(`${approval.url}/cases/${id}/items/C08/decision`, { ...OPINION, decision: 'grant' }, ZJJ)).body;
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

    // 虚假承诺: the EIA form's grant is revoked; the project is back to approving.
    const revoked = await post(`${approval.url}/cases/${id}/items/C05/revocation`, { ...OPINION, reason: '环评报告表与实际建设内容不符' }, ZONE_OFFICER);
    expect(revoked.body).toMatchObject({ status: 'DECIDING' });
    await eventually(async () => expect((await get(`${intake.url}/projects/${projectId}`)).body['stage']).toBe('APPROVING'));
    const timelinePage = (await get(`${intake.url}/projects/${projectId}/timeline?pageSize=100`)).body;
    expect(timelinePage['total']).toBeLessThanOrEqual(100); // one page holds it all
    const timeline = timelinePage['items'] as { type: string; text?: string; summary?: string }[];
    expect(timeline.map((e) => e.type)).toEqual(
      expect.arrayContaining([
        'project.signed',
        'approval.case-opened',
        'approval.item-applied',
        'approval.item-accepted',
        'approval.corrections-requested',
        'approval.item-resumed',
        'approval.notice-issued',
        'approval.procedures-chosen',
        'approval.commitment-submitted',
        'approval.publicity-started',
        'approval.item-granted',
        'approval.publicity-ended',
        'approval.case-granted',
        'approval.grant-revoked',
        'approval.breach-recorded',
      ]),
    );
    expect(timeline.filter((t) => t.type === 'project.stage-changed')).toHaveLength(3); // 签约 → 审批中 → 具备开工条件 → 审批中
  });
});
