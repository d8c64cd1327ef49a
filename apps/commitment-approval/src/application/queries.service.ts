import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { coversZone, isProvinceWide, seesProject, type Principal } from '@devzone/auth';
import { pageOf, type Page, type PageQuery } from '@devzone/platform';
import { addDays, chinaCalendar, chinaDate, DomainError, type IsoDate } from '@devzone/shared-kernel';
import type { CaseSummaryView, CaseView } from '../api/case.views';
import type { QueueEntryView, QueueSummaryView } from '../api/queue.views';
import type { DueWindow, QueueRag } from '../api/requests.dto';
import type { CaseStatus } from '../domain/case.state-machine';
import { ITEM_STATUSES, itemOpen, itemSatisfied, type ItemStatus } from '../domain/item.state-machine';
import { CaseItemOrm, CaseOpinionOrm, CaseOrm } from '../infrastructure/orm-entities';
import { caseSummaryView, caseView, itemView } from './case-views';
import { SettingsService } from './settings.service';

const OPEN_ITEM_STATUSES = ITEM_STATUSES.filter(itemOpen);
const SATISFIED = ITEM_STATUSES.filter(itemSatisfied);
/** Cases whose items may still be waiting on a department (not yet granted). */
const OPEN_CASE_STATUSES: CaseStatus[] = ['OPENED', 'NOTIFIED', 'COMMITTED', 'IN_PUBLICITY', 'DECIDING'];

/** The queue's filters (GET /queue and /queue/summary). */
export interface QueueFilters {
  zone?: string;
  department?: string;
  q?: string;
  status?: ItemStatus;
  due?: DueWindow;
  rag?: QueueRag;
}

/** "week": today and the 6 calendar days after it. */
const DUE_WEEK_DAYS = 7;
/** The zone rules' amber thresholds are at most this many working days (api/requests.dto.ts ZoneRulesVersionRequest allows 30). */
const AMBER_MAX = 60;
/** Text without letters that have a case (Chinese, digits) needs no case folding: LIKE compares bytes; both use the trigram indexes. */
const likeOf = (text: string) => (text.toLowerCase() === text.toUpperCase() ? 'LIKE' : 'ILIKE');
const likeEscaped = (text: string) => text.replace(/[\\%_]/g, '\\$&');

/**
 * The queue's FROM … WHERE for the caller and the filters, its parameters, and
 * the due date it sorts by (null: the caller may not see the zone asked for).
 */
function queueSql(q: QueueFilters, principal: Principal, today: IsoDate): { from: string; params: unknown[]; due: string; blocked: string } | null {
  const department = q.department ?? (principal.role === 'department-officer' ? principal.department : undefined);
  if (q.zone && !coversZone(principal, q.zone)) return null;
  // A queue is a zone's work list: province-wide, every zone's open items would be sorted for each page (issue 15).
  if (!q.zone && isProvinceWide(principal)) throw DomainError.invalid('zone', { zh: '请选择开发区：审批队列按开发区查看', en: 'give a zone: the queue is per zone for province-wide roles' });
  const params: unknown[] = [];
  const add = (value: unknown) => `$${params.push(value)}`;
  const zones = q.zone ? [q.zone] : isProvinceWide(principal) ? null : principal.zones;
  // domain/prerequisites.ts unmetPrerequisites; an application still waiting for them has no deadline yet.
  const blocked = `(i.prerequisites <> '[]' AND EXISTS (SELECT 1 FROM case_items p WHERE p.case_id = i.case_id AND p.item_code IN (SELECT jsonb_array_elements_text(i.prerequisites)) AND p.status NOT IN (${SATISFIED.map((x) => `'${x}'`).join(', ')})))`;
  // Paused items after the running ones: their due dates move when they resume.
  const due = `(CASE i.status WHEN 'ACCEPTED' THEN i.promised_due_on WHEN 'APPLIED' THEN CASE WHEN ${blocked} THEN NULL ELSE i.acceptance_due_on END END)`;
  const where = [
    `i.status IN (${OPEN_ITEM_STATUSES.map((x) => `'${x}'`).join(', ')})`,
    `c.status IN (${OPEN_CASE_STATUSES.map((x) => `'${x}'`).join(', ')})`,
    ...(zones ? [`c.zone_code = ANY(${add(zones)}::varchar[])`] : []),
    ...(department ? [`i.department = ${add(department)}`] : []),
    ...(q.status ? [`i.status = ${add(q.status)}`] : []),
  ];
  if (q.q) {
    // Part of the project's name, its code or the enterprise's name (pg_trgm GIN indexes from 3 characters: migration 1764800000000).
    const like = likeOf(q.q);
    const pattern = add(`%${likeEscaped(q.q)}%`);
    where.push(`(c.project_name ${like} ${pattern} OR c.project_code ${like} ${pattern} OR c.enterprise_name ${like} ${pattern})`);
  }
  if (q.due === 'overdue' || q.rag === 'red') where.push(`${due} < ${add(today)}::date`);
  if (q.due === 'today') where.push(`${due} = ${add(today)}::date`);
  if (q.due === 'week') where.push(`${due} <= ${add(addDays(today, DUE_WEEK_DAYS - 1))}::date`);
  let from = 'FROM case_items i JOIN cases c ON c.id = i.case_id';
  if (q.rag === 'amber') {
    // domain/deadlines.ts rag(): amber when not past due and at most the case rules' amberWorkingDays working days are left,
    // i.e. due before the (amberWorkingDays + 1)-th working day after today: those days, one per threshold, come from the calendar in code.
    const thresholds = Array.from({ length: AMBER_MAX + 1 }, (_, k) => chinaCalendar.addWorkingDays(today, k + 1));
    from += ' JOIN zone_rule_versions r ON r.zone_code = c.rules_zone AND r.version = c.rules_version';
    where.push(`${due} >= ${add(today)}::date`, `${due} < (${add(thresholds)}::date[])[LEAST(r.amber_working_days, ${AMBER_MAX}) + 1]`);
  }
  return { from: `${from} WHERE ${where.join(' AND ')}`, params, due, blocked };
}

