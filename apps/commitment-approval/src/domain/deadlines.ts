import type { IsoDate, WorkingDayCalendar } from '@devzone/shared-kernel';

/** 红黄绿: red = past its promised due date, amber = due within `amberWorkingDays`, green otherwise. */
export const RAGS = ['red', 'amber', 'green'] as const;
export type Rag = (typeof RAGS)[number];

export function rag(calendar: WorkingDayCalendar, dueOn: IsoDate, today: IsoDate, amberWorkingDays: number): { rag: Rag; workingDaysLeft: number } {
  const workingDaysLeft = calendar.workingDaysBetween(today, dueOn);
  if (dueOn < today) return { rag: 'red', workingDaysLeft };
  return { rag: workingDaysLeft <= amberWorkingDays ? 'amber' : 'green', workingDaysLeft };
}
