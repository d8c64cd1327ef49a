import { ApiExtraModels, ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { CHECK_STAGES, LAND_PATHS, type LandPath } from '@devzone/contracts';
import { REPORTING_PERIODS, type ReportingPeriod } from '../domain/consequences';
import type { CheckStage } from '../domain/indicators';
import { LAND_ACTIONS, type LandAction } from '../domain/permissions';
import { LandCheckView, InterimReportView, PenaltyFormulaView } from './checks.views';
import { ActorView, DAY, ImportedFromView, IndicatorTargetView } from './common.views';
import { ConstructionProgressView, IdleExemptionView, IdleLandView, RAISED_LEVELS } from './construction.views';
import { PlotView } from './plot.views';

const PATH = { enum: LAND_PATHS, enumName: 'LandPath', description: 'standard-land 标准地 / grant 招拍挂出让 / own-land 自有用地 / lease 租赁厂房 / none 无新增用地' } as const;

/** The project as standard-land knows it (from project.signed or project.imported, and project.stage-changed). */
export class LandProjectView {
  @ApiProperty({ type: String, format: 'uuid' }) projectId!: string;
  @ApiProperty({ type: String, description: '项目代码 (project code)' }) code!: string;
  @ApiProperty({ type: String }) name!: string;
  @ApiProperty({ type: String }) enterpriseName!: string;
  @ApiProperty({ type: String, nullable: true, description: '统一社会信用代码 (unified social credit code)' }) creditCode!: string | null;
  @ApiProperty({ type: String }) zoneCode!: string;
  @ApiProperty({ type: String, description: '国民经济行业代码 (industry code)' }) industryCode!: string;
  @ApiProperty({ type: Number, description: '用地需求（亩），0 为无新增用地 (land need in mu; 0: none)' }) landAreaMu!: number;
  @ApiProperty({ type: Boolean }) usesStandardLand!: boolean;
  @ApiProperty({ type: Number, nullable: true, description: '总投资（万元）(total investment, 10k yuan)' }) totalInvestment!: number | null;
  @ApiProperty({ type: Number, description: '固定资产投资（万元）' }) fixedAssetInvestment!: number;
  @ApiProperty({ type: Number, description: '预计年产值（万元）' }) projectedAnnualOutput!: number;
  @ApiProperty({ type: String, description: '项目阶段 (the project’s stage in project-intake)' }) stage!: string;
  @ApiProperty({ ...DAY, nullable: true, description: '实际开工日期 (actual start)' }) actualStart!: string | null;
  @ApiProperty({ type: ImportedFromView, nullable: true, description: '从项目台账导入时的来源；签约登记的项目为 null (the ledger row of an imported project; null when signed)' }) imported!: ImportedFromView | null;
  @ApiProperty({ ...PATH, nullable: true, description: '导入时台账所填、尚未落实的用地方式 (the path the ledger names, not yet secured; imported projects only)' }) intendedPath!: LandPath | null;
}

/** 租赁厂房: the lease's terms. */
export class LeaseTermsView {
  @ApiProperty({ type: String }) landlord!: string;
  @ApiProperty({ type: String }) premises!: string;
  @ApiProperty({ type: Number, description: '租赁建筑面积（m²）' }) floorAreaM2!: number;
  @ApiProperty(DAY) leaseFrom!: string;
  @ApiProperty(DAY) leaseTo!: string;
  @ApiProperty({ type: Boolean, description: '是否标准厂房 (standard factory building)' }) standardFactory!: boolean;
}

/** How the project's land is secured (POST land-grant / own-land / lease; in GET land). */
export class LandPathView {
  @ApiProperty(PATH) path!: LandPath;
  @ApiProperty({ type: String, example: '招拍挂出让' }) pathZh!: string;
  @ApiProperty(DAY) securedOn!: string;
  @ApiProperty({ type: String, description: '出让合同编号、不动产权证号、租赁合同编号或“无新增用地” (contract, certificate or lease number, or 无新增用地)' }) reference!: string;
  @ApiProperty({ type: Number, nullable: true }) areaMu!: number | null;
  @ApiProperty({ type: String, nullable: true }) location!: string | null;
  @ApiProperty({ type: LeaseTermsView, nullable: true }) lease!: LeaseTermsView | null;
  @ApiProperty({ type: ActorView, nullable: true, description: '登记人；签约时由本服务自动登记为 null (null: recorded by the service on signing)' }) recordedBy!: ActorView | null;
  @ApiProperty({ type: ImportedFromView, nullable: true, description: '从项目台账导入的用地记录 (recorded from the ledger on import)' }) imported!: ImportedFromView | null;
}

/** 闲置土地 terms (闲置土地处置办法 §14). */
export class IdleTermsView {
  @ApiProperty({ type: 'integer', description: '闲置费占出让价款的万分比 (fee, basis points of the land price)' }) feeBasisPoints!: number;
  @ApiProperty({ type: 'integer' }) feeAfterYears!: number;
  @ApiProperty({ type: 'integer' }) recoverAfterYears!: number;
}

@ApiExtraModels(PenaltyFormulaView)
export class BreachTermsView {
  @ApiProperty({ type: 'integer', description: '整改期限（天）(rectification period, days)' }) rectifyDays!: number;
  @ApiProperty({ type: 'object', additionalProperties: { $ref: getSchemaPath(PenaltyFormulaView) }, description: '按指标代码；default 适用于其他指标 (per indicator code; default for the others)' })
  formulas!: Record<string, PenaltyFormulaView>;
  @ApiPropertyOptional({ type: 'integer', description: '违约金上限，出让价款的万分比 (cap, basis points of the land price)' }) capBasisPoints?: number;
  @ApiProperty({ type: IdleTermsView }) idle!: IdleTermsView;
}

/** 履约监管协议 of a 标准地 contract. */
export class PerformanceAgreementView {
  @ApiProperty({ type: String }) number!: string;
  @ApiProperty({ type: String, isArray: true }) counterparties!: string[];
  @ApiProperty({ type: [IndicatorTargetView], description: '地块指标，按企业承诺值提高 (the plot’s indicators, raised to the commitments)' }) indicators!: IndicatorTargetView[];
  @ApiProperty({ ...DAY, description: '达产复核日期 (review date)' }) reviewDate!: string;
  @ApiProperty({ type: BreachTermsView }) breachTerms!: BreachTermsView;
  @ApiPropertyOptional({ enum: REPORTING_PERIODS, enumName: 'ReportingPeriod', description: '中期报告周期，缺省为 quarter (default quarter)' }) reportingPeriod?: ReportingPeriod;
}

/** The project's 出让 contract: 标准地 (plot and agreement) or an ordinary grant. */
export class LandContractView {
  @ApiProperty({ type: String, format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ['standard-land', 'grant'], enumName: 'ContractKind' }) kind!: 'standard-land' | 'grant';
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) plotId!: string | null;
  @ApiProperty({ type: String, format: 'uuid' }) projectId!: string;
  @ApiProperty({ type: String }) contractNumber!: string;
  @ApiProperty(DAY) signedOn!: string;
  @ApiProperty({ type: 'integer', description: '出让价款（分）(land price, fen)' }) landPriceFen!: number;
  @ApiProperty(DAY) agreedStart!: string;
  @ApiProperty(DAY) agreedCompletion!: string;
  @ApiProperty({ ...DAY, nullable: true }) agreedProduction!: string | null;
  @ApiProperty({ type: Number, nullable: true, description: '招拍挂出让的面积（亩）；标准地取地块的 (a grant’s area; 标准地: the plot’s)' }) areaMu!: number | null;
  @ApiProperty({ type: String, nullable: true }) location!: string | null;
  @ApiProperty({ type: PerformanceAgreementView, nullable: true, description: '招拍挂出让为 null (null for a grant)' }) agreement!: PerformanceAgreementView | null;
  @ApiProperty({ enum: RAISED_LEVELS, enumName: 'IdleLevelRaised', nullable: true }) idleLevelRaised!: 'fee' | 'recovery' | null;
  @ApiProperty({ enum: RAISED_LEVELS, enumName: 'IdleLevelRaised', nullable: true }) stalledLevelRaised!: 'fee' | 'recovery' | null;
  @ApiProperty({ type: ImportedFromView, nullable: true, description: '从项目台账导入的合同：无地块、出让价款未知（0） (imported from the ledger: no plot, land price unknown, 0)' }) imported!: ImportedFromView | null;
}

