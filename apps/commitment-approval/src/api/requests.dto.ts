import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, Equals, IsArray, IsBoolean, IsIn, IsInt, IsISO8601, IsNotEmpty, IsObject, IsOptional, IsString, Length, Matches, Max, MaxLength, Min, ValidateIf, ValidateNested } from 'class-validator';
import { IsOnOrAfter, PageQuery, Satisfies } from '@devzone/platform';
import { chinaDate } from '@devzone/shared-kernel';
import { CASE_STATUSES, type CaseStatus } from '../domain/case.state-machine';
import { ITEM_STATUSES, itemOpen } from '../domain/item.state-machine';
import { pastCommittedDate, type Milestone } from '../domain/committed-dates';
import { isOpinion, OPINION_MAX, OPINION_MESSAGE, OPINION_MIN } from '../domain/opinions';
import type { Applicability, Regime } from '../domain/catalogue';
import type { ItemDecisionKind } from '../application/item.service';

const DATE = { strict: true } as const;
const dateMessage = (field: string) => ({ message: `${field} 应为日期 YYYY-MM-DD (${field} must be a date YYYY-MM-DD)` });
const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** A committed date is not in the past (domain/committed-dates.ts, China's today). */
const NotPast = (milestone: Milestone) =>
  Satisfies(
    (value) => typeof value !== 'string' || pastCommittedDate(milestone, value, chinaDate()) === null,
    (value) => {
      const problem = pastCommittedDate(milestone, String(value), chinaDate());
      return problem ? `${problem.zh} (${problem.en})` : '';
    },
  );

/** 审查意见: every act with legal effect is taken with one, recorded with who took the act and when (domain/opinions.ts). */
export class OpinionRequest {
  @ApiProperty({
    minLength: OPINION_MIN,
    maxLength: OPINION_MAX,
    example: '经审查，材料齐全，符合法定条件，同意。',
    description: `审查意见（必填，${OPINION_MIN}–${OPINION_MAX} 字），与操作人、时间一并记入案件审查记录 (the reviewer’s opinion, recorded with who and when)`,
  })
  @Transform(trimmed)
  @Satisfies(isOpinion, OPINION_MESSAGE)
  opinion!: string;
}

export class CommittedDatesRequest {
  @ApiProperty({ example: '2027-03-01', description: '承诺开工日期（不早于今天）' }) @IsISO8601(DATE, dateMessage('committedDates.start')) @NotPast('start') start!: string;
  @ApiProperty({ example: '2028-06-30', description: '承诺竣工日期（不早于今天与承诺开工日期）' })
  @IsISO8601(DATE, dateMessage('committedDates.completion'))
  @NotPast('completion')
  @IsOnOrAfter('start', { message: '承诺竣工日期不能早于承诺开工日期 (completion must not be before start)' })
  completion!: string;
  @ApiProperty({ example: '2028-09-01', description: '承诺投产日期（不早于今天与承诺竣工日期）' })
  @IsISO8601(DATE, dateMessage('committedDates.production'))
  @NotPast('production')
  @IsOnOrAfter('completion', { message: '承诺投产日期不能早于承诺竣工日期 (production must not be before completion)' })
  production!: string;
}

/** 承诺书, or the choice of 一般程序 for the whole case */
export class CommitmentRequest {
  @ApiProperty({ enum: ['all', 'partial', 'none'], description: '全部承诺；部分承诺（其余可承诺事项按一般程序）；不作承诺（全部按一般程序）' })
  @IsIn(['all', 'partial', 'none'], { message: 'scope 应为 all、partial 或 none (scope must be all, partial or none)' })
  scope!: 'all' | 'partial' | 'none';

  @ApiPropertyOptional({ example: ['C01', 'C02'], description: '部分承诺时承诺的事项' })
  @IsOptional() @IsArray() @IsString({ each: true })
  itemCodes?: string[];

  @ApiPropertyOptional({ type: CommittedDatesRequest, description: '承诺开工、竣工、投产日期（作出承诺时必填）' })
  @IsOptional() @ValidateNested() @Type(() => CommittedDatesRequest)
  committedDates?: CommittedDatesRequest;

  @ApiPropertyOptional({ type: Boolean, description: '企业已阅读并确认承诺书声明（CaseView.commitmentDeclaration）；作出承诺（all、partial）时须为 true (the enterprise confirms the declaration; required true unless scope is none)' })
  @ValidateIf((o: CommitmentRequest) => o.scope !== 'none')
  @Equals(true, { message: 'declarationConfirmed 须确认承诺书声明（我已阅读并承诺）后方可提交承诺书 (declarationConfirmed must be true)' })
  declarationConfirmed?: boolean;
}

export class PrecheckRequest extends OpinionRequest {
  @ApiProperty({ description: '预审是否通过' }) @IsBoolean({ message: 'passed 应为 true/false' }) passed!: boolean;
  @ApiPropertyOptional({ description: '给企业的预审说明；不填则为审查意见 (the note the enterprise reads; default: the opinion)' }) @IsOptional() @IsString() @MaxLength(500) note?: string;
}

const DECISIONS: ItemDecisionKind[] = ['grant', 'grant-with-missing-documents', 'request-corrections', 'reject'];

export class ItemDecisionRequest extends OpinionRequest {
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

const PAUSABLE = ['hearing', 'testing', 'expert-review'] as const;

/** 暂停计时 */
export class PauseRequest {
  @ApiProperty({ enum: PAUSABLE, description: '听证 / 检验检测 / 专家评审（补正：要求补正；公示：随案件）' })
  @IsIn(PAUSABLE, { message: `reason 应为 ${PAUSABLE.join(' / ')}` })
  reason!: (typeof PAUSABLE)[number];

  @ApiPropertyOptional({ example: '委托第三方开展专家评审' }) @IsOptional() @IsString() @MaxLength(500) note?: string;
}

/** 撤销（虚假承诺） */
export class RevocationRequest extends OpinionRequest {
  @ApiProperty({ example: '核查发现设计方案与承诺不符' }) @IsString() @IsNotEmpty({ message: '须说明撤销理由 (reason is required)' }) @MaxLength(500) reason!: string;
}

export class AcceptanceResultRequest extends OpinionRequest {
  @ApiProperty({ description: '对标验收是否通过' }) @IsBoolean({ message: 'passed 应为 true/false' }) passed!: boolean;
  @ApiPropertyOptional({ example: ['容积率低于承诺值'] }) @IsOptional() @IsArray() @ArrayMinSize(1) @IsString({ each: true }) reasons?: string[];
  @ApiPropertyOptional({ description: '整改期限（默认按开发区规则）' }) @IsOptional() @IsISO8601(DATE, dateMessage('rectifyBy')) rectifyBy?: string;
}

export class RectifyRequest {
  @ApiProperty({ example: '已补交材料并通过复核' }) @IsString() @IsNotEmpty({ message: '须说明整改情况 (note is required)' }) @MaxLength(1000) note!: string;
}

export class CatalogueDocumentRequest {
  @ApiProperty({ example: 'D01' }) @Matches(/^[A-Z0-9]{1,8}$/, { message: '材料代码应为大写字母或数字 (document code)' }) code!: string;
  @ApiProperty({ example: '项目备案申请表' }) @IsString() @IsNotEmpty() @MaxLength(100) name!: string;
  @ApiProperty({ description: '是否可容缺' }) @IsBoolean() tolerable!: boolean;
}

/** One item of a zone's own catalogue. */
export class CatalogueItemRequest {
  @ApiProperty({ example: 'A01' }) @Matches(/^[A-Z][A-Z0-9]{1,7}$/, { message: '事项代码应为大写字母开头的 2–8 位 (item code)' }) code!: string;
  @ApiProperty({ example: '企业投资项目备案' }) @IsString() @IsNotEmpty() @MaxLength(100) name!: string;
  @ApiProperty({ example: '发展和改革局' }) @IsString() @IsNotEmpty() @MaxLength(100) department!: string;
  @ApiProperty({ enum: ['committable', 'approval', 'unified-service', 'cancelled'] }) @IsIn(['committable', 'approval', 'unified-service', 'cancelled']) regime!: Regime;
  @ApiProperty({ description: '法定时限（工作日）' }) @IsInt() @Min(0) @Max(365) legalLimitDays!: number;
  @ApiProperty({ description: '承诺时限（工作日），不长于法定时限' }) @IsInt() @Min(0) @Max(365) promisedLimitDays!: number;
  @ApiProperty({ type: [CatalogueDocumentRequest] }) @IsArray() @ValidateNested({ each: true }) @Type(() => CatalogueDocumentRequest) documents!: CatalogueDocumentRequest[];
  @ApiProperty({ description: '适用条件：requiresLand, notOnStandardLand, industries, exceptIndustries, minInvestment' }) @IsObject() applies!: Applicability;
  @ApiPropertyOptional({ example: ['A01'], description: '前置事项（须先办结）' }) @IsOptional() @IsArray() @IsString({ each: true }) prerequisites?: string[];
}

/** 发布开发区规则新版本: what changes (the rest as in the version before), from when. */
export class ZoneRulesVersionRequest {
  @ApiProperty({ example: '2027-01-01', description: '生效日期（不早于今天）；此后新立案的案件适用，已立案的案件仍按原版本' })
  @IsISO8601(DATE, dateMessage('effectiveFrom'))
  effectiveFrom!: string;
  @ApiPropertyOptional({ example: '公示期调整为 5 天' }) @IsOptional() @IsString() @MaxLength(500) note?: string;
  @ApiPropertyOptional({ description: '公示期（天），0 为不公示' }) @IsOptional() @IsInt() @Min(0) @Max(60) publicityDays?: number;
  @ApiPropertyOptional({ description: '剩余工作日不多于此数时为黄色预警' }) @IsOptional() @IsInt() @Min(0) @Max(30) amberWorkingDays?: number;
  @ApiPropertyOptional({ description: '未修复的一般失信记录达到此数列入黑名单' }) @IsOptional() @IsInt() @Min(1) @Max(20) generalRecordsToBlacklist?: number;
  @ApiPropertyOptional({ description: '验收不通过的整改期限（天）' }) @IsOptional() @IsInt() @Min(1) @Max(730) majorRectifyDays?: number;
  @ApiPropertyOptional({ description: '容缺材料最长补交期限（工作日）' }) @IsOptional() @IsInt() @Min(1) @Max(60) maxMissingDocumentsWorkingDays?: number;
  @ApiPropertyOptional({ description: '承诺日期逾期多少天后预警' }) @IsOptional() @IsInt() @Min(0) @Max(365) commitmentGraceDays?: number;
  @ApiPropertyOptional({ description: '承诺日期逾期多少天后记一般失信' }) @IsOptional() @IsInt() @Min(1) @Max(730) commitmentRecordDays?: number;
  @ApiPropertyOptional({ description: '一般失信最短公示期（月，不少于 3）' }) @IsOptional() @IsInt() @Min(3, { message: '一般失信最短公示期不少于 3 个月 (at least 3 months)' }) @Max(36) repairGeneralMonths?: number;
  @ApiPropertyOptional({ description: '重大失信最短公示期（月，不少于 3）' }) @IsOptional() @IsInt() @Min(3) @Max(60) repairMajorMonths?: number;
  @ApiPropertyOptional({ description: '严重失信最短公示期（月，不少于 12）' }) @IsOptional() @IsInt() @Min(12, { message: '严重失信最短公示期不少于 1 年 (at least 12 months)' }) @Max(60) repairSeriousMonths?: number;
  @ApiPropertyOptional({ type: [CatalogueItemRequest], description: '本开发区的审批事项清单（给出时作为新版本）' })
  @IsOptional() @IsArray() @ArrayMinSize(1) @ArrayMaxSize(200) @ValidateNested({ each: true }) @Type(() => CatalogueItemRequest)
  catalogue?: CatalogueItemRequest[];
}

export class CasesQuery extends PageQuery {
  @ApiPropertyOptional() @IsOptional() @IsString() zone?: string;
  @ApiPropertyOptional({ enum: CASE_STATUSES, enumName: 'CaseStatus' }) @IsOptional() @IsIn(CASE_STATUSES, { message: `status 应为 ${CASE_STATUSES.join(' / ')}` }) status?: CaseStatus;
}

const SEARCH_MAX = 100;
const searchMessage = { message: `q 应为 1–${SEARCH_MAX} 个字符的搜索词 (q must be 1-${SEARCH_MAX} characters)` };
/** `q` of a search: trimmed; an empty one is no search. */
const searchText = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() || undefined : value);

/** The open item statuses the queue holds (domain/item.state-machine.ts itemOpen). */
export const QUEUE_STATUSES = ITEM_STATUSES.filter(itemOpen);
/** 到期：已逾期 / 今日到期 / 7 天内到期（含已逾期）. */
export const DUE_WINDOWS = ['overdue', 'today', 'week'] as const;
export type DueWindow = (typeof DUE_WINDOWS)[number];
/** 预警：已超期 / 临近到期 (as each item's red/amber/green). */
export const QUEUE_RAGS = ['red', 'amber'] as const;
export type QueueRag = (typeof QUEUE_RAGS)[number];

export class QueueQuery extends PageQuery {
  @ApiPropertyOptional({ description: '开发区代码' }) @IsOptional() @IsString() zone?: string;
  @ApiPropertyOptional({ description: '部门' }) @IsOptional() @IsString() @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value)) department?: string;

  @ApiPropertyOptional({
    description: `搜索：项目名称、项目代码或企业名称的一部分（不区分大小写，1–${SEARCH_MAX} 个字符，前后空格不计）(search: part of the project name, project code or enterprise name)`,
    minLength: 1,
    maxLength: SEARCH_MAX,
    example: '新型建材',
  })
  @IsOptional()
  @Transform(searchText)
  @IsString(searchMessage)
  @Length(1, SEARCH_MAX, searchMessage)
  q?: string;

  @ApiPropertyOptional({ enum: QUEUE_STATUSES, enumName: 'QueueItemStatus', description: '事项状态：待受理 / 审查中 / 暂停计时 / 待补正 (the item status)' })
  @IsOptional()
  @IsIn(QUEUE_STATUSES, { message: `status 应为 ${QUEUE_STATUSES.join(' / ')} (status must be an open item status)` })
  status?: (typeof QUEUE_STATUSES)[number];

  @ApiPropertyOptional({
    enum: DUE_WINDOWS,
    enumName: 'DueWindow',
    description: '到期：overdue 已逾期；today 今日到期；week 7 天内到期（今天起 7 个自然日内，含已逾期）；按队列排序所用的期限，暂停计时与待前置事项的不计 (due window, against the due date the queue sorts by)',
  })
  @IsOptional()
  @IsIn(DUE_WINDOWS, { message: `due 应为 ${DUE_WINDOWS.join(' / ')} (due must be overdue, today or week)` })
  due?: DueWindow;

  @ApiPropertyOptional({ enum: QUEUE_RAGS, enumName: 'QueueRag', description: '预警：red 已超期；amber 临近到期（剩余工作日不多于开发区规则的黄色预警天数）(red/amber, as each item’s rag)' })
  @IsOptional()
  @IsIn(QUEUE_RAGS, { message: `rag 应为 ${QUEUE_RAGS.join(' / ')} (rag must be red or amber)` })
  rag?: QueueRag;
}

