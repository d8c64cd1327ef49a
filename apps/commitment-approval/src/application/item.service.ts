import { Injectable } from '@nestjs/common';
import { GrantRevoked, ItemAccepted, ItemApplied, ItemGranted, ItemRejected, type Actor } from '@devzone/contracts';
import type { Principal } from '@devzone/auth';
import type { UnitOfWork } from '@devzone/messaging';
import { chinaCalendar, DomainError, type IsoDate } from '@devzone/shared-kernel';
import { acceptanceDueOn, endsByItself, openPause, PAUSE_REASON_ZH, type PauseReason } from '../domain/item-clock';
import { actsForItemDepartment, caseTakesItemCommand, ITEM_COMMANDS, type ItemAction } from '../domain/permissions';
import { decisionAct, type OpinionInput } from '../domain/opinions';
import { unmetPrerequisites } from '../domain/prerequisites';
import type { CaseItemOrm, CaseOrm } from '../infrastructure/orm-entities';
import { CaseWork, itemRef } from './case-work';
import { CreditService } from './credit.service';
import { SettingsService } from './settings.service';

export type ItemDecisionKind = 'grant' | 'grant-with-missing-documents' | 'request-corrections' | 'reject';

export interface ItemDecisionInput extends OpinionInput {
  decision: ItemDecisionKind;
  missingDocuments?: string[];
  supplyBy?: IsoDate;
  reason?: string;
}

/** The project stages before construction: a grant revoked then sends the case (and the project) back to deciding. */
const BEFORE_CONSTRUCTION = ['SIGNED', 'APPROVING', 'READY_TO_START'];

/**
 * An approval item's own steps (行政许可法): the enterprise or its agent applies;
 * the item's department accepts it (受理: its clock starts; its prerequisites must
 * be granted first), pauses and resumes its clock, asks for corrections, decides;
 * the enterprise resubmits and supplies 容缺 documents; a grant obtained by a false
 * commitment is revoked (撤销). Only the item's own department (a
 * department-officer with that department) or an administrator acts for the
 * department; the zone officer coordinates the case (CaseService).
 */
@Injectable()
export class ItemService {
  constructor(
    private readonly work: CaseWork,
    private readonly settings: SettingsService,
    private readonly credit: CreditService,
  ) {}

  /** 申请: the enterprise (or its agent) applies; the department has five working days to accept it or return it. */
  apply(caseId: string, itemCode: string, actor: Actor, principal: Principal) {
    return this.itemCommand(caseId, itemCode, actor, principal, 'application', async (unit, c, item, today) => {
      if (item.status === 'REVOKED') item.procedure = 'ordinary'; // a revoked commitment is replaced by the ordinary procedure
      if (!item.procedure) throw DomainError.refused({ zh: `${item.itemCode}（${item.name}）须先在承诺书中选择承诺制或一般程序`, en: `choose the procedure of ${item.itemCode} in the commitment first` }, 'procedure-not-chosen');
      item.status = this.work.itemMove(item, 'APPLY');
      item.appliedOn = today;
      item.acceptanceDueOn = acceptanceDueOn(chinaCalendar, today);
      item.acceptedOn = null;
      item.deemedAccepted = false;
      item.pauses = [];
      item.legalDueOn = null;
      item.promisedDueOn = null;
      await unit.publish(ItemApplied, { projectId: c.projectId, payload: { ...itemRef(c, item), appliedOn: today, acceptanceDueOn: item.acceptanceDueOn } });
    });
  }

  /** 受理: the clock starts (its prerequisites must be granted or committed: 409 naming them); the opinion is recorded. */
  accept(caseId: string, itemCode: string, input: OpinionInput, actor: Actor, principal: Principal) {
    return this.itemCommand(caseId, itemCode, actor, principal, 'acceptance', async (unit, c, item, today) => {
      const unmet = unmetPrerequisites(item, await this.work.items(unit.manager, c));
      if (unmet.length) {
        throw DomainError.refused(
          { zh: `${item.itemCode}（${item.name}）须待前置事项办结后受理：${unmet.map((u) => `${u.itemCode} ${u.name}`).join('、')}`, en: `${item.itemCode} waits for ${unmet.map((u) => u.itemCode).join(', ')}` },
          'prerequisites-not-granted',
        );
      }
      await this.acceptNow(unit, c, item, today, false);
      await this.work.recordOpinion(unit.manager, c, principal, 'item-accepted', input.opinion, today, item.itemCode);
    });
  }

