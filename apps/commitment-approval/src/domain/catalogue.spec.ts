import { DEFAULT_CATALOGUE_V1 } from '../infrastructure/migrations/data/default-catalogue-v1';
import { DEFAULT_PREREQUISITES_V2 } from '../infrastructure/migrations/1764400200000-approval-procedure';
import { applies, DEFAULT_CATALOGUE, type ProjectProfile } from './catalogue';

const codes = (p: ProjectProfile) => DEFAULT_CATALOGUE.filter((i) => applies(i, p)).map((i) => i.code);

describe('the default catalogue (晋城 model: 28 → 6 / 12 / 10)', () => {
  it('has 28 items: 6 still approved, 12 committable, 10 unified services or cancelled', () => {
    const count = (regimes: string[]) => DEFAULT_CATALOGUE.filter((i) => regimes.includes(i.regime)).length;
    expect(DEFAULT_CATALOGUE).toHaveLength(28);
    expect([count(['approval']), count(['committable']), count(['unified-service', 'cancelled'])]).toEqual([6, 12, 10]);
    expect(new Set(DEFAULT_CATALOGUE.map((i) => i.code)).size).toBe(28);
  });

  it('gives a new factory on ordinary land every land-related item, the EIA form, energy review above 5,000 万元', () => {
    expect(codes({ industryCode: 'C3981', totalInvestment: 52000, landAreaMu: 120, usesStandardLand: false })).toEqual([
      'A01', 'A02', 'A04', 'A05', 'A06', 'C01', 'C02', 'C03', 'C04', 'C05', 'C06', 'C08', 'C09', 'C10', 'C11', 'C12',
    ]);
  });

  it('drops what the regional assessments of 标准地 replace (energy review, soil and water)', () => {
    expect(codes({ industryCode: 'C3981', totalInvestment: 52000, landAreaMu: 120, usesStandardLand: true })).toEqual([
      'A01', 'A02', 'A05', 'A06', 'C01', 'C02', 'C03', 'C04', 'C05', 'C08', 'C09', 'C10', 'C11', 'C12',
    ]);
  });

  it('gives a chemical plant the EIA report and the water permit instead of the form', () => {
    const c = codes({ industryCode: 'C2614', totalInvestment: 3000, landAreaMu: 50, usesStandardLand: true });
    expect(c).toEqual(expect.arrayContaining(['A03', 'C07']));
    expect(c).not.toContain('C05');
    expect(c).not.toContain('A04');
  });

  it('gives a project in existing premises only what does not need land', () => {
    expect(codes({ industryCode: 'I6510', totalInvestment: 800, landAreaMu: 0, usesStandardLand: false })).toEqual(['A01', 'C05', 'C08', 'C12']);
  });

  it('is what the migrations seeded: version 1’s items with version 2’s prerequisites', () => {
    expect(DEFAULT_CATALOGUE).toEqual(DEFAULT_CATALOGUE_V1.map((i) => ({ ...i, prerequisites: DEFAULT_PREREQUISITES_V2[i.code] ?? [] })));
  });
});
