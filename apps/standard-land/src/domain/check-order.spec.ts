import { checkStatus, DEFAULT_BREACH_TERMS, decideCheck, periodOf, rectificationLapsed, type BreachTerms, type StageCase } from './consequences';
import { DEFAULT_TEMPLATE } from './indicator-template';
import { evaluate } from './indicators';

const [tax, output, rd] = [DEFAULT_TEMPLATE[4], DEFAULT_TEMPLATE[5], DEFAULT_TEMPLATE[8]];
const measure = (taxValue: number, rdValue: number) => [
  evaluate(tax, { code: tax.code, unit: tax.unit, value: taxValue }),
  evaluate(output, { code: output.code, unit: output.unit, value: 520 }),
  evaluate(rd, { code: rd.code, unit: rd.unit, value: rdValue }),
];
const terms: BreachTerms = {
  ...DEFAULT_BREACH_TERMS,
  formulas: { 'tax-per-mu': { kind: 'shortfall-area-rate', rateFen: 1_000_000 }, default: { kind: 'land-price-share', basisPoints: 200 } },
};
const PRICE = 3_000_000_000;
const AREA = 100;

describe('the order of consequences: rectification before penalty', () => {
  const failing = measure(12.5, 1.2); // tax short 7.5, R&D short 0.8
  const first = decideCheck(null, failing, terms, AREA, PRICE, '2030-06-30');
  const open: StageCase = { stage: 'full-production', state: 'rectifying', rectifyBy: '2031-06-30' };

  it('opens a rectification period on the first failure and assesses nothing yet', () => {
    expect(first).toMatchObject({ kind: 'rectifying', rectifyBy: '2031-06-30' });
    // What the failure would cost, kept for a lapse: 7.5 × 100 亩 × 10,000.00 元 + 2% of 30,000,000.00 元.
    expect(first.kind === 'rectifying' && first.consequence.penaltyFen).toBe(810_000_000);
  });

  it('takes the rectification period from the agreement’s terms', () => {
    expect(decideCheck(null, failing, { ...terms, rectifyDays: 180 }, AREA, PRICE, '2030-06-30')).toMatchObject({ kind: 'rectifying', rectifyBy: '2030-12-27' });
  });

  it('assesses the penalty when the re-check fails, from the re-check’s figures', () => {
    const recheck = decideCheck(open, measure(18, 2.1), terms, AREA, PRICE, '2031-05-20'); // tax still short 2; R&D met
    expect(recheck.kind).toBe('penalty');
    if (recheck.kind !== 'penalty') return;
    expect(recheck.reason).toBe('recheck-failed');
    expect(recheck.consequence.lines.map((l) => [l.code, l.amountFen])).toEqual([['tax-per-mu', 200_000_000]]); // 2 × 100 亩 × 10,000.00 元
    expect(recheck.consequence.penaltyFen).toBe(200_000_000);
  });

  it('closes the case without a penalty when the re-check passes', () => {
    expect(decideCheck(open, measure(21, 2.1), terms, AREA, PRICE, '2031-06-30')).toEqual({ kind: 'recheck-passed' }); // the deadline day still counts
  });

  it('lets a period lapse after its last day, and then takes no re-check', () => {
    expect(rectificationLapsed(open, '2031-06-30')).toBe(false);
    expect(rectificationLapsed(open, '2031-07-01')).toBe(true);
    expect(decideCheck(open, measure(21, 2.1), terms, AREA, PRICE, '2031-07-01')).toMatchObject({ kind: 'refused', code: 'rectification-lapsed' });
  });

  it('decides a stage once', () => {
    for (const state of ['passed', 'recheck-passed', 'penalty-assessed'] as const) {
      const d = decideCheck({ ...open, state }, measure(21, 2.1), terms, AREA, PRICE, '2031-01-01');
      expect(d).toMatchObject({ kind: 'refused', code: 'check-closed' });
    }
    expect(rectificationLapsed({ ...open, state: 'penalty-assessed' }, '2040-01-01')).toBe(false);
  });

  it('passes a first check that meets every target', () => {
    expect(decideCheck(null, measure(21, 2.1), terms, AREA, PRICE, '2030-06-30')).toEqual({ kind: 'passed' });
  });

  it('says where each check stands', () => {
    expect(checkStatus({ state: 'rectifying', rectifyBy: '2031-06-30', penaltyFen: 0 })).toEqual({ zh: '整改中，期限至 2031-06-30', en: 'rectifying until 2031-06-30' });
    expect(checkStatus({ state: 'recheck-passed', rectifyBy: '2031-06-30', penaltyFen: 0 }).zh).toBe('复核通过');
    expect(checkStatus({ state: 'penalty-assessed', rectifyBy: '2031-06-30', penaltyFen: 200_000_000 })).toEqual({ zh: '已核定违约金 2,000,000.00 元', en: 'penalty assessed: 200000000 fen' });
    expect(checkStatus({ state: 'passed', rectifyBy: null, penaltyFen: 0 }).en).toBe('passed');
  });
});

describe('interim reporting periods', () => {
  it.each([
    ['2027-01-01', 'quarter', '2027-Q1'],
    ['2027-03-31', 'quarter', '2027-Q1'],
    ['2027-04-01', 'quarter', '2027-Q2'],
    ['2027-12-31', 'quarter', '2027-Q4'],
    ['2027-07-15', 'month', '2027-07'],
    ['2027-06-30', 'half-year', '2027-H1'],
    ['2027-07-01', 'half-year', '2027-H2'],
    ['2027-07-01', 'year', '2027'],
  ] as const)('%s falls in %s %s', (date, kind, period) => {
    expect(periodOf(date, kind)).toBe(period);
  });

  it('groups by quarter by default', () => {
    expect(periodOf('2028-02-29')).toBe('2028-Q1');
  });
});
