import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PROCEDURES, type ItemProcedure } from '@devzone/contracts';
import { RAGS, type Rag } from '../domain/deadlines';
import { ITEM_CLOCKS, type ItemClock } from '../domain/item-clock';
import { ITEM_STATUSES, type ItemStatus } from '../domain/item.state-machine';
import { ITEM_ACTIONS, type ItemAction } from '../domain/permissions';
import { ItemPauseView, PrerequisiteView } from './case.views';

const DATE = { type: String, format: 'date' } as const;

/** One open item of the departments' queue (GET /queue, paged as QueueEntryViewPage). */
export class QueueEntryView {
  @ApiProperty({ type: String, format: 'uuid' }) caseId!: string;
  @ApiProperty({ type: String, format: 'uuid' }) projectId!: string;
  @ApiProperty({ type: String }) projectCode!: string;
  @ApiProperty({ type: String }) projectName!: string;
  @ApiProperty({ type: String }) enterpriseName!: string;
  @ApiProperty({ type: String }) zoneCode!: string;
  @ApiProperty({ type: String }) itemCode!: string;
  @ApiProperty({ type: String }) itemName!: string;
  @ApiProperty({ type: String }) department!: string;
  @ApiProperty({ enum: PROCEDURES, enumName: 'ItemProcedure', nullable: true }) procedure!: ItemProcedure | null;
  @ApiProperty({ type: String }) procedureName!: string;
  @ApiProperty({ enum: ITEM_STATUSES, enumName: 'ItemStatus' }) status!: ItemStatus;
  @ApiProperty({ type: String }) statusName!: string;
  @ApiProperty({ enum: ITEM_CLOCKS, enumName: 'ItemClock' }) clock!: ItemClock;
  @ApiProperty({ type: [PrerequisiteView] }) blockedBy!: PrerequisiteView[];
  @ApiProperty({ ...DATE, nullable: true }) acceptanceDueOn!: string | null;
  @ApiProperty({ ...DATE, nullable: true }) promisedDueOn!: string | null;
  @ApiProperty({ ...DATE, nullable: true }) legalDueOn!: string | null;
  @ApiProperty({ ...DATE, nullable: true, description: '排序所用的期限：待受理为受理期限，审查中为承诺期限；暂停时为空 (the due date the queue sorts by; null while paused)' })
  dueOn!: string | null;
  @ApiProperty({ type: [ItemPauseView] }) pauses!: ItemPauseView[];
  @ApiPropertyOptional({ enum: RAGS, enumName: 'Rag' }) rag?: Rag;
  @ApiPropertyOptional({ type: Number }) workingDaysLeft?: number;
  @ApiProperty({ enum: ITEM_ACTIONS, enumName: 'ItemAction', isArray: true, description: '当前用户现在可对该事项执行的操作 (the item commands the caller may take now)' })
  actions!: ItemAction[];
}

/**
 * The counts over the whole filtered queue (GET /queue/summary), not over one page.
 * `count`, not `total`: a `total` is the list envelope's (issue 16; libs/testing openapi-lists).
 */
export class QueueSummaryView {
  @ApiProperty({ type: Number, description: '筛选后的事项总数，等于 GET /queue 同条件的 total (items in the filtered queue: the list’s total)' }) count!: number;
  @ApiProperty({ type: Number, description: '已逾期：期限早于今天 (due before today)' }) overdue!: number;
  @ApiProperty({ type: Number, description: '今日到期 (due today)' }) dueToday!: number;
  @ApiProperty({ type: Number, description: '7 天内到期（今天起 7 个自然日内，含已逾期）(due within 7 calendar days, overdue included)' }) dueThisWeek!: number;
  @ApiProperty({ type: Number, description: '暂停计时（含待补正）(paused, awaiting corrections included)' }) paused!: number;
  @ApiProperty({ type: Number, description: '已申请、待前置事项办结后受理 (applied, waiting for prerequisites)' }) blocked!: number;
}
