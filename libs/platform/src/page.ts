import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** The most rows one list request returns: a larger pageSize is a 400. */
export const MAX_PAGE_SIZE = 100;

/** `page` and `pageSize` for every list endpoint; list query DTOs extend it. */
export class PageQuery {
  @ApiPropertyOptional({ default: 1, minimum: 1 }) @IsOptional() @Type(() => Number) @IsInt({ message: 'page 应为正整数 (page must be a positive integer)' }) @Min(1, { message: 'page 应为正整数 (page must be a positive integer)' }) page?: number;
  @ApiPropertyOptional({ default: 20, minimum: 1, maximum: MAX_PAGE_SIZE })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: `pageSize 应为 1–${MAX_PAGE_SIZE} 的整数 (pageSize must be 1-${MAX_PAGE_SIZE})` })
  @Min(1, { message: `pageSize 应为 1–${MAX_PAGE_SIZE} 的整数 (pageSize must be 1-${MAX_PAGE_SIZE})` })
  @Max(MAX_PAGE_SIZE, { message: `pageSize 最大为 ${MAX_PAGE_SIZE} (pageSize must be at most ${MAX_PAGE_SIZE})` })
  pageSize?: number;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** skip/take for a page query. */
export function pageOf(q: PageQuery): { page: number; pageSize: number; skip: number; take: number } {
  const page = q.page ?? 1;
  const pageSize = q.pageSize ?? 20;
  return { page, pageSize, skip: (page - 1) * pageSize, take: pageSize };
}

/** A page of rows already in memory (sorted views computed in the service). */
export function pageIn<T>(rows: T[], q: PageQuery): Page<T> {
  const { page, pageSize, skip } = pageOf(q);
  return { items: rows.slice(skip, skip + pageSize), total: rows.length, page, pageSize };
}
