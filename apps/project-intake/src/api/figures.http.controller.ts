import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, READERS_OF_FIGURES, Roles, type Principal } from '@devzone/auth';
import { ProjectQueries } from '../application/project-queries.service';
import { FiguresQuery } from './requests.dto';

@ApiTags('figures 统计')
@Controller('figures')
export class FiguresController {
  constructor(private readonly queries: ProjectQueries) {}

  @Get('three-batches')
  @ApiOperation({
    summary: '三个一批：签约、开工、投产的项目数与投资额，开工率、投产率、达效率，签约→开工、开工→投产天数（中位数、P90），落后于计划的项目',
  })
  @Roles(...READERS_OF_FIGURES)
  threeBatches(@Query() query: FiguresQuery, @CurrentPrincipal() principal: Principal) {
    return this.queries.threeBatches(query, principal);
  }
}

@ApiTags('zones 开发区')
@Controller('zones')
export class ZonesController {
  constructor(private readonly queries: ProjectQueries) {}

  @Get()
  @ApiOperation({ summary: '开发区列表 (zones: code, name, level, city)' })
  zones() {
    return this.queries.zones();
  }
}
