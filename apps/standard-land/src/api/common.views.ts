import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ACTOR_ROLES, CHECK_STAGES, type ActorRole } from '@devzone/contracts';
import type { CheckStage, Comparator } from '../domain/indicators';

/**
 * Response shapes shared by several answers of standard-land: a message in both
 * languages, who recorded something, an indicator's target, a measurement and its result.
 */

export const COMPARATORS = ['gte', 'lte', 'range'] as const;
/** A China date, YYYY-MM-DD. */
export const DAY = { type: String, format: 'date', example: '2027-03-01' } as const;

/** A reason or a state in words: zh-CN and English. */
export class MessageView {
  @ApiProperty({ type: String, example: '场地未达到三通一平' }) zh!: string;
  @ApiProperty({ type: String, example: 'the site is not serviced (三通一平)' }) en!: string;
}

/** Who recorded it (from the bearer token: subject and role). */
export class ActorView {
  @ApiProperty({ type: String, description: '身份提供方的用户标识 (the identity provider’s subject)' }) id!: string;
  @ApiProperty({ enum: ACTOR_ROLES, enumName: 'ActorRole' }) role!: ActorRole;
}

/** One control indicator of a plot, a template or an agreement: the rule the project must meet. */
export class IndicatorTargetView {
  @ApiProperty({ type: String, example: 'investment-intensity' }) code!: string;
  @ApiProperty({ type: String, example: '万元/亩' }) unit!: string;
  @ApiProperty({ enum: COMPARATORS, enumName: 'IndicatorComparator', description: 'gte 不低于 / lte 不高于 / range 区间' }) comparator!: Comparator;
  @ApiPropertyOptional({ type: Number, description: 'gte、lte 的目标值 (target of gte and lte)' }) target?: number;
  @ApiPropertyOptional({ type: Number, description: '区间下限 (range minimum)' }) min?: number;
  @ApiPropertyOptional({ type: Number, description: '区间上限 (range maximum)' }) max?: number;
  @ApiProperty({ enum: CHECK_STAGES, enumName: 'CheckStage', description: 'completion 竣工验收 / full-production 达产复核' }) stage!: CheckStage;
}

/** A measured value of an indicator. */
export class MeasurementView {
  @ApiProperty({ type: String, example: 'tax-per-mu' }) code!: string;
  @ApiProperty({ type: Number, example: 12.5 }) value!: number;
  @ApiProperty({ type: String, example: '万元/亩·年' }) unit!: string;
}

/** A measurement against its target: passed, or short by how much. */
export class IndicatorResultView {
  @ApiProperty({ type: String }) code!: string;
  @ApiProperty({ type: String, example: '亩均税收' }) nameZh!: string;
  @ApiProperty({ type: String }) unit!: string;
  @ApiProperty({ enum: COMPARATORS, enumName: 'IndicatorComparator' }) comparator!: Comparator;
  @ApiProperty({
    description: '目标值；区间指标为 {min, max} (the target; a range: {min, max})',
    oneOf: [{ type: 'number' }, { type: 'object', properties: { min: { type: 'number' }, max: { type: 'number' } }, required: ['min', 'max'] }],
  })
  target!: number | { min: number; max: number };
  @ApiProperty({ type: Number }) measured!: number;
  @ApiProperty({ type: Boolean }) passed!: boolean;
  @ApiProperty({ type: Number, description: '差额，按指标单位；达标为 0 (the shortfall in the indicator’s unit; 0 when passed)' }) shortfall!: number;
  @ApiProperty({ type: Number, description: '差额占目标值的百分比 (the shortfall as a percentage of the target)' }) shortfallPercent!: number;
}

/** 导入: the ledger row (项目台账) a project, path, contract or check was brought in from (project.imported). */
export class ImportedFromView {
  @ApiProperty({ type: String, format: 'uuid', description: '导入批次 (import batch, project-intake)' }) batchId!: string;
  @ApiProperty({ type: String, example: '项目台账2026.xlsx' }) fileName!: string;
  @ApiProperty({ type: 'integer', description: '台账中的行号 (the row in the sheet)', example: 12 }) row!: number;
  @ApiProperty({ type: String, description: '说明，如“导入自项目台账2026.xlsx第12行” (in words)', example: '导入自项目台账2026.xlsx第12行' }) note!: string;
}
