import type { LifecycleStage } from '@devzone/contracts';
import { daysBetween, type IsoDate } from '@devzone/shared-kernel';
import { happenedBy, inWindow, type Window } from './rounds';

/**
 * 三个一批 figures (domain.md §6) for a window of days (a round, or from–to; see
 * rounds.ts for which batch a project is in) within the zones selected, as of
 * `asOf`. This is the reference the SQL of application/rounds.service.ts must
 * agree with (test/rounds.int-spec.ts compares them over the fixture).
 *
 * - `batches`: 签约一批 = signed in the window; 开工一批 = actually started in the
 *   window (whenever signed); 投产一批 = in production in the window; each with
 *   count, total investment and projected annual output.
 * - The cohort (`signed`, `started`, `inProduction` at the top, kept from the first
 *   version): the projects signed in the window (terminated ones too: they were
 *   signed), and of them those started, and those in production, by `asOf`.
 *   Without a window the cohort is every project signed by `asOf`.
 * - 开工率 start rate = cohort started ÷ cohort signed; 投产率 production rate =
 *   cohort in production ÷ cohort started; 达效率 output attainment = Σ actual ÷
 *   Σ projected annual output over the cohort's projects in production whose actual
 *   output was reported (at 达产; when that date is unknown the production date
 *   stands in) by `asOf`. Rounded to 4 decimals; null when the denominator is 0.
 * - Durations in days, per zone: 签约→开工 over the 开工一批, 开工→投产 over the
 *   投产一批; median (mean of the two middle values for an even count:
 *   percentile_cont(0.5)) and p90 by nearest rank (the ⌈0.9·n⌉-th smallest:
 *   percentile_disc(0.9)). Zones listed: those with a project in any batch.
 * - Behind plan: a cohort project, not terminated, with a milestone not reached by
 *   `asOf` whose planned date is before `asOf`, at the first milestone not
 *   reached; latest first, then by code; at most BEHIND_PLAN_LIMIT rows, with
 *   the total. The stage shown (and "terminated") is the project's current one.
 * - `asOf` cuts every fact: a start, completion or production dated after it has
 *   not happened; a project signed after it is not signed.
 */
export interface FigureProject {
  id: string;
  code: string;
  name: string;
  zoneCode: string;
  stage: LifecycleStage;
  signedOn: IsoDate;
  totalInvestment: number;
  projectedAnnualOutput: number;
  actualAnnualOutput: number | null;
  planned: { start: IsoDate; completion: IsoDate; production: IsoDate };
  /** `fullProduction`: the 达产 report that gave the actual annual output (unknown: the production date stands in). */
  actual: { start: IsoDate | null; completion: IsoDate | null; production: IsoDate | null; fullProduction?: IsoDate | null };
}

export interface Tally {
  count: number;
  /** 万元 */
  investment: number;
}

export interface BatchTally extends Tally {
  /** 预计年产值, 万元 */
  projectedAnnualOutput: number;
}

export interface DurationStats {
  count: number;
  medianDays: number | null;
  p90Days: number | null;
}

export type Milestone = 'start' | 'completion' | 'production';

export interface BehindPlan {
  projectId: string;
  code: string;
  name: string;
  zoneCode: string;
  stage: LifecycleStage;
  milestone: Milestone;
  plannedDate: IsoDate;
  daysLate: number;
}

export interface ThreeBatchesFigures {
  asOf: IsoDate;
  /** The window asked for (a round's, or from–to; null ends are open). */
  window: Window;
  /** 签约一批, 开工一批, 投产一批 of the window. */
  batches: { signed: BatchTally; started: BatchTally; inProduction: BatchTally };
  /** The cohort signed in the window, and how far it got by asOf. */
  signed: Tally;
  started: Tally;
  inProduction: Tally;
  startRate: number | null;
  productionRate: number | null;
  outputAttainment: number | null;
  durationsByZone: { zoneCode: string; signingToStart: DurationStats; startToProduction: DurationStats }[];
  /** The first BEHIND_PLAN_LIMIT, latest first. */
  behindPlan: BehindPlan[];
  behindPlanTotal: number;
}

/** The most behind-plan rows the figures carry (the total is given). */
export const BEHIND_PLAN_LIMIT = 200;

