import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsISO8601,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { LIFECYCLE_STAGES, PROJECT_TYPES, type LifecycleStage, type ProjectType } from '@devzone/contracts';
import { IsAtMost, IsOnOrAfter, PageQuery, Satisfies } from '@devzone/platform';
import { CREDIT_CODE_PROBLEMS_ZH, creditCodeProblem } from '@devzone/shared-kernel';

const DATE = { strict: true } as const;
const dateMessage = (field: string) => ({ message: `${field} 应为日期 YYYY-MM-DD (${field} must be a date YYYY-MM-DD)` });
const nonNegative = (field: string, zh: string) => ({ message: `${zh}不能为负数 (${field} must not be negative)` });
const amount = (field: string) => ({ message: `${field} 应为数字，单位万元 (${field} must be a number, in 万元)` });

export class EnterpriseRequest {
  @ApiProperty({ example: '山西示例新材料有限公司' })
  @IsString() @IsNotEmpty({ message: '企业名称不能为空 (enterprise.name must not be empty)' }) @MaxLength(200)
  name!: string;

  @ApiProperty({ description: '统一社会信用代码 (GB 32100-2015, 18 characters, check character verified)', example: '91350100M000100Y43' })
  @IsString()
  @Satisfies((v) => typeof v === 'string' && creditCodeProblem(v) === null, (v) => (typeof v === 'string' ? CREDIT_CODE_PROBLEMS_ZH[creditCodeProblem(v) ?? 'check'] : CREDIT_CODE_PROBLEMS_ZH.length))
  creditCode!: string;
}

export class PlannedDatesRequest {
  @ApiProperty({ example: '2027-03-01', description: '计划开工日期' })
  @IsISO8601(DATE, dateMessage('plannedDates.start'))
  start!: string;

  @ApiProperty({ example: '2028-06-30', description: '计划竣工日期' })
  @IsISO8601(DATE, dateMessage('plannedDates.completion'))
  @IsOnOrAfter('start', { message: '计划竣工日期不能早于计划开工日期 (planned completion must not be before planned start)' })
  completion!: string;

  @ApiProperty({ example: '2028-09-01', description: '计划投产日期' })
  @IsISO8601(DATE, dateMessage('plannedDates.production'))
  @IsOnOrAfter('start', { message: '计划投产日期不能早于计划开工日期 (planned production must not be before planned start)' })
  @IsOnOrAfter('completion', { message: '计划投产日期不能早于计划竣工日期 (planned production must not be before planned completion)' })
  production!: string;
}

export class ContactRequest {
  @ApiProperty({ example: '张伟' })
  @IsString() @IsNotEmpty({ message: '联系人姓名不能为空 (contact name must not be empty)' }) @MaxLength(50)
  name!: string;

  @ApiProperty({ example: '13800000000' })
  @Matches(/^1\d{10}$/, { message: '手机号应为11位 (mobile must be an 11-digit mainland number)' })
  mobile!: string;

  @ApiPropertyOptional({ example: 'zhangwei@example.cn' })
  @IsOptional() @IsEmail({}, { message: '邮箱格式不正确 (email is not a valid address)' })
  email?: string;
}

/** 登记签约项目 */
export class RegisterProjectRequest {
  @ApiProperty({ example: '年产5万吨新型建材项目' })
  @IsString() @IsNotEmpty({ message: '项目名称不能为空 (name must not be empty)' }) @MaxLength(200)
  name!: string;

  @ApiProperty({ type: EnterpriseRequest })
  @ValidateNested() @Type(() => EnterpriseRequest)
  enterprise!: EnterpriseRequest;

  @ApiProperty({ example: 'SX-ZGQ', description: '开发区代码 (GET /zones)' })
  @IsString() @IsNotEmpty({ message: '开发区不能为空 (zoneCode must not be empty)' })
  zoneCode!: string;

  @ApiProperty({ example: 'C3021', description: '国民经济行业分类代码 (GB/T 4754)' })
  @Matches(/^[A-T]\d{2,4}$/, { message: '行业代码应为国民经济行业分类代码，如 C3021 (industryCode must be a GB/T 4754 code such as C3021)' })
  industryCode!: string;

