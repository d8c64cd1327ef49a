import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { LAND_PATH_ZH, STAGE_NAMES_ZH } from '@devzone/contracts';
import { APPROVAL_STATES, IMPORTABLE_STAGES, LEDGER_COLUMNS, PROJECT_TYPE_ZH, type LedgerCells, type LedgerProblem } from '../domain/ledger';

/**
 * The 项目台账 as an .xlsx (exceljs): the template a zone fills in, the streaming
 * read of an upload, and the upload given back with its problems marked.
 */

export const LEDGER_SHEET = '项目台账';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const XLSX_TYPE = XLSX;

/** The template: the ledger sheet (headers with their hints as notes, list choices where a column takes a fixed word) and one sheet per code list. */
export async function ledgerTemplate(zones: { code: string; name: string }[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = '开发区项目全生命周期服务平台';
  const sheet = book.addWorksheet(LEDGER_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  const header = sheet.addRow(LEDGER_COLUMNS.map((c) => c.header));
  header.font = { bold: true };
  LEDGER_COLUMNS.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: c.required ? 'FFFFE7BA' : 'FFE6F0FF' } };
    cell.note = `${c.required ? '必填' : '选填'}${c.hint ? `：${c.hint}` : ''}`;
    sheet.getColumn(i + 1).width = Math.max(12, c.header.length * 2 + 2);
  });
  const lists: [string, string[][]][] = [
    ['开发区', zones.map((z) => [z.code, z.name])],
    ['当前阶段', IMPORTABLE_STAGES.map((s) => [STAGE_NAMES_ZH[s]])],
    ['用地方式', Object.values(LAND_PATH_ZH).map((n) => [n])],
    ['审批状态', Object.values(APPROVAL_STATES).map((n) => [n])],
    ['项目类型', Object.values(PROJECT_TYPE_ZH).map((n) => [n])],
    ['是否全代办', [['是'], ['否']]],
  ];
  for (const [name, rows] of lists) {
    const list = book.addWorksheet(name);
    list.addRow(name === '开发区' ? ['开发区代码', '开发区名称'] : [name]).font = { bold: true };
    rows.forEach((r) => list.addRow(r));
    list.getColumn(1).width = 20;
    list.getColumn(2).width = 30;
  }
  // Drop-down choices for 1,000 rows on the columns that take a listed word.
  const choice: Partial<Record<keyof LedgerCells, string>> = { zoneCode: '开发区', stage: '当前阶段', landPath: '用地方式', approvalState: '审批状态', projectType: '项目类型', wantsFullAgency: '是否全代办' };
  LEDGER_COLUMNS.forEach((c, i) => {
    const listName = choice[c.key];
    if (!listName) return;
    const size = (lists.find(([n]) => n === listName)?.[1].length ?? 0) + 1;
    const letter = sheet.getColumn(i + 1).letter;
    for (let r = 2; r <= 1001; r++) {
      sheet.getCell(`${letter}${r}`).dataValidation = { type: 'list', allowBlank: !c.required, formulae: [`'${listName}'!$A$2:$A$${size}`], showErrorMessage: true, errorTitle: '请从列表中选择', error: `请选择“${listName}”表中的值` };
    }
  });
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** Text of a stream of UTF-8 bytes, a character cut between two chunks decoded whole. */
async function* utf8(chunks: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of chunks) {
    const text = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    if (text) yield text;
  }
  const rest = decoder.decode();
  if (rest) yield rest;
}

type WorkbookReaderInternals = {
  _parseWorksheet(iterator: AsyncIterable<Buffer | string>, sheetNo: string): Generator;
  _parseSharedStrings(entry: { setEncoding(encoding: string): void }): AsyncGenerator;
};
const StreamingReader = ExcelJS.stream.xlsx.WorkbookReader as unknown as new (input: Readable, options: object) => AsyncIterable<ExcelJS.stream.xlsx.WorksheetReader> & WorkbookReaderInternals;

/**
 * exceljs 4.4's streaming reader decodes each chunk of a zip entry on its own, so a
 * Chinese character that falls across two chunks comes out as two U+FFFD (found
 * with a 500-row ledger: "五��导入项目193号"). Its worksheets and shared strings
 * are decoded here as one stream of text instead.
 */
class Utf8WorkbookReader extends StreamingReader {
  override _parseWorksheet(iterator: AsyncIterable<Buffer | string>, sheetNo: string): Generator {
    return super._parseWorksheet(utf8(iterator), sheetNo);
  }

