import { ApiProperty } from '@nestjs/swagger';
import { IDLE_LAND_CASES, type IdleLandCase } from '@devzone/contracts';
import { EXEMPTION_CAUSES, type ExemptionCause, type IdleLevel } from '../domain/idle-land';
import { ActorView, DAY } from './common.views';

export const IDLE_LEVELS = ['none', 'fee', 'recovery'] as const satisfies readonly IdleLevel[];
export const RAISED_LEVELS = ['fee', 'recovery'] as const;
type RaisedLevel = (typeof RAISED_LEVELS)[number];

const RAISED = { enum: RAISED_LEVELS, enumName: 'IdleLevelRaised', nullable: true, description: '已认定并通知的等级 (the level already raised)' } as const;

/** 施工进度: cumulative figures on a date (POST construction-progress; in GET land). */
export class ConstructionProgressView {
  @ApiProperty({ type: String, format: 'uuid' }) id!: string;
  @ApiProperty({ type: String, format: 'uuid' }) projectId!: string;
  @ApiProperty(DAY) reportedOn!: string;
  @ApiProperty({ type: Number, description: '累计已建建筑面积（m²）(floor area built, cumulative)' }) builtFloorAreaM2!: number;
  @ApiProperty({ type: Number, description: '累计已完成投资（万元）(investment made, cumulative, 10k yuan)' }) investmentMade!: number;
  @ApiProperty({ type: ActorView }) reportedBy!: ActorView;
  @ApiProperty({ type: String, format: 'date-time' }) recordedAt!: string;
}

/** A government-caused delay (闲置土地处置办法 §8): the idle clock stops (POST idle-exemption; in GET land). */
export class IdleExemptionView {
  @ApiProperty({ type: String, format: 'uuid' }) id!: string;
  @ApiProperty({ type: String, format: 'uuid' }) projectId!: string;
  @ApiProperty({ enum: EXEMPTION_CAUSES, enumName: 'ExemptionCause' }) cause!: ExemptionCause;
  @ApiProperty({ type: String, example: '规划调整', description: '原因类别（中文）(the cause in Chinese)' }) causeZh!: string;
  @ApiProperty({ type: String }) reason!: string;
  @ApiProperty(DAY) from!: string;
  @ApiProperty({ ...DAY, nullable: true, description: '结束日期；null 为仍在持续 (null: still open)' }) to!: string | null;
  @ApiProperty({ type: ActorView }) recordedBy!: ActorView;
  @ApiProperty({ type: String, format: 'date-time' }) recordedAt!: string;
}

/** The levels already raised for each idle-land case of the contract. */
export class IdleLevelsRaisedView {
  @ApiProperty(RAISED) 'not-started'!: RaisedLevel | null;
  @ApiProperty(RAISED) stalled!: RaisedLevel | null;
}

/** 闲置土地 as of today (domain/idle-land.ts assessIdleLand), with the levels already raised. */
export class IdleLandView {
  @ApiProperty({ enum: IDLE_LAND_CASES, enumName: 'IdleLandCase', nullable: true, description: 'not-started 未动工 / stalled 已动工但中止；null 不构成闲置 (null: not idle)' })
  case!: IdleLandCase | null;
  @ApiProperty({ enum: IDLE_LEVELS, enumName: 'IdleLevel', description: 'none / fee 征收闲置费 / recovery 无偿收回' }) level!: IdleLevel;
  @ApiProperty({ ...DAY, nullable: true, description: '闲置起算日 (where the idle clock starts)' }) clockFrom!: string | null;
  @ApiProperty({ type: 'integer', description: '政府原因迟延天数，不计入 (exempt days)' }) exemptDays!: number;
  @ApiProperty({ type: 'integer', description: '闲置天数（不含迟延）(days idle, without exempt days)' }) daysIdle!: number;
  @ApiProperty({ ...DAY, nullable: true }) feeFrom!: string | null;
  @ApiProperty({ ...DAY, nullable: true }) recoveryFrom!: string | null;
  @ApiProperty({ type: 'integer', description: '闲置费（分）(idle fee, fen)' }) feeFen!: number;
  @ApiProperty({ type: IdleLevelsRaisedView }) raised!: IdleLevelsRaisedView;
}
