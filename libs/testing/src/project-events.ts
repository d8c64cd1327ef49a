import type { ProjectSignedV1 } from '@devzone/contracts';

/** A project.signed payload as project-intake publishes it (山西 综改区, 标准地, one contact), for the services' tests. */
export const projectSignedPayload = (overrides: Partial<ProjectSignedV1> = {}): ProjectSignedV1 => ({
  projectCode: '2611-140100-04-01-00123X',
  name: '年产5万吨新型建材项目',
  enterprise: { name: '山西示例新材料有限公司', creditCode: '91350100M000100Y43' },
  zoneCode: 'SX-ZGQ',
  industryCode: 'C3021',
  totalInvestment: 52000,
  fixedAssetInvestment: 41000,
  projectedAnnualOutput: 80000,
  landAreaMu: 120,
  usesStandardLand: true,
  wantsFullAgency: false,
  projectType: 'capital-construction',
  plannedDates: { start: '2027-03-01', completion: '2028-06-30', production: '2028-09-01' },
  signedOn: '2026-11-20',
  contacts: [{ name: '张伟', mobile: '13800000000' }],
  ...overrides,
});
