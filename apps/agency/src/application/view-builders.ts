import type { Principal } from '@devzone/auth';
import { chinaCalendar, type IsoDate } from '@devzone/shared-kernel';
import type { AgencySettingsView, AgentView, TeamView } from '../api/agent.views';
import type { AssignmentView, DelegationView, ProgressView } from '../api/delegation.views';
import type { TaskView } from '../api/task.views';
import { deadlineState } from '../domain/deadlines';
import { delegationActions, taskActions } from '../domain/permissions';
import { taskFinal, TASK_STATUS_ZH, waitingOnEnterprise } from '../domain/task.state-machine';
import type { AgencySettingsOrm, AgentOrm, AssignmentOrm, DelegationOrm, TaskOrm, TeamOrm } from '../infrastructure/orm-entities';

/** The answers of the service, built field by field from the rows (a field added to a view and not here fails to compile). */

export interface TaskContext {
  /** The task's delegation: who works on it. */
  delegation: { zoneCode: string; agentId: string | null };
  today: IsoDate;
  settings: { amberWorkingDays: number; escalateAfterWorkingDays: number };
  principal: Principal;
}

export function taskView(t: TaskOrm, c: TaskContext): TaskView {
  // Only a running clock can be late: an item not yet accepted (受理) or paused has no deadline today.
  const deadline = taskFinal(t.status) || t.clock !== 'running' ? null : deadlineState(chinaCalendar, t.dueOn, c.today, c.settings.amberWorkingDays, c.settings.escalateAfterWorkingDays);
  return {
    id: t.id,
    delegationId: t.delegationId,
    projectId: t.projectId,
    source: t.source,
    sourceCode: t.sourceCode,
    title: t.title,
    department: t.department,
    materials: t.materials,
    plannedStart: t.plannedStart,
    legalLimitDays: t.legalLimitDays,
    promisedLimitDays: t.promisedLimitDays,
    dueOn: t.dueOn,
    clock: t.clock,
    status: t.status,
    statusName: TASK_STATUS_ZH[t.status],
    blocker: t.blocker,
    notes: t.notes.map((n) => ({ on: n.on, by: n.by, text: n.text })),
    deliveredOn: t.deliveredOn,
    overdueRaised: t.overdueRaised,
    escalated: t.escalated,
    waitingOnEnterprise: waitingOnEnterprise(t.status),
    // Absent (undefined, left out of the JSON) unless the clock runs.
    rag: deadline?.rag,
    workingDaysLeft: deadline?.workingDaysLeft,
    overdue: deadline?.overdue,
    escalate: deadline?.escalate,
    workingDaysLate: deadline?.workingDaysLate,
    actions: taskActions(c.principal, t, c.delegation),
  };
}

export function assignmentView(a: AssignmentOrm): AssignmentView {
  return {
    id: a.id,
    delegationId: a.delegationId,
    agentId: a.agentId,
    assignedOn: a.assignedOn,
    assignedAt: a.assignedAt.toISOString(),
    assignedBy: a.assignedBy,
    actorId: a.actorId,
    actorName: a.actorName,
    reason: a.reason,
    endedOn: a.endedOn,
  };
}

export function delegationView(d: DelegationOrm, parts: { assignments: AssignmentOrm[]; tasks: TaskView[]; creditCode: string | null; principal: Principal }): DelegationView {
  return {
    id: d.id,
    projectId: d.projectId,
    zoneCode: d.zoneCode,
    status: d.status,
    scope: d.scope,
    authorizationNumber: d.authorizationNumber,
    openedOn: d.openedOn,
    closedOn: d.closedOn,
    agentId: d.agentId,
    rating: d.rating,
    ratingComment: d.ratingComment,
    ratedOn: d.ratedOn,
    assignments: parts.assignments.map(assignmentView),
    tasks: parts.tasks,
    actions: delegationActions(parts.principal, d, parts.creditCode),
  };
}

/** The enterprise's view: how much is delivered, what waits on it, its agent. */
export function progressView(d: DelegationView, agent: AgentOrm | null): ProgressView {
  const done = d.tasks.filter((t) => t.status === 'DELIVERED').length;
  return {
    projectId: d.projectId,
    delegationId: d.id,
    status: d.status,
    agent: agent ? { id: agent.id, name: agent.name, mobile: agent.mobile } : null,
    tasksTotal: d.tasks.length,
    tasksDone: done,
    percentDone: d.tasks.length ? Math.round((done / d.tasks.length) * 1000) / 10 : 0,
    waitingOnEnterprise: d.tasks.filter((t) => t.waitingOnEnterprise).map((t) => ({ taskId: t.id, title: t.title, status: t.status, statusName: t.statusName, materials: t.materials })),
  };
}

/** An agent's current load: open delegations, their open tasks, the overdue ones among them. */
export interface AgentWorkload {
  openDelegations: number;
  openTasks: number;
  overdueTasks: number;
}
export const NO_WORKLOAD: AgentWorkload = { openDelegations: 0, openTasks: 0, overdueTasks: 0 };

export function agentView(a: AgentOrm, load: AgentWorkload): AgentView {
  return {
    id: a.id,
    name: a.name,
    mobile: a.mobile,
    zoneCode: a.zoneCode,
    teamCode: a.teamCode,
    specialities: a.specialities,
    capacity: a.capacity,
    active: a.active,
    openDelegations: load.openDelegations,
    openTasks: load.openTasks,
    overdueTasks: load.overdueTasks,
  };
}

export function teamView(t: TeamOrm): TeamView {
  return { code: t.code, zoneCode: t.zoneCode, name: t.name, leadAgentId: t.leadAgentId };
}

export function settingsView(s: AgencySettingsOrm): AgencySettingsView {
  return { zoneCode: s.zoneCode, amberWorkingDays: s.amberWorkingDays, escalateAfterWorkingDays: s.escalateAfterWorkingDays };
}
