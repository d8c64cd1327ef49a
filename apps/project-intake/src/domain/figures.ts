import type { LifecycleStage } from '@devzone/contracts';
import { daysBetween, type IsoDate } from '@devzone/shared-kernel';

/**
 * 三个一批 figures (domain.md §6) over the projects a manager selected.
 * - signed: every selected project (a terminated one was still signed);
 *   started: has an actual start date; in production: has an actual production date.
 * - 开工率 start rate = started ÷ signed; 投产率 production rate = in production ÷ started;
 *   达效率 output attainment = Σ actual annual output ÷ Σ projected annual output over
 *   projects in production that have reported their actual output.
 * - Durations in days, per zone: median (mean of the two middle values for an even
 *   count) and p90 by nearest rank (the ⌈0.9·n⌉-th smallest).
 * - Behind plan: a project that is neither terminated nor done with a milestone
 *   whose planned date has passed, at the first such milestone.
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
  actual: { start: IsoDate | null; completion: IsoDate | null; production: IsoDate | null };
}

export interface Tally {
  count: number;
  /** 万元 */
  investment: number;
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
  signed: Tally;
  started: Tally;
  inProduction: Tally;
  startRate: number | null;
  productionRate: number | null;
  outputAttainment: number | null;
  durationsByZone: { zoneCode: string; signingToStart: DurationStats; startToProduction: DurationStats }[];
  behindPlan: BehindPlan[];
}

const round4 = (x: number) => Math.round(x * 10_000) / 10_000;
const ratio = (a: number, b: number) => (b === 0 ? null : round4(a / b));
const tally = (projects: FigureProject[]): Tally => ({
  count: projects.length,
  investment: round4(projects.reduce((sum, p) => sum + p.totalInvestment, 0)),
});

export function durationStats(days: number[]): DurationStats {
  if (!days.length) return { count: 0, medianDays: null, p90Days: null };
  const sorted = [...days].sort((a, b) => a - b);
  const n = sorted.length;
  const median = n % 2 ? sorted[(n - 1) / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  return { count: n, medianDays: median, p90Days: sorted[Math.ceil(0.9 * n) - 1] };
}

const MILESTONES: Milestone[] = ['start', 'completion', 'production'];

export function firstMissedMilestone(p: FigureProject, asOf: IsoDate): BehindPlan | null {
  if (p.stage === 'TERMINATED') return null;
  for (const milestone of MILESTONES) {
    if (p.actual[milestone]) continue;
    const plannedDate = p.planned[milestone];
    const daysLate = daysBetween(plannedDate, asOf);
    if (daysLate <= 0) return null;
    return { projectId: p.id, code: p.code, name: p.name, zoneCode: p.zoneCode, stage: p.stage, milestone, plannedDate, daysLate };
  }
  return null;
}

export function threeBatchesFigures(projects: FigureProject[], asOf: IsoDate): ThreeBatchesFigures {
  const started = projects.filter((p) => p.actual.start);
  const producing = projects.filter((p) => p.actual.production);
  const reported = producing.filter((p) => p.actualAnnualOutput !== null);
  const actualOutput = reported.reduce((sum, p) => sum + (p.actualAnnualOutput ?? 0), 0);
  const projectedOutput = reported.reduce((sum, p) => sum + p.projectedAnnualOutput, 0);

  const zones = [...new Set(projects.map((p) => p.zoneCode))].sort();
  const durationsByZone = zones.map((zoneCode) => {
    const inZone = projects.filter((p) => p.zoneCode === zoneCode);
    return {
      zoneCode,
      signingToStart: durationStats(inZone.flatMap(({ signedOn, actual: { start } }) => (start ? [daysBetween(signedOn, start)] : []))),
      startToProduction: durationStats(inZone.flatMap(({ actual: { start, production } }) => (start && production ? [daysBetween(start, production)] : []))),
    };
  });

  const behindPlan = projects
    .map((p) => firstMissedMilestone(p, asOf))
    .filter((b): b is BehindPlan => b !== null)
    .sort((a, b) => b.daysLate - a.daysLate || a.code.localeCompare(b.code));

  return {
    asOf,
    signed: tally(projects),
    started: tally(started),
    inProduction: tally(producing),
    startRate: ratio(started.length, projects.length),
    productionRate: ratio(producing.length, started.length),
    outputAttainment: projectedOutput === 0 ? null : round4(actualOutput / projectedOutput),
    durationsByZone,
    behindPlan,
  };
}
