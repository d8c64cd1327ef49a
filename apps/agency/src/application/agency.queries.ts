import { Injectable } from '@nestjs/common';
import { DataSource, In, Not } from 'typeorm';
import { coversZone, isProvinceWide, type Principal } from '@devzone/auth';
import { pageOf, type PageQuery } from '@devzone/platform';
import { chinaCalendar, chinaDate, DomainError } from '@devzone/shared-kernel';
import { deadlineState } from '../domain/deadlines';
import { taskFinal, TASK_STATUS_ZH, waitingOnEnterprise } from '../domain/task.state-machine';
import { TASK_STATUSES } from '@devzone/contracts';
import { AgencyProjectOrm, AgentOrm, AssignmentOrm, DelegationOrm, TaskOrm, TeamOrm } from '../infrastructure/orm-entities';
import { AgencySettings } from './settings.service';

/**
 * Who sees a delegation: admins and province managers every one; an enterprise
 * its own projects' (by credit code); an agent those assigned to it now; team
 * leads, officers and zone managers their zones'.
 */
export function seesDelegation(p: Principal, d: DelegationOrm, creditCode: string | null): boolean {
  if (p.role === 'enterprise') return !!p.creditCode && p.creditCode === creditCode;
  if (p.role === 'agency-agent') return d.agentId === p.sub;
  return coversZone(p, d.zoneCode);
}

const FINAL_TASK_STATUSES = TASK_STATUSES.filter(taskFinal)
  .map((x) => `'${x}'`)
  .join(', ');

/** An agent's worklist: the agent, or staff of its zone. */
const seesAgent = (p: Principal, a: AgentOrm) => (p.role === 'agency-agent' ? p.sub === a.id : coversZone(p, a.zoneCode));

@Injectable()
export class AgencyQueries {
  constructor(
    private readonly dataSource: DataSource,
    private readonly settings: AgencySettings,
  ) {}

  private async taskViews(tasks: TaskOrm[], zoneCode: string) {
    const today = chinaDate();
    const { amberWorkingDays, escalateAfterWorkingDays } = await this.settings.forZone(zoneCode);
    return tasks.map((t) => ({
      ...t,
      statusName: TASK_STATUS_ZH[t.status],
      waitingOnEnterprise: waitingOnEnterprise(t.status),
      // Only a running clock can be late: an item not yet accepted (受理) or paused has no deadline today.
      ...(taskFinal(t.status) || t.clock !== 'running' ? {} : deadlineState(chinaCalendar, t.dueOn, today, amberWorkingDays, escalateAfterWorkingDays)),
    }));
  }

  async delegation(id: string, p: Principal) {
    const d = await this.dataSource.getRepository(DelegationOrm).findOneBy({ id });
    if (!d || !(await this.sees(p, d))) throw DomainError.notFound({ zh: `委托不存在：${id}`, en: `no delegation ${id}` }, 'delegation-not-found');
    return this.view(d);
  }

  async delegationOfProject(projectId: string, p: Principal) {
    const d = await this.dataSource.getRepository(DelegationOrm).findOneBy({ projectId });
    if (!d || !(await this.sees(p, d))) throw DomainError.notFound({ zh: '该项目没有全代办委托', en: `no delegation for project ${projectId}` }, 'delegation-not-found');
    return this.view(d);
  }

  private async sees(p: Principal, d: DelegationOrm): Promise<boolean> {
    const project = p.role === 'enterprise' ? await this.dataSource.getRepository(AgencyProjectOrm).findOneBy({ projectId: d.projectId }) : null;
    return seesDelegation(p, d, project?.creditCode ?? null);
  }

  /** Agents of the caller's zones (all, province-wide), a page at a time. */
  async agents(q: PageQuery & { zone?: string }, p: Principal) {
    const { page, pageSize, skip, take } = pageOf(q);
    const zones = q.zone ? [q.zone].filter((z) => coversZone(p, z)) : isProvinceWide(p) ? undefined : p.zones;
    const [items, total] = await this.dataSource.getRepository(AgentOrm).findAndCount({ where: zones ? { zoneCode: In(zones) } : {}, order: { id: 'ASC' }, skip, take });
    return { items, total, page, pageSize };
  }

  private async view(d: DelegationOrm) {
    const tasks = await this.dataSource.getRepository(TaskOrm).find({ where: { delegationId: d.id }, order: { dueOn: 'ASC', title: 'ASC' } });
    const assignments = await this.dataSource.getRepository(AssignmentOrm).find({ where: { delegationId: d.id }, order: { assignedOn: 'ASC' } });
    return { ...d, assignments, tasks: await this.taskViews(tasks, d.zoneCode) };
  }

