import { IsISO8601, IsOptional } from 'class-validator';

/** A calendar date, YYYY-MM-DD (Asia/Shanghai). */
export const DATE_ONLY = { strict: true } as const;
export const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** 开工 / 竣工 / 投产 dates of one kind (planned, committed, agreed or actual). */
export class MilestoneDates {
  @IsISO8601(DATE_ONLY) start!: string;
  @IsISO8601(DATE_ONLY) completion!: string;
  @IsISO8601(DATE_ONLY) production!: string;
}

/** The land agreement fixes start and completion; production only where the agreement says so. */
export class AgreedDates {
  @IsISO8601(DATE_ONLY) start!: string;
  @IsISO8601(DATE_ONLY) completion!: string;
  @IsOptional() @IsISO8601(DATE_ONLY) production?: string;
}

