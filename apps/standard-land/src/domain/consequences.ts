import { CHECK_STAGE_NAMES_ZH } from '@devzone/contracts';
import { addDays, type IsoDate, type Message } from '@devzone/shared-kernel';
import { formatYuan, productFen, shareFen, type Fen } from './money';
import type { CheckStage, IndicatorResult } from './indicators';

/**
 * What a failed check costs, per the performance agreement's breach terms
 * (履约监管协议; domain.md §2.2 — the formulas are local, hence configurable):
 * - `shortfall-area-rate`: shortfall × plot area (亩) × rate (fen per unit per 亩);
 * - `land-price-share`: a share of the land price (basis points) per failed indicator;
 * optionally capped at a share of the land price; plus a rectification deadline.
 */
export type PenaltyFormula =
  | { kind: 'shortfall-area-rate'; rateFen: Fen }
  | { kind: 'land-price-share'; basisPoints: number };

export interface BreachTerms {
  /** The rectification period a failed check opens (calendar days). */
  rectifyDays: number;
  /** Per indicator code; `default` applies to the others. */
  formulas: Record<string, PenaltyFormula>;
  /** Cap on the total, as a share of the land price (basis points). */
  capBasisPoints?: number;
  /** 闲置土地 (闲置土地处置办法 §14): fee (basis points of the land price) after a year idle; recovery after two. */
  idle: { feeBasisPoints: number; feeAfterYears: number; recoverAfterYears: number };
}

export const DEFAULT_BREACH_TERMS: BreachTerms = {
  rectifyDays: 365,
  formulas: { default: { kind: 'land-price-share', basisPoints: 500 } },
  capBasisPoints: 3000,
  idle: { feeBasisPoints: 2000, feeAfterYears: 1, recoverAfterYears: 2 },
};

export interface PenaltyLine {
  code: string;
  formula: PenaltyFormula;
  amountFen: Fen;
}

export interface Consequence {
  passed: boolean;
  penaltyFen: Fen;
  lines: PenaltyLine[];
  capped: boolean;
  rectifyBy: IsoDate | null;
}

export function consequence(results: IndicatorResult[], terms: BreachTerms, plotAreaMu: number, landPriceFen: Fen, checkedOn: IsoDate): Consequence {
  const failed = results.filter((r) => !r.passed);
  if (!failed.length) return { passed: true, penaltyFen: 0, lines: [], capped: false, rectifyBy: null };
  const lines = failed.map((r): PenaltyLine => {
    const formula = terms.formulas[r.code] ?? terms.formulas['default'];
    if (!formula) throw new Error(`no penalty formula for ${r.code} and no default`);
    const amountFen = formula.kind === 'shortfall-area-rate' ? productFen(r.shortfall, plotAreaMu, formula.rateFen) : shareFen(landPriceFen, formula.basisPoints);
    return { code: r.code, formula, amountFen };
  });
  const total = lines.reduce((sum, l) => sum + l.amountFen, 0);
  const cap = terms.capBasisPoints === undefined ? Infinity : shareFen(landPriceFen, terms.capBasisPoints);
  return { passed: false, penaltyFen: Math.min(total, cap), lines, capped: total > cap, rectifyBy: addDays(checkedOn, terms.rectifyDays) };
}

/** The same calendar date n years later (29 February → 1 March in a common year). */
export function addYears(date: IsoDate, years: number): IsoDate {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return d.toISOString().slice(0, 10);
}

// ── The order of consequences (履约监管协议; domain.md §7): rectification before penalty ──

/**
 * One check stage of an agreement, as a case: the first check either passes, or
 * opens a rectification period; within it one re-check either passes (closed, no
 * penalty) or fails (the penalty is assessed now, from the re-check's figures);
 * a period that ends without a passed re-check is penalised from the first check's.
 */
export type CheckState = 'passed' | 'rectifying' | 'recheck-passed' | 'penalty-assessed';

export interface StageCase {
  stage: CheckStage;
  state: CheckState;
  rectifyBy: IsoDate | null;
}

export type CheckOutcome =
  | { kind: 'passed' }
  | { kind: 'rectifying'; rectifyBy: IsoDate; consequence: Consequence }
  | { kind: 'recheck-passed' }
  | { kind: 'penalty'; reason: 'recheck-failed'; consequence: Consequence }
  | { kind: 'refused'; code: 'check-closed' | 'rectification-lapsed'; message: Message };

