import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { coversZone, CurrentPrincipal, Roles, STAFF, type Principal, type Role } from '@devzone/auth';
import { PageOf, type Page } from '@devzone/platform';
import { DomainError } from '@devzone/shared-kernel';
import { AgencyQueries } from '../application/agency.queries';
import { DelegationService } from '../application/delegation.service';
import { AgencySettings } from '../application/settings.service';
import { agentView, NO_WORKLOAD, settingsView, teamView } from '../application/view-builders';
import { COMMAND_ROLES } from '../domain/permissions';
import { AgentOrm, TeamOrm } from '../infrastructure/orm-entities';
import { AgencySettingsView, AgentView, TeamLoadView, TeamView, WorklistView } from './agent.views';
import { DelegationView, ProgressView } from './delegation.views';
import { AgencySettingsRequest, AgentRequest, AgentsQuery, AssignRequest, RatingRequest, TaskActionRequest, TaskNoteRequest, TeamRequest, WorklistQuery } from './requests.dto';
import { TaskView } from './task.views';

const uuid = new ParseUUIDPipe();
/** Who reads a team's load and record (the commands' roles are in domain/permissions.ts). */
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
  @ApiOkResponse({ type: DelegationView })
  @ApiNotFoundResponse({ description: '委托不存在或不在本人可见范围 (no such delegation for you)' })
  get(@Param('id', uuid) id: string, @CurrentPrincipal() p: Principal): Promise<DelegationView> {
    return this.queries.delegation(id, p);
  }

  @Get('projects/:projectId/delegation')
  @ApiOperation({ summary: '项目的全代办委托 (the delegation of a project)' })
  @ApiOkResponse({ type: DelegationView })
  @ApiNotFoundResponse({ description: '该项目没有全代办委托或不在本人可见范围 (no delegation for this project)' })
  ofProject(@Param('projectId', uuid) projectId: string, @CurrentPrincipal() p: Principal): Promise<DelegationView> {
    return this.queries.delegationOfProject(projectId, p);
  }

  @Get('projects/:projectId/progress')
  @ApiOperation({ summary: '企业视角：完成比例与待企业办理事项 (progress for the enterprise)' })
  @ApiOkResponse({ type: ProgressView })
  @ApiNotFoundResponse({ description: '该项目没有全代办委托或不在本人可见范围 (no delegation for this project)' })
  progress(@Param('projectId', uuid) projectId: string, @CurrentPrincipal() p: Principal): Promise<ProgressView> {
    return this.queries.progress(projectId, p);
  }

  @Post('delegations/:id/assign')
  @HttpCode(200)
  @ApiOperation({ summary: '负责人指派或改派代办员，须说明改派原因（保留历史）(assign or reassign the agent, with a reason)' })
  @ApiOkResponse({ type: DelegationView, description: '改派后的委托 (the delegation after the assignment)' })
  @ApiForbiddenResponse({ description: '仅限代办专班负责人 (team leads only)' })
  @ApiNotFoundResponse({ description: '委托不存在或不在本人负责的开发区 (no such delegation in your zones)' })
  @ApiConflictResponse({ description: '委托已办结，或已是该代办员 (closed, or already this agent)' })
  @Roles(...COMMAND_ROLES.assign)
  async assign(@Param('id', uuid) id: string, @Body() body: AssignRequest, @CurrentPrincipal() p: Principal): Promise<DelegationView> {
    return this.queries.delegationAfter(await this.delegations.reassign(id, body.agentId, body.reason, p), p);
  }

  @Post('delegations/:id/rating')
  @HttpCode(200)
  @ApiOperation({ summary: '企业评价（好差评，办结后一次）(rate the service, once, after closure)' })
  @ApiOkResponse({ type: DelegationView, description: '评价后的委托 (the delegation with its rating)' })
  @ApiNotFoundResponse({ description: '委托不存在或不是本企业的项目 (no such delegation of yours)' })
  @ApiConflictResponse({ description: '尚未办结或已评价 (not closed yet, or rated already)' })
  @Roles(...COMMAND_ROLES.rating)
  async rate(@Param('id', uuid) id: string, @Body() body: RatingRequest, @CurrentPrincipal() p: Principal): Promise<DelegationView> {
    return this.queries.delegationAfter(await this.delegations.rate(id, body.score, body.comment, p), p);
  }

  @Post('tasks/:id/actions')
  @HttpCode(200)
  @ApiOperation({ summary: '代办员更新事项状态 (an agent moves a task)' })
  @ApiOkResponse({ type: TaskView, description: '更新后的事项 (the task after the move)' })
  @ApiForbiddenResponse({ description: '仅限代办员与代办专班负责人 (agents and team leads only)' })
  @ApiNotFoundResponse({ description: '事项不存在，或不是本人代办的项目 (no such task of yours)' })
  @ApiConflictResponse({ description: '当前状态不允许 (the task’s status does not allow it)' })
  @Roles(...COMMAND_ROLES.actions)
  async act(@Param('id', uuid) id: string, @Body() body: TaskActionRequest, @CurrentPrincipal() p: Principal): Promise<TaskView> {
    await this.delegations.act(id, body.action, body, p);
    return this.queries.task(id, p);
  }

  @Post('tasks/:id/notes')
  @HttpCode(200)
  @ApiOperation({ summary: '记录备注或阻碍 (a note or a blocker)' })
  @ApiOkResponse({ type: TaskView, description: '记录后的事项 (the task with the note)' })
  @ApiNotFoundResponse({ description: '事项不存在，或不是本人代办的项目 (no such task of yours)' })
  @Roles(...COMMAND_ROLES.notes)
  async note(@Param('id', uuid) id: string, @Body() body: TaskNoteRequest, @CurrentPrincipal() p: Principal): Promise<TaskView> {
    await this.delegations.annotate(id, body, p);
    return this.queries.task(id, p);
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
  @ApiOperation({ summary: '代办员名录与当前负荷：办理中委托、未办结事项、已超期事项（本人负责的开发区）(agents of your zones, with their load)' })
  @ApiOkResponse({ type: PageOf(AgentView) })
  @Roles(...STAFF)
  list(@Query() q: AgentsQuery, @CurrentPrincipal() p: Principal): Promise<Page<AgentView>> {
    return this.queries.agents(q, p);
  }

  @Post('agents')
  @ApiOperation({ summary: '登记代办员（负责人）(add an agent)' })
  @ApiCreatedResponse({ type: AgentView })
  @ApiConflictResponse({ description: '代办员编号已存在 (the agent id exists)' })
  @Roles(...COMMAND_ROLES.addAgent)
  async addAgent(@Body() body: AgentRequest, @CurrentPrincipal() p: Principal): Promise<AgentView> {
    inOwnZone(p, body.zoneCode);
    const repo = this.dataSource.getRepository(AgentOrm);
    if (await repo.existsBy({ id: body.id })) throw DomainError.refused({ zh: `代办员 ${body.id} 已存在`, en: `agent ${body.id} exists` }, 'agent-exists');
    if (body.teamCode && !(await this.dataSource.getRepository(TeamOrm).existsBy({ code: body.teamCode }))) throw DomainError.invalid('teamCode', { zh: `代办专班不存在：${body.teamCode}`, en: `no team ${body.teamCode}` });
    return agentView(await repo.save(repo.create({ ...body, mobile: body.mobile ?? null, teamCode: body.teamCode ?? null, active: body.active ?? true })), NO_WORKLOAD); // a new agent holds nothing yet
  }

  @Post('teams')
  @ApiOperation({ summary: '登记代办专班（负责人）(add a team)' })
  @ApiCreatedResponse({ type: TeamView })
  @ApiConflictResponse({ description: '代办专班代码已存在 (the team code exists)' })
  @Roles(...COMMAND_ROLES.addTeam)
  async addTeam(@Body() body: TeamRequest, @CurrentPrincipal() p: Principal): Promise<TeamView> {
    inOwnZone(p, body.zoneCode);
    const repo = this.dataSource.getRepository(TeamOrm);
    if (await repo.existsBy({ code: body.code })) throw DomainError.refused({ zh: `代办专班 ${body.code} 已存在`, en: `team ${body.code} exists` }, 'team-exists');
    return teamView(await repo.save(repo.create({ ...body, leadAgentId: body.leadAgentId ?? null })));
  }

  @Get('agents/:id/worklist')
  @ApiOperation({ summary: '代办员工作清单：今日到期、已超期、等待企业；可按事项/项目名称、部门、状态、到期筛选 (an agent’s worklist, filtered by text, department, status, due window)' })
  @ApiOkResponse({ type: WorklistView })
  @ApiBadRequestResponse({ description: '筛选条件无效（如未知的状态或到期范围）(an unknown status or due window)' })
  @ApiNotFoundResponse({ description: '代办员不存在或不在本人可见范围 (no such agent for you)' })
  @Roles(...STAFF)
  worklist(@Param('id') id: string, @Query() q: WorklistQuery, @CurrentPrincipal() p: Principal): Promise<WorklistView> {
    return this.queries.worklist(id, q, p);
  }

  @Get('teams/:code/load')
  @ApiOperation({ summary: '专班负荷与按时办结率、评价 (a team’s load and record)' })
  @ApiOkResponse({ type: TeamLoadView })
  @ApiNotFoundResponse({ description: '代办专班不存在或不在本人负责的开发区 (no such team in your zones)' })
  @Roles(...OVERSEERS)
  load(@Param('code') code: string, @CurrentPrincipal() p: Principal): Promise<TeamLoadView> {
    return this.queries.teamLoad(code, p);
  }

  @Get('settings/zones/:zone')
  @ApiOperation({ summary: '预警与督办阈值；未单独设置的开发区答默认值（zoneCode 为 *）(the zone’s thresholds, or the defaults)' })
  @ApiOkResponse({ type: AgencySettingsView })
  async getSettings(@Param('zone') zone: string): Promise<AgencySettingsView> {
    return settingsView(await this.settings.forZone(zone));
  }

  @Put('settings/zones/:zone')
  @ApiOperation({ summary: '预警与督办阈值（工作日）(warning and escalation thresholds)' })
  @ApiOkResponse({ type: AgencySettingsView })
  @ApiNotFoundResponse({ description: '开发区不存在或不在本人负责范围 (no such zone of yours)' })
  @Roles(...COMMAND_ROLES.zoneSettings)
  async putSettings(@Param('zone') zone: string, @Body() body: AgencySettingsRequest, @CurrentPrincipal() p: Principal): Promise<AgencySettingsView> {
    if (!coversZone(p, zone)) throw DomainError.notFound({ zh: `开发区不存在或不在本人负责范围：${zone}`, en: `no zone ${zone} for you` }, 'zone-not-found');
    return settingsView(await this.settings.update(zone, body));
  }
}
