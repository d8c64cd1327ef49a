import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMinSize, IsArray, IsBoolean, IsIn, IsInt, IsISO8601, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { IsOnOrAfter, PageQuery } from '@devzone/platform';
import { CASE_STATUSES, type CaseStatus } from '../domain/case.state-machine';
import type { ItemDecisionKind } from '../application/case.service';

const DATE = { strict: true } as const;
const dateMessage = (field: string) => ({ message: `${field} 应为日期 YYYY-MM-DD (${field} must be a date YYYY-MM-DD)` });

export class CommittedDatesRequest {
  @ApiProperty({ example: '2027-03-01', description: '承诺开工日期' }) @IsISO8601(DATE, dateMessage('committedDates.start')) start!: string;
  @ApiProperty({ example: '2028-06-30', description: '承诺竣工日期' })
  @IsISO8601(DATE, dateMessage('committedDates.completion'))
  @IsOnOrAfter('start', { message: '承诺竣工日期不能早于承诺开工日期 (completion must not be before start)' })
  completion!: string;
  @ApiProperty({ example: '2028-09-01', description: '承诺投产日期' })
  @IsISO8601(DATE, dateMessage('committedDates.production'))
  @IsOnOrAfter('completion', { message: '承诺投产日期不能早于承诺竣工日期 (production must not be before completion)' })
  production!: string;
}

/** 承诺书 */
export class CommitmentRequest {
  @ApiProperty({ enum: ['all', 'partial'], description: '全部承诺或部分承诺' })
  @IsIn(['all', 'partial'], { message: 'scope 应为 all 或 partial (scope must be all or partial)' })
  scope!: 'all' | 'partial';

  @ApiPropertyOptional({ example: ['C01', 'C02'], description: '部分承诺时承诺的事项' })
  @IsOptional() @IsArray() @IsString({ each: true })
  itemCodes?: string[];

  @ApiProperty({ type: CommittedDatesRequest })
  @ValidateNested() @Type(() => CommittedDatesRequest)
  committedDates!: CommittedDatesRequest;
}

export class PrecheckRequest {
  @ApiProperty({ description: '预审是否通过' }) @IsBoolean({ message: 'passed 应为 true/false' }) passed!: boolean;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) note?: string;
}

const DECISIONS: ItemDecisionKind[] = ['grant', 'grant-with-missing-documents', 'request-corrections', 'reject'];

export class ItemDecisionRequest {
  @ApiProperty({ enum: DECISIONS, description: '准予 / 容缺准予 / 要求补正 / 不予许可' })
  @IsIn(DECISIONS, { message: `decision 应为 ${DECISIONS.join(' / ')}` })
  decision!: ItemDecisionKind;

  @ApiPropertyOptional({ example: ['D04'], description: '容缺的材料（须在容缺目录内）' })
  @IsOptional() @IsArray() @IsString({ each: true })
  missingDocuments?: string[];

  @ApiPropertyOptional({ example: '2026-12-15', description: '容缺材料补交期限' })
  @IsOptional() @IsISO8601(DATE, dateMessage('supplyBy'))
  supplyBy?: string;

  @ApiPropertyOptional({ description: '要求补正或不予许可的理由' })
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(1000)
  reason?: string;
}

export class AcceptanceResultRequest {
  @ApiProperty({ description: '对标验收是否通过' }) @IsBoolean({ message: 'passed 应为 true/false' }) passed!: boolean;
  @ApiPropertyOptional({ example: ['容积率低于承诺值'] }) @IsOptional() @IsArray() @ArrayMinSize(1) @IsString({ each: true }) reasons?: string[];
  @ApiPropertyOptional({ description: '整改期限（默认按开发区规则）' }) @IsOptional() @IsISO8601(DATE, dateMessage('rectifyBy')) rectifyBy?: string;
}

export class RectifyRequest {
  @ApiProperty({ example: '已补交材料并通过复核' }) @IsString() @IsNotEmpty({ message: '须说明整改情况 (note is required)' }) @MaxLength(1000) note!: string;
}

export class ZoneSettingsRequest {
  @ApiPropertyOptional({ description: '公示期（天），0 为不公示' }) @IsOptional() @IsInt() @Min(0) @Max(60) publicityDays?: number;
  @ApiPropertyOptional({ description: '剩余工作日不多于此数时为黄色预警' }) @IsOptional() @IsInt() @Min(0) @Max(30) amberWorkingDays?: number;
  @ApiPropertyOptional({ description: '未整改一般失信记录达到此数列入黑名单' }) @IsOptional() @IsInt() @Min(1) @Max(20) generalRecordsToBlacklist?: number;
  @ApiPropertyOptional({ description: '验收不通过的整改期限（天）' }) @IsOptional() @IsInt() @Min(1) @Max(730) majorRectifyDays?: number;
  @ApiPropertyOptional({ description: '容缺材料最长补交期限（工作日）' }) @IsOptional() @IsInt() @Min(1) @Max(60) maxMissingDocumentsWorkingDays?: number;
}

export class CasesQuery extends PageQuery {
  @ApiPropertyOptional() @IsOptional() @IsString() zone?: string;
  @ApiPropertyOptional({ enum: CASE_STATUSES }) @IsOptional() @IsIn(CASE_STATUSES, { message: `status 应为 ${CASE_STATUSES.join(' / ')}` }) status?: CaseStatus;
}

export class QueueQuery extends PageQuery {
  @ApiPropertyOptional({ description: '开发区代码' }) @IsOptional() @IsString() zone?: string;
  @ApiPropertyOptional({ description: '部门' }) @IsOptional() @IsString() @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value)) department?: string;
}
