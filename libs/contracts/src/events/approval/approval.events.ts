/**
 * approval.* events that project-intake consumes. Defined here, ahead of the
 * commitment-approval service (issue 4), from domain.md §2.1; that service
 * publishes exactly these. It adds its other events beside them.
 */
import { Type } from 'class-transformer';
import { ArrayMinSize, IsArray, IsIn, IsInt, IsISO8601, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength, Min, ValidateNested } from 'class-validator';
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

export const BREACH_SEVERITIES = ['general', 'major'] as const;
export type BreachSeverity = (typeof BREACH_SEVERITIES)[number];

/** A broken commitment goes on the enterprise's credit record (一般 general / 重大 major 异常信用记录). */
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
