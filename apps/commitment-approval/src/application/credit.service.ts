import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, In } from 'typeorm';
import { Blacklisted, BlacklistLifted, BreachRecorded, CreditRepaired, type Actor, type BreachSeverity } from '@devzone/contracts';
import { coversZone, isProvinceWide, type Principal } from '@devzone/auth';
import { pageOf, type Page, type PageQuery } from '@devzone/platform';
import { commandUnit, Outbox, type UnitOfWork } from '@devzone/messaging';
import { chinaDate, DomainError, type IsoDate } from '@devzone/shared-kernel';
import { blacklistReason, repairableFrom, repairRefusal, type CreditPolicy } from '../domain/credit-policy';
import type { CreditRecordView, CreditView } from '../api/credit.views';
import type { CreditRecordState } from '../api/requests.dto';
import { BlacklistOrm, CaseOrm, CreditRecordOrm } from '../infrastructure/orm-entities';
import { SettingsService } from './settings.service';

/** A credit record as answered, with the day it may be repaired from (null: its case is unknown here). */
function creditRecordView(r: CreditRecordOrm, repairable: IsoDate | null): CreditRecordView {
  return {
    id: r.id,
    creditCode: r.creditCode,
    enterpriseName: r.enterpriseName,
    caseId: r.caseId,
    projectId: r.projectId,
    severity: r.severity,
    reason: r.reason,
    recordedOn: r.recordedOn,
    rectifyBy: r.rectifyBy,
    rectifiedOn: r.rectifiedOn,
    rectificationNote: r.rectificationNote,
    repairedOn: r.repairedOn,
    repairNote: r.repairNote,
    repairableFrom: repairable,
  };
}

