import { PAUSE_REASON_ZH, PROCEDURE_ZH, type ItemPauseReason, type ItemProcedure } from '@devzone/contracts';
import { clockRunning, type ItemStatus } from './item.state-machine';
import type { IsoDate, WorkingDayCalendar } from '@devzone/shared-kernel';

/**
 * An item's time limits (行政许可法):
 * - they run in working days from 受理 (第四十二条: 自受理之日起), not from signing;
 * - an application the department neither accepts nor returns within 5 working
 *   days is accepted as of the day it was received (第三十二条: 逾期不告知的，自收到
 *   申请材料之日起即为受理);
 * - the time for 听证、检验、检测、专家评审 is not counted (第四十五条), nor the
 *   time the enterprise takes to correct its documents (补正), nor the publicity
 *   of the commitment: those pauses move the due dates by the working days they
 *   took, not by calendar days.
 * The procedure decides the limit: 承诺制 items are granted with the 批复; an item
 * that must be approved runs on the zone's promised (shortened) limit; an item the
 * enterprise chose to handle by 一般程序 runs on its legal limit and needs full documents.
 */
export type Procedure = ItemProcedure;

export type PauseReason = ItemPauseReason;
export { PAUSE_REASON_ZH, PROCEDURE_ZH };

/** A stretch in which the clock stood still: not counted are the working days after `from` up to and including `to` (`to` null: still paused). */
export interface Pause {
  reason: PauseReason;
  from: IsoDate;
  to: IsoDate | null;
  note?: string;
}

/** 第三十二条: five working days to accept or return an application. */
export const ACCEPTANCE_LIMIT_WORKING_DAYS = 5;

export function limitsFor(procedure: Procedure, item: { legalLimitDays: number; promisedLimitDays: number }): { legal: number; promised: number } {
  return { legal: item.legalLimitDays, promised: procedure === 'ordinary' ? item.legalLimitDays : item.promisedLimitDays };
}

/** Working days not counted (an open pause counts up to `today`). */
export function pausedWorkingDays(calendar: WorkingDayCalendar, pauses: Pause[], today: IsoDate): number {
  return pauses.reduce((sum, p) => sum + Math.max(0, calendar.workingDaysBetween(p.from, p.to ?? today)), 0);
}

/** The due dates of an accepted item: its limits from 受理, moved by the paused working days. */
export function dueDates(calendar: WorkingDayCalendar, acceptedOn: IsoDate, limits: { legal: number; promised: number }, pauses: Pause[], today: IsoDate) {
  const paused = pausedWorkingDays(calendar, pauses, today);
  return {
    legalDueOn: calendar.addWorkingDays(acceptedOn, limits.legal + paused),
    promisedDueOn: calendar.addWorkingDays(acceptedOn, limits.promised + paused),
    pausedWorkingDays: paused,
  };
}

/** The last day an application may wait for 受理; after it, it is accepted as of the day it was received. */
export const acceptanceDueOn = (calendar: WorkingDayCalendar, appliedOn: IsoDate) => calendar.addWorkingDays(appliedOn, ACCEPTANCE_LIMIT_WORKING_DAYS);

/** The pause the clock stands in now, if any. */
export const openPause = <P extends Pick<Pause, 'to'>>(pauses: P[]): P | undefined => pauses.find((p) => p.to === null);

/** A 补正 pause ends when the enterprise resubmits, a publicity pause when the publicity ends: the department does not resume them. */
export const endsByItself = (reason: PauseReason) => reason === 'publicity' || reason === 'corrections';

/** Where an item's clock stands: not started (no application, or not yet 受理), awaiting 受理, running, paused, or stopped (decided). */
export const ITEM_CLOCKS = ['not-started', 'awaiting-acceptance', 'running', 'paused', 'stopped'] as const;
export type ItemClock = (typeof ITEM_CLOCKS)[number];

export function clockOf(status: ItemStatus): ItemClock {
  if (clockRunning(status)) return 'running';
  if (status === 'APPLIED') return 'awaiting-acceptance';
  if (status === 'PAUSED' || status === 'CORRECTIONS_REQUESTED') return 'paused';
  return status === 'PENDING' || status === 'COMMITTED' || status === 'REVOKED' ? 'not-started' : 'stopped';
}
