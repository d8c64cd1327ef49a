import { ACTING_FOR_PROJECTS, OFFICERS, seesProject, type Principal, type Role } from '@devzone/auth';
import type { LifecycleTrigger } from '@devzone/contracts';
import { decide, type LifecycleState } from './lifecycle.state-machine';

/**
 * Who may do what to a project. Each command's roles are declared here once:
 * the controller's `@Roles(...)` reads them (403 for any other role), and so does
 * `projectActions`, which tells the console which commands the caller may take on
 * a project now (`ProjectView.actions`). The two cannot disagree.
 */

/** 登记签约项目 (POST /projects): zone officers and administrators. */
export const REGISTER_PROJECT_ROLES: readonly Role[] = OFFICERS;

/** The commands on a project, each named by its route's last path segment: POST /projects/:id/<action>. */
export const PROJECT_ACTIONS = ['start', 'completion', 'production', 'full-production', 'suspend', 'resume', 'terminate'] as const;
export type ProjectAction = (typeof PROJECT_ACTIONS)[number];

/** The lifecycle triggers people cause (the others are facts other services report). */
export type PersonTrigger = Extract<LifecycleTrigger, 'REPORT_START' | 'REPORT_COMPLETION' | 'REPORT_PRODUCTION' | 'REPORT_FULL_PRODUCTION' | 'SUSPEND' | 'RESUME' | 'TERMINATE'>;

/**
 * Each command: the lifecycle trigger it fires (lifecycle.state-machine.ts decides
 * whether the project's state allows it) and the roles its route admits.
 * Reports (开工、竣工、投产、达产): the enterprise, its agent, the zone's officers and
 * team leads; 暂停、恢复、终止: zone officers. Administrators may do everything.
 */
export const PROJECT_COMMANDS: Readonly<Record<ProjectAction, { trigger: PersonTrigger; roles: readonly Role[] }>> = {
  start: { trigger: 'REPORT_START', roles: ACTING_FOR_PROJECTS },
  completion: { trigger: 'REPORT_COMPLETION', roles: ACTING_FOR_PROJECTS },
  production: { trigger: 'REPORT_PRODUCTION', roles: ACTING_FOR_PROJECTS },
  'full-production': { trigger: 'REPORT_FULL_PRODUCTION', roles: ACTING_FOR_PROJECTS },
  suspend: { trigger: 'SUSPEND', roles: OFFICERS },
  resume: { trigger: 'RESUME', roles: OFFICERS },
  terminate: { trigger: 'TERMINATE', roles: OFFICERS },
};

/** The roles a command's route admits, for `@Roles(...rolesOf('start'))`. */
export const rolesOf = (action: ProjectAction): Role[] => [...PROJECT_COMMANDS[action].roles];

/**
 * The commands `caller` may take on this project now, in PROJECT_ACTIONS order:
 * its role is admitted by the command's route, it reaches the project (an
 * enterprise only its own, staff only their zones' — the check every command
 * makes, 404 otherwise), and the lifecycle allows the command in the project's
 * state, conditions included (ready to start, 对标验收 passed, 标准地 review settled).
 * What only the request can tell (the report's date) is not foreseen here.
 */
export function projectActions(state: LifecycleState, project: { zoneCode: string; creditCode: string }, caller: Principal): ProjectAction[] {
  if (!seesProject(caller, project)) return [];
  return PROJECT_ACTIONS.filter((action) => {
    const command = PROJECT_COMMANDS[action];
    return command.roles.includes(caller.role) && decide(state, command.trigger).allowed;
  });
}
