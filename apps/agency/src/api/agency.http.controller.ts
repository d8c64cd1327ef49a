import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiForbiddenResponse, ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { coversZone, CurrentPrincipal, Roles, STAFF, type Principal, type Role } from '@devzone/auth';
import { DomainError } from '@devzone/shared-kernel';
import { AgencyQueries } from '../application/agency.queries';
import { DelegationService } from '../application/delegation.service';
import { AgencySettings } from '../application/settings.service';
import { AgentOrm, TeamOrm } from '../infrastructure/orm-entities';
import { AgencySettingsRequest, AgentRequest, AgentsQuery, AssignRequest, RatingRequest, TaskActionRequest, TaskNoteRequest, TeamRequest } from './requests.dto';

const uuid = new ParseUUIDPipe();
const LEADS: Role[] = ['agency-supervisor', 'admin'];
const WORKERS: Role[] = ['agency-agent', 'agency-supervisor', 'admin'];
const OVERSEERS: Role[] = ['agency-supervisor', 'zone-officer', 'zone-manager', 'province-manager', 'admin'];
/** A team lead adds agents and teams only in the zones it leads. */
const inOwnZone = (p: Principal, zone: string) => {
  if (!coversZone(p, zone)) throw DomainError.forbidden({ zh: `不能在本人负责之外的开发区（${zone}）登记`, en: `you do not work in zone ${zone}` }, 'zone');
};

@ApiTags('delegations 全代办')
@Controller()
export class DelegationsController {
  constructor(
    private readonly delegations: DelegationService,
    private readonly queries: AgencyQueries,
  ) {}

  @Get('delegations/:id')
  @ApiOperation({ summary: '委托详情：代办员、指派历史、代办事项与红黄绿 (a delegation)' })
  @ApiNotFoundResponse({ description: '委托不存在' })
  get(@Param('id', uuid) id: string, @CurrentPrincipal() p: Principal) {
    return this.queries.delegation(id, p);
  }

  @Get('projects/:projectId/delegation')
  @ApiOperation({ summary: '项目的全代办委托 (the delegation of a project)' })
  ofProject(@Param('projectId', uuid) projectId: string, @CurrentPrincipal() p: Principal) {
    return this.queries.delegationOfProject(projectId, p);
  }

  @Get('projects/:projectId/progress')
  @ApiOperation({ summary: '企业视角：完成比例与待企业办理事项 (progress for the enterprise)' })
  progress(@Param('projectId', uuid) projectId: string, @CurrentPrincipal() p: Principal) {
    return this.queries.progress(projectId, p);
  }

  @Post('delegations/:id/assign')
  @HttpCode(200)
  @ApiOperation({ summary: '负责人指派或改派代办员（保留历史）(assign or reassign the agent)' })
  @ApiForbiddenResponse({ description: '仅限代办专班负责人' })
  @Roles(...LEADS)
  assign(@Param('id', uuid) id: string, @Body() body: AssignRequest, @CurrentPrincipal() p: Principal) {
    return this.delegations.reassign(id, body.agentId, p);
  }

  @Post('delegations/:id/rating')
  @HttpCode(200)
  @ApiOperation({ summary: '企业评价（好差评，办结后一次）(rate the service, once, after closure)' })
  @ApiConflictResponse({ description: '尚未办结或已评价' })
  @Roles('enterprise')
  rate(@Param('id', uuid) id: string, @Body() body: RatingRequest, @CurrentPrincipal() p: Principal) {
    return this.delegations.rate(id, body.score, body.comment, p);
  }

  @Post('tasks/:id/actions')
  @HttpCode(200)
  @ApiOperation({ summary: '代办员更新事项状态 (an agent moves a task)' })
  @ApiForbiddenResponse({ description: '不是该项目的代办员' })
  @ApiConflictResponse({ description: '当前状态不允许' })
  @Roles(...WORKERS)
  act(@Param('id', uuid) id: string, @Body() body: TaskActionRequest, @CurrentPrincipal() p: Principal) {
    return this.delegations.act(id, body.action, body, p);
  }

