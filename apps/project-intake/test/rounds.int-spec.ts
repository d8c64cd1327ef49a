import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AcceptancePassed, ApprovalCaseGranted } from '@devzone/contracts';
import type { Principal } from '@devzone/auth';
import { addDays, chinaDate } from '@devzone/shared-kernel';
import { as, createTestDatabase, dropTestDatabase, eventually, get, post, publishAs, TEST_ADMIN, uniqueName, type Json } from '@devzone/testing';
import { startService, type RunningService } from '@devzone/platform';
import { AppModule } from '../src/app.module';
import { insertFixtureProjects } from './fixture-projects';
import { threeBatchesFigures } from '../src/domain/figures';
import { FIXTURE, FIXTURE_AS_OF } from '../src/domain/figures.fixture';
import { batchDate, batchesOf, BATCHES, type Batch, type Window } from '../src/domain/rounds';
import { validRegistration } from './intake.fixtures';

/**
 * Rounds over real PostgreSQL and Kafka. The 32-project fixture (zones SX-ZGQ and
 * CZ-GXQ) is stored directly, to compare the SQL with the pure rule; the round
 * scenario runs over HTTP in zone JC-JKQ, with dates relative to today.
 */
const ZONE = 'JC-JKQ';
const jcManager: Principal = { sub: 'jc-manager', name: '晋城经开区管理者', role: 'zone-manager', zones: [ZONE] };
const jcOfficer: Principal = { sub: 'jc-officer', name: '晋城经开区审批专员', role: 'zone-officer', zones: [ZONE] };
const czManager: Principal = { sub: 'cz-manager', name: '长治高新区管理者', role: 'zone-manager', zones: ['CZ-GXQ'] };
/** Sees exactly the fixture's two zones. */
const fixtureManager: Principal = { sub: 'fixture-manager', name: '两区管理者', role: 'zone-manager', zones: ['SX-ZGQ', 'CZ-GXQ'] };

