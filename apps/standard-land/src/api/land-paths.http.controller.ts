import { Body, Controller, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@devzone/contracts';
import { CurrentPrincipal, Roles, type Principal } from '@devzone/auth';
import { CurrentActor } from '@devzone/platform';
import { LandPathsService } from '../application/land-paths.service';
import { LAND_COMMAND_ROLES } from '../domain/permissions';
import { LandPathView } from './land.views';
import { GrantRequest, LeaseRequest, OwnLandRequest } from './land-paths.request.dto';

const uuid = new ParseUUIDPipe();
const CONFLICTS =
  'standard-land-project：标准地项目须通过地块出让；land-secured：用地已落实；no-land-needed：项目无新增用地需求（租赁除外）(a 标准地 project takes a plot; land already secured; no land need, except a lease)';

@ApiTags('projects 项目用地')
@Controller('projects/:projectId')
export class LandPathsController {
  constructor(private readonly paths: LandPathsService) {}

  @Post('land-grant')
  @ApiOperation({ summary: '登记招拍挂出让合同（非标准地，无履约监管协议；适用闲置土地规定）(record an ordinary land grant)' })
  @ApiCreatedResponse({ type: LandPathView })
  @ApiConflictResponse({ description: `${CONFLICTS}；contract-exists：出让合同编号已登记 (the contract number is recorded already)` })
  @ApiNotFoundResponse({ description: '项目不存在或不在本人负责的开发区 (no such project in your zones)' })
  @Roles(...LAND_COMMAND_ROLES['land-grant'])
  grant(@Param('projectId', uuid) projectId: string, @Body() body: GrantRequest, @CurrentActor() actor: Actor, @CurrentPrincipal() p: Principal): Promise<LandPathView> {
    return this.paths.grant(projectId, body, actor, p);
  }

  @Post('own-land')
  @ApiOperation({ summary: '登记自有用地（不动产权证）(record the enterprise’s own land)' })
  @ApiCreatedResponse({ type: LandPathView })
  @ApiConflictResponse({ description: CONFLICTS })
  @ApiNotFoundResponse({ description: '项目不存在或不在本人负责的开发区 (no such project in your zones)' })
  @Roles(...LAND_COMMAND_ROLES['own-land'])
  ownLand(@Param('projectId', uuid) projectId: string, @Body() body: OwnLandRequest, @CurrentActor() actor: Actor, @CurrentPrincipal() p: Principal): Promise<LandPathView> {
    return this.paths.ownLand(projectId, body, actor, p);
  }

  @Post('lease')
  @ApiOperation({ summary: '登记租赁厂房 / 标准厂房 (record a lease of factory premises)' })
  @ApiCreatedResponse({ type: LandPathView })
  @ApiConflictResponse({ description: CONFLICTS })
  @ApiNotFoundResponse({ description: '项目不存在或不在本人负责的开发区 (no such project in your zones)' })
  @Roles(...LAND_COMMAND_ROLES.lease)
  lease(@Param('projectId', uuid) projectId: string, @Body() body: LeaseRequest, @CurrentActor() actor: Actor, @CurrentPrincipal() p: Principal): Promise<LandPathView> {
    return this.paths.lease(projectId, body, actor, p);
  }
}
