import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@devzone/contracts';
import { ACTING_FOR_PROJECTS, CurrentPrincipal, OFFICERS, Roles, type Principal } from '@devzone/auth';
import { CurrentActor } from '@devzone/platform';
import { ProjectLifecycleService } from '../application/project-lifecycle.service';
import { ProjectQueries } from '../application/project-queries.service';
import { ListProjectsQuery, ReasonRequest, RegisterProjectRequest, ReportDateRequest, ReportFullProductionRequest, ReportStartRequest } from './requests.dto';

const REFUSED = { description: '当前阶段不允许此操作，原因见 message (refused in the project’s current stage; nothing changed)' };
const NOT_FOUND = { description: '项目不存在 (no such project)' };

@ApiTags('projects 项目')
@Controller('projects')
export class ProjectsController {
  constructor(
    private readonly lifecycle: ProjectLifecycleService,
    private readonly queries: ProjectQueries,
  ) {}

  @Post()
  @ApiOperation({ summary: '登记签约项目 (register a signed project; issues its project code)' })
  @Roles(...OFFICERS)
  register(@Body() request: RegisterProjectRequest, @CurrentActor() actor: Actor, @CurrentPrincipal() principal: Principal) {
    return this.lifecycle.register(request, actor, principal);
  }

  @Get()
  @ApiOperation({ summary: '项目列表 (list with filters and pagination)' })
  list(@Query() query: ListProjectsQuery, @CurrentPrincipal() principal: Principal) {
    return this.queries.list(query, principal);
  }

  @Get(':id')
  @ApiOperation({ summary: '项目详情 (one project, by id or project code, with plan vs actual)' })
  @ApiNotFoundResponse(NOT_FOUND)
  get(@Param('id') id: string, @CurrentPrincipal() principal: Principal) {
    return this.queries.get(id, principal);
  }

  @Get(':id/timeline')
  @ApiOperation({ summary: '项目时间线 (every event about the project, from every service, in order)' })
  @ApiNotFoundResponse(NOT_FOUND)
  timeline(@Param('id') id: string, @CurrentPrincipal() principal: Principal) {
    return this.queries.timeline(id, principal);
  }

  @Post(':id/start')
  @HttpCode(200)
  @ApiOperation({ summary: '报告开工 (report construction start, with the permit or commitment decision number)' })
  @ApiConflictResponse(REFUSED)
  @ApiNotFoundResponse(NOT_FOUND)
  @Roles(...ACTING_FOR_PROJECTS)
  start(@Param('id') id: string, @Body() body: ReportStartRequest, @CurrentActor() actor: Actor, @CurrentPrincipal() principal: Principal) {
    return this.lifecycle.report(id, 'REPORT_START', body, actor, principal);
  }

  @Post(':id/completion')
  @HttpCode(200)
  @ApiOperation({ summary: '报告竣工 (report completion)' })
  @ApiConflictResponse(REFUSED)
  @ApiNotFoundResponse(NOT_FOUND)
  @Roles(...ACTING_FOR_PROJECTS)
  completion(@Param('id') id: string, @Body() body: ReportDateRequest, @CurrentActor() actor: Actor, @CurrentPrincipal() principal: Principal) {
    return this.lifecycle.report(id, 'REPORT_COMPLETION', body, actor, principal);
  }

  @Post(':id/production')
  @HttpCode(200)
  @ApiOperation({ summary: '报告投产 (report production; needs a passed 对标验收)' })
  @ApiConflictResponse(REFUSED)
  @ApiNotFoundResponse(NOT_FOUND)
  @Roles(...ACTING_FOR_PROJECTS)
  production(@Param('id') id: string, @Body() body: ReportDateRequest, @CurrentActor() actor: Actor, @CurrentPrincipal() principal: Principal) {
    return this.lifecycle.report(id, 'REPORT_PRODUCTION', body, actor, principal);
  }

  @Post(':id/full-production')
  @HttpCode(200)
  @ApiOperation({ summary: '报告达产 (report full production, with the actual annual output)' })
  @ApiConflictResponse(REFUSED)
  @ApiNotFoundResponse(NOT_FOUND)
  @Roles(...ACTING_FOR_PROJECTS)
  fullProduction(@Param('id') id: string, @Body() body: ReportFullProductionRequest, @CurrentActor() actor: Actor, @CurrentPrincipal() principal: Principal) {
    return this.lifecycle.report(id, 'REPORT_FULL_PRODUCTION', body, actor, principal);
  }

  @Post(':id/suspend')
  @HttpCode(200)
  @ApiOperation({ summary: '暂停 (suspend, with the reason)' })
  @ApiConflictResponse(REFUSED)
  @ApiNotFoundResponse(NOT_FOUND)
  @Roles(...OFFICERS)
  suspend(@Param('id') id: string, @Body() body: ReasonRequest, @CurrentActor() actor: Actor, @CurrentPrincipal() principal: Principal) {
    return this.lifecycle.report(id, 'SUSPEND', body, actor, principal);
  }

  @Post(':id/resume')
  @HttpCode(200)
  @ApiOperation({ summary: '恢复 (resume, with the reason)' })
  @ApiConflictResponse(REFUSED)
  @ApiNotFoundResponse(NOT_FOUND)
  @Roles(...OFFICERS)
  resume(@Param('id') id: string, @Body() body: ReasonRequest, @CurrentActor() actor: Actor, @CurrentPrincipal() principal: Principal) {
    return this.lifecycle.report(id, 'RESUME', body, actor, principal);
  }

  @Post(':id/terminate')
  @HttpCode(200)
  @ApiOperation({ summary: '终止 (terminate, with the reason)' })
  @ApiConflictResponse(REFUSED)
  @ApiNotFoundResponse(NOT_FOUND)
  @Roles(...OFFICERS)
  terminate(@Param('id') id: string, @Body() body: ReasonRequest, @CurrentActor() actor: Actor, @CurrentPrincipal() principal: Principal) {
    return this.lifecycle.report(id, 'TERMINATE', body, actor, principal);
  }
}
