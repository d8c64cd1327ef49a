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
  /** True when this is the re-check within a rectification period (the rectification is closed, no penalty). */
  @IsOptional() @IsBoolean() recheck?: boolean;
}

export const LandCheckPassed = defineEvent({ type: 'land.check-passed', version: 1, topic: Topics.land, payload: LandCheckPassedV1, title: '标准地指标核验通过' });

/**
 * A check failed: the shortfall per indicator, the penalty (fen) and the rectification deadline.
 * Version 1 is what standard-land published when a failed check was penalised at once;
 * it is kept to read old events. New failures are version 2.
 */
export class LandCheckFailedV1 {
  @IsString() @IsNotEmpty() plotCode!: string;
  @IsIn(CHECK_STAGES) stage!: LandCheckStage;
  @IsISO8601(DATE_ONLY) checkedOn!: string;
  @IsArray() @ValidateNested({ each: true }) @Type(() => IndicatorResultRef) results!: IndicatorResultRef[];
  @IsInt() @Min(0) penaltyFen!: number;
  @IsISO8601(DATE_ONLY) rectifyBy!: string;
}

export const LandCheckFailed = defineEvent({ type: 'land.check-failed', version: 1, topic: Topics.land, payload: LandCheckFailedV1, title: '标准地指标核验未通过' });

/**
 * Version 2: a failed check costs nothing yet (履约监管协议: rectification first).
 * The first failure of a stage opens the rectification period (`rectifyBy`,
 * with land.rectification-due); a failed re-check (`recheck: true`) is followed
 * by land.penalty-assessed (reason 'recheck-failed').
 */
export class LandCheckFailedV2 {
  @IsString() @IsNotEmpty() plotCode!: string;
  @IsIn(CHECK_STAGES) stage!: LandCheckStage;
  @IsISO8601(DATE_ONLY) checkedOn!: string;
  @IsArray() @ValidateNested({ each: true }) @Type(() => IndicatorResultRef) results!: IndicatorResultRef[];
  /** The end of the rectification period (for a failed re-check: the period it was made in). */
  @IsISO8601(DATE_ONLY) rectifyBy!: string;
  /** False for the first check of the stage, true for the re-check. */
  @IsBoolean() recheck!: boolean;
}

export const LandCheckFailedV2Event = defineEvent({ type: 'land.check-failed', version: 2, topic: Topics.land, payload: LandCheckFailedV2, title: '标准地指标核验未通过' });

export class PenaltyLineRef {
  @IsString() @IsNotEmpty() code!: string;
  @IsString() @IsNotEmpty() formula!: string;
  @IsInt() @Min(0) amountFen!: number;
}

export const PENALTY_REASONS = ['check-failed', 'idle-land', 'recheck-failed', 'rectification-lapsed'] as const;
/**
 * 'check-failed': a failed check penalised at once (old events only); 'idle-land': the 闲置土地 fee;
 * 'recheck-failed': the re-check within the rectification period failed; 'rectification-lapsed':
 * the period ended without a passed re-check.
 */
export type PenaltyReason = (typeof PENALTY_REASONS)[number];

/** A penalty under the performance agreement (违约金) or the idle-land fee, in fen. */
export class PenaltyAssessedV1 {
  /** The 标准地 plot; for an ordinary 出让 grant (no plot), the grant contract's number. */
  @IsString() @IsNotEmpty() plotCode!: string;
  @IsIn(PENALTY_REASONS) reason!: PenaltyReason;
  /** The check stage, for 'recheck-failed' and 'rectification-lapsed'. */
  @IsOptional() @IsIn(CHECK_STAGES) stage?: LandCheckStage;
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

export const IDLE_LAND_CASES = ['not-started', 'stalled'] as const;
/**
 * 闲置土地处置办法 (2012) §2: 'not-started', not started a year past the agreed start;
 * 'stalled', started but under 1/3 of the floor area built or under 25% of the
 * total investment made, and stopped for a year.
 */
export type IdleLandCase = (typeof IDLE_LAND_CASES)[number];

/** 闲置土地: idle a year (fee), or two (recovery); the clock stops for government-caused delays (§8). */
export class IdleLandV1 {
  /** The 标准地 plot; for an ordinary 出让 grant (no plot), the grant contract's number. */
  @IsString() @IsNotEmpty() plotCode!: string;
  @IsIn(['fee', 'recovery']) level!: 'fee' | 'recovery';
  @IsISO8601(DATE_ONLY) agreedStart!: string;
  /** Days idle, not counting exempt days. */
  @IsInt() @Min(0) daysIdle!: number;
  @IsInt() @Min(0) feeFen!: number;
  /** Absent on events from before case 2 existed: they were all 'not-started'. */
  @IsOptional() @IsIn(IDLE_LAND_CASES) case?: IdleLandCase;
}

export const IdleLand = defineEvent({ type: 'land.idle-land', version: 1, topic: Topics.land, payload: IdleLandV1, title: '认定闲置土地' });

// ── Land paths: how a project secures its land when it is not on 标准地 ──

export { LAND_PATHS, LAND_PATH_ZH, type LandPath } from '../../names';

/** The paths land.land-secured reports (标准地 reports land.contract-signed instead). */
export const SECURED_LAND_PATHS = ['grant', 'own-land', 'lease', 'none'] as const;
export type SecuredLandPath = (typeof SECURED_LAND_PATHS)[number];

/**
 * The project's land is secured other than by a 标准地 transfer: an ordinary grant,
 * its own land, a lease, or no new land at all (recorded when the project is signed
 * with landAreaMu = 0). Published once per path recorded.
 */
export class LandSecuredV1 {
  @IsIn(SECURED_LAND_PATHS) path!: SecuredLandPath;
  @IsISO8601(DATE_ONLY) securedOn!: string;
  /** Grant contract number, 不动产权证 number, lease contract number, or '无新增用地'. */
  @IsString() @IsNotEmpty() @MaxLength(100) reference!: string;
  /** Land area (grant, own land). */
  @IsOptional() @IsNumber() @Min(0) areaMu?: number;
  /** Lease: the landlord (often the zone's operating company). */
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(200) landlord?: string;
  /** Lease: the premises' address. */
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(200) premises?: string;
  /** Grant only: the dates the grant contract fixes. */
  @IsOptional() @ValidateNested() @Type(() => AgreedDates) agreedDates?: AgreedDates;
}

export const LandSecured = defineEvent({ type: 'land.land-secured', version: 1, topic: Topics.land, payload: LandSecuredV1, title: '落实项目用地' });

export class IndicatorAtRiskRef {
  @IsString() @IsNotEmpty() code!: string;
  @IsString() @IsNotEmpty() nameZh!: string;
  @IsString() @IsNotEmpty() unit!: string;
  /** The agreed target (absent for a range). */
  @IsOptional() @IsNumber() target?: number;
  @IsNumber() measured!: number;
}

/**
 * An interim report shows agreed indicators below target before the 达产复核:
 * raised at most once per contract and reporting period (e.g. '2027-Q1').
 */
export class IndicatorAtRiskV1 {
  @IsString() @IsNotEmpty() plotCode!: string;
  @IsString() @IsNotEmpty() @MaxLength(20) period!: string;
  @IsISO8601(DATE_ONLY) reportedOn!: string;
  @IsArray() @ValidateNested({ each: true }) @Type(() => IndicatorAtRiskRef) indicators!: IndicatorAtRiskRef[];
}

export const IndicatorAtRisk = defineEvent({ type: 'land.indicator-at-risk', version: 1, topic: Topics.land, payload: IndicatorAtRiskV1, title: '指标存在不达标风险' });
