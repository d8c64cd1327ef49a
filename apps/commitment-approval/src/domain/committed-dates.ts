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

/** A committed date the rules refuse, by its request field (`committedDates.start` …). */
export interface CommittedDateProblem {
  field: `committedDates.${Milestone}`;
  zh: string;
  en: string;
}

/** 承诺×年×月开工、竣工、投产: a date the enterprise commits to is not in the past (China's today may be committed). */
export function pastCommittedDate(milestone: Milestone, date: IsoDate, today: IsoDate): CommittedDateProblem | null {
  if (date >= today) return null;
  return { field: `committedDates.${milestone}`, zh: `承诺${MILESTONE_ZH[milestone]}日期不能早于今天（${today}）`, en: `committedDates.${milestone} must not be in the past` };
}

/** The milestones in their order: 开工 ≤ 竣工 ≤ 投产. */
export function committedDateOutOfOrder(milestone: Milestone, dates: Partial<Record<Milestone, IsoDate>>): CommittedDateProblem | null {
  const index = MILESTONES.indexOf(milestone);
  const before = index > 0 ? MILESTONES[index - 1] : null;
  const date = dates[milestone];
  const earlier = before ? dates[before] : undefined;
  if (!before || !date || !earlier || date >= earlier) return null;
  return { field: `committedDates.${milestone}`, zh: `承诺${MILESTONE_ZH[milestone]}日期不能早于承诺${MILESTONE_ZH[before]}日期`, en: `${milestone} must not be before ${before}` };
}

/**
 * What the rules refuse in a 承诺书's dates (the request's 400, one problem per
 * field): a date in the past, or the milestones out of order.
 */
export function committedDatesProblems(dates: Partial<Record<Milestone, IsoDate>>, today: IsoDate): CommittedDateProblem[] {
  return MILESTONES.flatMap((milestone) => {
    const date = dates[milestone];
    const problem = date ? (pastCommittedDate(milestone, date, today) ?? committedDateOutOfOrder(milestone, dates)) : null;
    return problem ? [problem] : [];
  });
}

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
