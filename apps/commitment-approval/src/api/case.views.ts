import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PAUSE_REASONS, PROCEDURES, type ItemPauseReason, type ItemProcedure } from '@devzone/contracts';
import type { CalendarCoverage } from '@devzone/shared-kernel';
import { CASE_STATUSES, type CaseStatus } from '../domain/case.state-machine';
import type { MissLevel } from '../domain/committed-dates';
import { RAGS, type Rag } from '../domain/deadlines';
import { ITEM_CLOCKS, type ItemClock } from '../domain/item-clock';
import { ITEM_STATUSES, type ItemStatus } from '../domain/item.state-machine';
import { RECORDED_ACTS, type RecordedAct } from '../domain/opinions';
import { CASE_ACTIONS, ITEM_ACTIONS, type CaseAction, type ItemAction } from '../domain/permissions';

/** Response DTOs of the cases: GET /cases, GET /cases/:id, GET /projects/:projectId/case and every case or item command. */

const DATE = { type: String, format: 'date' } as const;
const CALENDAR_COVERAGES: readonly CalendarCoverage[] = ['official', 'provisional', 'weekends-only'];
const MISS_LEVELS: readonly MissLevel[] = ['warning', 'record'];

/** 承诺开工、竣工、投产日期 */
export class CommittedDatesView {
  @ApiProperty({ ...DATE, description: '承诺开工日期 (committed start)' }) start!: string;
  @ApiProperty({ ...DATE, description: '承诺竣工日期 (committed completion)' }) completion!: string;
  @ApiProperty({ ...DATE, description: '承诺投产日期 (committed production)' }) production!: string;
}

/** 承诺书 as submitted. */
export class CommitmentView {
  @ApiProperty({ enum: ['all', 'partial'], enumName: 'CommitmentScope', description: '全部承诺 / 部分承诺 (all / partial)' }) scope!: 'all' | 'partial';
  @ApiProperty({ type: String, isArray: true, description: '承诺的事项 (items covered)' }) itemCodes!: string[];
  @ApiProperty({ type: CommittedDatesView }) committedDates!: CommittedDatesView;
  @ApiProperty(DATE) submittedOn!: string;
  @ApiProperty({ type: String, description: '提交人 (who submitted it: a subject)' }) actorId!: string;
  @ApiProperty({ type: String, nullable: true, description: '提交人姓名 (who submitted it; null before names were kept)' }) actorName!: string | null;
  @ApiProperty({ type: String, nullable: true, description: '企业确认的承诺书声明（原文）；空：声明确认施行前提交的承诺书 (the declaration as confirmed; null for older letters)' }) declaration!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: '确认声明的时间 (when the declaration was confirmed)' }) declarationConfirmedAt!: string | null;
}

/** One act with legal effect in the case's record: what, on which item, the 审查意见, who and when. */
export class CaseRecordEntryView {
  @ApiProperty({ enum: RECORDED_ACTS, enumName: 'RecordedAct' }) act!: RecordedAct;
  @ApiProperty({ type: String, description: '行为（中文），如 发出告知书、准予、不予受理 (the act in Chinese)' }) actName!: string;
  @ApiProperty({ type: String, nullable: true, description: '事项；空：对案件的行为 (the item; null: an act on the case)' }) itemCode!: string | null;
  @ApiProperty({ type: String, nullable: true }) itemName!: string | null;
  @ApiProperty({ type: String, description: '审查意见 (the opinion)' }) opinion!: string;
  @ApiProperty({ type: String, description: '操作人 (who: a subject)' }) actorId!: string;
  @ApiProperty({ type: String, description: '操作人姓名 (who, by name)' }) actorName!: string;
  @ApiProperty({ type: String, description: '操作人角色（中文）(their role in Chinese)' }) actorRoleName!: string;
  @ApiProperty(DATE) on!: string;
  @ApiProperty({ type: String, format: 'date-time' }) at!: string;
}

/** 承诺日期逾期 so far, by milestone: warning, then record. */
export class MissedMilestonesView {
  @ApiPropertyOptional({ enum: MISS_LEVELS, enumName: 'MissLevel' }) start?: MissLevel;
  @ApiPropertyOptional({ enum: MISS_LEVELS, enumName: 'MissLevel' }) completion?: MissLevel;
  @ApiPropertyOptional({ enum: MISS_LEVELS, enumName: 'MissLevel' }) production?: MissLevel;
}

/** The zone rules version the case follows (the one in force when it opened). */
export class CaseRulesView {
  @ApiProperty({ type: String, description: '规则所属开发区（* 为默认）(the rules’ zone, * = defaults)' }) zone!: string;
  @ApiProperty({ type: Number }) version!: number;
  @ApiProperty(DATE) effectiveFrom!: string;
}

