import { chinaCalendar } from '@devzone/shared-kernel';
import { acceptanceDueOn, dueDates, limitsFor, pausedWorkingDays, type Pause } from './item-clock';

describe('an item’s clock (行政许可法 第三十二、四十二、四十五条)', () => {
  it('runs from 受理 in working days, not from signing', () => {
    // 建设用地规划许可证: legal 20, promised 5; accepted on Monday 2026-11-30.
    expect(dueDates(chinaCalendar, '2026-11-30', { legal: 20, promised: 5 }, [], '2026-11-30')).toEqual({ legalDueOn: '2026-12-28', promisedDueOn: '2026-12-07', pausedWorkingDays: 0 });
  });

  it('moves the due dates by the paused working days only: a 补正 pause across the Spring Festival of 2026', () => {
    // Accepted Monday 2026-02-02 with 5 working days: due Monday 2026-02-09.
    expect(dueDates(chinaCalendar, '2026-02-02', { legal: 5, promised: 5 }, [], '2026-02-02').promisedDueOn).toBe('2026-02-09');
    // Corrections requested on Wednesday 02-04, resubmitted Thursday 02-26: 22 calendar days, of which
    // 02-05, 02-06, 02-09…02-13, Saturday 02-14 (调休, worked) and 02-24…02-26 are working days (11);
    // 02-15…02-23 is the Spring Festival holiday.
    const pauses: Pause[] = [{ reason: 'corrections', from: '2026-02-04', to: '2026-02-26' }];
    expect(pausedWorkingDays(chinaCalendar, pauses, '2026-03-10')).toBe(11);
    const moved = dueDates(chinaCalendar, '2026-02-02', { legal: 5, promised: 5 }, pauses, '2026-03-10');
    // 5 + 11 = 16 working days after 02-02: … 02-27 (14), Saturday 02-28 (调休, 15), Monday 03-02 (16).
    expect(moved).toEqual({ legalDueOn: '2026-03-02', promisedDueOn: '2026-03-02', pausedWorkingDays: 11 });
    expect(moved.promisedDueOn).toBe(chinaCalendar.addWorkingDays('2026-02-09', 11));
  });

  it('counts an open pause up to today, and several pauses together', () => {
    const pauses: Pause[] = [
      { reason: 'expert-review', from: '2026-11-02', to: '2026-11-06' }, // 4 working days
      { reason: 'hearing', from: '2026-11-20', to: null }, // still paused
    ];
    expect(pausedWorkingDays(chinaCalendar, pauses, '2026-11-27')).toBe(4 + 5);
  });

  it('runs an item under 一般程序 on its legal limit, an approved one on the promised limit', () => {
    expect(limitsFor('ordinary', { legalLimitDays: 20, promisedLimitDays: 5 })).toEqual({ legal: 20, promised: 20 });
    expect(limitsFor('approval', { legalLimitDays: 20, promisedLimitDays: 5 })).toEqual({ legal: 20, promised: 5 });
  });

  it('gives the department five working days to accept an application (then it is accepted by law)', () => {
    // Applied Friday 2026-09-25: National Day (10-01…10-08) intervenes; Saturday 09-27 is worked.
    expect(acceptanceDueOn(chinaCalendar, '2026-09-25')).toBe(chinaCalendar.addWorkingDays('2026-09-25', 5));
    expect(acceptanceDueOn(chinaCalendar, '2026-11-27')).toBe('2026-12-04');
  });
});
