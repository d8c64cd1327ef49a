import { MILESTONE_NAMES_ZH } from '../../names';
/**
 * approval.* events that project-intake consumes. Defined here, ahead of the
 * commitment-approval service (issue 4), from domain.md §2.1; that service
 * publishes exactly these. It adds its other events beside them.
 */
import { Type } from 'class-transformer';
import { ArrayMinSize, IsArray, IsBoolean, IsIn, IsInt, IsISO8601, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength, Min, ValidateNested } from 'class-validator';
import { defineEvent } from '../../registry';
import { Topics } from '../../topics';
import { DATE_ONLY, MilestoneDates } from '../common/values';

export const ITEM_REGIMES = ['committable', 'approval'] as const;
export type ItemRegime = (typeof ITEM_REGIMES)[number];

/** One approval item of a case, with its time limits in working days and its due dates. */
export class CaseItemRef {
  @IsString() @IsNotEmpty() itemCode!: string;
  @IsString() @IsNotEmpty() name!: string;
  @IsString() @IsNotEmpty() department!: string;
  /** committable (企业承诺事项) or approval (仍需审批) */
  @IsIn(ITEM_REGIMES) regime!: ItemRegime;
  @IsInt() @Min(0) legalLimitDays!: number;
  @IsInt() @Min(0) promisedLimitDays!: number;
  @IsISO8601(DATE_ONLY) legalDueOn!: string;
  @IsISO8601(DATE_ONLY) promisedDueOn!: string;
  /** The documents the item needs (names), for agents preparing materials. */
  @IsOptional() @IsArray() @IsString({ each: true }) documents?: string[];
}

/** A 承诺制 approval case was opened for the project, with the items that apply. */
export class ApprovalCaseOpenedV1 {
  @IsUUID() caseId!: string;
  @IsInt() @Min(0) itemCount!: number;
  @IsArray() @ValidateNested({ each: true }) @Type(() => CaseItemRef) items!: CaseItemRef[];
  @IsISO8601(DATE_ONLY) openedOn!: string;
}

export const ApprovalCaseOpened = defineEvent({
  type: 'approval.case-opened',
  version: 1,
  topic: Topics.approval,
  payload: ApprovalCaseOpenedV1,
  title: '承诺制审批立案',
});

/** 承诺书 submitted: the enterprise commits to dates, for all or part of the items. */
export class CommitmentSubmittedV1 {
  @IsUUID() caseId!: string;
  @IsIn(['all', 'partial']) scope!: 'all' | 'partial';
  @IsArray() @IsString({ each: true }) itemCodes!: string[];
  @ValidateNested() @Type(() => MilestoneDates) committedDates!: MilestoneDates;
  @IsISO8601(DATE_ONLY) submittedOn!: string;
}

export const CommitmentSubmitted = defineEvent({
  type: 'approval.commitment-submitted',
  version: 1,
  topic: Topics.approval,
  payload: CommitmentSubmittedV1,
  title: '提交承诺书',
});

/** Every required item granted or covered by the commitment: the approvals for starting construction are in place. */
export class ApprovalCaseGrantedV1 {
  @IsUUID() caseId!: string;
  /** 批复决定书文号 */
  @IsString() @IsNotEmpty() @MaxLength(100) decisionNumber!: string;
  @IsISO8601(DATE_ONLY) grantedOn!: string;
}

export const ApprovalCaseGranted = defineEvent({
  type: 'approval.case-granted',
  version: 1,
  topic: Topics.approval,
  payload: ApprovalCaseGrantedV1,
  title: '审批通过（承诺制批复）',
});

/** 对标验收 passed: the completed project meets what it committed; it may go into production. */
export class AcceptancePassedV1 {
  @IsUUID() caseId!: string;
  @IsISO8601(DATE_ONLY) acceptedOn!: string;
}

export const AcceptancePassed = defineEvent({
  type: 'approval.acceptance-passed',
  version: 1,
  topic: Topics.approval,
  payload: AcceptancePassedV1,
  title: '对标验收通过',
});

/** 对标验收 failed: the project may not go into production until it is rectified and accepted. */
export class AcceptanceFailedV1 {
  @IsUUID() caseId!: string;
  @IsISO8601(DATE_ONLY) checkedOn!: string;
  @IsArray() @ArrayMinSize(1) @IsString({ each: true }) reasons!: string[];
  @IsOptional() @IsISO8601(DATE_ONLY) rectifyBy?: string;
}

