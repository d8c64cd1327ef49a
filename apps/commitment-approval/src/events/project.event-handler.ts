import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { ProjectImported, ProjectSigned, ProjectStageChanged, type EventEnvelope, type ProjectImportedV1, type ProjectSignedV1, type ProjectStageChangedV1 } from '@devzone/contracts';
import { InboxContext, inboxUnit } from '@devzone/messaging';
import { CaseImportService } from '../application/case-import.service';
import { CaseService } from '../application/case.service';

@Controller()
export class ProjectEventHandler {
  constructor(
    private readonly cases: CaseService,
    private readonly imports: CaseImportService,
  ) {}

  @EventPattern(ProjectSigned.type)
  signed(@Payload() event: EventEnvelope<ProjectSignedV1>, @Ctx() ctx: InboxContext) {
    return this.cases.open(inboxUnit(ctx), event);
  }

  @EventPattern(ProjectImported.type)
  imported(@Payload() event: EventEnvelope<ProjectImportedV1>, @Ctx() ctx: InboxContext) {
    return this.imports.imported(inboxUnit(ctx), event);
  }

  @EventPattern(ProjectStageChanged.type)
  stageChanged(@Payload() event: EventEnvelope<ProjectStageChangedV1>, @Ctx() ctx: InboxContext) {
    return this.cases.projectStageChanged(inboxUnit(ctx), event.projectId, event.payload.to);
  }
}
