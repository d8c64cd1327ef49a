import { committedDateOutOfOrder, committedDatesProblems, milestoneReached, missedCommittedDates, pastCommittedDate } from './committed-dates';

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

  describe('the dates a 承诺书 may commit to', () => {
    const today = '2026-11-30';

    it('refuses a committed date in the past, naming the field; today may be committed', () => {
      expect(pastCommittedDate('start', '2026-11-29', today)).toEqual({ field: 'committedDates.start', zh: '承诺开工日期不能早于今天（2026-11-30）', en: 'committedDates.start must not be in the past' });
      expect(pastCommittedDate('start', today, today)).toBeNull();
      expect(pastCommittedDate('production', '2027-01-01', today)).toBeNull();
    });

    it('refuses the milestones out of order: 开工 ≤ 竣工 ≤ 投产', () => {
      expect(committedDateOutOfOrder('completion', { start: '2027-05-01', completion: '2027-01-01' })).toMatchObject({ field: 'committedDates.completion', zh: '承诺竣工日期不能早于承诺开工日期' });
      expect(committedDateOutOfOrder('production', { completion: '2027-05-01', production: '2027-04-30' })).toMatchObject({ field: 'committedDates.production', zh: '承诺投产日期不能早于承诺竣工日期' });
      expect(committedDateOutOfOrder('completion', { start: '2027-05-01', completion: '2027-05-01' })).toBeNull();
      expect(committedDateOutOfOrder('start', { start: '2027-05-01', completion: '2027-01-01' })).toBeNull();
    });

    it('lists one problem per field, the past before the order', () => {
      expect(committedDatesProblems({ start: '2027-03-01', completion: '2028-06-30', production: '2028-09-01' }, today)).toEqual([]);
      expect(committedDatesProblems({ start: today, completion: today, production: today }, today)).toEqual([]);
      expect(committedDatesProblems({ start: '2026-01-01', completion: '2025-12-01', production: '2027-01-01' }, today).map((p) => `${p.field}: ${p.zh}`)).toEqual([
        'committedDates.start: 承诺开工日期不能早于今天（2026-11-30）',
        'committedDates.completion: 承诺竣工日期不能早于今天（2026-11-30）',
      ]);
      expect(committedDatesProblems({ start: '2027-05-01', completion: '2027-01-01', production: '2027-02-01' }, today).map((p) => p.field)).toEqual(['committedDates.completion']);
    });
  });
});
