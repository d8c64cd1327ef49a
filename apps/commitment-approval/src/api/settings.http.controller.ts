import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@devzone/contracts';
import { coversZone, CurrentPrincipal, MANAGERS, OFFICERS, Roles, type Principal } from '@devzone/auth';
import { CurrentActor, pageOf, PageQuery } from '@devzone/platform';
import { DomainError } from '@devzone/shared-kernel';
import { CreditService } from '../application/credit.service';
import { SettingsService } from '../application/settings.service';
import { RectifyRequest, ZoneRulesVersionRequest } from './requests.dto';

@ApiTags('settings 规则与事项清单')
@Controller()
export class SettingsController {
  constructor(private readonly settings: SettingsService) {}

  @Get('catalogue/:zone')
  @ApiOperation({ summary: '开发区现行的审批事项清单（含前置事项）(the zone’s item catalogue in force)' })
  catalogue(@Param('zone') zone: string) {
    return this.settings.catalogue(zone);
  }

  @Get('settings/zones/:zone')
  @ApiOperation({ summary: '开发区现行规则：公示期、预警、黑名单阈值、整改期限、承诺日期逾期、信用修复公示期 (the zone rules in force)' })
  get(@Param('zone') zone: string) {
    return this.settings.forZone(zone);
  }

  @Get('settings/zones/:zone/versions')
  @ApiOperation({ summary: '开发区规则的历次版本（发布人、生效日期）(the zone rules’ versions)' })
  async versions(@Param('zone') zone: string, @Query() q: PageQuery) {
    const { page, pageSize, skip, take } = pageOf(q);
    const [items, total] = await this.settings.history(zone, { skip, take });
    return { items, total, page, pageSize };
  }

  @Post('settings/zones/:zone/versions')
  @ApiOperation({ summary: '发布开发区规则新版本（开发区管理者）：自生效日起新立案的案件适用，已立案的不变 (publish a new version of the zone rules)' })
  @Roles(...MANAGERS)
  publish(@Param('zone') zone: string, @Body() body: ZoneRulesVersionRequest, @CurrentActor() actor: Actor, @CurrentPrincipal() p: Principal) {
    if (zone === '*' ? p.role !== 'admin' : !coversZone(p, zone)) throw DomainError.notFound({ zh: `开发区不存在或不在本人负责范围：${zone}`, en: `no zone ${zone} for you` }, 'zone-not-found');
    return this.settings.publish(zone, body, actor);
  }
}

@ApiTags('credit 信用')
@Controller()
export class CreditController {
  constructor(private readonly credit: CreditService) {}

  @Get('enterprises/:creditCode/credit')
  @ApiOperation({ summary: '企业信用记录与黑名单状态 (credit records and blacklist status)' })
  credit_(@Param('creditCode') creditCode: string, @CurrentPrincipal() p: Principal) {
    if (p.role === 'enterprise' && p.creditCode !== creditCode) throw DomainError.notFound({ zh: '企业不存在', en: `no enterprise ${creditCode}` }, 'enterprise-not-found');
    return this.credit.creditOf(creditCode);
  }

  @Post('credit-records/:id/rectify')
  @HttpCode(200)
  @ApiOperation({ summary: '登记整改完成 (the rectification of a record is recorded)' })
  @ApiConflictResponse({ description: '已登记整改 (already recorded)' })
  @Roles(...OFFICERS)
  rectify(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: RectifyRequest, @CurrentActor() actor: Actor, @CurrentPrincipal() p: Principal) {
    return this.credit.rectify(id, body.note, actor, p);
  }

  @Post('credit-records/:id/repair')
  @HttpCode(200)
  @ApiOperation({ summary: '信用修复：整改已登记且最短公示期已满（一般 3 个月、严重 1 年起）；黑名单随之重新评估 (repair a record)' })
  @ApiConflictResponse({ description: '未登记整改，或最短公示期未满 (not rectified, or the minimum publicity has not passed)' })
  @Roles(...OFFICERS)
  repair(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: RectifyRequest, @CurrentActor() actor: Actor, @CurrentPrincipal() p: Principal) {
    return this.credit.repair(id, body.note, actor, p);
  }
}
