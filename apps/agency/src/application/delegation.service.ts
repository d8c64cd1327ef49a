import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, In, IsNull, type EntityManager } from 'typeorm';
import {
  AgentAssigned,
  DelegationClosed,
  DelegationOpened,
  ServiceRated,
  TasksPlanned,
  TaskUpdated,
  type Actor,
  type ApprovalCaseOpenedV1,
  type ApprovalCaseOpenedV2,
  type EventEnvelope,
  type ProjectImportedV1,
  type ProjectSignedV1,
} from '@devzone/contracts';
import { actorOf, type Principal } from '@devzone/auth';
import { commandUnit, Outbox, type UnitOfWork } from '@devzone/messaging';
import { lockProject } from '@devzone/persistence';
import { chinaCalendar, chinaDate, DomainError, type IsoDate } from '@devzone/shared-kernel';
import { chooseAgent, reassignReasonProblem } from '../domain/assignment';
import { LAND_TASK, UTILITY_TASKS } from '../domain/deadlines';
import type { DelegationScope } from '../domain/delegation';
import { seesDelegation } from '../domain/permissions';
import { decideTask, taskFinal, type AgentAction, type TaskTrigger } from '../domain/task.state-machine';
import { AgencyProjectOrm, AgentOrm, ApprovalItemOrm, AssignmentOrm, DelegationOrm, TaskOrm } from '../infrastructure/orm-entities';

const short = () => randomUUID().slice(0, 8).toUpperCase();

/**
 * 全代办: delegations opened for projects that ask for it, an agent assigned,
 * the approval plan built from the approval case's items, the land steps and the
 * utility connections, tasks moved by agents and by the approving service's
 * events, closure when every task is done, and the enterprise's rating.
 *
 * Events from other topics may arrive in any order (approval.case-opened before
 * project.signed, say): the approval items are kept as they come, and the plan
 * is completed whenever both the delegation and the items are here.
 */
/**
 * What the approving service reports of an item, and the steps the agent's task
 * takes with it (each only where the task's machine allows it: an agent may have
 * recorded the step already).
 */
const ITEM_FACTS = {
  applied: { status: 'open', triggers: ['SUBMIT'] },
  accepted: { status: 'open', triggers: ['SUBMIT', 'ACCEPT'] },
  resubmitted: { status: 'open', triggers: ['SUBMIT', 'ACCEPT'] },
  granted: { status: 'granted', triggers: ['COMPLETE'] },
  corrections: { status: 'corrections', triggers: ['REQUEST_CORRECTIONS'] },
  rejected: { status: 'rejected', triggers: ['REFUSE'] },
} as const satisfies Record<string, { status: ApprovalItemOrm['status']; triggers: readonly TaskTrigger[] }>;
export type ItemFact = keyof typeof ITEM_FACTS;

@Injectable()
export class DelegationService {
  private readonly logger = new Logger(DelegationService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
  ) {}

  // ── events ────────────────────────────────────────────────────────────────
  async projectSigned(unit: UnitOfWork, event: EventEnvelope<ProjectSignedV1>, done: { approvals: boolean; land: boolean } = { approvals: false, land: false }): Promise<void> {
    const p = event.payload;
    const { manager } = unit;
    await lockProject(manager, event.projectId); // project.signed and approval.case-opened each read what the other writes
    await manager.upsert(
      AgencyProjectOrm,
      {
        projectId: event.projectId,
        code: p.projectCode,
        name: p.name,
        enterpriseName: p.enterprise.name,
        creditCode: p.enterprise.creditCode,
        zoneCode: p.zoneCode,
        wantsFullAgency: p.wantsFullAgency,
        landAreaMu: p.landAreaMu,
        usesStandardLand: p.usesStandardLand,
        contacts: p.contacts,
      },
      ['projectId'],
    );
    if (!p.wantsFullAgency || (await manager.existsBy(DelegationOrm, { projectId: event.projectId }))) return;

    const today = chinaDate();
    const landTask = p.usesStandardLand && !done.land;
    const scope: DelegationScope[] = [...(done.approvals ? [] : (['approval'] as const)), ...(p.landAreaMu > 0 ? (['utilities'] as const) : []), ...(landTask ? (['land'] as const) : [])];
    if (!scope.length) return; // nothing left to do on the enterprise's behalf
    const delegation = manager.create(DelegationOrm, {
      id: randomUUID(),
      projectId: event.projectId,
      zoneCode: p.zoneCode,
      status: 'OPEN',
      scope,
      authorizationNumber: `WT-${p.zoneCode}-${today.slice(0, 4)}-${short()}`,
      openedOn: today,
      closedOn: null,
      agentId: null,
    });
    await manager.insert(DelegationOrm, delegation);
    await unit.publish(DelegationOpened, { projectId: event.projectId, payload: { delegationId: delegation.id, scope, authorizationNumber: delegation.authorizationNumber, openedOn: today } });
    await this.assign(unit, delegation, null, { id: 'auto-assignment', role: 'system' });

    const fixed: Partial<TaskOrm>[] = [
      ...(landTask ? [{ source: 'land' as const, sourceCode: LAND_TASK.code, title: LAND_TASK.title, department: LAND_TASK.department, promisedLimitDays: LAND_TASK.promisedLimitDays }] : []),
      ...(p.landAreaMu > 0 ? UTILITY_TASKS.map((u) => ({ source: 'utility' as const, sourceCode: u.code, title: u.title, department: u.department, promisedLimitDays: u.promisedLimitDays })) : []),
    ].map((t) => ({ ...t, materials: [], plannedStart: today, legalLimitDays: null, dueOn: chinaCalendar.addWorkingDays(today, t.promisedLimitDays) }));
    await this.addTasks(unit, delegation, fixed);
    await this.planApprovalTasks(unit, delegation);
  }

