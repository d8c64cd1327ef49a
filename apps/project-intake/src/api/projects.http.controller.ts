import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@devzone/contracts';
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
  register(@Body() request: RegisterProjectRequest, @CurrentActor() actor: Actor) {
    return this.lifecycle.register(request, actor);
  }

  @Get()
  @ApiOperation({ summary: '项目列表 (list with filters and pagination)' })
  list(@Query() query: ListProjectsQuery) {
    return this.queries.list(query);
  }

  @Get(':id')
  @ApiOperation({ summary: '项目详情 (one project, by id or project code, with plan vs actual)' })
  @ApiNotFoundResponse(NOT_FOUND)
  get(@Param('id') id: string) {
    return this.queries.get(id);
  }

  @Get(':id/timeline')
  @ApiOperation({ summary: '项目时间线 (every event about the project, from every service, in order)' })
  @ApiNotFoundResponse(NOT_FOUND)
  timeline(@Param('id') id: string) {
    return this.queries.timeline(id);
  }

  @Post(':id/start')
  @HttpCode(200)
  @ApiOperation({ summary: '报告开工 (report construction start, with the permit or commitment decision number)' })
  @ApiConflictResponse(REFUSED)
  @ApiNotFoundResponse(NOT_FOUND)
  start(@Param('id') id: string, @Body() body: ReportStartRequest, @CurrentActor() actor: Actor) {
    return this.lifecycle.report(id, 'REPORT_START', body, actor);
  }

  @Post(':id/completion')
  @HttpCode(200)
  @ApiOperation({ summary: '报告竣工 (report completion)' })
  @ApiConflictResponse(REFUSED)
  @ApiNotFoundResponse(NOT_FOUND)
  completion(@Param('id') id: string, @Body() body: ReportDateRequest, @CurrentActor() actor: Actor) {
    return this.lifecycle.report(id, 'REPORT_COMPLETION', body, actor);
  }

  @Post(':id/production')
  @HttpCode(200)
  @ApiOperation({ summary: '报告投产 (report production; needs a passed 对标验收)' })
  @ApiConflictResponse(REFUSED)
  @ApiNotFoundResponse(NOT_FOUND)
  production(@Param('id') id: string, @Body() body: ReportDateRequest, @CurrentActor() actor: Actor) {
    return this.lifecycle.report(id, 'REPORT_PRODUCTION', body, actor);
  }

  @Post(':id/full-production')
  @HttpCode(200)
  @ApiOperation({ summary: '报告达产 (report full production, with the actual annual output)' })
  @ApiConflictResponse(REFUSED)
  @ApiNotFoundResponse(NOT_FOUND)
  fullProduction(@Param('id') id: string, @Body() body: ReportFullProductionRequest, @CurrentActor() actor: Actor) {
    return this.lifecycle.report(id, 'REPORT_FULL_PRODUCTION', body, actor);
  }

  @Post(':id/suspend')
  @HttpCode(200)
  @ApiOperation({ summary: '暂停 (suspend, with the reason)' })
  @ApiConflictResponse(REFUSED)
  @ApiNotFoundResponse(NOT_FOUND)
  suspend(@Param('id') id: string, @Body() body: ReasonRequest, @CurrentActor() actor: Actor) {
    return this.lifecycle.report(id, 'SUSPEND', body, actor);
  }

  @Post(':id/resume')
  @HttpCode(200)
  @ApiOperation({ summary: '恢复 (resume, with the reason)' })
  @ApiConflictResponse(REFUSED)
  @ApiNotFoundResponse(NOT_FOUND)
  resume(@Param('id') id: string, @Body() body: ReasonRequest, @CurrentActor() actor: Actor) {
    return this.lifecycle.report(id, 'RESUME', body, actor);
  }

  @Post(':id/terminate')
  @HttpCode(200)
  @ApiOperation({ summary: '终止 (terminate, with the reason)' })
  @ApiConflictResponse(REFUSED)
  @ApiNotFoundResponse(NOT_FOUND)
  terminate(@Param('id') id: string, @Body() body: ReasonRequest, @CurrentActor() actor: Actor) {
    return this.lifecycle.report(id, 'TERMINATE', body, actor);
  }
}