export const AcceptanceFailed = defineEvent({
  type: 'approval.acceptance-failed',
  version: 1,
  topic: Topics.approval,
  payload: AcceptanceFailedV1,
  title: '对标验收未通过',
});

/** 告知书 issued to the enterprise: the conditions and standards of each item. */
export class NoticeIssuedV1 {
  @IsUUID() caseId!: string;
  @IsString() @IsNotEmpty() noticeNumber!: string;
  @IsISO8601(DATE_ONLY) issuedOn!: string;
  @IsArray() @IsString({ each: true }) itemCodes!: string[];
}

export const NoticeIssued = defineEvent({ type: 'approval.notice-issued', version: 1, topic: Topics.approval, payload: NoticeIssuedV1, title: '发放告知书' });

/** The commitment is made public (公示) until `endsOn`. */
export class PublicityStartedV1 {
  @IsUUID() caseId!: string;
  @IsISO8601(DATE_ONLY) startsOn!: string;
  @IsISO8601(DATE_ONLY) endsOn!: string;
}

export const PublicityStarted = defineEvent({ type: 'approval.publicity-started', version: 1, topic: Topics.approval, payload: PublicityStartedV1, title: '承诺公示开始' });

export class PublicityEndedV1 {
  @IsUUID() caseId!: string;
  @IsISO8601(DATE_ONLY) endedOn!: string;
}

export const PublicityEnded = defineEvent({ type: 'approval.publicity-ended', version: 1, topic: Topics.approval, payload: PublicityEndedV1, title: '承诺公示结束' });

export class MissingDocumentRef {
  @IsString() @IsNotEmpty() code!: string;
  @IsString() @IsNotEmpty() name!: string;
}

/** An item is granted: by the officer's decision, or by the commitment when the case is granted. */
export class ItemGrantedV1 {
  @IsUUID() caseId!: string;
  @IsString() @IsNotEmpty() itemCode!: string;
  @IsString() @IsNotEmpty() itemName!: string;
  @IsString() @IsNotEmpty() department!: string;
  @IsISO8601(DATE_ONLY) grantedOn!: string;
  @IsIn(['decision', 'commitment']) by!: 'decision' | 'commitment';
  /** 容缺: granted with documents still missing, to be supplied by `supplyBy`. */
  @IsOptional() @IsArray() @ValidateNested({ each: true }) @Type(() => MissingDocumentRef) missingDocuments?: MissingDocumentRef[];
  @IsOptional() @IsISO8601(DATE_ONLY) supplyBy?: string;
}

export const ItemGranted = defineEvent({ type: 'approval.item-granted', version: 1, topic: Topics.approval, payload: ItemGrantedV1, title: '审批事项准予' });

export class ItemRejectedV1 {
  @IsUUID() caseId!: string;
  @IsString() @IsNotEmpty() itemCode!: string;
  @IsString() @IsNotEmpty() itemName!: string;
  @IsString() @IsNotEmpty() reason!: string;
  @IsISO8601(DATE_ONLY) rejectedOn!: string;
}

export const ItemRejected = defineEvent({ type: 'approval.item-rejected', version: 1, topic: Topics.approval, payload: ItemRejectedV1, title: '审批事项不予许可' });

export class CorrectionsRequestedV1 {
  @IsUUID() caseId!: string;
  @IsString() @IsNotEmpty() itemCode!: string;
  @IsString() @IsNotEmpty() itemName!: string;
  @IsString() @IsNotEmpty() corrections!: string;
  @IsISO8601(DATE_ONLY) requestedOn!: string;
}

export const CorrectionsRequested = defineEvent({ type: 'approval.corrections-requested', version: 1, topic: Topics.approval, payload: CorrectionsRequestedV1, title: '要求补正材料' });

/** An item passed its promised time limit without a decision (raised once per item). */
export class ItemOverdueV1 {
  @IsUUID() caseId!: string;
  @IsString() @IsNotEmpty() itemCode!: string;
  @IsString() @IsNotEmpty() itemName!: string;
  @IsString() @IsNotEmpty() department!: string;
  @IsISO8601(DATE_ONLY) dueOn!: string;
  @IsInt() @Min(1) workingDaysLate!: number;
}

