import { addDays, type IsoDate } from './dates';
import { CHINA_HOLIDAYS, type HolidayYear } from './china-holidays';

export type CalendarCoverage = HolidayYear['source'] | 'weekends-only';

/**
 * The working-day calendar: Monday to Friday, minus public holidays, plus the
 * weekend days worked in exchange (调休). Deadlines in working days count from
 * the day after the start: a 5-working-day limit from a Friday ends the next
 * Friday, a holiday week later when a holiday intervenes.
 *
 * Years without data fall back to weekends only; `coverage` says which applied,
 * so a deadline can be shown as provisional.
 */
export class WorkingDayCalendar {
  private readonly holidays = new Set<IsoDate>();
  private readonly workingWeekends = new Set<IsoDate>();
  private readonly years = new Map<number, HolidayYear['source']>();

  /** Day numbers, sorted: holidays that fall on a weekday, and weekend days worked (for counting). */
  private readonly weekdayHolidays: number[];
  private readonly weekendWorkdays: number[];

  constructor(years: HolidayYear[] = CHINA_HOLIDAYS) {
    for (const y of years) {
      this.years.set(y.year, y.source);
      y.holidays.forEach((d) => this.holidays.add(d));
      y.workingWeekends.forEach((d) => this.workingWeekends.add(d));
    }
    const sorted = (dates: IsoDate[]) => dates.map(dayNumber).sort((x, y) => x - y);
    this.weekdayHolidays = sorted([...this.holidays].filter((d) => !this.workingWeekends.has(d) && isWeekday(d)));
    this.weekendWorkdays = sorted([...this.workingWeekends].filter((d) => !isWeekday(d)));
  }

  isWorkingDay(date: IsoDate): boolean {
    if (this.workingWeekends.has(date)) return true;
    if (this.holidays.has(date)) return false;
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
    return weekday !== 0 && weekday !== 6;
  }

  coverage(date: IsoDate): CalendarCoverage {
    return this.years.get(Number(date.slice(0, 4))) ?? 'weekends-only';
  }

  /** The date of the n-th working day after `start` (n ≥ 0; n = 0 is `start` itself). */
  addWorkingDays(start: IsoDate, n: number): IsoDate {
    if (!Number.isInteger(n) || n < 0) throw new Error(`working days must be a whole number ≥ 0: ${n}`);
    let date = start;
    for (let left = n; left > 0; ) {
      date = addDays(date, 1);
      if (this.isWorkingDay(date)) left--;
    }
    return date;
  }

  /**
   * Working days after `from` up to and including `to` (negative when `to` is before `from`).
   * Counted, not walked: Mondays to Fridays by arithmetic, then the holidays on a
   * weekday and the working weekends in between (a deadline years past costs the
   * same as one tomorrow: worklists and queues compute this for every row).
   */
  workingDaysBetween(from: IsoDate, to: IsoDate): number {
    if (to < from) return -this.workingDaysBetween(to, from);
    const [a, b] = [dayNumber(from), dayNumber(to)];
    const within = (days: number[]) => countUpTo(days, b) - countUpTo(days, a);
    return weekdaysBefore(b + 1) - weekdaysBefore(a + 1) - within(this.weekdayHolidays) + within(this.weekendWorkdays);
  }
}

const MS_PER_DAY = 86_400_000;
const MONDAY_1900 = Date.UTC(1900, 0, 1);
/** Days since Monday 1900-01-01. */
const dayNumber = (date: IsoDate) => Math.round((Date.parse(`${date}T00:00:00Z`) - MONDAY_1900) / MS_PER_DAY);
/** Mondays to Fridays among day numbers 0 … n − 1. */
const weekdaysBefore = (n: number) => 5 * Math.floor(n / 7) + Math.min(n % 7, 5);
const isWeekday = (date: IsoDate) => dayNumber(date) % 7 < 5;
/** How many of the sorted day numbers are ≤ day (binary search). */
function countUpTo(days: number[], day: number): number {
  let [low, high] = [0, days.length];
  while (low < high) {
    const middle = (low + high) >> 1;
    if (days[middle] <= day) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The national calendar (2025–2027 seeded). */
export const chinaCalendar = new WorkingDayCalendar();