  /**
   * project.imported (issue 18): the project known as a signed one is; a delegation
   * only when one is wanted and the project has not started (开工). Before its approvals
   * are done, as at signing (their tasks follow the case's opening); ready to start, only
   * what is left: the utilities, and the land if it is not yet secured.
   */
  async projectImported(unit: UnitOfWork, event: EventEnvelope<ProjectImportedV1>): Promise<void> {
    const p = event.payload;
    const notStarted = p.stage === 'SIGNED' || p.stage === 'APPROVING' || p.stage === 'READY_TO_START';
    const signed = { ...event, payload: { ...p, wantsFullAgency: p.wantsFullAgency && notStarted } };
    await this.projectSigned(unit, signed, { approvals: p.approval.state === 'granted', land: !!p.land.document || p.land.path === 'none' });
    if (p.wantsFullAgency && !notStarted) await unit.manager.update(AgencyProjectOrm, { projectId: event.projectId }, { wantsFullAgency: true });
  }

  /**
   * The case's items. Version 1 (older cases) came with due dates from the
   * opening; version 2 has none: each item's clock starts at its 受理.
   */
  async caseOpened(unit: UnitOfWork, event: EventEnvelope<ApprovalCaseOpenedV1 | ApprovalCaseOpenedV2>): Promise<void> {
    const { manager } = unit;
    await lockProject(manager, event.projectId); // project.signed and approval.case-opened each read what the other writes
    for (const item of event.payload.items as (ApprovalCaseOpenedV2['items'][number] & { legalDueOn?: string; promisedDueOn?: string })[]) {
      await manager
        .createQueryBuilder()
        .insert()
        .into(ApprovalItemOrm)
        .values({
          projectId: event.projectId,
          itemCode: item.itemCode,
          caseId: event.payload.caseId,
          name: item.name,
          department: item.department,
          legalLimitDays: item.legalLimitDays,
          promisedLimitDays: item.promisedLimitDays,
          legalDueOn: item.legalDueOn ?? null,
          promisedDueOn: item.promisedDueOn ?? null,
          openedOn: event.payload.openedOn,
          documents: item.documents ?? [],
          status: 'open',
        })
        .orIgnore()
        .execute();
    }
    const delegation = await manager.findOneBy(DelegationOrm, { projectId: event.projectId, status: 'OPEN' });
    if (delegation) await this.planApprovalTasks(unit, delegation);
  }

  /** A fact of the approving service about an item: kept, and applied to its task if there is one. */
  async itemFact(unit: UnitOfWork, projectId: string, itemCode: string, fact: ItemFact, note?: string): Promise<void> {
    const { status, triggers } = ITEM_FACTS[fact];
    await unit.manager.update(ApprovalItemOrm, { projectId, itemCode }, { status });
    for (const trigger of triggers) await this.taskFact(unit, projectId, 'approval', itemCode, trigger, note);
  }

