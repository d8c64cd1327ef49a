import { Body, Controller, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@devzone/contracts';
import { CurrentPrincipal, Roles, type Principal } from '@devzone/auth';
import { CurrentActor } from '@devzone/platform';
import { LandChecksService } from '../application/land-checks.service';
import { PlotQueries } from '../application/plot-queries';
import { ProjectLandService } from '../application/project-land.service';
import { LAND_COMMAND_ROLES, ROUTE_ROLES } from '../domain/permissions';
import { InterimReportView, LandCheckView } from './checks.views';
import { ProjectLandView } from './land.views';
import { PlotMatchesView } from './plot.views';
import { CheckRequest, InterimRequest } from './requests.dto';

const uuid = new ParseUUIDPipe();
const NO_PROJECT = '项目不存在或不可见（其他开发区、其他企业）(no such project, or not yours)';

@ApiTags('projects 项目用地')
@Controller('projects/:projectId')
export class ProjectLandController {
  constructor(
    private readonly plotQueries: PlotQueries,
    private readonly projectLand: ProjectLandService,
    private readonly checks: LandChecksService,
  ) {}

  @Get('plot-matches')
  @ApiOperation({ summary: '为项目匹配本开发区的地块，并说明不匹配的原因 (plots that fit the project, and why the others do not)' })
  @ApiOkResponse({ type: PlotMatchesView })
  @ApiNotFoundResponse({ description: NO_PROJECT })
  @Roles(...ROUTE_ROLES.plotMatches)
  matches(@Param('projectId', uuid) projectId: string, @CurrentPrincipal() p: Principal): Promise<PlotMatchesView> {
    return this.plotQueries.matches(projectId, p);
  }

  @Get('land')
  @ApiOperation({ summary: '项目用地：用地方式、地块、合同、协议、核验及其状态、中期报告、施工进度、闲置土地，及当前用户可执行的操作 (the project’s land, and what the caller may do with it)' })
  @ApiOkResponse({ type: ProjectLandView })
  @ApiNotFoundResponse({ description: NO_PROJECT })
  landOf(@Param('projectId', uuid) projectId: string, @CurrentPrincipal() p: Principal): Promise<ProjectLandView> {
    return this.projectLand.landOf(projectId, p);
  }

  @Post('land-checks')
  @ApiOperation({
    summary: '竣工验收或达产复核的指标核验；未通过先限期整改，整改期内同一阶段再次核验为复核 (check the agreed indicators; a failure opens a rectification period, the next check of the stage is the re-check)',
  })
  @ApiCreatedResponse({ type: LandCheckView })
  @ApiNotFoundResponse({ description: `${NO_PROJECT}；no-contract：没有土地出让合同 (no land contract)` })
  @ApiConflictResponse({ description: 'check-closed：该阶段已有结论；rectification-lapsed：整改期限已过；no-performance-agreement：招拍挂出让用地无履约监管协议' })
  @Roles(...LAND_COMMAND_ROLES['land-checks'])
  check(@Param('projectId', uuid) projectId: string, @Body() body: CheckRequest, @CurrentActor() actor: Actor, @CurrentPrincipal() p: Principal): Promise<LandCheckView> {
    return this.checks.check(projectId, body.stage, body.measured, actor, p);
  }

  @Post('interim-reports')
  @ApiOperation({ summary: '企业中期数据，预警可能不达标的指标；每个报告期至多预警一次 (interim figures; at most one at-risk warning per reporting period)' })
  @ApiCreatedResponse({ type: InterimReportView })
  @ApiNotFoundResponse({ description: `${NO_PROJECT}；no-contract：没有土地出让合同 (no land contract)` })
  @ApiConflictResponse({ description: 'no-performance-agreement：招拍挂出让用地无履约监管协议 (a grant has no performance agreement)' })
  @Roles(...LAND_COMMAND_ROLES['interim-reports'])
  interim(@Param('projectId', uuid) projectId: string, @Body() body: InterimRequest, @CurrentActor() actor: Actor, @CurrentPrincipal() p: Principal): Promise<InterimReportView> {
    return this.checks.interim(projectId, body.measured, actor, p);
  }
}
