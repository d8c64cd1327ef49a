import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import {
  ApprovalCaseOpened,
  CorrectionsRequested,
  ItemGranted,
  ItemRejected,
  LandContractSigned,
  ProjectSigned,
  type ApprovalCaseOpenedV1,
  type CorrectionsRequestedV1,
  type EventEnvelope,
  type ItemGrantedV1,
  type ItemRejectedV1,
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

  @EventPattern(ApprovalCaseOpened.type)
  caseOpened(@Payload() event: EventEnvelope<ApprovalCaseOpenedV1>, @Ctx() ctx: InboxContext) {
    return this.delegations.caseOpened(inboxUnit(ctx), event);
  }

  @EventPattern(ItemGranted.type)
  granted(@Payload() event: EventEnvelope<ItemGrantedV1>, @Ctx() ctx: InboxContext) {
    return this.delegations.itemFact(inboxUnit(ctx), event.projectId, event.payload.itemCode, 'granted', `审批通过（${event.payload.by === 'commitment' ? '承诺制批复' : '部门决定'}）`);
  }

  @EventPattern(CorrectionsRequested.type)
  corrections(@Payload() event: EventEnvelope<CorrectionsRequestedV1>, @Ctx() ctx: InboxContext) {
    return this.delegations.itemFact(inboxUnit(ctx), event.projectId, event.payload.itemCode, 'corrections', event.payload.corrections);
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
