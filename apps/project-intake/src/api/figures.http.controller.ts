import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, READERS_OF_FIGURES, Roles, type Principal } from '@devzone/auth';
import { PageOf, PageQuery, type Page } from '@devzone/platform';
import { ProjectQueries } from '../application/project-queries.service';
import { RoundsService } from '../application/rounds.service';
import { FiguresChartsService } from '../application/figures-charts.service';
import { PlanVsActualQuery, RoundsFiguresQuery } from './figures.dto';
import { FiguresQuery, WindowBatchProjectsQuery } from './requests.dto';
import { BatchProjectView, PlanVsActualView, RoundsFiguresView, ThreeBatchesView } from './figures.views';
import { ZoneView } from './zones.views';

const WINDOW_NOT_FOUND = { description: '开发区或批次不存在，或不在本人负责范围 (unknown zone or round, or not the caller’s)' };
const BAD_WINDOW = { description: 'round 与 from/to 同用、round 不属于 zone、日期不合法 (round with from/to, round of another zone, bad dates)' };

@ApiTags('figures 统计')
@Controller('figures')
export class FiguresController {
  constructor(
    private readonly rounds: RoundsService,
    private readonly charts: FiguresChartsService,
  ) {}

  @Get('three-batches')
  @ApiOperation({
    summary:
      '三个一批：批次（round）或时间段（zone + from + to）内的签约一批、开工一批、投产一批（项目数、总投资、预计年产值）；本期签约项目的开工率、投产率、达效率；签约→开工、开工→投产天数（中位数、P90）；落后于计划的项目。asOf（默认今天）之后的事实不计',
  })
  @ApiOkResponse({ type: ThreeBatchesView })
  @ApiBadRequestResponse(BAD_WINDOW)
  @ApiNotFoundResponse(WINDOW_NOT_FOUND)
  @Roles(...READERS_OF_FIGURES)
  threeBatches(@Query() query: FiguresQuery, @CurrentPrincipal() principal: Principal): Promise<ThreeBatchesView> {
    return this.rounds.threeBatches(query, principal);
  }

  @Get('three-batches/projects')
  @ApiOperation({ summary: '三个一批某一批的项目（批次或时间段；分页，按决定其入批的日期排序）(one batch’s projects of a window, paged)' })
  @ApiOkResponse({ type: PageOf(BatchProjectView) })
  @ApiBadRequestResponse(BAD_WINDOW)
  @ApiNotFoundResponse(WINDOW_NOT_FOUND)
  @Roles(...READERS_OF_FIGURES)
  batchProjects(@Query() query: WindowBatchProjectsQuery, @CurrentPrincipal() principal: Principal): Promise<Page<BatchProjectView>> {
    return this.rounds.windowProjects(query, principal);
  }

  @Get('rounds')
  @ApiOperation({
    summary:
      '三个一批批次走势：某开发区每个批次的签约一批、开工一批、投产一批项目数；不填开发区则为本人负责的全部开发区，同名批次合计。最近的至多 24 个，按起始日正序；asOf（默认今天）之后的事实不计',
  })
  @ApiOkResponse({ type: RoundsFiguresView })
  @ApiBadRequestResponse({ description: 'asOf 不是日期 (bad asOf)' })
  @ApiNotFoundResponse({ description: '开发区不存在或不在本人负责范围 (unknown zone, or not the caller’s)' })
  @Roles(...READERS_OF_FIGURES)
  roundFigures(@Query() query: RoundsFiguresQuery, @CurrentPrincipal() principal: Principal): Promise<RoundsFiguresView> {
    return this.charts.rounds(query, principal);
  }

  @Get('plan-vs-actual')
  @ApiOperation({
    summary:
      '计划与实际：按月（from–to，含首尾，默认最近 12 个月，最多 60 个月）的计划开工、实际开工、计划投产、实际投产项目数；某开发区或本人负责的全部开发区。终止的项目不计入计划',
  })
  @ApiOkResponse({ type: PlanVsActualView })
  @ApiBadRequestResponse({ description: 'from/to 不是月份 YYYY-MM、to 早于 from、超过 60 个月、asOf 不是日期 (bad months, to before from, over 60 months, bad asOf)' })
  @ApiNotFoundResponse({ description: '开发区不存在或不在本人负责范围 (unknown zone, or not the caller’s)' })
  @Roles(...READERS_OF_FIGURES)
  planVsActual(@Query() query: PlanVsActualQuery, @CurrentPrincipal() principal: Principal): Promise<PlanVsActualView> {
    return this.charts.planVsActual(query, principal);
  }
}

@ApiTags('zones 开发区')
@Controller('zones')
export class ZonesController {
  constructor(private readonly queries: ProjectQueries) {}

  @Get()
  @ApiOperation({ summary: '开发区列表，按代码排序，分页 (zones by code, paged: code, name, level, city …)' })
  @ApiOkResponse({ type: PageOf(ZoneView) })
  zones(@Query() query: PageQuery): Promise<Page<ZoneView>> {
    return this.queries.zonePage(query);
  }
}
