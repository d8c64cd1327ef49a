import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, MANAGERS, READERS_OF_FIGURES, Roles, type Principal } from '@devzone/auth';
import { PageOf, type Page } from '@devzone/platform';
import { RoundsService } from '../application/rounds.service';
import { BatchProjectsQuery, CreateRoundRequest, ListRoundsQuery } from './requests.dto';
import { BatchProjectView } from './figures.views';
import { RoundView } from './rounds.views';

const ROUND_NOT_FOUND = { description: '批次不存在，或属于本人负责范围之外的开发区 (no such round for the caller)' };

/** 三个一批 rounds: a zone's windows of days (domain/rounds.ts). */
@ApiTags('rounds 三个一批批次')
@Controller('rounds')
export class RoundsController {
  constructor(private readonly rounds: RoundsService) {}

  @Post()
  @ApiOperation({ summary: '新建三个一批批次（开发区管理者、系统管理员）：名称在开发区内唯一，时间段（含首尾两日）不与本开发区其他批次重叠' })
  @ApiCreatedResponse({ type: RoundView, description: '新建的批次 (the round created)' })
  @ApiNotFoundResponse({ description: '开发区不在本人负责范围 (another zone’s manager)' })
  @ApiConflictResponse({ description: 'round-exists 同名批次已存在；round-overlaps 与本开发区另一批次时间重叠 (message names it)' })
  @Roles(...MANAGERS)
  create(@Body() body: CreateRoundRequest, @CurrentPrincipal() principal: Principal): Promise<RoundView> {
    return this.rounds.create(body, principal);
  }

  @Get()
  @ApiOperation({ summary: '三个一批批次列表（某开发区，或本人负责的全部开发区；按起始日倒序，分页）' })
  @ApiOkResponse({ type: PageOf(RoundView) })
  @ApiNotFoundResponse({ description: '开发区不存在或不在本人负责范围 (unknown zone, or not the caller’s)' })
  @Roles(...READERS_OF_FIGURES)
  list(@Query() query: ListRoundsQuery, @CurrentPrincipal() principal: Principal): Promise<Page<RoundView>> {
    return this.rounds.list(query, principal);
  }

  @Get(':id')
  @ApiOperation({ summary: '一个批次 (one round)' })
  @ApiOkResponse({ type: RoundView })
  @ApiNotFoundResponse(ROUND_NOT_FOUND)
  @Roles(...READERS_OF_FIGURES)
  get(@Param('id') id: string, @CurrentPrincipal() principal: Principal): Promise<RoundView> {
    return this.rounds.get(id, principal);
  }

  @Get(':id/projects')
  @ApiOperation({ summary: '批次某一批的项目：signed 签约一批 / started 开工一批 / in-production 投产一批（分页，按签约、开工或投产日期排序）' })
  @ApiOkResponse({ type: PageOf(BatchProjectView) })
  @ApiNotFoundResponse(ROUND_NOT_FOUND)
  @Roles(...READERS_OF_FIGURES)
  projects(@Param('id') id: string, @Query() query: BatchProjectsQuery, @CurrentPrincipal() principal: Principal): Promise<Page<BatchProjectView>> {
    return this.rounds.roundProjects(id, query, principal);
  }
}