export const ItemOverdue = defineEvent({ type: 'approval.item-overdue', version: 1, topic: Topics.approval, payload: ItemOverdueV1, title: '审批事项超期' });

/** An item's promised time limit is close (raised once per item). */
export class ItemDueSoonV1 {
  @IsUUID() caseId!: string;
  @IsString() @IsNotEmpty() itemCode!: string;
  @IsString() @IsNotEmpty() itemName!: string;
  @IsString() @IsNotEmpty() department!: string;
  @IsISO8601(DATE_ONLY) dueOn!: string;
  @IsInt() @Min(0) workingDaysLeft!: number;
}

export const ItemDueSoon = defineEvent({ type: 'approval.item-due-soon', version: 1, topic: Topics.approval, payload: ItemDueSoonV1, title: '审批事项即将到期' });

/** The enterprise asks for 对标验收 after completion. */
export class AcceptanceRequestedV1 {
  @IsUUID() caseId!: string;
  @IsISO8601(DATE_ONLY) requestedOn!: string;
}

export const AcceptanceRequested = defineEvent({ type: 'approval.acceptance-requested', version: 1, topic: Topics.approval, payload: AcceptanceRequestedV1, title: '申请对标验收' });

export const BREACH_SEVERITIES = ['general', 'major', 'serious'] as const;
export type BreachSeverity = (typeof BREACH_SEVERITIES)[number];
export const BREACH_SEVERITY_ZH: Record<BreachSeverity, string> = { general: '一般', major: '重大', serious: '严重' };

/** A broken commitment goes on the enterprise's credit record (一般 general / 重大 major 异常信用记录; 严重 serious: a false commitment). */
export class BreachRecordedV1 {
  @IsUUID() recordId!: string;
  @IsUUID() caseId!: string;
  @IsString() @IsNotEmpty() creditCode!: string;
  @IsString() @IsNotEmpty() enterpriseName!: string;
  @IsIn(BREACH_SEVERITIES) severity!: BreachSeverity;
  @IsString() @IsNotEmpty() reason!: string;
  @IsISO8601(DATE_ONLY) recordedOn!: string;
  @IsOptional() @IsISO8601(DATE_ONLY) rectifyBy?: string;
}

export const BreachRecorded = defineEvent({ type: 'approval.breach-recorded', version: 1, topic: Topics.approval, payload: BreachRecordedV1, title: '记录失信行为' });

/** The enterprise is on the blacklist (黑名单): it may not commit on a new project. */
export class BlacklistedV1 {
  @IsString() @IsNotEmpty() creditCode!: string;
  @IsString() @IsNotEmpty() enterpriseName!: string;
  @IsString() @IsNotEmpty() reason!: string;
  @IsISO8601(DATE_ONLY) since!: string;
}

export const Blacklisted = defineEvent({ type: 'approval.blacklisted', version: 1, topic: Topics.approval, payload: BlacklistedV1, title: '列入失信黑名单' });

/** Credit repaired (信用修复): the enterprise is off the blacklist. */
export class BlacklistLiftedV1 {
  @IsString() @IsNotEmpty() creditCode!: string;
  @IsString() @IsNotEmpty() enterpriseName!: string;
  @IsISO8601(DATE_ONLY) liftedOn!: string;
}

export const BlacklistLifted = defineEvent({ type: 'approval.blacklist-lifted', version: 1, topic: Topics.approval, payload: BlacklistLiftedV1, title: '信用修复，移出黑名单' });

// ── 承诺制 as bureaus run it: the item's own clock from 受理, its procedure, the order of enforcement ──

export const PROCEDURES = ['commitment', 'approval', 'ordinary'] as const;
/** 承诺制 (granted with the 批复) / 审批 (must be approved, on the zone's promised limit) / 一般程序 (the enterprise chose it: legal limit, full documents). */
export type ItemProcedure = (typeof PROCEDURES)[number];
export const PROCEDURE_ZH: Record<ItemProcedure, string> = { commitment: '承诺制', approval: '审批', ordinary: '一般程序' };
export const PAUSE_REASONS = ['corrections', 'hearing', 'testing', 'expert-review', 'publicity'] as const;
/** Time not counted against an item's limit (行政许可法 第四十五条; 补正; the commitment's publicity). */
export type ItemPauseReason = (typeof PAUSE_REASONS)[number];
export const PAUSE_REASON_ZH: Record<ItemPauseReason, string> = { corrections: '补正材料', hearing: '听证', testing: '检验检测', 'expert-review': '专家评审', publicity: '承诺公示' };

