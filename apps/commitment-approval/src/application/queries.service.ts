import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { coversZone, isProvinceWide, seesProject, type Principal } from '@devzone/auth';
import { pageOf, type PageQuery } from '@devzone/platform';
import { chinaCalendar, chinaDate, DomainError, type IsoDate } from '@devzone/shared-kernel';
import { CASE_STATUS_ZH, type CaseStatus } from '../domain/case.state-machine';
import { rag } from '../domain/deadlines';
import { acceptanceDueOn, PAUSE_REASON_ZH, pausedWorkingDays, PROCEDURE_ZH } from '../domain/item-clock';
import { clockRunning, ITEM_STATUS_ZH, ITEM_STATUSES, itemOpen, itemSatisfied } from '../domain/item.state-machine';
import { unmetPrerequisites } from '../domain/prerequisites';
import { CaseItemOrm, CaseOrm } from '../infrastructure/orm-entities';
import { SettingsService } from './settings.service';

const OPEN_ITEM_STATUSES = ITEM_STATUSES.filter(itemOpen);
const SATISFIED = ITEM_STATUSES.filter(itemSatisfied);
/** Cases whose items may still be waiting on a department (not yet granted). */
const OPEN_CASE_STATUSES: CaseStatus[] = ['OPENED', 'NOTIFIED', 'COMMITTED', 'IN_PUBLICITY', 'DECIDING'];

/** Where an item's clock stands: not started (no application, or not yet 受理), running, paused, or stopped (decided). */
export type ClockState = 'not-started' | 'awaiting-acceptance' | 'running' | 'paused' | 'stopped';

function clockOf(i: CaseItemOrm): ClockState {
  if (clockRunning(i.status)) return 'running';
  if (i.status === 'APPLIED') return 'awaiting-acceptance';
  if (i.status === 'PAUSED' || i.status === 'CORRECTIONS_REQUESTED') return 'paused';
  return i.status === 'PENDING' || i.status === 'COMMITTED' || i.status === 'REVOKED' ? 'not-started' : 'stopped';
}

/** The item as people read it: procedure, prerequisites still holding it, its clock and pauses, red/amber/green while it runs. */
function itemView(i: CaseItemOrm, caseItems: CaseItemOrm[], today: IsoDate, amberWorkingDays: number) {
  const clock = clockOf(i);
  const blockedBy = i.status === 'PENDING' || i.status === 'APPLIED' ? unmetPrerequisites(i, caseItems) : [];
  // An application waiting for its prerequisites has no acceptance deadline yet (nor is it deemed accepted: deadline-checker).
  const acceptBy = i.status === 'APPLIED' && i.appliedOn && !blockedBy.length ? acceptanceDueOn(chinaCalendar, i.appliedOn) : null;
  return {
    itemCode: i.itemCode,
    name: i.name,
    department: i.department,
    regime: i.regime,
    procedure: i.procedure,
    procedureName: i.procedure ? PROCEDURE_ZH[i.procedure] : '待选择（承诺制或一般程序）',
    status: i.status,
    statusName: ITEM_STATUS_ZH[i.status],
    prerequisites: i.prerequisites,
    blockedBy,
    clock,
    legalLimitDays: i.legalLimitDays,
    promisedLimitDays: i.promisedLimitDays,
    appliedOn: i.appliedOn,
    acceptanceDueOn: acceptBy,
    acceptedOn: i.acceptedOn,
    deemedAccepted: i.deemedAccepted,
    legalDueOn: i.legalDueOn,
    promisedDueOn: i.promisedDueOn,
    dueDateCoverage: i.promisedDueOn ? chinaCalendar.coverage(i.promisedDueOn) : null,
    pauses: i.pauses.map((p) => ({ ...p, reasonName: PAUSE_REASON_ZH[p.reason] })),
    pausedWorkingDays: pausedWorkingDays(chinaCalendar, i.pauses, today),
    ...(clock === 'running' && i.promisedDueOn ? rag(chinaCalendar, i.promisedDueOn, today, amberWorkingDays) : {}),
    ...(clock === 'awaiting-acceptance' && acceptBy ? rag(chinaCalendar, acceptBy, today, amberWorkingDays) : {}),
    documents: i.documents,
    decidedOn: i.decidedOn,
    note: i.note,
    missingDocuments: i.missingDocuments,
    supplyBy: i.supplyBy,
    suppliedOn: i.suppliedOn,
    revokedOn: i.revokedOn,
    revocationReason: i.revocationReason,
  };
}

@Injectable()
export class ApprovalQueries {
  constructor(
    private readonly dataSource: DataSource,
    private readonly settings: SettingsService,
  ) {}

  async caseById(id: string, principal: Principal) {
    const c = await this.dataSource.getRepository(CaseOrm).findOneBy({ id });
    if (!c || !seesProject(principal, c)) throw DomainError.notFound({ zh: `案件不存在：${id}`, en: `no case ${id}` }, 'case-not-found');
    return this.view(c);
  }

