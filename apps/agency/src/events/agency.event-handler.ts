import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import {
  ApprovalCaseOpened,
  CorrectionsRequested,
  ItemAccepted,
  ItemApplied,
  ItemGranted,
  ItemPaused,
  ItemRejected,
  ItemResumed,
  LandContractSigned,
  PAUSE_REASON_ZH,
  ProjectImported,
  ProjectSigned,
  type ApprovalCaseOpenedV1,
  type ApprovalCaseOpenedV2,
  type CorrectionsRequestedV1,
  type EventEnvelope,
  type ItemAcceptedV1,
  type ItemAppliedV1,
  type ItemGrantedV1,
  type ItemPausedV1,
  type ItemRejectedV1,
  type ItemResumedV1,
  type ProjectImportedV1,
  type ProjectSignedV1,
} from '@devzone/contracts';
import { InboxContext, inboxUnit } from '@devzone/messaging';
import { DelegationService } from '../application/delegation.service';

@Controller()
export class AgencyEventHandler {
  constructor(private readonly delegations: DelegationService) {}

  @EventPattern(ProjectSigned.type)
  signed(@Payload() event: EventEnvelope<ProjectSignedV1>, @Ctx() ctx: InboxContext) {
    return this.delegations.projectSigned(inboxUnit(ctx), event);
  }

  @EventPattern(ProjectImported.type)
  imported(@Payload() event: EventEnvelope<ProjectImportedV1>, @Ctx() ctx: InboxContext) {
    return this.delegations.projectImported(inboxUnit(ctx), event);
  }

  /** Version 1 (items with due dates from the opening) or 2 (clocks from 受理). */
  @EventPattern(ApprovalCaseOpened.type)
  caseOpened(@Payload() event: EventEnvelope<ApprovalCaseOpenedV1 | ApprovalCaseOpenedV2>, @Ctx() ctx: InboxContext) {
    return this.delegations.caseOpened(inboxUnit(ctx), event);
  }

  @EventPattern(ItemGranted.type)
  granted(@Payload() event: EventEnvelope<ItemGrantedV1>, @Ctx() ctx: InboxContext) {
    return this.delegations.itemFact(inboxUnit(ctx), event.projectId, event.payload.itemCode, 'granted', `审批通过（${event.payload.by === 'commitment' ? '承诺制批复' : '部门决定'}）`);
  }

  @EventPattern(CorrectionsRequested.type)
  async corrections(@Payload() event: EventEnvelope<CorrectionsRequestedV1>, @Ctx() ctx: InboxContext) {
    const unit = inboxUnit(ctx);
    await this.delegations.itemFact(unit, event.projectId, event.payload.itemCode, 'corrections', event.payload.corrections);
    await this.delegations.itemClock(unit, event.projectId, event.payload.itemCode, 'paused', { note: `暂停计时：补正材料（${event.payload.corrections}）` });
  }

  @EventPattern(ItemApplied.type)
  applied(@Payload() event: EventEnvelope<ItemAppliedV1>, @Ctx() ctx: InboxContext) {
    return this.delegations.itemFact(inboxUnit(ctx), event.projectId, event.payload.itemCode, 'applied', `已提交申请（${event.payload.appliedOn}），部门应于 ${event.payload.acceptanceDueOn} 前受理`);
  }

  @EventPattern(ItemAccepted.type)
  async accepted(@Payload() event: EventEnvelope<ItemAcceptedV1>, @Ctx() ctx: InboxContext) {
    const p = event.payload;
    const unit = inboxUnit(ctx);
    await this.delegations.itemFact(unit, event.projectId, p.itemCode, 'accepted');
    await this.delegations.itemClock(unit, event.projectId, p.itemCode, 'running', {
      promisedDueOn: p.promisedDueOn,
      legalDueOn: p.legalDueOn,
      note: `${p.deemed ? '逾期未受理，依法视为' : ''}已受理（${p.acceptedOn}），承诺 ${p.promisedDueOn} 前办结`,
    });
  }

  @EventPattern(ItemPaused.type)
  paused(@Payload() event: EventEnvelope<ItemPausedV1>, @Ctx() ctx: InboxContext) {
    return this.delegations.itemClock(inboxUnit(ctx), event.projectId, event.payload.itemCode, 'paused', { note: `暂停计时：${PAUSE_REASON_ZH[event.payload.reason]}${event.payload.note ? `（${event.payload.note}）` : ''}` });
  }

  @EventPattern(ItemResumed.type)
  async resumed(@Payload() event: EventEnvelope<ItemResumedV1>, @Ctx() ctx: InboxContext) {
    const p = event.payload;
    const unit = inboxUnit(ctx);
    if (p.reason === 'corrections') await this.delegations.itemFact(unit, event.projectId, p.itemCode, 'resubmitted', '已补正，重新提交');
    await this.delegations.itemClock(unit, event.projectId, p.itemCode, 'running', {
      promisedDueOn: p.promisedDueOn,
      legalDueOn: p.legalDueOn,
      note: `恢复计时，期限顺延 ${p.pausedWorkingDays} 个工作日至 ${p.promisedDueOn}`,
    });
  }

  @EventPattern(ItemRejected.type)
  rejected(@Payload() event: EventEnvelope<ItemRejectedV1>, @Ctx() ctx: InboxContext) {
    return this.delegations.itemFact(inboxUnit(ctx), event.projectId, event.payload.itemCode, 'rejected', event.payload.reason);
  }

  @EventPattern(LandContractSigned.type)
  landContract(@Payload() event: EventEnvelope, @Ctx() ctx: InboxContext) {
    return this.delegations.landContractSigned(inboxUnit(ctx), event.projectId);
  }
}
