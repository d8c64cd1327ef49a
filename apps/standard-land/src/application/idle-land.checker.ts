import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { IdleLand, PenaltyAssessed, type Actor } from '@devzone/contracts';
import { commandUnit, Outbox } from '@devzone/messaging';
import { ScheduledCheck } from '@devzone/platform';
import { chinaDate, type IsoDate } from '@devzone/shared-kernel';
import { DEFAULT_BREACH_TERMS } from '../domain/consequences';
import { assessIdleLand, type IdleInput } from '../domain/idle-land';
import { muToM2 } from '../domain/plot';
import { ConstructionProgressOrm, ContractOrm, IdleExemptionOrm, LandProjectOrm, PlotOrm } from '../infrastructure/orm-entities';
import { landCodeOf } from './project-access';

const SYSTEM: Actor = { id: 'idle-land-check', role: 'system' };

/** The floor-area-ratio the agreement sets (a range: its minimum); none for a grant. */
function floorAreaRatio(contract: ContractOrm): number | null {
  const far = contract.agreement?.indicators.find((t) => t.code === 'floor-area-ratio');
  if (!far) return null;
  return (far.comparator === 'range' ? far.min : far.target) ?? null;
}

/** What the idle-land rules need to know of a contract's land: start, progress, exemptions, plan. */
export async function idleInputOf(manager: EntityManager, contract: ContractOrm, plot: PlotOrm | null): Promise<IdleInput> {
  const project = await manager.findOneBy(LandProjectOrm, { projectId: contract.projectId });
  const reports = await manager.find(ConstructionProgressOrm, { where: { projectId: contract.projectId }, order: { reportedOn: 'ASC', recordedAt: 'ASC' } });
  const exemptions = await manager.findBy(IdleExemptionOrm, { projectId: contract.projectId });
  const far = floorAreaRatio(contract);
  const areaM2 = plot?.areaM2 ?? (contract.areaMu !== null ? muToM2(contract.areaMu) : null); // an imported 标准地 contract: its own area
  return {
    agreedStart: contract.agreedStart,
    actualStart: project?.actualStart ?? null,
    reports,
    plannedFloorAreaM2: areaM2 && far ? Math.round(areaM2 * far * 100) / 100 : null,
    totalInvestment: project?.totalInvestment ?? null,
    exemptions,
    terms: contract.agreement?.breachTerms.idle ?? DEFAULT_BREACH_TERMS.idle,
    landPriceFen: contract.landPriceFen,
  };
}

/**
 * 闲置土地 on 出让 land (标准地 contracts and ordinary grants): for each case (not started;
 * started but stalled) each level (fee, then recovery) is raised once per contract, the
 * fee with a land.penalty-assessed. Contracts are claimed FOR UPDATE SKIP LOCKED and
 * flagged in the same transaction as the events. Interval: LAND_CHECK_INTERVAL_MS.
 */
@Injectable()
export class IdleLandChecker extends ScheduledCheck {
  constructor(
    dataSource: DataSource,
    private readonly outbox: Outbox,
  ) {
    super(dataSource, 'land-idle-check', 'LAND_CHECK_INTERVAL_MS', 3_600_000);
  }

  async run(today: IsoDate = chinaDate()): Promise<{ idle: number }> {
    let raised = 0;
    const candidates = (manager: EntityManager) => manager.createQueryBuilder(ContractOrm, 'c').where(`c.agreed_start < :today AND c.idle_level_raised IS DISTINCT FROM 'recovery' AND c.stalled_level_raised IS DISTINCT FROM 'recovery'`, { today });
    await this.inBatches(candidates, async (manager, contracts) => {
      const unit = commandUnit(this.outbox, manager, SYSTEM);
      for (const contract of contracts) {
        const plot = contract.plotId ? await manager.findOneByOrFail(PlotOrm, { id: contract.plotId }) : null;
        const idle = assessIdleLand(await idleInputOf(manager, contract, plot), today);
        if (idle.level === 'none' || !idle.case) continue;
        const already = idle.case === 'not-started' ? contract.idleLevelRaised : contract.stalledLevelRaised;
        if (idle.level === already) continue;
        if (idle.case === 'not-started') contract.idleLevelRaised = idle.level;
        else contract.stalledLevelRaised = idle.level;
        await manager.save(contract);
        const plotCode = landCodeOf(contract, plot);
        await unit.publish(IdleLand, { projectId: contract.projectId, payload: { plotCode, level: idle.level, agreedStart: contract.agreedStart, daysIdle: idle.daysIdle, feeFen: idle.feeFen, case: idle.case } });
        if (idle.level === 'fee') {
          await unit.publish(PenaltyAssessed, {
            projectId: contract.projectId,
            payload: { plotCode, reason: 'idle-land', amountFen: idle.feeFen, lines: [{ code: 'idle-land', formula: 'land-price-share', amountFen: idle.feeFen }], capped: false, assessedOn: today },
          });
        }
        raised++;
      }
      return contracts.length;
    });
    return { idle: raised };
  }
}
