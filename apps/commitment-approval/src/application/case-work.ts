import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { ApprovalCaseGranted, CorrectionsRequested, ItemGranted, ItemPaused, ItemResumed, type Actor } from '@devzone/contracts';
import { seesProject, type Principal } from '@devzone/auth';
import { commandUnit, Outbox, type UnitOfWork } from '@devzone/messaging';
import { chinaCalendar, chinaDate, DomainError, type IsoDate } from '@devzone/shared-kernel';
import { decideCase, type CaseTrigger } from '../domain/case.state-machine';
import { dueDates, limitsFor, pausedWorkingDays, type PauseReason } from '../domain/item-clock';
import { decideItem, itemSatisfied, type ItemTrigger } from '../domain/item.state-machine';
import { isOpinion, OPINION_TEXT, type RecordedAct } from '../domain/opinions';
import { CaseItemOrm, CaseOpinionOrm, CaseOrm } from '../infrastructure/orm-entities';

const short = () => randomUUID().slice(0, 8).toUpperCase();

/** The item as the approval.item-* events name it. */
export const itemRef = (c: CaseOrm, item: CaseItemOrm) => ({ caseId: c.id, itemCode: item.itemCode, itemName: item.name, department: item.department });

/**
 * What the case and item commands share: the case row locked for the command's
 * transaction, the state machines asked (409 with their reason), the items' clocks
 * stopped and started with their events, and the 批复 once every item is done.
 */
