import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import {
  AcceptanceFailed,
  AcceptancePassed,
  ApprovalCaseGranted,
  ApprovalCaseOpened,
  CommitmentSubmitted,
  GrantRevoked,
  LandCheckPassed,
  LandContractSigned,
  LandSecured,
  PenaltyAssessed,
  type CommitmentSubmittedV1,
  type EventEnvelope,
  type GrantRevokedV1,
  type LandCheckPassedV1,
  type LandContractSignedV1,
  type LandSecuredV1,
  type PenaltyAssessedV1,
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

  /** 标准地: the plot transferred with its performance agreement. */
  @EventPattern(LandContractSigned.type)
  landContractSigned(@Payload() event: EventEnvelope<LandContractSignedV1>, @Ctx() ctx: InboxContext) {
    const d = event.payload.agreedDates;
    return this.lifecycle.applyFact(ctx, 'LAND_SECURED', {
      agreedStart: d.start,
      agreedCompletion: d.completion,
      agreedProduction: d.production ?? null,
      landPath: 'standard-land',
      landReference: event.payload.contractNumber,
    });
  }

  /** Every other path: an ordinary 出让 (with its agreed dates), the enterprise's own land, a lease, no new land. */
  @EventPattern(LandSecured.type)
  landSecured(@Payload() event: EventEnvelope<LandSecuredV1>, @Ctx() ctx: InboxContext) {
    const p = event.payload;
    const d = p.agreedDates;
    return this.lifecycle.applyFact(ctx, 'LAND_SECURED', {
      landPath: p.path,
      landReference: p.reference,
      ...(d ? { agreedStart: d.start, agreedCompletion: d.completion, agreedProduction: d.production ?? null } : {}),
    });
  }

  /** The 标准地 达产 review passed (first check or the re-check): 达产 may be reported. */
  @EventPattern(LandCheckPassed.type)
  landCheckPassed(@Payload() event: EventEnvelope<LandCheckPassedV1>, @Ctx() ctx: InboxContext) {
    return event.payload.stage === 'full-production' ? this.lifecycle.applyFact(ctx, 'LAND_REVIEW_PASSED') : undefined;
  }

  /** The 达产 review's consequence is decided (the penalty after a failed re-check or a lapsed rectification): 达产 may be reported. */
  @EventPattern(PenaltyAssessed.type)
  penaltyAssessed(@Payload() event: EventEnvelope<PenaltyAssessedV1>, @Ctx() ctx: InboxContext) {
    const p = event.payload;
    const decided = p.stage === 'full-production' && (p.reason === 'recheck-failed' || p.reason === 'rectification-lapsed');
    return decided ? this.lifecycle.applyFact(ctx, 'LAND_REVIEW_DECIDED') : undefined;
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
