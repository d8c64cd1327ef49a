import { Column, Entity, PrimaryColumn, type ValueTransformer } from 'typeorm';
import type { Contact, TaskStatus } from '@devzone/contracts';
import type { Speciality } from '../domain/assignment';
import type { AssignedBy, DelegationScope, DelegationStatus, TaskClock, TaskSource } from '../domain/delegation';

const decimal: ValueTransformer = { to: (v: number | null | undefined) => v, from: (v: string | null) => (v === null ? null : Number(v)) };
const date = { type: 'date' as const, nullable: true };

@Entity('agency_settings')
export class AgencySettingsOrm {
  @PrimaryColumn({ name: 'zone_code', type: 'varchar', length: 32 }) zoneCode!: string;
  @Column({ name: 'amber_working_days', type: 'int' }) amberWorkingDays!: number;
  @Column({ name: 'escalate_after_working_days', type: 'int' }) escalateAfterWorkingDays!: number;
}

@Entity('teams')
export class TeamOrm {
  @PrimaryColumn({ type: 'varchar', length: 64 }) code!: string;
  @Column({ name: 'zone_code', type: 'varchar', length: 32 }) zoneCode!: string;
  @Column({ type: 'text' }) name!: string;
  @Column({ name: 'lead_agent_id', type: 'varchar', length: 64, nullable: true }) leadAgentId!: string | null;
}

/** 代办员: also the actor id they act under. */
@Entity('agents')
export class AgentOrm {
  @PrimaryColumn({ type: 'varchar', length: 64 }) id!: string;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'text', nullable: true }) mobile!: string | null;
  @Column({ name: 'zone_code', type: 'varchar', length: 32 }) zoneCode!: string;
  @Column({ name: 'team_code', type: 'varchar', length: 64, nullable: true }) teamCode!: string | null;
  @Column({ type: 'jsonb' }) specialities!: Speciality[];
  @Column({ type: 'int' }) capacity!: number;
  @Column({ type: 'boolean' }) active!: boolean;
}

@Entity('agency_projects')
export class AgencyProjectOrm {
  @PrimaryColumn({ name: 'project_id', type: 'uuid' }) projectId!: string;
  @Column({ type: 'text' }) code!: string;
  @Column({ type: 'text' }) name!: string;
  @Column({ name: 'enterprise_name', type: 'text' }) enterpriseName!: string;
  @Column({ name: 'credit_code', type: 'char', length: 18, nullable: true }) creditCode!: string | null;
  @Column({ name: 'zone_code', type: 'varchar', length: 32 }) zoneCode!: string;
  @Column({ name: 'wants_full_agency', type: 'boolean' }) wantsFullAgency!: boolean;
  @Column({ name: 'land_area_mu', type: 'numeric', precision: 12, scale: 4, transformer: decimal }) landAreaMu!: number;
  @Column({ name: 'uses_standard_land', type: 'boolean' }) usesStandardLand!: boolean;
  @Column({ type: 'jsonb' }) contacts!: Contact[];
}

/** The project's approval items as commitment-approval reports them (whether or not a delegation exists yet). */
@Entity('approval_items')
export class ApprovalItemOrm {
  @PrimaryColumn({ name: 'project_id', type: 'uuid' }) projectId!: string;
  @PrimaryColumn({ name: 'item_code', type: 'varchar', length: 16 }) itemCode!: string;
  @Column({ name: 'case_id', type: 'uuid' }) caseId!: string;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'text' }) department!: string;
  @Column({ name: 'legal_limit_days', type: 'int' }) legalLimitDays!: number;
  @Column({ name: 'promised_limit_days', type: 'int' }) promisedLimitDays!: number;
  /** Known once the item is accepted (受理); moved by pauses. */
  @Column({ name: 'legal_due_on', type: 'date', nullable: true }) legalDueOn!: string | null;
  @Column({ name: 'promised_due_on', type: 'date', nullable: true }) promisedDueOn!: string | null;
  @Column({ name: 'opened_on', type: 'date' }) openedOn!: string;
  @Column({ type: 'jsonb' }) documents!: string[];
  /** open | granted | corrections | rejected */
  @Column({ type: 'text' }) status!: 'open' | 'granted' | 'corrections' | 'rejected';
}

