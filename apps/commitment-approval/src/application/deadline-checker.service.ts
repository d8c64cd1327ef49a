import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import { CommitmentDateMissed, ItemDueSoon, ItemOverdue, type Actor } from '@devzone/contracts';
import { commandUnit, Outbox, type UnitOfWork } from '@devzone/messaging';
import { ScheduledCheck } from '@devzone/platform';
import { addDays, chinaCalendar, chinaDate, type IsoDate } from '@devzone/shared-kernel';
import { MILESTONE_ZH, missedCommittedDates } from '../domain/committed-dates';
import { caseTakesItemWork } from '../domain/case.state-machine';
import { acceptanceDueOn, ACCEPTANCE_LIMIT_WORKING_DAYS } from '../domain/item-clock';
import { unmetPrerequisites } from '../domain/prerequisites';
import { CaseItemOrm, CaseOrm, CreditRecordOrm, type ZoneRulesOrm } from '../infrastructure/orm-entities';
import { itemRef } from './case-work';
import { CaseService } from './case.service';
import { CreditService } from './credit.service';
import { ItemService } from './item.service';
import { SettingsService } from './settings.service';

const SYSTEM: Actor = { id: 'deadline-checker', role: 'system' };

export interface CheckReport {
  publicityEnded: number;
  deemedAccepted: number;
  dueSoon: number;
  overdue: number;
  missingDocumentBreaches: number;
  rectificationLapses: number;
  committedDatesMissed: number;
  blacklistChecks: number;
}

/**
 * The time-limit check (ScheduledCheck: a timer in every replica, interval
 * APPROVAL_CHECK_INTERVAL_MS). Each finding is raised once: the row is claimed
 * with FOR UPDATE SKIP LOCKED, its flag set and its event written to the outbox
 * in the same transaction, so neither a second run nor a second replica raises it again.
 * Only running clocks (accepted, not paused) are checked against their due dates.
 */
@Injectable()
export class DeadlineChecker extends ScheduledCheck {
  constructor(
    dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly cases: CaseService,
    private readonly items: ItemService,
    private readonly credit: CreditService,
    private readonly settings: SettingsService,
  ) {
    super(dataSource, 'approval-deadline-check', 'APPROVAL_CHECK_INTERVAL_MS');
  }

  /** One pass as of `today` (tests pass a date; the timer passes none). */
  async run(today: IsoDate = chinaDate()): Promise<CheckReport & Record<string, number>> {
    return {
      publicityEnded: await this.endPublicity(today),
      deemedAccepted: await this.deemedAcceptance(today),
      dueSoon: await this.dueSoon(today),
      overdue: await this.overdue(today),
      missingDocumentBreaches: await this.missingDocuments(today),
      rectificationLapses: await this.rectificationLapses(today),
      committedDatesMissed: await this.committedDates(today),
      blacklistChecks: await this.lapsedMajorRecords(today),
    };
  }

  /** The candidates claimed batch by batch (ScheduledCheck.inBatches), each batch a unit of work. */
  private batches<T extends CaseOrm | CaseItemOrm>(find: (manager: EntityManager) => SelectQueryBuilder<T>, work: (unit: UnitOfWork, rows: T[]) => Promise<number>): Promise<number> {
    return this.inBatches(find, (manager, rows) => work(commandUnit(this.outbox, manager, SYSTEM), rows));
  }

  private caseRows(where: string, params: Record<string, unknown>) {
    return (manager: EntityManager) => manager.createQueryBuilder(CaseOrm, 'c').where(where, params);
  }

  private itemRows(where: string, params: Record<string, unknown>) {
    return (manager: EntityManager) => manager.createQueryBuilder(CaseItemOrm, 'i').where(where, params);
  }

  private caseOf(manager: EntityManager, caseId: string): Promise<CaseOrm> {
    return manager.findOneByOrFail(CaseOrm, { id: caseId });
  }

  private rulesOf(manager: EntityManager, c: CaseOrm, cache: Map<string, ZoneRulesOrm>): Promise<ZoneRulesOrm> {
    const key = `${c.rulesZone}@${c.rulesVersion}`;
    const known = cache.get(key);
    return known ? Promise.resolve(known) : this.settings.forCase(c, manager).then((r) => (cache.set(key, r), r));
  }

  private async endPublicity(today: IsoDate): Promise<number> {
    return this.batches(this.caseRows(`c.status = 'IN_PUBLICITY' AND c.publicity_ends_on <= :today`, { today }), async (unit, due) => {
      for (const c of due) {
        await this.cases.closePublicity(unit, c, today);
        await unit.manager.save(c);
      }
      return due.length;
    });
  }

  /** 行政许可法 第三十二条: an application neither accepted nor returned within five working days is accepted as of the day it was received. */
  private async deemedAcceptance(today: IsoDate): Promise<number> {
    // Candidates by a calendar window wider than five working days; the calendar decides.
    return this.batches(this.itemRows(`i.status = 'APPLIED' AND i.applied_on < :window`, { window: addDays(today, -ACCEPTANCE_LIMIT_WORKING_DAYS) }), async (unit, items) => {
      let accepted = 0;
      for (const item of items) {
        if (!item.appliedOn || acceptanceDueOn(chinaCalendar, item.appliedOn) >= today) continue;
        const c = await this.caseOf(unit.manager, item.caseId);
        if (!caseTakesItemWork(c.status) && c.status !== 'IN_PUBLICITY') continue;
        // An application waiting for its prerequisites cannot be accepted, by the department or by law (assumed: the department could only return it).
        if (unmetPrerequisites(item, await unit.manager.findBy(CaseItemOrm, { caseId: c.id })).length) continue;
        await this.items.acceptNow(unit, c, item, today, true);
        accepted++;
      }
      return accepted;
    });
  }