export const round4 = (x: number) => Math.round(x * 10_000) / 10_000;
export const ratio = (a: number, b: number) => (b === 0 ? null : round4(a / b));
const tally = (projects: FigureProject[]): Tally => ({
  count: projects.length,
  investment: round4(projects.reduce((sum, p) => sum + p.totalInvestment, 0)),
});
const batchTally = (projects: FigureProject[]): BatchTally => ({
  ...tally(projects),
  projectedAnnualOutput: round4(projects.reduce((sum, p) => sum + p.projectedAnnualOutput, 0)),
});

export function durationStats(days: number[]): DurationStats {
  if (!days.length) return { count: 0, medianDays: null, p90Days: null };
  const sorted = [...days].sort((a, b) => a - b);
  const n = sorted.length;
  const median = n % 2 ? sorted[(n - 1) / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  return { count: n, medianDays: median, p90Days: sorted[Math.ceil(0.9 * n) - 1] };
}

const MILESTONES: Milestone[] = ['start', 'completion', 'production'];

/** The first milestone not reached by asOf, when its planned date is before asOf (and the project not terminated). */
export function firstMissedMilestone(p: FigureProject, asOf: IsoDate): BehindPlan | null {
  if (p.stage === 'TERMINATED') return null;
  for (const milestone of MILESTONES) {
    if (happenedBy(p.actual[milestone], asOf)) continue;
    const plannedDate = p.planned[milestone];
    const daysLate = daysBetween(plannedDate, asOf);
    if (daysLate <= 0) return null;
    return { projectId: p.id, code: p.code, name: p.name, zoneCode: p.zoneCode, stage: p.stage, milestone, plannedDate, daysLate };
  }
  return null;
}

const byCode = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function threeBatchesFigures(projects: FigureProject[], asOf: IsoDate, window: Window = { from: null, to: null }): ThreeBatchesFigures {
  const signedBatch = projects.filter((p) => inWindow(p.signedOn, window, asOf));
  const startedBatch = projects.filter((p) => inWindow(p.actual.start, window, asOf));
  const productionBatch = projects.filter((p) => inWindow(p.actual.production, window, asOf));

  const cohort = signedBatch;
  const started = cohort.filter((p) => happenedBy(p.actual.start, asOf));
  const producing = cohort.filter((p) => happenedBy(p.actual.production, asOf));
  const reported = producing.filter((p) => p.actualAnnualOutput !== null && happenedBy(p.actual.fullProduction ?? p.actual.production, asOf));
  const actualOutput = reported.reduce((sum, p) => sum + (p.actualAnnualOutput ?? 0), 0);
  const projectedOutput = reported.reduce((sum, p) => sum + p.projectedAnnualOutput, 0);

  const zones = [...new Set([...signedBatch, ...startedBatch, ...productionBatch].map((p) => p.zoneCode))].sort(byCode);
  const durationsByZone = zones.map((zoneCode) => ({
    zoneCode,
    signingToStart: durationStats(startedBatch.filter((p) => p.zoneCode === zoneCode).map((p) => daysBetween(p.signedOn, p.actual.start as IsoDate))),
    startToProduction: durationStats(
      productionBatch.filter((p) => p.zoneCode === zoneCode && p.actual.start).map((p) => daysBetween(p.actual.start as IsoDate, p.actual.production as IsoDate)),
    ),
  }));

  const behindPlan = cohort
    .map((p) => firstMissedMilestone(p, asOf))
    .filter((b): b is BehindPlan => b !== null)
    .sort((a, b) => b.daysLate - a.daysLate || byCode(a.code, b.code));

  return {
    asOf,
    window,
    batches: { signed: batchTally(signedBatch), started: batchTally(startedBatch), inProduction: batchTally(productionBatch) },
    signed: tally(cohort),
    started: tally(started),
    inProduction: tally(producing),
    startRate: ratio(started.length, cohort.length),
    productionRate: ratio(producing.length, started.length),
    outputAttainment: projectedOutput === 0 ? null : round4(actualOutput / projectedOutput),
    durationsByZone,
    behindPlan: behindPlan.slice(0, BEHIND_PLAN_LIMIT),
    behindPlanTotal: behindPlan.length,
  };
}