/** What a check of a stage leads to, given the stage's case so far (null: the first check). */
export function decideCheck(open: StageCase | null, results: IndicatorResult[], terms: BreachTerms, plotAreaMu: number, landPriceFen: Fen, today: IsoDate): CheckOutcome {
  const c = consequence(results, terms, plotAreaMu, landPriceFen, today);
  if (!open) return c.passed ? { kind: 'passed' } : { kind: 'rectifying', rectifyBy: c.rectifyBy ?? today, consequence: c };
  const closed = checkClosed(open, today);
  if (closed) return closed;
  return c.passed ? { kind: 'recheck-passed' } : { kind: 'penalty', reason: 'recheck-failed', consequence: c };
}

/**
 * Why the stage takes no further check today, or null when it does: no case yet (the
 * first check), or a case rectifying within its period (the re-check). A decided case is
 * closed; so is one whose rectification period is over (the lapse is penalised instead).
 */
export function checkClosed(open: StageCase | null, today: IsoDate): Extract<CheckOutcome, { kind: 'refused' }> | null {
  if (!open) return null;
  const stageZh = CHECK_STAGE_NAMES_ZH[open.stage];
  if (open.state !== 'rectifying') {
    return { kind: 'refused', code: 'check-closed', message: { zh: `${stageZh}已有结论（${STATE_ZH[open.state]}），不再核验`, en: `the ${open.stage} check is decided (${open.state})` } };
  }
  if (open.rectifyBy && today > open.rectifyBy) {
    return {
      kind: 'refused',
      code: 'rectification-lapsed',
      message: { zh: `${stageZh}整改期限已于 ${open.rectifyBy} 届满，复核不再计入，违约金按逾期核定`, en: `the rectification period ended on ${open.rectifyBy}: the penalty is assessed for the lapse` },
    };
  }
  return null;
}

/** A rectification period over (the deadline day itself still counts) without a passed re-check. */
export function rectificationLapsed(open: Pick<StageCase, 'state' | 'rectifyBy'>, today: IsoDate): boolean {
  return open.state === 'rectifying' && open.rectifyBy !== null && today > open.rectifyBy;
}

const STATE_ZH: Record<CheckState, string> = { passed: '通过', rectifying: '整改中', 'recheck-passed': '复核通过', 'penalty-assessed': '已核定违约金' };

/** How a check reads in the project's land view. */
export function checkStatus(check: { state: CheckState; rectifyBy: IsoDate | null; penaltyFen: Fen }): Message {
  switch (check.state) {
    case 'passed':
      return { zh: '通过', en: 'passed' };
    case 'rectifying':
      return { zh: `整改中，期限至 ${check.rectifyBy}`, en: `rectifying until ${check.rectifyBy}` };
    case 'recheck-passed':
      return { zh: '复核通过', en: 're-check passed' };
    case 'penalty-assessed':
      return { zh: `已核定违约金 ${formatYuan(check.penaltyFen)}`, en: `penalty assessed: ${check.penaltyFen} fen` };
  }
}

// ── Interim reports (before the 达产复核) ──

export type Trend = 'on-track' | 'watch' | 'at-risk';

/** Early warning from interim figures: at-risk when failing now, watch when passing by less than `margin` (share of the target). */
export function trend(result: IndicatorResult, margin = 0.1): Trend {
  if (!result.passed) return 'at-risk';
  if (typeof result.target !== 'number' || result.target === 0) return 'on-track';
  const slack = result.comparator === 'lte' ? result.target - result.measured : result.measured - result.target;
  return slack < result.target * margin ? 'watch' : 'on-track';
}

export const REPORTING_PERIODS = ['month', 'quarter', 'half-year', 'year'] as const;
export type ReportingPeriod = (typeof REPORTING_PERIODS)[number];

/** The reporting period a China date falls in: '2027-03', '2027-Q1' (the default), '2027-H1', '2027'. */
export function periodOf(date: IsoDate, kind: ReportingPeriod = 'quarter'): string {
  const year = date.slice(0, 4);
  const month = Number(date.slice(5, 7));
  switch (kind) {
    case 'month':
      return date.slice(0, 7);
    case 'quarter':
      return `${year}-Q${Math.ceil(month / 3)}`;
    case 'half-year':
      return `${year}-H${month <= 6 ? 1 : 2}`;
    case 'year':
      return year;
  }
}
