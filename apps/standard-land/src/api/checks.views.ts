import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CHECK_STAGES, PENALTY_REASONS, type PenaltyReason } from '@devzone/contracts';
import type { CheckState, Trend } from '../domain/consequences';
import type { CheckStage } from '../domain/indicators';
import { DAY, ImportedFromView, IndicatorResultView, MeasurementView, MessageView } from './common.views';

export const CHECK_STATES = ['passed', 'rectifying', 'recheck-passed', 'penalty-assessed'] as const satisfies readonly CheckState[];
export const TRENDS = ['on-track', 'watch', 'at-risk'] as const satisfies readonly Trend[];
export const PENALTY_FORMULA_KINDS = ['shortfall-area-rate', 'land-price-share'] as const;

/** How a failed indicator's penalty is computed (履约监管协议 breach terms). */
export class PenaltyFormulaView {
  @ApiProperty({ enum: PENALTY_FORMULA_KINDS, enumName: 'PenaltyFormulaKind', description: 'shortfall-area-rate 差额×面积×费率 / land-price-share 出让价款比例' })
  kind!: (typeof PENALTY_FORMULA_KINDS)[number];
  @ApiPropertyOptional({ type: 'integer', description: 'shortfall-area-rate：每单位差额每亩（分）(fen per unit short per mu)' }) rateFen?: number;
  @ApiPropertyOptional({ type: 'integer', description: 'land-price-share：出让价款的万分比 (basis points of the land price)' }) basisPoints?: number;
}

export class PenaltyLineView {
  @ApiProperty({ type: String, description: '指标代码 (indicator code)' }) code!: string;
  @ApiProperty({ type: PenaltyFormulaView }) formula!: PenaltyFormulaView;
  @ApiProperty({ type: 'integer', description: '金额（分）(amount in fen)' }) amountFen!: number;
}

/** What a failed check costs under the agreement's terms (computed at the check; assessed later, if at all). */
export class ConsequenceView {
  @ApiProperty({ type: Boolean }) passed!: boolean;
  @ApiProperty({ type: 'integer', description: '违约金（分），已按上限 (penalty in fen, capped)' }) penaltyFen!: number;
  @ApiProperty({ type: [PenaltyLineView] }) lines!: PenaltyLineView[];
  @ApiProperty({ type: Boolean, description: '是否按上限计 (the cap applied)' }) capped!: boolean;
  @ApiProperty({ ...DAY, nullable: true, description: '整改期限 (rectify by)' }) rectifyBy!: string | null;
}

/** The re-check within the rectification period. */
export class RecheckView {
  @ApiProperty(DAY) checkedOn!: string;
  @ApiProperty({ type: [MeasurementView] }) measured!: MeasurementView[];
  @ApiProperty({ type: [IndicatorResultView] }) results!: IndicatorResultView[];
  @ApiProperty({ type: Boolean }) passed!: boolean;
  @ApiProperty({ type: ConsequenceView }) consequence!: ConsequenceView;
}

/** One check stage of a 标准地 agreement as a case: first check, rectification, re-check, penalty (POST land-checks; in GET land). */
export class LandCheckView {
  @ApiProperty({ type: String, format: 'uuid' }) id!: string;
  @ApiProperty({ type: String, format: 'uuid' }) contractId!: string;
  @ApiProperty({ enum: CHECK_STAGES, enumName: 'CheckStage' }) stage!: CheckStage;
  @ApiProperty({ ...DAY, description: '首次核验日期 (date of the first check)' }) checkedOn!: string;
  @ApiProperty({ type: [MeasurementView] }) measured!: MeasurementView[];
  @ApiProperty({ type: [IndicatorResultView] }) results!: IndicatorResultView[];
  @ApiProperty({ type: Boolean, description: '首次核验是否通过 (the first check passed)' }) passed!: boolean;
  @ApiProperty({ type: 'integer', description: '已核定违约金（分）；未核定为 0 (penalty assessed, fen; 0 until assessed)' }) penaltyFen!: number;
  @ApiProperty({ ...DAY, nullable: true, description: '整改期限 (rectify by)' }) rectifyBy!: string | null;
  @ApiProperty({ type: ConsequenceView, description: '首次核验未通过的后果，逾期未整改时据此核定 (what the first failure costs; assessed on a lapse)' }) consequence!: ConsequenceView;
  @ApiProperty({ enum: CHECK_STATES, enumName: 'CheckState', description: 'passed 通过 / rectifying 整改中 / recheck-passed 复核通过 / penalty-assessed 已核定违约金' }) state!: CheckState;
  @ApiProperty({ type: RecheckView, nullable: true }) recheck!: RecheckView | null;
  @ApiProperty({ enum: PENALTY_REASONS, enumName: 'PenaltyReason', nullable: true }) penaltyReason!: PenaltyReason | null;
  @ApiProperty({ ...DAY, nullable: true, description: '违约金核定日期 (date assessed)' }) assessedOn!: string | null;
  @ApiProperty({ type: MessageView, description: '状态说明，如“整改中，期限至 2031-06-30” (the state in words)' }) status!: MessageView;
  @ApiProperty({ type: ImportedFromView, nullable: true, description: '导入前已通过的核验（历史记录，无实测值） (passed before the import: history, nothing measured)' }) imported!: ImportedFromView | null;
}

/** An interim figure's early warning. */
export class IndicatorTrendView {
  @ApiProperty({ type: String }) code!: string;
  @ApiProperty({ enum: TRENDS, enumName: 'IndicatorTrend', description: 'on-track 正常 / watch 关注 / at-risk 有风险' }) trend!: Trend;
  @ApiProperty({ type: IndicatorResultView }) result!: IndicatorResultView;
}

/** An interim report before the 达产复核 (POST interim-reports; in GET land). */
export class InterimReportView {
  @ApiProperty({ type: String, format: 'uuid' }) id!: string;
  @ApiProperty({ type: String, format: 'uuid' }) contractId!: string;
  @ApiProperty(DAY) reportedOn!: string;
  @ApiProperty({ type: [MeasurementView] }) measured!: MeasurementView[];
  @ApiProperty({ type: [IndicatorTrendView] }) trends!: IndicatorTrendView[];
  @ApiProperty({ type: String, example: '2027-Q1', description: '报告期 (reporting period)' }) period!: string;
  @ApiProperty({ type: Boolean, description: '本报告发出了本期的指标风险预警 (this report raised the period’s at-risk warning)' }) atRiskRaised!: boolean;
}