/**
 * Credit records (异常信用记录), the blacklist, the rectification of a record
 * (整改) and its repair (信用修复, only after the rectification and the record's
 * minimum publicity: domain/credit-policy.ts).
 */
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
      repairedOn: null,
      repairNote: null,
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
    const settings = await this.settings.forZone(zoneCode, today, manager);
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

  /** 整改: the rectification of a record is recorded (the enterprise fixed what it broke); a lapsed major record no longer blacklists. */
  rectify(recordId: string, note: string, actor: Actor, principal: Principal) {
    return this.onRecord(recordId, actor, principal, async (unit, record, c, today) => {
      if (record.rectifiedOn) throw DomainError.refused({ zh: `该记录已于 ${record.rectifiedOn} 登记整改`, en: `the rectification was recorded on ${record.rectifiedOn}` }, 'already-rectified');
      record.rectifiedOn = today;
      record.rectificationNote = note;
      await unit.manager.save(record);
      await this.evaluate(unit, record.creditCode, c.zoneCode, record.projectId, today);
    });
  }

  /** 信用修复: after the rectification and the record's minimum publicity (409 before), the record no longer counts. */
  repair(recordId: string, note: string, actor: Actor, principal: Principal) {
    return this.onRecord(recordId, actor, principal, async (unit, record, c, today) => {
      const refusal = repairRefusal(record, await this.settings.forCase(c, unit.manager), today);
      if (refusal) throw DomainError.refused(refusal, 'repair-refused');
      record.repairedOn = today;
      record.repairNote = note;
      await unit.manager.save(record);
      await unit.publish(CreditRepaired, {
        projectId: record.projectId,
        payload: { recordId: record.id, caseId: record.caseId, creditCode: record.creditCode, enterpriseName: record.enterpriseName, severity: record.severity, repairedOn: today },
      });
      await this.evaluate(unit, record.creditCode, c.zoneCode, record.projectId, today);
    });
  }

  /** One command on a record, in one transaction; answers the record as it is then. */
  private onRecord(recordId: string, actor: Actor, principal: Principal, body: (unit: UnitOfWork, record: CreditRecordOrm, c: CaseOrm, today: string) => Promise<void>): Promise<CreditRecordView> {
    return this.dataSource.transaction(async (manager) => {
      const unit = commandUnit(this.outbox, manager, actor);
      const record = await manager.findOne(CreditRecordOrm, { where: { id: recordId }, lock: { mode: 'pessimistic_write' } });
      const c = record ? await manager.findOneBy(CaseOrm, { id: record.caseId }) : null;
      if (!record || !c || !coversZone(principal, c.zoneCode)) throw DomainError.notFound({ zh: `信用记录不存在：${recordId}`, en: `no credit record ${recordId}` }, 'record-not-found');
      await body(unit, record, c, chinaDate());
      return creditRecordView(record, repairableFrom(record, await this.settings.forCase(c, manager)));
    });
  }

  /**
   * 信用记录查询: the records the caller may see (an enterprise its own; province-wide
   * roles every zone's; the others their zones', by the zone of the record's case),
   * by part of the enterprise's name (pg_trgm, migration 1764800000000) or of its
   * credit code, newest first; filtered, counted and paged in SQL.
   */
  async records(q: { q?: string; zone?: string; status?: CreditRecordState } & PageQuery, principal: Principal): Promise<Page<CreditRecordView>> {
    const { page, pageSize, skip, take } = pageOf(q);
    if (q.zone && principal.role !== 'enterprise' && !coversZone(principal, q.zone)) return { items: [], total: 0, page, pageSize };
    const query = this.dataSource.getRepository(CreditRecordOrm).createQueryBuilder('r').innerJoin(CaseOrm, 'c', 'c.id = r.case_id');
    if (principal.role === 'enterprise') query.andWhere('r.credit_code = :own', { own: principal.creditCode ?? '' });
    else if (!isProvinceWide(principal)) query.andWhere('c.zone_code IN (:...zones)', { zones: principal.zones.length ? principal.zones : [''] });
    if (q.zone) query.andWhere('c.zone_code = :zone', { zone: q.zone });
    if (q.status === 'unrectified') query.andWhere('r.rectified_on IS NULL');
    if (q.status === 'unrepaired') query.andWhere('r.repaired_on IS NULL');
    if (q.status === 'repaired') query.andWhere('r.repaired_on IS NOT NULL');
    if (q.q) {
      const like = q.q.toLowerCase() === q.q.toUpperCase() ? 'LIKE' : 'ILIKE';
      const pattern = `%${q.q.replace(/[\\%_]/g, '\\$&')}%`;
      query.andWhere(`(r.enterprise_name ${like} :pattern OR r.credit_code::text ${like} :pattern)`, { pattern });
    }
    const [records, total] = await query.orderBy('r.recordedOn', 'DESC').addOrderBy('r.id', 'ASC').offset(skip).limit(take).getManyAndCount() // one case per record: LIMIT is a page;
    return { items: await this.withRepairDates(records), total, page, pageSize };
  }

  async creditOf(creditCode: string): Promise<CreditView> {
    const [records, listed] = await Promise.all([
      this.dataSource.getRepository(CreditRecordOrm).find({ where: { creditCode }, order: { recordedOn: 'ASC' } }),
      this.dataSource.getRepository(BlacklistOrm).findOneBy({ creditCode }),
    ]);
    const withDates = await this.withRepairDates(records);
    const blacklist = listed ? { creditCode: listed.creditCode, enterpriseName: listed.enterpriseName, reason: listed.reason, since: listed.since } : null;
    return { creditCode, blacklisted: listed !== null, blacklist, records: withDates };
  }

  /** The records as answered, each with the day it may be repaired from by its case's rules. */
  private async withRepairDates(records: CreditRecordOrm[]): Promise<CreditRecordView[]> {
    // The repair period each record's case rules set: the cases in one query, each rules version read once.
    const cases = records.length ? await this.dataSource.getRepository(CaseOrm).findBy({ id: In([...new Set(records.map((r) => r.caseId))]) }) : [];
    const rules = new Map<string, Promise<CreditPolicy>>();
    const rulesOf = (c: CaseOrm) => {
      const key = `${c.rulesZone}@${c.rulesVersion}`;
      const known = rules.get(key) ?? this.settings.forCase(c);
      rules.set(key, known);
      return known;
    };
    return Promise.all(
      records.map(async (r) => {
        const c = cases.find((x) => x.id === r.caseId);
        return creditRecordView(r, c ? repairableFrom(r, await rulesOf(c)) : null);
      }),
    );
  }
}
