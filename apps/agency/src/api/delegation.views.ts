import { ApiProperty } from '@nestjs/swagger';
import { TASK_STATUSES, type TaskStatus } from '@devzone/contracts';
import { ASSIGNERS, DELEGATION_SCOPES, DELEGATION_STATUSES, type AssignedBy, type DelegationScope, type DelegationStatus } from '../domain/delegation';
import { DELEGATION_ACTIONS, type DelegationAction } from '../domain/permissions';
import { TaskView } from './task.views';

/** One assignment of the delegation's agent (the history is kept). */
export class AssignmentView {
  @ApiProperty({ type: String, format: 'uuid' }) id!: string;
  @ApiProperty({ type: String, format: 'uuid' }) delegationId!: string;
  @ApiProperty({ type: String }) agentId!: string;
  @ApiProperty({ type: String, format: 'date' }) assignedOn!: string;
  @ApiProperty({ type: String, format: 'date-time', description: '指派时间 (when; orders several assignments of one day)' }) assignedAt!: string;
  @ApiProperty({ enum: ASSIGNERS, enumName: 'AssignedBy', description: 'auto 自动分派 / lead 负责人指派' }) assignedBy!: AssignedBy;
  @ApiProperty({ type: String, description: '操作人编号；自动分派为 auto-assignment (who did it: the subject of its token)' }) actorId!: string;
  @ApiProperty({ type: String, nullable: true, description: '操作人姓名；自动分派及早期记录为 null (who did it, by name; null for the automatic choice and older records)' }) actorName!: string | null;
  @ApiProperty({ type: String, nullable: true, description: '改派原因；自动分派及早期记录为 null (why the team lead made it; null for the automatic choice and older records)' }) reason!: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true, description: '改派日期；当前代办员为 null (ended on; null for the current agent)' }) endedOn!: string | null;
}

/** 全代办委托 (a delegation): its agent, the assignment history, the task plan, and what the caller may do now. */
export class DelegationView {
  @ApiProperty({ type: String, format: 'uuid' }) id!: string;
  @ApiProperty({ type: String, format: 'uuid' }) projectId!: string;
  @ApiProperty({ type: String }) zoneCode!: string;
  @ApiProperty({ enum: DELEGATION_STATUSES, enumName: 'DelegationStatus', description: 'OPEN 办理中 / CLOSED 已办结' }) status!: DelegationStatus;
  @ApiProperty({ enum: DELEGATION_SCOPES, enumName: 'DelegationScope', isArray: true, description: 'approval 审批事项 / utilities 水电气讯 / land 标准地' }) scope!: DelegationScope[];
  @ApiProperty({ type: String, description: '委托编号 WT-… (authorization number)' }) authorizationNumber!: string;
  @ApiProperty({ type: String, format: 'date' }) openedOn!: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) closedOn!: string | null;
  @ApiProperty({ type: String, nullable: true, description: '当前代办员 (current agent)' }) agentId!: string | null;
  @ApiProperty({ type: Number, nullable: true, minimum: 1, maximum: 5, description: '企业评价 1–5 (rating)' }) rating!: number | null;
  @ApiProperty({ type: String, nullable: true }) ratingComment!: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) ratedOn!: string | null;
  @ApiProperty({ type: [AssignmentView] }) assignments!: AssignmentView[];
  @ApiProperty({ type: [TaskView], description: '按到期日排序 (by due date)' }) tasks!: TaskView[];
  @ApiProperty({
    enum: DELEGATION_ACTIONS,
    enumName: 'DelegationAction',
    isArray: true,
    description: '当前用户现在可执行的操作：assign 指派/改派（负责人，办理中）、rating 评价（企业，办结后一次）(what the caller may do now)',
  })
  actions!: DelegationAction[];
}

/** The agent as the enterprise sees it. */
export class ProgressAgentView {
  @ApiProperty({ type: String }) id!: string;
  @ApiProperty({ type: String }) name!: string;
  @ApiProperty({ type: String, nullable: true }) mobile!: string | null;
}

/** A task that waits on the enterprise (materials to collect, corrections to make). */
export class WaitingTaskView {
  @ApiProperty({ type: String, format: 'uuid' }) taskId!: string;
  @ApiProperty({ type: String }) title!: string;
  @ApiProperty({ enum: TASK_STATUSES, enumName: 'TaskStatus' }) status!: TaskStatus;
  @ApiProperty({ type: String }) statusName!: string;
  @ApiProperty({ type: String, isArray: true }) materials!: string[];
}

/** 企业视角的进度 (the enterprise's view of its delegation). */
export class ProgressView {
  @ApiProperty({ type: String, format: 'uuid' }) projectId!: string;
  @ApiProperty({ type: String, format: 'uuid' }) delegationId!: string;
  @ApiProperty({ enum: DELEGATION_STATUSES, enumName: 'DelegationStatus' }) status!: DelegationStatus;
  @ApiProperty({ type: ProgressAgentView, nullable: true, description: '尚未分派时为 null (null until assigned)' }) agent!: ProgressAgentView | null;
  @ApiProperty({ type: Number }) tasksTotal!: number;
  @ApiProperty({ type: Number, description: '已送达事项数 (tasks delivered)' }) tasksDone!: number;
  @ApiProperty({ type: Number, description: '已送达百分比，一位小数 (percent delivered, one decimal)' }) percentDone!: number;
  @ApiProperty({ type: [WaitingTaskView], description: '等待企业办理的事项 (tasks waiting on the enterprise)' }) waitingOnEnterprise!: WaitingTaskView[];
}
