import { ApiProperty } from '@nestjs/swagger';
import { LEDGER_COLUMNS, type LedgerCells } from '../domain/ledger';
import type { ImportBatchOrm, ImportRowOrm } from '../infrastructure/import-entities';

export const IMPORT_BATCH_STATUSES = ['checked', 'committing', 'committed'] as const;
export const IMPORT_BATCH_STATUS_ZH: Record<(typeof IMPORT_BATCH_STATUSES)[number], string> = { checked: '已校验，待导入', committing: '导入中', committed: '已导入' };
export const IMPORT_ROW_STATUSES = ['valid', 'error', 'unchanged', 'imported'] as const;
export const IMPORT_ROW_STATUS_ZH: Record<(typeof IMPORT_ROW_STATUSES)[number], string> = { valid: '可导入', error: '有错误', unchanged: '已导入过，无变化', imported: '已导入' };

export class LedgerProblemView {
  @ApiProperty({ type: String, nullable: true, description: '列（英文键）' }) column!: string | null;
  @ApiProperty({ type: String, nullable: true, description: '列名（模板表头）' }) header!: string | null;
  @ApiProperty({ description: '原因（中文）' }) message!: string;
}

/** 一次导入：上传的文件、校验结果（试导入）与导入进度。 */
export class ImportBatchView {
  @ApiProperty() id!: string;
  @ApiProperty() fileName!: string;
  @ApiProperty({ enum: IMPORT_BATCH_STATUSES, enumName: 'ImportBatchStatus' }) status!: (typeof IMPORT_BATCH_STATUSES)[number];
  @ApiProperty() statusName!: string;
  @ApiProperty({ description: '上传时间' }) createdAt!: string;
  @ApiProperty({ type: String, nullable: true }) committedAt!: string | null;
  @ApiProperty({ description: '数据行数' }) totalRows!: number;
  @ApiProperty({ description: '可导入的行数（尚未导入）' }) validRows!: number;
  @ApiProperty({ description: '有错误的行数' }) errorRows!: number;
  @ApiProperty({ description: '之前已导入且无变化的行数' }) unchangedRows!: number;
  @ApiProperty({ description: '本批已导入的行数' }) importedRows!: number;
  @ApiProperty({ type: [String], enum: ['commit'], description: '调用者现在可执行的操作' }) actions!: 'commit'[];
}

export class ImportRowView {
  @ApiProperty({ description: '表格中的行号（表头为第1行）' }) row!: number;
  @ApiProperty({ enum: IMPORT_ROW_STATUSES, enumName: 'ImportRowStatus' }) status!: (typeof IMPORT_ROW_STATUSES)[number];
  @ApiProperty() statusName!: string;
  @ApiProperty({ type: String, nullable: true }) name!: string | null;
  @ApiProperty({ type: String, nullable: true }) enterpriseName!: string | null;
  @ApiProperty({ type: String, nullable: true }) zoneCode!: string | null;
  @ApiProperty({ type: String, nullable: true, description: '台账中的当前阶段' }) stage!: string | null;
  @ApiProperty({ type: [LedgerProblemView] }) problems!: LedgerProblemView[];
  @ApiProperty({ type: String, nullable: true, description: '导入后（或之前导入）的项目' }) projectId!: string | null;
}

export function importBatchView(b: ImportBatchOrm): ImportBatchView {
  return {
    id: b.id,
    fileName: b.fileName,
    status: b.status,
    statusName: IMPORT_BATCH_STATUS_ZH[b.status],
    createdAt: b.createdAt.toISOString(),
    committedAt: b.committedAt ? b.committedAt.toISOString() : null,
    totalRows: b.totalRows,
    validRows: b.validRows - b.importedRows,
    errorRows: b.errorRows,
    unchangedRows: b.unchangedRows,
    importedRows: b.importedRows,
    actions: b.status !== 'committed' && b.validRows > b.importedRows ? ['commit'] : [],
  };
}

const text = (cells: ImportRowOrm['cells'], key: keyof LedgerCells) => (cells[key] === null || cells[key] === undefined ? null : String(cells[key]));

export function importRowView(r: ImportRowOrm): ImportRowView {
  return {
    row: r.rowNumber,
    status: r.status,
    statusName: IMPORT_ROW_STATUS_ZH[r.status],
    name: text(r.cells, 'name'),
    enterpriseName: text(r.cells, 'enterpriseName'),
    zoneCode: text(r.cells, 'zoneCode'),
    stage: text(r.cells, 'stage'),
    problems: r.problems.map((p) => ({ column: p.column, header: p.header ?? LEDGER_COLUMNS.find((c) => c.key === p.column)?.header ?? null, message: p.message })),
    projectId: r.projectId,
  };
}
