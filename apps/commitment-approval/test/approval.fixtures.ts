import { randomUUID } from 'node:crypto';
import { ProjectSigned, type ProjectSignedV1 } from '@devzone/contracts';
import { addDays, chinaDate } from '@devzone/shared-kernel';
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

/** Committed dates the rules allow (none in the past, issue 17): counted from today, so the tests do not age. */
const today = chinaDate();
export const COMMITTED_DATES = { start: addDays(today, 91), completion: addDays(today, 578), production: addDays(today, 640) };

/** The 审查意见 every act with legal effect is taken with (issue 17). */
export const OPINION = { opinion: '经审查，材料齐全，符合法定条件，同意。' };
