import { Injectable } from '@nestjs/common';
import { DataSource, type SelectQueryBuilder } from 'typeorm';
import { isProvinceWide, seesProject, type Principal } from '@devzone/auth';
import { chinaDate, DomainError } from '@devzone/shared-kernel';
import { ProjectOrm, TimelineEntryOrm, ZoneOrm } from '../infrastructure/orm-entities';
import type { ListProjectsQuery } from '../api/requests.dto';
import { projectView, projectWhere, type ProjectView } from './project.view';

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

  async list(q: ListProjectsQuery, principal: Principal): Promise<{ items: ProjectView[]; total: number; page: number; pageSize: number }> {
    const asOf = q.asOf ?? chinaDate();
    const page = q.page ?? 1;
    const pageSize = q.pageSize ?? 20;
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
      .skip((page - 1) * pageSize)
      .take(pageSize)
      .getManyAndCount();
    const zones = new Map((await this.zones()).map((z) => [z.code, z]));
    return { items: rows.map((p) => projectView(p, zones.get(p.zoneCode), asOf)), total, page, pageSize };
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
    return projectView(project, zone, chinaDate());
  }

  async timeline(idOrCode: string, principal: Principal) {
    const project = await this.find(idOrCode, principal);
    const entries = await this.dataSource.getRepository(TimelineEntryOrm).find({ where: { projectId: project.id }, order: { occurredAt: 'ASC', seq: 'ASC' } });
    return {
      projectId: project.id,
      code: project.code,
      name: project.name,
      entries: entries.map((e) => ({
        eventId: e.eventId,
        type: e.type,
        source: e.source,
        occurredAt: e.occurredAt.toISOString(),
        actor: e.actor,
        summary: e.summary,
      })),
    };
  }

  private async find(idOrCode: string, principal: Principal): Promise<ProjectOrm> {
    const project = await this.dataSource.getRepository(ProjectOrm).findOneBy(projectWhere(idOrCode));
    if (!project || !seesProject(principal, project)) throw DomainError.notFound({ zh: `项目不存在：${idOrCode}`, en: `no project ${idOrCode}` }, 'project-not-found');
    return project;
  }
}
