/**
 * 32 projects in two zones for the figures tests (unit and integration). The
 * expected numbers in figures.spec.ts and in the integration test are worked
 * out by hand from these rows; change a row and you must redo them.
 *
 * Zone SX-ZGQ (20): A1–A8 not started (A7 terminated), A9–A14 under
 * construction, A15–A20 in production. Zone CZ-GXQ (12): B1–B4 not started (B4
 * suspended), B5–B8 under construction, B9–B12 in production.
 */
import { addDays } from '@devzone/shared-kernel';
import type { FigureProject } from './figures';
import { buildProjectCode } from './project-code';

export const FIXTURE_AS_OF = '2026-11-27';
export const ROUND_2026 = '2026-第一批';
export const ROUND_2025 = '2025-第三批';

export interface FixtureProject extends FigureProject {
  /** The old 三个一批 label (projects.three_batches_round): still stored, no longer used by the figures (rounds are windows: rounds.ts). */
  round: string;
}

let n = 0;
function project(p: Omit<FixtureProject, 'id' | 'code' | 'name'> & { label: string }): FixtureProject {
  n++;
  const { label, ...rest } = p;
  const code = buildProjectCode({ issuedOn: rest.signedOn, regionCode: REGION[rest.zoneCode], departmentCode: '04', projectType: 'capital-construction', serial: n });
  return { ...rest, name: `${label} 测试项目`, id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`, code };
}

const A = 'SX-ZGQ';
const B = 'CZ-GXQ';
const REGION: Record<string, string> = { [A]: '140100', [B]: '140400' };
const none = { start: null, completion: null, production: null };

export const FIXTURE: FixtureProject[] = [
  // A1–A8: signed 2026-01-10, 1,000 万元 each, planned start 2026-06-01 (A8: 2027-01-01).
  ...[1, 2, 3, 4, 5, 6, 7, 8].map((i) =>
    project({
      label: `A${i}`,
      zoneCode: A,
      round: ROUND_2026,
      stage: i === 7 ? 'TERMINATED' : i <= 3 ? 'SIGNED' : i <= 5 ? 'APPROVING' : 'READY_TO_START',
      signedOn: '2026-01-10',
      totalInvestment: 1000,
      projectedAnnualOutput: 2000,
      actualAnnualOutput: null,
      planned: i === 8 ? { start: '2027-01-01', completion: '2028-01-01', production: '2028-03-01' } : { start: '2026-06-01', completion: '2027-06-01', production: '2027-09-01' },
      actual: none,
    }),
  ),
  // A9–A14: signed 2026-01-10, 2,000 万元, started 30/60/…/180 days after signing; planned
  // completion 2026-10-01 for A9–A11 (so behind), 2027-06-01 for A12–A14.
  ...[9, 10, 11, 12, 13, 14].map((i) =>
    project({
      label: `A${i}`,
      zoneCode: A,
      round: ROUND_2026,
      stage: 'UNDER_CONSTRUCTION',
      signedOn: '2026-01-10',
      totalInvestment: 2000,
      projectedAnnualOutput: 4000,
      actualAnnualOutput: null,
      planned: { start: '2026-03-01', completion: i <= 11 ? '2026-10-01' : '2027-06-01', production: '2027-09-01' },
      actual: { start: addDays('2026-01-10', (i - 8) * 30), completion: null, production: null },
    }),
  ),
  // A15–A20: signed 2025-03-01, 3,000 万元, projected output 5,000; started 10/20/40/50/70/100
  // days after signing, in production 100/150/200/250/300/310 days after starting.
  // A15–A17 in full production with actual output 4,000 / 5,000 / 6,000.
  ...[
    [15, 10, 100, 4000],
    [16, 20, 150, 5000],
    [17, 40, 200, 6000],
    [18, 50, 250, null],
    [19, 70, 300, null],
    [20, 100, 310, null],
  ].map(([i, toStart, toProduction, output]) => {
    const start = addDays('2025-03-01', toStart as number);
    const production = addDays(start, toProduction as number);
    return project({
      label: `A${i}`,
      zoneCode: A,
      round: ROUND_2025,
      stage: output === null ? 'IN_PRODUCTION' : 'FULL_PRODUCTION',
      signedOn: '2025-03-01',
      totalInvestment: 3000,
      projectedAnnualOutput: 5000,
      actualAnnualOutput: output as number | null,
      planned: { start: '2025-06-01', completion: '2026-01-01', production: '2026-03-01' },
      actual: { start, completion: addDays(production, -30), production },
    });
  }),
  // B1–B4: signed 2026-03-01, 500 万元, planned start 2026-12-01 (not yet due); B4 suspended.
  ...[1, 2, 3, 4].map((i) =>
    project({
      label: `B${i}`,
      zoneCode: B,
      round: ROUND_2026,
      stage: i === 4 ? 'SUSPENDED' : 'APPROVING',
      signedOn: '2026-03-01',
      totalInvestment: 500,
      projectedAnnualOutput: 800,
      actualAnnualOutput: null,
      planned: { start: '2026-12-01', completion: '2027-12-01', production: '2028-03-01' },
      actual: none,
    }),
  ),
  // B5–B8: signed 2026-03-01, 800 万元, started 45/45/90/200 days after signing.
  ...[
    [5, 45],
    [6, 45],
    [7, 90],
    [8, 200],
  ].map(([i, toStart]) =>
    project({
      label: `B${i}`,
      zoneCode: B,
      round: ROUND_2026,
      stage: 'UNDER_CONSTRUCTION',
      signedOn: '2026-03-01',
      totalInvestment: 800,
      projectedAnnualOutput: 1500,
      actualAnnualOutput: null,
      planned: { start: '2026-04-01', completion: '2027-09-01', production: '2027-12-01' },
      actual: { start: addDays('2026-03-01', toStart), completion: null, production: null },
    }),
  ),
  // B9–B12: signed 2025-06-01, 1,500 万元, projected output 3,000; started 60/60/120/120 days
  // after signing, in production 200/240/280/320 days later; B9, B10 report 3,000 and 1,500.
  ...[
    [9, 60, 200, 3000],
    [10, 60, 240, 1500],
    [11, 120, 280, null],
    [12, 120, 320, null],
  ].map(([i, toStart, toProduction, output]) => {
    const start = addDays('2025-06-01', toStart as number);
    const production = addDays(start, toProduction as number);
    return project({
      label: `B${i}`,
      zoneCode: B,
      round: ROUND_2025,
      stage: output === null ? 'IN_PRODUCTION' : 'FULL_PRODUCTION',
      signedOn: '2025-06-01',
      totalInvestment: 1500,
      projectedAnnualOutput: 3000,
      actualAnnualOutput: output as number | null,
      planned: { start: '2025-08-01', completion: '2026-03-01', production: '2026-06-01' },
      actual: { start, completion: addDays(production, -30), production },
    });
  }),
];