  override _parseSharedStrings(entry: { setEncoding(encoding: string): void }): AsyncGenerator {
    entry.setEncoding('utf8');
    return super._parseSharedStrings(entry);
  }
}

export interface LedgerUploadRow {
  /** The row's number in the sheet (the header is row 1). */
  row: number;
  cells: Partial<LedgerCells>;
}

/** A problem of the file itself (not of a row): the sheet or a required column missing. */
export class LedgerFileProblem extends Error {}

/**
 * The upload's rows, read as a stream (exceljs's streaming reader: a 10,000-row
 * file is never held as a whole workbook). The first sheet named 项目台账 (or the
 * first sheet); columns found by their header; empty rows skipped.
 */
export async function* readLedger(file: Buffer | Readable): AsyncGenerator<LedgerUploadRow> {
  const input = Buffer.isBuffer(file) ? Readable.from(file) : file;
  const reader = new Utf8WorkbookReader(input, { sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'ignore', worksheets: 'emit', entries: 'emit' });
  // exceljs reads a sheet that comes before xl/workbook.xml in the zip (as exceljs itself writes them) without its name
  // and fails on the missing workbook model: an empty model until the real one is read; such a sheet is taken by its place.
  (reader as unknown as { model?: object }).model = { sheets: [] };
  let sheets = 0;
  for await (const sheet of reader) {
    sheets++;
    const name = (sheet as unknown as { name?: string }).name;
    if (sheets > 1 && name !== LEDGER_SHEET) continue;
    if (sheets === 1 && name !== undefined && name !== LEDGER_SHEET && (reader as unknown as { model: { sheets: { name: string }[] } }).model.sheets.some((s) => s.name === LEDGER_SHEET)) continue;
    let columns: Map<number, keyof LedgerCells> | undefined;
    let rows = 0;
    for await (const row of sheet) {
      const values = row.values as unknown[];
      if (!columns) {
        const found = new Map<number, keyof LedgerCells>();
        values.forEach((v, i) => {
          const column = LEDGER_COLUMNS.find((c) => c.header === String(v ?? '').trim());
          if (column) found.set(i, column.key);
        });
        columns = found;
        const missing = LEDGER_COLUMNS.filter((c) => c.required && ![...found.values()].includes(c.key));
        if (missing.length) throw new LedgerFileProblem(`表格缺少必填列：${missing.map((c) => c.header).join('、')}（请使用导入模板）`);
        continue;
      }
      const cells: Partial<LedgerCells> = {};
      let filled = false;
      for (const [i, key] of columns) {
        const value = values[i];
        if (value !== undefined && value !== null && String(value).trim() !== '') filled = true;
        cells[key] = value;
      }
      if (!filled) continue;
      rows++;
      yield { row: row.number, cells };
    }
    if (!columns) throw new LedgerFileProblem('表格为空：第一行应为导入模板的列名');
    if (!rows) throw new LedgerFileProblem('表格没有数据行');
    return;
  }
  throw new LedgerFileProblem('文件中没有工作表（请上传 .xlsx 格式的导入模板）');
}

/** The upload given back: its rows as uploaded, each problem's cell in red with the reason as a note, and a 错误 column. */
export async function markedLedger(rows: LedgerUploadRow[], problems: Map<number, LedgerProblem[]>): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(LEDGER_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  const header = sheet.addRow([...LEDGER_COLUMNS.map((c) => c.header), '错误']);
  header.font = { bold: true };
  for (const r of rows) {
    const found = problems.get(r.row) ?? [];
    const line = sheet.addRow([...LEDGER_COLUMNS.map((c) => cellValue(r.cells[c.key])), found.map((p) => (p.header ? `${p.header}：${p.message}` : p.message)).join('；')]);
    for (const p of found) {
      const at = p.column ? LEDGER_COLUMNS.findIndex((c) => c.key === p.column) + 1 : 0;
      if (!at) continue;
      const cell = line.getCell(at);
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFC7CE' } };
      cell.note = p.message;
    }
    if (found.length) line.getCell(LEDGER_COLUMNS.length + 1).font = { color: { argb: 'FF9C0006' } };
  }
  LEDGER_COLUMNS.forEach((c, i) => (sheet.getColumn(i + 1).width = Math.max(12, c.header.length * 2 + 2)));
  sheet.getColumn(LEDGER_COLUMNS.length + 1).width = 60;
  return Buffer.from(await book.xlsx.writeBuffer());
}

const cellValue = (v: unknown): ExcelJS.CellValue => (v instanceof Date || typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean' ? v : v === null || v === undefined ? null : (v as ExcelJS.CellValue));