@Injectable()
export class ApprovalQueries {
  constructor(
    private readonly dataSource: DataSource,
    private readonly settings: SettingsService,
  ) {}

  async caseById(id: string, principal: Principal): Promise<CaseView> {
    const c = await this.dataSource.getRepository(CaseOrm).findOneBy({ id });
    if (!c || !seesProject(principal, c)) throw DomainError.notFound({ zh: `案件不存在：${id}`, en: `no case ${id}` }, 'case-not-found');
    return this.view(c, principal);
  }

  async caseOfProject(projectId: string, principal: Principal): Promise<CaseView> {
    const c = await this.dataSource.getRepository(CaseOrm).findOneBy({ projectId });
    if (!c || !seesProject(principal, c)) throw DomainError.notFound({ zh: `该项目没有承诺制案件：${projectId}`, en: `no case for project ${projectId}` }, 'case-not-found');
    return this.view(c, principal);
  }

  async list(q: { zone?: string; status?: CaseStatus } & PageQuery, principal: Principal): Promise<Page<CaseSummaryView>> {
    const { page, pageSize, skip, take } = pageOf(q);
    const zones = isProvinceWide(principal) || principal.role === 'enterprise' ? undefined : principal.zones.filter((z) => !q.zone || z === q.zone);
    const [rows, total] = await this.dataSource.getRepository(CaseOrm).findAndCount({
      where: {
        ...(q.zone ? { zoneCode: q.zone } : {}),
        ...(zones ? { zoneCode: In(zones) } : {}),
        ...(principal.role === 'enterprise' ? { creditCode: principal.creditCode ?? '' } : {}),
        ...(q.status ? { status: q.status } : {}),
      },
      order: { openedOn: 'DESC', id: 'ASC' },
      skip,
      take,
    });
    const today = chinaDate();
    return { items: rows.map((c) => caseSummaryView(c, today, principal)), total, page, pageSize };
  }

