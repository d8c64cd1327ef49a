import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMinSize, IsArray, IsIn, IsInt, IsISO8601, IsNotEmpty, IsNumber, IsOptional, IsString, IsUUID, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { IsOnOrAfter, PageQuery } from '@devzone/platform';
import { CHECK_STAGES, type LandCheckStage } from '@devzone/contracts';
import { REGIONAL_ASSESSMENTS } from '@devzone/contracts';
import { REPORTING_PERIODS, type ReportingPeriod } from '../domain/consequences';
import { SERVICING_LEVELS, type PlotStatus, type ServicingLevel } from '../domain/plot';
import { PLOT_STATUSES } from './plot.views';

export const DATE = { strict: true } as const;
export const dateMessage = (field: string) => ({ message: `${field} 应为日期 YYYY-MM-DD (${field} must be a date YYYY-MM-DD)` });

export class IndicatorTargetRequest {
  @ApiProperty({ example: 'investment-intensity' }) @IsString() @IsNotEmpty() code!: string;
  @ApiProperty({ example: '万元/亩' }) @IsString() @IsNotEmpty() unit!: string;
  @ApiProperty({ enum: ['gte', 'lte', 'range'] }) @IsIn(['gte', 'lte', 'range'], { message: 'comparator 应为 gte / lte / range' }) comparator!: 'gte' | 'lte' | 'range';
  @ApiPropertyOptional() @IsOptional() @IsNumber() target?: number;
  @ApiPropertyOptional() @IsOptional() @IsNumber() min?: number;
  @ApiPropertyOptional() @IsOptional() @IsNumber() max?: number;
  @ApiProperty({ enum: CHECK_STAGES }) @IsIn(CHECK_STAGES) stage!: LandCheckStage;
}

export class CreatePlotRequest {
  @ApiProperty({ example: 'SX-ZGQ-2026-017', description: '地块编号' }) @IsString() @IsNotEmpty() @MaxLength(50) code!: string;
  @ApiProperty({ example: 'SX-ZGQ' }) @IsString() @IsNotEmpty() zoneCode!: string;
  @ApiProperty({ example: '示范区潇河园区纬三路以南' }) @IsString() @IsNotEmpty() @MaxLength(200) location!: string;
  @ApiProperty({ example: 100, description: '面积（亩）' }) @IsNumber() @Min(0.01, { message: '面积应大于 0 亩 (areaMu must be positive)' }) areaMu!: number;
  @ApiProperty({ example: '工业用地' }) @IsString() @IsNotEmpty() landUse!: string;
  @ApiProperty({ example: ['C39', 'C35'], description: '准入行业（国民经济行业代码前缀），空为不限' }) @IsArray() @IsString({ each: true }) industries!: string[];
  @ApiProperty({ example: Object.keys(REGIONAL_ASSESSMENTS), description: '已完成的区域评估' })
  @IsArray()
  @IsIn(Object.keys(REGIONAL_ASSESSMENTS), { each: true, message: `assessments 应为 ${Object.keys(REGIONAL_ASSESSMENTS).join(' / ')}` })
  assessments!: string[];
  @ApiProperty({ enum: SERVICING_LEVELS }) @IsIn(SERVICING_LEVELS, { message: `servicingLevel 应为 ${SERVICING_LEVELS.join(' / ')}` }) servicingLevel!: ServicingLevel;
  @ApiPropertyOptional({ type: [IndicatorTargetRequest], description: '控制性指标（默认用开发区模板）' })
  @IsOptional() @IsArray() @ValidateNested({ each: true }) @Type(() => IndicatorTargetRequest)
  indicators?: IndicatorTargetRequest[];
}

export class ReserveRequest {
  @ApiProperty() @IsUUID(undefined, { message: 'projectId 应为项目 ID (UUID)' }) projectId!: string;
}

export class ContractRequest {
  @ApiProperty({ example: '晋综示让〔2026〕17号', description: '出让合同编号' }) @IsString() @IsNotEmpty() @MaxLength(100) number!: string;
  @ApiProperty({ example: '2026-11-24' }) @IsISO8601(DATE, dateMessage('contract.signedOn')) signedOn!: string;
  @ApiProperty({ example: 3_600_000_000, description: '出让价款（分）' }) @IsInt({ message: 'landPriceFen 应为整数（分）(landPriceFen must be whole fen)' }) @Min(1) landPriceFen!: number;
  @ApiProperty({ example: '2027-02-01', description: '约定开工日期' }) @IsISO8601(DATE, dateMessage('contract.agreedStart')) agreedStart!: string;
  @ApiProperty({ example: '2028-05-31', description: '约定竣工日期' })
  @IsISO8601(DATE, dateMessage('contract.agreedCompletion'))
  @IsOnOrAfter('agreedStart', { message: '约定竣工日期不能早于约定开工日期 (agreedCompletion must not be before agreedStart)' })
  agreedCompletion!: string;
  @ApiPropertyOptional({ description: '约定投产日期' }) @IsOptional() @IsISO8601(DATE, dateMessage('contract.agreedProduction')) @IsOnOrAfter('agreedCompletion') agreedProduction?: string;
}

