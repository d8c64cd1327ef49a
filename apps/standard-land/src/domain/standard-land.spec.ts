import { consequence, DEFAULT_BREACH_TERMS, trend, type BreachTerms } from './consequences';
import { DEFAULT_TEMPLATE } from './indicator-template';
import { checkStage, evaluate, IndicatorError, type IndicatorTarget } from './indicators';
import { formatYuan, productFen, shareFen } from './money';
import { matchPlot, movePlot, muToM2, PLOT_TRANSITIONS, publishBlockers, type PlotForMatching } from './plot';
import { REQUIRED_ASSESSMENTS } from '@devzone/contracts';

const gte: IndicatorTarget = { code: 'investment-intensity', unit: '万元/亩', comparator: 'gte', target: 300, stage: 'completion' };
const lte: IndicatorTarget = { code: 'admin-land-share', unit: '%', comparator: 'lte', target: 7, stage: 'completion' };
const range: IndicatorTarget = { code: 'floor-area-ratio', unit: 'ratio', comparator: 'range', min: 1.2, max: 2.5, stage: 'completion' };
const m = (t: IndicatorTarget, value: number, unit = t.unit) => ({ code: t.code, value, unit });
const error = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    if (e instanceof IndicatorError) return e;
    throw e;
  }
  throw new Error('expected an IndicatorError');
};

describe('indicator checks', () => {
  it.each([
    ['≥: above', gte, 320, true, 0, 0],
    ['≥: exactly on target passes', gte, 300, true, 0, 0],
    ['≥: below', gte, 276.5, false, 23.5, 7.83],
    ['≤: below', lte, 5, true, 0, 0],
    ['≤: exactly on target passes', lte, 7, true, 0, 0],
    ['≤: above', lte, 8.4, false, 1.4, 20],
    ['range: inside', range, 1.8, true, 0, 0],
    ['range: on the lower bound passes', range, 1.2, true, 0, 0],
    ['range: on the upper bound passes', range, 2.5, true, 0, 0],
    ['range: below', range, 0.9, false, 0.3, 25],
    ['range: above', range, 3, false, 0.5, 20],
  ] as const)('%s', (_name, target, value, passed, shortfall, percent) => {
    expect(evaluate(target, m(target, value))).toMatchObject({ passed, shortfall, shortfallPercent: percent, measured: value });
  });

  it('refuses a measurement in the wrong unit, a missing one, a negative one, and unknown indicators', () => {
    expect(error(() => evaluate(gte, m(gte, 300, '元/平方米'))).zh).toBe('固定资产投资强度的实测值单位应为 万元/亩，不是 元/平方米');
    expect(error(() => evaluate(gte, undefined)).zh).toBe('缺少固定资产投资强度的实测值');
    expect(error(() => evaluate(gte, m(gte, -1))).code).toBe('investment-intensity');
    expect(error(() => evaluate({ ...gte, code: 'happiness' }, m(gte, 1))).zh).toBe('未知指标 happiness');
    expect(error(() => evaluate({ ...gte, unit: '%' }, m(gte, 1, '%'))).en).toBe('investment-intensity is measured in 万元/亩, not %');
    expect(error(() => evaluate({ ...range, min: 3, max: 2 }, m(range, 2))).en).toMatch(/min ≤ max/);
  });

  it('checks the indicators of one stage, each needing its measurement', () => {
    const completion = DEFAULT_TEMPLATE.filter((t) => t.stage === 'completion');
    const all = completion.map((t) => ({ code: t.code, unit: t.unit, value: t.comparator === 'lte' ? t.target! - 1 : t.target! + 1 }));
    expect(checkStage(DEFAULT_TEMPLATE, 'completion', all).every((r) => r.passed)).toBe(true);
    expect(error(() => checkStage(DEFAULT_TEMPLATE, 'completion', all.slice(1))).code).toBe('investment-intensity');
    expect(error(() => checkStage(DEFAULT_TEMPLATE, 'completion', [...all, { code: 'smiles', unit: 'x', value: 1 }])).zh).toBe('未知指标 smiles');
  });
});

describe('money in fen', () => {
  it('multiplies shortfall × area × rate as integers, rounding half up once', () => {
    // 23.5 万元/亩 short × 120.5 亩 × 1,000 fen = 2,831,750 fen
    expect(productFen(23.5, 120.5, 1000)).toBe(2_831_750);
    // 0.1 × 0.2 × 1 fen = 0.02 fen → 0; 0.1 × 5 × 1 = 0.5 → 1 (half up), where floats give 0.5000000000000001 or 0.49999…
    expect(productFen(0.1, 0.2, 1)).toBe(0);
    expect(productFen(0.1, 5, 1)).toBe(1);
    expect(productFen(1.0005, 3, 1000)).toBe(3002); // 3001.5 → 3002
  });

  it('takes shares in basis points', () => {
    expect(shareFen(3_600_000_000, 500)).toBe(180_000_000); // 5% of 36,000,000.00 元
    expect(shareFen(1, 5000)).toBe(1); // 0.5 fen rounds up
    expect(shareFen(333, 3333)).toBe(111); // 110.9889
    expect(() => shareFen(1.5, 100)).toThrow(/whole number of fen/);
    expect(formatYuan(180_000_000)).toBe('1,800,000.00 元');
  });
});

