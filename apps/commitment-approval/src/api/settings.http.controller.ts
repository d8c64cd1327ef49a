import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@devzone/contracts';
import { coversZone, CurrentPrincipal, OFFICERS, Roles, type Principal } from '@devzone/auth';
import { CurrentActor } from '@devzone/platform';
import { DomainError } from '@devzone/shared-kernel';
import { CreditService } from '../application/credit.service';
import { SettingsService } from '../application/settings.service';
import { RectifyRequest, ZoneSettingsRequest } from './requests.dto';

@ApiTags('settings 规则与事项清单')
@Controller()
export class SettingsController {
  constructor(private readonly settings: SettingsService) {}

  @Get('catalogue/:zone')
  @ApiOperation({ summary: '开发区的审批事项清单（当前版本）(the zone’s item catalogue)' })
  catalogue(@Param('zone') zone: string) {
    return this.settings.catalogue(zone);
  }

  @Get('settings/zones/:zone')
  @ApiOperation({ summary: '开发区规则：公示期、预警、黑名单阈值、整改期限 (zone rules)' })
  get(@Param('zone') zone: string) {
    return this.settings.forZone(zone);
  }

  @Put('settings/zones/:zone')
  @ApiOperation({ summary: '修改开发区规则 (change zone rules)' })
  @Roles(...OFFICERS)
  put(@Param('zone') zone: string, @Body() body: ZoneSettingsRequest, @CurrentPrincipal() p: Principal) {
    if (!coversZone(p, zone)) throw DomainError.notFound({ zh: `开发区不存在或不在本人负责范围：${zone}`, en: `no zone ${zone} for you` }, 'zone-not-found');
    return this.settings.update(zone, body);
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
  @ApiOperation({ summary: '信用修复：记录已整改 (a record is rectified; the blacklist is re-evaluated)' })
  @Roles(...OFFICERS)
  rectify(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: RectifyRequest, @CurrentActor() actor: Actor, @CurrentPrincipal() p: Principal) {
    return this.credit.rectify(id, body.note, actor, p);
  }
}
