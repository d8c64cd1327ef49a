import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@devzone/contracts';
import { coversZone, CurrentPrincipal, Roles, type Principal } from '@devzone/auth';
import { CurrentActor, pageOf, PageOf, PageQuery, type Page } from '@devzone/platform';
import { DomainError } from '@devzone/shared-kernel';
import { CreditService } from '../application/credit.service';
import { SettingsService, zoneRulesView } from '../application/settings.service';
import { CREDIT_OFFICERS, RULES_PUBLISHERS } from '../domain/permissions';
import { CreditRecordView, CreditView } from './credit.views';
import { CreditRecordsQuery, RectifyRequest, ZoneRulesVersionRequest } from './requests.dto';
import { CatalogueView, ZoneRulesView } from './settings.views';

const NO_RECORD = { description: '信用记录不存在或不在本人负责的开发区 (no such credit record in your zones)' };

@ApiTags('settings 规则与事项清单')
@Controller()
export class SettingsController {
  constructor(private readonly settings: SettingsService) {}

  @Get('catalogue/:zone')
  @ApiOperation({ summary: '开发区现行的审批事项清单（含前置事项）(the zone’s item catalogue in force)' })
  @ApiOkResponse({ type: CatalogueView })
  catalogue(@Param('zone') zone: string): Promise<CatalogueView> {
    return this.settings.catalogue(zone);
  }

  @Get('settings/zones/:zone')
  @ApiOperation({ summary: '开发区现行规则：公示期、预警、黑名单阈值、整改期限、承诺日期逾期、信用修复公示期 (the zone rules in force)' })
  @ApiOkResponse({ type: ZoneRulesView, description: '现行版本：本开发区的，没有则为默认（*）(the version in force: the zone’s own, else the defaults)' })
  async get(@Param('zone') zone: string): Promise<ZoneRulesView> {
    return zoneRulesView(await this.settings.forZone(zone));
  }

  @Get('settings/zones/:zone/versions')
  @ApiOperation({ summary: '开发区规则的历次版本（发布人、生效日期）(the zone rules’ versions)' })
  @ApiOkResponse({ type: PageOf(ZoneRulesView), description: '版本号从新到旧 (newest first)' })
  async versions(@Param('zone') zone: string, @Query() q: PageQuery): Promise<Page<ZoneRulesView>> {
    const { page, pageSize, skip, take } = pageOf(q);
    const [rows, total] = await this.settings.history(zone, { skip, take });
    return { items: rows.map(zoneRulesView), total, page, pageSize };
  }

  @Post('settings/zones/:zone/versions')
  @ApiOperation({ summary: '发布开发区规则新版本（开发区管理者）：自生效日起新立案的案件适用，已立案的不变 (publish a new version of the zone rules)' })
  @ApiCreatedResponse({ type: ZoneRulesView, description: '新发布的版本 (the new version)' })
  @ApiNotFoundResponse({ description: '开发区不在本人负责范围（* 仅管理员）(not one of your zones; * is admin only)' })
  @Roles(...RULES_PUBLISHERS)
  async publish(@Param('zone') zone: string, @Body() body: ZoneRulesVersionRequest, @CurrentActor() actor: Actor, @CurrentPrincipal() p: Principal): Promise<ZoneRulesView> {
    if (zone === '*' ? p.role !== 'admin' : !coversZone(p, zone)) throw DomainError.notFound({ zh: `开发区不存在或不在本人负责范围：${zone}`, en: `no zone ${zone} for you` }, 'zone-not-found');
    return zoneRulesView(await this.settings.publish(zone, body, actor));
  }
}

@ApiTags('credit 信用')
@Controller()
export class CreditController {
  constructor(private readonly credit: CreditService) {}

  @Get('enterprises/:creditCode/credit')
  @ApiOperation({ summary: '企业信用记录与黑名单状态 (credit records and blacklist status)' })
  @ApiOkResponse({ type: CreditView })
  @ApiNotFoundResponse({ description: '企业用户只能查看本企业 (an enterprise sees its own credit only)' })
  credit_(@Param('creditCode') creditCode: string, @CurrentPrincipal() p: Principal): Promise<CreditView> {
    if (p.role === 'enterprise' && p.creditCode !== creditCode) throw DomainError.notFound({ zh: '企业不存在', en: `no enterprise ${creditCode}` }, 'enterprise-not-found');
    return this.credit.creditOf(creditCode);
  }

  @Get('credit-records')
  @ApiOperation({ summary: '信用记录查询：按企业名称或统一社会信用代码的一部分、开发区、整改/修复状态；本人可见范围内（企业：本企业；开发区人员：本区；省级：全部），新记录在前 (credit records by enterprise name, in the caller’s scope)' })
  @ApiOkResponse({ type: PageOf(CreditRecordView), description: '一页记录 { items, total, page, pageSize } (one page of records)' })
  records(@Query() q: CreditRecordsQuery, @CurrentPrincipal() p: Principal): Promise<Page<CreditRecordView>> {
    return this.credit.records(q, p);
  }

  @Post('credit-records/:id/rectify')
  @HttpCode(200)
  @ApiOperation({ summary: '登记整改完成 (the rectification of a record is recorded)' })
  @ApiOkResponse({ type: CreditRecordView, description: '更新后的记录 (the record after the command)' })
  @ApiConflictResponse({ description: '已登记整改 (already recorded)' })
  @ApiNotFoundResponse(NO_RECORD)
  @Roles(...CREDIT_OFFICERS)
  rectify(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: RectifyRequest, @CurrentActor() actor: Actor, @CurrentPrincipal() p: Principal): Promise<CreditRecordView> {
    return this.credit.rectify(id, body.note, actor, p);
  }

  @Post('credit-records/:id/repair')
  @HttpCode(200)
  @ApiOperation({ summary: '信用修复：整改已登记且最短公示期已满（一般 3 个月、严重 1 年起）；黑名单随之重新评估 (repair a record)' })
  @ApiOkResponse({ type: CreditRecordView, description: '更新后的记录 (the record after the command)' })
  @ApiConflictResponse({ description: '未登记整改，或最短公示期未满 (not rectified, or the minimum publicity has not passed)' })
  @ApiNotFoundResponse(NO_RECORD)
  @Roles(...CREDIT_OFFICERS)
  repair(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: RectifyRequest, @CurrentActor() actor: Actor, @CurrentPrincipal() p: Principal): Promise<CreditRecordView> {
    return this.credit.repair(id, body.note, actor, p);
  }
}
