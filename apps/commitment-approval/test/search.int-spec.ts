import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { Principal } from '@devzone/auth';
import { startService, type RunningService } from '@devzone/platform';
import { addDays, chinaCalendar, chinaDate, creditCodeFrom } from '@devzone/shared-kernel';
import { as, createTestDatabase, dropTestDatabase, eventually, get, uniqueName, type Json } from '@devzone/testing';
import { AppModule } from '../src/app.module';
import { acceptanceDueOn } from '../src/domain/item-clock';
import { signProject } from './approval.fixtures';

/** GET /queue and /queue/summary filtered by text, status, due window and red/amber; GET /credit-records by enterprise name, in the caller's scope (issue 17). */
describe('commitment-approval: searching the queue and the credit records', () => {
  const name = uniqueName('search');
  const prefix = `${name}.`;
  let service: RunningService;
  const url = (path: string) => `${service.url}${path}`;
  const today = chinaDate();
  const ZONE = 'SRCH-A';
  const OTHER = 'SRCH-B';
  const xinghe = { name: '太原星河精密机械有限公司', creditCode: creditCodeFrom('91140100MA0K8H901') };
  const yuanhang = { name: '晋城远航新材料有限公司', creditCode: creditCodeFrom('91140500MA0K8H902') };
  const xingheB = { name: '长治星河远景科技有限公司', creditCode: creditCodeFrom('91140400MA0K8H903') };
  const cases: Record<'demo' | 'materials' | 'other', Json> = {} as never;

  const sql = (query: string, params: unknown[]) => service.app.get(DataSource).query(query, params);
  const caseOf = (projectId: string) =>
    eventually(async () => {
      const { status, body } = await get(url(`/projects/${projectId}/case`));
      expect(status).toBe(200);
      return body;
    });
  /** An item as if its commands had been given on earlier days: an application's 受理 deadline as the service stores it. */
  const set = (caseId: string, code: string, status: string, due: { promised?: number; appliedDaysAgo?: number } = {}, prerequisites: string[] = []) => {
    const appliedOn = addDays(today, -(due.appliedDaysAgo ?? 3));
    return sql(`UPDATE case_items SET status = $3, applied_on = $4, promised_due_on = $5, acceptance_due_on = $6, prerequisites = $7::jsonb WHERE case_id = $1 AND item_code = $2`, [
      caseId,
      code,
      status,
      appliedOn,
      due.promised === undefined ? null : addDays(today, due.promised),
      status === 'APPLIED' ? acceptanceDueOn(chinaCalendar, appliedOn) : null,
      JSON.stringify(prerequisites),
    ]);
  };
  const queue = async (query: string, headers?: Record<string, string>) => {
    const answer = await get(url(`/queue?zone=${ZONE}&pageSize=100${query}`), headers);
    expect(answer.status).toBe(200);
    expect(Object.keys(answer.body).sort()).toEqual(['items', 'page', 'pageSize', 'total']); // the envelope, nothing beside it
    return answer.body as { items: { caseId: string; itemCode: string; status: string; rag?: string; blockedBy: unknown[] }[]; total: number };
  };
  const keys = (page: { items: { caseId: string; itemCode: string }[] }) =>
    page.items.map((e) => `${e.caseId === cases.demo['id'] ? 'demo' : e.caseId === cases.materials['id'] ? 'materials' : 'other'}:${e.itemCode}`).sort();

  beforeAll(async () => {
    service = await startService(AppModule, { service: 'commitment-approval', databaseUrl: await createTestDatabase(name), topicPrefix: prefix, env: { APPROVAL_CHECK_INTERVAL_MS: '0' } });
    const demo = await signProject(prefix, { projectCode: '2611-140100-04-01-00201X', name: '智能制造示范基地项目', zoneCode: ZONE, enterprise: xinghe });
    const materials = await signProject(prefix, { projectCode: '2611-140100-04-01-00202X', name: '年产10万吨新型建材项目', zoneCode: ZONE, enterprise: yuanhang });
    const other = await signProject(prefix, { projectCode: '2611-140100-04-01-00203X', name: '智能装备产业园项目', zoneCode: OTHER, enterprise: xingheB });
    [cases.demo, cases.materials, cases.other] = await Promise.all([caseOf(demo), caseOf(materials), caseOf(other)]);
    for (const c of Object.values(cases)) await sql(`UPDATE case_items SET status = 'PENDING' WHERE case_id = $1`, [c['id']]);
    await set(cases.demo['id'], 'A01', 'ACCEPTED', { promised: -2 }); // overdue
    await set(cases.demo['id'], 'A02', 'ACCEPTED', { promised: 0 }); // due today
    await set(cases.demo['id'], 'A05', 'PAUSED');
    await set(cases.materials['id'], 'A01', 'ACCEPTED', { promised: 3 });
    await set(cases.materials['id'], 'C08', 'APPLIED', { appliedDaysAgo: 3 }); // to be accepted within 5 working days of its application
    await set(cases.materials['id'], 'A02', 'APPLIED', {}, ['A01']); // waits for A01: no deadline yet
    await set(cases.materials['id'], 'A05', 'CORRECTIONS_REQUESTED');
    await set(cases.other['id'], 'A01', 'ACCEPTED', { promised: -1 });
  }, 120_000);

  afterAll(async () => {
    await service?.close();
    await dropTestDatabase(name);
  });

  it('finds a zone’s open items by part of the project name, the project code or the enterprise name, before paging', async () => {
    expect(keys(await queue(''))).toEqual(['demo:A01', 'demo:A02', 'demo:A05', 'materials:A01', 'materials:A02', 'materials:A05', 'materials:C08']);
    const demo = ['demo:A01', 'demo:A02', 'demo:A05'];
    expect(keys(await queue(`&q=${encodeURIComponent('示范基地')}`))).toEqual(demo);
    expect(keys(await queue(`&q=${encodeURIComponent(' 星河精密 ')}`))).toEqual(demo);
    expect(keys(await queue('&q=00201x'))).toEqual(demo); // part of the code, case-insensitive
    expect(keys(await queue(`&q=${encodeURIComponent('建材')}`))).toHaveLength(4);
    expect(keys(await queue(`&q=${encodeURIComponent('星河')}`))).toEqual(demo); // the other zone's 星河 is not in this zone's queue
    expect(await queue(`&q=${encodeURIComponent('没有这个项目')}`)).toEqual({ items: [], total: 0, page: 1, pageSize: 100 });
    expect(await queue('&q=%25')).toMatchObject({ total: 0 }); // a % is a character, not a wildcard
    // Paged after filtering: the total is the filtered one.
    const first = await get(url(`/queue?zone=${ZONE}&q=${encodeURIComponent('建材')}&pageSize=3&page=2`));
    expect(first.body).toMatchObject({ total: 4, page: 2, pageSize: 3, items: [expect.anything()] });
  });

  it('filters by status, due window and red/amber against the due date the queue sorts by, as the entries’ own red/amber say', async () => {
    expect(keys(await queue('&status=PAUSED'))).toEqual(['demo:A05']);
    expect(keys(await queue('&status=APPLIED'))).toEqual(['materials:A02', 'materials:C08']);
    expect(keys(await queue('&due=overdue'))).toEqual(['demo:A01']);
    expect(keys(await queue('&due=today'))).toEqual(['demo:A02']);
    expect(keys(await queue('&due=week'))).toEqual(['demo:A01', 'demo:A02', 'materials:A01', 'materials:C08']); // the blocked A02 has no deadline yet
    const all = await queue('');
    for (const rag of ['red', 'amber']) {
      const expected = keys({ items: all.items.filter((e) => e.rag === rag) });
      expect([rag, keys(await queue(`&rag=${rag}`))]).toEqual([rag, expected]);
    }
    expect(keys(await queue('&rag=red'))).toEqual(['demo:A01']);
    expect(keys(await queue('&rag=amber'))).toContain('demo:A02'); // 0 working days left
    expect(keys(await queue(`&q=${encodeURIComponent('建材')}&status=ACCEPTED&due=week`))).toEqual(['materials:A01']);
  });

  it('counts the whole filtered queue in the summary, as the filtered lists total', async () => {
    for (const filter of ['', `&q=${encodeURIComponent('建材')}`, '&status=APPLIED', '&due=week', `&q=${encodeURIComponent('示范')}&rag=red`]) {
      const summary = await get(url(`/queue/summary?zone=${ZONE}${filter}`));
      expect(summary.status).toBe(200);
      const list = await queue(filter);
      const total = async (more: string) => (await queue(`${filter}${more}`)).total;
      expect([filter, summary.body]).toEqual([
        filter,
        {
          count: list.total,
          overdue: filter.includes('due=') ? list.items.filter((e) => e.itemCode === 'A01' && e.caseId === cases.demo['id']).length : await total('&due=overdue'),
          dueToday: filter.includes('due=') ? list.items.filter((e) => e.itemCode === 'A02' && e.caseId === cases.demo['id']).length : await total('&due=today'),
          dueThisWeek: filter.includes('due=') ? list.total : await total('&due=week'),
          paused: list.items.filter((e) => e.status === 'PAUSED' || e.status === 'CORRECTIONS_REQUESTED').length,
          blocked: list.items.filter((e) => e.blockedBy.length > 0).length,
        },
      ]);
    }
    expect((await get(url(`/queue/summary?zone=${ZONE}`))).body).toEqual({ count: 7, overdue: 1, dueToday: 1, dueThisWeek: 4, paused: 2, blocked: 1 });
    // A department officer: its own department's; another zone: nothing.
    const fgj: Principal = { sub: 'dept-fgj', name: '发改审批员', role: 'department-officer', zones: [ZONE], department: '发展和改革局' };
    expect((await get(url(`/queue/summary?zone=${ZONE}`), as(fgj))).body).toMatchObject({ count: (await queue('', as(fgj))).total });
    expect((await get(url(`/queue/summary?zone=${OTHER}`), as(fgj))).body).toEqual({ count: 0, overdue: 0, dueToday: 0, dueThisWeek: 0, paused: 0, blocked: 0 });
    expect((await get(url('/queue/summary'))).body).toMatchObject({ issues: [{ field: 'zone' }] }); // province-wide: a zone is asked for
  });

  it('answers 400 naming the field for a bad status, due window, red/amber or search text', async () => {
    const refused = async (query: string) => {
      const answers = await Promise.all([get(url(`/queue?zone=${ZONE}${query}`)), get(url(`/queue/summary?zone=${ZONE}${query}`))]);
      expect(answers.map((a) => a.status)).toEqual([400, 400]);
      return answers[0].body['issues'] as { field: string; reason: string }[];
    };
    expect(await refused('&status=GRANTED')).toEqual([{ field: 'status', reason: expect.stringMatching(/^status 应为 APPLIED \/ ACCEPTED \/ PAUSED \/ CORRECTIONS_REQUESTED/) }]);
    expect(await refused('&due=tomorrow')).toEqual([{ field: 'due', reason: expect.stringMatching(/^due 应为 overdue \/ today \/ week/) }]);
    expect(await refused('&rag=green')).toEqual([{ field: 'rag', reason: expect.stringMatching(/^rag 应为 red \/ amber/) }]);
    expect(await refused(`&q=${'长'.repeat(101)}`)).toEqual([{ field: 'q', reason: expect.stringMatching(/^q 应为 1–100 个字符/) }]);
  });

  it('finds credit records by part of the enterprise name or credit code, in the caller’s scope only', async () => {
    const record = async (c: Json, overrides: Record<string, string | null> = {}) => {
      const id = randomUUID();
      const r = { rectified_on: null, repaired_on: null, recorded_on: addDays(today, -10), ...overrides };
      await sql(
        `INSERT INTO credit_records (id, credit_code, enterprise_name, case_id, project_id, severity, reason, recorded_on, rectified_on, repaired_on) VALUES ($1, $2, $3, $4, $5, 'general', '容缺材料逾期未补交', $6, $7, $8)`,
        [id, c['creditCode'], c['enterpriseName'], c['id'], c['projectId'], r.recorded_on, r.rectified_on, r.repaired_on],
      );
      return id;
    };
    const open = await record(cases.demo);
    const repaired = await record(cases.demo, { recorded_on: addDays(today, -200), rectified_on: addDays(today, -150), repaired_on: addDays(today, -20) });
    const rectified = await record(cases.materials, { recorded_on: addDays(today, -5), rectified_on: addDays(today, -1) });
    const foreign = await record(cases.other, { recorded_on: addDays(today, -11) });
    const ids = async (query: string, headers?: Record<string, string>) => {
      const answer = await get(url(`/credit-records?pageSize=100${query}`), headers);
      expect(answer.status).toBe(200);
      expect(Object.keys(answer.body).sort()).toEqual(['items', 'page', 'pageSize', 'total']);
      expect(answer.body['total']).toBe(answer.body['items'].length);
      return (answer.body['items'] as { id: string }[]).map((r) => r.id);
    };
    // Province-wide (the administrator): both zones' 星河, newest first.
    expect(await ids(`&q=${encodeURIComponent('星河')}`)).toEqual([open, foreign, repaired]);
    expect(await ids(`&q=${encodeURIComponent('远航新材')}`)).toEqual([rectified]);
    expect(await ids(`&q=${(xinghe.creditCode as string).slice(4, 12).toLowerCase()}`)).toEqual([open, repaired]); // part of the credit code
    expect(await ids(`&q=${encodeURIComponent('星河')}&zone=${OTHER}`)).toEqual([foreign]);
    expect(await ids(`&zone=${ZONE}&status=unrectified`)).toEqual([open]);
    expect(await ids(`&zone=${ZONE}&status=unrepaired`)).toEqual([rectified, open]);
    expect(await ids(`&zone=${ZONE}&status=repaired`)).toEqual([repaired]);
    const answer = (await get(url(`/credit-records?q=${encodeURIComponent('远航')}`))).body;
    expect(answer['items'][0]).toMatchObject({ id: rectified, enterpriseName: yuanhang.name, creditCode: yuanhang.creditCode, severity: 'general', rectifiedOn: addDays(today, -1), repairableFrom: expect.any(String) });
    // A zone officer: its zone's records only, another zone's not even when asked for.
    const officer = as({ sub: 'officer-a', name: '审批员', role: 'zone-officer', zones: [ZONE] });
    expect(await ids(`&q=${encodeURIComponent('星河')}`, officer)).toEqual([open, repaired]);
    expect(await ids(`&zone=${OTHER}`, officer)).toEqual([]);
    // An enterprise: its own only, whatever it searches for.
    const enterprise = as({ sub: 'ent-b', name: '企业', role: 'enterprise', zones: [], creditCode: xingheB.creditCode });
    expect(await ids('', enterprise)).toEqual([foreign]);
    expect(await ids(`&q=${encodeURIComponent('远航')}`, enterprise)).toEqual([]);
    expect((await get(url('/credit-records?status=open'))).body).toMatchObject({ issues: [{ field: 'status', reason: expect.stringMatching(/^status 应为 unrectified \/ unrepaired \/ repaired/) }] });
  });
});
