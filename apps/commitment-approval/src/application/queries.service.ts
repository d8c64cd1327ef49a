import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { coversZone, isProvinceWide, seesProject, type Principal } from '@devzone/auth';
import { pageIn, type PageQuery } from '@devzone/platform';
import { chinaCalendar, chinaDate, DomainError } from '@devzone/shared-kernel';
import { CASE_STATUS_ZH, type CaseStatus } from '../domain/case.state-machine';
import { rag } from '../domain/deadlines';
import { ITEM_STATUS_ZH, ITEM_STATUSES, itemOpen } from '../domain/item.state-machine';
import { CaseItemOrm, CaseOrm } from '../infrastructure/orm-entities';
import { SettingsService } from './settings.service';

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

  /** The officer's queue: open items of cases not yet granted, by promised due date, red/amber/green. */
  async queue(q: { zone?: string; department?: string } & PageQuery, principal: Principal) {
    const today = chinaDate();
    if (q.zone && !coversZone(principal, q.zone)) {
      const { items, ...page } = pageIn([], q);
      return { asOf: today, entries: items, ...page };
    }
    const zones = isProvinceWide(principal) ? undefined : principal.zones;
    const cases = await this.dataSource.getRepository(CaseOrm).findBy({
      status: In(['OPENED', 'NOTIFIED', 'COMMITTED', 'IN_PUBLICITY', 'DECIDING']),
      ...(q.zone ? { zoneCode: q.zone } : zones ? { zoneCode: In(zones) } : {}),
    });
    const byId = new Map(cases.map((c) => [c.id, c]));
    const items = cases.length
      ? await this.dataSource.getRepository(CaseItemOrm).findBy({
          caseId: In([...byId.keys()]),
          status: In(ITEM_STATUSES.filter(itemOpen)),
          ...(q.department ? { department: q.department } : {}),
        })
      : [];
    const amber = new Map<string, number>();
    for (const zone of new Set(cases.map((c) => c.zoneCode))) amber.set(zone, (await this.settings.forZone(zone)).amberWorkingDays);
    const entries = items
      .flatMap((i) => {
        const c = byId.get(i.caseId);
        if (!c) return [];
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
          status: i.status,
          statusName: ITEM_STATUS_ZH[i.status],
          promisedDueOn: i.promisedDueOn,
          legalDueOn: i.legalDueOn,
          ...rag(chinaCalendar, i.promisedDueOn, today, amber.get(c.zoneCode) ?? 2),
        };
      })
      .sort((a, b) => a.promisedDueOn.localeCompare(b.promisedDueOn) || a.projectCode.localeCompare(b.projectCode) || a.itemCode.localeCompare(b.itemCode));
    const { items: onPage, ...page } = pageIn(entries, q);
    return { asOf: today, entries: onPage, ...page };
  }

  private async view(c: CaseOrm) {
    const today = chinaDate();
    const { amberWorkingDays } = await this.settings.forZone(c.zoneCode);
    const items = await this.dataSource.getRepository(CaseItemOrm).find({ where: { caseId: c.id }, order: { sort: 'ASC' } });
    return {
      ...c,
      statusName: CASE_STATUS_ZH[c.status],
      items: items.map((i) => ({
        itemCode: i.itemCode,
        name: i.name,
        department: i.department,
        regime: i.regime,
        status: i.status,
        statusName: ITEM_STATUS_ZH[i.status],
        legalLimitDays: i.legalLimitDays,
        promisedLimitDays: i.promisedLimitDays,
        legalDueOn: i.legalDueOn,
        promisedDueOn: i.promisedDueOn,
        dueDateCoverage: chinaCalendar.coverage(i.promisedDueOn),
        ...(itemOpen(i.status) ? rag(chinaCalendar, i.promisedDueOn, today, amberWorkingDays) : {}),
        documents: i.documents,
        decidedOn: i.decidedOn,
        note: i.note,
        missingDocuments: i.missingDocuments,
        supplyBy: i.supplyBy,
        suppliedOn: i.suppliedOn,
      })),
    };
  }
}