describe('三个一批 rounds: windows of days, their batches and lists', () => {
  const name = uniqueName('intake_rounds');
  const prefix = `${name}.`;
  let service: RunningService;
  const today = chinaDate();

  beforeAll(async () => {
    service = await startService(AppModule, { service: 'project-intake', databaseUrl: await createTestDatabase(name), topicPrefix: prefix });
    await insertFixtureProjects(service.app.get(DataSource));
  });

  afterAll(async () => {
    await service?.close();
    await dropTestDatabase(name);
  });

  const query = (params: Record<string, string | number | undefined>) =>
    new URLSearchParams(Object.entries(params).flatMap(([k, v]): [string, string][] => (v === undefined ? [] : [[k, String(v)]]))).toString();
  const figures = async (params: Record<string, string | undefined>, who: Principal = fixtureManager) => get(`${service.url}/figures/three-batches?${query(params)}`, as(who));
  /** Every page of a batch's list, pageSize 7 (so that paging is crossed). */
  const wholeList = async (path: string, params: Record<string, string | undefined>, who: Principal): Promise<Json[]> => {
    const rows: Json[] = [];
    for (let page = 1; ; page++) {
      const { status, body } = await get(`${service.url}${path}?${query({ ...params, page, pageSize: 7 })}`, as(who));
      expect(status).toBe(200);
      expect(Object.keys(body).sort()).toEqual(['items', 'page', 'pageSize', 'total']);
      rows.push(...body['items']);
      if (rows.length >= body['total'] || !body['items'].length) return rows;
    }
  };

  describe('the SQL agrees with the pure rule (domain/rounds.ts, domain/figures.ts) over the 32-project fixture', () => {
    const cases: [string, Window, string, string | undefined][] = [
      ['no window', { from: null, to: null }, FIXTURE_AS_OF, undefined],
      ['2026', { from: '2026-01-01', to: '2026-12-31' }, FIXTURE_AS_OF, undefined],
      ['2026 as of mid-year', { from: '2026-01-01', to: '2026-12-31' }, '2026-06-30', undefined],
      ['2025 in SX-ZGQ', { from: '2025-01-01', to: '2025-12-31' }, FIXTURE_AS_OF, 'SX-ZGQ'],
      ['edges on fixture dates', { from: '2026-04-15', to: '2026-07-06' }, '2026-07-06', undefined],
      ['edges, a day inside', { from: '2026-04-16', to: '2026-07-05' }, FIXTURE_AS_OF, 'CZ-GXQ'],
      ['open start', { from: null, to: '2025-12-26' }, FIXTURE_AS_OF, undefined],
      ['open end', { from: '2026-03-01', to: null }, '2026-09-17', undefined],
      ['before anything', { from: '2020-01-01', to: '2024-12-31' }, FIXTURE_AS_OF, undefined],
      ['as of before the window', { from: '2026-01-01', to: '2026-12-31' }, '2025-12-31', undefined],
    ];

    it.each(cases)('figures: %s', async (_name, window, asOf, zone) => {
      const { status, body } = await figures({ zone, from: window.from ?? undefined, to: window.to ?? undefined, asOf });
      expect(status).toBe(200);
      const projects = FIXTURE.filter((p) => !zone || p.zoneCode === zone);
      const { filter: _filter, round, ...rest } = body;
      expect(round).toBeNull();
      expect(rest).toEqual(threeBatchesFigures(projects, asOf, window));
    });

    it.each(cases)('lists: %s', async (_name, window, asOf, zone) => {
      for (const batch of BATCHES) {
        const expected = FIXTURE.filter((p) => (!zone || p.zoneCode === zone) && batchesOf(p, window, asOf).includes(batch))
          .sort((a, b) => (batchDate(a, batch) as string).localeCompare(batchDate(b, batch) as string) || a.id.localeCompare(b.id))
          .map((p) => p.code);
        const rows = await wholeList('/figures/three-batches/projects', { zone, from: window.from ?? undefined, to: window.to ?? undefined, asOf, batch }, fixtureManager);
        expect(`${batch}: ${rows.map((r) => r['code']).join(' ')}`).toBe(`${batch}: ${expected.join(' ')}`);
        // Facts after asOf are not shown.
        for (const r of rows) {
          if (r['actualStart']) expect(r['actualStart'] <= asOf).toBe(true);
          if (r['actualProduction']) expect(r['actualProduction'] <= asOf).toBe(true);
        }
      }
    });

    it('keeps the figures the endpoint answered before (asOf today, no window): the whole fixture', async () => {
      const { body } = await figures({ asOf: FIXTURE_AS_OF });
      expect(body).toMatchObject({
        signed: { count: 32, investment: 49_200 },
        started: { count: 20, investment: 39_200 },
        inProduction: { count: 10, investment: 24_000 },
        startRate: 0.625,
        productionRate: 0.5,
        outputAttainment: 0.9286,
        behindPlanTotal: 9,
      });
    });

    it('refuses the old round label, and a round together with from/to', async () => {
      const label = await figures({ round: '2025-第三批' });
      expect(label.status).toBe(400);
      expect(label.body['issues']).toEqual([expect.objectContaining({ field: 'round', reason: expect.stringMatching(/^round 应为批次编号/) })]);
      const both = await figures({ round: randomUUID(), from: '2026-01-01' });
      expect(both).toMatchObject({ status: 400, body: { issues: [expect.objectContaining({ field: 'round' })] } });
      const backwards = await figures({ from: '2026-12-31', to: '2026-01-01' });
      expect(backwards).toMatchObject({ status: 400, body: { issues: [expect.objectContaining({ field: 'to' })] } });
      expect((await figures({ zone: 'NO-SUCH' })).status).toBe(404);
      expect((await get(`${service.url}/figures/three-batches/projects?batch=whatever`, as(fixtureManager))).body['issues']).toEqual([expect.objectContaining({ field: 'batch' })]);
    });
  });

  describe(`a zone's rounds over HTTP (${ZONE})`, () => {
    // Round 1: 200 to 101 days ago; round 2: the last 100 days, today included.
    const r1Window = { startsOn: addDays(today, -200), endsOn: addDays(today, -101) };
    const r2Window = { startsOn: addDays(today, -100), endsOn: today };
    let r1: Json;
    let r2: Json;
    /** Signed in round 1, started in round 2 (50 days ago), in production 10 days ago. */
    let early: { id: string; code: string };
    /** Signed in round 2, 80 … 77 days ago, not started. */
    const late: { id: string; code: string }[] = [];

    const createRound = (body: Record<string, unknown>, who?: Principal) => post(`${service.url}/rounds`, body, who ? as(who) : {});
    const register = async (signedOn: string, name: string) => {
      const { status, body } = await post(`${service.url}/projects`, validRegistration({ zoneCode: ZONE, signedOn, name, landAreaMu: 0, usesStandardLand: false }));
      expect(status).toBe(201);
      return body as { id: string; code: string };
    };
    const stage = async (id: string) => (await get(`${service.url}/projects/${id}`)).body['stage'];

    beforeAll(async () => {
      const first = await createRound({ zoneCode: ZONE, name: '第一批', ...r1Window }, jcManager);
      expect(first.status).toBe(201);
      r1 = first.body;
      const second = await createRound({ zoneCode: ZONE, name: '第二批', ...r2Window });
      expect(second.status).toBe(201);
      r2 = second.body;

      early = await register(addDays(today, -150), '早签约项目');
      await publishAs(`${prefix}approval.events`, 'commitment-approval', [
        { definition: ApprovalCaseGranted, projectId: early.id, payload: { caseId: randomUUID(), decisionNumber: '晋城经开承批〔2026〕1号', grantedOn: addDays(today, -60) } },
      ]);
      await eventually(async () => expect(await stage(early.id)).toBe('READY_TO_START'));
      expect((await post(`${service.url}/projects/${early.id}/start`, { date: addDays(today, -50), permitNumber: '140500202601010101' })).status).toBe(200);
      expect((await post(`${service.url}/projects/${early.id}/completion`, { date: addDays(today, -30) })).status).toBe(200);
      await publishAs(`${prefix}approval.events`, 'commitment-approval', [{ definition: AcceptancePassed, projectId: early.id, payload: { caseId: randomUUID(), acceptedOn: addDays(today, -20) } }]);
      await eventually(async () => expect((await post(`${service.url}/projects/${early.id}/production`, { date: addDays(today, -10) })).status).toBe(200));

      for (const days of [80, 79, 78, 77]) late.push(await register(addDays(today, -days), `晚签约项目 ${days}`));
    }, 120_000);

    it('answers the new round with its window and who created it', () => {
      expect(r1).toMatchObject({ zoneCode: ZONE, zoneName: '晋城经济技术开发区', name: '第一批', ...r1Window, createdBy: 'jc-manager' });
      expect(r2).toMatchObject({ name: '第二批', ...r2Window, createdBy: 'test-admin' });
    });

    it('counts in round 2’s 开工一批 a project signed in round 1 that started in round 2; not in its 签约一批', async () => {
      const { status, body } = await figures({ round: r2['id'] }, jcManager);
      expect(status).toBe(200);
      expect(body['round']).toMatchObject({ id: r2['id'], name: '第二批' });
      expect(body['window']).toEqual({ from: r2Window.startsOn, to: r2Window.endsOn });
      expect(body['batches']).toEqual({
        signed: { count: 4, investment: 4 * 52_000, projectedAnnualOutput: 4 * 80_000 },
        started: { count: 1, investment: 52_000, projectedAnnualOutput: 80_000 },
        inProduction: { count: 1, investment: 52_000, projectedAnnualOutput: 80_000 },
      });
      // The round's own cohort (the 4 signed in it) has not started.
      expect(body).toMatchObject({ signed: { count: 4 }, started: { count: 0 }, startRate: 0, productionRate: null });
      // Round 1: the project was signed then, and had not started within it.
      const round1 = (await figures({ round: r1['id'] }, jcManager)).body;
      expect(round1['batches']).toMatchObject({ signed: { count: 1 }, started: { count: 0 }, inProduction: { count: 0 } });
      expect(round1).toMatchObject({ signed: { count: 1 }, started: { count: 1 }, inProduction: { count: 1 }, startRate: 1 });
    });

    it('does not count a start after asOf', async () => {
      const before = (await figures({ round: r2['id'], asOf: addDays(today, -51) }, jcManager)).body;
      expect(before['batches']).toMatchObject({ started: { count: 0 }, inProduction: { count: 0 } });
      const onTheDay = (await figures({ round: r2['id'], asOf: addDays(today, -50) }, jcManager)).body;
      expect(onTheDay['batches']).toMatchObject({ started: { count: 1 }, inProduction: { count: 0 } });
      // Nor a signing after asOf: on the day before the last three signings, round 2 had signed one.
      const early80 = (await figures({ round: r2['id'], asOf: addDays(today, -80) }, jcManager)).body;
      expect(early80['batches']).toMatchObject({ signed: { count: 1 } });
      // Its list as of then: the project has no start yet.
      const list = (await get(`${service.url}/rounds/${r1['id']}/projects?batch=signed&asOf=${addDays(today, -51)}`, as(jcManager))).body;
      expect(list['items']).toEqual([expect.objectContaining({ code: early.code, actualStart: null, actualProduction: null })]);
    });

    it('lists a batch a page at a time, ordered by the date that put each project in it', async () => {
      const page1 = await get(`${service.url}/rounds/${r2['id']}/projects?batch=signed&pageSize=3`, as(jcManager));
      expect(page1.status).toBe(200);
      expect(page1.body).toMatchObject({ total: 4, page: 1, pageSize: 3 });
      expect(Object.keys(page1.body).sort()).toEqual(['items', 'page', 'pageSize', 'total']);
      expect(page1.body['items'].map((r: Json) => r['code'])).toEqual(late.slice(0, 3).map((p) => p.code));
      const page2 = (await get(`${service.url}/rounds/${r2['id']}/projects?batch=signed&pageSize=3&page=2`, as(jcManager))).body;
      expect(page2).toMatchObject({ total: 4, page: 2, pageSize: 3 });
      expect(page2['items'].map((r: Json) => r['code'])).toEqual([late[3].code]);
      expect(page2['items'][0]).toEqual({
        id: late[3].id,
        code: late[3].code,
        name: '晚签约项目 77',
        enterprise: { name: '山西示例新材料有限公司', creditCode: '91350100M000100Y43' },
        zoneCode: ZONE,
        zoneName: '晋城经济技术开发区',
        stage: 'SIGNED',
        signedOn: addDays(today, -77),
        actualStart: null,
        actualProduction: null,
        plannedStart: '2027-03-01',
        plannedCompletion: '2028-06-30',
        plannedProduction: '2028-09-01',
        totalInvestment: 52_000,
        projectedAnnualOutput: 80_000,
      });
      const started = (await get(`${service.url}/rounds/${r2['id']}/projects?batch=started`, as(jcOfficer))).body;
      expect(started).toMatchObject({ total: 1, items: [{ code: early.code, signedOn: addDays(today, -150), actualStart: addDays(today, -50), actualProduction: addDays(today, -10) }] });
      const producing = (await get(`${service.url}/rounds/${r2['id']}/projects?batch=in-production`, as(jcManager))).body;
      expect(producing['items'].map((r: Json) => r['code'])).toEqual([early.code]);
      expect((await get(`${service.url}/rounds/${r1['id']}/projects?batch=started`, as(jcManager))).body).toMatchObject({ total: 0, items: [] });
      const beyond = (await get(`${service.url}/rounds/${r2['id']}/projects?batch=signed&pageSize=3&page=3`, as(jcManager))).body;
      expect(beyond).toMatchObject({ total: 4, items: [] });
    });

    it('lists the zone’s rounds, latest first, in the standard envelope; each person sees only their zones’', async () => {
      const mine = await get(`${service.url}/rounds?zone=${ZONE}`, as(jcOfficer));
      expect(mine.status).toBe(200);
      expect(mine.body).toMatchObject({ total: 2, page: 1, pageSize: 20 });
      expect(Object.keys(mine.body).sort()).toEqual(['items', 'page', 'pageSize', 'total']);
      expect(mine.body['items'].map((r: Json) => r['name'])).toEqual(['第二批', '第一批']);
      expect((await get(`${service.url}/rounds?zone=${ZONE}&pageSize=1&page=2`, as(jcManager))).body).toMatchObject({ total: 2, items: [{ name: '第一批' }] });
      expect((await get(`${service.url}/rounds?zone=${ZONE}`, as(czManager))).status).toBe(404);
      expect((await get(`${service.url}/rounds`, as(czManager))).body).toMatchObject({ total: 0, items: [] });
      expect((await get(`${service.url}/rounds`, as({ sub: 'pm', name: '省级管理者', role: 'province-manager', zones: [] }))).body).toMatchObject({ total: 2 });
      expect((await get(`${service.url}/rounds`, as({ sub: 'ent', name: '企业', role: 'enterprise', zones: [], creditCode: '91350100M000100Y43' }))).status).toBe(403);
    });

    it('hides a round from a zone manager of another zone: 404 for the round, its lists, its figures and creating one in that zone', async () => {
      expect((await get(`${service.url}/rounds/${r2['id']}`, as(jcManager))).body).toMatchObject({ id: r2['id'], name: '第二批' });
      const foreign = await get(`${service.url}/rounds/${r2['id']}`, as(czManager));
      expect(foreign).toMatchObject({ status: 404, body: { code: 'round-not-found' } });
      expect((await get(`${service.url}/rounds/${r2['id']}/projects?batch=signed`, as(czManager))).status).toBe(404);
      expect((await figures({ round: r2['id'] }, czManager)).status).toBe(404);
      expect((await get(`${service.url}/figures/three-batches/projects?round=${r2['id']}&batch=signed`, as(czManager))).status).toBe(404);
      expect((await createRound({ zoneCode: ZONE, name: '第三批', startsOn: addDays(today, 1), endsOn: addDays(today, 90) }, czManager)).status).toBe(404);
      expect((await get(`${service.url}/rounds/${randomUUID()}`, as(jcManager))).status).toBe(404);
      expect((await get(`${service.url}/rounds/not-a-round`, as(jcManager))).status).toBe(404);
      // A round belongs to its zone: asking it of another is a 400.
      expect((await figures({ round: r2['id'], zone: 'GP-JKQ' }, TEST_ADMIN)).body['issues']).toEqual([expect.objectContaining({ field: 'zone' })]);
    });

    it('lets only zone managers and administrators create rounds: a zone officer → 403', async () => {
      const refused = await createRound({ zoneCode: ZONE, name: '第三批', startsOn: addDays(today, 1), endsOn: addDays(today, 90) }, jcOfficer);
      expect(refused.status).toBe(403);
      expect((await get(`${service.url}/rounds?zone=${ZONE}`)).body['total']).toBe(2);
    });

    it('refuses bad dates and an unknown zone with 400 naming the field, zh-CN first', async () => {
      const backwards = await createRound({ zoneCode: ZONE, name: '倒序', startsOn: '2027-03-31', endsOn: '2027-01-01' }, jcManager);
      expect(backwards).toMatchObject({ status: 400, body: { issues: [{ field: 'endsOn', reason: '截止日不能早于起始日 (endsOn must not be before startsOn)' }] } });
      const notADate = await createRound({ zoneCode: ZONE, name: '无效日期', startsOn: '2027-02-30', endsOn: '2027-03-31' }, jcManager);
      expect(notADate.body['issues']).toEqual([expect.objectContaining({ field: 'startsOn', reason: expect.stringMatching(/^startsOn 应为日期/) })]);
      const blank = await createRound({ zoneCode: ZONE, name: '  ', startsOn: '2027-01-01', endsOn: '2027-03-31' }, jcManager);
      expect(blank.body['issues']).toEqual([expect.objectContaining({ field: 'name', reason: expect.stringMatching(/^批次名称不能为空/) })]);
      const unknown = await createRound({ zoneCode: 'NO-SUCH', name: '2027年第一批', startsOn: '2027-01-01', endsOn: '2027-03-31' });
      expect(unknown).toMatchObject({ status: 400, body: { code: 'unknown-zone', issues: [{ field: 'zoneCode', reason: expect.stringMatching(/^未知的开发区 NO-SUCH/) }] } });
    });

    it('refuses a second round of the same name (409 round-exists) and an overlapping window (409 round-overlaps, naming the other round)', async () => {
      const same = await createRound({ zoneCode: ZONE, name: ' 第二批 ', startsOn: addDays(today, 1), endsOn: addDays(today, 90) }, jcManager);
      expect(same).toMatchObject({ status: 409, body: { code: 'round-exists' } });
      // Sharing the last day of round 2 is an overlap.
      const overlapping = await createRound({ zoneCode: ZONE, name: '第三批', startsOn: today, endsOn: addDays(today, 90) }, jcManager);
      expect(overlapping).toMatchObject({ status: 409, body: { code: 'round-overlaps' } });
      expect(overlapping.body['message']).toContain(`「第二批」（${r2Window.startsOn} 至 ${r2Window.endsOn}）`);
      // The day after is the next round; the same name in another zone is another round.
      expect((await createRound({ zoneCode: ZONE, name: '第三批', startsOn: addDays(today, 1), endsOn: addDays(today, 90) }, jcManager)).status).toBe(201);
      expect((await createRound({ zoneCode: 'GP-JKQ', name: '第二批', ...r2Window })).status).toBe(201);
      // Concurrent creations of overlapping windows: one wins.
      const racing = await Promise.all(
        ['第四批A', '第四批B', '第四批C'].map((n) => createRound({ zoneCode: ZONE, name: n, startsOn: addDays(today, 91), endsOn: addDays(today, 180) }, jcManager)),
      );
      expect(racing.map((r) => r.status).sort()).toEqual([201, 409, 409]);
    });

    it('serves an ad-hoc window in a zone like a round', async () => {
      const adHoc = (await figures({ zone: ZONE, from: r2Window.startsOn, to: r2Window.endsOn }, jcManager)).body;
      const round = (await figures({ round: r2['id'] }, jcManager)).body;
      const strip = ({ filter: _f, round: _r, ...rest }: Json) => rest;
      expect(strip(adHoc)).toEqual(strip(round));
      const batch: Batch = 'started';
      expect((await get(`${service.url}/figures/three-batches/projects?zone=${ZONE}&from=${r2Window.startsOn}&to=${r2Window.endsOn}&batch=${batch}`, as(jcManager))).body).toMatchObject({ total: 1, items: [{ code: early.code }] });
    });
  });
});