/** A case as listed (GET /cases): every field of the case but its items. */
export class CaseSummaryView {
  @ApiProperty({ type: String, format: 'uuid' }) id!: string;
  @ApiProperty({ type: String, format: 'uuid' }) projectId!: string;
  @ApiProperty({ type: String }) projectCode!: string;
  @ApiProperty({ type: String }) projectName!: string;
  @ApiProperty({ type: String, description: '统一社会信用代码 (credit code)' }) creditCode!: string;
  @ApiProperty({ type: String }) enterpriseName!: string;
  @ApiProperty({ type: String }) zoneCode!: string;
  @ApiProperty({ type: String, description: '事项清单（* 为默认）(the catalogue the items came from)' }) catalogue!: string;
  @ApiProperty({ type: Number }) catalogueVersion!: number;
  @ApiProperty({ enum: CASE_STATUSES, enumName: 'CaseStatus' }) status!: CaseStatus;
  @ApiProperty({ type: String, description: '案件状态（中文）(status in Chinese)' }) statusName!: string;
  @ApiProperty({ type: String, description: '项目阶段（来自 project-intake）(the project’s lifecycle stage)' }) projectStage!: string;
  @ApiProperty(DATE) openedOn!: string;
  @ApiProperty({ type: String, nullable: true, description: '告知书编号 (notice number)' }) noticeNumber!: string | null;
  @ApiProperty({ ...DATE, nullable: true }) noticeIssuedOn!: string | null;
  @ApiProperty({ type: CommitmentView, nullable: true, description: '承诺书；未承诺或全部按一般程序时为空 (null: none, or the ordinary procedure)' }) commitment!: CommitmentView | null;
  @ApiProperty({ type: String, nullable: true }) precheckNote!: string | null;
  @ApiProperty({ ...DATE, nullable: true }) publicityStartsOn!: string | null;
  @ApiProperty({ ...DATE, nullable: true }) publicityEndsOn!: string | null;
  @ApiProperty({ type: String, nullable: true, description: '批复文号 (decision number)' }) decisionNumber!: string | null;
  @ApiProperty({ ...DATE, nullable: true }) grantedOn!: string | null;
  @ApiProperty({ ...DATE, nullable: true }) acceptanceRequestedOn!: string | null;
  @ApiProperty({ ...DATE, nullable: true, description: '对标验收通过日期 (benchmark acceptance passed on)' }) acceptedOn!: string | null;
  @ApiProperty({ type: String, isArray: true, nullable: true, description: '验收不通过的原因 (why the acceptance failed)' }) acceptanceReasons!: string[] | null;
  @ApiProperty({ ...DATE, nullable: true, description: '整改期限 (rectify by)' }) rectifyBy!: string | null;
  @ApiProperty({ type: String }) rulesZone!: string;
  @ApiProperty({ type: Number }) rulesVersion!: number;
  @ApiProperty({ type: Number, description: '对标验收不通过的次数 (failed acceptances so far)' }) rectificationRound!: number;
  @ApiProperty({ type: Boolean }) rectificationLapseRecorded!: boolean;
  @ApiProperty({ type: MissedMilestonesView }) missedMilestones!: MissedMilestonesView;
  @ApiProperty({ type: Number, description: '行版本 (row version)' }) version!: number;
  @ApiProperty({ enum: CASE_ACTIONS, enumName: 'CaseAction', isArray: true, description: '当前用户现在可对本案件执行的操作（命令路由的最后一段）(the case commands the caller may take now)' })
  actions!: CaseAction[];
}

/** An item that must be granted before this one is accepted (前置事项). */
export class PrerequisiteView {
  @ApiProperty({ type: String }) itemCode!: string;
  @ApiProperty({ type: String }) name!: string;
}

/** A stretch in which the item's clock stood still. */
export class ItemPauseView {
  @ApiProperty({ enum: PAUSE_REASONS, enumName: 'PauseReason' }) reason!: ItemPauseReason;
  @ApiProperty({ type: String, description: '暂停原因（中文）' }) reasonName!: string;
  @ApiProperty(DATE) from!: string;
  @ApiProperty({ ...DATE, nullable: true, description: '空：仍在暂停 (null: still paused)' }) to!: string | null;
  @ApiPropertyOptional({ type: String }) note?: string;
}

/** A document an item needs (容缺: `tolerable`, may be supplied later). */
export class ItemDocumentView {
  @ApiProperty({ type: String }) code!: string;
  @ApiProperty({ type: String }) name!: string;
  @ApiProperty({ type: Boolean, description: '可容缺 (may be missing at acceptance)' }) tolerable!: boolean;
}

/** A document granted as missing (容缺). */
export class MissingDocumentView {
  @ApiProperty({ type: String }) code!: string;
  @ApiProperty({ type: String }) name!: string;
}

