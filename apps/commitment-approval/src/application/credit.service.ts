import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Blacklisted, BlacklistLifted, BreachRecorded, type Actor, type BreachSeverity } from '@devzone/contracts';
import { coversZone, type Principal } from '@devzone/auth';
import { commandUnit, Outbox, type UnitOfWork } from '@devzone/messaging';
import { chinaDate, DomainError, type IsoDate } from '@devzone/shared-kernel';
import { blacklistReason } from '../domain/credit-policy';
import { BlacklistOrm, CreditRecordOrm, type CaseOrm } from '../infrastructure/orm-entities';
import { SettingsService } from './settings.service';

/** Credit records (异常信用记录), the blacklist and credit repair. */
@Injectable()
export class CreditService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly settings: SettingsService,
  ) {}

  async isBlacklisted(unit: UnitOfWork, creditCode: string): Promise<BlacklistOrm | null> {
    return unit.manager.findOneBy(BlacklistOrm, { creditCode });
  }

  async recordBreach(unit: UnitOfWork, c: CaseOrm, severity: BreachSeverity, reason: string, today: IsoDate, rectifyBy: IsoDate | null): Promise<CreditRecordOrm> {
    const record = unit.manager.create(CreditRecordOrm, {
      id: randomUUID(),
      creditCode: c.creditCode,
      enterpriseName: c.enterpriseName,
      caseId: c.id,
      projectId: c.projectId,
      severity,
      reason,
      recordedOn: today,
      rectifyBy,
      rectifiedOn: null,
      rectificationNote: null,
    });
    await unit.manager.insert(CreditRecordOrm, record);
    await unit.publish(BreachRecorded, {
      projectId: c.projectId,
      payload: { recordId: record.id, caseId: c.id, creditCode: c.creditCode, enterpriseName: c.enterpriseName, severity, reason, recordedOn: today, ...(rectifyBy ? { rectifyBy } : {}) },
    });
    await this.evaluate(unit, c.creditCode, c.zoneCode, c.projectId, today);
    return record;
  }

  /** Puts the enterprise on the blacklist, or takes it off, as its records now say. */
  async evaluate(unit: UnitOfWork, creditCode: string, zoneCode: string, projectId: string, today: IsoDate): Promise<void> {
    const { manager } = unit;
    // One enterprise at a time: concurrent evaluations would both insert or both delete.
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('credit:' || $1))`, [creditCode]);
    const records = await manager.findBy(CreditRecordOrm, { creditCode });
    const settings = await this.settings.forZone(zoneCode, manager);
    const reason = blacklistReason(records, settings, today);
    const listed = await manager.findOneBy(BlacklistOrm, { creditCode });
    const enterpriseName = records[0]?.enterpriseName ?? listed?.enterpriseName ?? creditCode;
    if (reason && !listed) {
      await manager.insert(BlacklistOrm, { creditCode, enterpriseName, reason: `${reason.zh} (${reason.en})`, since: today });
      await unit.publish(Blacklisted, { projectId, payload: { creditCode, enterpriseName, reason: reason.zh, since: today } });
    } else if (!reason && listed) {
      await manager.delete(BlacklistOrm, { creditCode });
      await unit.publish(BlacklistLifted, { projectId, payload: { creditCode, enterpriseName, liftedOn: today } });
    }
  }

  /** 信用修复: a record is rectified; the blacklist is re-evaluated. */
  async rectify(recordId: string, note: string, actor: Actor, principal: Principal) {
    return this.dataSource.transaction(async (manager) => {
      const unit = commandUnit(this.outbox, manager, actor);
      const record = await manager.findOne(CreditRecordOrm, { where: { id: recordId }, lock: { mode: 'pessimistic_write' } });
      const zone: string | undefined = record ? (await manager.query(`SELECT zone_code FROM cases WHERE id = $1`, [record.caseId]))[0]?.zone_code : undefined;
      if (!record || !zone || !coversZone(principal, zone)) throw DomainError.notFound({ zh: `信用记录不存在：${recordId}`, en: `no credit record ${recordId}` });
      if (record.rectifiedOn) throw DomainError.refused({ zh: `该记录已于 ${record.rectifiedOn} 整改`, en: `already rectified on ${record.rectifiedOn}` });
      const today = chinaDate();
      record.rectifiedOn = today;
      record.rectificationNote = note;
      await manager.save(record);
      await this.evaluate(unit, record.creditCode, zone, record.projectId, today);
      return record;
    });
  }

  async creditOf(creditCode: string) {
    const [records, listed] = await Promise.all([
      this.dataSource.getRepository(CreditRecordOrm).find({ where: { creditCode }, order: { recordedOn: 'ASC' } }),
      this.dataSource.getRepository(BlacklistOrm).findOneBy({ creditCode }),
    ]);
    return { creditCode, blacklisted: listed !== null, blacklist: listed, records };
  }
}