  /**
   * The departments' queue: items with a department (applied and awaiting 受理,
   * under review, paused, awaiting corrections) of cases not yet granted, running
   * ones by due date with red/amber/green, paused ones after. A department
   * officer sees its own department's unless it asks for another. Each entry
   * carries the item commands the caller may take now. Filtered in SQL before
   * paging: text (q), status, due window, red/amber.
   */
  async queue(q: QueueFilters & PageQuery, principal: Principal): Promise<Page<QueueEntryView>> {
    const today = chinaDate();
    const { page, pageSize, skip, take } = pageOf(q);
    const sql = queueSql(q, principal, today);
    if (!sql) return { items: [], total: 0, page, pageSize };
    const { from, params, due } = sql;
    const add = (value: unknown) => `$${params.push(value)}`;
    const whereParams = [...params];
    // The page and the total in one statement; past the last page, the total alone.
    const keys = (await this.dataSource.query(
      `SELECT i.case_id, i.item_code, count(*) OVER ()::int AS total ${from} ORDER BY ${due} NULLS LAST, c.project_code COLLATE "C", i.item_code COLLATE "C" LIMIT ${add(take)} OFFSET ${add(skip)}`,
      params,
    )) as { case_id: string; item_code: string; total: number }[];
    const total = keys.length ? keys[0].total : ((await this.dataSource.query(`SELECT count(*)::int AS total ${from}`, whereParams)) as { total: number }[])[0].total;
    const caseIds = [...new Set(keys.map((k) => k.case_id))];
    const cases = new Map((caseIds.length ? await this.dataSource.getRepository(CaseOrm).findBy({ id: In(caseIds) }) : []).map((c) => [c.id, c]));
    const itemsOf = new Map<string, CaseItemOrm[]>();
    for (const i of caseIds.length ? await this.dataSource.getRepository(CaseItemOrm).findBy({ caseId: In(caseIds) }) : []) itemsOf.set(i.caseId, [...(itemsOf.get(i.caseId) ?? []), i]);
    const amber = new Map<string, number>();
    for (const c of cases.values()) {
      const key = `${c.rulesZone}@${c.rulesVersion}`;
      if (!amber.has(key)) amber.set(key, (await this.settings.forCase(c)).amberWorkingDays);
    }
    const items = keys.flatMap(({ case_id, item_code }): QueueEntryView[] => {
      const c = cases.get(case_id);
      const i = itemsOf.get(case_id)?.find((x) => x.itemCode === item_code);
      if (!c || !i) return [];
      const view = itemView(i, c, itemsOf.get(c.id) ?? [], today, amber.get(`${c.rulesZone}@${c.rulesVersion}`) ?? 2, principal);
      const entry: QueueEntryView = {
        caseId: c.id,
        projectId: c.projectId,
        projectCode: c.projectCode,
        projectName: c.projectName,
        enterpriseName: c.enterpriseName,
        zoneCode: c.zoneCode,
        itemCode: i.itemCode,
        itemName: i.name,
        department: i.department,
        procedure: view.procedure,
        procedureName: view.procedureName,
        status: i.status,
        statusName: view.statusName,
        clock: view.clock,
        blockedBy: view.blockedBy,
        acceptanceDueOn: view.acceptanceDueOn,
        promisedDueOn: i.promisedDueOn,
        legalDueOn: i.legalDueOn,
        dueOn: view.clock === 'paused' ? null : (view.acceptanceDueOn ?? i.promisedDueOn),
        pauses: view.pauses,
        ...(view.rag !== undefined && view.workingDaysLeft !== undefined ? { rag: view.rag, workingDaysLeft: view.workingDaysLeft } : {}),
        actions: view.actions,
      };
      return [entry];
    });
    return { items, total, page, pageSize };
  }

  /** The counts over the whole filtered queue (the same filters as queue(), no paging): SQL aggregates in one statement. */
  async queueSummary(q: QueueFilters, principal: Principal): Promise<QueueSummaryView> {
    const today = chinaDate();
    const sql = queueSql(q, principal, today);
    if (!sql) return { count: 0, overdue: 0, dueToday: 0, dueThisWeek: 0, paused: 0, blocked: 0 };
    const { from, params, due, blocked } = sql;
    const add = (value: unknown) => `$${params.push(value)}`;
    const [todayParam, weekEnd] = [add(today), add(addDays(today, DUE_WEEK_DAYS - 1))];
    const [row] = (await this.dataSource.query(
      `SELECT count(*)::int AS count,
        count(*) FILTER (WHERE ${due} < ${todayParam}::date)::int AS overdue,
        count(*) FILTER (WHERE ${due} = ${todayParam}::date)::int AS "dueToday",
        count(*) FILTER (WHERE ${due} <= ${weekEnd}::date)::int AS "dueThisWeek",
        count(*) FILTER (WHERE i.status IN ('PAUSED', 'CORRECTIONS_REQUESTED'))::int AS paused,
        count(*) FILTER (WHERE i.status = 'APPLIED' AND ${blocked})::int AS blocked
      ${from}`,
      params,
    )) as QueueSummaryView[];
    return row;
  }

  /** The case as stored, when the caller may see it (404 otherwise): with its items in order and its record (the documents read it too). */
  async caseRecord(id: string, principal: Principal): Promise<{ c: CaseOrm; items: CaseItemOrm[]; opinions: CaseOpinionOrm[] }> {
    const c = await this.dataSource.getRepository(CaseOrm).findOneBy({ id });
    if (!c || !seesProject(principal, c)) throw DomainError.notFound({ zh: `案件不存在：${id}`, en: `no case ${id}` }, 'case-not-found');
    return { c, ...(await this.partsOf(c)) };
  }

  private async partsOf(c: CaseOrm): Promise<{ items: CaseItemOrm[]; opinions: CaseOpinionOrm[] }> {
    const [items, opinions] = await Promise.all([
      this.dataSource.getRepository(CaseItemOrm).find({ where: { caseId: c.id }, order: { sort: 'ASC' } }),
      this.dataSource.getRepository(CaseOpinionOrm).find({ where: { caseId: c.id }, order: { recordedAt: 'ASC', id: 'ASC' } }),
    ]);
    return { items, opinions };
  }

  private async view(c: CaseOrm, principal: Principal): Promise<CaseView> {
    const rules = await this.settings.forCase(c);
    const { items, opinions } = await this.partsOf(c);
    return caseView(c, rules, items, opinions, chinaDate(), principal);
  }
}