  /**
   * An item's clock at the approving service: accepted (受理: the task's due date
   * is the item's), paused (corrections, hearing, testing, expert review,
   * publicity: the task waits), resumed (the due date moved by the paused working days).
   */
  async itemClock(unit: UnitOfWork, projectId: string, itemCode: string, clock: 'running' | 'paused', change: { promisedDueOn?: string; legalDueOn?: string; note: string }): Promise<void> {
    if (change.promisedDueOn) await unit.manager.update(ApprovalItemOrm, { projectId, itemCode }, { promisedDueOn: change.promisedDueOn, ...(change.legalDueOn ? { legalDueOn: change.legalDueOn } : {}) });
    const task = await unit.manager.findOne(TaskOrm, { where: { projectId, source: 'approval', sourceCode: itemCode }, lock: { mode: 'pessimistic_write' } });
    if (!task || taskFinal(task.status)) return; // no delegation, or not planned yet: the plan takes the item's due date
    task.clock = clock;
    task.blocker = clock === 'paused' ? change.note : null;
    if (change.promisedDueOn) {
      task.dueOn = change.promisedDueOn;
      task.overdueRaised = false;
      task.escalated = false;
    }
    task.notes = [...task.notes, { on: chinaDate(), by: 'commitment-approval', text: change.note }];
    await unit.manager.save(task);
  }

  async landContractSigned(unit: UnitOfWork, projectId: string): Promise<void> {
    await this.taskFact(unit, projectId, 'land', LAND_TASK.code, 'COMPLETE', '土地出让合同已签订');
  }

  private async taskFact(unit: UnitOfWork, projectId: string, source: TaskOrm['source'], sourceCode: string, trigger: TaskTrigger, note?: string): Promise<void> {
    const task = await unit.manager.findOne(TaskOrm, { where: { projectId, source, sourceCode }, lock: { mode: 'pessimistic_write' } });
    if (!task) return; // no delegation, or not planned yet: the plan starts from the item's state
    const d = decideTask(task.status, trigger);
    if (!d.allowed) {
      this.logger.log(`task ${task.title} of project ${projectId} stays ${task.status}: ${d.reason.en}`);
      return;
    }
    await this.moveTask(unit, task, d.status, note ?? null, { id: 'commitment-approval', role: 'system' });
  }

  // ── commands ──────────────────────────────────────────────────────────────
  /** An agent's (or the team lead's) update of a task. Only the delegation's agent and supervisors may. */
  async act(taskId: string, action: AgentAction, input: { note?: string; blocker?: string | null }, principal: Principal) {
    const actor = actorOf(principal);
    return this.dataSource.transaction(async (manager) => {
      const unit = commandUnit(this.outbox, manager, actor);
      const task = await this.workableTask(manager, taskId, principal);
      const d = decideTask(task.status, action);
      if (!d.allowed) throw DomainError.refused(d.reason, 'task-state');
      if (input.blocker !== undefined) task.blocker = input.blocker;
      await this.moveTask(unit, task, d.status, input.note ?? null, actor);
      return task;
    });
  }

  /** A note or a blocker on a task, without moving it. */
  async annotate(taskId: string, input: { note?: string; blocker?: string | null }, principal: Principal) {
    return this.dataSource.transaction(async (manager) => {
      const task = await this.workableTask(manager, taskId, principal);
      if (input.note) task.notes = [...task.notes, { on: chinaDate(), by: principal.sub, text: input.note }];
      if (input.blocker !== undefined) task.blocker = input.blocker;
      await manager.save(task);
      return task;
    });
  }

  /** The team lead assigns (or reassigns) the delegation's agent, saying why (改派原因); the history is kept. */
  async reassign(delegationId: string, agentId: string, reason: string, principal: Principal) {
    const problem = reassignReasonProblem(reason);
    if (problem) throw DomainError.invalid('reason', problem);
    const actor = actorOf(principal);
    return this.dataSource.transaction(async (manager) => {
      const unit = commandUnit(this.outbox, manager, actor);
      const delegation = await this.lockDelegation(manager, delegationId, principal);
      if (delegation.status !== 'OPEN') throw DomainError.refused({ zh: '委托已办结', en: 'the delegation is closed' }, 'closed');
      const agent = await manager.findOneBy(AgentOrm, { id: agentId });
      if (!agent || !agent.active) throw DomainError.invalid('agentId', { zh: `代办员不存在或已停用：${agentId}`, en: `no active agent ${agentId}` });
      if (agent.zoneCode !== delegation.zoneCode) throw DomainError.invalid('agentId', { zh: '代办员不属于项目所在开发区', en: 'the agent works in another zone' });
      if (agent.id === delegation.agentId) throw DomainError.refused({ zh: '已是该代办员', en: 'already assigned to this agent' }, 'same-agent');
      await this.assign(unit, delegation, agent, actor, { actorName: principal.name, reason: reason.trim() });
      return delegation;
    });
  }

