/** agency.* events (全代办): delegations, agents, tasks, escalation, closure and rating. */
import { Type } from 'class-transformer';
import { IsArray, IsIn, IsInt, IsISO8601, IsNotEmpty, IsOptional, IsString, IsUUID, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { defineEvent } from '../../registry';
import { Topics } from '../../topics';
import { DATE_ONLY } from '../common/values';

export const TASK_STATUSES = ['PLANNED', 'COLLECTING_MATERIALS', 'SUBMITTED', 'ACCEPTED', 'IN_REVIEW', 'CORRECTIONS_REQUESTED', 'APPROVED', 'REFUSED', 'DELIVERED'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

/** A 全代办 delegation (委托) is opened for the project. */
export class DelegationOpenedV1 {
  @IsUUID() delegationId!: string;
  @IsArray() @IsString({ each: true }) scope!: string[];
  @IsString() @IsNotEmpty() authorizationNumber!: string;
  @IsISO8601(DATE_ONLY) openedOn!: string;
}
export const DelegationOpened = defineEvent({ type: 'agency.delegation-opened', version: 1, topic: Topics.agency, payload: DelegationOpenedV1, title: '受理全代办委托' });

/** An agent (代办员) is assigned to the delegation, automatically or by the team lead. */
export class AgentAssignedV1 {
  @IsUUID() delegationId!: string;
  @IsString() @IsNotEmpty() agentId!: string;
  @IsString() @IsNotEmpty() agentName!: string;
  @IsOptional() @IsString() agentMobile?: string;
  @IsOptional() @IsString() previousAgentId?: string;
  @IsIn(['auto', 'lead']) assignedBy!: 'auto' | 'lead';
}
export const AgentAssigned = defineEvent({ type: 'agency.agent-assigned', version: 1, topic: Topics.agency, payload: AgentAssignedV1, title: '指派代办员' });

export class PlannedTaskRef {
  @IsUUID() taskId!: string;
  @IsString() @IsNotEmpty() title!: string;
  @IsString() @IsNotEmpty() department!: string;
  @IsISO8601(DATE_ONLY) dueOn!: string;
}

/** The approval plan (代办审批计划): tasks added to the delegation. */
export class TasksPlannedV1 {
  @IsUUID() delegationId!: string;
  @IsArray() @ValidateNested({ each: true }) @Type(() => PlannedTaskRef) tasks!: PlannedTaskRef[];
}
export const TasksPlanned = defineEvent({ type: 'agency.tasks-planned', version: 1, topic: Topics.agency, payload: TasksPlannedV1, title: '制定代办计划' });

export class TaskUpdatedV1 {
  @IsUUID() delegationId!: string;
  @IsUUID() taskId!: string;
  @IsString() @IsNotEmpty() title!: string;
  @IsIn(TASK_STATUSES) from!: TaskStatus;
  @IsIn(TASK_STATUSES) to!: TaskStatus;
  @IsOptional() @IsString() @MaxLength(1000) note?: string;
}
export const TaskUpdated = defineEvent({ type: 'agency.task-updated', version: 1, topic: Topics.agency, payload: TaskUpdatedV1, title: '代办事项进展' });

export class TaskOverdueV1 {
  @IsUUID() delegationId!: string;
  @IsUUID() taskId!: string;
  @IsString() @IsNotEmpty() title!: string;
  @IsOptional() @IsString() agentId?: string;
  @IsISO8601(DATE_ONLY) dueOn!: string;
  @IsInt() @Min(1) workingDaysLate!: number;
}
export const TaskOverdue = defineEvent({ type: 'agency.task-overdue', version: 1, topic: Topics.agency, payload: TaskOverdueV1, title: '代办事项超期' });

/** 督办: overdue past the zone's threshold, the team lead takes it up. */
export class TaskEscalatedV1 {
  @IsUUID() delegationId!: string;
  @IsUUID() taskId!: string;
  @IsString() @IsNotEmpty() title!: string;
  @IsOptional() @IsString() agentId?: string;
  @IsOptional() @IsString() teamLeadId?: string;
  @IsISO8601(DATE_ONLY) dueOn!: string;
  @IsInt() @Min(1) workingDaysLate!: number;
}
export const TaskEscalated = defineEvent({ type: 'agency.task-escalated', version: 1, topic: Topics.agency, payload: TaskEscalatedV1, title: '代办事项督办' });

/** Every task delivered: the delegation is closed and the enterprise is invited to rate it. */
export class DelegationClosedV1 {
  @IsUUID() delegationId!: string;
  @IsISO8601(DATE_ONLY) closedOn!: string;
  @IsOptional() @IsString() agentId?: string;
  @IsInt() @Min(0) tasksDelivered!: number;
}
export const DelegationClosed = defineEvent({ type: 'agency.delegation-closed', version: 1, topic: Topics.agency, payload: DelegationClosedV1, title: '全代办办结' });

/** 好差评 */
export class ServiceRatedV1 {
  @IsUUID() delegationId!: string;
  @IsOptional() @IsString() agentId?: string;
  @IsInt() @Min(1) @Max(5) score!: number;
  @IsOptional() @IsString() @MaxLength(1000) comment?: string;
}
export const ServiceRated = defineEvent({ type: 'agency.service-rated', version: 1, topic: Topics.agency, payload: ServiceRatedV1, title: '企业评价代办服务' });
