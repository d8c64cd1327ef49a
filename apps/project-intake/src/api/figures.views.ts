import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { LIFECYCLE_STAGES, type LifecycleStage } from '@devzone/contracts';
import type { Milestone } from '../domain/figures';
import { EnterpriseView } from './projects.views';
import { RoundView } from './rounds.views';

/** Response DTOs of GET /figures/three-batches and of each batch's list (domain/figures.ts, domain/rounds.ts). */

const DATE = { type: String, format: 'date' } as const;
const DATE_OR_NULL = { ...DATE, nullable: true } as const;
const RATE = { type: Number, nullable: true, description: '保留 4 位小数；分母为 0 时为空 (4 decimals; null when the denominator is 0)' } as const;

/** The query the figures were asked with. */
export class FiguresFilterView {
  @ApiPropertyOptional({ type: String }) zone?: string;
  @ApiPropertyOptional({ type: String, format: 'uuid' }) round?: string;
  @ApiPropertyOptional({ ...DATE }) from?: string;
  @ApiPropertyOptional({ ...DATE }) to?: string;
  @ApiPropertyOptional({ ...DATE }) asOf?: string;
}

/** Both ends inclusive; null = open. */
export class FiguresWindowView {
  @ApiProperty({ ...DATE_OR_NULL }) from!: string | null;
  @ApiProperty({ ...DATE_OR_NULL }) to!: string | null;
}

export class TallyView {
  @ApiProperty({ type: Number }) count!: number;
  @ApiProperty({ type: Number, description: '总投资（万元）' }) investment!: number;
}

export class BatchTallyView extends TallyView {
  @ApiProperty({ type: Number, description: '预计年产值（万元）' }) projectedAnnualOutput!: number;
}

/** 签约一批, 开工一批, 投产一批 of the window. */
export class BatchesView {
  @ApiProperty({ type: BatchTallyView }) signed!: BatchTallyView;
  @ApiProperty({ type: BatchTallyView }) started!: BatchTallyView;
  @ApiProperty({ type: BatchTallyView }) inProduction!: BatchTallyView;
}

export class DurationStatsView {
  @ApiProperty({ type: Number }) count!: number;
  @ApiProperty({ type: Number, nullable: true, description: '中位数（天）(median days)' }) medianDays!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'P90（天，最近秩）(p90 days, nearest rank)' }) p90Days!: number | null;
}

export class ZoneDurationsView {
  @ApiProperty({ type: String }) zoneCode!: string;
  @ApiProperty({ type: DurationStatsView, description: '签约→开工 (signing to start)' }) signingToStart!: DurationStatsView;
  @ApiProperty({ type: DurationStatsView, description: '开工→投产 (start to production)' }) startToProduction!: DurationStatsView;
}

const MILESTONES: Milestone[] = ['start', 'completion', 'production'];

/** A cohort project behind plan, at its first milestone not reached by asOf. */
export class BehindPlanView {
  @ApiProperty({ type: String, format: 'uuid' }) projectId!: string;
  @ApiProperty({ type: String }) code!: string;
  @ApiProperty({ type: String }) name!: string;
  @ApiProperty({ type: String }) zoneCode!: string;
  @ApiProperty({ enum: LIFECYCLE_STAGES, enumName: 'LifecycleStage' }) stage!: LifecycleStage;
  @ApiProperty({ enum: MILESTONES, enumName: 'PlanMilestone' }) milestone!: Milestone;
  @ApiProperty({ ...DATE }) plannedDate!: string;
  @ApiProperty({ type: Number }) daysLate!: number;
}

/** 三个一批 of a round or an ad-hoc window, as of asOf. */
export class ThreeBatchesView {
  @ApiProperty({ type: FiguresFilterView }) filter!: FiguresFilterView;
  @ApiProperty({ type: RoundView, nullable: true, description: '按批次查询时的批次 (the round asked for, if any)' }) round!: RoundView | null;
  @ApiProperty({ ...DATE, description: '统计截止日 (facts after it do not count)' }) asOf!: string;
  @ApiProperty({ type: FiguresWindowView }) window!: FiguresWindowView;
  @ApiProperty({ type: BatchesView }) batches!: BatchesView;
  @ApiProperty({ type: TallyView, description: '本期签约项目 (the cohort signed in the window)' }) signed!: TallyView;
  @ApiProperty({ type: TallyView, description: '其中已开工 (of the cohort, started by asOf)' }) started!: TallyView;
  @ApiProperty({ type: TallyView, description: '其中已投产 (of the cohort, in production by asOf)' }) inProduction!: TallyView;
  @ApiProperty({ ...RATE, description: `开工率 (start rate). ${RATE.description}` }) startRate!: number | null;
  @ApiProperty({ ...RATE, description: `投产率 (production rate). ${RATE.description}` }) productionRate!: number | null;
  @ApiProperty({ ...RATE, description: `达效率 (output attainment). ${RATE.description}` }) outputAttainment!: number | null;
  @ApiProperty({ type: [ZoneDurationsView] }) durationsByZone!: ZoneDurationsView[];
  @ApiProperty({ type: [BehindPlanView], description: '落后于计划的项目，最多 200 条 (at most 200; behindPlanTotal counts all)' }) behindPlan!: BehindPlanView[];
  @ApiProperty({ type: Number }) behindPlanTotal!: number;
}

