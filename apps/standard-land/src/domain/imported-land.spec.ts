import type { ImportedStage, LandPath, ProjectImportedV1 } from '@devzone/contracts';
import { projectSignedPayload } from '@devzone/testing';
import { importedChecks, importedLandPlan, importedNote, importedReviewDate } from './imported-land';

const TODAY = '2026-11-30';
const PLANNED = { start: '2025-03-01', completion: '2026-04-30', production: '2026-06-01' };

const imported = (stage: ImportedStage, path: LandPath, document?: string, overrides: Partial<ProjectImportedV1> = {}): ProjectImportedV1 => ({
  ...projectSignedPayload({ landAreaMu: path === 'none' ? 0 : 60, usesStandardLand: path === 'standard-land', plannedDates: PLANNED, signedOn: '2024-12-10' }),
  stage,
  approval: { state: 'granted', document: '晋综示施〔2025〕12号' },
  land: { path, ...(document ? { document } : {}) },
  actualDates: {},
  source: { batchId: '5c8f3d36-9a51-4c55-9d5e-2f8a0c7f1b21', fileName: '项目台账.xlsx', row: 7 },
  ...overrides,
});

describe('导入: the land an imported project starts with', () => {
  it('records no new land as the path none, on the 签约日期', () => {
    expect(importedLandPlan(imported('IN_PRODUCTION', 'none'), TODAY)).toEqual({ kind: 'none', securedOn: '2024-12-10' });
    // none needs no document, whatever the stage
    expect(importedLandPlan(imported('SIGNED', 'none', '无'), TODAY).kind).toBe('none');
  });

  it.each([
    ['SIGNED', 'standard-land'],
    ['APPROVING', 'standard-land'],
    ['APPROVING', 'grant'],
    ['SIGNED', 'own-land'],
    ['APPROVING', 'lease'],
  ] as const)('keeps a path without its document (%s, %s) as intended, not secured', (stage, path) => {
    expect(importedLandPlan(imported(stage, path), TODAY)).toEqual({ kind: 'intended', path });
    expect(importedLandPlan(imported(stage, path, '   '), TODAY)).toEqual({ kind: 'intended', path });
  });

  it('secures own land and a lease with their document (a lease has no area of its own)', () => {
    expect(importedLandPlan(imported('READY_TO_START', 'own-land', ' 晋(2024)太原市不动产权第0012345号 '), TODAY)).toEqual({
      kind: 'own-land',
      securedOn: '2024-12-10',
      reference: '晋(2024)太原市不动产权第0012345号',
      areaMu: 60,
    });
    expect(importedLandPlan(imported('UNDER_CONSTRUCTION', 'lease', '综改运营租〔2025〕7号', { landAreaMu: 0 }), TODAY)).toEqual({
      kind: 'lease',
      securedOn: '2024-12-10',
      reference: '综改运营租〔2025〕7号',
      areaMu: null,
    });
  });

  it('gives a grant its contract with the planned dates as the agreed ones', () => {
    expect(importedLandPlan(imported('UNDER_CONSTRUCTION', 'grant', '晋综示出让〔2025〕21号', { actualDates: { start: '2025-04-01' } }), TODAY)).toEqual({
      kind: 'grant',
      securedOn: '2024-12-10',
      reference: '晋综示出让〔2025〕21号',
      areaMu: 60,
      agreed: PLANNED,
    });
    // without an area there is no contract to record (the service records the path alone)
    expect(importedLandPlan(imported('READY_TO_START', 'grant', 'G-1', { landAreaMu: 0 }), TODAY)).toMatchObject({ kind: 'grant', areaMu: null });
  });

  it('gives 标准地 its agreement with the checks its stage has passed, as history', () => {
    const plan = importedLandPlan(imported('IN_PRODUCTION', 'standard-land', 'BZD-2025-3', { actualDates: { start: '2025-03-05', completion: '2026-04-20', production: '2026-05-30' } }), TODAY);
    expect(plan).toEqual({
      kind: 'standard-land',
      securedOn: '2024-12-10',
      reference: 'BZD-2025-3',
      areaMu: 60,
      agreed: PLANNED,
      reviewDate: '2027-06-01',
      passedChecks: [{ stage: 'completion', passedOn: '2026-04-20' }],
    });
  });

  it.each([
    ['READY_TO_START', []],
    ['UNDER_CONSTRUCTION', []],
    ['COMPLETED', [{ stage: 'completion', passedOn: '2026-04-20' }]],
    ['IN_PRODUCTION', [{ stage: 'completion', passedOn: '2026-04-20' }]],
    [
      'FULL_PRODUCTION',
      [
        { stage: 'completion', passedOn: '2026-04-20' },
        { stage: 'full-production', passedOn: '2026-10-08' },
      ],
    ],
  ] as const)('at %s the agreement counts as passed: %j', (stage, checks) => {
    const actualDates = { start: '2025-03-05', completion: '2026-04-20', production: '2026-05-30', fullProduction: '2026-10-08' };
    expect(importedChecks({ stage, actualDates }, TODAY)).toEqual(checks);
  });

  it('takes the import date for a passed check when the ledger lacks the milestone date', () => {
    expect(importedChecks({ stage: 'FULL_PRODUCTION', actualDates: {} }, TODAY)).toEqual([
      { stage: 'completion', passedOn: TODAY },
      { stage: 'full-production', passedOn: TODAY },
    ]);
  });

  it('reviews a year after the planned 投产, or on the 达产日期 once reached', () => {
    expect(importedReviewDate({ plannedDates: PLANNED, actualDates: {} })).toBe('2027-06-01');
    expect(importedReviewDate({ plannedDates: PLANNED, actualDates: { fullProduction: '2026-10-08' } })).toBe('2026-10-08');
  });

  it('says where a record came from', () => {
    expect(importedNote({ fileName: '项目台账.xlsx', row: 7 })).toBe('导入自项目台账.xlsx第7行');
  });
});
