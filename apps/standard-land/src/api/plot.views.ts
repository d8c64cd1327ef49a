import { ApiProperty } from '@nestjs/swagger';
import { PLOT_ACTIONS, type PlotAction } from '../domain/permissions';
import { SERVICING_LEVELS, type PlotStatus, type ServicingLevel } from '../domain/plot';
import { DAY, IndicatorTargetView, MessageView } from './common.views';

export const PLOT_STATUSES = ['PREPARING', 'AVAILABLE', 'RESERVED', 'TRANSFERRED'] as const satisfies readonly PlotStatus[];

const STATUS = { enum: PLOT_STATUSES, enumName: 'PlotStatus', description: 'PREPARING 准备中 / AVAILABLE 可供应 / RESERVED 已预留 / TRANSFERRED 已出让' } as const;
const ACTIONS = {
  enum: PLOT_ACTIONS,
  enumName: 'PlotAction',
  isArray: true,
  description: '当前用户现在可对该地块执行的操作，即 POST /plots/:code/<action> (what the calling user may do with the plot now)',
} as const;

/** A 标准地 plot (GET /plots, GET /plots/:code, and the answer of every plot command). */
export class PlotView {
  @ApiProperty({ type: String, format: 'uuid' }) id!: string;
  @ApiProperty({ type: String, example: 'SX-ZGQ-2026-017', description: '地块编号 (plot code)' }) code!: string;
  @ApiProperty({ type: String, example: 'SX-ZGQ' }) zoneCode!: string;
  @ApiProperty({ type: String, example: '示范区潇河园区纬三路以南' }) location!: string;
  @ApiProperty({ type: Number, description: '面积（亩）(area in mu)' }) areaMu!: number;
  @ApiProperty({ type: Number, description: '面积（m²），由亩精确换算 (area in m², derived exactly from mu)' }) areaM2!: number;
  @ApiProperty({ type: String, example: '工业用地' }) landUse!: string;
  @ApiProperty({ type: String, isArray: true, description: '准入行业（国民经济行业代码前缀），空为不限 (admitted industry prefixes; empty: any)' }) industries!: string[];
  @ApiProperty({ type: String, isArray: true, description: '已完成的区域评估 (regional assessments done)' }) assessments!: string[];
  @ApiProperty({ enum: SERVICING_LEVELS, enumName: 'ServicingLevel' }) servicingLevel!: ServicingLevel;
  @ApiProperty(STATUS) status!: PlotStatus;
  @ApiProperty({ type: [IndicatorTargetView], description: '控制性指标 (control indicators)' }) indicators!: IndicatorTargetView[];
  @ApiProperty({ type: 'integer', nullable: true, description: '所用开发区指标模板版本；自定指标为 null (template version; null for own indicators)' }) templateVersion!: number | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: '预留或出让给的项目 (the project it is reserved or transferred for)' }) reservedFor!: string | null;
  @ApiProperty({ ...DAY, nullable: true }) reservedOn!: string | null;
  @ApiProperty({ type: 'integer', description: '行版本 (row version)' }) version!: number;
  @ApiProperty({ type: [MessageView], description: '尚不能发布的原因；可发布或已发布为空 (what keeps the plot from being published; empty when it may be or was)' })
  publishBlockers!: MessageView[];
  @ApiProperty(ACTIONS) actions!: PlotAction[];
}

/** One plot of the project's zone, and whether it fits the project. */
export class PlotMatchView {
  @ApiProperty({ type: String }) plotCode!: string;
  @ApiProperty({ type: Number }) areaMu!: number;
  @ApiProperty(STATUS) status!: PlotStatus;
  @ApiProperty({ type: String }) location!: string;
  @ApiProperty({ type: Boolean }) matches!: boolean;
  @ApiProperty({ type: [MessageView], description: '不匹配的原因；匹配为空 (why it does not fit; empty when it does)' }) reasons!: MessageView[];
  @ApiProperty({ ...ACTIONS, description: '当前用户现在可为本项目对该地块执行的操作 (reserve, transfer for this project)' }) actions!: PlotAction[];
}

/** GET /projects/:projectId/plot-matches: the zone's plots that fit the project, and why the others do not. */
export class PlotMatchesView {
  @ApiProperty({ type: String, format: 'uuid' }) projectId!: string;
  @ApiProperty({ type: Boolean, description: '项目是否申请标准地 (whether the project takes standard land)' }) usesStandardLand!: boolean;
  @ApiProperty({ type: [PlotMatchView] }) matched!: PlotMatchView[];
  @ApiProperty({ type: [PlotMatchView] }) notMatched!: PlotMatchView[];
}

/** GET /indicator-templates/:zone: the zone's "3+X" indicator template (the default one for a zone without its own). */
export class IndicatorTemplateView {
  @ApiProperty({ type: String, description: '开发区代码；默认模板为 * (zone code; * for the default)' }) zoneCode!: string;
  @ApiProperty({ type: 'integer' }) version!: number;
  @ApiProperty({ type: [IndicatorTargetView] }) indicators!: IndicatorTargetView[];
}
