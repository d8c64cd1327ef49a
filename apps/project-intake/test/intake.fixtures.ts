/** A registration that passes every rule; tests change one thing at a time. */
export const validRegistration = (overrides: Record<string, unknown> = {}) => ({
  name: '年产5万吨新型建材项目',
  enterprise: { name: '山西示例新材料有限公司', creditCode: '91350100M000100Y43' },
  zoneCode: 'SX-ZGQ',
  industryCode: 'C3021',
  totalInvestment: 52000,
  fixedAssetInvestment: 41000,
  projectedAnnualOutput: 80000,
  landAreaMu: 120,
  usesStandardLand: true,
  wantsFullAgency: true,
  plannedDates: { start: '2027-03-01', completion: '2028-06-30', production: '2028-09-01' },
  signedOn: '2026-11-20',
  threeBatchesRound: '2026年第四批',
  contacts: [{ name: '张伟', mobile: '13800000000', email: 'zhangwei@example.cn' }],
  ...overrides,
});
