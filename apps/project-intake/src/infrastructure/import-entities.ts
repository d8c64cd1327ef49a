import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { LedgerCells, LedgerProblem, LedgerProject } from '../domain/ledger';

export type ImportBatchStatus = 'checked' | 'committing' | 'committed';
export type ImportRowStatus = 'valid' | 'error' | 'unchanged' | 'imported';

/** One upload of a 项目台账: checked (the dry run), then committed. */
@Entity('import_batches')
export class ImportBatchOrm {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ name: 'file_name', type: 'text' }) fileName!: string;
  @Column({ name: 'file_sha256', type: 'char', length: 64 }) fileSha256!: string;
  @Column({ name: 'created_by', type: 'varchar', length: 128 }) createdBy!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  /** The zones the importer works in (null: every zone). */
  @Column({ type: 'text', array: true, nullable: true }) zones!: string[] | null;
  @Column({ type: 'text' }) status!: ImportBatchStatus;
  @Column({ name: 'total_rows', type: 'int' }) totalRows!: number;
  @Column({ name: 'valid_rows', type: 'int' }) validRows!: number;
  @Column({ name: 'error_rows', type: 'int' }) errorRows!: number;
  @Column({ name: 'unchanged_rows', type: 'int' }) unchangedRows!: number;
  @Column({ name: 'imported_rows', type: 'int', default: 0 }) importedRows!: number;
  @Column({ name: 'committed_at', type: 'timestamptz', nullable: true }) committedAt!: Date | null;
}

/** One row of an upload: its cells as read, its problems or its project, and the project it became. */
@Entity('import_rows')
export class ImportRowOrm {
  @PrimaryColumn({ name: 'batch_id', type: 'uuid' }) batchId!: string;
  @PrimaryColumn({ name: 'row_number', type: 'int' }) rowNumber!: number;
  @Column({ type: 'text' }) status!: ImportRowStatus;
  @Column({ type: 'jsonb' }) cells!: Partial<Record<keyof LedgerCells, string | number | null>>;
  @Column({ type: 'jsonb', default: [] }) problems!: LedgerProblem[];
  @Column({ type: 'jsonb', nullable: true }) project!: LedgerProject | null;
  @Column({ name: 'row_sha256', type: 'char', length: 64, nullable: true }) rowSha256!: string | null;
  @Column({ type: 'text', array: true, default: [] }) keys!: string[];
  @Column({ name: 'project_id', type: 'uuid', nullable: true }) projectId!: string | null;
}

export const IMPORT_ENTITIES = [ImportBatchOrm, ImportRowOrm];
