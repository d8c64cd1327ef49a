import type { ImportedStage, LandPath, ProjectImportedV1 } from '@devzone/contracts';
import { addDays, type IsoDate, type Message } from '@devzone/shared-kernel';
import type { CheckStage } from './indicators';

/**
 * 导入 (project.imported, issue 18): the land state a project brought in from a zone's
 * 项目台账 starts with, decided from the ledger's facts alone. It is history: recorded
 * silently (no land.* event), since project-intake's record already says whether the land
 * is secured and notifications must not fire for what happened before the import.
 *
 * - `none` (no new land): the path 'none', as project.signed with 0 亩 records it;
 * - a path with its document (出让合同号, 不动产权证号, 租赁合同号): that path, secured;
 *   a 招拍挂 grant and 标准地 also with their 出让 contract (agreed dates = the planned
 *   dates), 标准地 with its performance agreement on the zone's indicator template;
 * - a path without a document (签约, 审批中): only the intended path; the officer
 *   records the land as usual later.
 * The ledger has no date for the document: the project's 签约日期 stands for it. An 出让
 * contract needs its area (the project's 用地面积): without one (0 亩) only the path is recorded.
 */
export type ImportedLandPlan =
  | { kind: 'intended'; path: LandPath }
  | { kind: 'none'; securedOn: IsoDate }
  | { kind: 'own-land' | 'lease'; securedOn: IsoDate; reference: string; areaMu: number | null }
  | { kind: 'grant'; securedOn: IsoDate; reference: string; areaMu: number | null; agreed: AgreedDates }
  | { kind: 'standard-land'; securedOn: IsoDate; reference: string; areaMu: number | null; agreed: AgreedDates; reviewDate: IsoDate; passedChecks: ImportedCheck[] };

export interface AgreedDates {
  start: IsoDate;
  completion: IsoDate;
  production: IsoDate;
}

/** A check the project's stage says was passed before the import, on the ledger's date of that milestone. */
export interface ImportedCheck {
  stage: CheckStage;
  passedOn: IsoDate;
}

const ORDER: readonly ImportedStage[] = ['SIGNED', 'APPROVING', 'READY_TO_START', 'UNDER_CONSTRUCTION', 'COMPLETED', 'IN_PRODUCTION', 'FULL_PRODUCTION'];
const atLeast = (stage: ImportedStage, than: ImportedStage) => ORDER.indexOf(stage) >= ORDER.indexOf(than);

/**
 * The checks of the performance agreement an imported 标准地 project has passed as history:
 * 竣工验收 from 竣工 (COMPLETED) on, 达产复核 at 达产 (FULL_PRODUCTION); each on the ledger's
 * date of the milestone (竣工日期, 达产日期), or the import date when the ledger lacks it.
 */
export function importedChecks(p: Pick<ProjectImportedV1, 'stage' | 'actualDates'>, today: IsoDate): ImportedCheck[] {
  const checks: ImportedCheck[] = [];
  if (atLeast(p.stage, 'COMPLETED')) checks.push({ stage: 'completion', passedOn: p.actualDates.completion ?? today });
  if (p.stage === 'FULL_PRODUCTION') checks.push({ stage: 'full-production', passedOn: p.actualDates.fullProduction ?? today });
  return checks;
}

/**
 * The 达产复核 date of an imported agreement: the ledger's 达产日期 when the project reached
 * full production; otherwise a year after the planned 投产 (the review follows a year of output).
 */
export function importedReviewDate(p: Pick<ProjectImportedV1, 'actualDates' | 'plannedDates'>): IsoDate {
  return p.actualDates.fullProduction ?? addDays(p.plannedDates.production, 365);
}

/** What the import records of the project's land (see the type). */
export function importedLandPlan(p: ProjectImportedV1, today: IsoDate): ImportedLandPlan {
  const path = p.land.path;
  const reference = p.land.document?.trim();
  const securedOn = p.signedOn;
  if (path === 'none') return { kind: 'none', securedOn };
  if (!reference) return { kind: 'intended', path };
  const agreed = { start: p.plannedDates.start, completion: p.plannedDates.completion, production: p.plannedDates.production };
  const area = p.landAreaMu > 0 ? p.landAreaMu : null;
  switch (path) {
    case 'own-land':
    case 'lease':
      return { kind: path, securedOn, reference, areaMu: path === 'lease' ? null : area };
    case 'grant':
      return { kind: 'grant', securedOn, reference, areaMu: area, agreed };
    case 'standard-land':
      return { kind: 'standard-land', securedOn, reference, areaMu: area, agreed, reviewDate: importedReviewDate(p), passedChecks: importedChecks(p, today) };
  }
}

/** How an imported check reads in the land view. */
export const IMPORTED_CHECK_STATUS: Message = { zh: '通过（导入的历史记录）', en: 'passed (imported history)' };

/** The line an imported record carries: 导入自<file>第<row>行. */
export const importedNote = (from: { fileName: string; row: number }): string => `导入自${from.fileName}第${from.row}行`;
