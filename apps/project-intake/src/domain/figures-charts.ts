import type { IsoDate } from '@devzone/shared-kernel';
import type { FigureProject } from './figures';
import { happenedBy, inWindow } from './rounds';

/**
 * The figures behind the managers' charts (docs/project-intake.md, "Charts"). This
 * is the reference the SQL of application/figures-charts.service.ts must agree
 * with (test/figures-charts.int-spec.ts compares them over the fixture).
 *
 * Rounds over time: for each round, its 签约一批, 开工一批 and 投产一批 counts as of
 * `asOf` (domain/rounds.ts: a fact dated in the round's window, not after asOf).
 * For one zone, each of its rounds; across zones (a province manager, or every
 * zone a manager sees), the rounds of one name are one campaign: their counts are
 * added up, the window runs from the earliest start to the latest end. The latest
 * ROUNDS_CHART_LIMIT rounds (by start), oldest first.
 *
 * Plan against actual, per calendar month from–to: 计划开工 = projects signed by
 * asOf, not terminated, whose planned start falls in the month; 实际开工 = projects
 * whose actual start falls in the month, not after asOf (terminated ones too: they
 * did start); the same for 投产 with the planned and actual production dates.
 */

export const ROUNDS_CHART_LIMIT = 24;
/** The longest span plan-vs-actual answers, in months. */
export const PLAN_MONTHS_MAX = 60;

export interface ChartRound {
  id: string;
  zoneCode: string;
  name: string;
  startsOn: IsoDate;
  endsOn: IsoDate;
}

export interface RoundCounts {
  /** The round's id for one zone's rounds; null for a campaign added up across zones. */
  roundId: string | null;
  name: string;
  zoneCount: number;
  startsOn: IsoDate;
  endsOn: IsoDate;
  signed: number;
  started: number;
  inProduction: number;
}

export interface MonthCounts {
  /** YYYY-MM */
  month: string;
  plannedStarts: number;
  actualStarts: number;
  plannedProductions: number;
  actualProductions: number;
}

const byStartThenName = (a: { startsOn: string; name: string }, b: { startsOn: string; name: string }) =>
  a.startsOn < b.startsOn ? -1 : a.startsOn > b.startsOn ? 1 : a.name < b.name ? -1 : a.name > b.name ? 1 : 0;

/** Each round's (or campaign's) batch counts; `byName`: add up the rounds of one name across zones. */
export function roundsOverTime(projects: FigureProject[], rounds: ChartRound[], asOf: IsoDate, byName: boolean): { rounds: RoundCounts[]; roundCount: number } {
  const groups = new Map<string, ChartRound[]>();
  for (const r of rounds) {
    const key = byName ? r.name : r.id;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  const counted = [...groups.values()].map((members): RoundCounts => {
    const count = (date: (p: FigureProject) => IsoDate | null) =>
      members.reduce((sum, r) => sum + projects.filter((p) => p.zoneCode === r.zoneCode && inWindow(date(p), { from: r.startsOn, to: r.endsOn }, asOf)).length, 0);
    const startsOn = members.map((r) => r.startsOn).sort()[0];
    const endsOn = members.map((r) => r.endsOn).sort().reverse()[0];
    return {
      roundId: byName ? null : members[0].id,
      name: members[0].name,
      zoneCount: new Set(members.map((r) => r.zoneCode)).size,
      startsOn,
      endsOn,
      signed: count((p) => p.signedOn),
      started: count((p) => p.actual.start),
      inProduction: count((p) => p.actual.production),
    };
  });
  const latest = counted.sort(byStartThenName).slice(-ROUNDS_CHART_LIMIT);
  return { rounds: latest, roundCount: counted.length };
}

/** The months from–to (YYYY-MM), both inclusive. */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  let [y, m] = from.split('-').map(Number);
  for (;;) {
    const month = `${y}-${String(m).padStart(2, '0')}`;
    if (month > to) return months;
    months.push(month);
    if (++m > 12) {
      m = 1;
      y++;
    }
  }
}

/** A month n months before or after (YYYY-MM). */
export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number);
  const k = y * 12 + (m - 1) + n;
  return `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`;
}

export function planVsActual(projects: FigureProject[], from: string, to: string, asOf: IsoDate): MonthCounts[] {
  const monthOf = (d: IsoDate | null | undefined) => (d ? d.slice(0, 7) : null);
  return monthsBetween(from, to).map((month) => {
    const planned = (p: FigureProject) => p.stage !== 'TERMINATED' && happenedBy(p.signedOn, asOf);
    return {
      month,
      plannedStarts: projects.filter((p) => planned(p) && monthOf(p.planned.start) === month).length,
      actualStarts: projects.filter((p) => happenedBy(p.actual.start, asOf) && monthOf(p.actual.start) === month).length,
      plannedProductions: projects.filter((p) => planned(p) && monthOf(p.planned.production) === month).length,
      actualProductions: projects.filter((p) => happenedBy(p.actual.production, asOf) && monthOf(p.actual.production) === month).length,
    };
  });
}
