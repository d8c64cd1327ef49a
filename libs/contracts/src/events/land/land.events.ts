/**
 * land.* events that project-intake consumes. Defined here, ahead of the
 * standard-land service (issue 5), from domain.md §2.2; that service publishes
 * exactly these and adds its other events beside them.
 */
import { Type } from 'class-transformer';
import { IsArray, IsBoolean, IsIn, IsInt, IsISO8601, IsNotEmpty, IsNumber, IsOptional, IsString, IsUUID, MaxLength, Min, ValidateNested } from 'class-validator';
import { CHECK_STAGES, type LandCheckStage } from '../../names';
import { defineEvent } from '../../registry';
import { Topics } from '../../topics';
import { AgreedDates, DATE_ONLY } from '../common/values';

/** 出让合同 (and the 履约监管协议) signed: the project's land is secured, with agreed dates. */
export class LandContractSignedV1 {
  @IsString() @IsNotEmpty() @MaxLength(50) plotCode!: string;
  /** 出让合同编号 */
  @IsString() @IsNotEmpty() @MaxLength(100) contractNumber!: string;
  @IsISO8601(DATE_ONLY) signedOn!: string;
  @IsNumber() @Min(0) areaMu!: number;
  /** 出让价款, in fen (integer; never floating-point money). */
  @IsInt() @Min(0) landPriceFen!: number;
  @ValidateNested() @Type(() => AgreedDates) agreedDates!: AgreedDates;
  /** 履约监管协议编号 */
  @IsOptional() @IsString() @MaxLength(100) performanceAgreementNumber?: string;
}

export const LandContractSigned = defineEvent({
  type: 'land.contract-signed',
  version: 1,
  topic: Topics.land,
  payload: LandContractSignedV1,
  title: '签订土地出让合同',
});

/*
 * Events about a plot before it has a project (plot-published) carry the plot's
 * id where the envelope has projectId: it is the Kafka key of the plot's events.
 */


export class IndicatorTargetRef {
  @IsString() @IsNotEmpty() code!: string;
  @IsString() @IsNotEmpty() unit!: string;
  @IsIn(['gte', 'lte', 'range']) comparator!: 'gte' | 'lte' | 'range';
  @IsOptional() @IsNumber() target?: number;
  @IsOptional() @IsNumber() min?: number;
  @IsOptional() @IsNumber() max?: number;
  @IsIn(CHECK_STAGES) stage!: LandCheckStage;
}

/** A 标准地 plot is offered: assessed, serviced, with its control indicators. */
export class PlotPublishedV1 {
  @IsUUID() plotId!: string;
  @IsString() @IsNotEmpty() plotCode!: string;
  @IsString() @IsNotEmpty() zoneCode!: string;
  @IsNumber() @Min(0) areaMu!: number;
  @IsString() landUse!: string;
  @IsString() servicingLevel!: string;
  @IsArray() @IsString({ each: true }) industries!: string[];
  @IsArray() @ValidateNested({ each: true }) @Type(() => IndicatorTargetRef) indicators!: IndicatorTargetRef[];
}

export const PlotPublished = defineEvent({ type: 'land.plot-published', version: 1, topic: Topics.land, payload: PlotPublishedV1, title: '标准地地块发布' });

/** A plot is reserved for the project. */
export class PlotReservedV1 {
  @IsUUID() plotId!: string;
  @IsString() @IsNotEmpty() plotCode!: string;
  @IsNumber() @Min(0) areaMu!: number;
  @IsISO8601(DATE_ONLY) reservedOn!: string;
}

export const PlotReserved = defineEvent({ type: 'land.plot-reserved', version: 1, topic: Topics.land, payload: PlotReservedV1, title: '地块预留' });

