import { Body, Controller, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@devzone/contracts';
import { CurrentPrincipal, Roles, type Principal } from '@devzone/auth';
import { CurrentActor } from '@devzone/platform';
import { ConstructionService } from '../application/construction.service';
import { LAND_COMMAND_ROLES } from '../domain/permissions';
import { ExemptionRequest, ProgressRequest } from './construction.request.dto';
import { ConstructionProgressView, IdleExemptionView } from './construction.views';

const uuid = new ParseUUIDPipe();
const NOT_FOUND = '项目不存在、不可见或没有土地出让合同 (no such project, not yours, or no land contract)';

@ApiTags('projects 项目用地')
@Controller('projects/:projectId')
export class ConstructionController {
  constructor(private readonly construction: ConstructionService) {}

  @Post('construction-progress')
  @ApiOperation({ summary: '填报施工进度：累计已建建筑面积、已完成投资（闲置土地认定用）(construction progress, for the idle-land rules)' })
  @ApiCreatedResponse({ type: ConstructionProgressView })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  @Roles(...LAND_COMMAND_ROLES['construction-progress'])
  progress(@Param('projectId', uuid) projectId: string, @Body() body: ProgressRequest, @CurrentActor() actor: Actor, @CurrentPrincipal() p: Principal): Promise<ConstructionProgressView> {
    return this.construction.progress(projectId, body, actor, p);
  }

  @Post('idle-exemption')
  @ApiOperation({ summary: '登记政府原因造成的迟延（闲置土地处置办法第八条），期间不计闲置时间 (a government-caused delay: the idle clock stops)' })
  @ApiCreatedResponse({ type: IdleExemptionView })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  @Roles(...LAND_COMMAND_ROLES['idle-exemption'])
  exemption(@Param('projectId', uuid) projectId: string, @Body() body: ExemptionRequest, @CurrentActor() actor: Actor, @CurrentPrincipal() p: Principal): Promise<IdleExemptionView> {
    return this.construction.exemption(projectId, body, actor, p);
  }
}