/** One item of a newly opened case: its limits (they start at 受理) and the items that must be granted before it. */
export class CaseItemPlan {
  @IsString() @IsNotEmpty() itemCode!: string;
  @IsString() @IsNotEmpty() name!: string;
  @IsString() @IsNotEmpty() department!: string;
  @IsIn(ITEM_REGIMES) regime!: ItemRegime;
  @IsInt() @Min(0) legalLimitDays!: number;
  @IsInt() @Min(0) promisedLimitDays!: number;
  @IsArray() @IsString({ each: true }) prerequisites!: string[];
  @IsOptional() @IsArray() @IsString({ each: true }) documents?: string[];
}

/**
 * Version 2: items carry no due dates any more (their clocks start when each is
 * accepted: approval.item-accepted), but their prerequisites.
 */
export class ApprovalCaseOpenedV2 {
  @IsUUID() caseId!: string;
  @IsInt() @Min(0) itemCount!: number;
  @IsArray() @ValidateNested({ each: true }) @Type(() => CaseItemPlan) items!: CaseItemPlan[];
  @IsISO8601(DATE_ONLY) openedOn!: string;
  /** The zone rules the case follows (zone or '*', and version). */
  @IsString() @IsNotEmpty() rulesZone!: string;
  @IsInt() @Min(1) rulesVersion!: number;
}

export const ApprovalCaseOpenedV2Event = defineEvent({ type: 'approval.case-opened', version: 2, topic: Topics.approval, payload: ApprovalCaseOpenedV2, title: '承诺制审批立案' });

export class ItemProcedureRef {
  @IsString() @IsNotEmpty() itemCode!: string;
  @IsIn(PROCEDURES) procedure!: ItemProcedure;
}

/** The 承诺书 (or, instead of one, the choice of 一般程序 for the whole case) set each committable item's procedure. */
export class ProceduresChosenV1 {
  @IsUUID() caseId!: string;
  @IsIn(['all', 'partial', 'none']) scope!: 'all' | 'partial' | 'none';
  @IsArray() @ValidateNested({ each: true }) @Type(() => ItemProcedureRef) procedures!: ItemProcedureRef[];
  @IsISO8601(DATE_ONLY) chosenOn!: string;
}

export const ProceduresChosen = defineEvent({ type: 'approval.procedures-chosen', version: 1, topic: Topics.approval, payload: ProceduresChosenV1, title: '确定办理方式（承诺制或一般程序）' });

class ItemEventBase {
  @IsUUID() caseId!: string;
  @IsString() @IsNotEmpty() itemCode!: string;
  @IsString() @IsNotEmpty() itemName!: string;
  @IsString() @IsNotEmpty() department!: string;
}

/** The enterprise (or its agent) applied for an item; the department has until `acceptanceDueOn` to accept it or return it. */
export class ItemAppliedV1 extends ItemEventBase {
  @IsISO8601(DATE_ONLY) appliedOn!: string;
  @IsISO8601(DATE_ONLY) acceptanceDueOn!: string;
}

export const ItemApplied = defineEvent({ type: 'approval.item-applied', version: 1, topic: Topics.approval, payload: ItemAppliedV1, title: '提交审批事项申请' });

/** 受理: the item's clock starts (or started on the application day, when accepted by law after five working days). */
export class ItemAcceptedV1 extends ItemEventBase {
  @IsIn(PROCEDURES) procedure!: ItemProcedure;
  @IsISO8601(DATE_ONLY) acceptedOn!: string;
  /** Accepted by law (行政许可法 第三十二条), not by the department. */
  @IsBoolean() deemed!: boolean;
  @IsISO8601(DATE_ONLY) legalDueOn!: string;
  @IsISO8601(DATE_ONLY) promisedDueOn!: string;
}