/** One project of a batch, its facts as of asOf (a start or production after asOf shows as null). */
export class BatchProjectView {
  @ApiProperty({ type: String, format: 'uuid' }) id!: string;
  @ApiProperty({ type: String }) code!: string;
  @ApiProperty({ type: String }) name!: string;
  @ApiProperty({ type: EnterpriseView }) enterprise!: EnterpriseView;
  @ApiProperty({ type: String }) zoneCode!: string;
  @ApiProperty({ type: String }) zoneName!: string;
  @ApiProperty({ enum: LIFECYCLE_STAGES, enumName: 'LifecycleStage', description: '项目当前阶段 (the project’s current stage)' }) stage!: LifecycleStage;
  @ApiProperty({ ...DATE }) signedOn!: string;
  @ApiProperty({ ...DATE_OR_NULL }) actualStart!: string | null;
  @ApiProperty({ ...DATE_OR_NULL }) actualProduction!: string | null;
  @ApiProperty({ ...DATE, description: '计划开工日期' }) plannedStart!: string;
  @ApiProperty({ ...DATE, description: '计划竣工日期' }) plannedCompletion!: string;
  @ApiProperty({ ...DATE, description: '计划投产日期' }) plannedProduction!: string;
  @ApiProperty({ type: Number, description: '总投资（万元）' }) totalInvestment!: number;
  @ApiProperty({ type: Number, description: '预计年产值（万元）' }) projectedAnnualOutput!: number;
}

// ————— Charts (domain/figures-charts.ts) —————

/** One round's batches (or, across zones, one campaign: the rounds of one name added up). */
export class RoundFiguresView {
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: '批次编号；跨开发区合计（同名批次）时为空 (null for rounds of one name added up across zones)' }) roundId!: string | null;
  @ApiProperty({ type: String, example: '2026年第四批' }) name!: string;
  @ApiProperty({ type: Number, description: '计入的开发区数 (zones whose round of this name is counted)' }) zoneCount!: number;
  @ApiProperty({ ...DATE, description: '起始日（合计时为最早的）' }) startsOn!: string;
  @ApiProperty({ ...DATE, description: '截止日（合计时为最晚的）' }) endsOn!: string;
  @ApiProperty({ type: Number, description: '签约一批项目数' }) signed!: number;
  @ApiProperty({ type: Number, description: '开工一批项目数' }) started!: number;
  @ApiProperty({ type: Number, description: '投产一批项目数' }) inProduction!: number;
}

/** 三个一批 over time: the latest rounds, oldest first. */
export class RoundsFiguresView {
  @ApiProperty({ type: String, nullable: true, description: '开发区；为空时为本人负责的全部开发区，同名批次合计' }) zone!: string | null;
  @ApiProperty({ ...DATE }) asOf!: string;
  @ApiProperty({ type: [RoundFiguresView], description: '最近的至多 24 个批次，按起始日正序 (the latest 24 at most, oldest first)' }) rounds!: RoundFiguresView[];
  @ApiProperty({ type: Number, description: '批次总数 (every round or campaign in scope, shown or not)' }) roundCount!: number;
}

/** One calendar month's planned and actual starts and productions. */
export class MonthFiguresView {
  @ApiProperty({ type: String, example: '2026-03' }) month!: string;
  @ApiProperty({ type: Number, description: '计划开工（未终止、已签约项目的计划开工日期在本月）' }) plannedStarts!: number;
  @ApiProperty({ type: Number, description: '实际开工' }) actualStarts!: number;
  @ApiProperty({ type: Number, description: '计划投产' }) plannedProductions!: number;
  @ApiProperty({ type: Number, description: '实际投产' }) actualProductions!: number;
}

/** Plan against actual, month by month from–to. */
export class PlanVsActualView {
  @ApiProperty({ type: String, nullable: true }) zone!: string | null;
  @ApiProperty({ type: String, example: '2026-01' }) from!: string;
  @ApiProperty({ type: String, example: '2026-12' }) to!: string;
  @ApiProperty({ ...DATE }) asOf!: string;
  @ApiProperty({ type: [MonthFiguresView] }) months!: MonthFiguresView[];
}
