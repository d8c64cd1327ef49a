import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { ProjectSigned, ProjectStageChanged, type EventEnvelope, type ProjectSignedV1, type ProjectStageChangedV1 } from '@devzone/contracts';
import { InboxContext, inboxUnit } from '@devzone/messaging';
import { LandService } from '../application/land.service';

@Controller()
export class ProjectEventHandler {
  constructor(private readonly land: LandService) {}

  @EventPattern(ProjectSigned.type)
  signed(@Payload() event: EventEnvelope<ProjectSignedV1>, @Ctx() ctx: InboxContext) {
    return this.land.projectSigned(inboxUnit(ctx), event);
  }

  @EventPattern(ProjectStageChanged.type)
  stageChanged(@Payload() event: EventEnvelope<ProjectStageChangedV1>, @Ctx() ctx: InboxContext) {
    return this.land.projectStageChanged(inboxUnit(ctx), event);
  }
}
