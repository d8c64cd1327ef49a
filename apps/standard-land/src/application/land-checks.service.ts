import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { IndicatorAtRisk, LandCheckFailedV2Event, LandCheckPassed, PenaltyAssessed, RectificationDue, type Actor } from '@devzone/contracts';
import type { Principal } from '@devzone/auth';
import { commandUnit, Outbox } from '@devzone/messaging';
import { chinaDate, DomainError } from '@devzone/shared-kernel';
import { decideCheck, periodOf, trend, type Consequence } from '../domain/consequences';
import { checkStage, evaluate, IndicatorError, INDICATORS, type CheckStage, type IndicatorResult, type Measurement } from '../domain/indicators';
import { InterimReportOrm, LandCheckOrm } from '../infrastructure/orm-entities';
import type { InterimReportView, LandCheckView } from '../api/checks.views';
import { checkView, interimReportView } from './answers';
import { agreementFor, landAreaOf, landCodeOf, projectFor } from './project-access';

/** Wraps the domain's indicator errors as 400s on the field they concern. */
export function asInvalid<T>(field: string, fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof IndicatorError) throw DomainError.invalid(field, { zh: error.zh, en: error.en }, 'indicator');
    throw error;
  }
}

export const resultRef = (r: IndicatorResult) => ({
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

export const penaltyLines = (c: Consequence) => c.lines.map((l) => ({ code: l.code, formula: l.formula.kind, amountFen: l.amountFen }));

/**
 * 竣工验收 and 达产复核 against the performance agreement, in the order the agreement
 * sets (domain.md §7): a failure opens a rectification period; the re-check within it
 * closes the case (passed) or assesses the penalty (failed); a lapsed period is
 * penalised by LandDeadlineChecker. Interim reports warn before the review.
 */
@Injectable()
export class LandChecksService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
  ) {}

  async check(projectId: string, stage: CheckStage, measured: Measurement[], actor: Actor, principal: Principal): Promise<LandCheckView> {
    return this.dataSource.transaction(async (manager) => {
      const unit = commandUnit(this.outbox, manager, actor);
      await projectFor(manager, projectId, principal);
      const { contract, plot, agreement } = await agreementFor(manager, projectId, true); // one check of a project at a time
      const today = chinaDate();
      const results = asInvalid('measured', () => checkStage(agreement.indicators, stage, measured));
      const open = await manager.findOne(LandCheckOrm, { where: { contractId: contract.id, stage }, order: { checkedOn: 'DESC' }, lock: { mode: 'pessimistic_write' } });
      const outcome = decideCheck(open, results, agreement.breachTerms, landAreaOf(contract, plot), contract.landPriceFen, today);
      const plotCode = landCodeOf(contract, plot);
      const refs = results.map(resultRef);
      switch (outcome.kind) {
        case 'refused':
          throw DomainError.refused(outcome.message, outcome.code);
        case 'passed': {
          const check = await this.insertCase(contract.id, stage, today, measured, results, 'passed', null, { passed: true, penaltyFen: 0, lines: [], capped: false, rectifyBy: null }, manager);
          await unit.publish(LandCheckPassed, { projectId, payload: { plotCode, stage, checkedOn: today, results: refs } });
          return checkView(check);
        }
        case 'rectifying': {
          const check = await this.insertCase(contract.id, stage, today, measured, results, 'rectifying', outcome.rectifyBy, outcome.consequence, manager);
          await unit.publish(LandCheckFailedV2Event, { projectId, payload: { plotCode, stage, checkedOn: today, results: refs, rectifyBy: outcome.rectifyBy, recheck: false } });
          await unit.publish(RectificationDue, { projectId, payload: { plotCode, stage, indicators: results.filter((r) => !r.passed).map((r) => r.code), rectifyBy: outcome.rectifyBy } });
          return checkView(check);
        }
        case 'recheck-passed':
        case 'penalty': {
          const c = open;
          if (!c) throw new Error('a re-check needs the stage’s open case'); // decideCheck re-checks only an open case
          const passed = outcome.kind === 'recheck-passed';
          const recheckConsequence = passed ? { passed: true, penaltyFen: 0, lines: [], capped: false, rectifyBy: null } : outcome.consequence;
          c.recheck = { checkedOn: today, measured, results, passed, consequence: recheckConsequence };
          if (passed) {
            c.state = 'recheck-passed';
          } else {
            c.state = 'penalty-assessed';
            c.penaltyFen = outcome.consequence.penaltyFen;
            c.penaltyReason = 'recheck-failed';
            c.assessedOn = today;
          }
          await manager.save(c);
          if (passed) {
            await unit.publish(LandCheckPassed, { projectId, payload: { plotCode, stage, checkedOn: today, results: refs, recheck: true } });
          } else {
            await unit.publish(LandCheckFailedV2Event, { projectId, payload: { plotCode, stage, checkedOn: today, results: refs, rectifyBy: c.rectifyBy ?? today, recheck: true } });
            await unit.publish(PenaltyAssessed, {
              projectId,
              payload: { plotCode, reason: 'recheck-failed', stage, amountFen: c.penaltyFen, lines: penaltyLines(outcome.consequence), capped: outcome.consequence.capped, assessedOn: today },
            });
          }
          return checkView(c);
        }
      }
    });
  }

  /**
   * Interim figures before the review: each full-production indicator on track, to watch,
   * or at risk. Reports fall in the agreement's reporting period (quarters by default,
   * on the China date); the first report of a period with an indicator at risk raises
   * land.indicator-at-risk, later ones in the same period do not.
   */
  async interim(projectId: string, measured: Measurement[], actor: Actor, principal: Principal): Promise<InterimReportView> {
    return this.dataSource.transaction(async (manager) => {
      await projectFor(manager, projectId, principal);
      const { contract, plot, agreement } = await agreementFor(manager, projectId, true); // serialises a period's reports
      const targets = agreement.indicators.filter((t) => t.stage === 'full-production');
      const plotCode = landCodeOf(contract, plot);
      const trends = asInvalid('measured', () =>
        measured.map((m) => {
          const t = targets.find((x) => x.code === m.code);
          if (!t) throw new IndicatorError(m.code, INDICATORS[m.code] ? `${m.code} 不是达产复核指标` : `未知指标 ${m.code}`, `${m.code} is not a full-production indicator here`);
          const result = evaluate(t, m);
          return { code: m.code, trend: trend(result), result };
        }),
      );
      const reportedOn = chinaDate();
      const period = periodOf(reportedOn, agreement.reportingPeriod);
      const atRisk = trends.filter((t) => t.trend === 'at-risk');
      const raise = atRisk.length > 0 && !(await manager.existsBy(InterimReportOrm, { contractId: contract.id, period, atRiskRaised: true }));
      const report = manager.create(InterimReportOrm, { id: randomUUID(), contractId: contract.id, reportedOn, measured, trends, period, atRiskRaised: raise });
      await manager.insert(InterimReportOrm, report);
      if (raise) {
        await commandUnit(this.outbox, manager, actor).publish(IndicatorAtRisk, {
          projectId,
          payload: {
            plotCode,
            period,
            reportedOn,
            indicators: atRisk.map(({ result: r }) => ({ code: r.code, nameZh: r.nameZh, unit: r.unit, ...(typeof r.target === 'number' ? { target: r.target } : {}), measured: r.measured })),
          },
        });
      }
      return interimReportView(report);
    });
  }

  private async insertCase(
    contractId: string,
    stage: CheckStage,
    checkedOn: string,
    measured: Measurement[],
    results: IndicatorResult[],
    state: 'passed' | 'rectifying',
    rectifyBy: string | null,
    consequence: Consequence,
    manager: EntityManager,
  ): Promise<LandCheckOrm> {
    const check = manager.create(LandCheckOrm, {
      id: randomUUID(),
      contractId,
      stage,
      checkedOn,
      measured,
      results,
      passed: state === 'passed',
      penaltyFen: 0,
      rectifyBy,
      consequence,
      state,
      recheck: null,
      penaltyReason: null,
      assessedOn: null,
    });
    await manager.insert(LandCheckOrm, check);
    return check;
  }
}
