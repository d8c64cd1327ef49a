import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import {
  LandCheckFailed,
  LandCheckPassed,
  LandContractSigned,
  PenaltyAssessed,
  PlotPublished,
  PlotReserved,
  RectificationDue,
  type Actor,
  type EventEnvelope,
  type ProjectSignedV1,
  type ProjectStageChangedV1,
} from '@devzone/contracts';
import { coversZone, seesProject, type Principal } from '@devzone/auth';
import { commandUnit, Outbox, type UnitOfWork } from '@devzone/messaging';
import { chinaDate, DomainError, type IsoDate } from '@devzone/shared-kernel';
import { consequence, DEFAULT_BREACH_TERMS, trend, type BreachTerms } from '../domain/consequences';
import { checkStage, evaluate, IndicatorError, INDICATORS, validateTarget, type CheckStage, type IndicatorResult, type IndicatorTarget, type Measurement } from '../domain/indicators';
import { matchPlot, movePlot, MU_IN_M2, publishBlockers, type PlotTrigger, type ServicingLevel } from '../domain/plot';
import { ContractOrm, IndicatorTemplateOrm, InterimReportOrm, LandCheckOrm, LandProjectOrm, PlotOrm } from '../infrastructure/orm-entities';

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
  agreement: { number: string; counterparties: string[]; committedIndicators?: { code: string; value: number }[]; reviewDate: IsoDate; breachTerms?: BreachTerms };
}

/** Wraps the domain's indicator errors as 400s on the field they concern. */
function asInvalid<T>(field: string, fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof IndicatorError) throw DomainError.invalid(field, { zh: error.zh, en: error.en }, 'indicator');
    throw error;
  }
}

const resultRef = (r: IndicatorResult) => ({
  code: r.code,
  nameZh: r.nameZh,
  unit: r.unit,
  comparator: r.comparator,
  ...(typeof r.target === 'number' ? { target: r.target } : { min: r.target.min, max: r.target.max }),
  measured: r.measured,
  passed: r.passed,
  shortfall: r.shortfall,
  shortfallPercent: r.shortfallPercent,
});

/**
 * 标准地: plots and their indicators, matching a project to plots, reservation,
 * transfer with the land-grant contract and the performance agreement, and the
 * checks at completion and full production with their consequences.
 */