@Entity('delegations')
export class DelegationOrm {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ name: 'project_id', type: 'uuid' }) projectId!: string;
  @Column({ name: 'zone_code', type: 'varchar', length: 32 }) zoneCode!: string;
  @Column({ type: 'text' }) status!: DelegationStatus;
  @Column({ type: 'jsonb' }) scope!: DelegationScope[];
  @Column({ name: 'authorization_number', type: 'text' }) authorizationNumber!: string;
  @Column({ name: 'opened_on', type: 'date' }) openedOn!: string;
  @Column({ name: 'closed_on', ...date }) closedOn!: string | null;
  @Column({ name: 'agent_id', type: 'varchar', length: 64, nullable: true }) agentId!: string | null;
  @Column({ type: 'int', nullable: true }) rating!: number | null;
  @Column({ name: 'rating_comment', type: 'text', nullable: true }) ratingComment!: string | null;
  @Column({ name: 'rated_on', ...date }) ratedOn!: string | null;
}

@Entity('assignments')
export class AssignmentOrm {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ name: 'delegation_id', type: 'uuid' }) delegationId!: string;
  @Column({ name: 'agent_id', type: 'varchar', length: 64 }) agentId!: string;
  @Column({ name: 'assigned_on', type: 'date' }) assignedOn!: string;
  @Column({ name: 'assigned_by', type: 'text' }) assignedBy!: AssignedBy;
  @Column({ name: 'actor_id', type: 'text' }) actorId!: string;
  /** The name of who made it (from the token), null for the automatic choice and for assignments before issue 17. */
  @Column({ name: 'actor_name', type: 'text', nullable: true }) actorName!: string | null;
  /** When (orders several assignments of one day). */
  @Column({ name: 'assigned_at', type: 'timestamptz' }) assignedAt!: Date;
  /** 改派原因: why the team lead made it; null for the automatic choice. */
  @Column({ type: 'text', nullable: true }) reason!: string | null;
  @Column({ name: 'ended_on', ...date }) endedOn!: string | null;
}

export interface TaskNote {
  on: string;
  by: string;
  text: string;
}

@Entity('tasks')
export class TaskOrm {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ name: 'delegation_id', type: 'uuid' }) delegationId!: string;
  @Column({ name: 'project_id', type: 'uuid' }) projectId!: string;
  /** approval (an item of the 承诺制 case), land, utility */
  @Column({ type: 'text' }) source!: TaskSource;
  @Column({ name: 'source_code', type: 'varchar', length: 32 }) sourceCode!: string;
  @Column({ type: 'text' }) title!: string;
  @Column({ type: 'text' }) department!: string;
  @Column({ type: 'jsonb' }) materials!: string[];
  @Column({ name: 'planned_start', type: 'date' }) plannedStart!: string;
  @Column({ name: 'legal_limit_days', type: 'int', nullable: true }) legalLimitDays!: number | null;
  @Column({ name: 'promised_limit_days', type: 'int' }) promisedLimitDays!: number;
  /** The due date: planned (if the item were accepted on the day the plan was made) while the clock waits, real once it runs. */
  @Column({ name: 'due_on', type: 'date' }) dueOn!: string;
  /** An approval task's clock follows its item's: waiting for 受理, running, paused (corrections, hearing …). Other tasks always run. */
  @Column({ type: 'text', default: 'running' }) clock!: TaskClock;
  @Column({ type: 'text' }) status!: TaskStatus;
  @Column({ type: 'text', nullable: true }) blocker!: string | null;
  @Column({ type: 'jsonb' }) notes!: TaskNote[];
  @Column({ name: 'delivered_on', ...date }) deliveredOn!: string | null;
  @Column({ name: 'overdue_raised', type: 'boolean', default: false }) overdueRaised!: boolean;
  @Column({ type: 'boolean', default: false }) escalated!: boolean;
}

export const ENTITIES = [AgencySettingsOrm, TeamOrm, AgentOrm, AgencyProjectOrm, ApprovalItemOrm, DelegationOrm, AssignmentOrm, TaskOrm];
