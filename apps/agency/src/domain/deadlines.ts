import type { IsoDate, WorkingDayCalendar } from '@devzone/shared-kernel';

export const RAGS = ['red', 'amber', 'green'] as const;
export type Rag = (typeof RAGS)[number];

export interface DeadlineState {
  rag: Rag;
  workingDaysLeft: number;
  overdue: boolean;
  /** Overdue by more than the zone's threshold: the team lead takes it up (督办). */
  escalate: boolean;
  workingDaysLate: number;
}

export function deadlineState(calendar: WorkingDayCalendar, dueOn: IsoDate, today: IsoDate, amberWorkingDays: number, escalateAfterWorkingDays: number): DeadlineState {
  const workingDaysLeft = calendar.workingDaysBetween(today, dueOn);
  const overdue = today > dueOn;
  const workingDaysLate = overdue ? Math.max(1, calendar.workingDaysBetween(dueOn, today)) : 0;
  return {
    rag: overdue ? 'red' : workingDaysLeft <= amberWorkingDays ? 'amber' : 'green',
    workingDaysLeft,
    overdue,
    escalate: overdue && workingDaysLate > escalateAfterWorkingDays,
    workingDaysLate,
  };
}

/** Utility connections every new construction needs (水电气讯), with their promised working days. */
export const UTILITY_TASKS = [
  { code: 'U-WATER', title: '供水接入', department: '供水公司', promisedLimitDays: 10 },
  { code: 'U-POWER', title: '供电接入', department: '供电公司', promisedLimitDays: 15 },
  { code: 'U-GAS', title: '燃气接入', department: '燃气公司', promisedLimitDays: 10 },
  { code: 'U-TELECOM', title: '通信接入', department: '通信运营商', promisedLimitDays: 5 },
] as const;

export const LAND_TASK = { code: 'L-CONTRACT', title: '标准地出让及合同签订', department: '自然资源和规划局', promisedLimitDays: 20 } as const;
