import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  AcceptanceFailed,
  AcceptancePassed,
  AcceptanceRequested,
  ApprovalCaseGranted,
  ApprovalCaseOpened,
  CommitmentSubmitted,
  CorrectionsRequested,
  ItemGranted,
  ItemRejected,
  NoticeIssued,
  PublicityEnded,
  PublicityStarted,
  type Actor,
  type EventEnvelope,
  type MilestoneDates,
  type ProjectSignedV1,
} from '@devzone/contracts';
import { seesProject, type Principal } from '@devzone/auth';
import { commandUnit, Outbox, type UnitOfWork } from '@devzone/messaging';
import { addDays, chinaCalendar, chinaDate, DomainError, type IsoDate } from '@devzone/shared-kernel';
import { applies } from '../domain/catalogue';
import { acceptsItemDecisions, decideCase, type CaseTrigger } from '../domain/case.state-machine';
import { decideItem, itemSatisfied, type ItemTrigger } from '../domain/item.state-machine';
import { CaseItemOrm, CaseOrm } from '../infrastructure/orm-entities';
import { CreditService } from './credit.service';
import { SettingsService } from './settings.service';

export type ItemDecisionKind = 'grant' | 'grant-with-missing-documents' | 'request-corrections' | 'reject';

export interface ItemDecisionInput {
  decision: ItemDecisionKind;
  missingDocuments?: string[];
  supplyBy?: IsoDate;
  reason?: string;
}

const DECISION_TRIGGER: Record<ItemDecisionKind, ItemTrigger> = {
  grant: 'GRANT',
  'grant-with-missing-documents': 'GRANT_WITH_MISSING_DOCUMENTS',
  'request-corrections': 'REQUEST_CORRECTIONS',
  reject: 'REJECT',
};

const short = () => randomUUID().slice(0, 8).toUpperCase();

/**
 * The 承诺制 workflow of a case and its items. Every command locks the case row,
 * asks the state machines, and writes the change with its events in one transaction.
 */
