import ExcelJS from 'exceljs';
import { cellDate, LEDGER_COLUMNS } from '../domain/ledger';
import { LEDGER_SHEET, LedgerFileProblem, ledgerTemplate, markedLedger, readLedger, type LedgerUploadRow } from './ledger-workbook';

const ZONES = [
  { code: 'SX-ZGQ', name: '山西转型综合改革示范区' },
  { code: 'CZ-GXQ', name: '常州国家高新区' },
];

async function collect(file: Buffer): Promise<LedgerUploadRow[]> {
  const rows: LedgerUploadRow[] = [];
  for await (const r of readLedger(file)) rows.push(r);
  return rows;
}

/** The template as a zone fills it: two rows, a blank one between them. */
async function filled(): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await ledgerTemplate(ZONES)) as never);
  const sheet = book.getWorksheet(LEDGER_SHEET)!;
  const at = (key: string) => LEDGER_COLUMNS.findIndex((c) => c.key === key) + 1;
  sheet.getCell(2, at('name')).value = '年产5万吨新型建材项目';
  sheet.getCell(2, at('signedOn')).value = new Date('2024-03-01T00:00:00Z');
  sheet.getCell(2, at('totalInvestment')).value = 52000;
  sheet.getCell(4, at('name')).value = '智能装备产业园项目';
  sheet.getCell(4, at('stage')).value = '在建';
  return Buffer.from(await book.xlsx.writeBuffer());
}

describe('项目台账 workbook (issue 18)', () => {
  it('the template: the ledger sheet with every column, its notes, and a sheet per code list with the zones', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await ledgerTemplate(ZONES)) as never);
    expect(book.worksheets.map((s) => s.name)).toEqual([LEDGER_SHEET, '开发区', '当前阶段', '用地方式', '审批状态', '项目类型', '是否全代办']);
    const header = book.getWorksheet(LEDGER_SHEET)!.getRow(1);
    expect(LEDGER_COLUMNS.map((_, i) => header.getCell(i + 1).value)).toEqual(LEDGER_COLUMNS.map((c) => c.header));
    expect(String(header.getCell(4).note)).toContain('必填');
    expect(book.getWorksheet('开发区')!.getRow(2).values).toEqual([undefined, 'SX-ZGQ', '山西转型综合改革示范区']);
    expect(book.getWorksheet('当前阶段')!.getColumn(1).values.slice(1)).toEqual(['当前阶段', '签约', '审批中', '具备开工条件', '在建', '竣工', '投产', '达产']);
  });

  it('an upload streams back its filled rows with their sheet row numbers, cells by column', async () => {
    const rows = await collect(await filled());
    expect(rows.map((r) => r.row)).toEqual([2, 4]);
    expect(rows[0].cells).toMatchObject({ name: '年产5万吨新型建材项目', totalInvestment: 52000 });
    expect(cellDate(rows[0].cells.signedOn)).toBe('2024-03-01'); // a date cell, read without styles as its day number
    expect(rows[1].cells).toMatchObject({ name: '智能装备产业园项目', stage: '在建' });
  });

  it('Chinese text comes back whole however the zip entries are cut into chunks (exceljs decodes chunk by chunk; see Utf8WorkbookReader)', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet(LEDGER_SHEET);
    sheet.addRow(LEDGER_COLUMNS.map((c) => c.header));
    const names = Array.from({ length: 2_000 }, (_, i) => `五百导入项目${i}号（晋城经济技术开发区）`);
    for (const name of names) sheet.addRow(LEDGER_COLUMNS.map((c) => (c.key === 'name' ? name : c.key === 'enterpriseName' ? `${name}有限公司` : null)));
    const rows = await collect(Buffer.from(await book.xlsx.writeBuffer()));
    expect(rows.map((r) => r.cells.name)).toEqual(names);
    expect(rows.map((r) => r.cells.enterpriseName)).toEqual(names.map((n) => `${n}有限公司`));
  });

  it('a file that is not the template says so', async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet('Sheet1').addRow(['项目名称', '企业名称']);
    await expect(collect(Buffer.from(await book.xlsx.writeBuffer()))).rejects.toThrow(new LedgerFileProblem('表格缺少必填列：统一社会信用代码、开发区代码、行业代码、总投资（万元）、固定资产投资（万元）、预计年产值（万元）、用地面积（亩）、用地方式、是否全代办、签约日期、计划开工日期、计划竣工日期、计划投产日期、当前阶段、审批状态、联系人、联系电话（请使用导入模板）'));
    const empty = new ExcelJS.Workbook();
    empty.addWorksheet(LEDGER_SHEET).addRow(LEDGER_COLUMNS.map((c) => c.header));
    await expect(collect(Buffer.from(await empty.xlsx.writeBuffer()))).rejects.toThrow('表格没有数据行');
  });

  it('the upload given back marks each problem in its cell and lists the row’s problems in 错误', async () => {
    const rows = await collect(await filled());
    const marked = await markedLedger(rows, new Map([[4, [{ column: 'creditCode', header: '统一社会信用代码', message: '统一社会信用代码应为18位' }]]]));
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(marked as never);
    const sheet = book.getWorksheet(LEDGER_SHEET)!;
    const errors = LEDGER_COLUMNS.length + 1;
    expect(sheet.getRow(1).getCell(errors).value).toBe('错误');
    expect(sheet.getRow(2).getCell(errors).value).toBe('');
    expect(sheet.getRow(3).getCell(errors).value).toBe('统一社会信用代码：统一社会信用代码应为18位');
    expect(sheet.getRow(3).getCell(4).note).toBe('统一社会信用代码应为18位');
  });
});
