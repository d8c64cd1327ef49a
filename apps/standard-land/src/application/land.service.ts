import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { LandContractSigned, PlotPublished, PlotReserved, type Actor, type EventEnvelope, type LandPath, type ProjectImportedV1, type ProjectSignedV1, type ProjectStageChangedV1 } from '@devzone/contracts';
import { coversZone, type Principal } from '@devzone/auth';
import { commandUnit, Outbox, type UnitOfWork } from '@devzone/messaging';
import { chinaDate, DomainError, type IsoDate } from '@devzone/shared-kernel';
import { DEFAULT_BREACH_TERMS, type BreachTerms, type ReportingPeriod } from '../domain/consequences';
import { evaluate, INDICATORS, validateTarget, type IndicatorTarget } from '../domain/indicators';
import { matchPlot, movePlot, muToM2, publishBlockers, type PlotTrigger, type ServicingLevel } from '../domain/plot';
import type { PlotView } from '../api/plot.views';
import { ContractOrm, LandPathOrm, LandProjectOrm, PlotOrm } from '../infrastructure/orm-entities';
import { plotView } from './answers';
import { asInvalid } from './land-checks.service';
import { templateOf } from './plot-queries';
import { projectFor } from './project-access';

export interface NewPlot {
  code: string;
  zoneCode: string;
  location: string;
  areaMu: number;
  landUse: string;
  industries: string[];
  assessments: string[];
  servicingLevel: ServicingLevel;
  indicators?: IndicatorTarget[];
}

export interface TransferInput {
  projectId: string;
  contract: { number: string; signedOn: IsoDate; landPriceFen: number; agreedStart: IsoDate; agreedCompletion: IsoDate; agreedProduction?: IsoDate };
  agreement: {
    number: string;
    counterparties: string[];
    committedIndicators?: { code: string; value: number }[];
    reviewDate: IsoDate;
    breachTerms?: BreachTerms;
    /** The agreement's rectification period (days); the default terms' otherwise. */
    rectifyDays?: number;
    reportingPeriod?: ReportingPeriod;
  };
}

/**
 * 标准地: plots and their indicators, matching a project to plots, reservation,
 * transfer with the land-grant contract and the performance agreement; the
 * project's land as a whole (path, contract, checks, progress, idle land).
 */
