import { DataSource } from 'typeorm';
import type { Principal } from '@devzone/auth';
import { as, createTestDatabase, dropTestDatabase, get, post, uniqueName, type Json } from '@devzone/testing';
import { startService, type RunningService } from '@devzone/platform';
import { AppModule } from '../src/app.module';
import { insertFixtureProjects } from './fixture-projects';
import { FIXTURE, FIXTURE_AS_OF } from '../src/domain/figures.fixture';
import { planVsActual, roundsOverTime, type ChartRound } from '../src/domain/figures-charts';

/**
 * The chart figures (GET /figures/rounds, GET /figures/plan-vs-actual) over real
 * PostgreSQL (and Kafka, which the service starts with): the 32-project fixture
 * (zones SX-ZGQ and CZ-GXQ) stored directly, rounds created over HTTP; counts
 * worked out by hand, and the SQL compared with the pure rule (domain/figures-charts.ts).
 */
const czManager: Principal = { sub: 'cz-manager', name: '长治高新区管理者', role: 'zone-manager', zones: ['CZ-GXQ'] };
const fixtureManager: Principal = { sub: 'fixture-manager', name: '两区管理者', role: 'zone-manager', zones: ['SX-ZGQ', 'CZ-GXQ'] };
const province: Principal = { sub: 'province', name: '省级管理者', role: 'province-manager', zones: [] };

const ROUNDS = [
  { zoneCode: 'SX-ZGQ', name: '2025年第一批', startsOn: '2025-01-01', endsOn: '2025-06-30' },
  { zoneCode: 'SX-ZGQ', name: '2026年第一批', startsOn: '2026-01-01', endsOn: '2026-03-31' },
  { zoneCode: 'SX-ZGQ', name: '2026年第二批', startsOn: '2026-04-01', endsOn: '2026-06-30' },
  { zoneCode: 'CZ-GXQ', name: '2026年第一批', startsOn: '2026-01-01', endsOn: '2026-04-30' },
  { zoneCode: 'CZ-GXQ', name: '2027年第一批', startsOn: '2027-01-01', endsOn: '2027-03-31' },
];