  @ApiPropertyOptional({ enum: Object.keys(PROJECT_TYPES), enumName: 'ProjectType', default: 'capital-construction', description: '项目类型' })
  @IsOptional() @IsIn(Object.keys(PROJECT_TYPES), { message: `项目类型应为 ${Object.keys(PROJECT_TYPES).join(' / ')} (projectType unknown)` })
  projectType?: ProjectType;

  @ApiProperty({ example: 52000, description: '总投资（万元）' })
  @IsNumber({ allowNaN: false, allowInfinity: false }, amount('totalInvestment')) @Min(0, nonNegative('totalInvestment', '总投资'))
  totalInvestment!: number;

  @ApiProperty({ example: 41000, description: '固定资产投资（万元），不超过总投资' })
  @IsNumber({ allowNaN: false, allowInfinity: false }, amount('fixedAssetInvestment')) @Min(0, nonNegative('fixedAssetInvestment', '固定资产投资'))
  @IsAtMost('totalInvestment', { message: '固定资产投资不能大于总投资 (fixedAssetInvestment must not exceed totalInvestment)' })
  fixedAssetInvestment!: number;

  @ApiProperty({ example: 80000, description: '预计年产值（万元）' })
  @IsNumber({ allowNaN: false, allowInfinity: false }, amount('projectedAnnualOutput')) @Min(0, nonNegative('projectedAnnualOutput', '预计年产值'))
  projectedAnnualOutput!: number;

  @ApiProperty({ example: 120, description: '用地需求（亩）；使用现有厂房为 0' })
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'landAreaMu 应为数字，单位亩 (landAreaMu must be a number, in 亩)' })
  @Min(0, nonNegative('landAreaMu', '用地面积'))
  landAreaMu!: number;

  @ApiProperty({ description: '是否采用标准地（需有用地需求）' })
  @IsBoolean({ message: 'usesStandardLand 应为 true/false (usesStandardLand must be a boolean)' })
  usesStandardLand!: boolean;

  @ApiProperty({ description: '是否申请全代办' })
  @IsBoolean({ message: 'wantsFullAgency 应为 true/false (wantsFullAgency must be a boolean)' })
  wantsFullAgency!: boolean;

  @ApiProperty({ type: PlannedDatesRequest })
  @ValidateNested() @Type(() => PlannedDatesRequest)
  plannedDates!: PlannedDatesRequest;

  @ApiProperty({ example: '2026-11-20', description: '签约日期（不晚于今天）' })
  @IsISO8601(DATE, dateMessage('signedOn'))
  signedOn!: string;

  @ApiPropertyOptional({ example: '2026年第四批', description: '三个一批 批次' })
  @IsOptional() @IsString() @MaxLength(40)
  threeBatchesRound?: string;

  @ApiProperty({ type: [ContactRequest] })
  @IsArray({ message: '联系人应为数组 (contacts must be an array)' })
  @ArrayMinSize(1, { message: '至少一位联系人 (at least one contact)' })
  @ArrayMaxSize(10)
  @ValidateNested({ each: true }) @Type(() => ContactRequest)
  contacts!: ContactRequest[];
}

/** 开工报告 */
export class ReportStartRequest {
  @ApiProperty({ example: '2027-03-05', description: '实际开工日期' })
  @IsISO8601(DATE, dateMessage('date'))
  date!: string;

  @ApiProperty({ example: '晋综示承批〔2027〕12号', description: '施工许可证号或承诺制批复文号' })
  @IsString() @IsNotEmpty({ message: '须提供施工许可证号或承诺制批复文号 (permitNumber is required)' }) @MaxLength(100)
  permitNumber!: string;
}

/** 竣工 / 投产 报告 */
export class ReportDateRequest {
  @ApiProperty({ example: '2028-06-30' })
  @IsISO8601(DATE, dateMessage('date'))
  date!: string;
}

/** 达产报告 */
export class ReportFullProductionRequest extends ReportDateRequest {
  @ApiProperty({ example: 76000, description: '实际年产值（万元）' })
  @IsNumber({ allowNaN: false, allowInfinity: false }, amount('actualAnnualOutput')) @Min(0, nonNegative('actualAnnualOutput', '实际年产值'))
  actualAnnualOutput!: number;
}