/** GET /projects/:projectId/land: everything about the project's land, and what the caller may do with it now. */
export class ProjectLandView {
  @ApiProperty({ type: LandProjectView }) project!: LandProjectView;
  @ApiProperty({ type: LandPathView, nullable: true }) path!: LandPathView | null;
  @ApiProperty({ type: PlotView, nullable: true, description: '出让或预留给本项目的地块 (the plot transferred or reserved for the project)' }) plot!: PlotView | null;
  @ApiProperty({ type: LandContractView, nullable: true }) contract!: LandContractView | null;
  @ApiProperty({ type: [LandCheckView] }) checks!: LandCheckView[];
  @ApiProperty({ type: [InterimReportView] }) interimReports!: InterimReportView[];
  @ApiProperty({ type: [ConstructionProgressView] }) constructionProgress!: ConstructionProgressView[];
  @ApiProperty({ type: [IdleExemptionView] }) idleExemptions!: IdleExemptionView[];
  @ApiProperty({ type: IdleLandView, nullable: true, description: '无出让合同为 null (null without a contract)' }) idleLand!: IdleLandView | null;
  @ApiProperty({ enum: CHECK_STAGES, enumName: 'CheckStage', isArray: true, description: '今天可以核验的阶段：首次核验，或整改期内的复核 (stages open to a check today)' })
  checkableStages!: CheckStage[];
  @ApiProperty({
    enum: LAND_ACTIONS,
    enumName: 'LandAction',
    isArray: true,
    description: '当前用户现在可对本项目用地执行的操作，即 POST /projects/:projectId/<action> (what the calling user may do with the project’s land now)',
  })
  actions!: LandAction[];
}