  /** The enterprise's view: how much is done, and what waits on it. */
  async progress(projectId: string, p: Principal) {
    const d = await this.delegationOfProject(projectId, p);
    const done = d.tasks.filter((t) => t.status === 'DELIVERED').length;
    const agent = d.agentId ? await this.dataSource.getRepository(AgentOrm).findOneBy({ id: d.agentId }) : null;
    return {
      projectId,
      delegationId: d.id,
      status: d.status,
      agent: agent ? { id: agent.id, name: agent.name, mobile: agent.mobile } : null,
      tasksTotal: d.tasks.length,
      tasksDone: done,
      percentDone: d.tasks.length ? Math.round((done / d.tasks.length) * 1000) / 10 : 0,
      waitingOnEnterprise: d.tasks.filter((t) => t.waitingOnEnterprise).map((t) => ({ taskId: t.id, title: t.title, status: t.status, statusName: t.statusName, materials: t.materials })),
    };
  }

  /** An agent's day: due today, overdue, waiting on the enterprise, the rest. */
  async worklist(agentId: string, p: Principal) {
    const agent = await this.dataSource.getRepository(AgentOrm).findOneBy({ id: agentId });
    if (!agent || !seesAgent(p, agent)) throw DomainError.notFound({ zh: `代办员不存在：${agentId}`, en: `no agent ${agentId}` }, 'agent-not-found');
    const delegations = await this.dataSource.getRepository(DelegationOrm).findBy({ agentId, status: 'OPEN' });
    const tasks = delegations.length
      ? await this.dataSource.getRepository(TaskOrm).find({ where: { delegationId: In(delegations.map((d) => d.id)), status: Not(In(TASK_STATUSES.filter(taskFinal))) }, order: { dueOn: 'ASC' } })
      : [];
    const open = await this.taskViews(tasks, agent.zoneCode);
    const today = chinaDate();
    return {
      agentId,
      asOf: today,
      overdue: open.filter((t) => t.clock === 'running' && t.dueOn < today),
      dueToday: open.filter((t) => t.clock === 'running' && t.dueOn === today),
      waitingOnEnterprise: open.filter((t) => (t.clock !== 'running' || t.dueOn > today) && t.waitingOnEnterprise),
      upcoming: open.filter((t) => (t.clock !== 'running' || t.dueOn > today) && !t.waitingOnEnterprise),
    };
  }

  /** A team's load and record: open tasks against capacity, on-time delivery, ratings. */
  async teamLoad(code: string, p: Principal) {
    const team = await this.dataSource.getRepository(TeamOrm).findOneBy({ code });
    if (!team || !coversZone(p, team.zoneCode)) throw DomainError.notFound({ zh: `代办专班不存在：${code}`, en: `no team ${code}` }, 'team-not-found');
    // One grouped query for the whole team (each agent's delegations and their tasks by index), not two per agent.
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT a.id, a.name, a.capacity, d.open_delegations, d.ratings, d.average_rating, t.open_tasks, t.delivered, t.on_time
         FROM agents a
         CROSS JOIN LATERAL (SELECT count(*) FILTER (WHERE status = 'OPEN') AS open_delegations, count(rating) AS ratings, avg(rating) AS average_rating
                               FROM delegations WHERE agent_id = a.id) d
         CROSS JOIN LATERAL (SELECT count(*) FILTER (WHERE t.status NOT IN (${FINAL_TASK_STATUSES})) AS open_tasks,
                                    count(*) FILTER (WHERE t.status = 'DELIVERED' AND t.delivered_on IS NOT NULL) AS delivered,
                                    count(*) FILTER (WHERE t.status = 'DELIVERED' AND t.delivered_on <= t.due_on) AS on_time
                               FROM delegations dd JOIN tasks t ON t.delegation_id = dd.id WHERE dd.agent_id = a.id) t
        WHERE a.team_code = $1
        ORDER BY a.id`,
      [code],
    );
    const agents = rows.map((r) => {
      const delivered = Number(r['delivered']);
      const onTime = Number(r['on_time']);
      const ratings = Number(r['ratings']);
      return {
        agentId: String(r['id']),
        name: String(r['name']),
        capacity: Number(r['capacity']),
        openTasks: Number(r['open_tasks']),
        openDelegations: Number(r['open_delegations']),
        delivered,
        deliveredOnTime: onTime,
        onTimeRate: delivered ? Math.round((onTime / delivered) * 10_000) / 10_000 : null,
        ratings,
        averageRating: ratings ? Math.round(Number(r['average_rating']) * 100) / 100 : null,
      };
    });
    return { team, agents };
  }
}
