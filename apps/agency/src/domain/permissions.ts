import { coversZone, type Principal, type Role } from '@devzone/auth';
import type { TaskStatus } from '@devzone/contracts';
import type { DelegationStatus } from './delegation';
import { AGENT_ACTIONS, decideTask, type AgentAction } from './task.state-machine';

/**
 * Who may call each command of the service: the controller's `@Roles(...)` reads
 * this map, and so do the `actions` answered with each delegation and task, so a
 * button the console shows and the route behind it cannot disagree.
 * Keys: the command route's last path segment (the action's name), or a name for
 * the registry commands.
 */
export const COMMAND_ROLES = {
  /** POST /delegations/:id/assign: a team lead (re)assigns the agent. */
  assign: ['agency-supervisor', 'admin'],
  /** POST /delegations/:id/rating: the enterprise rates, once, after closure. */
  rating: ['enterprise'],
  /** POST /tasks/:id/actions: the delegation's agent (or a team lead) moves a task. */
  actions: ['agency-agent', 'agency-supervisor', 'admin'],
  /** POST /tasks/:id/notes: a note or a blocker, without moving the task. */
  notes: ['agency-agent', 'agency-supervisor', 'admin'],
  /** POST /agents, POST /teams, PUT /settings/zones/:zone: a team lead, in its own zones. */
  addAgent: ['agency-supervisor', 'admin'],
  addTeam: ['agency-supervisor', 'admin'],
  zoneSettings: ['agency-supervisor', 'admin'],
} as const satisfies Record<string, readonly Role[]>;
export type Command = keyof typeof COMMAND_ROLES;

/** The command's route admits this caller's role. */
export const mayCall = (p: Principal, command: Command): boolean => (COMMAND_ROLES[command] as readonly Role[]).includes(p.role);

/**
 * Who reaches a delegation (and its tasks): admins and province managers every
 * one; an enterprise its own projects' (by credit code); an agent those assigned
 * to it now; team leads, officers and zone managers their zones'. Anyone else's is 404.
 */
export function seesDelegation(p: Principal, d: { zoneCode: string; agentId: string | null }, creditCode: string | null): boolean {
  if (p.role === 'enterprise') return !!p.creditCode && p.creditCode === creditCode;
  if (p.role === 'agency-agent') return d.agentId === p.sub;
  return coversZone(p, d.zoneCode);
}

/** The commands on a delegation, by their route's last path segment. */
export const DELEGATION_ACTIONS = ['assign', 'rating'] as const;
export type DelegationAction = (typeof DELEGATION_ACTIONS)[number];

/** What a delegation's actions depend on. */
export interface DelegationFacts {
  status: DelegationStatus;
  zoneCode: string;
  agentId: string | null;
  rating: number | null;
}

/**
 * What the caller may do to a delegation now: `assign` (a team lead of its zone,
 * while it is open), `rating` (its enterprise, once it is closed and not yet rated).
 * `creditCode` is the project's enterprise (null when unknown).
 */
export function delegationActions(p: Principal, d: DelegationFacts, creditCode: string | null): DelegationAction[] {
  if (!seesDelegation(p, d, creditCode)) return [];
  const actions: DelegationAction[] = [];
  if (mayCall(p, 'assign') && d.status === 'OPEN') actions.push('assign');
  if (mayCall(p, 'rating') && d.status === 'CLOSED' && d.rating === null) actions.push('rating');
  return actions;
}

/** The commands on a task: the `action` values of POST /tasks/:id/actions, and `notes`. */
export type TaskAction = AgentAction | 'notes';
export const TASK_ACTIONS: readonly TaskAction[] = [...AGENT_ACTIONS, 'notes'];

/**
 * What the caller may do to a task now: each agent action the task's state
 * machine allows from its status (task.state-machine.ts), and `notes`, for the
 * delegation's agent, a team lead of its zone or an admin. Tasks are reached
 * without the enterprise (an enterprise never works on a task).
 */
export function taskActions(p: Principal, task: { status: TaskStatus }, d: { zoneCode: string; agentId: string | null }): TaskAction[] {
  if (!seesDelegation(p, d, null)) return [];
  const actions: TaskAction[] = mayCall(p, 'actions') ? AGENT_ACTIONS.filter((a) => decideTask(task.status, a).allowed) : [];
  if (mayCall(p, 'notes')) actions.push('notes');
  return actions;
}
