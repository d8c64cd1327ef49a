import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { IdleLand, PenaltyAssessed, type Actor } from '@devzone/contracts';
import { commandUnit, Outbox } from '@devzone/messaging';
import { ScheduledCheck } from '@devzone/platform';
import { chinaDate, type IsoDate } from '@devzone/shared-kernel';
import { idleLand } from '../domain/consequences';
import { ContractOrm, LandProjectOrm, PlotOrm } from '../infrastructure/orm-entities';

const SYSTEM: Actor = { id: 'idle-land-check', role: 'system' };

/** 闲置土地: each contract's level (fee, then recovery) is raised once, with its fee. Interval: LAND_CHECK_INTERVAL_MS. */
@Injectable()
export class IdleLandChecker extends ScheduledCheck {
  constructor(
    dataSource: DataSource,
    private readonly outbox: Outbox,
  ) {
    super(dataSource, 'land-idle-check', 'LAND_CHECK_INTERVAL_MS', 3_600_000);
  }

  async run(today: IsoDate = chinaDate()): Promise<{ idle: number }> {
    return this.dataSource.transaction(async (manager) => {
      const unit = commandUnit(this.outbox, manager, SYSTEM);
      const contracts = await manager
        .createQueryBuilder(ContractOrm, 'c')
        .setLock('pessimistic_write')
        .setOnLocked('skip_locked')
        .where(`c.agreed_start < :today AND (c.idle_level_raised IS NULL OR c.idle_level_raised = 'fee')`, { today })
        .getMany();
      let raised = 0;
      for (const contract of contracts) {
        const project = await manager.findOneBy(LandProjectOrm, { projectId: contract.projectId });
        const idle = idleLand(contract.agreedStart, project?.actualStart ?? null, today, contract.agreement.breachTerms, contract.landPriceFen);
        if (idle.level === 'none' || idle.level === contract.idleLevelRaised) continue;
        contract.idleLevelRaised = idle.level;
        await manager.save(contract);
        const plot = await manager.findOneByOrFail(PlotOrm, { id: contract.plotId });
        await unit.publish(IdleLand, { projectId: contract.projectId, payload: { plotCode: plot.code, level: idle.level, agreedStart: contract.agreedStart, daysIdle: idle.daysIdle, feeFen: idle.feeFen } });
        if (idle.level === 'fee') {
          await unit.publish(PenaltyAssessed, {
            projectId: contract.projectId,
            payload: { plotCode: plot.code, reason: 'idle-land', amountFen: idle.feeFen, lines: [{ code: 'idle-land', formula: 'land-price-share', amountFen: idle.feeFen }], capped: false, assessedOn: today },
          });
        }
        raised++;
      }
      return { idle: raised };
    });
  }
}
