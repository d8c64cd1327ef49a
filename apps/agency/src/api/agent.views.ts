import { ApiProperty } from '@nestjs/swagger';
import { SPECIALITIES, type Speciality } from '../domain/assignment';
import { TaskView } from './task.views';

/** 代办员 (an agent) and its current load; its id is also the subject of its access token. */
export class AgentView {
  @ApiProperty({ type: String, example: 'agent-lina' }) id!: string;
  @ApiProperty({ type: String }) name!: string;
  @ApiProperty({ type: String, nullable: true }) mobile!: string | null;
  @ApiProperty({ type: String }) zoneCode!: string;
  @ApiProperty({ type: String, nullable: true, description: '所属代办专班 (team)' }) teamCode!: string | null;
  @ApiProperty({ enum: SPECIALITIES, enumName: 'Speciality', isArray: true }) specialities!: Speciality[];
  @ApiProperty({ type: Number, description: '可承接的未办结事项数 (open tasks it can carry)' }) capacity!: number;
  @ApiProperty({ type: Boolean }) active!: boolean;
  @ApiProperty({ type: Number, description: '办理中的委托 (open delegations it holds now)' }) openDelegations!: number;
  @ApiProperty({ type: Number, description: '未办结事项：其办理中委托的未送达、未退回事项 (open tasks of its delegations)' }) openTasks!: number;
  @ApiProperty({ type: Number, description: '已超期事项：计时中且已过到期日 (open tasks whose running clock is past the due date)' }) overdueTasks!: number;
}

/** 代办专班 (a team of agents). */
export class TeamView {
  @ApiProperty({ type: String }) code!: string;
  @ApiProperty({ type: String }) zoneCode!: string;
  @ApiProperty({ type: String }) name!: string;
  @ApiProperty({ type: String, nullable: true, description: '负责人（代办员编号）(team lead)' }) leadAgentId!: string | null;
}

/** 代办员工作清单 (an agent's worklist): its open tasks that pass the filters, in four buckets. */
export class WorklistView {
  @ApiProperty({ type: String }) agentId!: string;
  @ApiProperty({ type: String, format: 'date', description: '清单日期 (as of)' }) asOf!: string;
  @ApiProperty({ type: String, isArray: true, description: '全部未办结事项的办理部门（不受筛选影响），供按部门筛选 (the departments of all its open tasks, whatever the filters: the department filter\'s choices)' }) departments!: string[];
  @ApiProperty({ type: [TaskView], description: '已超期（计时中）(overdue, clock running)' }) overdue!: TaskView[];
  @ApiProperty({ type: [TaskView], description: '今日到期（计时中）(due today, clock running)' }) dueToday!: TaskView[];
  @ApiProperty({ type: [TaskView], description: '等待企业：收集材料、补正 (waiting on the enterprise)' }) waitingOnEnterprise!: TaskView[];
  @ApiProperty({ type: [TaskView], description: '其余：包括待受理与暂停计时的事项 (the rest, waiting and paused tasks included)' }) upcoming!: TaskView[];
}

/** One agent's load and record. */
export class AgentLoadView {
  @ApiProperty({ type: String }) agentId!: string;
  @ApiProperty({ type: String }) name!: string;
  @ApiProperty({ type: Number }) capacity!: number;
  @ApiProperty({ type: Number, description: '未办结事项 (open tasks)' }) openTasks!: number;
  @ApiProperty({ type: Number, description: '办理中的委托 (open delegations)' }) openDelegations!: number;
  @ApiProperty({ type: Number, description: '已送达事项 (tasks delivered)' }) delivered!: number;
  @ApiProperty({ type: Number, description: '按时送达事项 (delivered on time)' }) deliveredOnTime!: number;
  @ApiProperty({ type: Number, nullable: true, description: '按时办结率 0–1；无送达时为 null (on-time rate)' }) onTimeRate!: number | null;
  @ApiProperty({ type: Number, description: '评价次数 (ratings)' }) ratings!: number;
  @ApiProperty({ type: Number, nullable: true, description: '平均评价；无评价时为 null (average rating)' }) averageRating!: number | null;
}

/** 专班负荷 (a team's load and record). */
export class TeamLoadView {
  @ApiProperty({ type: TeamView }) team!: TeamView;
  @ApiProperty({ type: [AgentLoadView] }) agents!: AgentLoadView[];
}

/** 预警与督办阈值 (a zone's thresholds; zoneCode '*' when the zone uses the defaults). */
export class AgencySettingsView {
  @ApiProperty({ type: String, description: '开发区代码；* 为默认值 (zone, or * for the defaults)' }) zoneCode!: string;
  @ApiProperty({ type: Number, description: '剩余多少个工作日起标黄 (amber within this many working days)' }) amberWorkingDays!: number;
  @ApiProperty({ type: Number, description: '超期多少个工作日后督办 (escalate after this many working days late)' }) escalateAfterWorkingDays!: number;
}