@Injectable()
export class CaseService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly settings: SettingsService,
    private readonly credit: CreditService,
  ) {}

  /** On project.signed: a case with the catalogue items that apply to the project, each with its due dates. */
  async open(unit: UnitOfWork, event: EventEnvelope<ProjectSignedV1>): Promise<void> {
    const { manager } = unit;
    const p = event.payload;
    if (await manager.existsBy(CaseOrm, { projectId: event.projectId })) return; // another project.signed for the same project
    const today = chinaDate();
    const { catalogue, version, items } = await this.settings.catalogue(p.zoneCode, manager);
    const applicable = items.filter((i) => applies(i, p));
    const c = manager.create(CaseOrm, {
      id: randomUUID(),
      projectId: event.projectId,
      projectCode: p.projectCode,
      projectName: p.name,
      creditCode: p.enterprise.creditCode,
      enterpriseName: p.enterprise.name,
      zoneCode: p.zoneCode,
      catalogue,
      catalogueVersion: version,
      status: 'OPENED',
      projectStage: 'SIGNED',
      openedOn: today,
    });
    await manager.insert(CaseOrm, c);
    const caseItems = applicable.map((i, sort) =>
      manager.create(CaseItemOrm, {
        caseId: c.id,
        itemCode: i.code,
        name: i.name,
        department: i.department,
        regime: i.regime as 'committable' | 'approval',
        legalLimitDays: i.legalLimitDays,
        promisedLimitDays: i.promisedLimitDays,
        legalDueOn: chinaCalendar.addWorkingDays(today, i.legalLimitDays),
        promisedDueOn: chinaCalendar.addWorkingDays(today, i.promisedLimitDays),
        documents: i.documents,
        status: 'PENDING',
        sort,
      }),
    );
    if (caseItems.length) await manager.insert(CaseItemOrm, caseItems);
    await unit.publish(ApprovalCaseOpened, {
      projectId: c.projectId,
      payload: {
        caseId: c.id,
        itemCount: caseItems.length,
        openedOn: today,
        items: caseItems.map((i) => ({
          itemCode: i.itemCode,
          name: i.name,
          department: i.department,
          regime: i.regime,
          legalLimitDays: i.legalLimitDays,
          promisedLimitDays: i.promisedLimitDays,
          legalDueOn: i.legalDueOn,
          promisedDueOn: i.promisedDueOn,
          documents: i.documents.map((d) => d.name),
        })),
      },
    });
  }

  /** On project.stage-changed: remember the stage; a terminated project's case is revoked. */
  async projectStageChanged(unit: UnitOfWork, projectId: string, stage: string): Promise<void> {
    const c = await unit.manager.findOne(CaseOrm, { where: { projectId }, lock: { mode: 'pessimistic_write' } });
    if (!c) return; // the project was signed before this service existed: nothing to follow
    c.projectStage = stage;
    if (stage === 'TERMINATED') {
      const d = decideCase(c.status, 'REVOKE');
      if (d.allowed) c.status = d.status;
    }
    await unit.manager.save(c);
  }

  issueNotice(caseId: string, actor: Actor, principal: Principal) {
    return this.command(caseId, actor, principal, async (unit, c, today) => {
      this.move(c, 'ISSUE_NOTICE');
      c.noticeNumber = `GZ-${c.zoneCode}-${today.slice(0, 4)}-${short()}`;
      c.noticeIssuedOn = today;
      const items = await this.items(unit, c);
      await unit.publish(NoticeIssued, { projectId: c.projectId, payload: { caseId: c.id, noticeNumber: c.noticeNumber, issuedOn: today, itemCodes: items.map((i) => i.itemCode) } });
    });
  }

  /** 承诺书: the committable items it covers are committed; every other item goes under review. */
  submitCommitment(caseId: string, input: { scope: 'all' | 'partial'; itemCodes?: string[]; committedDates: MilestoneDates }, actor: Actor, principal: Principal) {
    return this.command(caseId, actor, principal, async (unit, c, today) => {
      const listed = await this.credit.isBlacklisted(unit, c.creditCode);
      if (listed) {
        throw DomainError.refused({ zh: `企业已列入失信黑名单（${listed.since}起），不得作出承诺`, en: `the enterprise is blacklisted since ${listed.since} and may not commit` }, 'blacklisted');
      }
      this.move(c, 'SUBMIT_COMMITMENT');
      const items = await this.items(unit, c);
      const committable = items.filter((i) => i.regime === 'committable');
      let covered: CaseItemOrm[];
      if (input.scope === 'all') covered = committable;
      else {
        const codes = input.itemCodes ?? [];
        if (!codes.length) throw DomainError.invalid('itemCodes', { zh: '部分承诺须列出承诺的事项', en: 'a partial commitment lists its items' });
        covered = codes.map((code) => {
          const item = items.find((i) => i.itemCode === code);
          if (!item) throw DomainError.invalid('itemCodes', { zh: `本案件没有事项 ${code}`, en: `the case has no item ${code}` }, 'unknown-item');
          if (item.regime !== 'committable') throw DomainError.invalid('itemCodes', { zh: `事项 ${code}（${item.name}）不可承诺，须审批`, en: `item ${code} is not committable` }, 'not-committable');
          return item;
        });
      }
      for (const item of items) {
        if (item.status !== 'PENDING') continue; // a second commitment after a failed pre-check keeps what stands
        item.status = this.itemMove(item, covered.includes(item) ? 'COMMIT' : 'SUBMIT');
      }
      await unit.manager.save(items);
      c.commitment = { scope: input.scope, itemCodes: covered.map((i) => i.itemCode), committedDates: input.committedDates, submittedOn: today, actorId: actor.id };
      await unit.publish(CommitmentSubmitted, {
        projectId: c.projectId,
        payload: { caseId: c.id, scope: input.scope, itemCodes: c.commitment.itemCodes, committedDates: input.committedDates, submittedOn: today },
      });
    });
  }

  /** 预审: passed → publicity (straight to the decision when the zone has no publicity); failed → back to the enterprise. */
  precheck(caseId: string, input: { passed: boolean; note?: string }, actor: Actor, principal: Principal) {
    return this.command(caseId, actor, principal, async (unit, c, today) => {
      c.precheckNote = input.note ?? null;
      if (!input.passed) {
        this.move(c, 'FAIL_PRECHECK');
        return;
      }
      this.move(c, 'PASS_PRECHECK');
      const { publicityDays } = await this.settings.forZone(c.zoneCode, unit.manager);
      c.publicityStartsOn = today;
      c.publicityEndsOn = addDays(today, publicityDays);
      await unit.publish(PublicityStarted, { projectId: c.projectId, payload: { caseId: c.id, startsOn: today, endsOn: c.publicityEndsOn } });
      if (publicityDays === 0) await this.closePublicity(unit, c, today);
    });
  }

  /** Officer ends the publicity once its period is over (the deadline checker does it too). */
  endPublicity(caseId: string, actor: Actor, principal: Principal) {
    return this.command(caseId, actor, principal, async (unit, c, today) => {
      if (c.status === 'IN_PUBLICITY' && c.publicityEndsOn && today < c.publicityEndsOn) {
        throw DomainError.refused({ zh: `公示期至 ${c.publicityEndsOn}，未满`, en: `publicity runs until ${c.publicityEndsOn}` }, 'publicity-running');
      }
      await this.closePublicity(unit, c, today);
    });
  }

  async closePublicity(unit: UnitOfWork, c: CaseOrm, today: IsoDate): Promise<void> {
    this.move(c, 'END_PUBLICITY');
    await unit.publish(PublicityEnded, { projectId: c.projectId, payload: { caseId: c.id, endedOn: today } });
    await this.grantIfComplete(unit, c, today);
  }

  decideItem(caseId: string, itemCode: string, input: ItemDecisionInput, actor: Actor, principal: Principal) {
    return this.command(caseId, actor, principal, async (unit, c, today) => {
      const item = await this.item(unit, c, itemCode);
      if (!acceptsItemDecisions(c.status)) {
        throw DomainError.refused({ zh: `案件当前状态不能对事项作出决定`, en: `the case (${c.status}) does not take item decisions now` }, 'case-state');
      }
      item.status = this.itemMove(item, DECISION_TRIGGER[input.decision]);
      item.decidedOn = today;
      const base = { caseId: c.id, itemCode: item.itemCode, itemName: item.name };
      if (input.decision === 'grant' || input.decision === 'grant-with-missing-documents') {
        let missing: { code: string; name: string }[] | undefined;
        if (input.decision === 'grant-with-missing-documents') {
          missing = this.missingDocuments(item, input);
          const { maxMissingDocumentsWorkingDays } = await this.settings.forZone(c.zoneCode, unit.manager);
          const latest = chinaCalendar.addWorkingDays(today, maxMissingDocumentsWorkingDays);
          if (!input.supplyBy || input.supplyBy < today || input.supplyBy > latest) {
            throw DomainError.invalid('supplyBy', { zh: `补交期限应在今天至 ${latest} 之间（不超过 ${maxMissingDocumentsWorkingDays} 个工作日）`, en: `supplyBy must be between today and ${latest}` });
          }
          item.missingDocuments = missing;
          item.supplyBy = input.supplyBy;
        }
        await unit.publish(ItemGranted, {
          projectId: c.projectId,
          payload: { ...base, department: item.department, grantedOn: today, by: 'decision', ...(missing ? { missingDocuments: missing, supplyBy: input.supplyBy } : {}) },
        });
      } else {
        if (!input.reason) throw DomainError.invalid('reason', { zh: '须说明理由', en: 'reason is required' });
        item.note = input.reason;
        if (input.decision === 'reject') await unit.publish(ItemRejected, { projectId: c.projectId, payload: { ...base, reason: input.reason, rejectedOn: today } });
        else await unit.publish(CorrectionsRequested, { projectId: c.projectId, payload: { ...base, corrections: input.reason, requestedOn: today } });
      }
      await unit.manager.save(item);
      await this.grantIfComplete(unit, c, today);
    });
  }

  /** The enterprise resubmits an item after corrections. */
  resubmitItem(caseId: string, itemCode: string, actor: Actor, principal: Principal) {
    return this.command(caseId, actor, principal, async (unit, c) => {
      const item = await this.item(unit, c, itemCode);
      item.status = this.itemMove(item, 'SUBMIT');
      await unit.manager.save(item);
    });
  }

  /** The enterprise supplies the documents accepted as missing (容缺). */
  supplyDocuments(caseId: string, itemCode: string, actor: Actor, principal: Principal) {
    return this.command(caseId, actor, principal, async (unit, c, today) => {
      const item = await this.item(unit, c, itemCode);
      item.status = this.itemMove(item, 'SUPPLY_DOCUMENTS');
      item.suppliedOn = today;
      await unit.manager.save(item);
    });
  }

  requestAcceptance(caseId: string, actor: Actor, principal: Principal) {
    return this.command(caseId, actor, principal, async (unit, c, today) => {
      if (!['COMPLETED', 'IN_PRODUCTION', 'FULL_PRODUCTION'].includes(c.projectStage)) {
        throw DomainError.refused({ zh: '项目尚未竣工，不能申请对标验收', en: 'the project is not completed: no acceptance yet' }, 'not-completed');
      }
      this.move(c, 'REQUEST_ACCEPTANCE');
      c.acceptanceRequestedOn = today;
      await unit.publish(AcceptanceRequested, { projectId: c.projectId, payload: { caseId: c.id, requestedOn: today } });
    });
  }

  /** 对标验收 result. A failure is a major breach on the enterprise's credit, with a deadline to rectify. */
  recordAcceptance(caseId: string, input: { passed: boolean; reasons?: string[]; rectifyBy?: IsoDate }, actor: Actor, principal: Principal) {
    return this.command(caseId, actor, principal, async (unit, c, today) => {
      if (input.passed) {
        this.move(c, 'PASS_ACCEPTANCE');
        c.acceptedOn = today;
        c.acceptanceReasons = null;
        await unit.publish(AcceptancePassed, { projectId: c.projectId, payload: { caseId: c.id, acceptedOn: today } });
        return;
      }
      const reasons = input.reasons ?? [];
      if (!reasons.length) throw DomainError.invalid('reasons', { zh: '验收不通过须列明原因', en: 'a failed acceptance lists its reasons' });
      this.move(c, 'FAIL_ACCEPTANCE');
      const { majorRectifyDays } = await this.settings.forZone(c.zoneCode, unit.manager);
      const rectifyBy = input.rectifyBy ?? addDays(today, majorRectifyDays);
      if (rectifyBy < today) throw DomainError.invalid('rectifyBy', { zh: '整改期限不能早于今天', en: 'rectifyBy must not be in the past' });
      c.acceptanceReasons = reasons;
      c.rectifyBy = rectifyBy;
      await unit.publish(AcceptanceFailed, { projectId: c.projectId, payload: { caseId: c.id, checkedOn: today, reasons, rectifyBy } });
      await unit.manager.save(c);
      await this.credit.recordBreach(unit, c, 'major', `对标验收未通过：${reasons.join('；')}`, today, rectifyBy);
    });
  }

  /** 批复: once publicity is over and every item is granted or committed; committed items are granted with it. */
  async grantIfComplete(unit: UnitOfWork, c: CaseOrm, today: IsoDate): Promise<void> {
    if (c.status !== 'DECIDING') return;
    const items = await this.items(unit, c);
    if (!items.every((i) => itemSatisfied(i.status))) return;
    this.move(c, 'GRANT');
    c.decisionNumber = `PF-${c.zoneCode}-${today.slice(0, 4)}-${short()}`;
    c.grantedOn = today;
    for (const item of items.filter((i) => i.status === 'COMMITTED')) {
      item.status = this.itemMove(item, 'GRANT');
      item.decidedOn = today;
      await unit.publish(ItemGranted, {
        projectId: c.projectId,
        payload: { caseId: c.id, itemCode: item.itemCode, itemName: item.name, department: item.department, grantedOn: today, by: 'commitment' },
      });
    }
    await unit.manager.save(items);
    await unit.manager.save(c);
    await unit.publish(ApprovalCaseGranted, { projectId: c.projectId, payload: { caseId: c.id, decisionNumber: c.decisionNumber, grantedOn: today } });
  }

  private async command(caseId: string, actor: Actor, principal: Principal, body: (unit: UnitOfWork, c: CaseOrm, today: IsoDate) => Promise<void>) {
    return this.dataSource.transaction(async (manager) => {
      const c = await manager.findOne(CaseOrm, { where: { id: caseId }, lock: { mode: 'pessimistic_write' } });
      if (!c || !seesProject(principal, c)) throw DomainError.notFound({ zh: `案件不存在：${caseId}`, en: `no case ${caseId}` }, 'case-not-found');
      await body(commandUnit(this.outbox, manager, actor), c, chinaDate());
      await manager.save(c);
      return c.id;
    });
  }

  private move(c: CaseOrm, trigger: CaseTrigger): void {
    const d = decideCase(c.status, trigger);
    if (!d.allowed) throw DomainError.refused(d.reason, 'case-state');
    c.status = d.status;
  }

  private itemMove(item: CaseItemOrm, trigger: ItemTrigger) {
    const d = decideItem(item.status, trigger);
    if (!d.allowed) throw DomainError.refused({ zh: `${item.itemCode}（${item.name}）：${d.reason.zh}`, en: `${item.itemCode}: ${d.reason.en}` }, 'item-state');
    return d.status;
  }

  private items(unit: UnitOfWork, c: CaseOrm): Promise<CaseItemOrm[]> {
    return unit.manager.find(CaseItemOrm, { where: { caseId: c.id }, order: { sort: 'ASC' } });
  }

  private async item(unit: UnitOfWork, c: CaseOrm, itemCode: string): Promise<CaseItemOrm> {
    const item = await unit.manager.findOneBy(CaseItemOrm, { caseId: c.id, itemCode });
    if (!item) throw DomainError.notFound({ zh: `本案件没有事项 ${itemCode}`, en: `the case has no item ${itemCode}` }, 'item-not-found');
    return item;
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
