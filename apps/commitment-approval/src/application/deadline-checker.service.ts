import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { ItemDueSoon, ItemOverdue, type Actor } from '@devzone/contracts';
import { commandUnit, Outbox, type UnitOfWork } from '@devzone/messaging';
import { ScheduledCheck } from '@devzone/platform';
import { chinaCalendar, chinaDate, type IsoDate } from '@devzone/shared-kernel';
import { CaseItemOrm, CaseOrm, CreditRecordOrm } from '../infrastructure/orm-entities';
import { CaseService } from './case.service';
import { CreditService } from './credit.service';
import { SettingsService } from './settings.service';

const SYSTEM: Actor = { id: 'deadline-checker', role: 'system' };
const OPEN = `('PENDING', 'COMMITTED', 'UNDER_REVIEW', 'CORRECTIONS_REQUESTED')`;

export interface CheckReport {
  publicityEnded: number;
  dueSoon: number;
  overdue: number;
  missingDocumentBreaches: number;
  blacklistChecks: number;
}

/**
 * The time-limit check (ScheduledCheck: a timer in every replica, interval
 * APPROVAL_CHECK_INTERVAL_MS). Each finding is raised once: the row is claimed
 * with FOR UPDATE SKIP LOCKED, its flag set and its event written to the outbox
 * in the same transaction, so neither a second run nor a second replica raises it again.
 */
@Injectable()
export class DeadlineChecker extends ScheduledCheck {
  constructor(
    dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly cases: CaseService,
    private readonly credit: CreditService,
    private readonly settings: SettingsService,
  ) {
    super(dataSource, 'approval-deadline-check', 'APPROVAL_CHECK_INTERVAL_MS');
  }

  /** One pass as of `today` (tests pass a date; the timer passes none). */
  async run(today: IsoDate = chinaDate()): Promise<CheckReport & Record<string, number>> {
    return {
      publicityEnded: await this.endPublicity(today),
      dueSoon: await this.dueSoon(today),
      overdue: await this.overdue(today),
      missingDocumentBreaches: await this.missingDocuments(today),
      blacklistChecks: await this.lapsedMajorRecords(today),
    };
  }

  private tx<T>(body: (unit: UnitOfWork) => Promise<T>): Promise<T> {
    return this.dataSource.transaction((manager) => body(commandUnit(this.outbox, manager, SYSTEM)));
  }

  private async endPublicity(today: IsoDate): Promise<number> {
    return this.tx(async (unit) => {
      const due = await unit.manager
        .createQueryBuilder(CaseOrm, 'c')
        .setLock('pessimistic_write')
        .setOnLocked('skip_locked')
        .where(`c.status = 'IN_PUBLICITY' AND c.publicity_ends_on <= :today`, { today })
        .getMany();
      for (const c of due) {
        await this.cases.closePublicity(unit, c, today);
        await unit.manager.save(c);
      }
      return due.length;
    });
  }

  private claimItems(manager: EntityManager, where: string, params: Record<string, unknown>): Promise<CaseItemOrm[]> {
    return manager.createQueryBuilder(CaseItemOrm, 'i').setLock('pessimistic_write').setOnLocked('skip_locked').where(where, params).getMany();
  }

  private async caseOf(manager: EntityManager, caseId: string): Promise<CaseOrm> {
    return manager.findOneByOrFail(CaseOrm, { id: caseId });
  }

  private async dueSoon(today: IsoDate): Promise<number> {
    return this.tx(async (unit) => {
      // Candidates within a generous calendar window; the working-day rule decides.
      const horizon = chinaCalendar.addWorkingDays(today, 30);
      const items = await this.claimItems(unit.manager, `i.status IN ${OPEN} AND NOT i.due_soon_raised AND i.promised_due_on >= :today AND i.promised_due_on <= :horizon`, { today, horizon });
      let raised = 0;
      for (const item of items) {
        const c = await this.caseOf(unit.manager, item.caseId);
        if (c.status === 'REVOKED') continue;
        const { amberWorkingDays } = await this.settings.forZone(c.zoneCode, unit.manager);
        const left = chinaCalendar.workingDaysBetween(today, item.promisedDueOn);
        if (left > amberWorkingDays) continue;
        item.dueSoonRaised = true;
        await unit.manager.save(item);
        await unit.publish(ItemDueSoon, {
          projectId: c.projectId,
          payload: { caseId: c.id, itemCode: item.itemCode, itemName: item.name, department: item.department, dueOn: item.promisedDueOn, workingDaysLeft: left },
        });
        raised++;
      }
      return raised;
    });
  }

  private async overdue(today: IsoDate): Promise<number> {
    return this.tx(async (unit) => {
      const items = await this.claimItems(unit.manager, `i.status IN ${OPEN} AND NOT i.overdue_raised AND i.promised_due_on < :today`, { today });
      let raised = 0;
      for (const item of items) {
        const c = await this.caseOf(unit.manager, item.caseId);
        if (c.status === 'REVOKED') continue;
        item.overdueRaised = true;
        await unit.manager.save(item);
        await unit.publish(ItemOverdue, {
          projectId: c.projectId,
          payload: {
            caseId: c.id,
            itemCode: item.itemCode,
            itemName: item.name,
            department: item.department,
            dueOn: item.promisedDueOn,
            workingDaysLate: Math.max(1, chinaCalendar.workingDaysBetween(item.promisedDueOn, today)),
          },
        });
        raised++;
      }
      return raised;
    });
  }

  /** 容缺 documents not supplied by their deadline: a general breach of the commitment. */
  private async missingDocuments(today: IsoDate): Promise<number> {
    return this.tx(async (unit) => {
      const items = await this.claimItems(unit.manager, `i.status = 'GRANTED_PENDING_DOCUMENTS' AND NOT i.breach_recorded AND i.supply_by < :today`, { today });
      for (const item of items) {
        const c = await this.caseOf(unit.manager, item.caseId);
        item.breachRecorded = true;
        await unit.manager.save(item);
        const docs = (item.missingDocuments ?? []).map((d) => d.name).join('、');
        await this.credit.recordBreach(unit, c, 'general', `${item.name}：容缺材料（${docs}）未在 ${item.supplyBy} 前补交`, today, null);
      }
      return items.length;
    });
  }

  /** Major records whose rectification deadline passed: the blacklist rule may now apply. */
  private async lapsedMajorRecords(today: IsoDate): Promise<number> {
    return this.tx(async (unit) => {
      const lapsed = await unit.manager
        .createQueryBuilder(CreditRecordOrm, 'r')
        .where(`r.severity = 'major' AND r.rectified_on IS NULL AND r.rectify_by < :today`, { today })
        .andWhere(`NOT EXISTS (SELECT 1 FROM blacklist b WHERE b.credit_code = r.credit_code)`)
        .getMany();
      for (const record of lapsed) {
        const c = await this.caseOf(unit.manager, record.caseId);
        await this.credit.evaluate(unit, record.creditCode, c.zoneCode, record.projectId, today);
      }
      return lapsed.length;
    });
  }
}
