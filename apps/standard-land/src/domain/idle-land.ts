import type { IdleLandCase } from '@devzone/contracts';
import { addDays, daysBetween, type IsoDate } from '@devzone/shared-kernel';
import { addYears, type BreachTerms } from './consequences';
import { shareFen, type Fen } from './money';

/**
 * 闲置土地 (闲置土地处置办法, 国土资源部令第53号, 2012), for 出让 land (标准地 and ordinary grants):
 * - §2 case 1 'not-started': not started one year after the agreed start date;
 * - §2 case 2 'stalled': started, but less than 1/3 of the planned floor area built or
 *   less than 25% of the total investment made, and construction stopped for one year;
 * - §8: delays the government caused (planning changes, land not delivered, military or
 *   heritage issues …) do not count: exempt days stop the clock and move the deadlines;
 * - §14: a fee (up to 20% of the land price) after one year idle, recovery without
 *   compensation after two.
 * "One year" is the same calendar date a year later (addYears: 29 February → 1 March).
 */
export type IdleLevel = 'none' | 'fee' | 'recovery';

export const EXEMPTION_CAUSES = ['planning-change', 'land-not-delivered', 'military-or-heritage', 'other-government'] as const;
export type ExemptionCause = (typeof EXEMPTION_CAUSES)[number];
export const EXEMPTION_CAUSE_ZH: Record<ExemptionCause, string> = {
  'planning-change': '规划调整',
  'land-not-delivered': '未按约定交付土地',
  'military-or-heritage': '军事管制、文物保护',
  'other-government': '其他政府原因',
};

/** A government-caused delay (§8), both ends included; `to` null: still open. */
export interface Exemption {
  from: IsoDate;
  to: IsoDate | null;
}

/** A construction progress report: cumulative figures on a date. */
export interface ProgressReport {
  reportedOn: IsoDate;
  builtFloorAreaM2: number;
  /** 已完成投资, 万元 */
  investmentMade: number;
}

export type IdleTerms = BreachTerms['idle'];

/**
 * Distinct days from `since` to `today` (both included) that fall within an exemption;
 * an open exemption (or one ending later) counts up to today, so the clock stays stopped.
 */
export function exemptDays(exemptions: Exemption[], since: IsoDate, today: IsoDate): number {
  const spans = exemptions
    .map((e) => ({ from: e.from > since ? e.from : since, to: e.to === null || e.to > today ? today : e.to }))
    .filter((s) => s.from <= s.to)
    .sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  let days = 0;
  let coveredTo: IsoDate | null = null;
  for (const s of spans) {
    const from: IsoDate = coveredTo && s.from <= coveredTo ? addDays(coveredTo, 1) : s.from;
    if (from > s.to) continue;
    days += daysBetween(from, s.to) + 1;
    coveredTo = s.to;
  }
  return days;
}

/**
 * When the clock of case 2 starts: the date of the last report whose figures rose
 * (either one) over the report before it — the first report is compared with
 * nothing built and nothing invested — or the start of construction if none rose.
 */
export function lastIncrease(reports: ProgressReport[], actualStart: IsoDate): IsoDate {
  const ordered = [...reports].sort((a, b) => (a.reportedOn < b.reportedOn ? -1 : a.reportedOn > b.reportedOn ? 1 : 0));
  let previous = { builtFloorAreaM2: 0, investmentMade: 0 };
  let last = actualStart;
  for (const r of ordered) {
    if (r.builtFloorAreaM2 > previous.builtFloorAreaM2 || r.investmentMade > previous.investmentMade) last = r.reportedOn > last ? r.reportedOn : last;
    previous = r;
  }
  return last;
}

/**
 * Case 2's thresholds on the latest figures: under 1/3 of the planned floor area
 * (where the project has a floor-area-ratio target) or under 25% of the total
 * investment (where known). Neither known: undecided (false).
 */
export function belowStalledThresholds(latest: ProgressReport, plannedFloorAreaM2: number | null, totalInvestment: number | null): boolean {
  const area = plannedFloorAreaM2 !== null && plannedFloorAreaM2 > 0 && latest.builtFloorAreaM2 * 3 < plannedFloorAreaM2;
  const investment = totalInvestment !== null && totalInvestment > 0 && latest.investmentMade * 4 < totalInvestment;
  return area || investment;
}

export interface IdleInput {
  agreedStart: IsoDate;
  actualStart: IsoDate | null;
  reports: ProgressReport[];
  /** Plot area (m²) × the floor-area-ratio target; null without one. */
  plannedFloorAreaM2: number | null;
  /** 总投资, 万元; null when unknown. */
  totalInvestment: number | null;
  exemptions: Exemption[];
  terms: IdleTerms;
  landPriceFen: Fen;
}

export interface IdleAssessment {
  case: IdleLandCase | null;
  level: IdleLevel;
  /** Where the idle clock starts: the agreed start (case 1) or the last increase (case 2). */
  clockFrom: IsoDate | null;
  exemptDays: number;
  /** Days idle, without the exempt ones. */
  daysIdle: number;
  feeFrom: IsoDate | null;
  recoveryFrom: IsoDate | null;
  feeFen: Fen;
}

const NOT_IDLE: IdleAssessment = { case: null, level: 'none', clockFrom: null, exemptDays: 0, daysIdle: 0, feeFrom: null, recoveryFrom: null, feeFen: 0 };

/** Is the land idle on `today`, by which case, and how far along (fee, recovery)? */
export function assessIdleLand(input: IdleInput, today: IsoDate): IdleAssessment {
  let idleCase: IdleLandCase;
  let clockFrom: IsoDate;
  if (!input.actualStart) {
    idleCase = 'not-started';
    clockFrom = input.agreedStart;
  } else {
    const latest = [...input.reports].sort((a, b) => (a.reportedOn < b.reportedOn ? -1 : a.reportedOn > b.reportedOn ? 1 : 0)).at(-1);
    if (!latest || !belowStalledThresholds(latest, input.plannedFloorAreaM2, input.totalInvestment)) return NOT_IDLE;
    idleCase = 'stalled';
    clockFrom = lastIncrease(input.reports, input.actualStart);
  }
  const exempt = exemptDays(input.exemptions, clockFrom, today);
  const feeFrom = addDays(addYears(clockFrom, input.terms.feeAfterYears), exempt);
  const recoveryFrom = addDays(addYears(clockFrom, input.terms.recoverAfterYears), exempt);
  const level: IdleLevel = today >= recoveryFrom ? 'recovery' : today >= feeFrom ? 'fee' : 'none';
  return {
    case: idleCase,
    level,
    clockFrom,
    exemptDays: exempt,
    daysIdle: Math.max(0, daysBetween(clockFrom, today) - exempt),
    feeFrom,
    recoveryFrom,
    feeFen: level === 'none' ? 0 : shareFen(input.landPriceFen, input.terms.feeBasisPoints),
  };
}