  @Post('tasks/:id/notes')
  @HttpCode(200)
  @ApiOperation({ summary: '记录备注或阻碍 (a note or a blocker)' })
  @Roles(...WORKERS)
  note(@Param('id', uuid) id: string, @Body() body: TaskNoteRequest, @CurrentPrincipal() p: Principal) {
    return this.delegations.annotate(id, body, p);
  }
}

@ApiTags('agents 代办员与专班')
@Controller()
export class AgentsController {
  constructor(
    private readonly queries: AgencyQueries,
    private readonly settings: AgencySettings,
    private readonly dataSource: DataSource,
  ) {}

  @Get('agents')
  @ApiOperation({ summary: '代办员名录（本人负责的开发区）(agents of your zones)' })
  @Roles(...STAFF)
  list(@Query() q: AgentsQuery, @CurrentPrincipal() p: Principal) {
    return this.queries.agents(q, p);
  }

  @Post('agents')
  @ApiOperation({ summary: '登记代办员（负责人）(add an agent)' })
  @Roles(...LEADS)
  async addAgent(@Body() body: AgentRequest, @CurrentPrincipal() p: Principal) {
    inOwnZone(p, body.zoneCode);
    const repo = this.dataSource.getRepository(AgentOrm);
    if (await repo.existsBy({ id: body.id })) throw DomainError.refused({ zh: `代办员 ${body.id} 已存在`, en: `agent ${body.id} exists` }, 'agent-exists');
    if (body.teamCode && !(await this.dataSource.getRepository(TeamOrm).existsBy({ code: body.teamCode }))) throw DomainError.invalid('teamCode', { zh: `代办专班不存在：${body.teamCode}`, en: `no team ${body.teamCode}` });
    return repo.save(repo.create({ ...body, mobile: body.mobile ?? null, teamCode: body.teamCode ?? null, active: body.active ?? true }));
  }

  @Post('teams')
  @ApiOperation({ summary: '登记代办专班（负责人）(add a team)' })
  @Roles(...LEADS)
  async addTeam(@Body() body: TeamRequest, @CurrentPrincipal() p: Principal) {
    inOwnZone(p, body.zoneCode);
    const repo = this.dataSource.getRepository(TeamOrm);
    if (await repo.existsBy({ code: body.code })) throw DomainError.refused({ zh: `代办专班 ${body.code} 已存在`, en: `team ${body.code} exists` }, 'team-exists');
    return repo.save(repo.create({ ...body, leadAgentId: body.leadAgentId ?? null }));
  }

  @Get('agents/:id/worklist')
  @ApiOperation({ summary: '代办员工作清单：今日到期、已超期、等待企业 (an agent’s worklist)' })
  @Roles(...STAFF)
  worklist(@Param('id') id: string, @CurrentPrincipal() p: Principal) {
    return this.queries.worklist(id, p);
  }

  @Get('teams/:code/load')
  @ApiOperation({ summary: '专班负荷与按时办结率、评价 (a team’s load and record)' })
  @Roles(...OVERSEERS)
  load(@Param('code') code: string, @CurrentPrincipal() p: Principal) {
    return this.queries.teamLoad(code, p);
  }

  @Get('settings/zones/:zone')
  getSettings(@Param('zone') zone: string) {
    return this.settings.forZone(zone);
  }

  @Put('settings/zones/:zone')
  @ApiOperation({ summary: '预警与督办阈值（工作日）(warning and escalation thresholds)' })
  @Roles(...LEADS)
  putSettings(@Param('zone') zone: string, @Body() body: AgencySettingsRequest, @CurrentPrincipal() p: Principal) {
    if (!coversZone(p, zone)) throw DomainError.notFound({ zh: `开发区不存在或不在本人负责范围：${zone}`, en: `no zone ${zone} for you` }, 'zone-not-found');
    return this.settings.update(zone, body);
  }
}
