import { IsIn, IsISO8601, IsNumber, IsOptional, IsString, Matches, MaxLength, Min } from 'class-validator';
import { defineEvent } from '../../registry';
import { Topics } from '../../topics';
import { LIFECYCLE_STAGES, type LifecycleStage } from '../../names';
import { DATE_ONLY } from '../common/values';
import { PROJECT_CODE_PATTERN } from '../project-signed/project-signed.event';

/** What moved the project: a person's report or another service's event. */
export const LIFECYCLE_TRIGGERS = [
  'APPROVAL_STARTED',
  'APPROVALS_GRANTED',
  'APPROVALS_REVOKED',
  'LAND_SECURED',
  'LAND_REVIEW_PASSED',
  'LAND_REVIEW_DECIDED',
  'REPORT_START',
  'REPORT_COMPLETION',
  'ACCEPTANCE_PASSED',
  'ACCEPTANCE_FAILED',
  'REPORT_PRODUCTION',
  'REPORT_FULL_PRODUCTION',
  'SUSPEND',
  'RESUME',
  'TERMINATE',
] as const;
export type LifecycleTrigger = (typeof LIFECYCLE_TRIGGERS)[number];

/** The project moved from one lifecycle stage to another (every transition is one of these). */
export class ProjectStageChangedV1 {
  @Matches(PROJECT_CODE_PATTERN)
  projectCode!: string;

  @IsIn(LIFECYCLE_STAGES) from!: LifecycleStage;
  @IsIn(LIFECYCLE_STAGES) to!: LifecycleStage;
  @IsIn(LIFECYCLE_TRIGGERS) trigger!: LifecycleTrigger;

  /** The milestone's actual date, when a report moved it (开工/竣工/投产/达产 date). */
  @IsOptional() @IsISO8601(DATE_ONLY) milestoneDate?: string;
  /** 施工许可证号 or 承诺制批复文号 given with the start report. */
  @IsOptional() @IsString() @MaxLength(100) permitNumber?: string;
  /** 实际年产值, 万元, with the full-production report. */
  @IsOptional() @IsNumber() @Min(0) actualAnnualOutput?: number;
  /** Why, for suspend / resume / terminate. */
  @IsOptional() @IsString() @MaxLength(500) reason?: string;
}

export const ProjectStageChanged = defineEvent({
  type: 'project.stage-changed',
  version: 1,
  topic: Topics.project,
  payload: ProjectStageChangedV1,
  title: '项目阶段变更',
});
