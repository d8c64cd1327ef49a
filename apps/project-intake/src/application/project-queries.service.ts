import { Injectable } from '@nestjs/common';
import { DataSource, type SelectQueryBuilder } from 'typeorm';
import { isProvinceWide, seesProject, type Principal } from '@devzone/auth';
import { pageIn, pageOf, type Page, type PageQuery } from '@devzone/platform';
import { chinaDate, DomainError } from '@devzone/shared-kernel';
import { ProjectOrm, TimelineEntryOrm, ZoneOrm } from '../infrastructure/orm-entities';
import type { ListProjectsQuery } from '../api/requests.dto';
import type { ProjectView, TimelineEntryView } from '../api/projects.views';
import type { ZoneView } from '../api/zones.views';
import { projectView, projectWhere, timelineEntryView } from './project.view';

@Injectable()
export class ProjectQueries {
  constructor(private readonly dataSource: DataSource) {}

  private zoneCache: { at: number; zones: Promise<ZoneOrm[]> } | null = null;

  /** Zones are configuration data: read at most once a minute (every project view needs its zone). */
  async zones(): Promise<ZoneOrm[]> {
    if (!this.zoneCache || Date.now() - this.zoneCache.at > 60_000) {
      const zones = this.dataSource.getRepository(ZoneOrm).find({ order: { code: 'ASC' } });
      this.zoneCache = { at: Date.now(), zones };
      zones.catch(() => (this.zoneCache = null));
    }
    return this.zoneCache.zones;
  }

  /** GET /zones: a page of the (few) zones, by code. */
  async zonePage(q: PageQuery): Promise<Page<ZoneView>> {
    const zones = (await this.zones()).map((z): ZoneView => ({
      code: z.code,
      name: z.name,
      level: z.level,
      city: z.city,
      regionCode: z.regionCode,
      departmentCode: z.departmentCode,
      rules: z.rules,
    }));
    return pageIn(zones, q);
  }

  async list(q: ListProjectsQuery, principal: Principal): Promise<Page<ProjectView>> {
    const asOf = q.asOf ?? chinaDate();
    const { page, pageSize, skip, take } = pageOf(q);
    const query = this.dataSource.getRepository(ProjectOrm).createQueryBuilder('p');
    this.scope(query, principal);
    if (q.zone) query.andWhere('p.zone_code = :zone', { zone: q.zone });
    if (q.stage) query.andWhere('p.stage = :stage', { stage: q.stage });
    if (q.industry) query.andWhere('p.industry_code LIKE :industry', { industry: `${q.industry}%` });
    if (q.round) query.andWhere('p.three_batches_round = :round', { round: q.round });
    if (q.signedFrom) query.andWhere('p.signed_on >= :from', { from: q.signedFrom });
    if (q.signedTo) query.andWhere('p.signed_on <= :to', { to: q.signedTo });
    if (q.overdue !== undefined) this.overdue(query, q.overdue, asOf);
    const [rows, total] = await query
      .orderBy('p.signed_on', 'DESC')
      .addOrderBy('p.code', 'ASC')
      .skip(skip)
      .take(take)
      .getManyAndCount();
    const zones = new Map((await this.zones()).map((z) => [z.code, z]));
    return { items: rows.map((p) => projectView(p, zones.get(p.zoneCode), asOf, principal)), total, page, pageSize };
  }

  /** Behind plan: not terminated, and a milestone's planned date has passed without it happening. */
  private overdue(query: SelectQueryBuilder<ProjectOrm>, overdue: boolean, asOf: string): void {
    const condition = `(p.stage <> 'TERMINATED' AND (
      (p.actual_start IS NULL AND p.planned_start < :asOf) OR
      (p.actual_completion IS NULL AND p.planned_completion < :asOf) OR
      (p.actual_production IS NULL AND p.planned_production < :asOf)))`;
    query.andWhere(overdue ? condition : `NOT ${condition}`, { asOf });
  }

  /** What the caller may see: its enterprise's projects, or its zones' (province-wide roles: all). */
  private scope(query: SelectQueryBuilder<ProjectOrm>, p: Principal): void {
    if (p.role === 'enterprise') query.andWhere('p.credit_code = :scopeCredit', { scopeCredit: p.creditCode ?? '' });
    else if (!isProvinceWide(p)) query.andWhere('p.zone_code IN (:...scopeZones)', { scopeZones: p.zones.length ? p.zones : [''] });
  }

  async get(idOrCode: string, principal: Principal): Promise<ProjectView> {
    const project = await this.find(idOrCode, principal);
    const zone = (await this.zones()).find((z) => z.code === project.zoneCode);
    return projectView(project, zone, chinaDate(), principal);
  }

  /** A page of the project's timeline, oldest first (in the order the events occurred, then as recorded); paged and counted in SQL. */
  async timeline(idOrCode: string, q: PageQuery, principal: Principal): Promise<Page<TimelineEntryView>> {
    const project = await this.find(idOrCode, principal);
    const { page, pageSize, skip, take } = pageOf(q);
    const [entries, total] = await this.dataSource
      .getRepository(TimelineEntryOrm)
      .findAndCount({ where: { projectId: project.id }, order: { occurredAt: 'ASC', seq: 'ASC' }, skip, take });
    return { items: entries.map(timelineEntryView), total, page, pageSize };
  }

  private async find(idOrCode: string, principal: Principal): Promise<ProjectOrm> {
    const project = await this.dataSource.getRepository(ProjectOrm).findOneBy(projectWhere(idOrCode));
    if (!project || !seesProject(principal, project)) throw DomainError.notFound({ zh: `项目不存在：${idOrCode}`, en: `no project ${idOrCode}` }, 'project-not-found');
    return project;
  }
}
