import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength, Min, ValidateNested } from 'class-validator';
import { LAND_PATHS, type LandPath } from '../../names';
import { defineEvent } from '../../registry';
import { Topics } from '../../topics';
import { DATE_ONLY } from '../common/values';
import { ProjectSignedV1 } from '../project-signed/project-signed.event';

/** The stages a ledger brings a project in at (暂停 and 终止 are acts on a followed project, not a starting point). */
export const IMPORTED_STAGES = ['SIGNED', 'APPROVING', 'READY_TO_START', 'UNDER_CONSTRUCTION', 'COMPLETED', 'IN_PRODUCTION', 'FULL_PRODUCTION'] as const;
export type ImportedStage = (typeof IMPORTED_STAGES)[number];
/** 审批状态 in a ledger: 未申报 / 办理中 / 已办结. */
export const IMPORTED_APPROVAL_STATES = ['not-started', 'in-progress', 'granted'] as const;
export type ImportedApprovalState = (typeof IMPORTED_APPROVAL_STATES)[number];

export class ImportedApproval {
  @IsIn(IMPORTED_APPROVAL_STATES) state!: ImportedApprovalState;
  /** 施工许可证号 or 承诺制批复文号, when granted. */
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(100) document?: string;
}

export class ImportedLand {
  @IsIn(LAND_PATHS) path!: LandPath;
  /** 出让合同号, 不动产权证号 or 租赁合同号, once secured. */
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(100) document?: string;
}

export class ActualDates {
  @IsOptional() @IsISO8601(DATE_ONLY) start?: string;
  @IsOptional() @IsISO8601(DATE_ONLY) completion?: string;
  @IsOptional() @IsISO8601(DATE_ONLY) production?: string;
  @IsOptional() @IsISO8601(DATE_ONLY) fullProduction?: string;
}

/** Where the project came from: the import batch, the file, the row. */
export class ImportSource {
  @IsUUID() batchId!: string;
  @IsString() @IsNotEmpty() @MaxLength(255) fileName!: string;
  @IsInt() @Min(2) row!: number;
}

/**
 * 导入: a project a zone already followed in its 项目台账 was brought in at its
 * stage (issue 18). It carries what project.signed carries plus the stage and
 * the historic facts, so that each service builds its state for that stage:
 * approval a closed case (granted) or an open one, land its path and document,
 * agency a delegation only when wanted and not past 开工.
 */
export class ProjectImportedV1 extends ProjectSignedV1 {
  @IsIn(IMPORTED_STAGES) stage!: ImportedStage;
  @ValidateNested() @Type(() => ImportedApproval) approval!: ImportedApproval;
  @ValidateNested() @Type(() => ImportedLand) land!: ImportedLand;
  @ValidateNested() @Type(() => ActualDates) actualDates!: ActualDates;
  @ValidateNested() @Type(() => ImportSource) source!: ImportSource;
}

export const ProjectImported = defineEvent({
  type: 'project.imported',
  version: 1,
  topic: Topics.project,
  payload: ProjectImportedV1,
  title: '项目导入',
});
