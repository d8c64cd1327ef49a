import { REGIONAL_ASSESSMENTS, REQUIRED_ASSESSMENTS } from '@devzone/contracts';
import type { Message } from '@devzone/shared-kernel';
import { evaluate, type IndicatorTarget } from './indicators';

/** A 标准地 plot: prepared (assessments, servicing), published, reserved for a project, transferred. */
export type PlotStatus = 'PREPARING' | 'AVAILABLE' | 'RESERVED' | 'TRANSFERRED';
export type PlotTrigger = 'PUBLISH' | 'RESERVE' | 'RELEASE' | 'TRANSFER';


export const SERVICING_LEVELS = ['none', '三通一平', '五通一平', '七通一平', '九通一平'] as const;
export type ServicingLevel = (typeof SERVICING_LEVELS)[number];

/**
 * 1 亩 = 10000/15 m² exactly (1 公顷 = 15 亩). m² = round(亩 × 10000 / 15, 2), computed on
 * integers: 亩 carry at most 4 decimals (numeric(12,4)), so with u = 亩 × 10⁴ the area in
 * hundredths of a m² is u × 100 / 15 = u × 20 / 3, rounded half up once. 150 亩 → 100000 m²
 * (a factor of 666.67 gave 100000.5), 1 亩 → 666.67, 0.3 亩 → 200.
 */
export function muToM2(mu: number): number {
  if (!Number.isFinite(mu) || mu < 0) throw new Error(`not an area in 亩: ${mu}`);
  const units = BigInt(Math.round(mu * 10_000));
  const hundredths = (units * 40n + 3n) / 6n; // round half up of units × 20 / 3
  return Number(hundredths) / 100;
}

export const PLOT_TRANSITIONS: Record<PlotStatus, Partial<Record<PlotTrigger, PlotStatus>>> = {
  PREPARING: { PUBLISH: 'AVAILABLE' },
  AVAILABLE: { RESERVE: 'RESERVED', TRANSFER: 'TRANSFERRED' },
  RESERVED: { RELEASE: 'AVAILABLE', TRANSFER: 'TRANSFERRED' },
  TRANSFERRED: {},
};

const REFUSALS: Record<PlotStatus, Message> = {
  PREPARING: { zh: '地块尚在准备中，未发布', en: 'the plot is still being prepared' },
  AVAILABLE: { zh: '地块可供应，未被预留', en: 'the plot is available, not reserved' },
  RESERVED: { zh: '地块已预留给其他项目', en: 'the plot is reserved' },
  TRANSFERRED: { zh: '地块已出让', en: 'the plot is already transferred' },
};

export function movePlot(status: PlotStatus, trigger: PlotTrigger): { allowed: true; status: PlotStatus } | { allowed: false; reason: Message } {
  const next = PLOT_TRANSITIONS[status][trigger];
  return next ? { allowed: true, status: next } : { allowed: false, reason: REFUSALS[status] };
}

/** What stands in the way of publishing a plot as 标准地 (净地: assessments done, serviced, indicators set). */
export function publishBlockers(plot: { assessments: string[]; servicingLevel: ServicingLevel; indicators: IndicatorTarget[] }): Message[] {
  const missing = REQUIRED_ASSESSMENTS.filter((a) => !plot.assessments.includes(a));
  const blockers: Message[] = [];
  if (missing.length) blockers.push({ zh: `区域评估未完成：${missing.map((a) => REGIONAL_ASSESSMENTS[a]).join('、')}`, en: `regional assessments missing: ${missing.join(', ')}` });
  if (SERVICING_LEVELS.indexOf(plot.servicingLevel) < 1) blockers.push({ zh: '场地未达到三通一平', en: 'the site is not serviced (三通一平)' });
  if (!plot.indicators.length) blockers.push({ zh: '未设定控制性指标', en: 'no control indicators' });
  return blockers;
}

export interface ProjectNeeds {
  zoneCode: string;
  industryCode: string;
  landAreaMu: number;
  fixedAssetInvestment: number;
  projectedAnnualOutput: number;
}

export interface PlotForMatching {
  code: string;
  zoneCode: string;
  status: PlotStatus;
  areaMu: number;
  industries: string[];
  indicators: IndicatorTarget[];
}

/**
 * Does the plot fit the project? Same zone, available, large enough (and not more
 * than half again what it needs), an industry the plot admits, and the indicators
 * that the project's signed figures already decide: investment intensity
 * (fixed-asset investment ÷ plot area) and output per mu (projected output ÷ plot
 * area). The others are committed to in the agreement and checked later.
 */
export function matchPlot(plot: PlotForMatching, p: ProjectNeeds): { matches: boolean; reasons: Message[] } {
  const reasons: Message[] = [];
  if (plot.zoneCode !== p.zoneCode) reasons.push({ zh: '不在项目所在开发区', en: 'another zone' });
  if (plot.status !== 'AVAILABLE') reasons.push({ zh: `地块状态：${REFUSALS[plot.status].zh}`, en: `status ${plot.status}` });
  if (plot.areaMu < p.landAreaMu) reasons.push({ zh: `面积 ${plot.areaMu} 亩小于用地需求 ${p.landAreaMu} 亩`, en: `${plot.areaMu} mu is less than the ${p.landAreaMu} mu needed` });
  if (plot.areaMu > p.landAreaMu * 1.5) reasons.push({ zh: `面积 ${plot.areaMu} 亩超过用地需求 ${p.landAreaMu} 亩的 1.5 倍`, en: `${plot.areaMu} mu is more than 1.5 × the ${p.landAreaMu} mu needed` });
  if (plot.industries.length && !plot.industries.some((prefix) => p.industryCode.startsWith(prefix))) {
    reasons.push({ zh: `行业 ${p.industryCode} 不在准入行业（${plot.industries.join('、')}）内`, en: `industry ${p.industryCode} not admitted (${plot.industries.join(', ')})` });
  }
  const derived: Record<string, number> = {
    'investment-intensity': p.fixedAssetInvestment / plot.areaMu,
    'output-per-mu': p.projectedAnnualOutput / plot.areaMu,
  };
  for (const t of plot.indicators.filter((i) => i.code in derived)) {
    const r = evaluate(t, { code: t.code, unit: t.unit, value: Math.round(derived[t.code] * 100) / 100 });
    if (!r.passed) reasons.push({ zh: `${r.nameZh} ${r.measured} ${r.unit} 未达到 ${r.target} ${r.unit}`, en: `${t.code} ${r.measured} below ${JSON.stringify(r.target)}` });
  }
  return { matches: reasons.length === 0, reasons };
}
