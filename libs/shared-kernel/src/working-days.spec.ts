import { addDays } from './dates';
import { chinaCalendar as cal } from './working-days';

describe('working-day calendar', () => {
  it('counts an ordinary week: 5 working days from a Friday end the next Friday', () => {
    expect(cal.addWorkingDays('2026-11-27', 5)).toBe('2026-12-04');
    expect(cal.addWorkingDays('2026-11-27', 0)).toBe('2026-11-27');
    expect(cal.addWorkingDays('2026-11-28', 1)).toBe('2026-11-30'); // from a Saturday
  });

  describe('Spring Festival 2026 (off 02-15 … 02-23; Saturdays 02-14 and 02-28 worked)', () => {
    it('treats the 调休 Saturday before the holiday as a working day', () => {
      expect(cal.isWorkingDay('2026-02-14')).toBe(true);
      expect(cal.addWorkingDays('2026-02-13', 1)).toBe('2026-02-14');
    });

    it('skips the whole holiday', () => {
      // 02-14 (Sat, worked) is the 1st; 02-15 … 02-23 off; 02-24 is the 2nd.
      expect(cal.addWorkingDays('2026-02-13', 2)).toBe('2026-02-24');
      expect(['2026-02-16', '2026-02-20', '2026-02-23'].map((d) => cal.isWorkingDay(d))).toEqual([false, false, false]);
    });

    it('works the Saturday after: 10 working days from 02-12 end on 02-28', () => {
      // 02-13, 02-14 | 02-24, 02-25, 02-26, 02-27, 02-28(Sat, worked) … that is 7; then 03-02, 03-03, 03-04
      expect(cal.addWorkingDays('2026-02-12', 7)).toBe('2026-02-28');
      expect(cal.addWorkingDays('2026-02-12', 10)).toBe('2026-03-04');
    });
  });

  describe('Spring Festival 2025 (off 01-28 … 02-04; Sunday 01-26 and Saturday 02-08 worked)', () => {
    it('crosses it', () => {
      expect(cal.isWorkingDay('2025-01-26')).toBe(true);
      expect(cal.addWorkingDays('2025-01-24', 1)).toBe('2025-01-26');
      expect(cal.addWorkingDays('2025-01-24', 3)).toBe('2025-02-05'); // 01-26, 01-27, then 02-05
      expect(cal.addWorkingDays('2025-02-05', 3)).toBe('2025-02-08'); // 02-06, 02-07, 02-08 (Sat, worked)
    });
  });

  describe('National Day 2026 (off 10-01 … 10-07; Sunday 09-20 and Saturday 10-10 worked; 中秋 09-25 … 09-27)', () => {
    it('works Sunday 09-20 and skips 中秋 and 国庆', () => {
      expect(cal.addWorkingDays('2026-09-18', 1)).toBe('2026-09-20');
      expect(cal.addWorkingDays('2026-09-24', 1)).toBe('2026-09-28'); // 09-25 (Fri) is 中秋
      expect(cal.addWorkingDays('2026-09-30', 1)).toBe('2026-10-08');
      expect(cal.addWorkingDays('2026-09-30', 3)).toBe('2026-10-10'); // 10-08, 10-09, 10-10 (Sat, worked)
    });

    it('counts working days between dates across the holiday', () => {
      expect(cal.workingDaysBetween('2026-09-30', '2026-10-12')).toBe(4); // 10-08, 10-09, 10-10, 10-12
      expect(cal.workingDaysBetween('2026-10-12', '2026-09-30')).toBe(-4);
    });
  });

  it('National Day 2025 with 中秋 merged (off 10-01 … 10-08; 09-28 and 10-11 worked)', () => {
    expect(cal.addWorkingDays('2025-09-26', 1)).toBe('2025-09-28');
    expect(cal.addWorkingDays('2025-09-30', 1)).toBe('2025-10-09');
    expect(cal.addWorkingDays('2025-10-10', 1)).toBe('2025-10-11');
  });

  it('says where its data is official, provisional, or missing', () => {
    expect(cal.coverage('2026-05-01')).toBe('official');
    expect(cal.coverage('2027-02-06')).toBe('provisional');
    expect(cal.coverage('2028-01-03')).toBe('weekends-only');
    expect(cal.isWorkingDay('2027-02-08')).toBe(false); // provisional Spring Festival day
  });

  it('counts working days between any two dates as walking day by day would (holidays, 调休, years without data, both directions)', () => {
    const walk = (from: string, to: string): number => {
      if (to < from) return -walk(to, from);
      let n = 0;
      for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (cal.isWorkingDay(d)) n++;
      return n;
    };
    let seed = 7;
    const random = (n: number) => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31), seed % n);
    for (let k = 0; k < 400; k++) {
      const from = addDays('2019-01-01', random(3650));
      const to = addDays(from, random(900) - 300);
      expect([from, to, cal.workingDaysBetween(from, to)]).toEqual([from, to, walk(from, to)]);
    }
    expect(cal.workingDaysBetween('2026-02-13', '2026-02-14')).toBe(1); // the 调休 Saturday
    expect(cal.workingDaysBetween('2026-02-14', '2026-02-24')).toBe(1); // across the Spring Festival
  });
});