export class CommittedIndicatorRequest {
  @ApiProperty({ example: 'tax-per-mu' }) @IsString() @IsNotEmpty() code!: string;
  @ApiProperty({ example: 25 }) @IsNumber() @Min(0) value!: number;
}

export class AgreementRequest {
  @ApiProperty({ example: 'LY-2026-017', description: '履约监管协议编号' }) @IsString() @IsNotEmpty() @MaxLength(100) number!: string;
  @ApiProperty({ example: ['山西转型综合改革示范区管理委员会', '山西示例新材料有限公司'] }) @IsArray() @ArrayMinSize(2, { message: '协议至少两方 (at least two counterparties)' }) @IsString({ each: true }) counterparties!: string[];
  @ApiPropertyOptional({ type: [CommittedIndicatorRequest], description: '企业承诺的指标值（不低于地块要求）' })
  @IsOptional() @IsArray() @ValidateNested({ each: true }) @Type(() => CommittedIndicatorRequest)
  committedIndicators?: CommittedIndicatorRequest[];
  @ApiProperty({ example: '2030-06-30', description: '达产复核日期' }) @IsISO8601(DATE, dateMessage('agreement.reviewDate')) reviewDate!: string;
  @ApiPropertyOptional({ example: 365, description: '核验未通过后的整改期限（天），默认 365' })
  @IsOptional()
  @IsInt({ message: 'rectifyDays 应为整数天 (rectifyDays must be whole days)' })
  @Min(1, { message: '整改期限至少 1 天 (rectifyDays must be at least 1)' })
  @Max(1095, { message: '整改期限不超过 3 年 (rectifyDays must be at most 1095)' })
  rectifyDays?: number;
  @ApiPropertyOptional({ enum: REPORTING_PERIODS, description: '中期报告周期，默认 quarter（季度）' })
  @IsOptional()
  @IsIn(REPORTING_PERIODS, { message: `reportingPeriod 应为 ${REPORTING_PERIODS.join(' / ')}` })
  reportingPeriod?: ReportingPeriod;
}

export class TransferRequest {
  @ApiProperty() @IsUUID(undefined, { message: 'projectId 应为项目 ID (UUID)' }) projectId!: string;
  @ApiProperty({ type: ContractRequest }) @ValidateNested() @Type(() => ContractRequest) contract!: ContractRequest;
  @ApiProperty({ type: AgreementRequest }) @ValidateNested() @Type(() => AgreementRequest) agreement!: AgreementRequest;
}

export class MeasurementRequest {
  @ApiProperty({ example: 'tax-per-mu' }) @IsString() @IsNotEmpty() code!: string;
  @ApiProperty({ example: 12.5 }) @IsNumber() value!: number;
  @ApiProperty({ example: '万元/亩·年' }) @IsString() @IsNotEmpty() unit!: string;
}

export class CheckRequest {
  @ApiProperty({ enum: CHECK_STAGES, description: 'completion 竣工验收 / full-production 达产复核' }) @IsIn(CHECK_STAGES, { message: `stage 应为 ${CHECK_STAGES.join(' / ')}` }) stage!: LandCheckStage;
  @ApiProperty({ type: [MeasurementRequest] }) @IsArray() @ArrayMinSize(1) @ValidateNested({ each: true }) @Type(() => MeasurementRequest) measured!: MeasurementRequest[];
}

export class InterimRequest {
  @ApiProperty({ type: [MeasurementRequest] }) @IsArray() @ArrayMinSize(1) @ValidateNested({ each: true }) @Type(() => MeasurementRequest) measured!: MeasurementRequest[];
}

export class PlotsQuery extends PageQuery {
  @ApiPropertyOptional() @IsOptional() @IsString() zone?: string;
  @ApiPropertyOptional({ enum: PLOT_STATUSES, enumName: 'PlotStatus' })
  @IsOptional()
  @IsIn(PLOT_STATUSES, { message: `status 应为 ${PLOT_STATUSES.join(' / ')}` })
  status?: PlotStatus;
}