@Injectable()
export class LandService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
  ) {}

  async template(zoneCode: string, manager: EntityManager = this.dataSource.manager): Promise<IndicatorTemplateOrm> {
    const own = await manager.findOne(IndicatorTemplateOrm, { where: { zoneCode }, order: { version: 'DESC' } });
    return own ?? (await manager.findOneOrFail(IndicatorTemplateOrm, { where: { zoneCode: '*' }, order: { version: 'DESC' } }));
  }

  async createPlot(input: NewPlot, principal: Principal): Promise<PlotOrm> {
    if (!coversZone(principal, input.zoneCode)) throw DomainError.forbidden({ zh: `不能在本人负责之外的开发区（${input.zoneCode}）登记地块`, en: `you do not work in zone ${input.zoneCode}` }, 'zone');
    return this.dataSource.transaction(async (manager) => {
      if (await manager.existsBy(PlotOrm, { code: input.code })) throw DomainError.refused({ zh: `地块编号 ${input.code} 已存在`, en: `plot ${input.code} exists` }, 'plot-exists');
      const template = await this.template(input.zoneCode, manager);
      const indicators = input.indicators ?? template.indicators;
      indicators.forEach((t, i) => asInvalid(`indicators[${i}]`, () => validateTarget(t)));
      const plot = manager.create(PlotOrm, {
        id: randomUUID(),
        ...input,
        areaM2: Math.round(input.areaMu * MU_IN_M2 * 100) / 100,
        status: 'PREPARING',
        indicators,
        templateVersion: input.indicators ? null : template.version,
        reservedFor: null,
        reservedOn: null,
      });
      await manager.insert(PlotOrm, plot);
      return plot;
    });
  }

  publish(code: string, actor: Actor, principal: Principal) {
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

  async matches(projectId: string, principal: Principal) {
    const project = await this.project(this.dataSource.manager, projectId, principal);
    const plots = await this.dataSource.getRepository(PlotOrm).find({ where: { zoneCode: project.zoneCode }, order: { code: 'ASC' } });
    const rows = plots.map((p) => ({ plotCode: p.code, areaMu: p.areaMu, status: p.status, location: p.location, ...matchPlot(p, project) }));
    return { projectId, usesStandardLand: project.usesStandardLand, matched: rows.filter((r) => r.matches), notMatched: rows.filter((r) => !r.matches) };
  }

  reserve(code: string, projectId: string, actor: Actor, principal: Principal) {
    return this.onPlot(code, actor, principal, async (unit, plot, today) => {
      const project = await this.project(unit.manager, projectId, principal);
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

  release(code: string, actor: Actor, principal: Principal) {
    return this.onPlot(code, actor, principal, async (_unit, plot) => {
      this.move(plot, 'RELEASE');
      plot.reservedFor = null;
      plot.reservedOn = null;
    });
  }

  /** 出让: the land-grant contract and the performance agreement, once per plot (the plot row is locked). */
  transfer(code: string, input: TransferInput, actor: Actor, principal: Principal) {
    return this.onPlot(code, actor, principal, async (unit, plot, today) => {
      const project = await this.project(unit.manager, input.projectId, principal);
      if (!project.usesStandardLand) throw DomainError.refused({ zh: '项目未申请标准地', en: 'the project does not take standard land' }, 'not-standard-land');
      if (plot.status === 'RESERVED' && plot.reservedFor !== project.projectId) throw DomainError.refused({ zh: '地块已预留给其他项目', en: 'the plot is reserved for another project' }, 'plot-state');
      this.move(plot, 'TRANSFER');
      const c = input.contract;
      if (c.signedOn > today) throw DomainError.invalid('contract.signedOn', { zh: '签订日期不能晚于今天', en: 'signedOn must not be in the future' });
      if (await unit.manager.existsBy(ContractOrm, { projectId: project.projectId })) throw DomainError.refused({ zh: '项目已签订土地出让合同', en: 'the project already has a land contract' }, 'has-contract');
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
      const contract = unit.manager.create(ContractOrm, {
        id: randomUUID(),
        plotId: plot.id,
        projectId: project.projectId,
        contractNumber: c.number,
        signedOn: c.signedOn,
        landPriceFen: c.landPriceFen,
        agreedStart: c.agreedStart,
        agreedCompletion: c.agreedCompletion,
        agreedProduction: c.agreedProduction ?? null,
        agreement: { number: input.agreement.number, counterparties: input.agreement.counterparties, indicators, reviewDate: input.agreement.reviewDate, breachTerms: input.agreement.breachTerms ?? DEFAULT_BREACH_TERMS },
        idleLevelRaised: null,
      });
      await unit.manager.insert(ContractOrm, contract);
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

  /** 竣工验收 or 达产复核: measured values against the agreement; a failure costs what the breach terms say. */
  async check(projectId: string, stage: CheckStage, measured: Measurement[], actor: Actor, principal: Principal) {
    return this.dataSource.transaction(async (manager) => {
      const unit = commandUnit(this.outbox, manager, actor);
      await this.project(manager, projectId, principal);
      const { contract, plot } = await this.contractOf(manager, projectId);
      const today = chinaDate();
      const results = asInvalid('measured', () => checkStage(contract.agreement.indicators, stage, measured));
      const c = consequence(results, contract.agreement.breachTerms, plot.areaMu, contract.landPriceFen, today);
      const check = manager.create(LandCheckOrm, { id: randomUUID(), contractId: contract.id, stage, checkedOn: today, measured, results, passed: c.passed, penaltyFen: c.penaltyFen, rectifyBy: c.rectifyBy, consequence: c });
      await manager.insert(LandCheckOrm, check);
      const refs = results.map(resultRef);
      if (c.passed) {
        await unit.publish(LandCheckPassed, { projectId, payload: { plotCode: plot.code, stage, checkedOn: today, results: refs } });
      } else {
        const rectifyBy = c.rectifyBy ?? today;
        await unit.publish(LandCheckFailed, { projectId, payload: { plotCode: plot.code, stage, checkedOn: today, results: refs, penaltyFen: c.penaltyFen, rectifyBy } });
        await unit.publish(PenaltyAssessed, {
          projectId,
          payload: { plotCode: plot.code, reason: 'check-failed', amountFen: c.penaltyFen, lines: c.lines.map((l) => ({ code: l.code, formula: l.formula.kind, amountFen: l.amountFen })), capped: c.capped, assessedOn: today },
        });
        await unit.publish(RectificationDue, { projectId, payload: { plotCode: plot.code, stage, indicators: results.filter((r) => !r.passed).map((r) => r.code), rectifyBy } });
      }
      return check;
    });
  }

  /** Interim figures before the review: each full-production indicator on track, to watch, or at risk. */
  async interim(projectId: string, measured: Measurement[], principal: Principal) {
    return this.dataSource.transaction(async (manager) => {
      await this.project(manager, projectId, principal);
      const { contract } = await this.contractOf(manager, projectId);
      const targets = contract.agreement.indicators.filter((t) => t.stage === 'full-production');
      const trends = asInvalid('measured', () =>
        measured.map((m) => {
          const t = targets.find((x) => x.code === m.code);
          if (!t) throw new IndicatorError(m.code, INDICATORS[m.code] ? `${m.code} 不是达产复核指标` : `未知指标 ${m.code}`, `${m.code} is not a full-production indicator here`);
          const result = evaluate(t, m);
          return { code: m.code, trend: trend(result), result };
        }),
      );
      const report = manager.create(InterimReportOrm, { id: randomUUID(), contractId: contract.id, reportedOn: chinaDate(), measured, trends });
      await manager.insert(InterimReportOrm, report);
      return report;
    });
  }

  async landOf(projectId: string, principal: Principal) {
    const manager = this.dataSource.manager;
    const project = await this.project(manager, projectId, principal);
    const contract = await manager.findOneBy(ContractOrm, { projectId });
    const plot = contract ? await manager.findOneBy(PlotOrm, { id: contract.plotId }) : await manager.findOneBy(PlotOrm, { reservedFor: projectId });
    const checks = contract ? await manager.find(LandCheckOrm, { where: { contractId: contract.id }, order: { checkedOn: 'ASC', stage: 'ASC' } }) : []; // completion before full-production on the same day
    const interim = contract ? await manager.find(InterimReportOrm, { where: { contractId: contract.id }, order: { reportedOn: 'ASC' } }) : [];
    return { project, plot, contract, checks, interimReports: interim };
  }

  // ── project.* ──────────────────────────────────────────────────────────────
  async projectSigned(unit: UnitOfWork, event: EventEnvelope<ProjectSignedV1>): Promise<void> {
    const p = event.payload;
    await unit.manager.upsert(
      LandProjectOrm,
      {
        projectId: event.projectId,
        code: p.projectCode,
        name: p.name,
        enterpriseName: p.enterprise.name,
        creditCode: p.enterprise.creditCode,
        zoneCode: p.zoneCode,
        industryCode: p.industryCode,
        landAreaMu: p.landAreaMu,
        usesStandardLand: p.usesStandardLand,
        fixedAssetInvestment: p.fixedAssetInvestment,
        projectedAnnualOutput: p.projectedAnnualOutput,
        stage: 'SIGNED',
        actualStart: null,
      },
      ['projectId'],
    );
  }

  async projectStageChanged(unit: UnitOfWork, event: EventEnvelope<ProjectStageChangedV1>): Promise<void> {
    const patch: Partial<LandProjectOrm> = { stage: event.payload.to };
    if (event.payload.trigger === 'REPORT_START' && event.payload.milestoneDate) patch.actualStart = event.payload.milestoneDate;
    await unit.manager.update(LandProjectOrm, { projectId: event.projectId }, patch);
  }

  // ── helpers ────────────────────────────────────────────────────────────────
  private onPlot(code: string, actor: Actor, principal: Principal, body: (unit: UnitOfWork, plot: PlotOrm, today: IsoDate) => Promise<void>): Promise<PlotOrm> {
    return this.dataSource.transaction(async (manager) => {
      const plot = await manager.findOne(PlotOrm, { where: { code }, lock: { mode: 'pessimistic_write' } });
      if (!plot || !coversZone(principal, plot.zoneCode)) throw DomainError.notFound({ zh: `地块不存在：${code}`, en: `no plot ${code}` }, 'plot-not-found');
      await body(commandUnit(this.outbox, manager, actor), plot, chinaDate());
      await manager.save(plot);
      return plot;
    });
  }

  private move(plot: PlotOrm, trigger: PlotTrigger): void {
    const d = movePlot(plot.status, trigger);
    if (!d.allowed) throw DomainError.refused(d.reason, 'plot-state');
    plot.status = d.status;
  }

  private async project(manager: EntityManager, projectId: string, principal?: Principal): Promise<LandProjectOrm> {
    const project = await manager.findOneBy(LandProjectOrm, { projectId });
    if (!project || (principal && !seesProject(principal, project))) throw DomainError.notFound({ zh: `未收到该项目的签约信息：${projectId}`, en: `no project ${projectId} here` }, 'project-not-found');
    return project;
  }

  private async contractOf(manager: EntityManager, projectId: string): Promise<{ contract: ContractOrm; plot: PlotOrm }> {
    const contract = await manager.findOneBy(ContractOrm, { projectId });
    if (!contract) throw DomainError.notFound({ zh: '该项目没有土地出让合同', en: 'the project has no land contract' }, 'no-contract');
    return { contract, plot: await manager.findOneByOrFail(PlotOrm, { id: contract.plotId }) };
  }
}