export const ItemAccepted = defineEvent({ type: 'approval.item-accepted', version: 1, topic: Topics.approval, payload: ItemAcceptedV1, title: '审批事项受理' });

/** The item's clock stopped (听证、检验检测、专家评审、公示). Corrections: approval.corrections-requested. */
export class ItemPausedV1 extends ItemEventBase {
  @IsIn(PAUSE_REASONS) reason!: ItemPauseReason;
  @IsISO8601(DATE_ONLY) pausedOn!: string;
  @IsOptional() @IsString() @MaxLength(500) note?: string;
}

export const ItemPaused = defineEvent({ type: 'approval.item-paused', version: 1, topic: Topics.approval, payload: ItemPausedV1, title: '审批事项暂停计时' });

/** The clock runs again; the due dates moved by the working days it stood still. */
export class ItemResumedV1 extends ItemEventBase {
  @IsIn(PAUSE_REASONS) reason!: ItemPauseReason;
  @IsISO8601(DATE_ONLY) resumedOn!: string;
  @IsInt() @Min(0) pausedWorkingDays!: number;
  @IsISO8601(DATE_ONLY) legalDueOn!: string;
  @IsISO8601(DATE_ONLY) promisedDueOn!: string;
}

export const ItemResumed = defineEvent({ type: 'approval.item-resumed', version: 1, topic: Topics.approval, payload: ItemResumedV1, title: '审批事项恢复计时' });

/** A failed 对标验收 first orders rectification (整改) by a date; the re-inspection decides. */
export class RectificationOrderedV1 {
  @IsUUID() caseId!: string;
  @IsInt() @Min(1) round!: number;
  @IsArray() @ArrayMinSize(1) @IsString({ each: true }) reasons!: string[];
  @IsISO8601(DATE_ONLY) orderedOn!: string;
  @IsISO8601(DATE_ONLY) rectifyBy!: string;
}

export const RectificationOrdered = defineEvent({ type: 'approval.rectification-ordered', version: 1, topic: Topics.approval, payload: RectificationOrderedV1, title: '对标验收未通过，责令限期整改' });

/** 虚假承诺: a grant obtained by commitment is revoked (撤销); before construction the case goes back to deciding. */
export class GrantRevokedV1 extends ItemEventBase {
  @IsString() @IsNotEmpty() @MaxLength(500) reason!: string;
  @IsISO8601(DATE_ONLY) revokedOn!: string;
  /** The case was granted and is open again: the project's approvals are no longer complete. */
  @IsBoolean() caseReopened!: boolean;
}

export const GrantRevoked = defineEvent({ type: 'approval.grant-revoked', version: 1, topic: Topics.approval, payload: GrantRevokedV1, title: '虚假承诺，撤销审批决定' });

/** 信用修复: a record no longer counts (rectified, and its minimum publicity over). */
export class CreditRepairedV1 {
  @IsUUID() recordId!: string;
  @IsUUID() caseId!: string;
  @IsString() @IsNotEmpty() creditCode!: string;
  @IsString() @IsNotEmpty() enterpriseName!: string;
  @IsIn(BREACH_SEVERITIES) severity!: BreachSeverity;
  @IsISO8601(DATE_ONLY) repairedOn!: string;
}

export const CreditRepaired = defineEvent({ type: 'approval.credit-repaired', version: 1, topic: Topics.approval, payload: CreditRepairedV1, title: '信用修复' });

/** A committed date (承诺开工、竣工、投产) passed without the milestone: a warning after the zone's grace period, then a general record. */
export class CommitmentDateMissedV1 {
  @IsUUID() caseId!: string;
  @IsIn(['start', 'completion', 'production']) milestone!: 'start' | 'completion' | 'production';
  @IsISO8601(DATE_ONLY) committedOn!: string;
  @IsInt() @Min(1) daysLate!: number;
  @IsIn(['warning', 'record']) level!: 'warning' | 'record';
}

export const COMMITTED_MILESTONE_ZH: Record<CommitmentDateMissedV1['milestone'], string> = MILESTONE_NAMES_ZH;

export const CommitmentDateMissed = defineEvent({ type: 'approval.commitment-date-missed', version: 1, topic: Topics.approval, payload: CommitmentDateMissedV1, title: '承诺日期逾期' });
