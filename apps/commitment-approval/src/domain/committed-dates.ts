import { COMMITTED_MILESTONE_ZH } from '@devzone/contracts';
import { daysBetween, type IsoDate } from '@devzone/shared-kernel';

/**
 * The dates an enterprise committed to in its 承诺书 (承诺×年×月开工、竣工、投产)
 * are part of the commitment: a date missed by more than the zone's grace period
 * gets a warning, and missed by more than its record period a 一般 credit record
 * (each once per milestone). A milestone reached late but before a step is taken
 * stops it; a suspended or terminated project is not pursued.
 */
export const MILESTONES = ['start', 'completion', 'production'] as const;
export type Milestone = (typeof MILESTONES)[number];
export const MILESTONE_ZH: Record<Milestone, string> = COMMITTED_MILESTONE_ZH;

export type MissLevel = 'warning' | 'record';

/** Lifecycle stages (project-intake's) at or after each milestone. */
const REACHED: Record<Milestone, string[]> = {
  start: ['UNDER_CONSTRUCTION', 'COMPLETED', 'IN_PRODUCTION', 'FULL_PRODUCTION'],
  completion: ['COMPLETED', 'IN_PRODUCTION', 'FULL_PRODUCTION'],
  production: ['IN_PRODUCTION', 'FULL_PRODUCTION'],
};

export const milestoneReached = (stage: string, milestone: Milestone) => REACHED[milestone].includes(stage);

export interface MissFinding {
  milestone: Milestone;
  level: MissLevel;
  committedOn: IsoDate;
  daysLate: number;
}

/**
 * What the check must raise now: for each milestone past its committed date and not
 * reached, the level it has come to and not yet been raised. Lateness counts from the
 * committed date, or from the 批复 when that came later (`grantedOn`): before the
 * approvals the government, not the enterprise, holds the project up.
 */
export function missedCommittedDates(
  committed: Record<Milestone, IsoDate>,
  stage: string,
  today: IsoDate,
  periods: { graceDays: number; recordDays: number },
  raised: Partial<Record<Milestone, MissLevel>>,
  grantedOn: IsoDate | null = null,
): MissFinding[] {
  if (stage === 'SUSPENDED' || stage === 'TERMINATED') return [];
  const findings: MissFinding[] = [];
  for (const milestone of MILESTONES) {
    const committedOn = committed[milestone];
    if (!committedOn || milestoneReached(stage, milestone)) continue;
    const daysLate = daysBetween(grantedOn && grantedOn > committedOn ? grantedOn : committedOn, today);
    const level: MissLevel | null = daysLate > periods.recordDays ? 'record' : daysLate > periods.graceDays ? 'warning' : null;
    if (!level || raised[milestone] === 'record' || raised[milestone] === level) continue;
    findings.push({ milestone, level, committedOn, daysLate });
  }
  return findings;
}
