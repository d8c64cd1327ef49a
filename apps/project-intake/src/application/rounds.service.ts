import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, QueryFailedError, type EntityManager } from 'typeorm';
import { coversZone, isProvinceWide, type Principal } from '@devzone/auth';
import { pageOf, type Page } from '@devzone/platform';
import { chinaDate, DomainError, type IsoDate } from '@devzone/shared-kernel';
import type { LifecycleStage } from '@devzone/contracts';
import { BEHIND_PLAN_LIMIT, ratio, round4, type Milestone } from '../domain/figures';
import { firstOverlap, type Batch, type Window } from '../domain/rounds';
import { RoundOrm, ZoneOrm } from '../infrastructure/orm-entities';
import type { BatchProjectsQuery, CreateRoundRequest, FiguresQuery, ListRoundsQuery, WindowBatchProjectsQuery } from '../api/requests.dto';
import type { BatchProjectView, BatchTallyView, DurationStatsView, TallyView, ThreeBatchesView } from '../api/figures.views';
import type { RoundView } from '../api/rounds.views';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Where a window's figures are taken: its zones (null: every zone), its days, as of when. */
interface Selection {
  zones: string[] | null;
  window: Window;
  asOf: IsoDate;
  round: RoundView | null;
}

/** The date column that puts a project in each batch (and orders the batch's list). */
const BATCH_COLUMN: Record<Batch, string> = { signed: 'p.signed_on', started: 'p.actual_start', 'in-production': 'p.actual_production' };

/** Positional parameters for hand-written SQL. */
class Params {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/** The SQL of a selection: its zones, and "this date is in the window as of asOf" (domain/rounds.ts inWindow). */
function selectionSql(s: Selection, params: Params) {
  const asOf = `${params.add(s.asOf)}::date`;
  const from = s.window.from ? `${params.add(s.window.from)}::date` : null;
  const to = s.window.to ? `${params.add(s.window.to)}::date` : null;
  const scope = s.zones === null ? 'TRUE' : `p.zone_code = ANY(${params.add(s.zones)}::varchar[])`;
  const within = (column: string) => `(${[`${column} IS NOT NULL`, `${column} <= ${asOf}`, ...(from ? [`${column} >= ${from}`] : []), ...(to ? [`${column} <= ${to}`] : [])].join(' AND ')})`;
  /** Reached by asOf (domain/rounds.ts happenedBy). */
  const by = (column: string) => `(${column} IS NOT NULL AND ${column} <= ${asOf})`;
  return { asOf, scope, within, by };
}

const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));
const numOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
const duration = (count: unknown, median: unknown, p90: unknown): DurationStatsView => ({ count: num(count), medianDays: numOrNull(median), p90Days: numOrNull(p90) });

/**
 * 三个一批 rounds (data: a zone's windows of days), the figures of a window and
 * each batch's projects. Every figure is computed by PostgreSQL (COUNT / SUM …
 * FILTER, percentile_cont / percentile_disc, paged lists): nothing loads a
 * scope's projects into memory. The rule is domain/rounds.ts and
 * domain/figures.ts; test/rounds.int-spec.ts checks that this SQL agrees with it.
 */
@Injectable()
export class RoundsService {
  constructor(private readonly dataSource: DataSource) {}

  // ————— Rounds —————

