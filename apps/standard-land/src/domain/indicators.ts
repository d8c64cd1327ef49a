import { INDICATOR_NAMES_ZH } from '@devzone/contracts';
/**
 * 标准地 control indicators (domain.md §3): what each one measures, its unit,
 * whether more is better, and when it is checked.
 */
export type CheckStage = 'completion' | 'full-production';

export interface IndicatorDefinition {
  code: string;
  nameZh: string;
  unit: string;
  defaultStage: CheckStage;
}

export const INDICATORS: Record<string, IndicatorDefinition> = {
  'investment-intensity': { code: 'investment-intensity', nameZh: INDICATOR_NAMES_ZH['investment-intensity'], unit: '万元/亩', defaultStage: 'completion' },
  'floor-area-ratio': { code: 'floor-area-ratio', nameZh: INDICATOR_NAMES_ZH['floor-area-ratio'], unit: 'ratio', defaultStage: 'completion' },
  'building-coverage': { code: 'building-coverage', nameZh: INDICATOR_NAMES_ZH['building-coverage'], unit: '%', defaultStage: 'completion' },
  'admin-land-share': { code: 'admin-land-share', nameZh: INDICATOR_NAMES_ZH['admin-land-share'], unit: '%', defaultStage: 'completion' },
  'green-ratio': { code: 'green-ratio', nameZh: INDICATOR_NAMES_ZH['green-ratio'], unit: '%', defaultStage: 'completion' },
  'tax-per-mu': { code: 'tax-per-mu', nameZh: INDICATOR_NAMES_ZH['tax-per-mu'], unit: '万元/亩·年', defaultStage: 'full-production' },
  'output-per-mu': { code: 'output-per-mu', nameZh: INDICATOR_NAMES_ZH['output-per-mu'], unit: '万元/亩·年', defaultStage: 'full-production' },
  'value-added-per-energy': { code: 'value-added-per-energy', nameZh: INDICATOR_NAMES_ZH['value-added-per-energy'], unit: '万元/吨标煤', defaultStage: 'full-production' },
  'value-added-per-emission': { code: 'value-added-per-emission', nameZh: INDICATOR_NAMES_ZH['value-added-per-emission'], unit: '万元/吨', defaultStage: 'full-production' },
  'rd-intensity': { code: 'rd-intensity', nameZh: INDICATOR_NAMES_ZH['rd-intensity'], unit: '%', defaultStage: 'full-production' },
};

export type Comparator = 'gte' | 'lte' | 'range';

/** One indicator of a plot or an agreement: the rule the project must meet. */
export interface IndicatorTarget {
  code: string;
  unit: string;
  comparator: Comparator;
  /** For gte and lte. */
  target?: number;
  /** For range. */
  min?: number;
  max?: number;
  stage: CheckStage;
}

export interface Measurement {
  code: string;
  value: number;
  unit: string;
}

export interface IndicatorResult {
  code: string;
  nameZh: string;
  unit: string;
  comparator: Comparator;
  target: number | { min: number; max: number };
  measured: number;
  passed: boolean;
  /** How far from the target, in the indicator's unit (0 when passed). */
  shortfall: number;
  /** The shortfall as a percentage of the (violated) target, 2 decimals. */
  shortfallPercent: number;
}

export class IndicatorError extends Error {
  override readonly name = 'IndicatorError';
  constructor(
    readonly code: string,
    readonly zh: string,
    readonly en: string,
  ) {
    super(en);
  }
}

const round = (x: number, places: number) => Math.round(x * 10 ** places) / 10 ** places;

export function validateTarget(t: IndicatorTarget): void {
  const def = INDICATORS[t.code];
  if (!def) throw new IndicatorError(t.code, `未知指标 ${t.code}`, `unknown indicator ${t.code}`);
  if (t.unit !== def.unit) throw new IndicatorError(t.code, `${def.nameZh}的单位应为 ${def.unit}，不是 ${t.unit}`, `${t.code} is measured in ${def.unit}, not ${t.unit}`);
  if (t.comparator === 'range') {
    if (t.min === undefined || t.max === undefined || t.min > t.max) throw new IndicatorError(t.code, `${def.nameZh}的区间应有 min ≤ max`, `${t.code}: a range needs min ≤ max`);
  } else if (t.target === undefined || !Number.isFinite(t.target) || t.target < 0) {
    throw new IndicatorError(t.code, `${def.nameZh}须有非负目标值`, `${t.code}: a non-negative target is required`);
  }
}

/** Checks one measurement against its target. A missing or mis-unit measurement is an error, never a pass. */
export function evaluate(t: IndicatorTarget, m: Measurement | undefined): IndicatorResult {
  validateTarget(t);
  const def = INDICATORS[t.code];
  if (!m) throw new IndicatorError(t.code, `缺少${def.nameZh}的实测值`, `no measurement of ${t.code}`);
  if (m.unit !== t.unit) throw new IndicatorError(t.code, `${def.nameZh}的实测值单位应为 ${t.unit}，不是 ${m.unit}`, `${t.code} must be measured in ${t.unit}, not ${m.unit}`);
  if (!Number.isFinite(m.value) || m.value < 0) throw new IndicatorError(t.code, `${def.nameZh}的实测值应为非负数`, `${t.code}: the measurement must be a non-negative number`);
  const { target = 0, min = 0, max = 0 } = t; // present: validateTarget checked them
  let shortfall = 0;
  let reference = 0;
  if (t.comparator === 'gte') {
    reference = target;
    shortfall = Math.max(0, target - m.value);
  } else if (t.comparator === 'lte') {
    reference = target;
    shortfall = Math.max(0, m.value - target);
  } else if (m.value < min) {
    reference = min;
    shortfall = min - m.value;
  } else if (m.value > max) {
    reference = max;
    shortfall = m.value - max;
  }
  shortfall = round(shortfall, 4);
  return {
    code: t.code,
    nameZh: def.nameZh,
    unit: t.unit,
    comparator: t.comparator,
    target: t.comparator === 'range' ? { min, max } : target,
    measured: m.value,
    passed: shortfall === 0,
    shortfall,
    shortfallPercent: shortfall === 0 || reference === 0 ? 0 : round((shortfall / reference) * 100, 2),
  };
}

/** The targets of one check stage against the measurements; every target needs its measurement. */
export function checkStage(targets: IndicatorTarget[], stage: CheckStage, measurements: Measurement[]): IndicatorResult[] {
  const known = new Set(targets.map((t) => t.code));
  for (const m of measurements) {
    if (!INDICATORS[m.code]) throw new IndicatorError(m.code, `未知指标 ${m.code}`, `unknown indicator ${m.code}`);
    if (!known.has(m.code)) throw new IndicatorError(m.code, `协议未约定指标 ${m.code}`, `the agreement has no indicator ${m.code}`);
  }
  return targets.filter((t) => t.stage === stage).map((t) => evaluate(t, measurements.find((m) => m.code === t.code)));
}
