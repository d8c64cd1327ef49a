import { Column, Entity, PrimaryColumn, VersionColumn, type ValueTransformer } from 'typeorm';
import type { Actor, LandPath, PenaltyReason } from '@devzone/contracts';
import type { BreachTerms, CheckState, Consequence, ReportingPeriod, Trend } from '../domain/consequences';
import type { ExemptionCause } from '../domain/idle-land';
import type { IndicatorResult, IndicatorTarget, Measurement, CheckStage } from '../domain/indicators';
import type { PlotStatus, ServicingLevel } from '../domain/plot';

const decimal: ValueTransformer = { to: (v: number | null | undefined) => v, from: (v: string | null) => (v === null ? null : Number(v)) };
/** bigint columns for fen: safe integers within Number (< 9e15 fen = 90 trillion 元). */
const fen: ValueTransformer = { to: (v: number | null | undefined) => v, from: (v: string | null) => (v === null ? null : Number(v)) };
const date = { type: 'date' as const, nullable: true };

@Entity('indicator_templates')
export class IndicatorTemplateOrm {
  @PrimaryColumn({ name: 'zone_code', type: 'varchar', length: 32 }) zoneCode!: string;
  @PrimaryColumn({ type: 'int' }) version!: number;
  @Column({ type: 'jsonb' }) indicators!: IndicatorTarget[];
}

@Entity('plots')
export class PlotOrm {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ type: 'varchar', length: 50 }) code!: string;
  @Column({ name: 'zone_code', type: 'varchar', length: 32 }) zoneCode!: string;
  @Column({ type: 'text' }) location!: string;
  @Column({ name: 'area_mu', type: 'numeric', precision: 12, scale: 4, transformer: decimal }) areaMu!: number;
  @Column({ name: 'area_m2', type: 'numeric', precision: 14, scale: 2, transformer: decimal }) areaM2!: number;
  @Column({ name: 'land_use', type: 'text' }) landUse!: string;
  /** Admitted industries (GB/T 4754 prefixes); empty = any. */
  @Column({ type: 'jsonb' }) industries!: string[];
  @Column({ type: 'jsonb' }) assessments!: string[];
  @Column({ name: 'servicing_level', type: 'text' }) servicingLevel!: ServicingLevel;
  @Column({ type: 'text' }) status!: PlotStatus;
  @Column({ type: 'jsonb' }) indicators!: IndicatorTarget[];
  @Column({ name: 'template_version', type: 'int', nullable: true }) templateVersion!: number | null;
  @Column({ name: 'reserved_for', type: 'uuid', nullable: true }) reservedFor!: string | null;
  @Column({ name: 'reserved_on', ...date }) reservedOn!: string | null;
  @VersionColumn() version!: number;
}

/** What this service knows of a project, from project.* events. */
@Entity('land_projects')
export class LandProjectOrm {
  @PrimaryColumn({ name: 'project_id', type: 'uuid' }) projectId!: string;
  @Column({ type: 'text' }) code!: string;
  @Column({ type: 'text' }) name!: string;
  @Column({ name: 'enterprise_name', type: 'text' }) enterpriseName!: string;
  @Column({ name: 'credit_code', type: 'char', length: 18, nullable: true }) creditCode!: string;
  @Column({ name: 'zone_code', type: 'varchar', length: 32 }) zoneCode!: string;
  @Column({ name: 'industry_code', type: 'varchar', length: 8 }) industryCode!: string;
  @Column({ name: 'land_area_mu', type: 'numeric', precision: 12, scale: 4, transformer: decimal }) landAreaMu!: number;
  @Column({ name: 'uses_standard_land', type: 'boolean' }) usesStandardLand!: boolean;
  /** 总投资, 万元 (from project.signed; null for projects signed before it was kept). */
  @Column({ name: 'total_investment', type: 'numeric', precision: 16, scale: 4, nullable: true, transformer: decimal }) totalInvestment!: number | null;
  @Column({ name: 'fixed_asset_investment', type: 'numeric', precision: 16, scale: 4, transformer: decimal }) fixedAssetInvestment!: number;
  @Column({ name: 'projected_annual_output', type: 'numeric', precision: 16, scale: 4, transformer: decimal }) projectedAnnualOutput!: number;
  @Column({ type: 'text' }) stage!: string;
  @Column({ name: 'actual_start', ...date }) actualStart!: string | null;
  /** 导入: the ledger row the project came from (project.imported); null when signed here. */
  @Column({ type: 'jsonb', nullable: true }) imported!: ImportedFrom | null;
  /** 导入 without a land document: the path the ledger names, not yet secured. */
  @Column({ name: 'intended_path', type: 'text', nullable: true }) intendedPath!: LandPath | null;
}

