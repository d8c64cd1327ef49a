import type { ProjectSignedV1 } from '@devzone/contracts';

/** project.signed of the notifications tests' project, with one contact (its account's subject when it has one). */
export const signedProject = (contact: { email: string; mobile: string; userId?: string }, name = '年产5万吨新型建材项目'): ProjectSignedV1 => ({
  projectCode: '2611-140100-04-01-00123X',
  name,
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
  contacts: [{ name: '张伟', mobile: contact.mobile, email: contact.email, ...(contact.userId ? { userId: contact.userId } : {}) }],
});
