import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import {
  AcceptanceFailed,
  AcceptancePassed,
  ApprovalCaseGranted,
  ApprovalCaseOpened,
  CommitmentSubmitted,
  GrantRevoked,
  LandContractSigned,
  type CommitmentSubmittedV1,
  type EventEnvelope,
  type GrantRevokedV1,
  type LandContractSignedV1,
} from '@devzone/contracts';
import { ANY_EVENT, InboxContext } from '@devzone/messaging';
import { ProjectLifecycleService } from '../application/project-lifecycle.service';
import { recordTimeline } from '../application/timeline';

/** Other services' events: the facts that move the lifecycle, and the timeline of everything. */
@Controller()
export class LifecycleEventHandler {
  constructor(private readonly lifecycle: ProjectLifecycleService) {}

  @EventPattern(ApprovalCaseOpened.type)
  caseOpened(@Ctx() ctx: InboxContext) {
    return this.lifecycle.applyFact(ctx, 'APPROVAL_STARTED');
  }

  @EventPattern(CommitmentSubmitted.type)
  commitmentSubmitted(@Payload() event: EventEnvelope<CommitmentSubmittedV1>, @Ctx() ctx: InboxContext) {
    const d = event.payload.committedDates;
    return this.lifecycle.applyFact(ctx, 'APPROVAL_STARTED', { committedStart: d.start, committedCompletion: d.completion, committedProduction: d.production });
  }

  @EventPattern(ApprovalCaseGranted.type)
  caseGranted(@Ctx() ctx: InboxContext) {
    return this.lifecycle.applyFact(ctx, 'APPROVALS_GRANTED');
  }

  /** A grant obtained by a false commitment was revoked; before construction the approvals are incomplete again. */
  @EventPattern(GrantRevoked.type)
  grantRevoked(@Payload() event: EventEnvelope<GrantRevokedV1>, @Ctx() ctx: InboxContext) {
    return event.payload.caseReopened ? this.lifecycle.applyFact(ctx, 'APPROVALS_REVOKED') : undefined;
  }

  @EventPattern(LandContractSigned.type)
  landContractSigned(@Payload() event: EventEnvelope<LandContractSignedV1>, @Ctx() ctx: InboxContext) {
    const d = event.payload.agreedDates;
    return this.lifecycle.applyFact(ctx, 'LAND_SECURED', { agreedStart: d.start, agreedCompletion: d.completion, agreedProduction: d.production ?? null });
  }

  @EventPattern(AcceptancePassed.type)
  acceptancePassed(@Ctx() ctx: InboxContext) {
    return this.lifecycle.applyFact(ctx, 'ACCEPTANCE_PASSED');
  }

  @EventPattern(AcceptanceFailed.type)
  acceptanceFailed(@Ctx() ctx: InboxContext) {
    return this.lifecycle.applyFact(ctx, 'ACCEPTANCE_FAILED');
  }

  /** Every event about a project, from every service, goes on its timeline. */
  @EventPattern(ANY_EVENT)
  timeline(@Payload() event: EventEnvelope, @Ctx() ctx: InboxContext) {
    return recordTimeline(ctx.manager, event);
  }
}
