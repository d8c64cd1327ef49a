import { REQUIRED_ASSESSMENTS } from '@devzone/contracts';
import type { Role } from '@devzone/auth';
import { checkableStages, landActions, plotActions, type LandForActions, type PlotForActions, type ProjectForPlot } from './actions';
import { DEFAULT_TEMPLATE } from './indicator-template';
import type { PlotStatus } from './plot';

const TODAY = '2027-06-30';
const officer = (role: Role = 'zone-officer') => ({ role, reaches: true });

const plot = (status: PlotStatus, overrides: Partial<PlotForActions> = {}): PlotForActions => ({
  code: 'P-1',
  zoneCode: 'SX-ZGQ',
  status,
  areaMu: 100,
  industries: ['C39'],
  indicators: DEFAULT_TEMPLATE,
  assessments: [...REQUIRED_ASSESSMENTS],
  servicingLevel: '七通一平',
  reservedFor: status === 'RESERVED' || status === 'TRANSFERRED' ? 'project-1' : null,
  ...overrides,
});

/** Fits P-1: 90 亩 needed, C3981, 36,000 万元 fixed assets (360/亩 on 100 亩), 60,000 万元 output (600/亩). */
const project = (overrides: Partial<ProjectForPlot> = {}): ProjectForPlot => ({
  projectId: 'project-1',
  zoneCode: 'SX-ZGQ',
  industryCode: 'C3981',
  landAreaMu: 90,
  fixedAssetInvestment: 36000,
  projectedAnnualOutput: 60000,
  usesStandardLand: true,
  landSecured: false,
  ...overrides,
});

describe('plot actions: the plot state machine, the command roles and the caller’s zone', () => {
  it.each([
    ['PREPARING', ['publish']],
    ['AVAILABLE', ['reserve', 'transfer']],
    ['RESERVED', ['release', 'transfer']],
    ['TRANSFERRED', []],
  ] as const)('offers a zone officer on a %s plot: %j', (status, actions) => {
    expect(plotActions(plot(status), officer())).toEqual(actions);
    expect(plotActions(plot(status), officer('admin'))).toEqual(actions);
  });

  it('does not offer to publish a plot that something blocks (assessments, servicing, indicators)', () => {
    expect(plotActions(plot('PREPARING', { assessments: ['energy'] }), officer())).toEqual([]);
    expect(plotActions(plot('PREPARING', { servicingLevel: 'none' }), officer())).toEqual([]);
    expect(plotActions(plot('PREPARING', { indicators: [] }), officer())).toEqual([]);
  });

  it('offers nothing to the roles the plot commands do not admit, nor to an officer of another zone', () => {
    for (const role of ['enterprise', 'zone-manager', 'province-manager', 'department-officer', 'agency-agent'] as const) {
      expect(plotActions(plot('AVAILABLE'), officer(role))).toEqual([]);
    }
    expect(plotActions(plot('AVAILABLE'), { role: 'zone-officer', reaches: false })).toEqual([]);
  });

  it('for a project: reserves only a plot that fits it, transfers only to a 标准地 project without land', () => {
    expect(plotActions(plot('AVAILABLE'), officer(), project())).toEqual(['reserve', 'transfer']);
    expect(plotActions(plot('AVAILABLE', { areaMu: 200 }), officer(), project())).toEqual(['transfer']); // too large: no reservation (the transfer does not match)
    expect(plotActions(plot('AVAILABLE'), officer(), project({ usesStandardLand: false }))).toEqual(['reserve']);
    expect(plotActions(plot('AVAILABLE'), officer(), project({ landSecured: true }))).toEqual(['reserve']);
  });

  it('for a project: transfers a reserved plot only to the project it is reserved for', () => {
    expect(plotActions(plot('RESERVED'), officer(), project())).toEqual(['release', 'transfer']);
    expect(plotActions(plot('RESERVED', { reservedFor: 'project-2' }), officer(), project())).toEqual(['release']);
    expect(plotActions(plot('TRANSFERRED'), officer(), project({ landSecured: true }))).toEqual([]);
  });
});

