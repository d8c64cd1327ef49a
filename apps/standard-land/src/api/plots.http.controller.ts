import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@devzone/contracts';
import { CurrentPrincipal, Roles, type Principal } from '@devzone/auth';
import { CurrentActor, PageOf, type Page } from '@devzone/platform';
import { LandService } from '../application/land.service';
import { PlotQueries } from '../application/plot-queries';
import { PLOT_COMMAND_ROLES, ROUTE_ROLES } from '../domain/permissions';
import { IndicatorTemplateView, PlotView } from './plot.views';
import { CreatePlotRequest, PlotsQuery, ReserveRequest, TransferRequest } from './requests.dto';

const NO_PLOT = '地块不存在或不在本人负责的开发区 (no such plot in your zones)';

@ApiTags('plots 标准地地块')
@Controller()
export class PlotsController {
  constructor(
    private readonly land: LandService,
    private readonly plotQueries: PlotQueries,
  ) {}

  @Get('indicator-templates/:zone')
  @ApiOperation({ summary: '开发区的控制性指标模板（"3+X"），无自有模板时为默认模板 (the zone’s indicator template, or the default one)' })
  @ApiOkResponse({ type: IndicatorTemplateView })
  template(@Param('zone') zone: string): Promise<IndicatorTemplateView> {
    return this.plotQueries.template(zone);
  }

  @Post('plots')
  @ApiOperation({ summary: '登记地块（准备中）(add a plot, in preparation)' })
  @ApiCreatedResponse({ type: PlotView })
  @ApiConflictResponse({ description: 'plot-exists：地块编号已存在 (the plot code exists)' })
  @Roles(...ROUTE_ROLES.createPlot)
  create(@Body() body: CreatePlotRequest, @CurrentPrincipal() p: Principal): Promise<PlotView> {
    return this.land.createPlot(body, p);
  }

  @Get('plots')
  @ApiOperation({ summary: '地块库：按开发区、状态分页；企业只见已发布（可供应）的地块 (plots by zone and status; enterprises see the published ones)' })
  @ApiOkResponse({ type: PageOf(PlotView) })
  list(@Query() q: PlotsQuery, @CurrentPrincipal() p: Principal): Promise<Page<PlotView>> {
    return this.plotQueries.plots(q, p);
  }

  @Get('plots/:code')
  @ApiOperation({ summary: '一个地块及当前用户可执行的操作 (a plot, with what the caller may do with it)' })
  @ApiOkResponse({ type: PlotView })
  @ApiNotFoundResponse({ description: '地块不存在 (no such plot)' })
  get(@Param('code') code: string, @CurrentPrincipal() p: Principal): Promise<PlotView> {
    return this.plotQueries.plot(code, p);
  }

  @Post('plots/:code/publish')
  @HttpCode(200)
  @ApiOperation({ summary: '发布为标准地（区域评估完成、三通一平以上、有控制性指标）(publish)' })
  @ApiOkResponse({ type: PlotView })
  @ApiNotFoundResponse({ description: NO_PLOT })
  @ApiConflictResponse({ description: 'not-ready：不具备发布条件，原因见 message；plot-state：地块已发布 (not ready, reasons in message; or already published)' })
  @Roles(...PLOT_COMMAND_ROLES.publish)
  publish(@Param('code') code: string, @CurrentActor() actor: Actor, @CurrentPrincipal() p: Principal): Promise<PlotView> {
    return this.land.publish(code, actor, p);
  }

  @Post('plots/:code/reserve')
  @HttpCode(200)
  @ApiOperation({ summary: '为项目预留地块 (reserve for a project)' })
  @ApiOkResponse({ type: PlotView })
  @ApiNotFoundResponse({ description: `${NO_PLOT}；或项目不存在 (or no such project)` })
  @ApiConflictResponse({ description: 'plot-state：地块状态不允许；no-match：不符合项目条件 (the plot’s state, or it does not fit the project)' })
  @Roles(...PLOT_COMMAND_ROLES.reserve)
  reserve(@Param('code') code: string, @Body() body: ReserveRequest, @CurrentActor() actor: Actor, @CurrentPrincipal() p: Principal): Promise<PlotView> {
    return this.land.reserve(code, body.projectId, actor, p);
  }

  @Post('plots/:code/release')
  @HttpCode(200)
  @ApiOperation({ summary: '取消预留 (release a reservation)' })
  @ApiOkResponse({ type: PlotView })
  @ApiNotFoundResponse({ description: NO_PLOT })
  @ApiConflictResponse({ description: 'plot-state：地块未被预留 (the plot is not reserved)' })
  @Roles(...PLOT_COMMAND_ROLES.release)
  release(@Param('code') code: string, @CurrentActor() actor: Actor, @CurrentPrincipal() p: Principal): Promise<PlotView> {
    return this.land.release(code, actor, p);
  }

  @Post('plots/:code/transfer')
  @HttpCode(200)
  @ApiOperation({ summary: '出让：签订出让合同与履约监管协议 (transfer: land-grant contract and performance agreement)' })
  @ApiOkResponse({ type: PlotView })
  @ApiNotFoundResponse({ description: `${NO_PLOT}；或项目不存在 (or no such project)` })
  @ApiConflictResponse({
    description:
      'plot-state：地块已出让、仍在准备中或预留给其他项目；not-standard-land：项目未申请标准地；has-contract / land-secured：项目用地已落实 (the plot’s state; the project does not take standard land; its land is secured)',
  })
  @Roles(...PLOT_COMMAND_ROLES.transfer)
  transfer(@Param('code') code: string, @Body() body: TransferRequest, @CurrentActor() actor: Actor, @CurrentPrincipal() p: Principal): Promise<PlotView> {
    return this.land.transfer(code, body, actor, p);
  }
}
