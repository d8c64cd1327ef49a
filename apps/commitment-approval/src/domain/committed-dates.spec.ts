import { milestoneReached, missedCommittedDates } from './committed-dates';

const committed = { start: '2026-03-01', completion: '2026-12-31', production: '2027-03-01' };
const periods = { graceDays: 30, recordDays: 90 };

describe('committed dates (承诺开工、竣工、投产)', () => {
  it('warns after the grace period and records after the record period, each once per milestone', () => {
    expect(missedCommittedDates(committed, 'READY_TO_START', '2026-03-31', periods, {})).toEqual([]);
    expect(missedCommittedDates(committed, 'READY_TO_START', '2026-04-01', periods, {})).toEqual([{ milestone: 'start', level: 'warning', committedOn: '2026-03-01', daysLate: 31 }]);
    expect(missedCommittedDates(committed, 'READY_TO_START', '2026-04-20', periods, { start: 'warning' })).toEqual([]);
    expect(missedCommittedDates(committed, 'READY_TO_START', '2026-05-31', periods, { start: 'warning' })).toEqual([{ milestone: 'start', level: 'record', committedOn: '2026-03-01', daysLate: 91 }]);
    expect(missedCommittedDates(committed, 'READY_TO_START', '2026-06-30', periods, { start: 'record' })).toEqual([]);
  });

  it('goes straight to the record when the check had not run in between', () => {
    expect(missedCommittedDates(committed, 'APPROVING', '2026-06-30', periods, {})).toEqual([{ milestone: 'start', level: 'record', committedOn: '2026-03-01', daysLate: 121 }]);
  });

  it('counts from the 批复 when the approvals came after the committed date', () => {
    expect(missedCommittedDates(committed, 'READY_TO_START', '2026-06-30', periods, {}, '2026-06-01')).toEqual([]);
    expect(missedCommittedDates(committed, 'READY_TO_START', '2026-07-02', periods, {}, '2026-06-01')).toEqual([{ milestone: 'start', level: 'warning', committedOn: '2026-03-01', daysLate: 31 }]);
    expect(missedCommittedDates(committed, 'READY_TO_START', '2026-06-30', periods, {}, '2026-02-01')).toEqual([{ milestone: 'start', level: 'record', committedOn: '2026-03-01', daysLate: 121 }]);
  });

  it('stops once the milestone is reached, and does not pursue a suspended or terminated project', () => {
    expect(missedCommittedDates(committed, 'UNDER_CONSTRUCTION', '2026-06-30', periods, {})).toEqual([]);
    expect(missedCommittedDates(committed, 'SUSPENDED', '2027-06-30', periods, {})).toEqual([]);
    expect(missedCommittedDates(committed, 'TERMINATED', '2027-06-30', periods, {})).toEqual([]);
    expect(missedCommittedDates(committed, 'COMPLETED', '2027-06-30', periods, {}).map((f) => f.milestone)).toEqual(['production']);
    expect(milestoneReached('FULL_PRODUCTION', 'production')).toBe(true);
  });
});
