import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ACTOR_ROLES, LAND_PATHS, LIFECYCLE_STAGES, PROJECT_TYPES, TIMELINE_KINDS, type ActorRole, type LandPath, type LifecycleStage, type ProjectType, type TimelineKind } from '@devzone/contracts';
import { PROJECT_ACTIONS, type ProjectAction } from '../domain/permissions';

/** Response DTOs of /projects (GET /projects/:id, the list, the commands, the timeline). */

export const PROJECT_TYPE_VALUES = Object.keys(PROJECT_TYPES) as ProjectType[];
const DATE = { type: String, format: 'date' } as const;
const DATE_OR_NULL = { ...DATE, nullable: true } as const;
const DATE_TIME = { type: String, format: 'date-time' } as const;

export class EnterpriseView {
  @ApiProperty({ type: String, example: '山西示例新材料有限公司' }) name!: string;
  @ApiProperty({ type: String, description: '统一社会信用代码 (unified social credit code)', example: '91350100M000100Y43' }) creditCode!: string;
}

export class ContactView {
  @ApiProperty({ type: String, example: '张伟' }) name!: string;
  @ApiProperty({ type: String, example: '13800000000' }) mobile!: string;
  @ApiPropertyOptional({ type: String, example: 'zhangwei@example.cn' }) email?: string;
  @ApiPropertyOptional({ type: String, description: '联系人在统一身份认证中的账号 (the contact’s subject at the identity provider)' }) userId?: string;
}

export class ProjectConditionsView {
  @ApiProperty({ type: Boolean, description: '审批已办结 (approvals granted)' }) approvalsGranted!: boolean;
  @ApiProperty({ type: Boolean, description: '需要用地（用地 > 0 亩）(land needed)' }) landNeeded!: boolean;
  @ApiProperty({ type: Boolean, description: '用地已落实 (land secured)' }) landSecured!: boolean;
  @ApiProperty({ enum: LAND_PATHS, enumName: 'LandPath', nullable: true, description: '用地落实方式 (how the land was secured)' }) landPath!: LandPath | null;
  @ApiProperty({ type: String, nullable: true, description: '用地文件：合同号、不动产权证号或租赁合同 (the land document)' }) landReference!: string | null;
  @ApiProperty({ enum: ['pending', 'passed', 'failed'], enumName: 'AcceptanceStatus', description: '对标验收 (benchmark acceptance)' }) acceptance!: 'pending' | 'passed' | 'failed';
  @ApiProperty({ enum: ['not-needed', 'pending', 'passed', 'decided'], enumName: 'LandReviewStatus', description: '标准地达产复核 (the standard-land full-production review)' })
  landReview!: 'not-needed' | 'pending' | 'passed' | 'decided';
}

/** One milestone: planned at signing, committed (承诺书), agreed (land agreement), actual. */
export class MilestoneView {
  @ApiProperty({ ...DATE_OR_NULL, description: '计划日期 (planned at signing)' }) planned!: string | null;
  @ApiProperty({ ...DATE_OR_NULL, description: '承诺日期 (committed in the 承诺书)' }) committed!: string | null;
  @ApiProperty({ ...DATE_OR_NULL, description: '约定日期 (agreed with the land)' }) agreed!: string | null;
  @ApiProperty({ ...DATE_OR_NULL, description: '实际日期 (actual)' }) actual!: string | null;
  @ApiProperty({ type: Number, nullable: true, description: '实际 − 计划（天）；尚未发生时为今天已逾期天数 (actual − planned in days; while open, days late today)' })
  varianceDays!: number | null;
}

export class FullProductionMilestoneView {
  @ApiProperty({ ...DATE_OR_NULL, description: '达产日期 (actual full production)' }) actual!: string | null;
}

export class ProjectMilestonesView {
  @ApiProperty({ type: MilestoneView }) start!: MilestoneView;
  @ApiProperty({ type: MilestoneView }) completion!: MilestoneView;
  @ApiProperty({ type: MilestoneView }) production!: MilestoneView;
  @ApiProperty({ type: FullProductionMilestoneView }) fullProduction!: FullProductionMilestoneView;
}

