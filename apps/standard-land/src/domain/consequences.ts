import { addDays, daysBetween, type IsoDate } from '@devzone/shared-kernel';
import { productFen, shareFen, type Fen } from './money';
import type { IndicatorResult } from './indicators';

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
  rectifyDays: number;
  /** Per indicator code; `default` applies to the others. */
  formulas: Record<string, PenaltyFormula>;
  /** Cap on the total, as a share of the land price (basis points). */
  capBasisPoints?: number;
  /** 闲置土地: fee (basis points of the land price) a year after the agreed start without construction; recovery after two. */
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

export type IdleLevel = 'none' | 'fee' | 'recovery';

/** The same calendar date n years later (29 February → 1 March in a common year). */
export function addYears(date: IsoDate, years: number): IsoDate {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return d.toISOString().slice(0, 10);
}

/** 闲置土地 (国土资源部令第53号): past the agreed start without construction: a fee after one year, recovery after two. */
export function idleLand(agreedStart: IsoDate, actualStart: IsoDate | null, today: IsoDate, terms: BreachTerms, landPriceFen: Fen): { level: IdleLevel; daysIdle: number; feeFen: Fen } {
  if (actualStart) return { level: 'none', daysIdle: 0, feeFen: 0 };
  const daysIdle = Math.max(0, daysBetween(agreedStart, today));
  const fee = shareFen(landPriceFen, terms.idle.feeBasisPoints);
  if (today >= addYears(agreedStart, terms.idle.recoverAfterYears)) return { level: 'recovery', daysIdle, feeFen: fee };
  if (today >= addYears(agreedStart, terms.idle.feeAfterYears)) return { level: 'fee', daysIdle, feeFen: fee };
  return { level: 'none', daysIdle, feeFen: 0 };
}

export type Trend = 'on-track' | 'watch' | 'at-risk';

/** Early warning from interim figures: at-risk when failing now, watch when passing by less than `margin` (share of the target). */
export function trend(result: IndicatorResult, margin = 0.1): Trend {
  if (!result.passed) return 'at-risk';
  if (typeof result.target !== 'number' || result.target === 0) return 'on-track';
  const slack = result.comparator === 'lte' ? result.target - result.measured : result.measured - result.target;
  return slack < result.target * margin ? 'watch' : 'on-track';
}
