import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMinSize, IsArray, IsBoolean, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Length, Matches, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { PageQuery, Satisfies } from '@devzone/platform';
import { REASSIGN_REASON_LENGTH, reassignReasonProblem, SPECIALITIES, type Speciality } from '../domain/assignment';
import { AGENT_ACTIONS, OPEN_TASK_STATUSES, type AgentAction, type OpenTaskStatus } from '../domain/task.state-machine';

export class TaskActionRequest {
  @ApiProperty({ enum: AGENT_ACTIONS, enumName: 'AgentAction', description: 'START 收集材料 / SUBMIT 提交 / ACCEPT 受理 / REVIEW 审查 / REQUEST_CORRECTIONS 补正 / APPROVE 批准 / REFUSE 不予批准 / DELIVER 送达' })
  @IsIn(AGENT_ACTIONS, { message: `action 应为 ${AGENT_ACTIONS.join(' / ')}` })
  action!: AgentAction;
  @ApiPropertyOptional({ type: String, description: '备注 (a note)' }) @IsOptional() @IsString() @IsNotEmpty() @MaxLength(1000) note?: string;
  @ApiPropertyOptional({ type: String, description: '阻碍（null 清除）(blocker; null clears it)', nullable: true }) @IsOptional() @ValidateIf((_o, v) => v !== null) @IsString() @MaxLength(500) blocker?: string | null;
}

export class TaskNoteRequest {
  @ApiPropertyOptional({ type: String, description: '备注 (a note)' }) @IsOptional() @IsString() @IsNotEmpty() @MaxLength(1000) note?: string;
  @ApiPropertyOptional({ type: String, nullable: true, description: '阻碍（null 清除）(blocker; null clears it)' }) @IsOptional() @ValidateIf((_o, v) => v !== null) @IsString() @MaxLength(500) blocker?: string | null;
}

export class AssignRequest {
  @ApiProperty({ type: String, example: 'agent-zhangmin' }) @IsString() @IsNotEmpty() agentId!: string;
  @ApiProperty({
    type: String,
    minLength: REASSIGN_REASON_LENGTH.min,
    maxLength: REASSIGN_REASON_LENGTH.max,
    example: '原代办员休产假，改由熟悉该园区的代办员接手',
    description: `改派原因，${REASSIGN_REASON_LENGTH.min}–${REASSIGN_REASON_LENGTH.max} 个字，记入指派记录 (why, kept in the assignment history; surrounding spaces trimmed)`,
  })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @Satisfies(
    (v) => reassignReasonProblem(v) === null,
    (v) => {
      const problem = reassignReasonProblem(v);
      return problem ? `reason ${problem.zh} (${problem.en})` : '';
    },
  )
  reason!: string;
}

export class RatingRequest {
  @ApiProperty({ type: Number, minimum: 1, maximum: 5, description: '1（差）… 5（好）' }) @IsInt({ message: 'score 应为 1–5 的整数' }) @Min(1) @Max(5) score!: number;
  @ApiPropertyOptional({ type: String }) @IsOptional() @IsString() @MaxLength(1000) comment?: string;
}

export class AgentRequest {
  @ApiProperty({ type: String, example: 'agent-lina' }) @Matches(/^[a-z0-9-]{3,64}$/, { message: 'id 应为 3–64 位小写字母、数字或连字符' }) id!: string;
  @ApiProperty({ type: String, example: '李娜' }) @IsString() @IsNotEmpty() @MaxLength(50) name!: string;
  @ApiPropertyOptional({ type: String, example: '13900000000' }) @IsOptional() @Matches(/^1\d{10}$/, { message: '手机号应为11位' }) mobile?: string;
  @ApiProperty({ type: String, example: 'SX-ZGQ' }) @IsString() @IsNotEmpty() zoneCode!: string;
  @ApiPropertyOptional({ type: String }) @IsOptional() @IsString() teamCode?: string;
  @ApiProperty({ enum: SPECIALITIES, enumName: 'Speciality', isArray: true }) @IsArray() @ArrayMinSize(1) @IsIn(SPECIALITIES, { each: true, message: `specialities 应为 ${SPECIALITIES.join(' / ')}` }) specialities!: Speciality[];
  @ApiProperty({ type: Number, example: 20 }) @IsInt() @Min(1) @Max(500) capacity!: number;
  @ApiPropertyOptional({ type: Boolean, default: true }) @IsOptional() @IsBoolean() active?: boolean;
}