  private async dueSoon(today: IsoDate): Promise<number> {
    const rules = new Map<string, ZoneRulesOrm>();
    // Candidates within a generous calendar window; the working-day rule decides.
    const horizon = chinaCalendar.addWorkingDays(today, 30);
    return this.batches(this.itemRows(`i.status = 'ACCEPTED' AND NOT i.due_soon_raised AND i.promised_due_on >= :today AND i.promised_due_on <= :horizon`, { today, horizon }), async (unit, items) => {
      let raised = 0;
      for (const item of items) {
        const c = await this.caseOf(unit.manager, item.caseId);
        if (c.status === 'REVOKED' || !item.promisedDueOn) continue;
        const { amberWorkingDays } = await this.rulesOf(unit.manager, c, rules);
        const left = chinaCalendar.workingDaysBetween(today, item.promisedDueOn);
        if (left > amberWorkingDays) continue;
        item.dueSoonRaised = true;
        await unit.manager.save(item);
        await unit.publish(ItemDueSoon, {
          projectId: c.projectId,
          payload: { ...itemRef(c, item), dueOn: item.promisedDueOn, workingDaysLeft: left },
        });
        raised++;
      }
      return raised;
    });
  }

  private async overdue(today: IsoDate): Promise<number> {
    return this.batches(this.itemRows(`i.status = 'ACCEPTED' AND NOT i.overdue_raised AND i.promised_due_on < :today`, { today }), async (unit, items) => {
      let raised = 0;
      for (const item of items) {
        const c = await this.caseOf(unit.manager, item.caseId);
        if (c.status === 'REVOKED' || !item.promisedDueOn) continue;
        item.overdueRaised = true;
        await unit.manager.save(item);
        await unit.publish(ItemOverdue, {
          projectId: c.projectId,
          payload: {
            ...itemRef(c, item),
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
    return this.batches(this.itemRows(`i.status = 'GRANTED_PENDING_DOCUMENTS' AND NOT i.breach_recorded AND i.supply_by < :today`, { today }), async (unit, items) => {
      for (const item of items) {
        const c = await this.caseOf(unit.manager, item.caseId);
        if (c.status === 'REVOKED') continue; // the project was terminated
        item.breachRecorded = true;
        await unit.manager.save(item);
        const docs = (item.missingDocuments ?? []).map((d) => d.name).join('、');
        await this.credit.recordBreach(unit, c, 'general', `${item.name}：容缺材料（${docs}）未在 ${item.supplyBy} 前补交`, today, null);
      }
      return items.length;
    });
  }

  /** A rectification deadline passed with no re-inspection asked for: a major record (once per round). */
  private async rectificationLapses(today: IsoDate): Promise<number> {
    const rules = new Map<string, ZoneRulesOrm>();
    return this.batches(this.caseRows(`c.status = 'RECTIFYING' AND NOT c.rectification_lapse_recorded AND c.rectify_by < :today`, { today }), async (unit, lapsed) => {
      for (const c of lapsed) {
        c.rectificationLapseRecorded = true;
        await unit.manager.save(c);
        const { majorRectifyDays } = await this.rulesOf(unit.manager, c, rules);
        await this.credit.recordBreach(unit, c, 'major', `对标验收整改期限 ${c.rectifyBy} 届满，未申请复查`, today, addDays(today, majorRectifyDays));
      }
      return lapsed.length;
    });
  }

  /** Committed dates missed: a warning after the zone's grace period, a general record after its record period (once each per milestone); only once the case is granted (before, the approvals hold the project up, not the enterprise). */
  private async committedDates(today: IsoDate): Promise<number> {
    const rules = new Map<string, ZoneRulesOrm>();
    // Only cases whose committed start has passed (the earliest of the three dates) and some milestone is not yet recorded.
    return this.batches(this.caseRows(`c.commitment IS NOT NULL AND c.commitment #>> '{committedDates,start}' < :today AND c.status IN ('GRANTED', 'ACCEPTANCE_REQUESTED', 'RECTIFYING', 'ACCEPTED')
           AND c.project_stage NOT IN ('SUSPENDED', 'TERMINATED', 'FULL_PRODUCTION')
           AND NOT (c.missed_milestones @> '{"start": "record", "completion": "record", "production": "record"}')`, { today }), async (unit, cases) => {
      let raised = 0;
      for (const c of cases) {
        if (!c.commitment) continue;
        const r = await this.rulesOf(unit.manager, c, rules);
        const findings = missedCommittedDates(c.commitment.committedDates, c.projectStage, today, { graceDays: r.commitmentGraceDays, recordDays: r.commitmentRecordDays }, c.missedMilestones, c.grantedOn);
        for (const f of findings) {
          c.missedMilestones = { ...c.missedMilestones, [f.milestone]: f.level };
          await unit.publish(CommitmentDateMissed, { projectId: c.projectId, payload: { caseId: c.id, ...f } });
          if (f.level === 'record') await this.credit.recordBreach(unit, c, 'general', `承诺${MILESTONE_ZH[f.milestone]}日期 ${f.committedOn} 已过 ${f.daysLate} 天仍未${MILESTONE_ZH[f.milestone]}`, today, null);
          raised++;
        }
        if (findings.length) await unit.manager.save(c);
      }
      return raised;
    });
  }

  /** Major records whose rectification deadline passed: the blacklist rule may now apply. */
  private async lapsedMajorRecords(today: IsoDate): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const unit = commandUnit(this.outbox, manager, SYSTEM);
      const lapsed = await unit.manager
        .createQueryBuilder(CreditRecordOrm, 'r')
        .where(`r.severity = 'major' AND r.rectified_on IS NULL AND r.repaired_on IS NULL AND r.rectify_by < :today`, { today })
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
