import { Column, Entity, PrimaryColumn, VersionColumn, type ValueTransformer } from 'typeorm';
import type { BreachTerms, Consequence, Trend } from '../domain/consequences';
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
  @Column({ name: 'fixed_asset_investment', type: 'numeric', precision: 16, scale: 4, transformer: decimal }) fixedAssetInvestment!: number;
  @Column({ name: 'projected_annual_output', type: 'numeric', precision: 16, scale: 4, transformer: decimal }) projectedAnnualOutput!: number;
  @Column({ type: 'text' }) stage!: string;
  @Column({ name: 'actual_start', ...date }) actualStart!: string | null;
}

export interface PerformanceAgreement {
  number: string;
  counterparties: string[];
  /** The plot's indicators with the values the enterprise committed to (never below the plot's targets). */
  indicators: IndicatorTarget[];
  reviewDate: string;
  breachTerms: BreachTerms;
}

@Entity('contracts')
export class ContractOrm {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ name: 'plot_id', type: 'uuid' }) plotId!: string;
  @Column({ name: 'project_id', type: 'uuid' }) projectId!: string;
  @Column({ name: 'contract_number', type: 'text' }) contractNumber!: string;
  @Column({ name: 'signed_on', type: 'date' }) signedOn!: string;
  @Column({ name: 'land_price_fen', type: 'bigint', transformer: fen }) landPriceFen!: number;
  @Column({ name: 'agreed_start', type: 'date' }) agreedStart!: string;
  @Column({ name: 'agreed_completion', type: 'date' }) agreedCompletion!: string;
  @Column({ name: 'agreed_production', ...date }) agreedProduction!: string | null;
  @Column({ type: 'jsonb' }) agreement!: PerformanceAgreement;
  /** The idle-land level already raised ('fee', 'recovery'), so each is raised once. */
  @Column({ name: 'idle_level_raised', type: 'text', nullable: true }) idleLevelRaised!: 'fee' | 'recovery' | null;
}

@Entity('land_checks')
export class LandCheckOrm {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ name: 'contract_id', type: 'uuid' }) contractId!: string;
  @Column({ type: 'text' }) stage!: CheckStage;
  @Column({ name: 'checked_on', type: 'date' }) checkedOn!: string;
  @Column({ type: 'jsonb' }) measured!: Measurement[];
  @Column({ type: 'jsonb' }) results!: IndicatorResult[];
  @Column({ type: 'boolean' }) passed!: boolean;
  @Column({ name: 'penalty_fen', type: 'bigint', transformer: fen }) penaltyFen!: number;
  @Column({ name: 'rectify_by', ...date }) rectifyBy!: string | null;
  @Column({ type: 'jsonb' }) consequence!: Consequence;
}

@Entity('interim_reports')
export class InterimReportOrm {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ name: 'contract_id', type: 'uuid' }) contractId!: string;
  @Column({ name: 'reported_on', type: 'date' }) reportedOn!: string;
  @Column({ type: 'jsonb' }) measured!: Measurement[];
  @Column({ type: 'jsonb' }) trends!: { code: string; trend: Trend; result: IndicatorResult }[];
}

export const ENTITIES = [IndicatorTemplateOrm, PlotOrm, LandProjectOrm, ContractOrm, LandCheckOrm, InterimReportOrm];
