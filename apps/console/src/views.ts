/** The services' answers the console reads on more than one page (a mirror of their API views). */

/** One milestone (开工/竣工/投产) of a project: planned, committed, agreed, actual. */
export interface MilestoneView {
  planned: string | null;
  committed: string | null;
  agreed: string | null;
  actual: string | null;
  varianceDays: number | null;
}

/** GET project-intake /projects/:id (apps/project-intake/src/application/project.view.ts). */
export interface ProjectView {
  id: string;
  code: string;
  name: string;
  enterprise: { name: string; creditCode: string };
  zoneCode: string;
  zoneName: string | null;
  industryCode: string;
  projectType: string;
  totalInvestment: number;
  fixedAssetInvestment: number;
  projectedAnnualOutput: number;
  actualAnnualOutput: number | null;
  landAreaMu: number;
  usesStandardLand: boolean;
  wantsFullAgency: boolean;
  contacts: { name: string; mobile: string; email?: string }[];
  signedOn: string;
  threeBatchesRound: string | null;
  stage: string;
  stageName: string;
  stageBeforeSuspension: string | null;
  conditions: {
    approvalsGranted: boolean;
    landNeeded: boolean;
    landSecured: boolean;
    /** standard-land's path: standard-land | grant | own-land | lease | none; and its document. */
    landPath: string | null;
    landReference: string | null;
    acceptance: 'pending' | 'passed' | 'failed';
    /** The 标准地 达产 review, which gates 达产. */
    landReview: 'not-needed' | 'pending' | 'passed' | 'decided';
  };
  permitNumber: string | null;
  statusReason: string | null;
  milestones: { start: MilestoneView; completion: MilestoneView; production: MilestoneView; fullProduction: { actual: string | null } };
}

export interface CaseDocument {
  code: string;
  name: string;
  tolerable: boolean;
}

/** A stretch in which an item's clock stood still (to null: still paused). */
export interface ItemPause {
  reason: 'corrections' | 'hearing' | 'testing' | 'expert-review' | 'publicity';
  reasonName: string;
  from: string;
  to: string | null;
  note?: string;
}

export interface CaseItem {
  itemCode: string;
  name: string;
  department: string;
  regime: 'committable' | 'approval';
  /** 承诺制 / 审批 / 一般程序; null: a committable item the 承诺书 has not decided yet. */
  procedure: 'commitment' | 'approval' | 'ordinary' | null;
  procedureName: string;
  status: string;
  statusName: string;
  prerequisites: string[];
  /** Prerequisites not yet granted: the item cannot be accepted before them. */
  blockedBy: { itemCode: string; name: string }[];
  clock: 'not-started' | 'awaiting-acceptance' | 'running' | 'paused' | 'stopped';
  legalLimitDays: number;
  promisedLimitDays: number;
  appliedOn: string | null;
  acceptanceDueOn: string | null;
  acceptedOn: string | null;
  deemedAccepted: boolean;
  legalDueOn: string | null;
  promisedDueOn: string | null;
  dueDateCoverage: 'official' | 'provisional' | 'weekends-only' | null;
  pauses: ItemPause[];
  pausedWorkingDays: number;
  rag?: 'red' | 'amber' | 'green';
  workingDaysLeft?: number;
  documents: CaseDocument[];
  decidedOn: string | null;
  note: string | null;
  missingDocuments: { code: string; name: string }[] | null;
  supplyBy: string | null;
  suppliedOn: string | null;
  revokedOn: string | null;
  revocationReason: string | null;
}

/** GET commitment-approval /cases/:id and /projects/:id/case. */
export interface ApprovalCase {
  id: string;
  projectId: string;
  projectCode: string;
  projectName: string;
  creditCode: string;
  enterpriseName: string;
  zoneCode: string;
  catalogue: string;
  catalogueVersion: number;
  /** The zone rules the case follows (zone or '*', and version): fixed when it opened. */
  rulesZone: string;
  rulesVersion: number;
  rectificationRound: number;
  status: string;
  statusName: string;
  projectStage: string;
  openedOn: string;
  noticeNumber: string | null;
  noticeIssuedOn: string | null;
  commitment: { scope: 'all' | 'partial'; itemCodes: string[]; committedDates: { start: string; completion: string; production: string }; submittedOn: string; actorId: string } | null;
  precheckNote: string | null;
  publicityStartsOn: string | null;
  publicityEndsOn: string | null;
  decisionNumber: string | null;
  grantedOn: string | null;
  acceptanceRequestedOn: string | null;
  acceptedOn: string | null;
  acceptanceReasons: string[] | null;
  rectifyBy: string | null;
  items: CaseItem[];
}
