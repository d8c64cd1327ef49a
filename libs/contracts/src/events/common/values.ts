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

/** Lifecycle stages (architecture §5), in order, then the two off to the side. */
export const LIFECYCLE_STAGES = [
  'SIGNED',
  'APPROVING',
  'READY_TO_START',
  'UNDER_CONSTRUCTION',
  'COMPLETED',
  'IN_PRODUCTION',
  'FULL_PRODUCTION',
  'SUSPENDED',
  'TERMINATED',
] as const;
export type LifecycleStage = (typeof LIFECYCLE_STAGES)[number];

export const STAGE_NAMES_ZH: Record<LifecycleStage, string> = {
  SIGNED: '签约',
  APPROVING: '审批中',
  READY_TO_START: '具备开工条件',
  UNDER_CONSTRUCTION: '在建',
  COMPLETED: '竣工',
  IN_PRODUCTION: '投产',
  FULL_PRODUCTION: '达产',
  SUSPENDED: '暂停',
  TERMINATED: '终止',
};
