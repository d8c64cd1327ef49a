import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { coversZone, isProvinceWide, type Principal } from '@devzone/auth';
import { chinaDate, DomainError } from '@devzone/shared-kernel';
import { addMonths, PLAN_MONTHS_MAX, ROUNDS_CHART_LIMIT } from '../domain/figures-charts';
import { ZoneOrm } from '../infrastructure/orm-entities';
import type { PlanVsActualQuery, RoundsFiguresQuery } from '../api/figures.dto';
import type { PlanVsActualView, RoundsFiguresView } from '../api/figures.views';

const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));

/**
 * The figures of the managers' charts (domain/figures-charts.ts is the rule;
 * test/figures-charts.int-spec.ts checks this SQL against it). Each answer is
 * one aggregate statement in PostgreSQL: the rounds' batches are counted by
 * range scans of the (zone_code, date) indexes of the rounds migration; the
 * months by one pass over the zone's projects (projects_zone_code), or over
 * the register for the whole province.
 */
@Injectable()
export class FiguresChartsService {
  constructor(private readonly dataSource: DataSource) {}

  /** GET /figures/rounds: each round of a zone, or across the caller's zones each campaign (rounds of one name). */
  async rounds(q: RoundsFiguresQuery, principal: Principal): Promise<RoundsFiguresView> {
    const asOf = q.asOf ?? chinaDate();
    const zones = await this.zones(q.zone, principal);
    const byName = !q.zone;
    const values: unknown[] = [asOf];
    const scope = zones === null ? 'TRUE' : `r.zone_code = ANY($${values.push(zones)}::varchar[])`;
    const batch = (column: string) =>
      `(SELECT count(*) FROM projects p WHERE p.zone_code = r.zone_code AND ${column} >= r.starts_on AND ${column} <= least(r.ends_on, $1::date))`;
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `WITH c AS (
         SELECT r.id, r.zone_code, r.name, r.starts_on, r.ends_on,
                ${batch('p.signed_on')} AS signed, ${batch('p.actual_start')} AS started, ${batch('p.actual_production')} AS produced
           FROM rounds r
          WHERE ${scope}
       ), g AS (
         SELECT ${byName ? 'name' : 'id::text'} AS key, min(name) AS name, count(DISTINCT zone_code) AS zones,
                min(starts_on) AS starts_on, max(ends_on) AS ends_on, sum(signed) AS signed, sum(started) AS started, sum(produced) AS produced
           FROM c
          GROUP BY 1
       )
       SELECT key, name, zones, starts_on::text AS starts_on, ends_on::text AS ends_on, signed, started, produced, count(*) OVER () AS total
         FROM g
        ORDER BY g.starts_on DESC, name COLLATE "C" DESC
        LIMIT ${ROUNDS_CHART_LIMIT}`,
      values,
    );
    return {
      zone: q.zone ?? null,
      asOf,
      rounds: rows.reverse().map((r) => ({
        roundId: byName ? null : String(r['key']),
        name: String(r['name']),
        zoneCount: num(r['zones']),
        startsOn: String(r['starts_on']),
        endsOn: String(r['ends_on']),
        signed: num(r['signed']),
        started: num(r['started']),
        inProduction: num(r['produced']),
      })),
      roundCount: rows.length ? num(rows[0]['total']) : 0,
    };
  }

  /** GET /figures/plan-vs-actual: planned and actual starts and productions, month by month. */
  async planVsActual(q: PlanVsActualQuery, principal: Principal): Promise<PlanVsActualView> {
    const asOf = q.asOf ?? chinaDate();
    const to = q.to ?? (q.from ? addMonths(q.from, 11) : asOf.slice(0, 7));
    const from = q.from ?? addMonths(to, -11);
    if (from > to) throw DomainError.invalid('to', { zh: '截止月份不能早于起始月份', en: 'to must not be before from' });
    if (addMonths(from, PLAN_MONTHS_MAX - 1) < to) throw DomainError.invalid('from', { zh: `时间段最多 ${PLAN_MONTHS_MAX} 个月`, en: `at most ${PLAN_MONTHS_MAX} months` });
    const zones = await this.zones(q.zone, principal);
    const values: unknown[] = [asOf, `${from}-01`, `${to}-01`, `${addMonths(to, 1)}-01`];
    const scope = zones === null ? 'TRUE' : `p.zone_code = ANY($${values.push(zones)}::varchar[])`;
    const inRange = (column: string) => `(${column} >= $2::date AND ${column} < $4::date)`;
    const planned = `p.stage <> 'TERMINATED' AND p.signed_on <= $1::date`;
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT to_char(g.m, 'YYYY-MM') AS month,
              count(e.k) FILTER (WHERE e.k = 1) AS planned_starts, count(e.k) FILTER (WHERE e.k = 2) AS actual_starts,
              count(e.k) FILTER (WHERE e.k = 3) AS planned_productions, count(e.k) FILTER (WHERE e.k = 4) AS actual_productions
         FROM generate_series($2::date, $3::date, interval '1 month') AS g(m)
         LEFT JOIN (
           SELECT v.month, v.k
             FROM projects p
            CROSS JOIN LATERAL (VALUES
              (CASE WHEN ${planned} THEN to_char(p.planned_start, 'YYYY-MM') END, 1),
              (CASE WHEN p.actual_start <= $1::date THEN to_char(p.actual_start, 'YYYY-MM') END, 2),
              (CASE WHEN ${planned} THEN to_char(p.planned_production, 'YYYY-MM') END, 3),
              (CASE WHEN p.actual_production <= $1::date THEN to_char(p.actual_production, 'YYYY-MM') END, 4)
            ) AS v(month, k)
            WHERE ${scope}
              AND (${inRange('p.planned_start')} OR ${inRange('p.actual_start')} OR ${inRange('p.planned_production')} OR ${inRange('p.actual_production')})
              AND v.month IS NOT NULL
         ) e ON e.month = to_char(g.m, 'YYYY-MM')
        GROUP BY g.m
        ORDER BY g.m`,
      values,
    );
    return {
      zone: q.zone ?? null,
      from,
      to,
      asOf,
      months: rows.map((r) => ({
        month: String(r['month']),
        plannedStarts: num(r['planned_starts']),
        actualStarts: num(r['actual_starts']),
        plannedProductions: num(r['planned_productions']),
        actualProductions: num(r['actual_productions']),
      })),
    };
  }

  /** The zones asked about: one the caller sees (else 404, as the other figures answer), or all the caller's (null: every zone). */
  private async zones(zone: string | undefined, principal: Principal): Promise<string[] | null> {
    if (zone) {
      if (!coversZone(principal, zone) || !(await this.dataSource.getRepository(ZoneOrm).existsBy({ code: zone }))) {
        throw DomainError.notFound({ zh: `开发区不存在或不在本人负责范围：${zone}`, en: `no zone ${zone} for you` }, 'unknown-zone');
      }
      return [zone];
    }
    return isProvinceWide(principal) ? null : principal.zones;
  }
}