/** 暂停 / 恢复 / 终止 */
export class ReasonRequest {
  @ApiProperty({ example: '企业资金未到位，暂缓建设' })
  @IsString() @IsNotEmpty({ message: '须说明原因 (reason is required)' }) @MaxLength(500)
  reason!: string;
}

const toBool = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

const SEARCH_MAX = 100;
const searchMessage = { message: `q 应为 1–${SEARCH_MAX} 个字符的搜索词 (q must be 1-${SEARCH_MAX} characters)` };
const IDS_MAX = 100;
const idsMessage = { message: `ids 应为逗号分隔的项目编号（UUID），1–${IDS_MAX} 个 (ids must be 1-${IDS_MAX} comma-separated project ids)` };
/** `ids=a,b` (or `ids=a&ids=b`) → ['a', 'b']; anything else is left for the validators to refuse. */
const commaList = (value: unknown) =>
  typeof value === 'string' || (Array.isArray(value) && value.every((v) => typeof v === 'string'))
    ? ([] as string[]).concat(value).flatMap((v) => v.split(',')).map((v) => v.trim()).filter((v) => v !== '')
    : value;

export class ListProjectsQuery extends PageQuery {
  @ApiPropertyOptional() @IsOptional() @IsString() zone?: string;
  @ApiPropertyOptional({ enum: LIFECYCLE_STAGES, enumName: 'LifecycleStage' }) @IsOptional() @IsIn(LIFECYCLE_STAGES, { message: `stage 应为 ${LIFECYCLE_STAGES.join(' / ')} (unknown stage)` }) stage?: LifecycleStage;
  @ApiPropertyOptional({ description: '行业代码或其前缀，如 C30' }) @IsOptional() @Matches(/^[A-T]\d{0,4}$/, { message: 'industry 应为行业代码或前缀 (industry must be a GB/T 4754 code or prefix)' }) industry?: string;
  @ApiPropertyOptional({ description: '三个一批 批次' }) @IsOptional() @IsString() round?: string;
  @ApiPropertyOptional({ description: '签约日期起' }) @IsOptional() @IsISO8601(DATE, dateMessage('signedFrom')) signedFrom?: string;
  @ApiPropertyOptional({ description: '签约日期止' }) @IsOptional() @IsISO8601(DATE, dateMessage('signedTo')) @IsOnOrAfter('signedFrom') signedTo?: string;
  @ApiPropertyOptional({ description: '只看落后于计划的项目' }) @IsOptional() @Transform(toBool) @IsBoolean({ message: 'overdue 应为 true/false' }) overdue?: boolean;
  @ApiPropertyOptional({ description: '以此日期判断是否落后（默认今天）' }) @IsOptional() @IsISO8601(DATE, dateMessage('asOf')) asOf?: string;

  @ApiPropertyOptional({
    description: '搜索：项目名称或企业名称的一部分，或完整的项目代码、统一社会信用代码（不区分大小写，1–100 个字符，前后空格不计）(search: part of the project or enterprise name, or a whole project code or credit code)',
    minLength: 1,
    maxLength: SEARCH_MAX,
    example: '新型建材',
  })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString(searchMessage)
  @Length(1, SEARCH_MAX, searchMessage)
  q?: string;

  @ApiPropertyOptional({
    type: String,
    description: `只看这些项目：项目编号（UUID），逗号分隔，1–${IDS_MAX} 个；不在本人可见范围或不存在的不返回，不报错。一次取全：pageSize=${IDS_MAX} (these projects only: comma-separated ids, at most ${IDS_MAX}; unknown ones and those the caller may not see are left out)`,
    example: '3f2a9c1e-8d4b-4c6a-9e1f-2b7d5a0c4e81,7c1e5b2a-4f3d-4e8a-b6c9-0d2e4f6a8b13',
  })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => commaList(value))
  @IsArray(idsMessage)
  @ArrayMinSize(1, idsMessage)
  @ArrayMaxSize(IDS_MAX, { message: `ids 最多 ${IDS_MAX} 个 (ids: at most ${IDS_MAX})` })
  @IsUUID('all', { each: true, ...idsMessage })
  ids?: string[];
}