/** GET /queue/summary: the queue's filters, without paging. */
export class QueueSummaryQuery extends OmitType(QueueQuery, ['page', 'pageSize'] as const) {}

/** 信用记录的状态：未整改 / 未修复（含未整改）/ 已修复. */
export const CREDIT_RECORD_STATES = ['unrectified', 'unrepaired', 'repaired'] as const;
export type CreditRecordState = (typeof CREDIT_RECORD_STATES)[number];

export class CreditRecordsQuery extends PageQuery {
  @ApiPropertyOptional({
    description: `搜索：企业名称或统一社会信用代码的一部分（不区分大小写，1–${SEARCH_MAX} 个字符）(part of the enterprise name or credit code)`,
    minLength: 1,
    maxLength: SEARCH_MAX,
    example: '新材料',
  })
  @IsOptional()
  @Transform(searchText)
  @IsString(searchMessage)
  @Length(1, SEARCH_MAX, searchMessage)
  q?: string;

  @ApiPropertyOptional({ description: '开发区代码（记录所属案件的开发区）' }) @IsOptional() @IsString() zone?: string;

  @ApiPropertyOptional({ enum: CREDIT_RECORD_STATES, enumName: 'CreditRecordState', description: 'unrectified 未整改；unrepaired 未修复（含未整改）；repaired 已修复' })
  @IsOptional()
  @IsIn(CREDIT_RECORD_STATES, { message: `status 应为 ${CREDIT_RECORD_STATES.join(' / ')} (status must be unrectified, unrepaired or repaired)` })
  status?: CreditRecordState;
}
