import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, IsString, Matches } from 'class-validator';
import { IsOnOrAfter } from '@devzone/platform';
import { PLAN_MONTHS_MAX } from '../domain/figures-charts';

/** Query DTOs of the chart figures (GET /figures/rounds, GET /figures/plan-vs-actual). */

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const monthMessage = (field: string) => ({ message: `${field} 应为月份 YYYY-MM (${field} must be a month YYYY-MM)` });
const asOfMessage = { message: 'asOf 应为日期 YYYY-MM-DD (asOf must be a date YYYY-MM-DD)' };

/** The rounds of a zone, or of every zone the caller sees (added up by name). */
export class RoundsFiguresQuery {
  @ApiPropertyOptional({ description: '开发区代码；不填则为本人负责的全部开发区（同名批次合计）' }) @IsOptional() @IsString() zone?: string;
  @ApiPropertyOptional({ description: '统计截止日（默认今天）：此后的签约、开工、投产不计' }) @IsOptional() @IsISO8601({ strict: true }, asOfMessage) asOf?: string;
}

/** Months from–to (both inclusive), in a zone or in every zone the caller sees. */
export class PlanVsActualQuery {
  @ApiPropertyOptional({ description: '开发区代码；不填则为本人负责的全部开发区' }) @IsOptional() @IsString() zone?: string;
  @ApiPropertyOptional({ description: `起始月份 YYYY-MM（默认截止月份前 11 个月）；最多 ${PLAN_MONTHS_MAX} 个月`, example: '2026-01' })
  @IsOptional()
  @Matches(MONTH, monthMessage('from'))
  from?: string;
  @ApiPropertyOptional({ description: '截止月份 YYYY-MM（默认 asOf 所在月份）', example: '2026-12' })
  @IsOptional()
  @Matches(MONTH, monthMessage('to'))
  @IsOnOrAfter('from', { message: '截止月份不能早于起始月份 (to must not be before from)' })
  to?: string;
  @ApiPropertyOptional({ description: '统计截止日（默认今天）：此后的实际开工、投产不计，此后签约的项目不计划' }) @IsOptional() @IsISO8601({ strict: true }, asOfMessage) asOf?: string;
}
