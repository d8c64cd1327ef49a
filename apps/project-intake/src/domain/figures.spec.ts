import { durationStats, threeBatchesFigures } from './figures';
import { FIXTURE, FIXTURE_AS_OF, ROUND_2025 } from './figures.fixture';

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

  it('gives the figures of one round', () => {
    const round = threeBatchesFigures(
      FIXTURE.filter((p) => p.round === ROUND_2025),
      FIXTURE_AS_OF,
    );
    expect(round).toMatchObject({
      signed: { count: 10, investment: 24_000 },
      started: { count: 10, investment: 24_000 },
      inProduction: { count: 10, investment: 24_000 },
      startRate: 1,
      productionRate: 1,
      outputAttainment: 0.9286,
    });
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
