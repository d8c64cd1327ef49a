import { Injectable } from '@nestjs/common';
import { DataSource, type SelectQueryBuilder } from 'typeorm';
import { TIMELINE_KIND_CONTEXT } from '@devzone/contracts';
import { isProvinceWide, seesProject, type Principal } from '@devzone/auth';
import { pageIn, pageOf, type Page, type PageQuery } from '@devzone/platform';
import { chinaDate, DomainError } from '@devzone/shared-kernel';
import { ProjectOrm, TimelineEntryOrm, ZoneOrm } from '../infrastructure/orm-entities';
import type { ListProjectsQuery } from '../api/requests.dto';
import type { TimelineQuery } from '../api/timeline.dto';
import type { ProjectView, TimelineEntryView } from '../api/projects.views';
import type { ZoneView } from '../api/zones.views';
import { PROJECT_CODE_FORMAT } from '../domain/project-code';
import { OBJECT_FIELDS } from '../domain/timeline.objects';
import { projectView, projectWhere, timelineEntryView } from './project.view';

/** A whole 统一社会信用代码 (18 characters): looked up by equality. */
const CREDIT_CODE_SHAPE = /^[0-9A-Z]{18}$/;
/** A text for LIKE: its own %, _ and backslash match themselves (backslash is LIKE's escape). */
const likeEscaped = (text: string) => text.replace(/[\\%_]/g, '\\$&');

/** How many rows a list's query finds over all its pages: count(*) (one row per project, no joins), cheaper than TypeORM's COUNT(DISTINCT id). */
const countOf = (query: SelectQueryBuilder<ProjectOrm>) => query.clone().select('count(*)::int', 'total').orderBy().skip(undefined).take(undefined);

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
    const { page, pageSize } = pageOf(q);
    const query = this.listQuery(q, principal, asOf);
    const [rows, counted] = await Promise.all([query.getMany(), countOf(query).getRawOne<{ total: number }>()]);
    const total = counted?.total ?? 0;
    const zones = new Map((await this.zones()).map((z) => [z.code, z]));
    return { items: rows.map((p) => projectView(p, zones.get(p.zoneCode), asOf, principal)), total, page, pageSize };
  }

  /** One page of the caller's projects that pass the filters, latest signing first. */
  private listQuery(q: ListProjectsQuery, principal: Principal, asOf: string): SelectQueryBuilder<ProjectOrm> {
    const { skip, take } = pageOf(q);
    const query = this.dataSource.getRepository(ProjectOrm).createQueryBuilder('p');
    this.scope(query, principal);
    if (q.zone) query.andWhere('p.zone_code = :zone', { zone: q.zone });
    if (q.stage) query.andWhere('p.stage = :stage', { stage: q.stage });
    if (q.industry) query.andWhere('p.industry_code LIKE :industry', { industry: `${q.industry}%` });
    if (q.round) query.andWhere('p.three_batches_round = :round', { round: q.round });
    if (q.signedFrom) query.andWhere('p.signed_on >= :from', { from: q.signedFrom });
    if (q.signedTo) query.andWhere('p.signed_on <= :to', { to: q.signedTo });
    if (q.overdue !== undefined) this.overdue(query, q.overdue, asOf);
    if (q.q) this.search(query, q.q);
    if (q.ids) query.andWhere('p.id IN (:...ids)', { ids: q.ids });
    return query.orderBy('p.signed_on', 'DESC').addOrderBy('p.code', 'ASC').skip(skip).take(take);
  }

  /** Behind plan: not terminated, and a milestone's planned date has passed without it happening. */
  private overdue(query: SelectQueryBuilder<ProjectOrm>, overdue: boolean, asOf: string): void {
    const condition = `(p.stage <> 'TERMINATED' AND (
      (p.actual_start IS NULL AND p.planned_start < :asOf) OR
      (p.actual_completion IS NULL AND p.planned_completion < :asOf) OR
      (p.actual_production IS NULL AND p.planned_production < :asOf)))`;
    query.andWhere(overdue ? condition : `NOT ${condition}`, { asOf });
  }

  /**
   * `q`: part of the project's or the enterprise's name, case-insensitive (ILIKE,
   * served by the pg_trgm GIN indexes projects_name_trgm and
   * projects_enterprise_name_trgm once the text has 3 characters), or a whole
   * project code or credit code (equality, served by their b-tree indexes).
   * Migration 1764400700000; docs/project-intake.md (Search).
   */
  private search(query: SelectQueryBuilder<ProjectOrm>, text: string): void {
    const exact = text.toUpperCase();
    // Text without letters that have a case (Chinese, digits) needs no case folding: LIKE compares bytes, about 3× faster than ILIKE where a scan is needed; both use the trigram indexes.
    const like = text.toLowerCase() === exact ? 'LIKE' : 'ILIKE';
    const alternatives = [`p.name ${like} :searchPattern`, `p.enterprise_name ${like} :searchPattern`];
    if (PROJECT_CODE_FORMAT.test(exact)) alternatives.push('p.code = :searchExact');
    if (CREDIT_CODE_SHAPE.test(exact)) alternatives.push('p.credit_code = :searchExact');
    query.andWhere(`(${alternatives.join(' OR ')})`, { searchPattern: `%${likeEscaped(text)}%`, searchExact: exact });
  }

  /** The SQL and parameters of a list request's page and of its count, as list() sends them (test/search.int-spec.ts explains their plans). */
  listSql(q: ListProjectsQuery, principal: Principal): { page: [string, unknown[]]; count: [string, unknown[]] } {
    const query = this.listQuery(q, principal, q.asOf ?? chinaDate());
    return { page: query.getQueryAndParameters(), count: countOf(query).getQueryAndParameters() };
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

  /**
   * A page of the project's timeline, newest first (order=asc: in the order the
   * events occurred), then as recorded; narrowed by source, kind (the event
   * type's context) or object (any of the payload's OBJECT_FIELDS); filtered,
   * paged and counted in SQL over the index (project_id, occurred_at DESC, seq DESC)
   * (migration 1764400850000).
   */
  async timeline(idOrCode: string, q: TimelineQuery, principal: Principal): Promise<Page<TimelineEntryView>> {
    const project = await this.find(idOrCode, principal);
    const { page, pageSize, skip, take } = pageOf(q);
    const direction = q.order === 'asc' ? 'ASC' : 'DESC';
    const query = this.dataSource.getRepository(TimelineEntryOrm).createQueryBuilder('e').where('e.project_id = :projectId', { projectId: project.id });
    if (q.source) query.andWhere('e.source = :source', { source: q.source });
    if (q.kind) query.andWhere('e.type LIKE :kindPattern', { kindPattern: `${TIMELINE_KIND_CONTEXT[q.kind]}.%` });
    if (q.object) query.andWhere(`(${OBJECT_FIELDS.map((field) => `e.payload->>'${field}' = :object`).join(' OR ')})`, { object: q.object });
    const [entries, total] = await query.orderBy('e.occurredAt', direction).addOrderBy('e.seq', direction).offset(skip).limit(take).getManyAndCount();
    return { items: entries.map(timelineEntryView), total, page, pageSize };
  }

  private async find(idOrCode: string, principal: Principal): Promise<ProjectOrm> {
    const project = await this.dataSource.getRepository(ProjectOrm).findOneBy(projectWhere(idOrCode));
    if (!project || !seesProject(principal, project)) throw DomainError.notFound({ zh: `项目不存在：${idOrCode}`, en: `no project ${idOrCode}` }, 'project-not-found');
    return project;
  }
}
