import { durationStats, threeBatchesFigures } from './figures';
import { BEHIND_PLAN_LIMIT, type FigureProject } from './figures';
import { FIXTURE, FIXTURE_AS_OF } from './figures.fixture';

const label = (name: string) => name.split(' ')[0];

describe('三个一批 figures over the 32-project fixture (numbers worked out by hand)', () => {
  const all = threeBatchesFigures(FIXTURE, FIXTURE_AS_OF);

  it('counts and sums signed, started and in-production projects', () => {
    // signed: A 8×1,000 + 6×2,000 + 6×3,000 = 38,000; B 4×500 + 4×800 + 4×1,500 = 11,200
    expect(all.signed).toEqual({ count: 32, investment: 49_200 });
    // started: A9–A20 (12) and B5–B12 (8): 12,000 + 18,000 + 3,200 + 6,000
    expect(all.started).toEqual({ count: 20, investment: 39_200 });
    // in production: A15–A20 and B9–B12: 18,000 + 6,000
    expect(all.inProduction).toEqual({ count: 10, investment: 24_000 });
  });

  it('computes start rate, production rate and output attainment', () => {
    expect(all.startRate).toBe(0.625); // 20 / 32
    expect(all.productionRate).toBe(0.5); // 10 / 20
    // reported outputs: A15–A17 4,000 + 5,000 + 6,000 against 3 × 5,000; B9, B10 3,000 + 1,500 against 2 × 3,000
    expect(all.outputAttainment).toBe(0.9286); // 19,500 / 21,000 = 0.928571…
  });

  it('gives median and p90 days from signing to start and from start to production per zone', () => {
    expect(all.durationsByZone).toEqual([
      {
        zoneCode: 'CZ-GXQ',
        // 45 45 60 60 90 120 120 200 → median (60+90)/2, p90 = 8th of 8
        signingToStart: { count: 8, medianDays: 75, p90Days: 200 },
        // 200 240 280 320 → median (240+280)/2, p90 = 4th of 4
        startToProduction: { count: 4, medianDays: 260, p90Days: 320 },
      },
      {
        zoneCode: 'SX-ZGQ',
        // 10 20 30 40 50 60 70 90 100 120 150 180 → median (60+70)/2, p90 = 11th of 12
        signingToStart: { count: 12, medianDays: 65, p90Days: 150 },
        // 100 150 200 250 300 310 → median (200+250)/2, p90 = 6th of 6
        startToProduction: { count: 6, medianDays: 225, p90Days: 310 },
      },
    ]);
  });

  it('lists projects behind their planned dates at the first missed milestone, latest first', () => {
    // A1–A6: planned start 2026-06-01, not started → 179 days late (A7 terminated, A8 not due);
    // A9–A11: planned completion 2026-10-01, not completed → 57 days late.
    expect(all.behindPlan.map((b) => [label(b.name), b.milestone, b.daysLate])).toEqual([
      ['A1', 'start', 179],
      ['A2', 'start', 179],
      ['A3', 'start', 179],
      ['A4', 'start', 179],
      ['A5', 'start', 179],
      ['A6', 'start', 179],
      ['A9', 'completion', 57],
      ['A10', 'completion', 57],
      ['A11', 'completion', 57],
    ]);
  });

  it('gives the figures of one zone', () => {
    const b = threeBatchesFigures(
      FIXTURE.filter((p) => p.zoneCode === 'CZ-GXQ'),
      FIXTURE_AS_OF,
    );
    expect(b).toMatchObject({
      signed: { count: 12, investment: 11_200 },
      started: { count: 8, investment: 9_200 },
      inProduction: { count: 4, investment: 6_000 },
      startRate: 0.6667, // 8 / 12
      productionRate: 0.5, // 4 / 8
      outputAttainment: 0.75, // (3,000 + 1,500) / (2 × 3,000)
      behindPlan: [],
    });
  });

  it('without a window, the batches are the cohort: everything signed, started, in production by asOf', () => {
    expect(all.window).toEqual({ from: null, to: null });
    expect(all.batches).toEqual({
      signed: { count: 32, investment: 49_200, projectedAnnualOutput: 8 * 2000 + 6 * 4000 + 6 * 5000 + 4 * 800 + 4 * 1500 + 4 * 3000 },
      started: { count: 20, investment: 39_200, projectedAnnualOutput: 6 * 4000 + 6 * 5000 + 4 * 1500 + 4 * 3000 },
      inProduction: { count: 10, investment: 24_000, projectedAnnualOutput: 6 * 5000 + 4 * 3000 },
    });
    expect(all.behindPlanTotal).toBe(9);
  });

  it('gives the batches of a window: started and in production count projects signed in an earlier round', () => {
    const y2026 = threeBatchesFigures(FIXTURE, FIXTURE_AS_OF, { from: '2026-01-01', to: '2026-12-31' });
    expect(y2026.batches).toEqual({
      // A1–A14 (8 × 1,000 + 6 × 2,000) and B1–B8 (4 × 500 + 4 × 800), signed 2026-01-10 and 2026-03-01
      signed: { count: 22, investment: 25_200, projectedAnnualOutput: 8 * 2000 + 6 * 4000 + 4 * 800 + 4 * 1500 },
      // A9–A14 (started 2026-02-09 … 2026-07-09) and B5–B8 (2026-04-15 … 2026-09-17): all signed in 2026
      started: { count: 10, investment: 15_200, projectedAnnualOutput: 6 * 4000 + 4 * 1500 },
      // A19 (2026-03-06), A20 (2026-04-15), B9–B12 (2026-02-16 … 2026-08-15): all signed in 2025
      inProduction: { count: 6, investment: 12_000, projectedAnnualOutput: 2 * 5000 + 4 * 3000 },
    });
    // The cohort: the 22 signed in 2026; 10 of them started, none in production.
    expect(y2026).toMatchObject({ signed: { count: 22 }, started: { count: 10 }, inProduction: { count: 0 }, startRate: 0.4545, productionRate: 0, outputAttainment: null });
    // Durations over the window's batches: 签约→开工 of A9–A14 (30 … 180) and B5–B8; 开工→投产 of A19, A20 (300, 310) and B9–B12.
    expect(y2026.durationsByZone).toEqual([
      { zoneCode: 'CZ-GXQ', signingToStart: { count: 4, medianDays: 67.5, p90Days: 200 }, startToProduction: { count: 4, medianDays: 260, p90Days: 320 } },
      { zoneCode: 'SX-ZGQ', signingToStart: { count: 6, medianDays: 105, p90Days: 180 }, startToProduction: { count: 2, medianDays: 305, p90Days: 310 } },
    ]);

    const y2025 = threeBatchesFigures(FIXTURE, FIXTURE_AS_OF, { from: '2025-01-01', to: '2025-12-31' });
    expect(y2025.batches).toEqual({
      signed: { count: 10, investment: 24_000, projectedAnnualOutput: 6 * 5000 + 4 * 3000 },
      started: { count: 10, investment: 24_000, projectedAnnualOutput: 6 * 5000 + 4 * 3000 },
      // A15–A18 (2025-06-19 … 2025-12-26); A19, A20 and B9–B12 went into production in 2026
      inProduction: { count: 4, investment: 12_000, projectedAnnualOutput: 4 * 5000 },
    });
    // The 2025 cohort by 2026-11-27: all started, all in production.
    expect(y2025).toMatchObject({ signed: { count: 10, investment: 24_000 }, startRate: 1, productionRate: 1, outputAttainment: 0.9286 });
  });

  it('cuts every figure at asOf: a start or production after it has not happened', () => {
    const midYear = threeBatchesFigures(FIXTURE, '2026-06-30', { from: '2026-01-01', to: '2026-12-31' });
    expect(midYear.batches).toEqual({
      signed: { count: 22, investment: 25_200, projectedAnnualOutput: 8 * 2000 + 6 * 4000 + 4 * 800 + 4 * 1500 },
      // A14 (2026-07-09) and B8 (2026-09-17) not yet: A9–A13 and B5–B7
      started: { count: 8, investment: 12_400, projectedAnnualOutput: 5 * 4000 + 3 * 1500 },
      // B11 (2026-07-06) and B12 (2026-08-15) not yet: A19, A20, B9, B10
      inProduction: { count: 4, investment: 9_000, projectedAnnualOutput: 2 * 5000 + 2 * 3000 },
    });
    expect(midYear).toMatchObject({ started: { count: 8 }, startRate: 0.3636 });

    // Without a window: nothing signed after asOf; B11, B12 not in production on 2026-06-30; B8 and A14 not started.
    const then = threeBatchesFigures(FIXTURE, '2026-06-30');
    expect(then).toMatchObject({ signed: { count: 32 }, started: { count: 18 }, inProduction: { count: 8 } });
    // Before the 2026 signings: only the 2025 projects; A15–A17's outputs (no 达产 date: their production date stands in).
    const early = threeBatchesFigures(FIXTURE, '2025-12-31');
    expect(early).toMatchObject({ signed: { count: 10 }, started: { count: 10 }, inProduction: { count: 4 }, outputAttainment: 1 });
    // A 达产 report dated after asOf does not count yet.
    const reportedLate = FIXTURE.map((p): FigureProject => (p.name.startsWith('A17 ') ? { ...p, actual: { ...p.actual, fullProduction: '2026-01-05' } } : p));
    expect(threeBatchesFigures(reportedLate, '2025-12-31').outputAttainment).toBe(0.9); // (4,000 + 5,000) / (2 × 5,000)
  });

  it('does not count a milestone reached after asOf as reached when deciding behind plan', () => {
    // On 2026-07-01, A9–A14 are planned to start 2026-03-01: A14 (started 2026-07-09) is 122 days late.
    const then = threeBatchesFigures(FIXTURE, '2026-07-01');
    expect(then.behindPlan.filter((b) => b.name.startsWith('A14 '))).toEqual([expect.objectContaining({ milestone: 'start', daysLate: 122 })]);
  });

  it('caps the behind-plan list and gives the total', () => {
    const many = Array.from({ length: BEHIND_PLAN_LIMIT + 5 }, (_, i): FigureProject => ({ ...FIXTURE[0], id: `id-${i}`, code: `code-${String(i).padStart(4, '0')}` }));
    const figures = threeBatchesFigures(many, FIXTURE_AS_OF);
    expect(figures.behindPlan).toHaveLength(BEHIND_PLAN_LIMIT);
    expect(figures.behindPlanTotal).toBe(BEHIND_PLAN_LIMIT + 5);
    expect(figures.behindPlan[0].code).toBe('code-0000');
  });

  it('gives null rates rather than dividing by zero', () => {
    const early = threeBatchesFigures(
      FIXTURE.filter((p) => !p.actual.start),
      FIXTURE_AS_OF,
    );
    expect(early).toMatchObject({ startRate: 0, productionRate: null, outputAttainment: null });
    expect(threeBatchesFigures([], FIXTURE_AS_OF)).toMatchObject({ signed: { count: 0, investment: 0 }, startRate: null });
  });

  it('takes the median of an odd count as the middle value', () => {
    expect(durationStats([5, 1, 3])).toEqual({ count: 3, medianDays: 3, p90Days: 5 });
    expect(durationStats([])).toEqual({ count: 0, medianDays: null, p90Days: null });
  });
});
