import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { ProjectSigned, ProjectStageChanged, type EventEnvelope, type ProjectSignedV1, type ProjectStageChangedV1 } from '@devzone/contracts';
import { InboxContext, inboxUnit } from '@devzone/messaging';
import { LandPathsService } from '../application/land-paths.service';
import { LandService } from '../application/land.service';

@Controller()
export class ProjectEventHandler {
  constructor(
    private readonly land: LandService,
    private readonly paths: LandPathsService,
  ) {}

  /** The project as this service needs it; signed without a land need (0 亩), its land path is 'none'. */
  @EventPattern(ProjectSigned.type)
  async signed(@Payload() event: EventEnvelope<ProjectSignedV1>, @Ctx() ctx: InboxContext) {
    const unit = inboxUnit(ctx);
    await this.land.projectSigned(unit, event);
    await this.paths.noNewLand(unit, event);
  }

  @EventPattern(ProjectStageChanged.type)
  stageChanged(@Payload() event: EventEnvelope<ProjectStageChangedV1>, @Ctx() ctx: InboxContext) {
    return this.land.projectStageChanged(inboxUnit(ctx), event);
  }
}
