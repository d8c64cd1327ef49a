import { FIXTURE, FIXTURE_AS_OF } from './figures.fixture';
import { addMonths, monthsBetween, planVsActual, roundsOverTime, ROUNDS_CHART_LIMIT, type ChartRound } from './figures-charts';

describe('chart figures (pure rule)', () => {
  it('walks months across years', () => {
    expect(monthsBetween('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthsBetween('2026-03', '2026-03')).toEqual(['2026-03']);
    expect(monthsBetween('2026-04', '2026-03')).toEqual([]);
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(addMonths('2025-12', 1)).toBe('2026-01');
    expect(addMonths('2026-11', -11)).toBe('2025-12');
    expect(addMonths('2026-01', 24)).toBe('2028-01');
  });

  const round = (id: string, zoneCode: string, name: string, startsOn: string, endsOn: string): ChartRound => ({ id, zoneCode, name, startsOn, endsOn });

  it('counts each round of a zone, and adds up the rounds of one name across zones', () => {
    const rounds = [round('a', 'SX-ZGQ', '2026年第一批', '2026-01-01', '2026-03-31'), round('b', 'CZ-GXQ', '2026年第一批', '2026-01-01', '2026-04-30')];
    expect(roundsOverTime(FIXTURE, rounds, FIXTURE_AS_OF, false).rounds.map((r) => [r.roundId, r.signed, r.started, r.inProduction])).toEqual([
      ['a', 14, 2, 1],
      ['b', 8, 2, 2],
    ]);
    expect(roundsOverTime(FIXTURE, rounds, FIXTURE_AS_OF, true)).toEqual({
      rounds: [{ roundId: null, name: '2026年第一批', zoneCount: 2, startsOn: '2026-01-01', endsOn: '2026-04-30', signed: 22, started: 4, inProduction: 3 }],
      roundCount: 1,
    });
  });

  it(`keeps the latest ${ROUNDS_CHART_LIMIT} rounds, oldest first`, () => {
    const many = Array.from({ length: 30 }, (_, i) => round(`r${i}`, 'SX-ZGQ', `第${i}批`, `20${10 + i}-01-01`, `20${10 + i}-01-31`));
    const { rounds, roundCount } = roundsOverTime([], many, FIXTURE_AS_OF, false);
    expect(roundCount).toBe(30);
    expect(rounds.map((r) => r.roundId)).toEqual(many.slice(6).map((r) => r.id));
  });

  it('leaves terminated projects out of the plan, and facts after asOf out of the actual', () => {
    const sx = FIXTURE.filter((p) => p.zoneCode === 'SX-ZGQ');
    expect(planVsActual(sx, '2026-06', '2026-06', FIXTURE_AS_OF)).toEqual([{ month: '2026-06', plannedStarts: 6, actualStarts: 1, plannedProductions: 0, actualProductions: 0 }]);
    expect(planVsActual(sx, '2026-06', '2026-06', '2026-06-08')).toEqual([{ month: '2026-06', plannedStarts: 6, actualStarts: 0, plannedProductions: 0, actualProductions: 0 }]);
  });
});