  /** 受理 by the department, or by law (the application waited more than five working days: the clock runs from the day it was received). */
  async acceptNow(unit: UnitOfWork, c: CaseOrm, item: CaseItemOrm, today: IsoDate, deemed: boolean): Promise<void> {
    item.status = this.work.itemMove(item, 'ACCEPT');
    item.acceptedOn = deemed ? (item.appliedOn ?? today) : today;
    item.deemedAccepted = deemed;
    this.work.setDueDates(item, today);
    await unit.manager.save(item);
    await unit.publish(ItemAccepted, {
      projectId: c.projectId,
      payload: { ...itemRef(c, item), procedure: item.procedure ?? 'approval', acceptedOn: item.acceptedOn, deemed, legalDueOn: item.legalDueOn ?? today, promisedDueOn: item.promisedDueOn ?? today },
    });
    if (c.status === 'IN_PUBLICITY') await this.work.pause(unit, c, item, 'publicity', today); // accepted by law during publicity: the clock waits for its end
  }

  /** 暂停计时: a hearing, testing or an expert review (corrections: the decision request-corrections; publicity: the case). */
  pause(caseId: string, itemCode: string, input: { reason: Exclude<PauseReason, 'corrections' | 'publicity'>; note?: string }, actor: Actor, principal: Principal) {
    return this.itemCommand(caseId, itemCode, actor, principal, 'pause', async (unit, c, item, today) => {
      await this.work.pause(unit, c, item, input.reason, today, input.note);
    });
  }

  /** 恢复计时 after a hearing, testing or an expert review (a correction resumes when the enterprise resubmits; publicity when it ends). */
  resume(caseId: string, itemCode: string, actor: Actor, principal: Principal) {
    return this.itemCommand(caseId, itemCode, actor, principal, 'resume', async (unit, c, item, today) => {
      const open = openPause(item.pauses);
      if (open && endsByItself(open.reason)) {
        throw DomainError.refused({ zh: `${PAUSE_REASON_ZH[open.reason]}期间的暂停由${open.reason === 'publicity' ? '公示结束' : '企业补正后重新提交'}恢复`, en: `a ${open.reason} pause ends by itself` }, 'item-state');
      }
      await this.work.resume(unit, c, item, today);
    });
  }

  /** 准予 / 容缺准予 / 要求补正 (the clock stops) / 不予许可 (or 不予受理 before 受理); the opinion is recorded (the act refused: nothing is). */
  decide(caseId: string, itemCode: string, input: ItemDecisionInput, actor: Actor, principal: Principal) {
    return this.itemCommand(caseId, itemCode, actor, principal, 'decision', async (unit, c, item, today) => {
      const base = { caseId: c.id, itemCode: item.itemCode, itemName: item.name };
      await this.work.recordOpinion(unit.manager, c, principal, decisionAct(input.decision, item.status), input.opinion, today, item.itemCode);
      if (input.decision === 'request-corrections' || input.decision === 'reject') {
        if (!input.reason) throw DomainError.invalid('reason', { zh: '须说明理由', en: 'reason is required' });
        item.note = input.reason;
        if (input.decision === 'request-corrections') return this.work.pause(unit, c, item, 'corrections', today, input.reason);
        item.status = this.work.itemMove(item, 'REJECT');
        item.decidedOn = today;
        item.pauses = item.pauses.map((p) => (p.to === null ? { ...p, to: today } : p));
        await unit.publish(ItemRejected, { projectId: c.projectId, payload: { ...base, reason: input.reason, rejectedOn: today } });
        return;
      }
      let missing: { code: string; name: string }[] | undefined;
      if (input.decision === 'grant-with-missing-documents') {
        if (item.procedure === 'ordinary') throw DomainError.refused({ zh: `${item.itemCode}（${item.name}）按一般程序办理，须材料齐全，不适用容缺`, en: 'an item under the ordinary procedure needs full documents' }, 'ordinary-needs-full-documents');
        missing = this.missingDocuments(item, input);
        const { maxMissingDocumentsWorkingDays } = await this.settings.forCase(c, unit.manager);
        const latest = chinaCalendar.addWorkingDays(today, maxMissingDocumentsWorkingDays);
        if (!input.supplyBy || input.supplyBy < today || input.supplyBy > latest) {
          throw DomainError.invalid('supplyBy', { zh: `补交期限应在今天至 ${latest} 之间（不超过 ${maxMissingDocumentsWorkingDays} 个工作日）`, en: `supplyBy must be between today and ${latest}` });
        }
        item.missingDocuments = missing;
        item.supplyBy = input.supplyBy;
      }
      item.status = this.work.itemMove(item, input.decision === 'grant' ? 'GRANT' : 'GRANT_WITH_MISSING_DOCUMENTS');
      item.decidedOn = today;
      await unit.publish(ItemGranted, {
        projectId: c.projectId,
        payload: { ...itemRef(c, item), grantedOn: today, by: 'decision', ...(missing ? { missingDocuments: missing, supplyBy: input.supplyBy } : {}) },
      });
      await unit.manager.save(item);
      await this.work.grantIfComplete(unit, c, today);
    });
  }