const BATCH_VALUES = ['signed', 'started', 'in-production'] as const;
const batchMessage = { message: 'batch 应为 signed（签约一批）/ started（开工一批）/ in-production（投产一批） (batch must be signed, started or in-production)' };

/** A window of 三个一批: a round, or from–to (both inclusive) in a zone or in every zone the caller sees. */
export class FiguresQuery {
  @ApiPropertyOptional({ description: '开发区代码' }) @IsOptional() @IsString() zone?: string;
  @ApiPropertyOptional({ description: '三个一批 批次编号 (GET /rounds)；不能与 from/to 同用' })
  @IsOptional()
  @IsUUID(undefined, { message: 'round 应为批次编号（GET /rounds），不再是批次名称 (round must be a round id from GET /rounds)' })
  round?: string;
  @ApiPropertyOptional({ description: '时间段起（含当日）' }) @IsOptional() @IsISO8601(DATE, dateMessage('from')) from?: string;
  @ApiPropertyOptional({ description: '时间段止（含当日）' }) @IsOptional() @IsISO8601(DATE, dateMessage('to')) @IsOnOrAfter('from', { message: '时间段止不能早于时间段起 (to must not be before from)' }) to?: string;
  @ApiPropertyOptional({ description: '统计截止日（默认今天）：此后的签约、开工、投产不计' }) @IsOptional() @IsISO8601(DATE, dateMessage('asOf')) asOf?: string;
}

/** One batch's projects of a window, a page at a time. */
export class BatchProjectsQuery extends PageQuery {
  @ApiProperty({ enum: BATCH_VALUES, enumName: 'Batch', description: 'signed 签约一批 · started 开工一批 · in-production 投产一批' }) @IsIn(BATCH_VALUES, batchMessage) batch!: (typeof BATCH_VALUES)[number];
  @ApiPropertyOptional({ description: '统计截止日（默认今天）' }) @IsOptional() @IsISO8601(DATE, dateMessage('asOf')) asOf?: string;
}

/** A batch's projects of a round (GET /figures/three-batches/projects: of any window). */
export class WindowBatchProjectsQuery extends BatchProjectsQuery {
  @ApiPropertyOptional({ description: '开发区代码' }) @IsOptional() @IsString() zone?: string;
  @ApiPropertyOptional({ description: '三个一批 批次编号 (GET /rounds)；不能与 from/to 同用' })
  @IsOptional()
  @IsUUID(undefined, { message: 'round 应为批次编号（GET /rounds） (round must be a round id from GET /rounds)' })
  round?: string;
  @ApiPropertyOptional({ description: '时间段起（含当日）' }) @IsOptional() @IsISO8601(DATE, dateMessage('from')) from?: string;
  @ApiPropertyOptional({ description: '时间段止（含当日）' }) @IsOptional() @IsISO8601(DATE, dateMessage('to')) @IsOnOrAfter('from', { message: '时间段止不能早于时间段起 (to must not be before from)' }) to?: string;
}

/** 新建三个一批批次 */
export class CreateRoundRequest {
  @ApiProperty({ example: 'SX-ZGQ', description: '开发区代码 (GET /zones)' })
  @IsString() @IsNotEmpty({ message: '开发区不能为空 (zoneCode must not be empty)' })
  zoneCode!: string;

  @ApiProperty({ example: '2026年第四批', description: '批次名称，开发区内唯一' })
  @IsString({ message: '批次名称应为文本 (name must be a string)' })
  @Matches(/\S/, { message: '批次名称不能为空 (name must not be empty)' })
  @MaxLength(40, { message: '批次名称不能超过 40 个字符 (name must be at most 40 characters)' })
  name!: string;

  @ApiProperty({ example: '2026-10-01', description: '起始日（含）' })
  @IsISO8601(DATE, dateMessage('startsOn'))
  startsOn!: string;

  @ApiProperty({ example: '2026-12-31', description: '截止日（含）' })
  @IsISO8601(DATE, dateMessage('endsOn'))
  @IsOnOrAfter('startsOn', { message: '截止日不能早于起始日 (endsOn must not be before startsOn)' })
  endsOn!: string;
}

export class ListRoundsQuery extends PageQuery {
  @ApiPropertyOptional({ description: '开发区代码（默认：本人负责的全部开发区）' }) @IsOptional() @IsString() zone?: string;
}
