import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DataSource, In } from 'typeorm';
import type { Actor } from '@devzone/contracts';
import { coversZone, CurrentPrincipal, isProvinceWide, OFFICERS, Roles, type Principal } from '@devzone/auth';
import { CurrentActor, pageOf } from '@devzone/platform';
import { DomainError } from '@devzone/shared-kernel';
import { LandChecksService } from '../application/land-checks.service';
import { LandService } from '../application/land.service';
import { PlotOrm } from '../infrastructure/orm-entities';
import { CheckRequest, CreatePlotRequest, InterimRequest, PlotsQuery, ReserveRequest, TransferRequest } from './requests.dto';

const uuid = new ParseUUIDPipe();

/** Staff see their zones' plots; enterprises every zone's published (AVAILABLE) ones. */
const seesPlotsOf = (p: Principal, zone: string) => p.role === 'enterprise' || coversZone(p, zone);
const seesPlot = (p: Principal, plot: PlotOrm) => (p.role === 'enterprise' ? plot.status === 'AVAILABLE' : coversZone(p, plot.zoneCode));

@ApiTags('plots 标准地地块')
@Controller()
export class PlotsController {
  constructor(
    private readonly land: LandService,
    private readonly dataSource: DataSource,
  ) {}

  @Get('indicator-templates/:zone')
  @ApiOperation({ summary: '开发区的控制性指标模板（"3+X"）(the zone’s indicator template)' })
  template(@Param('zone') zone: string) {
    return this.land.template(zone);
  }

  @Post('plots')
  @ApiOperation({ summary: '登记地块（准备中）(add a plot, in preparation)' })
  @Roles(...OFFICERS)
  create(@Body() body: CreatePlotRequest, @CurrentPrincipal() p: Principal) {
    return this.land.createPlot(body, p);
  }

  @Get('plots')
  @ApiOperation({ summary: '地块库 (plots by zone and status)' })
  async list(@Query() q: PlotsQuery, @CurrentPrincipal() p: Principal) {
    const { page, pageSize, skip, take } = pageOf(q);
    const zones = q.zone ? [q.zone].filter((z) => seesPlotsOf(p, z)) : isProvinceWide(p) || p.role === 'enterprise' ? undefined : p.zones;
    // Enterprises browse the published catalogue (AVAILABLE) of every zone; staff their zones' plots in any state.
    if (p.role === 'enterprise' && q.status && q.status !== 'AVAILABLE') return { items: [], total: 0, page, pageSize };
    const status = p.role === 'enterprise' ? 'AVAILABLE' : q.status;
    const [items, total] = await this.dataSource.getRepository(PlotOrm).findAndCount({
      where: { ...(zones ? { zoneCode: In(zones) } : {}), ...(status ? { status } : {}) },
      order: { code: 'ASC' },
      skip,
      take,
    });
    return { items, total, page, pageSize };
  }

  @Get('plots/:code')
  @ApiNotFoundResponse({ description: '地块不存在' })
  async get(@Param('code') code: string, @CurrentPrincipal() p: Principal) {
    const plot = await this.dataSource.getRepository(PlotOrm).findOneBy({ code });
    if (!plot || !seesPlot(p, plot)) throw DomainError.notFound({ zh: `地块不存在：${code}`, en: `no plot ${code}` }, 'plot-not-found');
    return plot;
  }

  @Post('plots/:code/publish')
  @HttpCode(200)
  @ApiOperation({ summary: '发布为标准地（区域评估完成、三通一平以上、有控制性指标）(publish)' })
  @ApiConflictResponse({ description: '不具备发布条件，原因见 message' })
  @Roles(...OFFICERS)
  publish(@Param('code') code: string, @CurrentActor() actor: Actor, @CurrentPrincipal() p: Principal) {
    return this.land.publish(code, actor, p);
  }

  @Post('plots/:code/reserve')
  @HttpCode(200)
  @ApiOperation({ summary: '为项目预留地块 (reserve for a project)' })
  @ApiConflictResponse({ description: '地块状态不允许或不符合项目条件' })
  @Roles(...OFFICERS)
  reserve(@Param('code') code: string, @Body() body: ReserveRequest, @CurrentActor() actor: Actor, @CurrentPrincipal() p: Principal) {
    return this.land.reserve(code, body.projectId, actor, p);
  }

  @Post('plots/:code/release')
  @HttpCode(200)
  @ApiOperation({ summary: '取消预留 (release a reservation)' })
  @Roles(...OFFICERS)
  release(@Param('code') code: string, @CurrentActor() actor: Actor, @CurrentPrincipal() p: Principal) {
    return this.land.release(code, actor, p);
  }

  @Post('plots/:code/transfer')
  @HttpCode(200)
  @ApiOperation({ summary: '出让：签订出让合同与履约监管协议 (transfer: land-grant contract and performance agreement)' })
  @ApiConflictResponse({ description: '地块已出让、仍在准备中或预留给其他项目' })
  @Roles(...OFFICERS)
  transfer(@Param('code') code: string, @Body() body: TransferRequest, @CurrentActor() actor: Actor, @CurrentPrincipal() p: Principal) {
    return this.land.transfer(code, body, actor, p);
  }
}

@ApiTags('projects 项目用地')
@Controller('projects/:projectId')
export class ProjectLandController {
  constructor(
    private readonly land: LandService,
    private readonly checks: LandChecksService,
  ) {}

  @Get('plot-matches')
  @ApiOperation({ summary: '为项目匹配可供地块，并说明不匹配的原因 (plots that fit the project, and why the others do not)' })
  @Roles(...OFFICERS)
  matches(@Param('projectId', uuid) projectId: string, @CurrentPrincipal() p: Principal) {
    return this.land.matches(projectId, p);
  }

  @Get('land')
  @ApiOperation({ summary: '项目用地：用地方式、地块、合同、协议、核验及其状态、中期报告、施工进度、闲置土地 (the project’s land)' })
  landOf(@Param('projectId', uuid) projectId: string, @CurrentPrincipal() p: Principal) {
    return this.land.landOf(projectId, p);
  }

  @Post('land-checks')
  @ApiOperation({
    summary: '竣工验收或达产复核的指标核验；未通过先限期整改，整改期内同一阶段再次核验为复核 (check the agreed indicators; a failure opens a rectification period, the next check of the stage is the re-check)',
  })
  @ApiConflictResponse({ description: '该阶段已有结论、整改期限已过，或招拍挂出让用地无履约监管协议' })
  @Roles(...OFFICERS)
  check(@Param('projectId', uuid) projectId: string, @Body() body: CheckRequest, @CurrentActor() actor: Actor, @CurrentPrincipal() p: Principal) {
    return this.checks.check(projectId, body.stage, body.measured, actor, p);
  }

  @Post('interim-reports')
  @ApiOperation({ summary: '企业中期数据，预警可能不达标的指标；每个报告期至多预警一次 (interim figures; at most one at-risk warning per reporting period)' })
  @Roles('enterprise', 'zone-officer', 'admin')
  interim(@Param('projectId', uuid) projectId: string, @Body() body: InterimRequest, @CurrentActor() actor: Actor, @CurrentPrincipal() p: Principal) {
    return this.checks.interim(projectId, body.measured, actor, p);
  }
}