export class IndicatorResultRef {
  @IsString() @IsNotEmpty() code!: string;
  @IsString() @IsNotEmpty() nameZh!: string;
  @IsString() @IsNotEmpty() unit!: string;
  @IsIn(['gte', 'lte', 'range']) comparator!: 'gte' | 'lte' | 'range';
  @IsOptional() @IsNumber() target?: number;
  @IsOptional() @IsNumber() min?: number;
  @IsOptional() @IsNumber() max?: number;
  @IsNumber() measured!: number;
  @IsBoolean() passed!: boolean;
  @IsNumber() @Min(0) shortfall!: number;
  @IsNumber() @Min(0) shortfallPercent!: number;
}

/** A check of the agreed indicators passed (竣工 or 达产复核). */
export class LandCheckPassedV1 {
  @IsString() @IsNotEmpty() plotCode!: string;
  @IsIn(CHECK_STAGES) stage!: LandCheckStage;
  @IsISO8601(DATE_ONLY) checkedOn!: string;
  @IsArray() @ValidateNested({ each: true }) @Type(() => IndicatorResultRef) results!: IndicatorResultRef[];
}

export const LandCheckPassed = defineEvent({ type: 'land.check-passed', version: 1, topic: Topics.land, payload: LandCheckPassedV1, title: '标准地指标核验通过' });

/** A check failed: the shortfall per indicator, the penalty (fen) and the rectification deadline. */
export class LandCheckFailedV1 {
  @IsString() @IsNotEmpty() plotCode!: string;
  @IsIn(CHECK_STAGES) stage!: LandCheckStage;
  @IsISO8601(DATE_ONLY) checkedOn!: string;
  @IsArray() @ValidateNested({ each: true }) @Type(() => IndicatorResultRef) results!: IndicatorResultRef[];
  @IsInt() @Min(0) penaltyFen!: number;
  @IsISO8601(DATE_ONLY) rectifyBy!: string;
}

export const LandCheckFailed = defineEvent({ type: 'land.check-failed', version: 1, topic: Topics.land, payload: LandCheckFailedV1, title: '标准地指标核验未通过' });

export class PenaltyLineRef {
  @IsString() @IsNotEmpty() code!: string;
  @IsString() @IsNotEmpty() formula!: string;
  @IsInt() @Min(0) amountFen!: number;
}

/** A penalty under the performance agreement (违约金), in fen. */
export class PenaltyAssessedV1 {
  @IsString() @IsNotEmpty() plotCode!: string;
  @IsIn(['check-failed', 'idle-land']) reason!: 'check-failed' | 'idle-land';
  @IsInt() @Min(0) amountFen!: number;
  @IsArray() @ValidateNested({ each: true }) @Type(() => PenaltyLineRef) lines!: PenaltyLineRef[];
  @IsBoolean() capped!: boolean;
  @IsISO8601(DATE_ONLY) assessedOn!: string;
}

export const PenaltyAssessed = defineEvent({ type: 'land.penalty-assessed', version: 1, topic: Topics.land, payload: PenaltyAssessedV1, title: '核定违约金' });

/** 整改通知: the failed indicators must meet their targets by `rectifyBy`. */
export class RectificationDueV1 {
  @IsString() @IsNotEmpty() plotCode!: string;
  @IsIn(CHECK_STAGES) stage!: LandCheckStage;
  @IsArray() @IsString({ each: true }) indicators!: string[];
  @IsISO8601(DATE_ONLY) rectifyBy!: string;
}

export const RectificationDue = defineEvent({ type: 'land.rectification-due', version: 1, topic: Topics.land, payload: RectificationDueV1, title: '限期整改通知' });

/** 闲置土地: no construction a year past the agreed start (fee), or two (recovery). */
export class IdleLandV1 {
  @IsString() @IsNotEmpty() plotCode!: string;
  @IsIn(['fee', 'recovery']) level!: 'fee' | 'recovery';
  @IsISO8601(DATE_ONLY) agreedStart!: string;
  @IsInt() @Min(0) daysIdle!: number;
  @IsInt() @Min(0) feeFen!: number;
}

export const IdleLand = defineEvent({ type: 'land.idle-land', version: 1, topic: Topics.land, payload: IdleLandV1, title: '认定闲置土地' });
