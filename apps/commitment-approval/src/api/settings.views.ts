import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { Regime } from '../domain/catalogue';
import { ItemDocumentView } from './case.views';

/** Response DTOs of the zone rules and the catalogue (GET /settings/zones/:zone[/versions], POST …/versions, GET /catalogue/:zone). */

const DATE = { type: String, format: 'date' } as const;
const REGIMES: readonly Regime[] = ['committable', 'approval', 'unified-service', 'cancelled'];

/** A version of a zone's rules (zone `*`: the defaults). */
export class ZoneRulesView {
  @ApiProperty({ type: String, description: '开发区代码（* 为默认）(zone, * = defaults)' }) zoneCode!: string;
  @ApiProperty({ type: Number }) version!: number;
  @ApiProperty(DATE) effectiveFrom!: string;
  @ApiProperty({ type: Number, description: '公示期（天，0 为不公示）' }) publicityDays!: number;
  @ApiProperty({ type: Number, description: '剩余工作日不多于此数时为黄色预警' }) amberWorkingDays!: number;
  @ApiProperty({ type: Number, description: '未修复的一般失信记录达到此数列入黑名单' }) generalRecordsToBlacklist!: number;
  @ApiProperty({ type: Number, description: '验收不通过的整改期限（天）' }) majorRectifyDays!: number;
  @ApiProperty({ type: Number, description: '容缺材料最长补交期限（工作日）' }) maxMissingDocumentsWorkingDays!: number;
  @ApiProperty({ type: Number, description: '承诺日期逾期多少天后预警' }) commitmentGraceDays!: number;
  @ApiProperty({ type: Number, description: '承诺日期逾期多少天后记一般失信' }) commitmentRecordDays!: number;
  @ApiProperty({ type: Number, description: '一般失信最短公示期（月）' }) repairGeneralMonths!: number;
  @ApiProperty({ type: Number, description: '重大失信最短公示期（月）' }) repairMajorMonths!: number;
  @ApiProperty({ type: Number, description: '严重失信最短公示期（月）' }) repairSeriousMonths!: number;
  @ApiProperty({ type: String, description: '事项清单（* 为默认）(the catalogue)' }) catalogue!: string;
  @ApiProperty({ type: Number }) catalogueVersion!: number;
  @ApiProperty({ type: String, description: '发布人 (who published it: a subject)' }) publishedBy!: string;
  @ApiProperty({ type: String, description: '发布人角色 (their role)' }) publishedRole!: string;
  @ApiProperty({ type: String, format: 'date-time' }) publishedAt!: string;
  @ApiProperty({ type: String, nullable: true }) note!: string | null;
}

/** Which projects an item applies to (适用条件). */
export class ApplicabilityView {
  @ApiPropertyOptional({ type: Boolean, description: '仅用地项目 (only when the project needs land)' }) requiresLand?: boolean;
  @ApiPropertyOptional({ type: Boolean, description: '标准地除外 (not on 标准地)' }) notOnStandardLand?: boolean;
  @ApiPropertyOptional({ type: String, isArray: true, description: '仅这些行业（GB/T 4754 前缀）(only these industries)' }) industries?: string[];
  @ApiPropertyOptional({ type: String, isArray: true, description: '这些行业除外 (not these industries)' }) exceptIndustries?: string[];
  @ApiPropertyOptional({ type: Number, description: '总投资不低于（万元）(minimum total investment)' }) minInvestment?: number;
}

/** One item of a catalogue version. */
export class CatalogueItemView {
  @ApiProperty({ type: String }) catalogue!: string;
  @ApiProperty({ type: Number }) version!: number;
  @ApiProperty({ type: String }) code!: string;
  @ApiProperty({ type: String }) name!: string;
  @ApiProperty({ type: String }) department!: string;
  @ApiProperty({ enum: REGIMES, enumName: 'CatalogueRegime', description: '可承诺 / 仍需审批 / 政府统一服务 / 取消' }) regime!: Regime;
  @ApiProperty({ type: Number, description: '法定时限（工作日）' }) legalLimitDays!: number;
  @ApiProperty({ type: Number, description: '承诺时限（工作日）' }) promisedLimitDays!: number;
  @ApiProperty({ type: [ItemDocumentView] }) documents!: ItemDocumentView[];
  @ApiProperty({ type: ApplicabilityView }) applies!: ApplicabilityView;
  @ApiProperty({ type: Number }) sort!: number;
  @ApiProperty({ type: String, isArray: true, description: '前置事项 (items granted first)' }) prerequisites!: string[];
}

/** The catalogue of the zone rules in force (GET /catalogue/:zone). */
export class CatalogueView {
  @ApiProperty({ type: String }) rulesZone!: string;
  @ApiProperty({ type: Number }) rulesVersion!: number;
  @ApiProperty({ type: String }) catalogue!: string;
  @ApiProperty({ type: Number, description: '事项清单版本 (catalogue version)' }) version!: number;
  @ApiProperty({ type: [CatalogueItemView] }) items!: CatalogueItemView[];
}
