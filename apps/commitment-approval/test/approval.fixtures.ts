import { randomUUID } from 'node:crypto';
import { ProjectSigned, type ProjectSignedV1 } from '@devzone/contracts';
import { addDays, chinaDate } from '@devzone/shared-kernel';
import { projectSignedPayload, publishAs } from '@devzone/testing';

export const signedPayload = projectSignedPayload;

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
