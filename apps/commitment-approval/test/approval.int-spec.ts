import { parseEvent, ProjectStageChanged, type ApprovalCaseOpenedV1, type ItemOverdueV1 } from '@devzone/contracts';
import { startService, type RunningService } from '@devzone/platform';
import { addDays, chinaCalendar, chinaDate } from '@devzone/shared-kernel';
import { as, createTestDatabase, dropTestDatabase, eventually, get, post, publishAs, put, readTopic, uniqueName } from '@devzone/testing';
import { AppModule } from '../src/app.module';
import { DeadlineChecker } from '../src/application/deadline-checker.service';
import { COMMITTED_DATES, signProject } from './approval.fixtures';

describe('commitment-approval: cases, the 承诺制 workflow, time limits, credit', () => {
  const name = uniqueName('approval');
  const prefix = `${name}.`;
  let service: RunningService;
  const url = (path: string) => `${service.url}${path}`;

  beforeAll(async () => {
    service = await startService(AppModule, {
      service: 'commitment-approval',
      databaseUrl: await createTestDatabase(name),
      topicPrefix: prefix,
      env: { APPROVAL_CHECK_INTERVAL_MS: '0' }, // the tests run the check themselves, with a date
    });
  });

  afterAll(async () => {
    await service?.close();
    await dropTestDatabase(name);
  });

  const caseOf = async (projectId: string) =>
    eventually(async () => {
      const { status, body } = await get(url(`/projects/${projectId}/case`));
      expect(status).toBe(200);
      return body;
    });
  const events = async <P>(type: string, minimum = 1) =>
    (await readTopic(`${prefix}approval.events`, minimum)).filter((m) => m.headers['event-type'] === type).map((m) => parseEvent<P>(m.value));
  /** Notice, commitment (all committable items), pre-check: the case ends in publicity, or in DECIDING with 0 publicity days. */
  const throughPrecheck = async (caseId: string) => {
    expect((await post(url(`/cases/${caseId}/notice`))).status).toBe(200);
    const { creditCode } = (await get(url(`/cases/${caseId}`))).body;
    expect((await post(url(`/cases/${caseId}/commitment`), { scope: 'all', committedDates: COMMITTED_DATES }, as({ sub: 'ent-1', name: '企业', role: 'enterprise', zones: [], creditCode }))).status).toBe(200);
    return post(url(`/cases/${caseId}/precheck`), { passed: true });
  };

  it('opens a case on project.signed with the items that apply and their due dates in working days', async () => {
    const projectId = await signProject(prefix, { industryCode: 'C3981', landAreaMu: 120, usesStandardLand: true, totalInvestment: 52000 });
    const c = await caseOf(projectId);
    const today = chinaDate();
    expect(c).toMatchObject({ status: 'OPENED', statusName: '已立案', openedOn: today, catalogue: '*', catalogueVersion: 1 });
    // On 标准地: no energy review (A04) and no soil-and-water plan (C06); the EIA form, not the report.
    expect(c['items'].map((i: { itemCode: string }) => i.itemCode)).toEqual(['A01', 'A02', 'A05', 'A06', 'C01', 'C02', 'C03', 'C04', 'C05', 'C08', 'C09', 'C10', 'C11', 'C12']);
    const a02 = c['items'].find((i: { itemCode: string }) => i.itemCode === 'A02');
    expect(a02).toMatchObject({
      name: '建设用地规划许可证',
      regime: 'approval',
      status: 'PENDING',
      legalLimitDays: 20,
      promisedLimitDays: 5,
      legalDueOn: chinaCalendar.addWorkingDays(today, 20),
      promisedDueOn: chinaCalendar.addWorkingDays(today, 5),
      rag: 'green',
    });

    const opened = await eventually(async () => {
      const found = (await events<ApprovalCaseOpenedV1>('approval.case-opened')).filter((e) => e.projectId === projectId);
      expect(found).toHaveLength(1);
      return found[0];
    });
    expect(opened.payload).toMatchObject({ caseId: c['id'], itemCount: 14, openedOn: today });
    expect(opened.payload.items.find((i) => i.itemCode === 'A02')).toMatchObject({ promisedDueOn: chinaCalendar.addWorkingDays(today, 5) });
  });

  it('answers 400, 404 and 409 with reasons, and changes nothing', async () => {
    const projectId = await signProject(prefix);
    const c = await caseOf(projectId);
    const id = c['id'];

    const early = await post(url(`/cases/${id}/commitment`), { scope: 'all', committedDates: COMMITTED_DATES });
    expect(early).toMatchObject({ status: 409, body: { message: '尚未发放告知书 (the requirement notice has not been issued)' } });
    const bad = await post(url(`/cases/${id}/commitment`), { scope: 'some', committedDates: { start: '2027-05-01', completion: '2027-01-01', production: 'soon' } });
    expect(bad.status).toBe(400);
    expect(bad.body['issues'].map((i: { field: string }) => i.field).sort()).toEqual(['committedDates.completion', 'committedDates.production', 'scope']);

    await post(url(`/cases/${id}/notice`));
    const notCommittable = await post(url(`/cases/${id}/commitment`), { scope: 'partial', itemCodes: ['C01', 'A02'], committedDates: COMMITTED_DATES });
    expect(notCommittable).toMatchObject({ status: 400, body: { issues: [{ field: 'itemCodes', reason: expect.stringMatching(/^事项 A02（建设用地规划许可证）不可承诺/) }] } });
    await post(url(`/cases/${id}/commitment`), { scope: 'partial', itemCodes: ['C01', 'C02'], committedDates: COMMITTED_DATES });

    expect((await post(url(`/cases/${id}/items/Z99/decision`), { decision: 'grant' })).status).toBe(404);
    expect((await post(url(`/cases/00000000-0000-4000-8000-000000000000/notice`))).status).toBe(404);
    expect((await post(url(`/cases/not-a-uuid/notice`))).status).toBe(400);

    expect((await post(url(`/cases/${id}/items/A02/decision`), { decision: 'grant' })).status).toBe(200);
    const before = (await get(url(`/cases/${id}`))).body;
    const again = await post(url(`/cases/${id}/items/A02/decision`), { decision: 'reject', reason: '重复' });
    expect(again).toMatchObject({ status: 409, body: { code: 'item-state', message: expect.stringMatching(/^A02（建设用地规划许可证）：该事项已作出决定/) } });
    const committedDecision = await post(url(`/cases/${id}/items/C01/decision`), { decision: 'reject', reason: 'x' });
    expect(committedDecision.status).toBe(409);
    const noReason = await post(url(`/cases/${id}/items/A05/decision`), { decision: 'reject' });
    expect(noReason).toMatchObject({ status: 400, body: { issues: [{ field: 'reason' }] } });
    const intolerable = await post(url(`/cases/${id}/items/A05/decision`), { decision: 'grant-with-missing-documents', missingDocuments: ['D08'], supplyBy: addDays(chinaDate(), 5) });
    expect(intolerable).toMatchObject({ status: 400, body: { issues: [{ field: 'missingDocuments', reason: expect.stringMatching(/不在容缺目录内/) }] } });
    expect((await get(url(`/cases/${id}`))).body).toEqual(before);
  });

  it('raises approval.item-overdue once per item however often the check runs, and due-soon before it', async () => {
    const projectId = await signProject(prefix, { landAreaMu: 0, usesStandardLand: false, industryCode: 'I6510', totalInvestment: 800 });
    const c = await caseOf(projectId);
    const a01 = c['items'].find((i: { itemCode: string }) => i.itemCode === 'A01');
    const checker = service.app.get(DeadlineChecker);

    // A01 promises 1 working day: due soon on the day itself, overdue the working day after.
    const dueSoon1 = await checker.run(a01.promisedDueOn);
    const dueSoon2 = await checker.run(a01.promisedDueOn);
    const later = chinaCalendar.addWorkingDays(a01.promisedDueOn, 30);
    const overdue1 = await checker.run(later);
    const overdue2 = await checker.run(later);
    expect(dueSoon1.dueSoon).toBeGreaterThanOrEqual(1);
    expect(dueSoon2.dueSoon).toBe(0);
    expect(overdue1.overdue).toBeGreaterThanOrEqual(4); // A01, C05, C08, C12 are all open
    expect(overdue2.overdue).toBe(0);

    const overdue = await eventually(async () => {
      const mine = (await events<ItemOverdueV1>('approval.item-overdue', 4)).filter((e) => e.projectId === projectId);
      expect(mine.map((e) => e.payload.itemCode).sort()).toEqual(['A01', 'C05', 'C08', 'C12']);
      return mine;
    });
    expect(overdue.find((e) => e.payload.itemCode === 'A01')!.payload).toMatchObject({ dueOn: a01.promisedDueOn, workingDaysLate: 30 });
    const queue = (await get(url(`/queue?zone=SX-ZGQ`))).body;
    // Seen today, A01 (1 working day promised) is due the next working day: amber in the queue.
    expect(queue['entries'].find((e: { projectId: string; itemCode: string }) => e.projectId === projectId && e.itemCode === 'A01')).toMatchObject({
      rag: 'amber',
      workingDaysLeft: 1,
      promisedDueOn: a01.promisedDueOn,
    });
  });

  it('puts an enterprise that broke two commitments on the blacklist, refuses its next commitment, and lifts it after repair', async () => {
    expect((await put(url('/settings/zones/YC-YHGX'), { publicityDays: 0, generalRecordsToBlacklist: 2 })).status).toBe(200);
    const enterprise = { name: '运城示例化工有限公司', creditCode: '9144030071526726XG' };
    const today = chinaDate();
    // Each case grants A06 and A02 with documents from the 容缺 list still missing, to be supplied today.
    const breach = async () => {
      const projectId = await signProject(prefix, { zoneCode: 'YC-YHGX', enterprise, landAreaMu: 30, usesStandardLand: true, industryCode: 'C3981', totalInvestment: 3000 });
      const c = await caseOf(projectId);
      expect((await throughPrecheck(c['id'])).body['status']).toBe('DECIDING');
      for (const code of ['A01', 'A05']) expect((await post(url(`/cases/${c['id']}/items/${code}/decision`), { decision: 'grant' })).status).toBe(200);
      const a06 = await post(url(`/cases/${c['id']}/items/A06/decision`), { decision: 'grant-with-missing-documents', missingDocuments: ['D11', 'D12'], supplyBy: today });
      expect(a06.status).toBe(200);
      const granted = await post(url(`/cases/${c['id']}/items/A02/decision`), { decision: 'grant-with-missing-documents', missingDocuments: ['D04'], supplyBy: today });
      expect(granted.body).toMatchObject({ status: 'GRANTED', decisionNumber: expect.stringMatching(/^PF-YC-YHGX-/) });
      return projectId;
    };

    await breach();
    await breach();
    const tomorrow = addDays(today, 1);
    const report = await service.app.get(DeadlineChecker).run(tomorrow);
    expect(report.missingDocumentBreaches).toBe(4); // A06 and A02 of each case
    const credit = (await get(url(`/enterprises/${enterprise.creditCode}/credit`))).body;
    // Listed as the second record was written (the zone's threshold is 2).
    expect(credit).toMatchObject({ blacklisted: true, blacklist: { reason: expect.stringMatching(/^一般失信记录 2 条未整改（达到 2 条列入黑名单）/) } });
    expect(credit['records']).toHaveLength(4);

    const next = await signProject(prefix, { zoneCode: 'YC-YHGX', enterprise, landAreaMu: 0, usesStandardLand: false, industryCode: 'I6510', totalInvestment: 800 });
    const nextCase = await caseOf(next);
    await post(url(`/cases/${nextCase['id']}/notice`));
    const refused = await post(url(`/cases/${nextCase['id']}/commitment`), { scope: 'all', committedDates: COMMITTED_DATES });
    expect(refused).toMatchObject({ status: 409, body: { code: 'blacklisted', message: expect.stringMatching(/^企业已列入失信黑名单/) } });
    expect((await get(url(`/cases/${nextCase['id']}`))).body).toMatchObject({ status: 'NOTIFIED', commitment: null });

    // 信用修复: rectifying three of the four records takes it below the threshold of two.
    for (const record of credit['records'].slice(0, 3)) expect((await post(url(`/credit-records/${record.id}/rectify`), { note: '已补交材料' })).status).toBe(200);
    expect((await get(url(`/enterprises/${enterprise.creditCode}/credit`))).body).toMatchObject({ blacklisted: false });
    expect((await post(url(`/cases/${nextCase['id']}/commitment`), { scope: 'all', committedDates: COMMITTED_DATES })).status).toBe(200);

    const types = async () => (await readTopic(`${prefix}approval.events`, 1)).map((m) => m.headers['event-type']);
    await eventually(async () => expect(await types()).toEqual(expect.arrayContaining(['approval.breach-recorded', 'approval.blacklisted', 'approval.blacklist-lifted'])));
  });

  it('records a failed acceptance as a major breach; left unrectified past its deadline, it blacklists', async () => {
    const enterprise = { name: '长治示例装备有限公司', creditCode: '91110000802100433B' };
    await put(url('/settings/zones/CZ-GXQ'), { publicityDays: 0 });
    const projectId = await signProject(prefix, { zoneCode: 'CZ-GXQ', enterprise, landAreaMu: 0, usesStandardLand: false, industryCode: 'I6510', totalInvestment: 800 });
    const c = await caseOf(projectId);
    await throughPrecheck(c['id']);
    const granted = await post(url(`/cases/${c['id']}/items/A01/decision`), { decision: 'grant' });
    expect(granted.body['status']).toBe('GRANTED');

    expect((await post(url(`/cases/${c['id']}/acceptance-request`))).body).toMatchObject({ code: 'not-completed' });
    await publishStage(prefix, projectId, 'COMPLETED');
    await eventually(async () => expect((await get(url(`/cases/${c['id']}`))).body['projectStage']).toBe('COMPLETED'));
    expect((await post(url(`/cases/${c['id']}/acceptance-request`))).body['status']).toBe('ACCEPTANCE_REQUESTED');
    const rectifyBy = addDays(chinaDate(), 30);
    const failed = await post(url(`/cases/${c['id']}/acceptance`), { passed: false, reasons: ['投资强度低于承诺值'], rectifyBy });
    expect(failed.body).toMatchObject({ status: 'RECTIFYING', rectifyBy, acceptanceReasons: ['投资强度低于承诺值'] });

    const checker = service.app.get(DeadlineChecker);
    await checker.run(rectifyBy);
    expect((await get(url(`/enterprises/${enterprise.creditCode}/credit`))).body).toMatchObject({ blacklisted: false, records: [{ severity: 'major', rectifyBy }] });
    await checker.run(addDays(rectifyBy, 1));
    expect((await get(url(`/enterprises/${enterprise.creditCode}/credit`))).body).toMatchObject({ blacklisted: true });
  });
});

async function publishStage(prefix: string, projectId: string, to: 'COMPLETED') {
  await publishAs(`${prefix}project.events`, 'project-intake', [
    { definition: ProjectStageChanged, projectId, payload: { projectCode: '2611-140100-04-01-00123X', from: 'UNDER_CONSTRUCTION', to, trigger: 'REPORT_COMPLETION', milestoneDate: chinaDate() } },
  ]);
}
