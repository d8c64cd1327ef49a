import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { coversZone, isProvinceWide, type Principal } from '@devzone/auth';
import { pageOf, type Page, type PageQuery } from '@devzone/platform';
import { addDays, chinaDate, DomainError, type IsoDate } from '@devzone/shared-kernel';
import { TASK_STATUSES } from '@devzone/contracts';
import type { AgentLoadView, AgentView, TeamLoadView, WorklistView } from '../api/agent.views';
import type { DelegationView, ProgressView } from '../api/delegation.views';
import type { TaskView } from '../api/task.views';
import { seesDelegation } from '../domain/permissions';
import { OPEN_TASK_STATUSES, taskFinal, type OpenTaskStatus } from '../domain/task.state-machine';
import { AgencyProjectOrm, AgentOrm, AssignmentOrm, DelegationOrm, TaskOrm, TeamOrm } from '../infrastructure/orm-entities';
import { AgencySettings } from './settings.service';
import { agentView, delegationView, progressView, taskView, teamView } from './view-builders';

const FINAL_TASK_STATUSES = TASK_STATUSES.filter(taskFinal)
  .map((x) => `'${x}'`)
  .join(', ');

/** The worklist's filters (WorklistQuery). */
export interface WorklistFilters {
  q?: string;
  department?: string;
  status?: OpenTaskStatus;
  due?: 'overdue' | 'today' | 'week';
}
/** `due=week`: due within 7 days: from today to 6 days later, both included. */
const WEEK_DAYS = 6;
/** A text for LIKE: its own %, _ and backslash match themselves (backslash is LIKE's escape). */
const likeEscaped = (text: string) => text.replace(/[\\%_]/g, '\\$&');

/** An agent's worklist: the agent, or staff of its zone. */
const seesAgent = (p: Principal, a: AgentOrm) => (p.role === 'agency-agent' ? p.sub === a.id : coversZone(p, a.zoneCode));

@Injectable()
export class AgencyQueries {
  constructor(
    private readonly dataSource: DataSource,
    private readonly settings: AgencySettings,
  ) {}

  /** Tasks as the caller sees them: deadline state from the zone's thresholds, and the caller's actions. */
  private async taskViews(tasks: TaskOrm[], delegations: DelegationOrm[], zoneCode: string, p: Principal): Promise<TaskView[]> {
    const settings = await this.settings.forZone(zoneCode);
    const today = chinaDate();
    const byId = new Map(delegations.map((d) => [d.id, d]));
    return tasks.map((t) => {
      const delegation = byId.get(t.delegationId);
      if (!delegation) throw new Error(`task ${t.id}: its delegation ${t.delegationId} was not loaded`);
      return taskView(t, { delegation, today, settings, principal: p });
    });
  }

  async delegation(id: string, p: Principal): Promise<DelegationView> {
    const d = await this.dataSource.getRepository(DelegationOrm).findOneBy({ id });
    const creditCode = d ? await this.creditCodeFor(p, d) : null;
    if (!d || !seesDelegation(p, d, creditCode)) throw DomainError.notFound({ zh: `委托不存在：${id}`, en: `no delegation ${id}` }, 'delegation-not-found');
    return this.view(d, creditCode, p);
  }

  async delegationOfProject(projectId: string, p: Principal): Promise<DelegationView> {
    const d = await this.dataSource.getRepository(DelegationOrm).findOneBy({ projectId });
    const creditCode = d ? await this.creditCodeFor(p, d) : null;
    if (!d || !seesDelegation(p, d, creditCode)) throw DomainError.notFound({ zh: '该项目没有全代办委托', en: `no delegation for project ${projectId}` }, 'delegation-not-found');
    return this.view(d, creditCode, p);
  }

  /** One task as the caller sees it (the answer of a task command). */
  async task(id: string, p: Principal): Promise<TaskView> {
    const task = await this.dataSource.getRepository(TaskOrm).findOneByOrFail({ id });
    const delegation = await this.dataSource.getRepository(DelegationOrm).findOneByOrFail({ id: task.delegationId });
    const [view] = await this.taskViews([task], [delegation], delegation.zoneCode, p);
    return view;
  }