@Injectable()
export class LandService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
  ) {}

  async createPlot(input: NewPlot, principal: Principal): Promise<PlotView> {
    if (!coversZone(principal, input.zoneCode)) throw DomainError.forbidden({ zh: `不能在本人负责之外的开发区（${input.zoneCode}）登记地块`, en: `you do not work in zone ${input.zoneCode}` }, 'zone');
    return this.dataSource.transaction(async (manager) => {
      if (await manager.existsBy(PlotOrm, { code: input.code })) throw DomainError.refused({ zh: `地块编号 ${input.code} 已存在`, en: `plot ${input.code} exists` }, 'plot-exists');
      const template = await templateOf(manager, input.zoneCode);
      const indicators = input.indicators ?? template.indicators;
      indicators.forEach((t, i) => asInvalid(`indicators[${i}]`, () => validateTarget(t)));
      const plot = manager.create(PlotOrm, {
        id: randomUUID(),
        ...input,
        areaM2: muToM2(input.areaMu),
        status: 'PREPARING',
        indicators,
        templateVersion: input.indicators ? null : template.version,
        reservedFor: null,
        reservedOn: null,
      });
      await manager.insert(PlotOrm, plot);
      return plotView(plot, principal);
    });
  }

  publish(code: string, actor: Actor, principal: Principal): Promise<PlotView> {
    return this.onPlot(code, actor, principal, async (unit, plot) => {
      const blockers = publishBlockers(plot);
      if (blockers.length) throw DomainError.refused({ zh: `地块不能发布：${blockers.map((b) => b.zh).join('；')}`, en: `cannot publish: ${blockers.map((b) => b.en).join('; ')}` }, 'not-ready');
      this.move(plot, 'PUBLISH');
      await unit.publish(PlotPublished, {
        projectId: plot.id,
        payload: { plotId: plot.id, plotCode: plot.code, zoneCode: plot.zoneCode, areaMu: plot.areaMu, landUse: plot.landUse, servicingLevel: plot.servicingLevel, industries: plot.industries, indicators: plot.indicators },
      });
    });
  }

  reserve(code: string, projectId: string, actor: Actor, principal: Principal): Promise<PlotView> {
    return this.onPlot(code, actor, principal, async (unit, plot, today) => {
      const project = await projectFor(unit.manager, projectId, principal);
      const fit = matchPlot(plot, project);
      if (plot.status === 'AVAILABLE' && !fit.matches) {
        throw DomainError.refused({ zh: `地块不符合项目条件：${fit.reasons.map((r) => r.zh).join('；')}`, en: `the plot does not fit: ${fit.reasons.map((r) => r.en).join('; ')}` }, 'no-match');
      }
      this.move(plot, 'RESERVE');
      plot.reservedFor = project.projectId;
      plot.reservedOn = today;
      await unit.publish(PlotReserved, { projectId: project.projectId, payload: { plotId: plot.id, plotCode: plot.code, areaMu: plot.areaMu, reservedOn: today } });
    });
  }

  release(code: string, actor: Actor, principal: Principal): Promise<PlotView> {
    return this.onPlot(code, actor, principal, async (_unit, plot) => {
      this.move(plot, 'RELEASE');
      plot.reservedFor = null;
      plot.reservedOn = null;
    });
  }

  /** 出让: the land-grant contract and the performance agreement, once per plot (the plot row is locked). */
  transfer(code: string, input: TransferInput, actor: Actor, principal: Principal): Promise<PlotView> {
    return this.onPlot(code, actor, principal, async (unit, plot, today) => {
      const project = await projectFor(unit.manager, input.projectId, principal);
      if (!project.usesStandardLand) throw DomainError.refused({ zh: '项目未申请标准地', en: 'the project does not take standard land' }, 'not-standard-land');
      if (plot.status === 'RESERVED' && plot.reservedFor !== project.projectId) throw DomainError.refused({ zh: '地块已预留给其他项目', en: 'the plot is reserved for another project' }, 'plot-state');
      this.move(plot, 'TRANSFER');
      const c = input.contract;
      if (c.signedOn > today) throw DomainError.invalid('contract.signedOn', { zh: '签订日期不能晚于今天', en: 'signedOn must not be in the future' });
      if (await unit.manager.existsBy(ContractOrm, { projectId: project.projectId })) throw DomainError.refused({ zh: '项目已签订土地出让合同', en: 'the project already has a land contract' }, 'has-contract');
      if (await unit.manager.existsBy(LandPathOrm, { projectId: project.projectId })) throw DomainError.refused({ zh: '项目用地已落实', en: "the project's land is already secured" }, 'land-secured');
      if (input.agreement.reviewDate < c.agreedCompletion) throw DomainError.invalid('agreement.reviewDate', { zh: '达产复核日期不能早于约定竣工日期', en: 'reviewDate must not be before agreedCompletion' });
      const indicators = plot.indicators.map((t): IndicatorTarget => {
        const committed = input.agreement.committedIndicators?.find((i) => i.code === t.code);
        if (!committed) return t;
        const floor = evaluate(t, { code: t.code, unit: t.unit, value: committed.value });
        if (!floor.passed) throw DomainError.invalid('agreement.committedIndicators', { zh: `${floor.nameZh}承诺值 ${committed.value} 低于地块要求`, en: `${t.code} committed below the plot's target` });
        return t.comparator === 'range' ? t : { ...t, target: committed.value };
      });
      for (const committed of input.agreement.committedIndicators ?? []) {
        if (!plot.indicators.some((t) => t.code === committed.code)) {
          throw DomainError.invalid('agreement.committedIndicators', { zh: INDICATORS[committed.code] ? `地块未设定指标 ${committed.code}` : `未知指标 ${committed.code}`, en: `no indicator ${committed.code} on this plot` });
        }
      }
      const breachTerms = { ...(input.agreement.breachTerms ?? DEFAULT_BREACH_TERMS), ...(input.agreement.rectifyDays ? { rectifyDays: input.agreement.rectifyDays } : {}) };
      const contract = unit.manager.create(ContractOrm, {
        id: randomUUID(),
        kind: 'standard-land',
        plotId: plot.id,
        projectId: project.projectId,
        contractNumber: c.number,
        signedOn: c.signedOn,
        landPriceFen: c.landPriceFen,
        agreedStart: c.agreedStart,
        agreedCompletion: c.agreedCompletion,
        agreedProduction: c.agreedProduction ?? null,
        areaMu: null,
        location: null,
        agreement: {
          number: input.agreement.number,
          counterparties: input.agreement.counterparties,
          indicators,
          reviewDate: input.agreement.reviewDate,
          breachTerms,
          reportingPeriod: input.agreement.reportingPeriod ?? 'quarter',
        },
        idleLevelRaised: null,
        stalledLevelRaised: null,
      });
      await unit.manager.insert(ContractOrm, contract);
      await unit.manager.insert(LandPathOrm, {
        projectId: project.projectId,
        path: 'standard-land',
        securedOn: c.signedOn,
        reference: c.number,
        areaMu: plot.areaMu,
        location: plot.location,
        lease: null,
        recordedBy: actor,
      });
      plot.reservedFor = project.projectId;
      await unit.publish(LandContractSigned, {
        projectId: project.projectId,
        payload: {
          plotCode: plot.code,
          contractNumber: c.number,
          signedOn: c.signedOn,
          areaMu: plot.areaMu,
          landPriceFen: c.landPriceFen,
          agreedDates: { start: c.agreedStart, completion: c.agreedCompletion, ...(c.agreedProduction ? { production: c.agreedProduction } : {}) },
          performanceAgreementNumber: input.agreement.number,
        },
      });
    });
  }

  // ── project.* ──────────────────────────────────────────────────────────────
  async projectSigned(unit: UnitOfWork, event: EventEnvelope<ProjectSignedV1>): Promise<void> {
    await unit.manager.upsert(LandProjectOrm, projectRow(event.projectId, event.payload, 'SIGNED'), ['projectId']);
  }

  /**
   * 导入: the same project record as project.signed, at the ledger's stage (with its actual
   * start), marked with its ledger row. Once per project: false, and nothing changed, when
   * the project is known already (a second project.imported, or one after project.signed).
   */
  async projectImported(unit: UnitOfWork, event: EventEnvelope<ProjectImportedV1>, intendedPath: LandPath | null): Promise<boolean> {
    const p = event.payload;
    const { source } = p;
    const row = { ...projectRow(event.projectId, p, p.stage), actualStart: p.actualDates.start ?? null, imported: { batchId: source.batchId, fileName: source.fileName, row: source.row }, intendedPath };
    const inserted = await unit.manager.createQueryBuilder().insert().into(LandProjectOrm).values(row).orIgnore().returning('project_id').execute();
    return inserted.raw.length > 0;
  }

  async projectStageChanged(unit: UnitOfWork, event: EventEnvelope<ProjectStageChangedV1>): Promise<void> {
    const patch: Partial<LandProjectOrm> = { stage: event.payload.to };
    if (event.payload.trigger === 'REPORT_START' && event.payload.milestoneDate) patch.actualStart = event.payload.milestoneDate;
    await unit.manager.update(LandProjectOrm, { projectId: event.projectId }, patch);
  }

  // ── helpers ────────────────────────────────────────────────────────────────
  /** A command on the plot (its row locked), answering the plot as it is now, with what the caller may do next. */
  private onPlot(code: string, actor: Actor, principal: Principal, body: (unit: UnitOfWork, plot: PlotOrm, today: IsoDate) => Promise<void>): Promise<PlotView> {
    return this.dataSource.transaction(async (manager) => {
      const plot = await manager.findOne(PlotOrm, { where: { code }, lock: { mode: 'pessimistic_write' } });
      if (!plot || !coversZone(principal, plot.zoneCode)) throw DomainError.notFound({ zh: `地块不存在：${code}`, en: `no plot ${code}` }, 'plot-not-found');
      await body(commandUnit(this.outbox, manager, actor), plot, chinaDate());
      await manager.save(plot);
      return plotView(plot, principal);
    });
  }

  private move(plot: PlotOrm, trigger: PlotTrigger): void {
    const d = movePlot(plot.status, trigger);
    if (!d.allowed) throw DomainError.refused(d.reason, 'plot-state');
    plot.status = d.status;
  }
}

/** What this service keeps of a project from what project.signed (or project.imported) carries. */
function projectRow(projectId: string, p: ProjectSignedV1, stage: string): Omit<LandProjectOrm, 'imported' | 'intendedPath'> {
  return {
    projectId,
    code: p.projectCode,
    name: p.name,
    enterpriseName: p.enterprise.name,
    creditCode: p.enterprise.creditCode,
    zoneCode: p.zoneCode,
    industryCode: p.industryCode,
    landAreaMu: p.landAreaMu,
    usesStandardLand: p.usesStandardLand,
    totalInvestment: p.totalInvestment,
    fixedAssetInvestment: p.fixedAssetInvestment,
    projectedAnnualOutput: p.projectedAnnualOutput,
    stage,
    actualStart: null,
  };
}
