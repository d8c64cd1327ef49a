import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { TASK_STATUSES, type TaskStatus } from '@devzone/contracts';
import { RAGS, type Rag } from '../domain/deadlines';
import { TASK_CLOCKS, TASK_SOURCES, type TaskClock, type TaskSource } from '../domain/delegation';
import { TASK_ACTIONS, type TaskAction } from '../domain/permissions';

/** A note on a task: by an agent, or by the approving service (its clock changes). */
export class TaskNoteView {
  @ApiProperty({ type: String, format: 'date', description: '记录日期 (date written)' }) on!: string;
  @ApiProperty({ type: String, description: '记录人（代办员编号或 commitment-approval）(who wrote it)' }) by!: string;
  @ApiProperty({ type: String }) text!: string;
}

/**
 * 代办事项 (a task of a delegation), with its deadline state while its clock
 * runs, and the actions the caller may take on it now.
 */
export class TaskView {
  @ApiProperty({ type: String, format: 'uuid' }) id!: string;
  @ApiProperty({ type: String, format: 'uuid' }) delegationId!: string;
  @ApiProperty({ type: String, format: 'uuid' }) projectId!: string;
  @ApiProperty({ enum: TASK_SOURCES, enumName: 'TaskSource', description: 'approval 审批事项 / land 用地 / utility 市政配套' }) source!: TaskSource;
  @ApiProperty({ type: String, description: '事项代码（审批事项编码、L-CONTRACT、U-WATER …）(item or step code)' }) sourceCode!: string;
  @ApiProperty({ type: String }) title!: string;
  @ApiProperty({ type: String, description: '办理部门 (department)' }) department!: string;
  @ApiProperty({ type: String, isArray: true, description: '所需材料 (documents needed)' }) materials!: string[];
  @ApiProperty({ type: String, format: 'date' }) plannedStart!: string;
  @ApiProperty({ type: Number, nullable: true, description: '法定时限（工作日）(legal limit, working days)' }) legalLimitDays!: number | null;
  @ApiProperty({ type: Number, description: '承诺时限（工作日）(promised limit, working days)' }) promisedLimitDays!: number;
  @ApiProperty({ type: String, format: 'date', description: '到期日：计时前为计划日期 (due date; planned while the clock waits)' }) dueOn!: string;
  @ApiProperty({ enum: TASK_CLOCKS, enumName: 'TaskClock', description: 'waiting 待受理 / running 计时中 / paused 暂停计时' }) clock!: TaskClock;
  @ApiProperty({ enum: TASK_STATUSES, enumName: 'TaskStatus' }) status!: TaskStatus;
  @ApiProperty({ type: String, description: '状态中文名 (status in Chinese)' }) statusName!: string;
  @ApiProperty({ type: String, nullable: true, description: '阻碍 (blocker)' }) blocker!: string | null;
  @ApiProperty({ type: [TaskNoteView] }) notes!: TaskNoteView[];
  @ApiProperty({ type: String, format: 'date', nullable: true }) deliveredOn!: string | null;
  @ApiProperty({ type: Boolean, description: '已发出超期提醒（本到期日）(overdue raised for this due date)' }) overdueRaised!: boolean;
  @ApiProperty({ type: Boolean, description: '已督办（本到期日）(escalated for this due date)' }) escalated!: boolean;
  @ApiProperty({ type: Boolean, description: '等待企业（收集材料、补正）(waiting on the enterprise)' }) waitingOnEnterprise!: boolean;
  @ApiPropertyOptional({ enum: RAGS, enumName: 'Rag', description: '红黄绿，仅计时中的未办结事项 (only for an open task whose clock runs)' }) rag?: Rag;
  @ApiPropertyOptional({ type: Number, description: '剩余工作日 (working days left)' }) workingDaysLeft?: number;
  @ApiPropertyOptional({ type: Boolean, description: '已超期 (overdue)' }) overdue?: boolean;
  @ApiPropertyOptional({ type: Boolean, description: '超期超过督办阈值 (late past the escalation threshold)' }) escalate?: boolean;
  @ApiPropertyOptional({ type: Number, description: '超期工作日 (working days late)' }) workingDaysLate?: number;
  @ApiProperty({
    enum: TASK_ACTIONS,
    enumName: 'TaskAction',
    isArray: true,
    description: '当前用户现在可执行的操作：POST /tasks/:id/actions 的 action 取值，及 notes（备注）(what the caller may do now: the action values of POST /tasks/:id/actions, and notes)',
  })
  actions!: TaskAction[];
}
