import { threeBatchesFigures, type FigureProject } from './figures';
import { FIXTURE } from './figures.fixture';
import { batchesOf, firstOverlap, inWindow, overlaps, type BatchFacts, type Window } from './rounds';

const Q4: Window = { from: '2026-10-01', to: '2026-12-31' };
const facts = (signedOn: string, start: string | null = null, production: string | null = null): BatchFacts => ({ signedOn, actual: { start, production } });

describe('which batch of a round a project is in (rounds.ts)', () => {
  it('counts the first and the last day of the window, not the day before or after', () => {
    expect(inWindow('2026-09-30', Q4, '2027-06-30')).toBe(false);
    expect(inWindow('2026-10-01', Q4, '2027-06-30')).toBe(true);
    expect(inWindow('2026-12-31', Q4, '2027-06-30')).toBe(true);
    expect(inWindow('2027-01-01', Q4, '2027-06-30')).toBe(false);
    expect(inWindow(null, Q4, '2027-06-30')).toBe(false);
  });

  it('puts a project signed in an earlier round in this round’s 开工一批 when it started in this window, not in its 签约一批', () => {
    expect(batchesOf(facts('2026-05-20', '2026-10-01'), Q4, '2027-06-30')).toEqual(['started']);
    expect(batchesOf(facts('2026-05-20', '2026-09-30'), Q4, '2027-06-30')).toEqual([]);
    expect(batchesOf(facts('2025-03-01', '2025-06-01', '2026-12-31'), Q4, '2027-06-30')).toEqual(['in-production']);
    expect(batchesOf(facts('2025-03-01', '2025-06-01', '2027-01-01'), Q4, '2027-06-30')).toEqual([]);
  });

  it('puts a project signed and started in the same window in both batches', () => {
    expect(batchesOf(facts('2026-10-01', '2026-12-31'), Q4, '2027-06-30')).toEqual(['signed', 'started']);
    expect(batchesOf(facts('2026-10-01', '2026-10-15', '2026-12-20'), Q4, '2027-06-30')).toEqual(['signed', 'started', 'in-production']);
  });

  it('does not count a fact dated after asOf: a start after asOf is not a start yet', () => {
    const p = facts('2026-10-01', '2026-12-31');
    expect(batchesOf(p, Q4, '2026-12-31')).toEqual(['signed', 'started']);
    expect(batchesOf(p, Q4, '2026-12-30')).toEqual(['signed']);
    expect(batchesOf(p, Q4, '2026-09-30')).toEqual([]);
    expect(inWindow('2026-11-15', Q4, '2026-11-14')).toBe(false);
  });

  it('takes an open end as reaching to the beginning, or to asOf', () => {
    expect(inWindow('2001-01-01', { from: null, to: null }, '2026-11-27')).toBe(true);
    expect(inWindow('2026-11-28', { from: null, to: null }, '2026-11-27')).toBe(false);
    expect(inWindow('2026-11-27', { from: '2026-11-01', to: null }, '2026-11-27')).toBe(true);
    expect(inWindow('2026-10-31', { from: '2026-11-01', to: null }, '2026-11-27')).toBe(false);
  });

  it('is the rule the figures count by: each batch’s count is the projects batchesOf puts in it', () => {
    for (const [window, asOf] of [
      [{ from: '2026-01-01', to: '2026-12-31' }, '2026-11-27'],
      [{ from: '2026-04-15', to: '2026-06-09' }, '2026-05-30'],
      [{ from: '2025-01-01', to: '2025-06-30' }, '2026-11-27'],
      [{ from: null, to: '2026-03-31' }, '2026-11-27'],
    ] as [Window, string][]) {
      const figures = threeBatchesFigures(FIXTURE, asOf, window);
      const members = (batch: string) => FIXTURE.filter((p: FigureProject) => batchesOf(p, window, asOf).includes(batch as never));
      expect([figures.batches.signed.count, figures.batches.started.count, figures.batches.inProduction.count]).toEqual([members('signed').length, members('started').length, members('in-production').length]);
    }
  });
});

describe('rounds of one zone do not overlap', () => {
  const q3 = { name: '2026年第三批', startsOn: '2026-07-01', endsOn: '2026-09-30' };
  const q1 = { name: '2026年第一批', startsOn: '2026-01-01', endsOn: '2026-03-31' };

  it('takes windows sharing a day as overlapping, consecutive ones as not', () => {
    expect(overlaps(q3, { startsOn: '2026-09-30', endsOn: '2026-12-31' })).toBe(true);
    expect(overlaps(q3, { startsOn: '2026-10-01', endsOn: '2026-12-31' })).toBe(false);
    expect(overlaps(q3, { startsOn: '2026-04-01', endsOn: '2026-06-30' })).toBe(false);
    expect(overlaps(q3, { startsOn: '2026-08-01', endsOn: '2026-08-01' })).toBe(true);
    expect(overlaps(q3, { startsOn: '2026-01-01', endsOn: '2026-12-31' })).toBe(true);
  });

  it('names the first round (by start) a new window overlaps', () => {
    expect(firstOverlap({ startsOn: '2026-03-01', endsOn: '2026-08-01' }, [q3, q1])).toBe(q1);
    expect(firstOverlap({ startsOn: '2026-04-01', endsOn: '2026-06-30' }, [q3, q1])).toBeNull();
    expect(firstOverlap({ startsOn: '2026-04-01', endsOn: '2026-06-30' }, [])).toBeNull();
  });
});
