import { Body, Controller, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@devzone/contracts';
import { CurrentPrincipal, OFFICERS, Roles, type Principal } from '@devzone/auth';
import { CurrentActor } from '@devzone/platform';
import { LandPathsService } from '../application/land-paths.service';
import { GrantRequest, LeaseRequest, OwnLandRequest } from './land-paths.request.dto';

const uuid = new ParseUUIDPipe();
const CONFLICTS = 'standard-land-project：标准地项目须通过地块出让；land-secured：用地已落实；no-land-needed：项目无新增用地需求（租赁除外）';

@ApiTags('projects 项目用地')
@Controller('projects/:projectId')
export class LandPathsController {
  constructor(private readonly paths: LandPathsService) {}

  @Post('land-grant')
  @ApiOperation({ summary: '登记招拍挂出让合同（非标准地，无履约监管协议；适用闲置土地规定）(record an ordinary land grant)' })
  @ApiConflictResponse({ description: CONFLICTS })
  @ApiNotFoundResponse({ description: '项目不存在或不在本人负责的开发区' })
  @Roles(...OFFICERS)
  grant(@Param('projectId', uuid) projectId: string, @Body() body: GrantRequest, @CurrentActor() actor: Actor, @CurrentPrincipal() p: Principal) {
    return this.paths.grant(projectId, body, actor, p);
  }

  @Post('own-land')
  @ApiOperation({ summary: '登记自有用地（不动产权证）(record the enterprise’s own land)' })
  @ApiConflictResponse({ description: CONFLICTS })
  @ApiNotFoundResponse({ description: '项目不存在或不在本人负责的开发区' })
  @Roles(...OFFICERS)
  ownLand(@Param('projectId', uuid) projectId: string, @Body() body: OwnLandRequest, @CurrentActor() actor: Actor, @CurrentPrincipal() p: Principal) {
    return this.paths.ownLand(projectId, body, actor, p);
  }

  @Post('lease')
  @ApiOperation({ summary: '登记租赁厂房 / 标准厂房 (record a lease of factory premises)' })
  @ApiConflictResponse({ description: CONFLICTS })
  @ApiNotFoundResponse({ description: '项目不存在或不在本人负责的开发区' })
  @Roles(...OFFICERS)
  lease(@Param('projectId', uuid) projectId: string, @Body() body: LeaseRequest, @CurrentActor() actor: Actor, @CurrentPrincipal() p: Principal) {
    return this.paths.lease(projectId, body, actor, p);
  }
}