  /** 好差评: once, after closure, by the enterprise. */
  async rate(delegationId: string, score: number, comment: string | undefined, principal: Principal) {
    const actor = actorOf(principal);
    return this.dataSource.transaction(async (manager) => {
      const unit = commandUnit(this.outbox, manager, actor);
      const delegation = await this.lockDelegation(manager, delegationId, principal);
      if (delegation.status !== 'CLOSED') throw DomainError.refused({ zh: '代办尚未办结，办结后方可评价', en: 'the delegation is not closed yet' }, 'not-closed');
      if (delegation.rating !== null) throw DomainError.refused({ zh: `已于 ${delegation.ratedOn} 评价`, en: `already rated on ${delegation.ratedOn}` }, 'rated');
      delegation.rating = score;
      delegation.ratingComment = comment ?? null;
      delegation.ratedOn = chinaDate();
      await manager.save(delegation);
      await unit.publish(ServiceRated, { projectId: delegation.projectId, payload: { delegationId, ...(delegation.agentId ? { agentId: delegation.agentId } : {}), score, ...(comment ? { comment } : {}) } });
      return delegation;
    });
  }

  // ── helpers ───────────────────────────────────────────────────────────────
  /** A task the caller may work on: the delegation's agent, a team lead of its zone, an admin (the roles are checked by @Roles). Anyone else's is 404. */
  private async workableTask(manager: EntityManager, taskId: string, principal: Principal): Promise<TaskOrm> {
    const task = await manager.findOne(TaskOrm, { where: { id: taskId }, lock: { mode: 'pessimistic_write' } });
    const delegation = task ? await manager.findOneByOrFail(DelegationOrm, { id: task.delegationId }) : null;
    if (!task || !delegation || !seesDelegation(principal, delegation, null)) throw DomainError.notFound({ zh: `代办事项不存在：${taskId}`, en: `no task ${taskId}` }, 'task-not-found');
    return task;
  }

  /** The delegation, locked, if the caller sees it (404 otherwise). */
  private async lockDelegation(manager: EntityManager, id: string, principal: Principal): Promise<DelegationOrm> {
    const d = await manager.findOne(DelegationOrm, { where: { id }, lock: { mode: 'pessimistic_write' } });
    const project = d ? await manager.findOneBy(AgencyProjectOrm, { projectId: d.projectId }) : null;
    if (!d || !seesDelegation(principal, d, project?.creditCode ?? null)) throw DomainError.notFound({ zh: `委托不存在：${id}`, en: `no delegation ${id}` }, 'delegation-not-found');
    return d;
  }

  /** Assigns `chosen`, or (null) the least loaded agent of the zone; `by` is the team lead's name and reason. */
  private async assign(unit: UnitOfWork, delegation: DelegationOrm, chosen: AgentOrm | null, actor: Actor, by?: { actorName: string; reason: string }): Promise<void> {
    const { manager } = unit;
    const today = chinaDate();
    let agent = chosen;
    if (!agent) {
      const loads: { id: string; open_tasks: string; open_delegations: string }[] = await manager.query(
        `SELECT a.id,
                (SELECT count(*) FROM tasks t JOIN delegations d ON d.id = t.delegation_id WHERE d.agent_id = a.id AND t.status NOT IN ('DELIVERED', 'REFUSED')) AS open_tasks,
                (SELECT count(*) FROM delegations d WHERE d.agent_id = a.id AND d.status = 'OPEN') AS open_delegations
           FROM agents a WHERE a.zone_code = $1`,
        [delegation.zoneCode],
      );
      const agents = await manager.findBy(AgentOrm, { zoneCode: delegation.zoneCode });
      const pick = chooseAgent(
        agents.map((a) => {
          const l = loads.find((x) => x.id === a.id);
          return { ...a, openTasks: Number(l?.open_tasks ?? 0), openDelegations: Number(l?.open_delegations ?? 0) };
        }),
        delegation.zoneCode,
        'approval',
      );
      if (!pick) {
        this.logger.warn(`no agent in zone ${delegation.zoneCode} takes approval work: delegation ${delegation.id} waits for a team lead`);
        return;
      }
      agent = agents.find((a) => a.id === pick.id) ?? null;
      if (!agent) return;
    }
    const previous = delegation.agentId;
    await manager.update(AssignmentOrm, { delegationId: delegation.id, endedOn: IsNull() }, { endedOn: today });
    await manager.insert(AssignmentOrm, {
      id: randomUUID(),
      delegationId: delegation.id,
      agentId: agent.id,
      assignedOn: today,
      assignedAt: new Date(),
      assignedBy: chosen ? 'lead' : 'auto',
      actorId: actor.id,
      actorName: by?.actorName ?? null,
      reason: by?.reason ?? null,
      endedOn: null,
    });
    delegation.agentId = agent.id;
    await manager.save(delegation);
    await unit.publish(AgentAssigned, {
      projectId: delegation.projectId,
      payload: { delegationId: delegation.id, agentId: agent.id, agentName: agent.name, ...(agent.mobile ? { agentMobile: agent.mobile } : {}), ...(previous ? { previousAgentId: previous } : {}), assignedBy: chosen ? 'lead' : 'auto' },
    });
  }

