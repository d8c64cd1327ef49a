import type { IsoDate } from './dates';

/**
 * Public holidays and adjusted working weekends (调休) per year, as the State
 * Council publishes them (国务院办公厅关于 YYYY 年部分节假日安排的通知).
 * `official`: copied from the notice. `provisional`: the notice was not out when
 * this was written; only the statutory holiday days themselves (全国年节及纪念日
 * 放假办法, 2024 revision) are listed, no 调休. Replace with the notice when it
 * is published (usually in early November of the year before).
 */
export interface HolidayYear {
  year: number;
  source: 'official' | 'provisional';
  reference: string;
  /** Days off, including weekdays moved by 调休. */
  holidays: IsoDate[];
  /** Weekend days that are working days (调休上班). */
  workingWeekends: IsoDate[];
}

const range = (from: IsoDate, to: IsoDate): IsoDate[] => {
  const out: IsoDate[] = [];
  for (let d = Date.parse(`${from}T00:00:00Z`); d <= Date.parse(`${to}T00:00:00Z`); d += 86_400_000) out.push(new Date(d).toISOString().slice(0, 10));
  return out;
};

export const CHINA_HOLIDAYS: HolidayYear[] = [
  {
    year: 2025,
    source: 'official',
    reference: '国办发明电〔2024〕12号 (2024-11-12)',
    holidays: [
      '2025-01-01', // 元旦
      ...range('2025-01-28', '2025-02-04'), // 春节
      ...range('2025-04-04', '2025-04-06'), // 清明节
      ...range('2025-05-01', '2025-05-05'), // 劳动节
      ...range('2025-05-31', '2025-06-02'), // 端午节
      ...range('2025-10-01', '2025-10-08'), // 国庆节、中秋节
    ],
    workingWeekends: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
  },
  {
    year: 2026,
    source: 'official',
    reference: '国务院办公厅关于2026年部分节假日安排的通知 (2025-11-04)',
    holidays: [
      ...range('2026-01-01', '2026-01-03'), // 元旦
      ...range('2026-02-15', '2026-02-23'), // 春节
      ...range('2026-04-04', '2026-04-06'), // 清明节
      ...range('2026-05-01', '2026-05-05'), // 劳动节
      ...range('2026-06-19', '2026-06-21'), // 端午节
      ...range('2026-09-25', '2026-09-27'), // 中秋节
      ...range('2026-10-01', '2026-10-07'), // 国庆节
    ],
    workingWeekends: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
  },
  {
    year: 2027,
    source: 'provisional',
    reference: 'statutory days only (2024 放假办法); replace with the 2027 notice',
    holidays: [
      '2027-01-01', // 元旦
      ...range('2027-02-05', '2027-02-08'), // 春节: 除夕 and 初一 to 初三 (Spring Festival is 2027-02-06)
      '2027-04-05', // 清明节
      '2027-05-01',
      '2027-05-02', // 劳动节
      '2027-06-09', // 端午节
      '2027-09-15', // 中秋节
      ...range('2027-10-01', '2027-10-03'), // 国庆节
    ],
    workingWeekends: [],
  },
];
