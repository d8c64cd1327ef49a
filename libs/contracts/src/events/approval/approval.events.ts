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

/** A 承诺制 approval case was opened for the project (with the items that apply). */
export class ApprovalCaseOpenedV1 {
  @IsUUID() caseId!: string;
  @IsInt() @Min(0) itemCount!: number;
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
