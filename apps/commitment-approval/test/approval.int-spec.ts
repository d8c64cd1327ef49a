import { DataSource } from 'typeorm';
import { parseEvent, ProjectStageChanged, type ApprovalCaseOpenedV2, type ItemAcceptedV1, type ItemOverdueV1 } from '@devzone/contracts';
import type { Principal } from '@devzone/auth';
import { startService, type RunningService } from '@devzone/platform';
import { addDays, chinaCalendar, chinaDate, creditCodeFrom } from '@devzone/shared-kernel';
import { as, createTestDatabase, dropTestDatabase, eventually, get, post, publishAs, readTopic, TEST_ADMIN, uniqueName, type Json } from '@devzone/testing';
import { zhDate } from '../src/api/case-documents.html';
import { AppModule } from '../src/app.module';
import { DeadlineChecker } from '../src/application/deadline-checker.service';
import { COMMITTED_DATES, OPINION, signProject } from './approval.fixtures';

const officer = (department: string, zone = 'SX-ZGQ'): Principal => ({ sub: `dept-${zone}-${department}`, name: `${department}审批员`, role: 'department-officer', zones: [zone], department });
const FGJ = '发展和改革局';
const ZRJ = '自然资源和规划局';
const ZJJ = '住房和城乡建设局';

describe('commitment-approval: cases, item clocks from 受理, item order, departments, enforcement, zone rules', () => {
  const name = uniqueName('approval');
  const prefix = `${name}.`;
  let service: RunningService;
  const url = (path: string) => `${service.url}${path}`;
  const today = chinaDate();

  beforeAll(async () => {
    service = await startService(AppModule, {
      service: 'commitment-approval',
      databaseUrl: await createTestDatabase(name),
      topicPrefix: prefix,
      env: { APPROVAL_CHECK_INTERVAL_MS: '0' }, // the tests run the check themselves, with a date
    });
    // Zones without publicity, so cases go straight from pre-check to deciding.
    for (const zone of ['YC-YHGX', 'CZ-GXQ']) {
      expect((await post(url(`/settings/zones/${zone}/versions`), { effectiveFrom: today, publicityDays: 0, generalRecordsToBlacklist: 2, note: '测试：不公示' })).status).toBe(201);
    }
  });

  afterAll(async () => {
    await service?.close();
    await dropTestDatabase(name);
  });

  /** Rows changed as if time had passed (the commands themselves always act today). */
  const sql = (query: string, params: unknown[]) => service.app.get(DataSource).query(query, params);
  const caseOf = async (projectId: string) =>
    eventually(async () => {
      const { status, body } = await get(url(`/projects/${projectId}/case`));
      expect(status).toBe(200);
      return body;
    });
  const itemOf = (c: Json, code: string) => c['items'].find((i: { itemCode: string }) => i.itemCode === code);
  const events = async <P>(type: string, minimum = 1) =>
    (await readTopic(`${prefix}approval.events`, minimum)).filter((m) => m.headers['event-type'] === type).map((m) => parseEvent<P>(m.value));
  const enterprise = (c: Json) => as({ sub: `ent-${c['creditCode']}`, name: '企业', role: 'enterprise', zones: [], creditCode: c['creditCode'] });
  /** Notice and a 承诺书 covering every committable item. */
  const commit = async (c: Json) => {
    expect((await post(url(`/cases/${c['id']}/notice`), OPINION)).status).toBe(200);
    const committed = await post(url(`/cases/${c['id']}/commitment`), { scope: 'all', committedDates: COMMITTED_DATES, declarationConfirmed: true }, enterprise(c));
    expect(committed.status).toBe(200);
    return committed.body;
  };
  /** Applied for by the enterprise, accepted and decided by the administrator (the default token). */
  const grant = async (caseId: string, code: string, decision: Json = { decision: 'grant' }) => {
    expect((await post(url(`/cases/${caseId}/items/${code}/application`))).status).toBe(200);
    expect((await post(url(`/cases/${caseId}/items/${code}/acceptance`), OPINION)).status).toBe(200);
    const decided = await post(url(`/cases/${caseId}/items/${code}/decision`), { ...OPINION, ...decision });
    expect(decided.status).toBe(200);
    return decided.body;
  };
  /** A document of the case: the page (text/html), or the refusal (JSON). */
  const documentOf = async (caseId: string, kind: string, headers: Record<string, string> = as(TEST_ADMIN)) => {
    const response = await fetch(url(`/cases/${caseId}/documents/${kind}`), { headers });
    const text = await response.text();
    const type = response.headers.get('content-type') ?? '';
    return { status: response.status, type, text, json: type.includes('json') ? (JSON.parse(text) as Json) : null };
  };

  it('opens a case with its items and their order, and starts an item’s clock at 受理, not at signing', async () => {
    const projectId = await signProject(prefix, { industryCode: 'C3981', landAreaMu: 120, usesStandardLand: true, totalInvestment: 52000 });
    const opened = await caseOf(projectId);
    expect(opened).toMatchObject({ status: 'OPENED', openedOn: today, catalogue: '*', catalogueVersion: 2, rulesZone: '*', rulesVersion: 2 });
    expect(opened['items'].map((i: { itemCode: string }) => i.itemCode)).toEqual(['A01', 'A02', 'A05', 'A06', 'C01', 'C02', 'C03', 'C04', 'C05', 'C08', 'C09', 'C10', 'C11', 'C12']);
    expect(itemOf(opened, 'C01')).toMatchObject({ status: 'PENDING', procedure: null, prerequisites: ['A01', 'A02'], blockedBy: [{ itemCode: 'A01' }, { itemCode: 'A02' }], clock: 'not-started', legalDueOn: null, promisedDueOn: null });
    expect(itemOf(opened, 'A02')).not.toHaveProperty('rag');
    // What each caller may do now: the administrator (the default token) issues the notice or acts for the enterprise;
    // the enterprise applies for the items that must be approved (committable ones wait for the 承诺书); a department nothing yet.
    expect(opened['actions']).toEqual(['notice']);
    expect(itemOf(opened, 'A01')['actions']).toEqual(['application']);
    const seenByEnterprise = (await get(url(`/cases/${opened['id']}`), enterprise(opened))).body;
    expect(seenByEnterprise['actions']).toEqual([]);
    expect([itemOf(seenByEnterprise, 'A01')['actions'], itemOf(seenByEnterprise, 'C01')['actions']]).toEqual([['application'], []]);
    expect((await get(url(`/cases/${opened['id']}`), as(officer(FGJ)))).body['actions']).toEqual([]);
    const event = await eventually(async () => {
      const found = (await events<ApprovalCaseOpenedV2>('approval.case-opened')).filter((e) => e.projectId === projectId);
      expect(found).toHaveLength(1);
      return found[0];
    });
    expect(event).toMatchObject({ version: 2, payload: { caseId: opened['id'], itemCount: 14, rulesZone: '*', rulesVersion: 2 } });
    expect(event.payload.items.find((i) => i.itemCode === 'A06')).toMatchObject({ prerequisites: ['A01', 'C01', 'C05', 'A05', 'C02'], legalLimitDays: 7 });

    // The project was signed and its case opened a month ago; nobody has applied since: nothing is late.
    const monthAgo = addDays(today, -30);
    await sql(`UPDATE cases SET opened_on = $1 WHERE id = $2`, [monthAgo, opened['id']]);
    expect((await service.app.get(DeadlineChecker).run(today)).overdue).toBe(0);

    const caseId = opened['id'] as string;
    const applied = await post(url(`/cases/${caseId}/items/A01/application`), {}, enterprise(opened));
    expect(itemOf(applied.body, 'A01')).toMatchObject({ status: 'APPLIED', appliedOn: today, acceptanceDueOn: chinaCalendar.addWorkingDays(today, 5), clock: 'awaiting-acceptance' });
    const accepted = await post(url(`/cases/${caseId}/items/A01/acceptance`), OPINION, as(officer(FGJ)));
    expect(accepted.status).toBe(200);
    expect(itemOf(accepted.body, 'A01')).toMatchObject({
      status: 'ACCEPTED',
      acceptedOn: today,
      clock: 'running',
      legalDueOn: chinaCalendar.addWorkingDays(today, 3),
      promisedDueOn: chinaCalendar.addWorkingDays(today, 1),
      rag: 'amber',
      actions: ['pause', 'decision'], // the answer is the department officer's view
    });
    expect(itemOf(accepted.body, 'A02')['actions']).toEqual([]); // another department's item
    const acceptedEvent = await eventually(async () => {
      const found = (await events<ItemAcceptedV1>('approval.item-accepted')).filter((e) => e.projectId === projectId);
      expect(found).toHaveLength(1);
      return found[0];
    });
    expect(acceptedEvent.payload).toMatchObject({ itemCode: 'A01', department: FGJ, procedure: 'approval', acceptedOn: today, deemed: false, promisedDueOn: chinaCalendar.addWorkingDays(today, 1) });
    expect(chinaCalendar.addWorkingDays(monthAgo, 1) < today).toBe(true); // counted from signing it would be overdue already

    // The case list: the envelope, each case without its items but with the caller's actions.
    const listed = (await get(url(`/cases?zone=SX-ZGQ&status=OPENED&pageSize=100`))).body;
    expect(Object.keys(listed).sort()).toEqual(['items', 'page', 'pageSize', 'total']);
    expect(listed).toMatchObject({ page: 1, pageSize: 100, total: expect.any(Number) });
    const summary = listed['items'].find((x: { id: string }) => x.id === caseId);
    expect(summary).toMatchObject({ status: 'OPENED', statusName: '已立案', projectCode: opened['projectCode'], actions: ['notice'] });
    expect(summary).not.toHaveProperty('items');
  });

  it('takes every act with legal effect with an opinion (400 naming it otherwise), records it with who and when, and prints the 告知书, 承诺书 and 批复 once issued', async () => {
    const ent = { name: '长治示例<新能源>有限公司', creditCode: creditCodeFrom('91140400MA0K0X991') };
    const projectId = await signProject(prefix, { projectCode: '2611-140100-04-01-00139X', name: '光伏组件项目 <b>一期</b>', zoneCode: 'CZ-GXQ', enterprise: ent, landAreaMu: 0, usesStandardLand: false, industryCode: 'I6510', totalInvestment: 800 });
    const c = await caseOf(projectId);
    const id = c['id'] as string;
    const zoneOfficer = as({ sub: 'cz-zo', name: '综合窗口', role: 'zone-officer', zones: ['CZ-GXQ'] });
    const fgj = as(officer(FGJ, 'CZ-GXQ'));
    const own = enterprise(c);
    expect(c).toMatchObject({ record: [], commitmentDeclaration: expect.stringMatching(/^本企业（长治示例<新能源>有限公司）就“光伏组件项目 <b>一期<\/b>”郑重承诺：/) });
    for (const kind of ['notice', 'commitment', 'decision']) expect(await documentOf(id, kind)).toMatchObject({ status: 404, json: { code: 'document-not-issued' } });

    // The 告知书: not without an opinion (400 naming it, nothing changed or recorded), then with one, trimmed, with who and when.
    expect(await post(url(`/cases/${id}/notice`), {}, zoneOfficer)).toMatchObject({ status: 400, body: { issues: [{ field: 'opinion', reason: expect.stringMatching(/^opinion 审查意见为必填，2–500 字/) }] } });
    expect((await post(url(`/cases/${id}/notice`), { opinion: '好' }, zoneOfficer)).status).toBe(400);
    expect((await post(url(`/cases/${id}/notice`), { opinion: '意'.repeat(501) }, zoneOfficer)).status).toBe(400);
    expect((await get(url(`/cases/${id}`))).body).toMatchObject({ status: 'OPENED', noticeNumber: null, record: [] });
    const notified = await post(url(`/cases/${id}/notice`), { opinion: '  项目符合承诺制适用条件，同意发出告知书。  ' }, zoneOfficer);
    expect(notified.body).toMatchObject({
      status: 'NOTIFIED',
      record: [{ act: 'notice', actName: '发出告知书', itemCode: null, itemName: null, opinion: '项目符合承诺制适用条件，同意发出告知书。', actorId: 'cz-zo', actorName: '综合窗口', actorRoleName: '开发区审批窗口', on: today, at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/) }],
    });
    const notice = await documentOf(id, 'notice');
    expect(notice).toMatchObject({ status: 200, type: 'text/html; charset=utf-8' });
    expect(notice.text).toContain(`<title>承诺制告知书 ${notified.body['noticeNumber']}</title>`);
    expect(notice.text).toContain('项目符合承诺制适用条件，同意发出告知书。');
    expect(notice.text).toContain('光伏组件项目 &lt;b&gt;一期&lt;/b&gt;'); // what people wrote is escaped
    expect(notice.text).not.toContain('<b>一期');
    expect(notice.text).toContain('企业投资项目备案');
    // Read as the case is read: the enterprise its own, not another's; staff of another zone not at all.
    expect((await documentOf(id, 'notice', own)).status).toBe(200);
    expect((await documentOf(id, 'notice', as({ sub: 'x', name: '他企', role: 'enterprise', zones: [], creditCode: '91110000802100433B' }))).status).toBe(404);
    expect((await documentOf(id, 'notice', as(officer(FGJ, 'SX-ZGQ')))).status).toBe(404);
    expect((await documentOf('00000000-0000-4000-8000-000000000000', 'notice')).status).toBe(404);

    // The 承诺书: the declaration confirmed, and dates the rules allow (400 naming the field, nothing changed).
    const commitment = (body: Json) => post(url(`/cases/${id}/commitment`), { scope: 'all', committedDates: COMMITTED_DATES, ...body }, own);
    expect(await commitment({})).toMatchObject({ status: 400, body: { issues: [{ field: 'declarationConfirmed', reason: expect.stringMatching(/^declarationConfirmed 须确认承诺书声明/) }] } });
    expect(await commitment({ declarationConfirmed: false })).toMatchObject({ status: 400, body: { issues: [{ field: 'declarationConfirmed' }] } });
    const past = await commitment({ declarationConfirmed: true, committedDates: { ...COMMITTED_DATES, start: addDays(today, -1) } });
    expect(past).toMatchObject({ status: 400, body: { issues: [{ field: 'committedDates.start', reason: expect.stringMatching(/^承诺开工日期不能早于今天/) }] } });
    const outOfOrder = await commitment({ declarationConfirmed: true, committedDates: { start: addDays(today, 30), completion: addDays(today, 10), production: addDays(today, 5) } });
    expect(outOfOrder.status).toBe(400);
    expect(outOfOrder.body['issues'].map((i: { field: string }) => i.field).sort()).toEqual(['committedDates.completion', 'committedDates.production']);
    expect((await get(url(`/cases/${id}`))).body).toMatchObject({ status: 'NOTIFIED', commitment: null });
    const committed = await commitment({ declarationConfirmed: true });
    expect(committed.body).toMatchObject({ status: 'COMMITTED', commitment: { declaration: c['commitmentDeclaration'], declarationConfirmedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/), actorName: '企业' } });
    expect(committed.body['record']).toHaveLength(1); // the enterprise's declaration is kept with its 承诺书, not in the officers' record

    // 备案 by its department: a refused act records nothing; 受理 and 准予 with their opinions; the pre-check grants the case (no publicity here).
    await post(url(`/cases/${id}/items/A01/application`), {}, own);
    expect((await post(url(`/cases/${id}/items/A01/decision`), { opinion: '经审查，同意准予。', decision: 'grant' }, fgj)).status).toBe(409); // not accepted yet
    expect((await get(url(`/cases/${id}`))).body['record']).toHaveLength(1);
    expect((await post(url(`/cases/${id}/items/A01/acceptance`), { opinion: '申请材料齐全，予以受理。' }, fgj)).status).toBe(200);
    expect((await post(url(`/cases/${id}/items/A01/decision`), { opinion: '符合备案条件，准予备案。', decision: 'grant' }, fgj)).status).toBe(200);
    const granted = await post(url(`/cases/${id}/precheck`), { passed: true, opinion: '承诺内容完整，预审通过。' }, zoneOfficer);
    expect(granted.body).toMatchObject({ status: 'GRANTED', precheckNote: '承诺内容完整，预审通过。' });
    expect(granted.body['record'].map((e: Json) => `${e['act']}:${e['itemCode'] ?? '-'}:${e['actorName']}`)).toEqual([
      'notice:-:综合窗口',
      `item-accepted:A01:${FGJ}审批员`,
      `grant:A01:${FGJ}审批员`,
      'precheck-passed:-:综合窗口',
    ]);
    expect(granted.body['record'][1]).toMatchObject({ actName: '受理', itemName: '企业投资项目备案', actorRoleName: '部门审批人员', opinion: '申请材料齐全，予以受理。' });
    expect((await get(url(`/cases/${id}`), own)).body['record']).toHaveLength(4); // the enterprise reads its case's record

    const letter = await documentOf(id, 'commitment', own);
    expect(letter).toMatchObject({ status: 200, type: 'text/html; charset=utf-8' });
    expect(letter.text).toContain('本企业（长治示例&lt;新能源&gt;有限公司）');
    expect(letter.text).toContain(zhDate(COMMITTED_DATES.start));
    expect(letter.text).toContain('承诺内容完整，预审通过。');
    const decision = await documentOf(id, 'decision', own);
    expect(decision.status).toBe(200);
    expect(decision.text).toContain(`编号：${granted.body['decisionNumber']}`);
    expect(decision.text).toContain('符合备案条件，准予备案。');
    expect(decision.text).toContain('依承诺准予');
  });

  it('refuses to accept an item before its prerequisites are granted (409 naming them), and changes nothing', async () => {
    const projectId = await signProject(prefix, { projectCode: '2611-140100-04-01-00124X' });
    const c = await caseOf(projectId);
    const caseId = c['id'] as string;
    expect((await post(url(`/cases/${caseId}/items/A02/application`))).status).toBe(200);
    const before = (await get(url(`/cases/${caseId}`))).body;
    expect(itemOf(before, 'A02')).toMatchObject({ status: 'APPLIED', blockedBy: [{ itemCode: 'A01', name: '企业投资项目备案' }], acceptanceDueOn: null });
    expect(itemOf(before, 'A02')).not.toHaveProperty('rag'); // no deadline runs while it cannot be accepted

    const early = await post(url(`/cases/${caseId}/items/A02/acceptance`), OPINION, as(officer(ZRJ)));
    expect(early).toMatchObject({ status: 409, body: { code: 'prerequisites-not-granted', message: expect.stringContaining('A01 企业投资项目备案') } });
    expect((await get(url(`/cases/${caseId}`))).body).toEqual(before);
    const queue = (await get(url('/queue?zone=SX-ZGQ'), as(officer(ZRJ)))).body;
    expect(queue['items'].find((e: { caseId: string; itemCode: string }) => e.caseId === caseId && e.itemCode === 'A02')).toMatchObject({ blockedBy: [{ itemCode: 'A01' }], actions: ['decision'] }); // 不予受理, not 受理 yet

    await grant(caseId, 'A01');
    const accepted = await post(url(`/cases/${caseId}/items/A02/acceptance`), OPINION, as(officer(ZRJ)));
    expect(itemOf(accepted.body, 'A02')).toMatchObject({ status: 'ACCEPTED', blockedBy: [], promisedDueOn: chinaCalendar.addWorkingDays(today, 5) });
  });

  it('lets a department officer decide its own department’s items (200) and not another’s (403), in its own zone only', async () => {
    const projectId = await signProject(prefix, { projectCode: '2611-140100-04-01-00125X' });
    const c = await caseOf(projectId);
    const caseId = c['id'] as string;
    expect((await post(url(`/cases/${caseId}/items/A01/application`), {}, enterprise(c))).status).toBe(200);

    const other = await post(url(`/cases/${caseId}/items/A01/acceptance`), OPINION, as(officer(ZJJ)));
    expect(other).toMatchObject({ status: 403, body: { code: 'department', message: expect.stringContaining(`A01（企业投资项目备案）由${FGJ}办理`) } });
    expect((await post(url(`/cases/${caseId}/items/A01/acceptance`), OPINION, as(officer(FGJ, 'CZ-GXQ')))).status).toBe(404);
    expect((await post(url(`/cases/${caseId}/items/A01/acceptance`), OPINION, as({ sub: 'zo', name: '综合窗口', role: 'zone-officer', zones: ['SX-ZGQ'] }))).status).toBe(403);

    expect((await post(url(`/cases/${caseId}/items/A01/acceptance`), OPINION, as(officer(FGJ)))).status).toBe(200);
    const decided = await post(url(`/cases/${caseId}/items/A01/decision`), { ...OPINION, decision: 'grant' }, as(officer(FGJ)));
    expect(decided.status).toBe(200);
    expect(itemOf(decided.body, 'A01')).toMatchObject({ status: 'GRANTED', decidedOn: today });
    // The department's queue holds its own items: A02 waits for 自然资源和规划局, not for 发改.
    await post(url(`/cases/${caseId}/items/A02/application`), {}, enterprise(c));
    const mine = (await get(url('/queue?zone=SX-ZGQ'), as(officer(ZRJ)))).body['items'];
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((e: { department: string }) => e.department === ZRJ)).toBe(true);
  });

  it('stops the clock while paused: no overdue for a paused item; resumed, its due dates move by the paused working days', async () => {
    const projectId = await signProject(prefix, { projectCode: '2611-140100-04-01-00126X', landAreaMu: 0, usesStandardLand: false, industryCode: 'I6510', totalInvestment: 800 });
    const c = await caseOf(projectId);
    const caseId = c['id'] as string;
    await grant(caseId, 'A01');
    await commit(c); // C05, C08, C12 committed
    const inPublicity = await post(url(`/cases/${caseId}/precheck`), { ...OPINION, passed: true }); // SX-ZGQ publishes its commitments for 7 days (the default)
    expect(inPublicity.body).toMatchObject({ status: 'IN_PUBLICITY', actions: [] }); // no ending it before its end date
    expect((await post(url(`/cases/${caseId}/items/C05/application`))).status).toBe(409); // committed: nothing to apply for

    // A second case, by 一般程序 for the whole case: every committable item is applied for and accepted.
    const ordinaryId = await signProject(prefix, { projectCode: '2611-140100-04-01-00127X', landAreaMu: 0, usesStandardLand: false, industryCode: 'I6510', totalInvestment: 800 });
    const o = await caseOf(ordinaryId);
    await post(url(`/cases/${o['id']}/notice`), OPINION);
    const ordinary = await post(url(`/cases/${o['id']}/commitment`), { scope: 'none' }, enterprise(o));
    expect(ordinary.body).toMatchObject({ status: 'DECIDING', commitment: null });
    expect(itemOf(ordinary.body, 'C08')).toMatchObject({ procedure: 'ordinary', procedureName: '一般程序', status: 'PENDING' });
    await grant(o['id'], 'A01');
    await post(url(`/cases/${o['id']}/items/C08/application`));
    const accepted = itemOf((await post(url(`/cases/${o['id']}/items/C08/acceptance`), OPINION)).body, 'C08');
    // 一般程序: the legal limit (20 working days), not the promised 5.
    expect(accepted).toMatchObject({ procedure: 'ordinary', promisedDueOn: chinaCalendar.addWorkingDays(today, 20), legalDueOn: chinaCalendar.addWorkingDays(today, 20) });
    const tolerated = await post(url(`/cases/${o['id']}/items/C08/decision`), { ...OPINION, decision: 'grant-with-missing-documents', missingDocuments: ['D20'], supplyBy: today });
    expect(tolerated).toMatchObject({ status: 409, body: { code: 'ordinary-needs-full-documents' } });

    const paused = await post(url(`/cases/${o['id']}/items/C08/pause`), { reason: 'expert-review', note: '委托专家评审排水方案' });
    expect(itemOf(paused.body, 'C08')).toMatchObject({ status: 'PAUSED', clock: 'paused', pauses: [{ reason: 'expert-review', reasonName: '专家评审', from: today, to: null }] });
    const checker = service.app.get(DeadlineChecker);
    const late = chinaCalendar.addWorkingDays(today, 40);
    await checker.run(late);
    const overdue = (await events<ItemOverdueV1>('approval.item-overdue', 0)).filter((e) => e.projectId === ordinaryId);
    expect(overdue.map((e) => e.payload.itemCode)).toEqual([]); // C08 stood still

    // The review took eight working days (as if it began then): resumed today, the dates move by eight.
    let from = today;
    while (chinaCalendar.workingDaysBetween(from, today) < 8) from = addDays(from, -1);
    await sql(`UPDATE case_items SET accepted_on = $1::date, pauses = jsonb_set(pauses, '{0,from}', to_jsonb($1::text)) WHERE case_id = $2 AND item_code = 'C08'`, [from, o['id']]);
    const resumed = itemOf((await post(url(`/cases/${o['id']}/items/C08/resume`))).body, 'C08');
    expect(resumed).toMatchObject({ status: 'ACCEPTED', clock: 'running', pausedWorkingDays: 8, pauses: [{ from, to: today }], promisedDueOn: chinaCalendar.addWorkingDays(from, 28) });
    expect((await post(url(`/cases/${o['id']}/items/C08/resume`))).status).toBe(409);
  });

  it('answers 400, 403, 404 and 409 with reasons, and changes nothing', async () => {
    const projectId = await signProject(prefix, { projectCode: '2611-140100-04-01-00128X' });
    const c = await caseOf(projectId);
    const id = c['id'];

    const early = await post(url(`/cases/${id}/commitment`), { scope: 'all', committedDates: COMMITTED_DATES, declarationConfirmed: true });
    expect(early).toMatchObject({ status: 409, body: { message: '尚未发放告知书 (the requirement notice has not been issued)' } });
    const bad = await post(url(`/cases/${id}/commitment`), { scope: 'some', committedDates: { start: '2027-05-01', completion: '2027-01-01', production: 'soon' }, declarationConfirmed: true });
    expect(bad.status).toBe(400);
    expect(bad.body['issues'].map((i: { field: string }) => i.field).sort()).toEqual(['committedDates.completion', 'committedDates.production', 'scope']);

    await post(url(`/cases/${id}/notice`), OPINION);
    const noDates = await post(url(`/cases/${id}/commitment`), { scope: 'all', declarationConfirmed: true });
    expect(noDates).toMatchObject({ status: 400, body: { issues: [{ field: 'committedDates' }] } });
    const notCommittable = await post(url(`/cases/${id}/commitment`), { scope: 'partial', itemCodes: ['C01', 'A02'], committedDates: COMMITTED_DATES, declarationConfirmed: true });
    expect(notCommittable).toMatchObject({ status: 400, body: { issues: [{ field: 'itemCodes', reason: expect.stringMatching(/^事项 A02（建设用地规划许可证）不可承诺/) }] } });
    const partial = await post(url(`/cases/${id}/commitment`), { scope: 'partial', itemCodes: ['C01', 'C02'], committedDates: COMMITTED_DATES, declarationConfirmed: true });
    expect(itemOf(partial.body, 'C01')).toMatchObject({ status: 'COMMITTED', procedure: 'commitment' });
    expect(itemOf(partial.body, 'C03')).toMatchObject({ status: 'PENDING', procedure: 'ordinary' });

    expect((await post(url(`/cases/${id}/items/Z99/decision`), { ...OPINION, decision: 'grant' })).status).toBe(404);
    expect((await post(url(`/cases/00000000-0000-4000-8000-000000000000/notice`), OPINION)).status).toBe(404);
    expect((await post(url(`/cases/not-a-uuid/notice`), OPINION)).status).toBe(400);
    expect((await post(url(`/cases/${id}/items/A01/pause`), { reason: 'corrections' })).body).toMatchObject({ issues: [{ field: 'reason' }] });

    await grant(id, 'A01');
    const before = (await get(url(`/cases/${id}`))).body;
    const again = await post(url(`/cases/${id}/items/A01/decision`), { ...OPINION, decision: 'reject', reason: '重复' });
    expect(again).toMatchObject({ status: 409, body: { code: 'item-state', message: expect.stringMatching(/^A01（企业投资项目备案）：/) } });
    expect((await post(url(`/cases/${id}/items/C01/decision`), { ...OPINION, decision: 'reject', reason: 'x' })).status).toBe(409); // committed
    expect((await post(url(`/cases/${id}/items/A05/decision`), { ...OPINION, decision: 'grant' })).status).toBe(409); // not applied for
    expect((await post(url(`/cases/${id}/items/A05/application`), {}, as({ sub: 'x', name: '他企', role: 'enterprise', zones: [], creditCode: '91110000802100433B' }))).status).toBe(404);
    expect((await get(url(`/cases/${id}`))).body).toEqual(before);
    await post(url(`/cases/${id}/items/A05/application`));
    await post(url(`/cases/${id}/items/A05/acceptance`), OPINION);
    const noReason = await post(url(`/cases/${id}/items/A05/decision`), { ...OPINION, decision: 'reject' });
    expect(noReason).toMatchObject({ status: 400, body: { issues: [{ field: 'reason' }] } });
    const intolerable = await post(url(`/cases/${id}/items/A05/decision`), { ...OPINION, decision: 'grant-with-missing-documents', missingDocuments: ['D08'], supplyBy: addDays(today, 5) });
    expect(intolerable).toMatchObject({ status: 400, body: { issues: [{ field: 'missingDocuments', reason: expect.stringMatching(/不在容缺目录内/) }] } });

    // Pre-check failed: the enterprise commits again, but what it committed stays committed (no switch to 一般程序 for all).
    expect((await post(url(`/cases/${id}/precheck`), { ...OPINION, passed: false, note: '承诺内容不完整' })).body['status']).toBe('NOTIFIED');
    expect(await post(url(`/cases/${id}/commitment`), { scope: 'none' })).toMatchObject({ status: 409, body: { code: 'already-committed', message: expect.stringMatching(/^已承诺的事项（C01、C02）须经预审/) } });
  });

  it('raises approval.item-overdue once per accepted item however often the check runs, and due-soon before it', async () => {
    const projectId = await signProject(prefix, { projectCode: '2611-140100-04-01-00129X', landAreaMu: 0, usesStandardLand: false, industryCode: 'I6510', totalInvestment: 800 });
    const c = await caseOf(projectId);
    await post(url(`/cases/${c['id']}/items/A01/application`));
    const a01 = itemOf((await post(url(`/cases/${c['id']}/items/A01/acceptance`), OPINION)).body, 'A01');
    const checker = service.app.get(DeadlineChecker);

    // A01 promises 1 working day: due soon on the day itself, overdue the working day after.
    const dueSoon1 = await checker.run(a01.promisedDueOn);
    const dueSoon2 = await checker.run(a01.promisedDueOn);
    const later = chinaCalendar.addWorkingDays(a01.promisedDueOn, 30);
    const overdue1 = await checker.run(later);
    const overdue2 = await checker.run(later);
    expect(dueSoon1.dueSoon).toBeGreaterThanOrEqual(1);
    expect(dueSoon2.dueSoon).toBe(0);
    expect(overdue1.overdue).toBeGreaterThanOrEqual(1);
    expect(overdue2.overdue).toBe(0);

    const overdue = await eventually(async () => {
      const mine = (await events<ItemOverdueV1>('approval.item-overdue')).filter((e) => e.projectId === projectId);
      expect(mine.map((e) => e.payload.itemCode)).toEqual(['A01']); // the committable items were never accepted: no clock
      return mine;
    });
    expect(overdue[0].payload).toMatchObject({ dueOn: a01.promisedDueOn, workingDaysLate: 30 });
    const queue = (await get(url(`/queue?zone=SX-ZGQ`))).body;
    expect(queue['items'].find((e: { caseId: string; itemCode: string }) => e.caseId === c['id'] && e.itemCode === 'A01')).toMatchObject({ rag: 'amber', workingDaysLeft: 1, promisedDueOn: a01.promisedDueOn });
  });

  it('blacklists an enterprise at the zone’s number of general records, and repairs a record only once rectified and past its minimum publicity', async () => {
    const ent = { name: '运城示例化工有限公司', creditCode: '9144030071526726XG' };
    // Each case grants A02 and A06 with documents from the 容缺 list still missing, to be supplied today.
    const breach = async (projectCode: string) => {
      const projectId = await signProject(prefix, { projectCode, zoneCode: 'YC-YHGX', enterprise: ent, landAreaMu: 30, usesStandardLand: true, industryCode: 'C3981', totalInvestment: 3000 });
      const c = await caseOf(projectId);
      await grant(c['id'], 'A01');
      await commit(c);
      expect((await post(url(`/cases/${c['id']}/precheck`), { ...OPINION, passed: true })).body['status']).toBe('DECIDING');
      await grant(c['id'], 'A05');
      await grant(c['id'], 'A02', { decision: 'grant-with-missing-documents', missingDocuments: ['D04'], supplyBy: today });
      const granted = await grant(c['id'], 'A06', { decision: 'grant-with-missing-documents', missingDocuments: ['D11', 'D12'], supplyBy: today });
      expect(granted).toMatchObject({ status: 'GRANTED', decisionNumber: expect.stringMatching(/^PF-YC-YHGX-/) });
    };
    await breach('2611-140100-04-01-00130X');
    await breach('2611-140100-04-01-00131X');
    const report = await service.app.get(DeadlineChecker).run(addDays(today, 1));
    expect(report.missingDocumentBreaches).toBe(4);
    const credit = (await get(url(`/enterprises/${ent.creditCode}/credit`))).body;
    expect(credit).toMatchObject({ blacklisted: true, blacklist: { reason: expect.stringMatching(/^一般失信记录 2 条未修复（达到 2 条列入黑名单）/) } });
    expect(credit['records']).toHaveLength(4);
    expect(credit['records'][0]).toMatchObject({ severity: 'general', rectifiedOn: null, repairedOn: null, repairableFrom: expect.any(String) });

    // Blacklisted: no commitment, but the ordinary procedure.
    const next = await signProject(prefix, { projectCode: '2611-140100-04-01-00132X', zoneCode: 'YC-YHGX', enterprise: ent, landAreaMu: 0, usesStandardLand: false, industryCode: 'I6510', totalInvestment: 800 });
    const nextCase = await caseOf(next);
    await post(url(`/cases/${nextCase['id']}/notice`), OPINION);
    const refused = await post(url(`/cases/${nextCase['id']}/commitment`), { scope: 'all', committedDates: COMMITTED_DATES, declarationConfirmed: true });
    expect(refused).toMatchObject({ status: 409, body: { code: 'blacklisted', message: expect.stringMatching(/^企业已列入失信黑名单.*可按一般程序办理/) } });
    expect((await get(url(`/cases/${nextCase['id']}`))).body).toMatchObject({ status: 'NOTIFIED', commitment: null });

    // Repair: refused before the rectification is recorded, and before the 3 months of publicity.
    const [first, ...rest] = credit['records'] as { id: string; recordedOn: string }[];
    expect(await post(url(`/credit-records/${first.id}/repair`), { note: '申请修复' })).toMatchObject({ status: 409, body: { code: 'repair-refused', message: expect.stringMatching(/^须先登记整改/) } });
    const rectified = await post(url(`/credit-records/${first.id}/rectify`), { note: '已补交材料' });
    expect(rectified).toMatchObject({ status: 200, body: { id: first.id, rectifiedOn: today, rectificationNote: '已补交材料', repairedOn: null, repairableFrom: expect.any(String) } });
    const tooEarly = await post(url(`/credit-records/${first.id}/repair`), { note: '申请修复' });
    expect(tooEarly).toMatchObject({ status: 409, body: { code: 'repair-refused', message: expect.stringMatching(/^一般失信记录最短公示期未满，\d{4}-\d{2}-\d{2} 起可修复/) } });
    expect((await get(url(`/enterprises/${ent.creditCode}/credit`))).body).toMatchObject({ blacklisted: true }); // rectified is not repaired

    // Four months later (the records made then) the repairs are granted and the blacklist lifted.
    await sql(`UPDATE credit_records SET recorded_on = $1 WHERE credit_code = $2`, [addDays(today, -125), ent.creditCode]);
    expect((await post(url(`/credit-records/${first.id}/repair`), { note: '信用修复' })).status).toBe(200);
    for (const r of rest.slice(0, 2)) {
      await post(url(`/credit-records/${r.id}/rectify`), { note: '已补交材料' });
      expect((await post(url(`/credit-records/${r.id}/repair`), { note: '信用修复' })).status).toBe(200);
    }
    expect((await get(url(`/enterprises/${ent.creditCode}/credit`))).body).toMatchObject({ blacklisted: false });
    expect((await post(url(`/cases/${nextCase['id']}/commitment`), { scope: 'all', committedDates: COMMITTED_DATES, declarationConfirmed: true })).status).toBe(200);
    const types = async () => (await readTopic(`${prefix}approval.events`, 1)).map((m) => m.headers['event-type']);
    await eventually(async () => expect(await types()).toEqual(expect.arrayContaining(['approval.breach-recorded', 'approval.blacklisted', 'approval.credit-repaired', 'approval.blacklist-lifted'])));
  });

  it('orders rectification on a failed 对标验收 with no record; only a lapsed deadline or a failed re-inspection is a 重大 record', async () => {
    const ent = { name: '长治示例装备有限公司', creditCode: '91110000802100433B' };
    const projectId = await signProject(prefix, { projectCode: '2611-140100-04-01-00133X', zoneCode: 'CZ-GXQ', enterprise: ent, landAreaMu: 0, usesStandardLand: false, industryCode: 'I6510', totalInvestment: 800 });
    const c = await caseOf(projectId);
    await grant(c['id'], 'A01');
    await commit(c);
    const granted = await post(url(`/cases/${c['id']}/precheck`), { ...OPINION, passed: true });
    expect(granted.body).toMatchObject({ status: 'GRANTED', actions: [] }); // acceptance only once the project is completed

    expect((await post(url(`/cases/${c['id']}/acceptance-request`))).body).toMatchObject({ code: 'not-completed' });
    await publishStage(prefix, projectId, 'COMPLETED');
    await eventually(async () => expect((await get(url(`/cases/${c['id']}`))).body['projectStage']).toBe('COMPLETED'));
    expect((await get(url(`/cases/${c['id']}`), enterprise(c))).body['actions']).toEqual(['acceptance-request']);
    const requested = await post(url(`/cases/${c['id']}/acceptance-request`));
    expect(requested.body).toMatchObject({ status: 'ACCEPTANCE_REQUESTED', actions: ['acceptance'] });
    expect((await get(url(`/cases/${c['id']}`), enterprise(c))).body['actions']).toEqual([]);
    const rectifyBy = addDays(today, 30);
    const failed = await post(url(`/cases/${c['id']}/acceptance`), { ...OPINION, passed: false, reasons: ['投资强度低于承诺值'], rectifyBy });
    expect(failed.body).toMatchObject({ status: 'RECTIFYING', rectifyBy, rectificationRound: 1, acceptanceReasons: ['投资强度低于承诺值'] });
    expect(failed.body['record'].at(-1)).toMatchObject({ act: 'acceptance-failed', actName: '对标验收不通过', itemCode: null, opinion: OPINION.opinion, actorName: '测试管理员' });
    const credit = () => get(url(`/enterprises/${ent.creditCode}/credit`)).then((r) => r.body);
    expect(await credit()).toMatchObject({ blacklisted: false, records: [] }); // the order, not a record
    await eventually(async () => expect((await events('approval.rectification-ordered')).filter((e) => e.projectId === projectId)).toHaveLength(1));

    // The deadline lapses with no re-inspection asked for: one major record (however often the check runs).
    const checker = service.app.get(DeadlineChecker);
    expect((await checker.run(rectifyBy)).rectificationLapses).toBe(0);
    expect((await checker.run(addDays(rectifyBy, 1))).rectificationLapses).toBe(1);
    expect((await checker.run(addDays(rectifyBy, 1))).rectificationLapses).toBe(0);
    expect((await credit())['records']).toMatchObject([{ severity: 'major', reason: expect.stringMatching(/^对标验收整改期限 .* 届满，未申请复查/) }]);

    // Re-inspection asked for late, and failed: a second major record with a new deadline; that one lapsing blacklists, and records nothing more.
    expect((await post(url(`/cases/${c['id']}/acceptance-request`))).body['status']).toBe('ACCEPTANCE_REQUESTED');
    const secondBy = addDays(today, 60);
    const again = await post(url(`/cases/${c['id']}/acceptance`), { ...OPINION, passed: false, reasons: ['整改后投资强度仍低于承诺值'], rectifyBy: secondBy });
    expect(again.body).toMatchObject({ status: 'RECTIFYING', rectificationRound: 2 });
    expect((await credit())['records'].map((r: { severity: string; reason: string }) => `${r.severity}:${r.reason.slice(0, 8)}`).sort()).toEqual(['major:对标验收整改后复', 'major:对标验收整改期限']);
    expect((await checker.run(addDays(secondBy, 1))).rectificationLapses).toBe(0);
    const after = await credit();
    expect(after['records']).toHaveLength(2);
    expect(after).toMatchObject({ blacklisted: true, blacklist: { reason: expect.stringMatching(/^重大失信记录逾期未整改/) } });
  });

  it('revokes a grant obtained by a false commitment (撤销): a 严重 record, the case deciding again, the item by 一般程序', async () => {
    const ent = { name: '长治示例电子有限公司', creditCode: '91140400MA0K0X1234' };
    const projectId = await signProject(prefix, { projectCode: '2611-140100-04-01-00134X', zoneCode: 'CZ-GXQ', enterprise: ent, landAreaMu: 0, usesStandardLand: false, industryCode: 'I6510', totalInvestment: 800 });
    const c = await caseOf(projectId);
    await grant(c['id'], 'A01');
    await commit(c);
    expect((await post(url(`/cases/${c['id']}/precheck`), { ...OPINION, passed: true })).body).toMatchObject({ status: 'GRANTED' });

    const zoneOfficer = as({ sub: 'cz-zo', name: '综合窗口', role: 'zone-officer', zones: ['CZ-GXQ'] });
    const seen = (await get(url(`/cases/${c['id']}`), zoneOfficer)).body;
    expect([itemOf(seen, 'A01')['actions'], itemOf(seen, 'C08')['actions']]).toEqual([[], ['revocation']]); // only a grant obtained by commitment
    expect((await post(url(`/cases/${c['id']}/items/A01/revocation`), { ...OPINION, reason: 'x' }, zoneOfficer)).body).toMatchObject({ code: 'not-committed' });
    expect((await post(url(`/cases/${c['id']}/items/C08/revocation`), {}, zoneOfficer)).status).toBe(400);
    const revoked = await post(url(`/cases/${c['id']}/items/C08/revocation`), { ...OPINION, reason: '核查发现排水方案与承诺不符' }, zoneOfficer);
    expect(revoked.status).toBe(200);
    expect(revoked.body).toMatchObject({ status: 'DECIDING' });
    expect(itemOf(revoked.body, 'C08')).toMatchObject({ status: 'REVOKED', revocationReason: '核查发现排水方案与承诺不符' });
    expect(revoked.body['record'].at(-1)).toMatchObject({ act: 'revocation', actName: '撤销（虚假承诺）', itemCode: 'C08', opinion: OPINION.opinion, actorName: '综合窗口' });
    expect((await get(url(`/enterprises/${ent.creditCode}/credit`))).body).toMatchObject({ blacklisted: true, records: [{ severity: 'serious', reason: expect.stringMatching(/^虚假承诺，撤销城镇污水排入排水管网许可/) }] });
    await eventually(async () => {
      const found = (await events<{ caseReopened: boolean }>('approval.grant-revoked')).filter((e) => e.projectId === projectId);
      expect(found.map((e) => e.payload.caseReopened)).toEqual([true]);
    });

    // The item again, by 一般程序: the case is granted once it is.
    const regranted = await grant(c['id'], 'C08');
    expect(itemOf(regranted, 'C08')).toMatchObject({ status: 'GRANTED', procedure: 'ordinary' });
    expect(regranted).toMatchObject({ status: 'GRANTED' });
  });

  it('changes zone rules only by a published version: managers only, history kept, open cases keep theirs', async () => {
    const manager = as({ sub: 'jc-mgr', name: '晋城开发区管委会', role: 'zone-manager', zones: ['JC-KFQ'] });
    const openBefore = await caseOf(await signProject(prefix, { projectCode: '2611-140100-04-01-00135X', zoneCode: 'JC-KFQ', landAreaMu: 0, usesStandardLand: false, industryCode: 'I6510', totalInvestment: 800 }));
    expect(openBefore).toMatchObject({ rulesZone: '*', rulesVersion: 2 });
    expect((await get(url('/settings/zones/JC-KFQ'))).body).toMatchObject({ zoneCode: '*', version: 2, publicityDays: 7 });

    expect((await post(url('/settings/zones/JC-KFQ/versions'), { effectiveFrom: today, publicityDays: 0 }, as({ sub: 'zo', name: '窗口', role: 'zone-officer', zones: ['JC-KFQ'] }))).status).toBe(403);
    expect((await post(url('/settings/zones/JC-KFQ/versions'), { effectiveFrom: today, publicityDays: 0 }, as({ sub: 'm2', name: '他区', role: 'zone-manager', zones: ['CZ-GXQ'] }))).status).toBe(404);
    expect((await post(url('/settings/zones/JC-KFQ/versions'), { effectiveFrom: addDays(today, -1), publicityDays: 0 }, manager)).body).toMatchObject({ issues: [{ field: 'effectiveFrom' }] });
    expect((await post(url('/settings/zones/JC-KFQ/versions'), { effectiveFrom: today, repairSeriousMonths: 6 }, manager)).body).toMatchObject({ issues: [{ field: 'repairSeriousMonths' }] });
    const catalogue = (await get(url('/catalogue/JC-KFQ'))).body['items']
      .filter((i: { code: string }) => i.code !== 'C12')
      .map(({ code, name, department, regime, legalLimitDays, promisedLimitDays, documents, applies, prerequisites }: Json) => ({ code, name, department, regime, legalLimitDays, promisedLimitDays, documents, applies, prerequisites }));
    const cyclic = catalogue.map((i: { code: string; prerequisites: string[] }) => (i.code === 'A01' ? { ...i, prerequisites: ['C08'] } : i));
    expect((await post(url('/settings/zones/JC-KFQ/versions'), { effectiveFrom: today, catalogue: cyclic }, manager)).body).toMatchObject({ issues: [{ field: 'catalogue', reason: expect.stringContaining('循环') }] });
    expect((await get(url('/settings/zones/JC-KFQ/versions'))).body).toMatchObject({ total: 0 });

    const published = await post(url('/settings/zones/JC-KFQ/versions'), { effectiveFrom: today, publicityDays: 0, note: '取消公示，并取消特种设备告知', catalogue }, manager);
    expect(published).toMatchObject({ status: 201, body: { zoneCode: 'JC-KFQ', version: 1, publicityDays: 0, catalogue: 'JC-KFQ', catalogueVersion: 1, publishedBy: 'jc-mgr', effectiveFrom: today } });
    const later = await post(url('/settings/zones/JC-KFQ/versions'), { effectiveFrom: addDays(today, 30), publicityDays: 3 }, manager);
    expect(later.body).toMatchObject({ version: 2, publicityDays: 3, catalogue: 'JC-KFQ' });
    expect((await get(url('/settings/zones/JC-KFQ'))).body).toMatchObject({ version: 1, publicityDays: 0 }); // version 2 is not in force yet
    const versions = (await get(url('/settings/zones/JC-KFQ/versions'))).body;
    expect(versions).toMatchObject({ total: 2, page: 1, pageSize: 20, items: [{ version: 2 }, { version: 1, note: '取消公示，并取消特种设备告知', publishedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/) }] });
    expect(Object.keys(versions).sort()).toEqual(['items', 'page', 'pageSize', 'total']);

    const openAfter = await caseOf(await signProject(prefix, { projectCode: '2611-140100-04-01-00136X', zoneCode: 'JC-KFQ', landAreaMu: 0, usesStandardLand: false, industryCode: 'I6510', totalInvestment: 800 }));
    expect(openAfter).toMatchObject({ rulesZone: 'JC-KFQ', rulesVersion: 1 });
    expect(openAfter['items'].map((i: { itemCode: string }) => i.itemCode)).toEqual(['A01', 'C05', 'C08']);
    expect(openBefore['items'].map((i: { itemCode: string }) => i.itemCode)).toEqual(['A01', 'C05', 'C08', 'C12']);
    // The case opened before goes into 7 days of publicity; the one opened after, under the new rules, does not.
    for (const c of [openBefore, openAfter]) {
      await grant(c['id'], 'A01');
      await commit(c);
    }
    expect((await post(url(`/cases/${openBefore['id']}/precheck`), { ...OPINION, passed: true })).body).toMatchObject({ status: 'IN_PUBLICITY', publicityEndsOn: addDays(today, 7) });
    expect((await post(url(`/cases/${openAfter['id']}/precheck`), { ...OPINION, passed: true })).body).toMatchObject({ status: 'GRANTED' });
  });

  it('orders and pages the queue in PostgreSQL: running and awaiting 受理 by due date, then the undated (blocked, paused), with a total', async () => {
    const projectId = await signProject(prefix, { projectCode: '2611-140100-04-01-00138X', zoneCode: 'QUEUE-T' });
    const c = await caseOf(projectId);
    const codes = ['A01', 'A02', 'A05', 'C08', 'C12'];
    expect(c['items'].map((i: { itemCode: string }) => i.itemCode)).toEqual(expect.arrayContaining(codes));
    // Each item in a state as if its commands had been given on earlier days.
    await sql(`UPDATE case_items SET status = 'PENDING' WHERE case_id = $1`, [c['id']]);
    const set = (code: string, status: string, column: 'promised_due_on' | 'acceptance_due_on' | null, days: number, prerequisites?: string[]) =>
      sql(`UPDATE case_items SET status = $3, applied_on = $4 ${column ? `, ${column} = $5` : ', promised_due_on = $5'} ${prerequisites ? `, prerequisites = '${JSON.stringify(prerequisites)}'` : ''} WHERE case_id = $1 AND item_code = $2`, [
        c['id'],
        code,
        status,
        addDays(today, -3),
        column ? addDays(today, days) : null,
      ]);
    await set('A01', 'ACCEPTED', 'promised_due_on', 10, []);
    await set('A02', 'APPLIED', 'acceptance_due_on', 1, ['A01']); // waits for A01: no deadline yet
    await set('A05', 'PAUSED', null, 0);
    await set('C08', 'APPLIED', 'acceptance_due_on', 3, []);
    await set('C12', 'ACCEPTED', 'promised_due_on', 2, []);
    const pages = await Promise.all([1, 2, 3, 4].map((page) => get(url(`/queue?zone=QUEUE-T&pageSize=2&page=${page}`))));
    expect(pages.map((p) => p.body)).toEqual([1, 2, 3, 4].map((page) => ({ items: expect.any(Array), total: 5, page, pageSize: 2 }))); // the envelope, nothing beside it
    expect(pages.map((p) => p.body['items'].map((e: { itemCode: string }) => e.itemCode))).toEqual([['C12', 'C08'], ['A01', 'A02'], ['A05'], []]);
    expect(pages[0].body['items'][1]).toMatchObject({ clock: 'awaiting-acceptance', acceptanceDueOn: expect.any(String), dueOn: expect.any(String) });
    expect(pages[1].body['items'][1]).toMatchObject({ blockedBy: [{ itemCode: 'A01' }], acceptanceDueOn: null, dueOn: null });
    // Each entry says what the caller may do with the item now (here the administrator): the paused A05 has no open pause to resume.
    expect(pages.flatMap((p) => p.body['items'].map((e: { itemCode: string; actions: string[] }) => [e.itemCode, e.actions]))).toEqual([
      ['C12', ['pause', 'decision']],
      ['C08', ['acceptance', 'decision']],
      ['A01', ['pause', 'decision']],
      ['A02', ['decision']],
      ['A05', []],
    ]);
    // Province-wide, the queue is asked for by zone (every zone's open items sorted for each page would not scale).
    expect(await get(url('/queue?pageSize=20'))).toMatchObject({ status: 400, body: { issues: [{ field: 'zone' }] } });
    // A department sees its own items only.
    const zjj = (await get(url('/queue?zone=QUEUE-T&pageSize=20'), as({ ...officer(ZJJ, 'QUEUE-T') }))).body;
    expect(zjj['items'].every((e: { department: string }) => e.department === ZJJ)).toBe(true);
    expect(zjj['total']).toBe(zjj['items'].length);
    expect(zjj['items'].find((e: { itemCode: string }) => e.itemCode === 'C08')).toMatchObject({ actions: ['acceptance', 'decision'] });
    // A zone the caller does not work in: an empty page, in the same envelope.
    expect((await get(url('/queue?zone=SX-ZGQ'), as(officer(ZJJ, 'QUEUE-T')))).body).toEqual({ items: [], total: 0, page: 1, pageSize: 20 });
  });

  // Last: the check runs months ahead, past every case's committed dates.
  it('warns when a committed date passes without the milestone, after the zone’s grace period, and records a 一般 breach after its record period', async () => {
    const ent = { name: '长治示例光电有限公司', creditCode: '91140400MA0K0X5678' };
    const projectId = await signProject(prefix, { projectCode: '2611-140100-04-01-00137X', zoneCode: 'CZ-GXQ', enterprise: ent, landAreaMu: 0, usesStandardLand: false, industryCode: 'I6510', totalInvestment: 800 });
    const c = await caseOf(projectId);
    await grant(c['id'], 'A01');
    await commit(c); // committed start: COMMITTED_DATES.start, three months from today
    expect((await post(url(`/cases/${c['id']}/precheck`), { ...OPINION, passed: true })).body['status']).toBe('GRANTED');
    const checker = service.app.get(DeadlineChecker);
    const missed = async () => (await events<{ milestone: string; level: string; daysLate: number }>('approval.commitment-date-missed', 1)).filter((e) => e.projectId === projectId).map((e) => e.payload);

    expect((await checker.run(addDays(COMMITTED_DATES.start, 30))).committedDatesMissed).toBe(0); // within the 30 days' grace
    await checker.run(addDays(COMMITTED_DATES.start, 31));
    await checker.run(addDays(COMMITTED_DATES.start, 31));
    await eventually(async () => expect(await missed()).toEqual([expect.objectContaining({ milestone: 'start', level: 'warning', daysLate: 31 })]));
    expect((await get(url(`/enterprises/${ent.creditCode}/credit`))).body['records']).toEqual([]);
    await checker.run(addDays(COMMITTED_DATES.start, 91));
    await eventually(async () => expect((await missed()).map((m) => `${m.milestone}:${m.level}`)).toEqual(['start:warning', 'start:record']));
    expect((await get(url(`/enterprises/${ent.creditCode}/credit`))).body['records']).toMatchObject([{ severity: 'general', reason: expect.stringMatching(new RegExp(`^承诺开工日期 ${COMMITTED_DATES.start} 已过 91 天仍未开工`)) }]);
  });
});

async function publishStage(prefix: string, projectId: string, to: 'COMPLETED') {
  await publishAs(`${prefix}project.events`, 'project-intake', [
    { definition: ProjectStageChanged, projectId, payload: { projectCode: '2611-140100-04-01-00123X', from: 'UNDER_CONSTRUCTION', to, trigger: 'REPORT_COMPLETION', milestoneDate: chinaDate() } },
  ]);
}