  private async planApprovalTasks(unit: UnitOfWork, delegation: DelegationOrm): Promise<void> {
    const items = await unit.manager.findBy(ApprovalItemOrm, { projectId: delegation.projectId });
    const planned = new Set((await unit.manager.findBy(TaskOrm, { delegationId: delegation.id, source: 'approval' })).map((t) => t.sourceCode));
    const fresh = items.filter((i) => !planned.has(i.itemCode));
    await this.addTasks(
      unit,
      delegation,
      fresh.map((i) => ({
        source: 'approval',
        sourceCode: i.itemCode,
        title: i.name,
        department: i.department,
        materials: i.documents,
        plannedStart: i.openedOn,
        legalLimitDays: i.legalLimitDays,
        promisedLimitDays: i.promisedLimitDays,
        // Until the item is accepted the due date is a plan: the promised limit from today.
        dueOn: i.promisedDueOn ?? chinaCalendar.addWorkingDays(chinaDate(), i.promisedLimitDays),
        clock: !i.promisedDueOn ? ('waiting' as const) : i.status === 'corrections' ? ('paused' as const) : ('running' as const),
        // An item the approving service already decided starts where it is.
        status: i.status === 'granted' ? 'DELIVERED' : i.status === 'rejected' ? 'REFUSED' : i.status === 'corrections' ? 'CORRECTIONS_REQUESTED' : 'PLANNED',
        deliveredOn: i.status === 'granted' ? chinaDate() : null,
      })),
    );
  }

  private async addTasks(unit: UnitOfWork, delegation: DelegationOrm, tasks: Partial<TaskOrm>[]): Promise<void> {
    if (!tasks.length) return;
    const rows = tasks.map((t) => unit.manager.create(TaskOrm, { status: 'PLANNED', blocker: null, notes: [], deliveredOn: null, ...t, id: randomUUID(), delegationId: delegation.id, projectId: delegation.projectId }));
    await unit.manager.insert(TaskOrm, rows);
    await unit.publish(TasksPlanned, { projectId: delegation.projectId, payload: { delegationId: delegation.id, tasks: rows.map((r) => ({ taskId: r.id, title: r.title, department: r.department, dueOn: r.dueOn })) } });
    await this.closeIfDone(unit, delegation);
  }

  private async moveTask(unit: UnitOfWork, task: TaskOrm, to: TaskOrm['status'], note: string | null, actor: Actor): Promise<void> {
    const from = task.status;
    task.status = to;
    if (to === 'DELIVERED') task.deliveredOn = chinaDate();
    if (note) task.notes = [...task.notes, { on: chinaDate(), by: actor.id, text: note }];
    await unit.manager.save(task);
    await unit.publish(TaskUpdated, { projectId: task.projectId, payload: { delegationId: task.delegationId, taskId: task.id, title: task.title, from, to, ...(note ? { note } : {}) } });
    const delegation = await unit.manager.findOneByOrFail(DelegationOrm, { id: task.delegationId });
    await this.closeIfDone(unit, delegation);
  }

  private async closeIfDone(unit: UnitOfWork, delegation: DelegationOrm): Promise<void> {
    if (delegation.status !== 'OPEN') return;
    const tasks = await unit.manager.findBy(TaskOrm, { delegationId: delegation.id });
    // Not before the approval plan exists: a delegation with only fixed tasks done is not finished.
    const hasApprovalPlan = tasks.some((t) => t.source === 'approval');
    if (!hasApprovalPlan || !tasks.every((t) => taskFinal(t.status))) return;
    const today: IsoDate = chinaDate();
    delegation.status = 'CLOSED';
    delegation.closedOn = today;
    await unit.manager.save(delegation);
    await unit.publish(DelegationClosed, {
      projectId: delegation.projectId,
      payload: { delegationId: delegation.id, closedOn: today, ...(delegation.agentId ? { agentId: delegation.agentId } : {}), tasksDelivered: tasks.filter((t) => t.status === 'DELIVERED').length },
    });
  }

  /** For views. */
  tasksOf(delegationIds: string[]) {
    return delegationIds.length ? this.dataSource.getRepository(TaskOrm).find({ where: { delegationId: In(delegationIds) }, order: { dueOn: 'ASC', title: 'ASC' } }) : Promise.resolve([]);
  }
}