  /** 新建批次: a zone manager of the zone, or an administrator. Rounds of one zone may not share a day. */
  async create(r: CreateRoundRequest, principal: Principal): Promise<RoundView> {
    if (!coversZone(principal, r.zoneCode)) throw zoneNotFound(r.zoneCode);
    const name = r.name.trim();
    try {
      const id = await this.dataSource.transaction(async (m) => {
        if (!(await m.existsBy(ZoneOrm, { code: r.zoneCode }))) throw DomainError.invalid('zoneCode', { zh: `未知的开发区 ${r.zoneCode}`, en: `unknown zone ${r.zoneCode}` }, 'unknown-zone');
        // One creation per zone at a time: the overlap check and the insert see every round of the zone.
        await m.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`rounds:${r.zoneCode}`]);
        const existing = await m.find(RoundOrm, { where: { zoneCode: r.zoneCode } });
        if (existing.some((x) => x.name === name)) throw roundExists(name);
        const other = firstOverlap({ startsOn: r.startsOn, endsOn: r.endsOn }, existing);
        if (other) {
          throw DomainError.refused(
            {
              zh: `批次时间与本开发区的「${other.name}」（${other.startsOn} 至 ${other.endsOn}）重叠；同一开发区的批次不能重叠`,
              en: `the window overlaps the zone's round ${other.name} (${other.startsOn} to ${other.endsOn})`,
            },
            'round-overlaps',
          );
        }
        const round = m.create(RoundOrm, { id: randomUUID(), zoneCode: r.zoneCode, name, startsOn: r.startsOn, endsOn: r.endsOn, createdBy: principal.sub });
        await m.insert(RoundOrm, round);
        return round.id;
      });
      return this.view(await this.dataSource.getRepository(RoundOrm).findOneByOrFail({ id }));
    } catch (error) {
      if (error instanceof QueryFailedError && (error.driverError as { constraint?: string }).constraint === 'rounds_zone_name_key') throw roundExists(name);
      throw error;
    }
  }

  /** The rounds of a zone (or of every zone the caller sees), latest first. */
  async list(q: ListRoundsQuery, principal: Principal): Promise<Page<RoundView>> {
    const { page, pageSize, skip, take } = pageOf(q);
    const query = this.dataSource.getRepository(RoundOrm).createQueryBuilder('r');
    if (q.zone) {
      await this.zoneFor(q.zone, principal);
      query.where('r.zone_code = :zone', { zone: q.zone });
    } else if (!isProvinceWide(principal)) {
      query.where('r.zone_code IN (:...zones)', { zones: principal.zones.length ? principal.zones : [''] });
    }
    const [rows, total] = await query.orderBy('r.starts_on', 'DESC').addOrderBy('r.zone_code', 'ASC').addOrderBy('r.id', 'ASC').skip(skip).take(take).getManyAndCount();
    const names = await this.zoneNames();
    return { items: rows.map((r) => viewOf(r, names)), total, page, pageSize };
  }

  /** One round; another zone's is not found. */
  async get(id: string, principal: Principal): Promise<RoundView> {
    const round = UUID.test(id) ? await this.dataSource.getRepository(RoundOrm).findOneBy({ id }) : null;
    if (!round || !coversZone(principal, round.zoneCode)) throw DomainError.notFound({ zh: `批次不存在：${id}`, en: `no round ${id}` }, 'round-not-found');
    return this.view(round);
  }

  // ————— Figures of a window —————

  /** GET /figures/three-batches: a round, or zone + from–to; `asOf` (default today) cuts every fact. */
  async threeBatches(q: FiguresQuery, principal: Principal): Promise<ThreeBatchesView> {
    const selection = await this.select(q, principal);
    const figures = await this.dataSource.transaction('REPEATABLE READ', async (m) => ({ ...(await this.tallies(m, selection)), ...(await this.behindPlan(m, selection)) }));
    return { filter: q, round: selection.round, asOf: selection.asOf, window: selection.window, ...figures };
  }

  /** One batch's projects of a round. */
  async roundProjects(roundId: string, q: BatchProjectsQuery, principal: Principal): Promise<Page<BatchProjectView>> {
    const round = await this.get(roundId, principal);
    return this.batchPage({ zones: [round.zoneCode], window: { from: round.startsOn, to: round.endsOn }, asOf: q.asOf ?? chinaDate(), round }, q);
  }

  /** One batch's projects of any window (a round, or zone + from–to). */
  async windowProjects(q: WindowBatchProjectsQuery, principal: Principal): Promise<Page<BatchProjectView>> {
    return this.batchPage(await this.select(q, principal), q);
  }

  private async select(q: FiguresQuery, principal: Principal): Promise<Selection> {
    const asOf = q.asOf ?? chinaDate();
    if (q.round) {
      if (q.from || q.to) throw DomainError.invalid('round', { zh: '批次与自定义时间段（from/to）不能同时使用', en: 'give either round or from/to, not both' });
      const round = await this.get(q.round, principal);
      if (q.zone && q.zone !== round.zoneCode) throw DomainError.invalid('zone', { zh: `批次「${round.name}」属于开发区 ${round.zoneCode}，不属于 ${q.zone}`, en: `round ${round.name} is of zone ${round.zoneCode}, not ${q.zone}` });
      return { zones: [round.zoneCode], window: { from: round.startsOn, to: round.endsOn }, asOf, round };
    }
    const window = { from: q.from ?? null, to: q.to ?? null };
    if (q.zone) {
      await this.zoneFor(q.zone, principal);
      return { zones: [q.zone], window, asOf, round: null };
    }
    return { zones: isProvinceWide(principal) ? null : principal.zones, window, asOf, round: null };
  }

  /** The three batches, the cohort's rates and the durations per zone: one grouped query (per zone and in total). */
  private async tallies(m: EntityManager, s: Selection): Promise<Omit<ThreeBatchesView, 'filter' | 'round' | 'asOf' | 'window' | 'behindPlan' | 'behindPlanTotal'>> {
    const params = new Params();
    const { scope, within, by } = selectionSql(s, params);
    const rows: Record<string, unknown>[] = await m.query(
      `WITH x AS (
         SELECT p.zone_code, p.signed_on, p.actual_start, p.actual_production,
                p.total_investment AS investment, p.projected_annual_output AS projected, p.actual_annual_output AS actual,
                ${within('p.signed_on')} AS s, ${within('p.actual_start')} AS st, ${within('p.actual_production')} AS pr,
                ${by('p.actual_start')} AS started_by, ${by('p.actual_production')} AS produced_by,
                (p.actual_annual_output IS NOT NULL AND ${by('coalesce(p.actual_full_production, p.actual_production)')}) AS reported
           FROM projects p
          WHERE ${scope} AND (${within('p.signed_on')} OR ${within('p.actual_start')} OR ${within('p.actual_production')})
       )
       SELECT GROUPING(zone_code) AS is_total, zone_code,
              count(*) FILTER (WHERE s) AS signed_n, sum(investment) FILTER (WHERE s) AS signed_inv, sum(projected) FILTER (WHERE s) AS signed_out,
              count(*) FILTER (WHERE st) AS started_n, sum(investment) FILTER (WHERE st) AS started_inv, sum(projected) FILTER (WHERE st) AS started_out,
              count(*) FILTER (WHERE pr) AS production_n, sum(investment) FILTER (WHERE pr) AS production_inv, sum(projected) FILTER (WHERE pr) AS production_out,
              count(*) FILTER (WHERE s AND started_by) AS cohort_started_n, sum(investment) FILTER (WHERE s AND started_by) AS cohort_started_inv,
              count(*) FILTER (WHERE s AND produced_by) AS cohort_production_n, sum(investment) FILTER (WHERE s AND produced_by) AS cohort_production_inv,
              sum(actual) FILTER (WHERE s AND produced_by AND reported) AS output_actual, sum(projected) FILTER (WHERE s AND produced_by AND reported) AS output_projected,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY actual_start - signed_on) FILTER (WHERE st) AS sts_median,
              percentile_disc(0.9) WITHIN GROUP (ORDER BY actual_start - signed_on) FILTER (WHERE st) AS sts_p90,
              count(*) FILTER (WHERE pr AND actual_start IS NOT NULL) AS stp_n,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY actual_production - actual_start) FILTER (WHERE pr AND actual_start IS NOT NULL) AS stp_median,
              percentile_disc(0.9) WITHIN GROUP (ORDER BY actual_production - actual_start) FILTER (WHERE pr AND actual_start IS NOT NULL) AS stp_p90
         FROM x
        GROUP BY GROUPING SETS ((zone_code), ())
        ORDER BY is_total DESC, zone_code COLLATE "C"`,
      params.values,
    );
    const total = rows.find((r) => num(r['is_total']) === 1) ?? {};
    const batch = (prefix: string): BatchTallyView => ({ count: num(total[`${prefix}_n`]), investment: round4(num(total[`${prefix}_inv`])), projectedAnnualOutput: round4(num(total[`${prefix}_out`])) });
    const tally = (prefix: string): TallyView => ({ count: num(total[`${prefix}_n`]), investment: round4(num(total[`${prefix}_inv`])) });
    const signed = tally('signed');
    const started = tally('cohort_started');
    const inProduction = tally('cohort_production');
    const projectedOutput = num(total['output_projected']);
    return {
      batches: { signed: batch('signed'), started: batch('started'), inProduction: batch('production') },
      signed,
      started,
      inProduction,
      startRate: ratio(started.count, signed.count),
      productionRate: ratio(inProduction.count, started.count),
      outputAttainment: projectedOutput === 0 ? null : round4(num(total['output_actual']) / projectedOutput),
      durationsByZone: rows
        .filter((r) => num(r['is_total']) === 0)
        .map((r) => ({
          zoneCode: String(r['zone_code']),
          signingToStart: duration(r['started_n'], r['sts_median'], r['sts_p90']),
          startToProduction: duration(r['stp_n'], r['stp_median'], r['stp_p90']),
        })),
    };
  }

  /** The cohort's projects behind plan at their first milestone not reached by asOf (domain/figures.ts firstMissedMilestone). */
  private async behindPlan(m: EntityManager, s: Selection): Promise<Pick<ThreeBatchesView, 'behindPlan' | 'behindPlanTotal'>> {
    const params = new Params();
    const { asOf, scope, within, by } = selectionSql(s, params);
    const first = (done: (m: Milestone) => string, value: (m: Milestone) => string) =>
      `CASE WHEN NOT ${done('start')} THEN ${value('start')} WHEN NOT ${done('completion')} THEN ${value('completion')} WHEN NOT ${done('production')} THEN ${value('production')} END`;
    const done = (m: Milestone) => by(`p.actual_${m}`);
    const rows: Record<string, unknown>[] = await m.query(
      `WITH b AS (
         SELECT p.id, p.code, p.name, p.zone_code, p.stage,
                ${first(done, (m) => `'${m}'`)} AS milestone,
                ${first(done, (m) => `p.planned_${m}`)} AS planned
           FROM projects p
          WHERE ${scope} AND ${within('p.signed_on')} AND p.stage <> 'TERMINATED'
       )
       SELECT id, code, name, zone_code, stage, milestone, planned::text AS planned, (${asOf} - planned) AS days_late, count(*) OVER () AS total
         FROM b
        WHERE milestone IS NOT NULL AND planned < ${asOf}
        ORDER BY days_late DESC, code COLLATE "C"
        LIMIT ${BEHIND_PLAN_LIMIT}`,
      params.values,
    );
    return {
      behindPlan: rows.map((r) => ({
        projectId: String(r['id']),
        code: String(r['code']),
        name: String(r['name']),
        zoneCode: String(r['zone_code']),
        stage: r['stage'] as LifecycleStage,
        milestone: r['milestone'] as Milestone,
        plannedDate: String(r['planned']),
        daysLate: num(r['days_late']),
      })),
      behindPlanTotal: rows.length ? num(rows[0]['total']) : 0,
    };
  }

  /** A page of one batch, ordered by the date that put each project in it, then id. */
  private async batchPage(s: Selection, q: BatchProjectsQuery): Promise<Page<BatchProjectView>> {
    const { page, pageSize, skip, take } = pageOf(q);
    const column = BATCH_COLUMN[q.batch];
    const params = new Params();
    const { asOf, scope, within } = selectionSql(s, params);
    const where = `${scope} AND ${within(column)}`;
    const [{ total }] = (await this.dataSource.query(`SELECT count(*) AS total FROM projects p WHERE ${where}`, params.values)) as { total: string }[];
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT p.id, p.code, p.name, p.enterprise_name, p.credit_code, p.zone_code, z.name AS zone_name, p.stage,
              p.signed_on::text AS signed_on,
              CASE WHEN p.actual_start <= ${asOf} THEN p.actual_start::text END AS actual_start,
              CASE WHEN p.actual_production <= ${asOf} THEN p.actual_production::text END AS actual_production,
              p.planned_start::text AS planned_start, p.planned_completion::text AS planned_completion, p.planned_production::text AS planned_production,
              p.total_investment, p.projected_annual_output
         FROM projects p JOIN zones z ON z.code = p.zone_code
        WHERE ${where}
        ORDER BY ${column}, p.id
        LIMIT ${params.add(take)} OFFSET ${params.add(skip)}`,
      params.values,
    );
    return {
      items: rows.map((r) => ({
        id: String(r['id']),
        code: String(r['code']),
        name: String(r['name']),
        enterprise: { name: String(r['enterprise_name']), creditCode: String(r['credit_code']) },
        zoneCode: String(r['zone_code']),
        zoneName: String(r['zone_name']),
        stage: r['stage'] as LifecycleStage,
        signedOn: String(r['signed_on']),
        actualStart: (r['actual_start'] as string | null) ?? null,
        actualProduction: (r['actual_production'] as string | null) ?? null,
        plannedStart: String(r['planned_start']),
        plannedCompletion: String(r['planned_completion']),
        plannedProduction: String(r['planned_production']),
        totalInvestment: num(r['total_investment']),
        projectedAnnualOutput: num(r['projected_annual_output']),
      })),
      total: num(total),
      page,
      pageSize,
    };
  }

  // ————— Helpers —————

  /** A zone the caller sees: unknown, or another's, is not found (as the other zone-scoped endpoints answer). */
  private async zoneFor(zone: string, principal: Principal): Promise<void> {
    if (!coversZone(principal, zone) || !(await this.dataSource.getRepository(ZoneOrm).existsBy({ code: zone }))) throw zoneNotFound(zone);
  }

  private async zoneNames(): Promise<Map<string, string>> {
    return new Map((await this.dataSource.getRepository(ZoneOrm).find()).map((z) => [z.code, z.name]));
  }

  private async view(r: RoundOrm): Promise<RoundView> {
    return viewOf(r, await this.zoneNames());
  }
}

const viewOf = (r: RoundOrm, names: Map<string, string>): RoundView => ({
  id: r.id,
  zoneCode: r.zoneCode,
  zoneName: names.get(r.zoneCode) ?? null,
  name: r.name,
  startsOn: r.startsOn,
  endsOn: r.endsOn,
  createdBy: r.createdBy,
  createdAt: r.createdAt.toISOString(),
});
const zoneNotFound = (zone: string) => DomainError.notFound({ zh: `开发区不存在或不在本人负责范围：${zone}`, en: `no zone ${zone} for you` }, 'unknown-zone');
const roundExists = (name: string) => DomainError.refused({ zh: `本开发区已有名为「${name}」的批次`, en: `the zone already has a round named ${name}` }, 'round-exists');