export class TeamRequest {
  @ApiProperty({ type: String, example: 'CZ-GXQ-DB' }) @Matches(/^[A-Za-z0-9-]{2,64}$/) code!: string;
  @ApiProperty({ type: String, example: 'CZ-GXQ' }) @IsString() @IsNotEmpty() zoneCode!: string;
  @ApiProperty({ type: String, example: '长治高新区代办专班' }) @IsString() @IsNotEmpty() name!: string;
  @ApiPropertyOptional({ type: String }) @IsOptional() @IsString() leadAgentId?: string;
}

export class AgencySettingsRequest {
  @ApiPropertyOptional({ type: Number, description: '剩余多少个工作日起标黄' }) @IsOptional() @IsInt() @Min(0) @Max(30) amberWorkingDays?: number;
  @ApiPropertyOptional({ type: Number, description: '超期多少个工作日后督办' }) @IsOptional() @IsInt() @Min(0) @Max(60) escalateAfterWorkingDays?: number;
}

export class AgentsQuery extends PageQuery {
  @ApiPropertyOptional({ type: String, description: '开发区代码' }) @IsOptional() @IsString() zone?: string;
}

/** The due windows of the worklist's filter (each on a running clock: a task waiting for 受理 or paused has no deadline yet). */
export const DUE_WINDOWS = ['overdue', 'today', 'week'] as const;
export type DueWindow = (typeof DUE_WINDOWS)[number];
const SEARCH_MAX = 100;
const searchMessage = { message: `q 应为 1–${SEARCH_MAX} 个字符的搜索词 (q must be 1-${SEARCH_MAX} characters)` };
const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** 工作清单的筛选 (the worklist's filters), applied in SQL; none given: every open task. */
export class WorklistQuery {
  @ApiPropertyOptional({
    type: String,
    minLength: 1,
    maxLength: SEARCH_MAX,
    example: '供水',
    description: `搜索：事项名称、项目名称或项目代码的一部分（不区分大小写，1–${SEARCH_MAX} 个字符，前后空格不计）(part of the task's title, or of its project's name or code)`,
  })
  @IsOptional()
  @Transform(trimmed)
  @IsString(searchMessage)
  @Length(1, SEARCH_MAX, searchMessage)
  q?: string;

  @ApiPropertyOptional({ type: String, example: '供水公司', description: '办理部门（完整名称，见答复的 departments）(the department, exactly; see departments in the answer)' })
  @IsOptional()
  @Transform(trimmed)
  @IsString({ message: 'department 应为部门名称 (department must be a name)' })
  @Length(1, 100, { message: 'department 应为 1–100 个字符的部门名称 (department must be 1-100 characters)' })
  department?: string;

  @ApiPropertyOptional({ enum: OPEN_TASK_STATUSES, enumName: 'OpenTaskStatus', description: '事项状态（未办结的状态）(the task status; open ones only)' })
  @IsOptional()
  @IsIn(OPEN_TASK_STATUSES, { message: `status 应为未办结事项的状态之一：${OPEN_TASK_STATUSES.join(' / ')} (status must be one of the open task statuses)` })
  status?: OpenTaskStatus;

  @ApiPropertyOptional({
    enum: DUE_WINDOWS,
    enumName: 'DueWindow',
    description: '到期：overdue 已超期 / today 今日到期 / week 7 日内到期（今日起，含今日）；均仅计时中的事项 (overdue, due today, due within 7 days from today; running clocks only)',
  })
  @IsOptional()
  @IsIn(DUE_WINDOWS, { message: `due 应为 ${DUE_WINDOWS.join(' / ')}（已超期 / 今日到期 / 7 日内到期）(due must be overdue, today or week)` })
  due?: DueWindow;
}