/** The ledger row (台账) an imported project, path, contract or check came from. */
export interface ImportedFrom {
  batchId: string;
  fileName: string;
  row: number;
}

export interface PerformanceAgreement {
  number: string;
  counterparties: string[];
  /** The plot's indicators with the values the enterprise committed to (never below the plot's targets). */
  indicators: IndicatorTarget[];
  reviewDate: string;
  breachTerms: BreachTerms;
  /** How often interim reports are grouped (at most one at-risk warning per period); default quarter. */
  reportingPeriod?: ReportingPeriod;
}

/**
 * 出让 contracts, subject to the idle-land rules: a 标准地 transfer (plot and
 * performance agreement) or an ordinary 招拍挂 grant (no plot, no agreement).
 */
@Entity('contracts')
export class ContractOrm {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ type: 'text' }) kind!: 'standard-land' | 'grant';
  @Column({ name: 'plot_id', type: 'uuid', nullable: true }) plotId!: string | null;
  @Column({ name: 'project_id', type: 'uuid' }) projectId!: string;
  @Column({ name: 'contract_number', type: 'text' }) contractNumber!: string;
  @Column({ name: 'signed_on', type: 'date' }) signedOn!: string;
  @Column({ name: 'land_price_fen', type: 'bigint', transformer: fen }) landPriceFen!: number;
  @Column({ name: 'agreed_start', type: 'date' }) agreedStart!: string;
  @Column({ name: 'agreed_completion', type: 'date' }) agreedCompletion!: string;
  @Column({ name: 'agreed_production', ...date }) agreedProduction!: string | null;
  /** A grant's own area and location (a 标准地 contract has its plot's). */
  @Column({ name: 'area_mu', type: 'numeric', precision: 12, scale: 4, nullable: true, transformer: decimal }) areaMu!: number | null;
  @Column({ type: 'text', nullable: true }) location!: string | null;
  /** The performance agreement (履约监管协议); none for an ordinary grant. */
  @Column({ type: 'jsonb', nullable: true }) agreement!: PerformanceAgreement | null;
  /** The idle-land level already raised for case 1 (not started), so each is raised once. */
  @Column({ name: 'idle_level_raised', type: 'text', nullable: true }) idleLevelRaised!: 'fee' | 'recovery' | null;
  /** The same for case 2 (stalled). */
  @Column({ name: 'stalled_level_raised', type: 'text', nullable: true }) stalledLevelRaised!: 'fee' | 'recovery' | null;
  /** 导入: recorded from the ledger (no plot, land price 0 = unknown, no location). */
  @Column({ type: 'jsonb', nullable: true }) imported!: ImportedFrom | null;
}

/** How the project's land is secured: one row per project. */
@Entity('land_paths')
export class LandPathOrm {
  @PrimaryColumn({ name: 'project_id', type: 'uuid' }) projectId!: string;
  @Column({ type: 'text' }) path!: LandPath;
  @Column({ name: 'secured_on', type: 'date' }) securedOn!: string;
  /** Contract number, 不动产权证 number, lease contract number or '无新增用地'. */
  @Column({ type: 'text' }) reference!: string;
  @Column({ name: 'area_mu', type: 'numeric', precision: 12, scale: 4, nullable: true, transformer: decimal }) areaMu!: number | null;
  @Column({ type: 'text', nullable: true }) location!: string | null;
  /** Lease: landlord, premises, floorAreaM2, leaseFrom, leaseTo, standardFactory. */
  @Column({ type: 'jsonb', nullable: true }) lease!: LeaseTerms | null;
  /** null when the service recorded it itself (no new land, from project.signed). */
  @Column({ name: 'recorded_by', type: 'jsonb', nullable: true }) recordedBy!: Actor | null;
  /** 导入: recorded from the ledger. */
  @Column({ type: 'jsonb', nullable: true }) imported!: ImportedFrom | null;
}

