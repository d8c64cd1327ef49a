import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@devzone/contracts';
import { CurrentPrincipal, Roles, type Principal } from '@devzone/auth';
import { CurrentActor, PageOf, type Page } from '@devzone/platform';
import { REGISTER_PROJECT_ROLES, rolesOf } from '../domain/permissions';
import { ProjectLifecycleService } from '../application/project-lifecycle.service';
import { ProjectQueries } from '../application/project-queries.service';
import { ListProjectsQuery, ReasonRequest, RegisterProjectRequest, ReportDateRequest, ReportFullProductionRequest, ReportStartRequest } from './requests.dto';
import { ProjectView, TimelineEntryView } from './projects.views';
import { TimelineQuery } from './timeline.dto';

const REFUSED = { description: '当前阶段不允许此操作，原因见 message；未做任何更改 (refused in the project’s current stage; nothing changed)' };
const NOT_FOUND = { description: '项目不存在，或不在本人可见范围 (no such project for the caller)' };
const UPDATED = { type: ProjectView, description: '更新后的项目 (the project after the command)' };

/** Who may call each command: domain/permissions.ts (the same map computes ProjectView.actions). */
@ApiTags('projects 项目')
@Controller('projects')
export class ProjectsController {
  constructor(
    private readonly lifecycle: ProjectLifecycleService,
    private readonly queries: ProjectQueries,
  ) {}

  @Post()
  @ApiOperation({ summary: '登记签约项目 (register a signed project; issues its project code)' })
  @ApiCreatedResponse({ type: ProjectView, description: '登记的项目 (the project registered)' })
  @Roles(...REGISTER_PROJECT_ROLES)
  register(@Body() request: RegisterProjectRequest, @CurrentActor() actor: Actor, @CurrentPrincipal() principal: Principal): Promise<ProjectView> {
    return this.lifecycle.register(request, actor, principal);
  }

  @Get()
  @ApiOperation({ summary: '项目列表（筛选、分页；只含本人可见的项目）(list with filters and pagination; the caller’s projects only)' })
  @ApiOkResponse({ type: PageOf(ProjectView) })
  list(@Query() query: ListProjectsQuery, @CurrentPrincipal() principal: Principal): Promise<Page<ProjectView>> {
    return this.queries.list(query, principal);
  }

  @Get(':id')
  @ApiOperation({ summary: '项目详情 (one project, by id or project code, with plan vs actual and the caller’s actions)' })
  @ApiOkResponse({ type: ProjectView })
  @ApiNotFoundResponse(NOT_FOUND)
  get(@Param('id') id: string, @CurrentPrincipal() principal: Principal): Promise<ProjectView> {
    return this.queries.get(id, principal);
  }

  @Get(':id/timeline')
  @ApiOperation({
    summary: '项目时间线：各服务关于本项目的全部事件，最新在前，可按服务、类别、对象筛选，分页 (every event about the project, from every service, newest first; filters: source, kind, object; paged)',
  })
  @ApiOkResponse({ type: PageOf(TimelineEntryView) })
  @ApiNotFoundResponse(NOT_FOUND)
  timeline(@Param('id') id: string, @Query() query: TimelineQuery, @CurrentPrincipal() principal: Principal): Promise<Page<TimelineEntryView>> {
    return this.queries.timeline(id, query, principal);
  }

  @Post(':id/start')
  @HttpCode(200)
  @ApiOperation({ summary: '报告开工 (report construction start, with the permit or commitment decision number)' })
  @ApiOkResponse(UPDATED)
  @ApiConflictResponse(REFUSED)
  @ApiNotFoundResponse(NOT_FOUND)
  @Roles(...rolesOf('start'))
  start(@Param('id') id: string, @Body() body: ReportStartRequest, @CurrentActor() actor: Actor, @CurrentPrincipal() principal: Principal): Promise<ProjectView> {
    return this.lifecycle.report(id, 'start', body, actor, principal);
  }

  @Post(':id/completion')
  @HttpCode(200)
  @ApiOperation({ summary: '报告竣工 (report completion)' })
  @ApiOkResponse(UPDATED)
  @ApiConflictResponse(REFUSED)
  @ApiNotFoundResponse(NOT_FOUND)
  @Roles(...rolesOf('completion'))
  completion(@Param('id') id: string, @Body() body: ReportDateRequest, @CurrentActor() actor: Actor, @CurrentPrincipal() principal: Principal): Promise<ProjectView> {
    return this.lifecycle.report(id, 'completion', body, actor, principal);
  }

  @Post(':id/production')
  @HttpCode(200)
  @ApiOperation({ summary: '报告投产 (report production; needs a passed 对标验收)' })
  @ApiOkResponse(UPDATED)
  @ApiConflictResponse(REFUSED)
  @ApiNotFoundResponse(NOT_FOUND)
  @Roles(...rolesOf('production'))
  production(@Param('id') id: string, @Body() body: ReportDateRequest, @CurrentActor() actor: Actor, @CurrentPrincipal() principal: Principal): Promise<ProjectView> {
    return this.lifecycle.report(id, 'production', body, actor, principal);
  }

  @Post(':id/full-production')
  @HttpCode(200)
  @ApiOperation({ summary: '报告达产 (report full production, with the actual annual output)' })
  @ApiOkResponse(UPDATED)
  @ApiConflictResponse(REFUSED)
  @ApiNotFoundResponse(NOT_FOUND)
  @Roles(...rolesOf('full-production'))
  fullProduction(@Param('id') id: string, @Body() body: ReportFullProductionRequest, @CurrentActor() actor: Actor, @CurrentPrincipal() principal: Principal): Promise<ProjectView> {
    return this.lifecycle.report(id, 'full-production', body, actor, principal);
  }

  @Post(':id/suspend')
  @HttpCode(200)
  @ApiOperation({ summary: '暂停 (suspend, with the reason)' })
  @ApiOkResponse(UPDATED)
  @ApiConflictResponse(REFUSED)
  @ApiNotFoundResponse(NOT_FOUND)
  @Roles(...rolesOf('suspend'))
  suspend(@Param('id') id: string, @Body() body: ReasonRequest, @CurrentActor() actor: Actor, @CurrentPrincipal() principal: Principal): Promise<ProjectView> {
    return this.lifecycle.report(id, 'suspend', body, actor, principal);
  }

  @Post(':id/resume')
  @HttpCode(200)
  @ApiOperation({ summary: '恢复 (resume, with the reason)' })
  @ApiOkResponse(UPDATED)
  @ApiConflictResponse(REFUSED)
  @ApiNotFoundResponse(NOT_FOUND)
  @Roles(...rolesOf('resume'))
  resume(@Param('id') id: string, @Body() body: ReasonRequest, @CurrentActor() actor: Actor, @CurrentPrincipal() principal: Principal): Promise<ProjectView> {
    return this.lifecycle.report(id, 'resume', body, actor, principal);
  }

  @Post(':id/terminate')
  @HttpCode(200)
  @ApiOperation({ summary: '终止 (terminate, with the reason)' })
  @ApiOkResponse(UPDATED)
  @ApiConflictResponse(REFUSED)
  @ApiNotFoundResponse(NOT_FOUND)
  @Roles(...rolesOf('terminate'))
  terminate(@Param('id') id: string, @Body() body: ReasonRequest, @CurrentActor() actor: Actor, @CurrentPrincipal() principal: Principal): Promise<ProjectView> {
    return this.lifecycle.report(id, 'terminate', body, actor, principal);
  }
}