describe('chart figures: rounds over time, plan against actual', () => {
  const name = uniqueName('intake_charts');
  let service: RunningService;
  const created: ChartRound[] = [];

  beforeAll(async () => {
    service = await startService(AppModule, { service: 'project-intake', databaseUrl: await createTestDatabase(name), topicPrefix: `${name}.` });
    await insertFixtureProjects(service.app.get(DataSource));
    for (const r of ROUNDS) {
      const { status, body } = await post(`${service.url}/rounds`, r);
      expect(status).toBe(201);
      created.push({ id: body['id'], zoneCode: r.zoneCode, name: r.name, startsOn: r.startsOn, endsOn: r.endsOn });
    }
  });

  afterAll(async () => {
    await service?.close();
    await dropTestDatabase(name);
  });

  const ask = (path: string, params: Record<string, string | undefined>, who: Principal = fixtureManager) =>
    get(`${service.url}${path}?${new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => e[1] !== undefined))}`, as(who));
  const counts = (rows: Json[]) => rows.map((r) => `${r['name']}:${r['signed']}/${r['started']}/${r['inProduction']}`);

  describe('GET /figures/rounds', () => {
    it("counts each of a zone's rounds' batches (worked out by hand), oldest first", async () => {
      const sx = await ask('/figures/rounds', { zone: 'SX-ZGQ', asOf: FIXTURE_AS_OF });
      expect(sx.status).toBe(200);
      // 2025年第一批: A15–A20 signed 2025-03-01, all six started by 2025-06-09, A15 in production 2025-06-19.
      // 2026年第一批: A1–A14 signed 2026-01-10; A9 (02-09) and A10 (03-11) started; A19 in production 03-06.
      // 2026年第二批: A11–A13 started (04-10, 05-10, 06-09); A20 in production 04-15.
      expect(counts(sx.body['rounds'])).toEqual(['2025年第一批:6/6/1', '2026年第一批:14/2/1', '2026年第二批:0/3/1']);
      expect(sx.body).toMatchObject({ zone: 'SX-ZGQ', asOf: FIXTURE_AS_OF, roundCount: 3 });
      expect(sx.body['rounds'][1]).toMatchObject({ roundId: created[1].id, zoneCount: 1, startsOn: '2026-01-01', endsOn: '2026-03-31' });
      // 2026年第一批 of CZ-GXQ: B1–B8 signed 03-01, B5 and B6 started 04-15, B9 (02-16) and B10 (03-28) in production; 2027 has not come.
      const cz = await ask('/figures/rounds', { zone: 'CZ-GXQ', asOf: FIXTURE_AS_OF });
      expect(counts(cz.body['rounds'])).toEqual(['2026年第一批:8/2/2', '2027年第一批:0/0/0']);
    });

    it('adds up the rounds of one name across the zones the caller sees, and sees only those zones', async () => {
      const both = await ask('/figures/rounds', { asOf: FIXTURE_AS_OF });
      expect(counts(both.body['rounds'])).toEqual(['2025年第一批:6/6/1', '2026年第一批:22/4/3', '2026年第二批:0/3/1', '2027年第一批:0/0/0']);
      expect(both.body['rounds'][1]).toMatchObject({ roundId: null, zoneCount: 2, startsOn: '2026-01-01', endsOn: '2026-04-30' });
      expect((await ask('/figures/rounds', { asOf: FIXTURE_AS_OF }, province)).body['rounds']).toEqual(both.body['rounds']);
      const cz = await ask('/figures/rounds', { asOf: FIXTURE_AS_OF }, czManager);
      expect(counts(cz.body['rounds'])).toEqual(['2026年第一批:8/2/2', '2027年第一批:0/0/0']);
      expect((await ask('/figures/rounds', { zone: 'SX-ZGQ' }, czManager)).status).toBe(404);
    });

    it.each([FIXTURE_AS_OF, '2026-03-15', '2025-12-31'])('agrees with the pure rule as of %s', async (asOf) => {
      for (const [zone, who] of [['SX-ZGQ', fixtureManager], ['CZ-GXQ', fixtureManager], [undefined, fixtureManager], [undefined, czManager]] as const) {
        const zones = zone ? [zone] : who.zones;
        const expected = roundsOverTime(FIXTURE.filter((p) => zones.includes(p.zoneCode)), created.filter((r) => zones.includes(r.zoneCode)), asOf, !zone);
        const { status, body } = await ask('/figures/rounds', { zone, asOf }, who);
        expect(status).toBe(200);
        expect({ rounds: body['rounds'], roundCount: body['roundCount'] }).toEqual(expected);
      }
    });

    it('answers 400 for a bad asOf and 404 for an unknown zone', async () => {
      expect((await ask('/figures/rounds', { asOf: '2026-02-30' })).body).toMatchObject({ issues: [expect.objectContaining({ field: 'asOf' })] });
      expect((await ask('/figures/rounds', { zone: 'NO-SUCH' })).status).toBe(404);
    });
  });

  describe('GET /figures/plan-vs-actual', () => {
    it('counts planned and actual starts and productions per month (worked out by hand)', async () => {
      const { status, body } = await ask('/figures/plan-vs-actual', { zone: 'SX-ZGQ', from: '2026-01', to: '2026-06', asOf: FIXTURE_AS_OF });
      expect(status).toBe(200);
      expect(body).toMatchObject({ zone: 'SX-ZGQ', from: '2026-01', to: '2026-06', asOf: FIXTURE_AS_OF });
      const row = (m: Json) => `${m['month']} ${m['plannedStarts']}/${m['actualStarts']} ${m['plannedProductions']}/${m['actualProductions']}`;
      // Planned start: A9–A14 in March, A1–A6 in June (A7 is terminated, A8 plans 2027); actual starts A9 … A13, one a month from
      // February; A15–A20 planned production in March, A19 in production in March, A20 in April.
      expect(body['months'].map(row)).toEqual(['2026-01 0/0 0/0', '2026-02 0/1 0/0', '2026-03 6/1 6/1', '2026-04 0/1 0/1', '2026-05 0/1 0/0', '2026-06 6/1 0/0']);
      // As of 2026-04-30, the May and June starts have not happened; projects not signed by asOf plan nothing.
      const early = await ask('/figures/plan-vs-actual', { zone: 'SX-ZGQ', from: '2026-01', to: '2026-06', asOf: '2026-04-30' });
      expect(early.body['months'].map(row)).toEqual(['2026-01 0/0 0/0', '2026-02 0/1 0/0', '2026-03 6/1 6/1', '2026-04 0/1 0/1', '2026-05 0/0 0/0', '2026-06 6/0 0/0']);
      const lateSigning = await ask('/figures/plan-vs-actual', { zone: 'SX-ZGQ', from: '2026-01', to: '2026-06', asOf: '2026-01-09' });
      expect(lateSigning.body['months'].map(row)).toEqual(['2026-01 0/0 0/0', '2026-02 0/0 0/0', '2026-03 0/0 6/0', '2026-04 0/0 0/0', '2026-05 0/0 0/0', '2026-06 0/0 0/0']);
    });

    it.each([
      ['SX-ZGQ', '2025-01', '2026-12', FIXTURE_AS_OF],
      ['CZ-GXQ', '2025-06', '2026-09', '2026-05-01'],
      [undefined, '2024-11', '2028-04', FIXTURE_AS_OF],
      [undefined, '2026-03', '2026-03', '2026-03-31'],
    ])('agrees with the pure rule: zone %s, %s to %s, as of %s', async (zone, from, to, asOf) => {
      const { status, body } = await ask('/figures/plan-vs-actual', { zone, from, to, asOf });
      expect(status).toBe(200);
      expect(body['months']).toEqual(planVsActual(FIXTURE.filter((p) => !zone || p.zoneCode === zone), from, to, asOf));
    });

    it("keeps to the caller's zones, and defaults to the 12 months up to asOf", async () => {
      const cz = await ask('/figures/plan-vs-actual', { from: '2025-01', to: '2028-12', asOf: FIXTURE_AS_OF }, czManager);
      expect(cz.body['months']).toEqual(planVsActual(FIXTURE.filter((p) => p.zoneCode === 'CZ-GXQ'), '2025-01', '2028-12', FIXTURE_AS_OF));
      expect((await ask('/figures/plan-vs-actual', { zone: 'SX-ZGQ' }, czManager)).status).toBe(404);
      const defaults = await ask('/figures/plan-vs-actual', { asOf: FIXTURE_AS_OF });
      expect(defaults.body).toMatchObject({ from: '2025-12', to: '2026-11' });
      expect(defaults.body['months']).toHaveLength(12);
    });

    it('answers 400 naming the field for bad months, a backward or too long span, a bad asOf', async () => {
      const field = async (params: Record<string, string>) => {
        const { status, body } = await ask('/figures/plan-vs-actual', params);
        expect(status).toBe(400);
        return [...new Set((body['issues'] as { field: string; reason: string }[]).map((i) => i.field))];
      };
      expect(await field({ from: '2026-13' })).toEqual(['from']);
      expect(await field({ from: '2026-01', to: '2026-1' })).toEqual(['to']);
      expect(await field({ from: '2026-06', to: '2026-01' })).toEqual(['to']);
      expect(await field({ from: '2020-01', to: '2026-01' })).toEqual(['from']);
      expect(await field({ asOf: 'yesterday' })).toEqual(['asOf']);
      expect((await ask('/figures/plan-vs-actual', { zone: 'NO-SUCH' })).status).toBe(404);
    });
  });
});
