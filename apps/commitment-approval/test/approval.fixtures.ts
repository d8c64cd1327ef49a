import { randomUUID } from 'node:crypto';
import { ProjectSigned, type ProjectSignedV1 } from '@devzone/contracts';
import { publishAs } from '@devzone/testing';

export const signedPayload = (overrides: Partial<ProjectSignedV1> = {}): ProjectSignedV1 => ({
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

/** project-intake's part: a project.signed on the project topic. */
export async function signProject(prefix: string, overrides: Partial<ProjectSignedV1> = {}): Promise<string> {
  const projectId = randomUUID();
  await publishAs(`${prefix}project.events`, 'project-intake', [{ definition: ProjectSigned, projectId, payload: signedPayload(overrides) }]);
  return projectId;
}

export const COMMITTED_DATES = { start: '2027-03-01', completion: '2028-06-30', production: '2028-09-01' };
