import type { Changed } from './query';

/**
 * What each kind of command changes, named once: the object, its lists, and
 * what the same service shows of it elsewhere (a path stands for everything
 * below it). Other services learn of a change through events, a moment later:
 * their queries are asked again too, and show it once it has arrived.
 */

/** A project command (reports, suspend, resume, terminate): the project, its lists and timeline, its case. */
export const projectChanges = (projectId: string): Changed[] => [
  ['project-intake', '/projects'],
  ['project-intake', '/figures'],
  ['commitment-approval', `/projects/${projectId}`],
];

/** A case or item command: the case (by id and by project), the cases, the queue, the credit records; the project it moves. */
export const caseChanges = (kase: { id: string; projectId: string }): Changed[] => [
  ['commitment-approval', '/cases'],
  ['commitment-approval', `/projects/${kase.projectId}`],
  ['commitment-approval', '/queue'],
  ['commitment-approval', '/enterprises'],
  ['project-intake', `/projects/${kase.projectId}`],
];

/** A land command on a project: its land, the plots and their matches; the project it moves. */
export const landChanges = (projectId: string): Changed[] => [
  ['standard-land', `/projects/${projectId}`],
  ['standard-land', '/plots'],
  ['project-intake', `/projects/${projectId}`],
];

/** A delegation or task command: the delegation (by id and by project), its progress, the worklists and team loads. */
export const delegationChanges = (projectId: string): Changed[] => [
  ['agency', '/delegations'],
  ['agency', `/projects/${projectId}`],
  ['agency', '/agents'],
  ['agency', '/teams'],
  ['agency', '/tasks'],
];