const land = (overrides: Partial<LandForActions> = {}): LandForActions => ({
  project: { usesStandardLand: false, landAreaMu: 40 },
  path: null,
  contract: null,
  checks: [],
  ...overrides,
});
const standard = (checks: LandForActions['checks'] = []) => land({ project: { usesStandardLand: true, landAreaMu: 90 }, path: 'standard-land', contract: { hasAgreement: true }, checks });
const grant = land({ path: 'grant', contract: { hasAgreement: false } });

describe('land actions: the land-path rules, the check cases and the command roles', () => {
  it('offers an officer every path for a project that needs land and has none, and the enterprise none of them', () => {
    expect(landActions(land(), officer(), TODAY)).toEqual(['land-grant', 'own-land', 'lease']);
    expect(landActions(land(), officer('enterprise'), TODAY)).toEqual([]);
  });

  it('offers only a lease to a project signed without a land need (path none), and no path once land is secured', () => {
    expect(landActions(land({ project: { usesStandardLand: false, landAreaMu: 0 }, path: 'none' }), officer(), TODAY)).toEqual(['lease']);
    expect(landActions(land({ path: 'own-land' }), officer(), TODAY)).toEqual([]);
    expect(landActions(land({ path: 'lease' }), officer(), TODAY)).toEqual([]);
  });

  it('offers no path to a 标准地 project: its land comes from a plot transfer', () => {
    expect(landActions(land({ project: { usesStandardLand: true, landAreaMu: 90 } }), officer(), TODAY)).toEqual([]);
  });

  it('on an ordinary grant: construction progress (officers, the enterprise) and exemptions (officers), no checks or interim reports', () => {
    expect(landActions(grant, officer(), TODAY)).toEqual(['construction-progress', 'idle-exemption']);
    expect(landActions(grant, officer('enterprise'), TODAY)).toEqual(['construction-progress']);
    expect(checkableStages(grant, TODAY)).toEqual([]);
  });

  it('on a 标准地 contract: checks, interim reports, progress and exemptions by role', () => {
    expect(landActions(standard(), officer(), TODAY)).toEqual(['land-checks', 'interim-reports', 'construction-progress', 'idle-exemption']);
    expect(landActions(standard(), officer('enterprise'), TODAY)).toEqual(['interim-reports', 'construction-progress']);
    expect(landActions(standard(), officer('zone-manager'), TODAY)).toEqual([]);
    expect(landActions(standard(), officer('province-manager'), TODAY)).toEqual([]);
    expect(landActions(standard(), { role: 'zone-officer', reaches: false }, TODAY)).toEqual([]);
  });

  it('opens a stage to a check until it is decided: the first check, then the re-check within the rectification period', () => {
    expect(checkableStages(standard(), TODAY)).toEqual(['completion', 'full-production']);
    const completionPassed = standard([{ stage: 'completion', state: 'passed', rectifyBy: null }]);
    expect(checkableStages(completionPassed, TODAY)).toEqual(['full-production']);
    const rectifying = standard([
      { stage: 'completion', state: 'passed', rectifyBy: null },
      { stage: 'full-production', state: 'rectifying', rectifyBy: TODAY },
    ]);
    expect(checkableStages(rectifying, TODAY)).toEqual(['full-production']); // the deadline day still counts
    expect(landActions(rectifying, officer(), TODAY)).toContain('land-checks');
    expect(checkableStages(rectifying, '2027-07-01')).toEqual([]); // lapsed: penalised, not re-checked
    expect(landActions(rectifying, officer(), '2027-07-01')).toEqual(['interim-reports', 'construction-progress', 'idle-exemption']);
    const decided = standard([
      { stage: 'completion', state: 'recheck-passed', rectifyBy: '2027-01-01' },
      { stage: 'full-production', state: 'penalty-assessed', rectifyBy: '2027-01-01' },
    ]);
    expect(checkableStages(decided, TODAY)).toEqual([]);
  });
});