@Injectable()
export class CaseWork {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
  ) {}

  /** One command: the case locked (404 when the caller may not see it), the body, the case saved, all in one transaction. */
  command(caseId: string, actor: Actor, principal: Principal, body: (unit: UnitOfWork, c: CaseOrm, today: IsoDate) => Promise<void>): Promise<string> {
    return this.dataSource.transaction(async (manager) => {
      const c = await manager.findOne(CaseOrm, { where: { id: caseId }, lock: { mode: 'pessimistic_write' } });
      if (!c || !seesProject(principal, c)) throw DomainError.notFound({ zh: `案件不存在：${caseId}`, en: `no case ${caseId}` }, 'case-not-found');
      await body(commandUnit(this.outbox, manager, actor), c, chinaDate());
      await manager.save(c);
      return c.id;
    });
  }

  move(c: CaseOrm, trigger: CaseTrigger): void {
    const d = decideCase(c.status, trigger);
    if (!d.allowed) throw DomainError.refused(d.reason, 'case-state');
    c.status = d.status;
  }

  itemMove(item: CaseItemOrm, trigger: ItemTrigger) {
    const d = decideItem(item.status, trigger);
    if (!d.allowed) throw DomainError.refused({ zh: `${item.itemCode}（${item.name}）：${d.reason.zh}`, en: `${item.itemCode}: ${d.reason.en}` }, 'item-state');
    return d.status;
  }

  items(manager: EntityManager, c: CaseOrm): Promise<CaseItemOrm[]> {
    return manager.find(CaseItemOrm, { where: { caseId: c.id }, order: { sort: 'ASC' } });
  }

  async item(manager: EntityManager, c: CaseOrm, itemCode: string): Promise<CaseItemOrm> {
    const item = await manager.findOneBy(CaseItemOrm, { caseId: c.id, itemCode });
    if (!item) throw DomainError.notFound({ zh: `本案件没有事项 ${itemCode}`, en: `the case has no item ${itemCode}` }, 'item-not-found');
    return item;
  }

  /** Recomputes an accepted item's due dates from 受理 and its pauses (as of `today`). */
  setDueDates(item: CaseItemOrm, today: IsoDate): void {
    if (!item.acceptedOn || !item.procedure) return;
    const due = dueDates(chinaCalendar, item.acceptedOn, limitsFor(item.procedure, item), item.pauses, today);
    item.legalDueOn = due.legalDueOn;
    item.promisedDueOn = due.promisedDueOn;
  }

  /** The clock stops: corrections (补正), a hearing, testing, an expert review, the commitment's publicity. */
  async pause(unit: UnitOfWork, c: CaseOrm, item: CaseItemOrm, reason: PauseReason, today: IsoDate, note?: string): Promise<void> {
    item.status = this.itemMove(item, reason === 'corrections' ? 'REQUEST_CORRECTIONS' : 'PAUSE');
    item.pauses = [...item.pauses, { reason, from: today, to: null, ...(note ? { note } : {}) }];
    const base = { caseId: c.id, itemCode: item.itemCode, itemName: item.name };
    if (reason === 'corrections') await unit.publish(CorrectionsRequested, { projectId: c.projectId, payload: { ...base, corrections: note ?? '', requestedOn: today } });
    else await unit.publish(ItemPaused, { projectId: c.projectId, payload: { ...itemRef(c, item), reason, pausedOn: today, ...(note ? { note } : {}) } });
  }

  /** The clock runs again: the open pause closes, the due dates move by the working days it took. */
  async resume(unit: UnitOfWork, c: CaseOrm, item: CaseItemOrm, today: IsoDate): Promise<void> {
    const open = item.pauses.find((p) => p.to === null);
    if (!open) throw DomainError.refused({ zh: `${item.itemCode}（${item.name}）未暂停计时`, en: `${item.itemCode} is not paused` }, 'item-state');
    item.status = this.itemMove(item, open.reason === 'corrections' ? 'RESUBMIT' : 'RESUME');
    item.pauses = item.pauses.map((p) => (p === open ? { ...p, to: today } : p));
    this.setDueDates(item, today);
    // New due dates: their warnings may be due again.
    item.dueSoonRaised = false;
    item.overdueRaised = false;
    await unit.publish(ItemResumed, {
      projectId: c.projectId,
      payload: {
        ...itemRef(c, item),
        reason: open.reason,
        resumedOn: today,
        pausedWorkingDays: pausedWorkingDays(chinaCalendar, item.pauses, today),
        legalDueOn: item.legalDueOn ?? today,
        promisedDueOn: item.promisedDueOn ?? today,
      },
    });
  }

  /** 批复: once the case awaits it and every item is granted (容缺 included) or committed; committed items are granted with it. */
  async grantIfComplete(unit: UnitOfWork, c: CaseOrm, today: IsoDate): Promise<void> {
    if (c.status !== 'DECIDING') return;
    const items = await this.items(unit.manager, c);
    if (!items.every((i) => itemSatisfied(i.status))) return;
    this.move(c, 'GRANT');
    c.decisionNumber = this.newNumber('PF', c, today);
    c.grantedOn = today;
    for (const item of items.filter((i) => i.status === 'COMMITTED')) {
      item.status = this.itemMove(item, 'GRANT');
      item.decidedOn = today;
      await unit.publish(ItemGranted, {
        projectId: c.projectId,
        payload: { ...itemRef(c, item), grantedOn: today, by: 'commitment' },
      });
    }
    await unit.manager.save(items);
    await unit.manager.save(c);
    await unit.publish(ApprovalCaseGranted, { projectId: c.projectId, payload: { caseId: c.id, decisionNumber: c.decisionNumber, grantedOn: today } });
  }

  /**
   * The 审查意见 of an act with legal effect, kept with who took it and when, in
   * the act's transaction (an act refused later in it leaves no record).
   */
  async recordOpinion(manager: EntityManager, c: CaseOrm, principal: Principal, act: RecordedAct, opinion: string, today: IsoDate, itemCode: string | null = null): Promise<void> {
    if (!isOpinion(opinion)) throw DomainError.invalid('opinion', OPINION_TEXT);
    await manager.insert(CaseOpinionOrm, {
      id: randomUUID(),
      caseId: c.id,
      itemCode,
      act,
      opinion: opinion.trim(),
      actorId: principal.sub,
      actorName: principal.name || principal.sub,
      actorRole: principal.role,
      recordedOn: today,
      recordedAt: new Date(),
    });
  }

  newNumber(prefix: string, c: CaseOrm, today: IsoDate): string {
    return `${prefix}-${c.zoneCode}-${today.slice(0, 4)}-${short()}`;
  }
}