/** An approval item of a case: procedure, prerequisites still holding it, its clock and pauses, red/amber/green while it runs. */
export class CaseItemView {
  @ApiProperty({ type: String }) itemCode!: string;
  @ApiProperty({ type: String }) name!: string;
  @ApiProperty({ type: String, description: '办理部门 (the department deciding it)' }) department!: string;
  @ApiProperty({ enum: ['committable', 'approval'], enumName: 'CaseItemRegime' }) regime!: 'committable' | 'approval';
  @ApiProperty({ enum: PROCEDURES, enumName: 'ItemProcedure', nullable: true, description: '空：可承诺事项待承诺书选择 (null: to be chosen by the 承诺书)' }) procedure!: ItemProcedure | null;
  @ApiProperty({ type: String }) procedureName!: string;
  @ApiProperty({ enum: ITEM_STATUSES, enumName: 'ItemStatus' }) status!: ItemStatus;
  @ApiProperty({ type: String }) statusName!: string;
  @ApiProperty({ type: String, isArray: true }) prerequisites!: string[];
  @ApiProperty({ type: [PrerequisiteView], description: '尚未办结的前置事项 (prerequisites not yet granted)' }) blockedBy!: PrerequisiteView[];
  @ApiProperty({ enum: ITEM_CLOCKS, enumName: 'ItemClock' }) clock!: ItemClock;
  @ApiProperty({ type: Number }) legalLimitDays!: number;
  @ApiProperty({ type: Number }) promisedLimitDays!: number;
  @ApiProperty({ ...DATE, nullable: true }) appliedOn!: string | null;
  @ApiProperty({ ...DATE, nullable: true, description: '受理期限（申请后 5 个工作日；前置事项未办结时为空）' }) acceptanceDueOn!: string | null;
  @ApiProperty({ ...DATE, nullable: true, description: '受理日期：时限自此起算 (the clock starts)' }) acceptedOn!: string | null;
  @ApiProperty({ type: Boolean, description: '逾期未受理，视为受理 (accepted by law)' }) deemedAccepted!: boolean;
  @ApiProperty({ ...DATE, nullable: true }) legalDueOn!: string | null;
  @ApiProperty({ ...DATE, nullable: true }) promisedDueOn!: string | null;
  @ApiProperty({ enum: CALENDAR_COVERAGES, enumName: 'CalendarCoverage', nullable: true, description: '到期日所在年份的节假日数据来源 (holiday data of the due date’s year)' })
  dueDateCoverage!: CalendarCoverage | null;
  @ApiProperty({ type: [ItemPauseView] }) pauses!: ItemPauseView[];
  @ApiProperty({ type: Number }) pausedWorkingDays!: number;
  @ApiPropertyOptional({ enum: RAGS, enumName: 'Rag', description: '红黄绿：计时中或待受理时 (while the clock runs or awaits acceptance)' }) rag?: Rag;
  @ApiPropertyOptional({ type: Number, description: '剩余工作日（负数为超期）(working days left)' }) workingDaysLeft?: number;
  @ApiProperty({ type: [ItemDocumentView] }) documents!: ItemDocumentView[];
  @ApiProperty({ ...DATE, nullable: true }) decidedOn!: string | null;
  @ApiProperty({ type: String, nullable: true }) note!: string | null;
  @ApiProperty({ type: [MissingDocumentView], nullable: true }) missingDocuments!: MissingDocumentView[] | null;
  @ApiProperty({ ...DATE, nullable: true }) supplyBy!: string | null;
  @ApiProperty({ ...DATE, nullable: true }) suppliedOn!: string | null;
  @ApiProperty({ ...DATE, nullable: true }) revokedOn!: string | null;
  @ApiProperty({ type: String, nullable: true }) revocationReason!: string | null;
  @ApiProperty({ enum: ITEM_ACTIONS, enumName: 'ItemAction', isArray: true, description: '当前用户现在可对本事项执行的操作（命令路由的最后一段）(the item commands the caller may take now)' })
  actions!: ItemAction[];
}

/** A case with its rules version, its items and its record (GET /cases/:id and every case or item command). */
export class CaseView extends CaseSummaryView {
  @ApiProperty({ type: CaseRulesView }) rules!: CaseRulesView;
  @ApiProperty({ type: [CaseItemView] }) items!: CaseItemView[];
  @ApiProperty({ type: [CaseRecordEntryView], description: '案件审查记录：每项有法律效力的行为及其审查意见、操作人、时间，先后为序 (the record of acts with their opinions, oldest first)' })
  record!: CaseRecordEntryView[];
  @ApiProperty({ type: String, description: '承诺书声明：企业提交承诺书前须阅读并确认的文字（本案件的企业与项目）(the declaration the enterprise confirms before it commits)' })
  commitmentDeclaration!: string;
}
