import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { ProjectImported, ProjectSigned, ProjectStageChanged, type EventEnvelope, type ProjectImportedV1, type ProjectSignedV1, type ProjectStageChangedV1 } from '@devzone/contracts';
import { InboxContext, inboxUnit } from '@devzone/messaging';
import { LandPathsService } from '../application/land-paths.service';
import { LandService } from '../application/land.service';
import { ProjectImportService } from '../application/project-import.service';

@Controller()
export class ProjectEventHandler {
  constructor(
    private readonly land: LandService,
    private readonly paths: LandPathsService,
    private readonly imports: ProjectImportService,
  ) {}

  /** The project as this service needs it; signed without a land need (0 亩), its land path is 'none'. */
  @EventPattern(ProjectSigned.type)
  async signed(@Payload() event: EventEnvelope<ProjectSignedV1>, @Ctx() ctx: InboxContext) {
    const unit = inboxUnit(ctx);
    await this.land.projectSigned(unit, event);
    await this.paths.noNewLand(unit, event);
  }

  /** 导入: the same project record, at the ledger's stage, with its land as the ledger says — silently (no land.* event for history). */
  @EventPattern(ProjectImported.type)
  imported(@Payload() event: EventEnvelope<ProjectImportedV1>, @Ctx() ctx: InboxContext) {
    return this.imports.projectImported(inboxUnit(ctx), event);
  }

  @EventPattern(ProjectStageChanged.type)
  stageChanged(@Payload() event: EventEnvelope<ProjectStageChangedV1>, @Ctx() ctx: InboxContext) {
    return this.land.projectStageChanged(inboxUnit(ctx), event);
  }
}
