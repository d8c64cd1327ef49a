import type { IndicatorTarget } from './indicators';

/**
 * The default "3+X" indicator template (version 1) for zones without their own:
 * the construction indicators checked at completion and the performance ones at
 * the full-production review. Values are typical of Shanxi industrial zones
 * (domain.md §3 gives the rules, not the numbers; zones set their own).
 */
export const DEFAULT_TEMPLATE: IndicatorTarget[] = [
  { code: 'investment-intensity', unit: '万元/亩', comparator: 'gte', target: 300, stage: 'completion' },
  { code: 'floor-area-ratio', unit: 'ratio', comparator: 'gte', target: 1.0, stage: 'completion' },
  { code: 'building-coverage', unit: '%', comparator: 'gte', target: 30, stage: 'completion' },
  { code: 'admin-land-share', unit: '%', comparator: 'lte', target: 7, stage: 'completion' },
  { code: 'tax-per-mu', unit: '万元/亩·年', comparator: 'gte', target: 20, stage: 'full-production' },
  { code: 'output-per-mu', unit: '万元/亩·年', comparator: 'gte', target: 500, stage: 'full-production' },
  { code: 'value-added-per-energy', unit: '万元/吨标煤', comparator: 'gte', target: 1.5, stage: 'full-production' },
  { code: 'value-added-per-emission', unit: '万元/吨', comparator: 'gte', target: 100, stage: 'full-production' },
  { code: 'rd-intensity', unit: '%', comparator: 'gte', target: 2, stage: 'full-production' },
];
