import { DataSource } from 'typeorm';
import { createTestDatabase, dropTestDatabase, get, uniqueName } from '@devzone/testing';
import { startService, type RunningService } from '@devzone/platform';
import { AppModule } from '../src/app.module';
import { insertFixtureProjects } from './fixture-projects';
import { FIXTURE_AS_OF } from '../src/domain/figures.fixture';


describe('GET /figures/three-batches over the 32-project fixture stored in PostgreSQL', () => {
  const name = uniqueName('intake_fig');
  let service: RunningService;

  beforeAll(async () => {
    service = await startService(AppModule, { service: 'project-intake', databaseUrl: await createTestDatabase(name), topicPrefix: `${name}.` });
    await insertFixtureProjects(service.app.get(DataSource));
  });

  afterAll(async () => {
    await service?.close();
    await dropTestDatabase(name);
  });

  const figures = async (query: string) => (await get(`${service.url}/figures/three-batches?asOf=${FIXTURE_AS_OF}${query}`)) as { status: number; body: Record<string, unknown> };

  it('gives the numbers worked out by hand for all 32 projects', async () => {
    const { status, body } = await figures('');
    expect(status).toBe(200);
    expect(body).toMatchObject({
      asOf: FIXTURE_AS_OF,
      signed: { count: 32, investment: 49_200 },
      started: { count: 20, investment: 39_200 },
      inProduction: { count: 10, investment: 24_000 },
      startRate: 0.625,
      productionRate: 0.5,
      outputAttainment: 0.9286,
      durationsByZone: [
        { zoneCode: 'CZ-GXQ', signingToStart: { count: 8, medianDays: 75, p90Days: 200 }, startToProduction: { count: 4, medianDays: 260, p90Days: 320 } },
        { zoneCode: 'SX-ZGQ', signingToStart: { count: 12, medianDays: 65, p90Days: 150 }, startToProduction: { count: 6, medianDays: 225, p90Days: 310 } },
      ],
    });
    const behind = body['behindPlan'] as { name: string; milestone: string; daysLate: number }[];
    expect(behind.map((b) => `${b.name.split(' ')[0]}:${b.milestone}:${b.daysLate}`)).toEqual([
      'A1:start:179', 'A2:start:179', 'A3:start:179', 'A4:start:179', 'A5:start:179', 'A6:start:179',
      'A9:completion:57', 'A10:completion:57', 'A11:completion:57',
    ]);
  });

  it('filters by zone and by a window of signing dates (rounds: rounds.int-spec.ts)', async () => {
    expect((await figures('&zone=CZ-GXQ')).body).toMatchObject({
      signed: { count: 12, investment: 11_200 }, started: { count: 8, investment: 9_200 }, inProduction: { count: 4, investment: 6_000 },
      startRate: 0.6667, productionRate: 0.5, outputAttainment: 0.75, behindPlan: [],
    });
    // The projects of 2025 (the old round label's projects) by their window.
    expect((await figures('&from=2025-01-01&to=2025-12-31')).body).toMatchObject({
      signed: { count: 10, investment: 24_000 }, startRate: 1, productionRate: 1, outputAttainment: 0.9286,
    });
    // Signed in 2026: A1–A14 and B1–B8 = 22 projects, 8,000 + 12,000 + 2,000 + 3,200; started A9–A14 and B5–B8.
    expect((await figures('&from=2026-01-01&to=2026-12-31')).body).toMatchObject({
      signed: { count: 22, investment: 25_200 }, started: { count: 10 }, startRate: 0.4545, productionRate: 0, outputAttainment: null,
    });
  });

  it('answers 404 for an unknown zone and 400 for a bad date range', async () => {
    expect((await figures('&zone=NO-SUCH')).status).toBe(404);
    const bad = await figures('&from=2026-12-31&to=2026-01-01');
    expect(bad.status).toBe(400);
    expect(bad.body['issues']).toEqual([expect.objectContaining({ field: 'to' })]);
  });
});