/** A project with plan vs actual per milestone, and the commands the caller may take on it now. */
export class ProjectView {
  @ApiProperty({ type: String, format: 'uuid' }) id!: string;
  @ApiProperty({ type: String, description: '项目代码 (project code)', example: '2611-140100-04-01-012345' }) code!: string;
  @ApiProperty({ type: String }) name!: string;
  @ApiProperty({ type: EnterpriseView }) enterprise!: EnterpriseView;
  @ApiProperty({ type: String, example: 'SX-ZGQ' }) zoneCode!: string;
  @ApiProperty({ type: String, nullable: true, example: '山西转型综合改革示范区' }) zoneName!: string | null;
  @ApiProperty({ type: String, description: '国民经济行业分类代码 (GB/T 4754)', example: 'C3021' }) industryCode!: string;
  @ApiProperty({ enum: PROJECT_TYPE_VALUES, enumName: 'ProjectType' }) projectType!: ProjectType;
  @ApiProperty({ type: Number, description: '总投资（万元）' }) totalInvestment!: number;
  @ApiProperty({ type: Number, description: '固定资产投资（万元）' }) fixedAssetInvestment!: number;
  @ApiProperty({ type: Number, description: '预计年产值（万元）' }) projectedAnnualOutput!: number;
  @ApiProperty({ type: Number, nullable: true, description: '实际年产值（万元，达产时报告）' }) actualAnnualOutput!: number | null;
  @ApiProperty({ type: Number, description: '用地（亩）' }) landAreaMu!: number;
  @ApiProperty({ type: Boolean }) usesStandardLand!: boolean;
  @ApiProperty({ type: Boolean }) wantsFullAgency!: boolean;
  @ApiProperty({ type: [ContactView] }) contacts!: ContactView[];
  @ApiProperty({ ...DATE }) signedOn!: string;
  @ApiProperty({ type: String, nullable: true, description: '旧的三个一批批次标签 (the old round label)' }) threeBatchesRound!: string | null;
  @ApiProperty({ enum: LIFECYCLE_STAGES, enumName: 'LifecycleStage' }) stage!: LifecycleStage;
  @ApiProperty({ type: String, description: '阶段中文名 (the stage in Chinese)', example: '签约' }) stageName!: string;
  @ApiProperty({ enum: LIFECYCLE_STAGES, enumName: 'LifecycleStage', nullable: true, description: '暂停前的阶段 (where resume returns to)' }) stageBeforeSuspension!: LifecycleStage | null;
  @ApiProperty({ type: ProjectConditionsView }) conditions!: ProjectConditionsView;
  @ApiProperty({ type: String, nullable: true, description: '施工许可证号或承诺制批复文号 (permit number)' }) permitNumber!: string | null;
  @ApiProperty({ type: String, nullable: true, description: '暂停、恢复、终止的原因 (the last reason given)' }) statusReason!: string | null;
  @ApiProperty({ type: ProjectMilestonesView }) milestones!: ProjectMilestonesView;
  @ApiProperty({ type: Number }) version!: number;
  @ApiProperty({ ...DATE_TIME }) createdAt!: string;
  @ApiProperty({ ...DATE_TIME }) updatedAt!: string;
  @ApiProperty({
    enum: PROJECT_ACTIONS,
    enumName: 'ProjectAction',
    isArray: true,
    description: '当前用户现在可执行的操作：POST /projects/:id/<action> (the commands the caller may take on the project now)',
  })
  actions!: ProjectAction[];
}

export class TimelineActorView {
  @ApiProperty({ type: String, description: '账号（登录标识），供核对，不作显示 (the account, for reference; not for display)' }) id!: string;
  @ApiProperty({ enum: ACTOR_ROLES, enumName: 'ActorRole' }) role!: ActorRole;
  @ApiPropertyOptional({ type: String, description: '姓名（王敏）；较早的记录和系统事件没有 (the person’s name; absent on older entries and a system’s)' }) name?: string;
}

/** One event about a project, from any service. */
export class TimelineEntryView {
  @ApiProperty({ type: String, format: 'uuid' }) eventId!: string;
  @ApiProperty({ type: String, example: 'project.stage-changed' }) type!: string;
  @ApiProperty({ type: String, description: '发出事件的服务 (the service that published it)', example: 'project-intake' }) source!: string;
  @ApiProperty({ ...DATE_TIME }) occurredAt!: string;
  @ApiProperty({ type: TimelineActorView, nullable: true, description: '操作人；系统事件为空 (who caused it; null for a system’s event)' }) actor!: TimelineActorView | null;
  @ApiProperty({ type: String, description: '一句中文说明，不含服务或账号标识 (one line in zh-CN, without service or account ids)' }) summary!: string;
  @ApiProperty({ type: String, description: '服务的中文名：项目 / 审批 / 土地 / 代办 / 通知 (the source service’s name in Chinese)', example: '审批' }) sourceName!: string;
  @ApiProperty({ enum: TIMELINE_KINDS, enumName: 'TimelineKind', description: '类别 (approval 审批 · land 土地 · agency 代办 · lifecycle 项目 · notice 通知)' }) kind!: TimelineKind;
  @ApiProperty({ type: String, nullable: true, description: '所涉对象的代码，可作 ?object= 筛选：事项代码、核验阶段、地块编号、代办事项编号 (the object’s code, as ?object= takes it)', example: 'A05' })
  object!: string | null;
  @ApiProperty({ type: String, nullable: true, description: '所涉对象的中文名：A05 消防设计审查、竣工验收、地块 SX-2025-012、供水报装 (the object named in Chinese)', example: 'A05 消防设计审查' })
  objectName!: string | null;
  @ApiProperty({ type: String, nullable: true, description: '同一代办事项的记录同组（代办事项编号），便于合并显示 (entries of one agency task share it: the task id)' })
  group!: string | null;
}