  /** The project's enterprise, which only an enterprise caller needs (to see the delegation and to rate it). */
  private async creditCodeFor(p: Principal, d: DelegationOrm): Promise<string | null> {
    if (p.role !== 'enterprise') return null;
    return (await this.dataSource.getRepository(AgencyProjectOrm).findOneBy({ projectId: d.projectId }))?.creditCode ?? null;
  }

  /**
   * Agents of the caller's zones (all, province-wide), a page at a time, each
   * with its load now: the page and every agent's counts in one query (the page
   * of agents first, then each one's delegations and their tasks by index), and
   * the total in another. Overdue as in the worklist: a running clock past its due date.
   */
  async agents(q: PageQuery & { zone?: string }, p: Principal): Promise<Page<AgentView>> {
    const { page, pageSize, skip, take } = pageOf(q);
    const zones = q.zone ? [q.zone].filter((z) => coversZone(p, z)) : isProvinceWide(p) ? undefined : p.zones;
    const total = await this.dataSource.getRepository(AgentOrm).countBy(zones ? { zoneCode: In(zones) } : {});
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT a.id, a.name, a.mobile, a.zone_code, a.team_code, a.specialities, a.capacity, a.active, d.open_delegations, t.open_tasks, t.overdue_tasks
         FROM (SELECT * FROM agents ${zones ? 'WHERE zone_code = ANY($4::text[])' : ''} ORDER BY id LIMIT $1 OFFSET $2) a
         CROSS JOIN LATERAL (SELECT count(*) AS open_delegations FROM delegations WHERE agent_id = a.id AND status = 'OPEN') d
         CROSS JOIN LATERAL (SELECT count(*) FILTER (WHERE t.status NOT IN (${FINAL_TASK_STATUSES})) AS open_tasks,
                                    count(*) FILTER (WHERE t.status NOT IN (${FINAL_TASK_STATUSES}) AND t.clock = 'running' AND t.due_on < $3::date) AS overdue_tasks
                               FROM delegations dd JOIN tasks t ON t.delegation_id = dd.id
                              WHERE dd.agent_id = a.id AND dd.status = 'OPEN') t
        ORDER BY a.id`,
      [take, skip, chinaDate(), ...(zones ? [zones] : [])],
    );
    const items = rows.map((r) =>
      agentView(
        {
          id: String(r['id']),
          name: String(r['name']),
          mobile: r['mobile'] === null ? null : String(r['mobile']),
          zoneCode: String(r['zone_code']),
          teamCode: r['team_code'] === null ? null : String(r['team_code']),
          specialities: r['specialities'] as AgentOrm['specialities'],
          capacity: Number(r['capacity']),
          active: Boolean(r['active']),
        },
        { openDelegations: Number(r['open_delegations']), openTasks: Number(r['open_tasks']), overdueTasks: Number(r['overdue_tasks']) },
      ),
    );
    return { items, total, page, pageSize };
  }

  private async view(d: DelegationOrm, creditCode: string | null, p: Principal): Promise<DelegationView> {
    const tasks = await this.dataSource.getRepository(TaskOrm).find({ where: { delegationId: d.id }, order: { dueOn: 'ASC', title: 'ASC' } });
    const assignments = await this.dataSource.getRepository(AssignmentOrm).find({ where: { delegationId: d.id }, order: { assignedAt: 'ASC', id: 'ASC' } });
    return delegationView(d, { assignments, tasks: await this.taskViews(tasks, [d], d.zoneCode, p), creditCode, principal: p });
  }

  /** A delegation as the caller sees it after a command on it. */
  async delegationAfter(d: DelegationOrm, p: Principal): Promise<DelegationView> {
    return this.view(d, await this.creditCodeFor(p, d), p);
  }

  /** The enterprise's view: how much is done, and what waits on it. */
  async progress(projectId: string, p: Principal): Promise<ProgressView> {
    const d = await this.delegationOfProject(projectId, p);
    const agent = d.agentId ? await this.dataSource.getRepository(AgentOrm).findOneBy({ id: d.agentId }) : null;
    return progressView(d, agent);
  }

  /**
   * An agent's day: due today, overdue, waiting on the enterprise, the rest;
   * only the tasks that pass the filters (in SQL), and the departments of all
   * its open tasks (for the filter's choices). A constant number of queries
   * whatever the caseload: the agent, its open delegations, the tasks (one
   * query, joined with their projects for `q`), the departments, the zone's thresholds.
   */
  async worklist(agentId: string, filters: WorklistFilters, p: Principal): Promise<WorklistView> {
    const agent = await this.dataSource.getRepository(AgentOrm).findOneBy({ id: agentId });
    if (!agent || !seesAgent(p, agent)) throw DomainError.notFound({ zh: `代办员不存在：${agentId}`, en: `no agent ${agentId}` }, 'agent-not-found');
    const today = chinaDate();
    const delegations = await this.dataSource.getRepository(DelegationOrm).findBy({ agentId, status: 'OPEN' });
    const ids = delegations.map((d) => d.id);
    const [tasks, departments] = ids.length ? await Promise.all([this.worklistTasks(ids, filters, today), this.worklistDepartments(ids)]) : [[], []];
    const open = await this.taskViews(tasks, delegations, agent.zoneCode, p);
    return {
      agentId,
      asOf: today,
      departments,
      overdue: open.filter((t) => t.clock === 'running' && t.dueOn < today),
      dueToday: open.filter((t) => t.clock === 'running' && t.dueOn === today),
      waitingOnEnterprise: open.filter((t) => (t.clock !== 'running' || t.dueOn > today) && t.waitingOnEnterprise),
      upcoming: open.filter((t) => (t.clock !== 'running' || t.dueOn > today) && !t.waitingOnEnterprise),
    };
  }

  /** The open tasks of these delegations that pass the filters, by due date: one query. */
  private worklistTasks(delegationIds: string[], f: WorklistFilters, today: IsoDate): Promise<TaskOrm[]> {
    const query = this.dataSource
      .getRepository(TaskOrm)
      .createQueryBuilder('t')
      .where('t.delegation_id IN (:...delegationIds)', { delegationIds })
      .andWhere('t.status IN (:...open)', { open: [...OPEN_TASK_STATUSES] })
      .orderBy('t.dueOn', 'ASC')
      .addOrderBy('t.title', 'ASC')
      .addOrderBy('t.id', 'ASC');
    if (f.status) query.andWhere('t.status = :status', { status: f.status });
    if (f.department) query.andWhere('t.department = :department', { department: f.department });
    if (f.due) {
      query.andWhere("t.clock = 'running'");
      if (f.due === 'overdue') query.andWhere('t.due_on < :today', { today });
      if (f.due === 'today') query.andWhere('t.due_on = :today', { today });
      if (f.due === 'week') query.andWhere('t.due_on BETWEEN :today AND :weekEnd', { today, weekEnd: addDays(today, WEEK_DAYS) });
    }
    if (f.q) {
      // Within one agent's caseload (a few hundred tasks, found by the delegations' agent index) a scan of the rows is cheap: no trigram index needed.
      query
        .leftJoin(AgencyProjectOrm, 'p', 'p.project_id = t.project_id')
        .andWhere('(t.title ILIKE :pattern OR p.name ILIKE :pattern OR p.code ILIKE :pattern)', { pattern: `%${likeEscaped(f.q)}%` });
    }
    return query.getMany();
  }

  /** The departments of these delegations' open tasks, in order (the choices of the department filter). */
  private async worklistDepartments(delegationIds: string[]): Promise<string[]> {
    const rows: { department: string }[] = await this.dataSource.query(`SELECT DISTINCT department FROM tasks WHERE delegation_id = ANY($1::uuid[]) AND status NOT IN (${FINAL_TASK_STATUSES}) ORDER BY department`, [delegationIds]);
    return rows.map((r) => r.department);
  }

  /** A team's load and record: open tasks against capacity, on-time delivery, ratings. */
  async teamLoad(code: string, p: Principal): Promise<TeamLoadView> {
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
    const agents = rows.map((r): AgentLoadView => {
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
    return { team: teamView(team), agents };
  }
}