describe('consequences of a check', () => {
  const failing = [
    evaluate(DEFAULT_TEMPLATE[4], { code: 'tax-per-mu', unit: '万元/亩·年', value: 12.5 }), // short 7.5
    evaluate(DEFAULT_TEMPLATE[5], { code: 'output-per-mu', unit: '万元/亩·年', value: 520 }), // passes
    evaluate(DEFAULT_TEMPLATE[8], { code: 'rd-intensity', unit: '%', value: 1.2 }), // short 0.8
  ];
  const terms: BreachTerms = {
    ...DEFAULT_BREACH_TERMS,
    formulas: { 'tax-per-mu': { kind: 'shortfall-area-rate', rateFen: 1_000_000 }, default: { kind: 'land-price-share', basisPoints: 200 } },
  };

  it('applies each failed indicator’s formula and gives a rectification deadline', () => {
    const c = consequence(failing, terms, 100, 3_000_000_000, '2030-06-30');
    // tax: 7.5 × 100 亩 × 10,000.00 元 = 7,500,000.00 元; R&D: 2% of 30,000,000.00 元 = 600,000.00 元
    expect(c.lines.map((l) => [l.code, l.amountFen])).toEqual([
      ['tax-per-mu', 750_000_000],
      ['rd-intensity', 60_000_000],
    ]);
    expect(c).toMatchObject({ passed: false, penaltyFen: 810_000_000, capped: false, rectifyBy: '2031-06-30' });
  });

  it('caps the total at a share of the land price', () => {
    const c = consequence(failing, { ...terms, capBasisPoints: 1000 }, 100, 3_000_000_000, '2030-06-30');
    expect(c).toMatchObject({ penaltyFen: 300_000_000, capped: true });
  });

  it('costs nothing when everything passes', () => {
    expect(consequence([failing[1]], terms, 100, 3_000_000_000, '2030-06-30')).toEqual({ passed: true, penaltyFen: 0, lines: [], capped: false, rectifyBy: null });
  });

  it('warns early: at risk when failing now, watch when within 10% of the target', () => {
    expect(trend(failing[0])).toBe('at-risk');
    expect(trend(failing[1])).toBe('watch'); // 520 against 500
    expect(trend(evaluate(DEFAULT_TEMPLATE[5], { code: 'output-per-mu', unit: '万元/亩·年', value: 600 }))).toBe('on-track');
    expect(trend(evaluate(lte, m(lte, 6.5)))).toBe('watch');
  });
});

describe('plots', () => {
  const plot: PlotForMatching = { code: 'P1', zoneCode: 'SX-ZGQ', status: 'AVAILABLE', areaMu: 100, industries: ['C39', 'C35'], indicators: DEFAULT_TEMPLATE };
  const needs = { zoneCode: 'SX-ZGQ', industryCode: 'C3981', landAreaMu: 90, fixedAssetInvestment: 36000, projectedAnnualOutput: 60000 };

  it.each([
    [150, 100_000],
    [1, 666.67],
    [0.3, 200],
    [15, 10_000],
    [100, 66_666.67],
    [120.5, 80_333.33],
    [0.0001, 0.07],
  ])('converts %s 亩 to %s m² exactly (1 亩 = 10000/15 m²)', (mu, m2) => {
    expect(muToM2(mu)).toBe(m2);
  });

  it('matches a plot whose size, industry and intensity fit', () => {
    expect(matchPlot(plot, needs)).toEqual({ matches: true, reasons: [] });
  });

  it('gives every reason a plot does not fit', () => {
    const r = matchPlot({ ...plot, status: 'RESERVED', areaMu: 200, industries: ['C26'] }, { ...needs, fixedAssetInvestment: 20000 });
    expect(r.matches).toBe(false);
    expect(r.reasons.map((x) => x.zh)).toEqual([
      '地块状态：地块已预留给其他项目',
      '面积 200 亩超过用地需求 90 亩的 1.5 倍',
      '行业 C3981 不在准入行业（C26）内',
      '固定资产投资强度 100 万元/亩 未达到 300 万元/亩',
      '亩均产值 300 万元/亩·年 未达到 500 万元/亩·年',
    ]);
  });

  it('is published only when assessed, serviced and given indicators', () => {
    expect(publishBlockers({ assessments: [...REQUIRED_ASSESSMENTS], servicingLevel: '七通一平', indicators: DEFAULT_TEMPLATE })).toEqual([]);
    expect(publishBlockers({ assessments: ['energy'], servicingLevel: 'none', indicators: [] }).map((b) => b.zh)).toEqual([
      '区域评估未完成：区域环境影响评价、洪水影响评价、水土保持、水资源论证、压覆矿产资源评估、地质灾害危险性评估',
      '场地未达到三通一平',
      '未设定控制性指标',
    ]);
  });

  it.each([
    ['PREPARING', 'PUBLISH', 'AVAILABLE'],
    ['PREPARING', 'RESERVE', null],
    ['PREPARING', 'TRANSFER', null],
    ['PREPARING', 'RELEASE', null],
    ['AVAILABLE', 'PUBLISH', null],
    ['AVAILABLE', 'RESERVE', 'RESERVED'],
    ['AVAILABLE', 'TRANSFER', 'TRANSFERRED'],
    ['AVAILABLE', 'RELEASE', null],
    ['RESERVED', 'PUBLISH', null],
    ['RESERVED', 'RESERVE', null],
    ['RESERVED', 'TRANSFER', 'TRANSFERRED'],
    ['RESERVED', 'RELEASE', 'AVAILABLE'],
    ['TRANSFERRED', 'PUBLISH', null],
    ['TRANSFERRED', 'RESERVE', null],
    ['TRANSFERRED', 'TRANSFER', null],
    ['TRANSFERRED', 'RELEASE', null],
  ] as const)('plot %s + %s → %s', (status, trigger, next) => {
    const d = movePlot(status, trigger);
    expect(d.allowed ? d.status : null).toBe(next);
    expect(Object.keys(PLOT_TRANSITIONS)).toHaveLength(4);
  });
});
