import type { IsoDate } from '@devzone/shared-kernel';

/**
 * 三个一批 rounds (domain.md §7): a campaign round reports the projects signed,
 * started and put into production *within its window*. Which batch a project is
 * in for a window is decided here; the SQL of application/rounds.service.ts
 * computes the same (test/rounds.int-spec.ts compares the two).
 *
 * - A window is a run of days, both ends inclusive: the first and the last day
 *   count, the day before and the day after do not. An open `from` reaches back
 *   to the beginning; an open `to` reaches up to `asOf`.
 * - 签约一批 (signed): signed in the window. 开工一批 (started): its ACTUAL start is in
 *   the window, whenever it was signed (a project signed in an earlier round
 *   counts). 投产一批 (in production): its actual production date is in the window.
 *   One project may be in several batches of one window (signed and started in it).
 * - `asOf` (default today) cuts every fact: a fact dated after `asOf` has not
 *   happened yet (a start after `asOf` is not a start).
 * - A terminated project stays in the batches it reached: it was signed, it did start.
 */

/** Both ends inclusive; `null` = open. */
export interface Window {
  from: IsoDate | null;
  to: IsoDate | null;
}

export const BATCHES = ['signed', 'started', 'in-production'] as const;
export type Batch = (typeof BATCHES)[number];

/** The dates that decide batches (and order each batch's list). */
export interface BatchFacts {
  signedOn: IsoDate;
  actual: { start: IsoDate | null; production: IsoDate | null };
}

/** The date that puts a project in the batch (null: not there yet). */
export function batchDate(p: BatchFacts, batch: Batch): IsoDate | null {
  if (batch === 'signed') return p.signedOn;
  return batch === 'started' ? p.actual.start : p.actual.production;
}

/** Has this fact happened by `asOf`? */
export const happenedBy = (date: IsoDate | null | undefined, asOf: IsoDate): date is IsoDate => !!date && date <= asOf;

/** Is this fact (a dated milestone) in the window, as known on `asOf`? */
export function inWindow(date: IsoDate | null | undefined, window: Window, asOf: IsoDate): boolean {
  if (!happenedBy(date, asOf)) return false;
  if (window.from !== null && date < window.from) return false;
  if (window.to !== null && date > window.to) return false;
  return true;
}

/** The batches of a window a project is in, as of `asOf`: none, one, or several. */
export function batchesOf(p: BatchFacts, window: Window, asOf: IsoDate): Batch[] {
  return BATCHES.filter((batch) => inWindow(batchDate(p, batch), window, asOf));
}

/** A round's window. */
export interface RoundWindow {
  name: string;
  startsOn: IsoDate;
  endsOn: IsoDate;
}

export const windowOf = (round: Pick<RoundWindow, 'startsOn' | 'endsOn'>): Window => ({ from: round.startsOn, to: round.endsOn });

/** Two inclusive windows share a day (one round ending on the day the next starts overlaps it). */
export const overlaps = (a: Pick<RoundWindow, 'startsOn' | 'endsOn'>, b: Pick<RoundWindow, 'startsOn' | 'endsOn'>): boolean => a.startsOn <= b.endsOn && b.startsOn <= a.endsOn;

/**
 * Rounds of one zone do not overlap: a fact dated on a day belongs to one round
 * of its zone, so adding up a zone's rounds never counts a project twice in a batch.
 * The first existing round (by start) the new window overlaps, or null.
 */
export function firstOverlap<R extends RoundWindow>(candidate: Pick<RoundWindow, 'startsOn' | 'endsOn'>, existing: R[]): R | null {
  return [...existing].sort((a, b) => (a.startsOn < b.startsOn ? -1 : a.startsOn > b.startsOn ? 1 : 0)).find((r) => overlaps(candidate, r)) ?? null;
}