  async caseOfProject(projectId: string, principal: Principal) {
    const c = await this.dataSource.getRepository(CaseOrm).findOneBy({ projectId });
    if (!c || !seesProject(principal, c)) throw DomainError.notFound({ zh: `该项目没有承诺制案件：${projectId}`, en: `no case for project ${projectId}` }, 'case-not-found');
    return this.view(c);
  }

  async list(q: { zone?: string; status?: CaseStatus; page?: number; pageSize?: number }, principal: Principal) {
    const page = q.page ?? 1;
    const pageSize = q.pageSize ?? 20;
    const zones = isProvinceWide(principal) || principal.role === 'enterprise' ? undefined : principal.zones.filter((z) => !q.zone || z === q.zone);
    const [rows, total] = await this.dataSource.getRepository(CaseOrm).findAndCount({
      where: {
        ...(q.zone ? { zoneCode: q.zone } : {}),
        ...(zones ? { zoneCode: In(zones) } : {}),
        ...(principal.role === 'enterprise' ? { creditCode: principal.creditCode ?? '' } : {}),
        ...(q.status ? { status: q.status } : {}),
      },
      order: { openedOn: 'DESC', id: 'ASC' },
      skip: (page - 1) * pageSize,
      take: pageSize,
    });
    return { items: rows.map((c) => ({ ...c, statusName: CASE_STATUS_ZH[c.status] })), total, page, pageSize };
  }

  /**
   * The departments' queue: items with a department (applied and awaiting 受理,
   * under review, paused, awaiting corrections) of cases not yet granted, running
   * ones by due date with red/amber/green, paused ones after. A department
   * officer sees its own department's unless it asks for another.
   */
  async queue(q: { zone?: string; department?: string } & PageQuery, principal: Principal) {
    const today = chinaDate();
    const department = q.department ?? (principal.role === 'department-officer' ? principal.department : undefined);
    const { page, pageSize, skip, take } = pageOf(q);
    if (q.zone && !coversZone(principal, q.zone)) return { asOf: today, department: department ?? null, entries: [], total: 0, page, pageSize };
    // A queue is a zone's work list: province-wide, every zone's open items would be sorted for each page (issue 15).
    if (!q.zone && isProvinceWide(principal)) throw DomainError.invalid('zone', { zh: '请选择开发区：审批队列按开发区查看', en: 'give a zone: the queue is per zone for province-wide roles' });
    // Ordered and paged by PostgreSQL: only the page's cases and items are read.
    const params: unknown[] = [];
    const add = (value: unknown) => `$${params.push(value)}`;
    const zones = q.zone ? [q.zone] : isProvinceWide(principal) ? null : principal.zones;
    const where = [
      `i.status IN (${OPEN_ITEM_STATUSES.map((x) => `'${x}'`).join(', ')})`,
      `c.status IN (${OPEN_CASE_STATUSES.map((x) => `'${x}'`).join(', ')})`,
      ...(zones ? [`c.zone_code = ANY(${add(zones)}::varchar[])`] : []),
      ...(department ? [`i.department = ${add(department)}`] : []),
    ].join(' AND ');
    // domain/prerequisites.ts unmetPrerequisites; an application still waiting for them has no deadline yet.
    const blocked = `i.prerequisites <> '[]' AND EXISTS (SELECT 1 FROM case_items p WHERE p.case_id = i.case_id AND p.item_code IN (SELECT jsonb_array_elements_text(i.prerequisites)) AND p.status NOT IN (${SATISFIED.map((x) => `'${x}'`).join(', ')}))`;
    // Paused items after the running ones: their due dates move when they resume.
    const due = `CASE i.status WHEN 'ACCEPTED' THEN i.promised_due_on WHEN 'APPLIED' THEN CASE WHEN ${blocked} THEN NULL ELSE i.acceptance_due_on END END`;
    const from = `FROM case_items i JOIN cases c ON c.id = i.case_id WHERE ${where}`;
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
    const entries = keys.flatMap(({ case_id, item_code }) => {
      const c = cases.get(case_id);
      const i = itemsOf.get(case_id)?.find((x) => x.itemCode === item_code);
      if (!c || !i) return [];
      const view = itemView(i, itemsOf.get(c.id) ?? [], today, amber.get(`${c.rulesZone}@${c.rulesVersion}`) ?? 2);
      return {
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
        ...('rag' in view ? { rag: view.rag, workingDaysLeft: view.workingDaysLeft } : {}),
      };
    });
    return { asOf: today, department: department ?? null, entries, total, page, pageSize };
  }

  private async view(c: CaseOrm) {
    const today = chinaDate();
    const rules = await this.settings.forCase(c);
    const items = await this.dataSource.getRepository(CaseItemOrm).find({ where: { caseId: c.id }, order: { sort: 'ASC' } });
    return {
      ...c,
      statusName: CASE_STATUS_ZH[c.status],
      rules: { zone: rules.zoneCode, version: rules.version, effectiveFrom: rules.effectiveFrom },
      items: items.map((i) => itemView(i, items, today, rules.amberWorkingDays)),
    };
  }
}
