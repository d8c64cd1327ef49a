import { coversZone, type Principal } from '@devzone/auth';
import { LAND_PATH_ZH } from '@devzone/contracts';
import type { InterimReportView, LandCheckView } from '../api/checks.views';
import type { ConstructionProgressView, IdleExemptionView, IdleLandView } from '../api/construction.views';
import type { LandContractView, LandPathView, LandProjectView, PerformanceAgreementView } from '../api/land.views';
import type { PlotView } from '../api/plot.views';
import type { ImportedFromView } from '../api/common.views';
import { plotActions, type ProjectForPlot } from '../domain/actions';
import { checkStatus } from '../domain/consequences';
import { EXEMPTION_CAUSE_ZH, type IdleAssessment } from '../domain/idle-land';
import { IMPORTED_CHECK_STATUS, importedNote } from '../domain/imported-land';
import { publishBlockers } from '../domain/plot';
import type {
  ConstructionProgressOrm,
  ContractOrm,
  IdleExemptionOrm,
  ImportedFrom,
  InterimReportOrm,
  LandCheckOrm,
  LandPathOrm,
  LandProjectOrm,
  PerformanceAgreement,
  PlotOrm,
} from '../infrastructure/orm-entities';

/**
 * The answers of the service, built field by field from the rows: each function is
 * typed with its response DTO (src/api/*.views.ts), so the compiler holds the answer to
 * what the OpenAPI document declares.
 */

/** A plot with what the caller may do with it now; `project`: the project it is shown for (its matches, its land). */
export function plotView(plot: PlotOrm, principal: Principal, project?: ProjectForPlot): PlotView {
  return {
    id: plot.id,
    code: plot.code,
    zoneCode: plot.zoneCode,
    location: plot.location,
    areaMu: plot.areaMu,
    areaM2: plot.areaM2,
    landUse: plot.landUse,
    industries: plot.industries,
    assessments: plot.assessments,
    servicingLevel: plot.servicingLevel,
    status: plot.status,
    indicators: plot.indicators,
    templateVersion: plot.templateVersion,
    reservedFor: plot.reservedFor,
    reservedOn: plot.reservedOn,
    version: plot.version,
    publishBlockers: plot.status === 'PREPARING' ? publishBlockers(plot) : [],
    actions: plotActions(plot, { role: principal.role, reaches: coversZone(principal, plot.zoneCode) }, project),
  };
}

export function landProjectView(p: LandProjectOrm): LandProjectView {
  return {
    projectId: p.projectId,
    code: p.code,
    name: p.name,
    enterpriseName: p.enterpriseName,
    creditCode: p.creditCode,
    zoneCode: p.zoneCode,
    industryCode: p.industryCode,
    landAreaMu: p.landAreaMu,
    usesStandardLand: p.usesStandardLand,
    totalInvestment: p.totalInvestment,
    fixedAssetInvestment: p.fixedAssetInvestment,
    projectedAnnualOutput: p.projectedAnnualOutput,
    stage: p.stage,
    actualStart: p.actualStart,
    imported: importedView(p.imported),
    intendedPath: p.intendedPath,
  };
}

/** 导入: the ledger row, with a line saying so. */
export function importedView(from: ImportedFrom | null): ImportedFromView | null {
  return from ? { batchId: from.batchId, fileName: from.fileName, row: from.row, note: importedNote(from) } : null;
}

export function pathView(row: LandPathOrm): LandPathView {
  return {
    path: row.path,
    pathZh: LAND_PATH_ZH[row.path],
    securedOn: row.securedOn,
    reference: row.reference,
    areaMu: row.areaMu,
    location: row.location,
    lease: row.lease,
    recordedBy: row.recordedBy,
    imported: importedView(row.imported),
  };
}

function agreementView(a: PerformanceAgreement): PerformanceAgreementView {
  return {
    number: a.number,
    counterparties: a.counterparties,
    indicators: a.indicators,
    reviewDate: a.reviewDate,
    breachTerms: a.breachTerms,
    ...(a.reportingPeriod ? { reportingPeriod: a.reportingPeriod } : {}),
  };
}

export function contractView(c: ContractOrm): LandContractView {
  return {
    id: c.id,
    kind: c.kind,
    plotId: c.plotId,
    projectId: c.projectId,
    contractNumber: c.contractNumber,
    signedOn: c.signedOn,
    landPriceFen: c.landPriceFen,
    agreedStart: c.agreedStart,
    agreedCompletion: c.agreedCompletion,
    agreedProduction: c.agreedProduction,
    areaMu: c.areaMu,
    location: c.location,
    agreement: c.agreement ? agreementView(c.agreement) : null,
    idleLevelRaised: c.idleLevelRaised,
    stalledLevelRaised: c.stalledLevelRaised,
    imported: importedView(c.imported),
  };
}

/** A check case, with its state in words. */
export function checkView(check: LandCheckOrm): LandCheckView {
  return {
    id: check.id,
    contractId: check.contractId,
    stage: check.stage,
    checkedOn: check.checkedOn,
    measured: check.measured,
    results: check.results,
    passed: check.passed,
    penaltyFen: check.penaltyFen,
    rectifyBy: check.rectifyBy,
    consequence: check.consequence,
    state: check.state,
    recheck: check.recheck,
    penaltyReason: check.penaltyReason,
    assessedOn: check.assessedOn,
    status: check.imported ? IMPORTED_CHECK_STATUS : checkStatus(check),
    imported: importedView(check.imported),
  };
}

export function interimReportView(r: InterimReportOrm): InterimReportView {
  return { id: r.id, contractId: r.contractId, reportedOn: r.reportedOn, measured: r.measured, trends: r.trends, period: r.period, atRiskRaised: r.atRiskRaised };
}

export function progressView(r: ConstructionProgressOrm): ConstructionProgressView {
  return {
    id: r.id,
    projectId: r.projectId,
    reportedOn: r.reportedOn,
    builtFloorAreaM2: r.builtFloorAreaM2,
    investmentMade: r.investmentMade,
    reportedBy: r.reportedBy,
    recordedAt: r.recordedAt.toISOString(),
  };
}

export function exemptionView(e: IdleExemptionOrm): IdleExemptionView {
  return {
    id: e.id,
    projectId: e.projectId,
    cause: e.cause,
    causeZh: EXEMPTION_CAUSE_ZH[e.cause],
    reason: e.reason,
    from: e.from,
    to: e.to,
    recordedBy: e.recordedBy,
    recordedAt: e.recordedAt.toISOString(),
  };
}

/** The idle-land assessment as of today, with the levels the contract has raised. */
export function idleLandView(idle: IdleAssessment, contract: ContractOrm): IdleLandView {
  return {
    case: idle.case,
    level: idle.level,
    clockFrom: idle.clockFrom,
    exemptDays: idle.exemptDays,
    daysIdle: idle.daysIdle,
    feeFrom: idle.feeFrom,
    recoveryFrom: idle.recoveryFrom,
    feeFen: idle.feeFen,
    raised: { 'not-started': contract.idleLevelRaised, stalled: contract.stalledLevelRaised },
  };
}