  /** The enterprise resubmits after corrections: the clock runs again, its due dates moved by the working days it stood. */
  resubmit(caseId: string, itemCode: string, actor: Actor, principal: Principal) {
    return this.itemCommand(caseId, itemCode, actor, principal, 'resubmit', async (unit, c, item, today) => {
      if (item.status !== 'CORRECTIONS_REQUESTED') item.status = this.work.itemMove(item, 'RESUBMIT'); // refused with the machine's reason
      await this.work.resume(unit, c, item, today);
      if (c.status === 'IN_PUBLICITY') await this.work.pause(unit, c, item, 'publicity', today); // resubmitted during publicity: the clock waits for its end
    });
  }

  /** The enterprise supplies the documents accepted as missing (容缺). */
  supplyDocuments(caseId: string, itemCode: string, actor: Actor, principal: Principal) {
    return this.itemCommand(caseId, itemCode, actor, principal, 'documents-supplied', async (_unit, _c, item, today) => {
      item.status = this.work.itemMove(item, 'SUPPLY_DOCUMENTS');
      item.suppliedOn = today;
    });
  }

  /**
   * 虚假承诺: the grant an item obtained by commitment is revoked (撤销), a 严重
   * credit record is made, and — before construction — the case goes back to
   * deciding (project-intake takes the project back to 审批中). The item may be
   * applied for again, by 一般程序.
   */
  revoke(caseId: string, itemCode: string, input: OpinionInput & { reason: string }, actor: Actor, principal: Principal) {
    return this.itemCommand(caseId, itemCode, actor, principal, 'revocation', async (unit, c, item, today) => {
      if (item.procedure !== 'commitment') throw DomainError.refused({ zh: `${item.itemCode}（${item.name}）不是依承诺准予的，不适用虚假承诺撤销`, en: 'only a grant obtained by commitment is revoked for a false commitment' }, 'not-committed');
      item.status = this.work.itemMove(item, 'REVOKE');
      await this.work.recordOpinion(unit.manager, c, principal, 'revocation', input.opinion, today, item.itemCode);
      item.revokedOn = today;
      item.revocationReason = input.reason;
      const reopened = c.status === 'GRANTED' && BEFORE_CONSTRUCTION.includes(c.projectStage);
      if (reopened) this.work.move(c, 'REOPEN');
      await unit.manager.save(item);
      await unit.publish(GrantRevoked, { projectId: c.projectId, payload: { ...itemRef(c, item), reason: input.reason, revokedOn: today, caseReopened: reopened } });
      await this.credit.recordBreach(unit, c, 'serious', `虚假承诺，撤销${item.name}：${input.reason}`, today, null);
    });
  }

  /**
   * One item command in its case's transaction. Who acts (the applicant side, the
   * item's department, or a supervisor) and in which case statuses: the command's
   * rule in domain/permissions.ts (ITEM_COMMANDS), the same the item's `actions` read.
   */
  private itemCommand(
    caseId: string,
    itemCode: string,
    actor: Actor,
    principal: Principal,
    command: ItemAction,
    body: (unit: UnitOfWork, c: CaseOrm, item: CaseItemOrm, today: IsoDate) => Promise<void>,
  ) {
    const rule = ITEM_COMMANDS[command];
    return this.work.command(caseId, actor, principal, async (unit, c, today) => {
      const item = await this.work.item(unit.manager, c, itemCode);
      if (!actsForItemDepartment(principal, rule.side, item.department)) {
        throw DomainError.forbidden({ zh: `${item.itemCode}（${item.name}）由${item.department}办理`, en: `${item.itemCode} is decided by ${item.department}` }, 'department');
      }
      // A grant revoked before construction reopens the case: the item is applied for again.
      if (!caseTakesItemCommand(c.status, rule)) {
        throw DomainError.refused({ zh: c.status === 'IN_PUBLICITY' ? '公示期间审批事项暂停计时，公示结束后再办理' : '案件当前状态不能办理审批事项', en: `the case (${c.status}) takes no item work now` }, 'case-state');
      }
      await body(unit, c, item, today);
      await unit.manager.save(item);
    });
  }

  private missingDocuments(item: CaseItemOrm, input: ItemDecisionInput): { code: string; name: string }[] {
    const codes = input.missingDocuments ?? [];
    if (!codes.length) throw DomainError.invalid('missingDocuments', { zh: '容缺受理须列出缺少的材料', en: 'list the missing documents' });
    return codes.map((code) => {
      const document = item.documents.find((d) => d.code === code);
      if (!document) throw DomainError.invalid('missingDocuments', { zh: `事项 ${item.itemCode} 没有材料 ${code}`, en: `item ${item.itemCode} has no document ${code}` });
      if (!document.tolerable) throw DomainError.invalid('missingDocuments', { zh: `材料 ${code}（${document.name}）不在容缺目录内`, en: `document ${code} may not be missing` });
      return { code: document.code, name: document.name };
    });
  }
}
