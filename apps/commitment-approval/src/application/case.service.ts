import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import {
  AcceptanceFailed,
  AcceptancePassed,
  AcceptanceRequested,
  ApprovalCaseOpenedV2Event,
  CommitmentSubmitted,
  NoticeIssued,
  ProceduresChosen,
  PublicityEnded,
  PublicityStarted,
  RectificationOrdered,
  type Actor,
  type EventEnvelope,
  type MilestoneDates,
  type ProjectSignedV1,
} from '@devzone/contracts';
import type { Principal } from '@devzone/auth';
import type { UnitOfWork } from '@devzone/messaging';
import { addDays, chinaDate, DomainError, type IsoDate } from '@devzone/shared-kernel';
import { applies } from '../domain/catalogue';
import { decideCase, projectCompleted, publicityRunning } from '../domain/case.state-machine';
import { commitmentDeclaration, DECLARATION_VERSION } from '../domain/commitment-declaration';
import { committedDatesProblems } from '../domain/committed-dates';
import type { OpinionInput } from '../domain/opinions';
import { CaseItemOrm, CaseOrm, type ZoneRulesOrm } from '../infrastructure/orm-entities';
import { CaseWork } from './case-work';
import { CreditService } from './credit.service';
import { SettingsService } from './settings.service';

export interface CommitmentInput {
  /** all: every committable item by commitment; partial: the listed ones, the rest by 一般程序; none: no commitment, every item by 一般程序. */
  scope: 'all' | 'partial' | 'none';
  itemCodes?: string[];
  committedDates?: MilestoneDates;
  /** The enterprise confirmed the 承诺书's declaration (domain/commitment-declaration.ts): required unless scope is none. */
  declarationConfirmed?: boolean;
}

const DECLARATION_REQUIRED = { zh: 'declarationConfirmed 须确认承诺书声明（我已阅读并承诺）后方可提交承诺书', en: 'declarationConfirmed: confirm the declaration of the commitment letter before submitting it' };

/**
 * The 承诺制 workflow of a case (the items' own steps: ItemService): opened on
 * project.signed with the items that apply and the rules in force; the 告知书; the
 * 承诺书 choosing, item by item, 承诺制 or 一般程序 (or 一般程序 for the whole case);
 * 预审 and 公示 (the items' clocks stop during publicity); the 批复 once every item
 * is done; 对标验收 with rectification before any credit record.
 */
@Injectable()
export class CaseService {
  constructor(
    private readonly work: CaseWork,
    private readonly settings: SettingsService,
    private readonly credit: CreditService,
  ) {}

  /** On project.signed: a case with the catalogue items that apply to the project (no clock runs yet), under the zone's rules in force. */
  async open(unit: UnitOfWork, event: EventEnvelope<ProjectSignedV1>): Promise<void> {
    const { manager } = unit;
    if (await manager.existsBy(CaseOrm, { projectId: event.projectId })) return; // another project.signed for the same project
    const today = chinaDate();
    const { c, caseItems, rules } = await this.newCase(manager, event.projectId, event.payload, today);
    await manager.insert(CaseOrm, c);
    if (caseItems.length) await manager.insert(CaseItemOrm, caseItems);
    await unit.publish(ApprovalCaseOpenedV2Event, {
      projectId: c.projectId,
      payload: {
        caseId: c.id,
        itemCount: caseItems.length,
        openedOn: today,
        rulesZone: rules.zoneCode,
        rulesVersion: rules.version,
        items: caseItems.map((i) => ({
          itemCode: i.itemCode,
          name: i.name,
          department: i.department,
          regime: i.regime,
          legalLimitDays: i.legalLimitDays,
          promisedLimitDays: i.promisedLimitDays,
          prerequisites: i.prerequisites,
          documents: i.documents.map((d) => d.name),
        })),
      },
    });
  }