export interface LeaseTerms {
  landlord: string;
  premises: string;
  floorAreaM2: number;
  leaseFrom: string;
  leaseTo: string;
  standardFactory: boolean;
}

@Entity('land_checks')
export class LandCheckOrm {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ name: 'contract_id', type: 'uuid' }) contractId!: string;
  @Column({ type: 'text' }) stage!: CheckStage;
  @Column({ name: 'checked_on', type: 'date' }) checkedOn!: string;
  @Column({ type: 'jsonb' }) measured!: Measurement[];
  @Column({ type: 'jsonb' }) results!: IndicatorResult[];
  /** The first check of the stage passed. */
  @Column({ type: 'boolean' }) passed!: boolean;
  /** The penalty assessed (0 until a failed re-check or a lapsed period). */
  @Column({ name: 'penalty_fen', type: 'bigint', transformer: fen }) penaltyFen!: number;
  @Column({ name: 'rectify_by', ...date }) rectifyBy!: string | null;
  /** What the first check's failure would cost (consequence()): the lapse is assessed from it. */
  @Column({ type: 'jsonb' }) consequence!: Consequence;
  @Column({ type: 'text' }) state!: CheckState;
  /** The re-check within the rectification period. */
  @Column({ type: 'jsonb', nullable: true }) recheck!: Recheck | null;
  @Column({ name: 'penalty_reason', type: 'text', nullable: true }) penaltyReason!: PenaltyReason | null;
  @Column({ name: 'assessed_on', ...date }) assessedOn!: string | null;
  /** 导入: a check the ledger's stage says was passed before the import (history; nothing measured). */
  @Column({ type: 'jsonb', nullable: true }) imported!: ImportedFrom | null;
}

export interface Recheck {
  checkedOn: string;
  measured: Measurement[];
  results: IndicatorResult[];
  passed: boolean;
  consequence: Consequence;
}

@Entity('interim_reports')
export class InterimReportOrm {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ name: 'contract_id', type: 'uuid' }) contractId!: string;
  @Column({ name: 'reported_on', type: 'date' }) reportedOn!: string;
  @Column({ type: 'jsonb' }) measured!: Measurement[];
  @Column({ type: 'jsonb' }) trends!: { code: string; trend: Trend; result: IndicatorResult }[];
  /** The reporting period of reportedOn, e.g. '2027-Q1'. */
  @Column({ type: 'text' }) period!: string;
  /** This report raised the period's land.indicator-at-risk (at most one per contract and period). */
  @Column({ name: 'at_risk_raised', type: 'boolean' }) atRiskRaised!: boolean;
}

/** 施工进度: cumulative floor area built and investment made, for the idle-land case 2. */
@Entity('construction_progress')
export class ConstructionProgressOrm {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ name: 'project_id', type: 'uuid' }) projectId!: string;
  @Column({ name: 'reported_on', type: 'date' }) reportedOn!: string;
  @Column({ name: 'built_floor_area_m2', type: 'numeric', precision: 14, scale: 2, transformer: decimal }) builtFloorAreaM2!: number;
  /** 万元 */
  @Column({ name: 'investment_made', type: 'numeric', precision: 16, scale: 4, transformer: decimal }) investmentMade!: number;
  @Column({ name: 'reported_by', type: 'jsonb' }) reportedBy!: Actor;
  @Column({ name: 'recorded_at', type: 'timestamptz' }) recordedAt!: Date;
}

/** A government-caused delay (闲置土地处置办法 §8): the idle clock stops. */
@Entity('idle_exemptions')
export class IdleExemptionOrm {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ name: 'project_id', type: 'uuid' }) projectId!: string;
  @Column({ type: 'text' }) cause!: ExemptionCause;
  @Column({ type: 'text' }) reason!: string;
  @Column({ name: 'from_date', type: 'date' }) from!: string;
  @Column({ name: 'to_date', ...date }) to!: string | null;
  @Column({ name: 'recorded_by', type: 'jsonb' }) recordedBy!: Actor;
  @Column({ name: 'recorded_at', type: 'timestamptz' }) recordedAt!: Date;
}

export const ENTITIES = [IndicatorTemplateOrm, PlotOrm, LandProjectOrm, ContractOrm, LandPathOrm, LandCheckOrm, InterimReportOrm, ConstructionProgressOrm, IdleExemptionOrm];
