import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { PenaltyAssessed, type Actor } from '@devzone/contracts';
import { commandUnit, Outbox } from '@devzone/messaging';
import { ScheduledCheck } from '@devzone/platform';
import { chinaDate, type IsoDate } from '@devzone/shared-kernel';
import { rectificationLapsed } from '../domain/consequences';
import { ContractOrm, LandCheckOrm, PlotOrm } from '../infrastructure/orm-entities';
import { penaltyLines } from './land-checks.service';
import { landCodeOf } from './project-access';

const SYSTEM: Actor = { id: 'land-deadline-check', role: 'system' };

/**
 * A rectification period over without a passed re-check: the penalty the failed check
 * would cost (its consequence, computed when it failed) is assessed, once per check —
 * rows are claimed FOR UPDATE SKIP LOCKED and closed in the same transaction as the
 * event. Interval: LAND_CHECK_INTERVAL_MS.
 */
@Injectable()
export class LandDeadlineChecker extends ScheduledCheck {
  constructor(
    dataSource: DataSource,
    private readonly outbox: Outbox,
  ) {
    super(dataSource, 'land-deadline-check', 'LAND_CHECK_INTERVAL_MS', 3_600_000);
  }

  async run(today: IsoDate = chinaDate()): Promise<{ lapsed: number }> {
    let lapsed = 0;
    const candidates = (manager: EntityManager) => manager.createQueryBuilder(LandCheckOrm, 'k').where(`k.state = 'rectifying' AND k.rectify_by < :today`, { today });
    await this.inBatches(candidates, async (manager, checks) => {
      const unit = commandUnit(this.outbox, manager, SYSTEM);
      for (const check of checks) {
        if (!rectificationLapsed(check, today)) continue;
        check.state = 'penalty-assessed';
        check.penaltyFen = check.consequence.penaltyFen;
        check.penaltyReason = 'rectification-lapsed';
        check.assessedOn = today;
        await manager.save(check);
        const contract = await manager.findOneByOrFail(ContractOrm, { id: check.contractId });
        const plot = contract.plotId ? await manager.findOneByOrFail(PlotOrm, { id: contract.plotId }) : null;
        await unit.publish(PenaltyAssessed, {
          projectId: contract.projectId,
          payload: {
            plotCode: landCodeOf(contract, plot),
            reason: 'rectification-lapsed',
            stage: check.stage,
            amountFen: check.penaltyFen,
            lines: penaltyLines(check.consequence),
            capped: check.consequence.capped,
            assessedOn: today,
          },
        });
        lapsed++;
      }
      return checks.length;
    });
    return { lapsed };
  }
}