  /** A new case (not yet stored) for a signed project: the catalogue items that apply to it under the zone's rules in force, none started. */
  async newCase(manager: EntityManager, projectId: string, p: ProjectSignedV1, today: IsoDate): Promise<{ c: CaseOrm; caseItems: CaseItemOrm[]; rules: ZoneRulesOrm }> {
    const rules = await this.settings.forZone(p.zoneCode, today, manager);
    const applicable = (await this.settings.catalogueItems(rules, manager)).filter((i) => applies(i, p));
    const c = manager.create(CaseOrm, {
      id: randomUUID(),
      projectId,
      projectCode: p.projectCode,
      projectName: p.name,
      creditCode: p.enterprise.creditCode,
      enterpriseName: p.enterprise.name,
      zoneCode: p.zoneCode,
      catalogue: rules.catalogue,
      catalogueVersion: rules.catalogueVersion,
      rulesZone: rules.zoneCode,
      rulesVersion: rules.version,
      status: 'OPENED',
      projectStage: 'SIGNED',
      openedOn: today,
      rectificationRound: 0,
      rectificationLapseRecorded: false,
      missedMilestones: {},
    });
    const inCase = new Set(applicable.map((i) => i.code));
    const caseItems = applicable.map((i, sort) =>
      manager.create(CaseItemOrm, {
        caseId: c.id,
        itemCode: i.code,
        name: i.name,
        department: i.department,
        regime: i.regime as 'committable' | 'approval',
        // An item that must be approved is approved; a committable one waits for the 承诺书's choice.
        procedure: i.regime === 'approval' ? 'approval' : null,
        prerequisites: (i.prerequisites ?? []).filter((code) => inCase.has(code)),
        legalLimitDays: i.legalLimitDays,
        promisedLimitDays: i.promisedLimitDays,
        legalDueOn: null,
        promisedDueOn: null,
        pauses: [],
        documents: i.documents,
        status: 'PENDING',
        sort,
      }),
    );
    return { c, caseItems, rules };
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

  issueNotice(caseId: string, input: OpinionInput, actor: Actor, principal: Principal) {
    return this.work.command(caseId, actor, principal, async (unit, c, today) => {
      this.work.move(c, 'ISSUE_NOTICE');
      await this.work.recordOpinion(unit.manager, c, principal, 'notice', input.opinion, today);
      c.noticeNumber = this.work.newNumber('GZ', c, today);
      c.noticeIssuedOn = today;
      const items = await this.work.items(unit.manager, c);
      await unit.publish(NoticeIssued, { projectId: c.projectId, payload: { caseId: c.id, noticeNumber: c.noticeNumber, issuedOn: today, itemCodes: items.map((i) => i.itemCode) } });
    });
  }

  /**
   * 承诺书: the committable items it covers are committed (granted with the 批复);
   * the other committable items go by 一般程序 (the enterprise applies for them,
   * on their legal limit). Scope `none` is no commitment at all: every item by
   * 一般程序, straight to deciding (nothing to pre-check or publish). A
   * blacklisted enterprise may not commit, but may choose 一般程序. A commitment
   * confirms the declaration (kept with it, as confirmed) and commits dates the
   * rules allow: none in the past, 开工 ≤ 竣工 ≤ 投产 (400 naming the field).
   */
  submitCommitment(caseId: string, input: CommitmentInput, actor: Actor, principal: Principal) {
    return this.work.command(caseId, actor, principal, async (unit, c, today) => {
      const items = await this.work.items(unit.manager, c);
      const committable = items.filter((i) => i.regime === 'committable');
      let covered: CaseItemOrm[] = [];
      if (input.scope === 'none') {
        // After a failed pre-check, items the first 承诺书 committed stay committed: no commitment at all is no longer possible.
        const committed = committable.filter((i) => i.status === 'COMMITTED');
        if (committed.length) {
          throw DomainError.refused({ zh: `已承诺的事项（${committed.map((i) => i.itemCode).join('、')}）须经预审，不能改为全部按一般程序`, en: 'items already committed cannot go to the ordinary procedure' }, 'already-committed');
        }
        this.work.move(c, 'CHOOSE_ORDINARY');
      } else {
        const listed = await this.credit.isBlacklisted(unit, c.creditCode);
        if (listed) {
          throw DomainError.refused({ zh: `企业已列入失信黑名单（${listed.since}起），不得作出承诺，可按一般程序办理`, en: `the enterprise is blacklisted since ${listed.since}: no commitment, the ordinary procedure only` }, 'blacklisted');
        }
        if (input.declarationConfirmed !== true) throw DomainError.invalid('declarationConfirmed', DECLARATION_REQUIRED);
        if (!input.committedDates) throw DomainError.invalid('committedDates', { zh: '承诺书须载明承诺开工、竣工、投产日期', en: 'a commitment states its start, completion and production dates' });
        const [wrong] = committedDatesProblems(input.committedDates, today);
        if (wrong) throw DomainError.invalid(wrong.field, { zh: wrong.zh, en: wrong.en });
        this.work.move(c, 'SUBMIT_COMMITMENT');
        covered = input.scope === 'all' ? committable : this.listed(items, input.itemCodes ?? []);
      }
      // A second 承诺书 after a failed pre-check decides only the items still pending.
      for (const item of committable.filter((i) => i.status === 'PENDING')) {
        if (covered.includes(item)) {
          item.status = this.work.itemMove(item, 'COMMIT');
          item.procedure = 'commitment';
        } else item.procedure = 'ordinary';
      }
      await unit.manager.save(items);
      await unit.publish(ProceduresChosen, {
        projectId: c.projectId,
        payload: { caseId: c.id, scope: input.scope, procedures: committable.map((i) => ({ itemCode: i.itemCode, procedure: i.procedure ?? 'ordinary' })), chosenOn: today },
      });
      if (input.scope === 'none') {
        await this.work.grantIfComplete(unit, c, today);
        return;
      }
      const committedDates = input.committedDates as MilestoneDates;
      c.commitment = {
        scope: input.scope,
        itemCodes: covered.map((i) => i.itemCode),
        committedDates,
        submittedOn: today,
        actorId: actor.id,
        actorName: principal.name || principal.sub,
        declaration: commitmentDeclaration(c),
        declarationVersion: DECLARATION_VERSION,
        declarationConfirmedAt: new Date().toISOString(),
      };
      await unit.publish(CommitmentSubmitted, { projectId: c.projectId, payload: { caseId: c.id, scope: input.scope, itemCodes: c.commitment.itemCodes, committedDates, submittedOn: today } });
    });
  }

  private listed(items: CaseItemOrm[], codes: string[]): CaseItemOrm[] {
    if (!codes.length) throw DomainError.invalid('itemCodes', { zh: '部分承诺须列出承诺的事项', en: 'a partial commitment lists its items' });
    return codes.map((code) => {
      const item = items.find((i) => i.itemCode === code);
      if (!item) throw DomainError.invalid('itemCodes', { zh: `本案件没有事项 ${code}`, en: `the case has no item ${code}` }, 'unknown-item');
      if (item.regime !== 'committable') throw DomainError.invalid('itemCodes', { zh: `事项 ${code}（${item.name}）不可承诺，须审批`, en: `item ${code} is not committable` }, 'not-committable');
      return item;
    });
  }

  /**
   * 预审: passed → publicity (the accepted items' clocks stop; straight on when the zone has none); failed → back to the enterprise.
   * The opinion is recorded; the note the enterprise reads (`precheckNote`) is the `note` when given, else the opinion.
   */
  precheck(caseId: string, input: OpinionInput & { passed: boolean; note?: string }, actor: Actor, principal: Principal) {
    return this.work.command(caseId, actor, principal, async (unit, c, today) => {
      c.precheckNote = input.note ?? input.opinion;
      if (!input.passed) {
        this.work.move(c, 'FAIL_PRECHECK');
        await this.work.recordOpinion(unit.manager, c, principal, 'precheck-failed', input.opinion, today);
        return;
      }
      this.work.move(c, 'PASS_PRECHECK');
      await this.work.recordOpinion(unit.manager, c, principal, 'precheck-passed', input.opinion, today);
      const { publicityDays } = await this.settings.forCase(c, unit.manager);
      c.publicityStartsOn = today;
      c.publicityEndsOn = addDays(today, publicityDays);
      await unit.publish(PublicityStarted, { projectId: c.projectId, payload: { caseId: c.id, startsOn: today, endsOn: c.publicityEndsOn } });
      if (publicityDays === 0) return this.closePublicity(unit, c, today);
      const items = await this.work.items(unit.manager, c);
      for (const item of items.filter((i) => i.status === 'ACCEPTED')) await this.work.pause(unit, c, item, 'publicity', today);
      await unit.manager.save(items);
    });
  }

  /** Officer ends the publicity once its period is over (the deadline checker does it too). */
  endPublicity(caseId: string, actor: Actor, principal: Principal) {
    return this.work.command(caseId, actor, principal, async (unit, c, today) => {
      if (publicityRunning(c, today)) {
        throw DomainError.refused({ zh: `公示期至 ${c.publicityEndsOn}，未满`, en: `publicity runs until ${c.publicityEndsOn}` }, 'publicity-running');
      }
      await this.closePublicity(unit, c, today);
    });
  }

  async closePublicity(unit: UnitOfWork, c: CaseOrm, today: IsoDate): Promise<void> {
    this.work.move(c, 'END_PUBLICITY');
    const items = await this.work.items(unit.manager, c);
    for (const item of items.filter((i) => i.status === 'PAUSED' && i.pauses.some((p) => p.to === null && p.reason === 'publicity'))) await this.work.resume(unit, c, item, today);
    await unit.manager.save(items);
    await unit.publish(PublicityEnded, { projectId: c.projectId, payload: { caseId: c.id, endedOn: today } });
    await this.work.grantIfComplete(unit, c, today);
  }

  requestAcceptance(caseId: string, actor: Actor, principal: Principal) {
    return this.work.command(caseId, actor, principal, async (unit, c, today) => {
      if (!projectCompleted(c.projectStage)) {
        throw DomainError.refused({ zh: '项目尚未竣工，不能申请对标验收', en: 'the project is not completed: no acceptance yet' }, 'not-completed');
      }
      this.work.move(c, 'REQUEST_ACCEPTANCE');
      c.acceptanceRequestedOn = today;
      await unit.publish(AcceptanceRequested, { projectId: c.projectId, payload: { caseId: c.id, requestedOn: today } });
    });
  }

  /**
   * 对标验收 result. A first failure orders rectification (整改) by a date and
   * records nothing on the enterprise's credit yet; a failed re-inspection is a
   * 重大 record (with the new rectification deadline). The deadline passing
   * without a re-inspection is a 重大 record too (the deadline check).
   */
  recordAcceptance(caseId: string, input: OpinionInput & { passed: boolean; reasons?: string[]; rectifyBy?: IsoDate }, actor: Actor, principal: Principal) {
    return this.work.command(caseId, actor, principal, async (unit, c, today) => {
      if (input.passed) {
        this.work.move(c, 'PASS_ACCEPTANCE');
        await this.work.recordOpinion(unit.manager, c, principal, 'acceptance-passed', input.opinion, today);
        c.acceptedOn = today;
        c.acceptanceReasons = null;
        await unit.publish(AcceptancePassed, { projectId: c.projectId, payload: { caseId: c.id, acceptedOn: today } });
        return;
      }
      const reasons = input.reasons ?? [];
      if (!reasons.length) throw DomainError.invalid('reasons', { zh: '验收不通过须列明原因', en: 'a failed acceptance lists its reasons' });
      const { majorRectifyDays } = await this.settings.forCase(c, unit.manager);
      const rectifyBy = input.rectifyBy ?? addDays(today, majorRectifyDays);
      if (rectifyBy < today) throw DomainError.invalid('rectifyBy', { zh: '整改期限不能早于今天', en: 'rectifyBy must not be in the past' });
      this.work.move(c, 'FAIL_ACCEPTANCE');
      await this.work.recordOpinion(unit.manager, c, principal, 'acceptance-failed', input.opinion, today);
      c.rectificationRound += 1;
      c.rectificationLapseRecorded = false;
      c.acceptanceReasons = reasons;
      c.rectifyBy = rectifyBy;
      await unit.publish(AcceptanceFailed, { projectId: c.projectId, payload: { caseId: c.id, checkedOn: today, reasons, rectifyBy } });
      await unit.publish(RectificationOrdered, { projectId: c.projectId, payload: { caseId: c.id, round: c.rectificationRound, reasons, orderedOn: today, rectifyBy } });
      await unit.manager.save(c);
      if (c.rectificationRound > 1) {
        // The record of this round is made now; its deadline lapsing blacklists (credit-policy.ts), it is not a second record.
        c.rectificationLapseRecorded = true;
        await this.credit.recordBreach(unit, c, 'major', `对标验收整改后复查仍未通过：${reasons.join('；')}`, today, rectifyBy);
      }
    });
  }
}
