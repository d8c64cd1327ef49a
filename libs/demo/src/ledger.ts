import ExcelJS from 'exceljs';
import { addDays, chinaDate, creditCodeFrom } from '@devzone/shared-kernel';

/** The stages a 项目台账 brings a project in at, in order. */
export const LEDGER_STAGES = ['签约', '审批中', '具备开工条件', '在建', '竣工', '投产', '达产'] as const;

/** A ledger row by the template's zh headers (what a zone types in). */
export type LedgerRecord = Record<string, string | number>;

/**
 * Row i of a zone's 项目台账 as a zone would fill it (issue 18): stages in turn (i % 7),
 * land paths in turn, signed 800–1,100 days ago, each later milestone after the one
 * before and in the past; names unique per `tag`.
 */
export function ledgerRecord(i: number, zoneCode: string, tag: string): LedgerRecord {
  const stage = LEDGER_STAGES[i % LEDGER_STAGES.length];
  const n = LEDGER_STAGES.indexOf(stage);
  const signedOn = addDays(chinaDate(), -(800 + (i % 300)));
  const started = addDays(signedOn, 90);
  const land = (['标准地', '招拍挂出让', '自有用地', '租赁厂房'] as const)[i % 4];
  return {
    项目名称: `${tag}导入项目${i}号`,
    企业名称: `${tag}导入企业${i % 97}有限公司`,
    统一社会信用代码: creditCodeFrom(`91140100MA${String(100_000 + (i % 97)).padStart(7, '0')}`),
    开发区代码: zoneCode,
    行业代码: 'C3021',
    项目类型: '基本建设项目',
    '总投资（万元）': 10_000 + i,
    '固定资产投资（万元）': 8_000,
    '预计年产值（万元）': 15_000,
    '用地面积（亩）': land === '租赁厂房' ? 0 : 20 + (i % 50),
    用地方式: land,
    用地文件号: n >= 2 ? `晋(2024)出让合同第${1000 + i}号` : '',
    是否全代办: i % 3 === 0 ? '是' : '否',
    签约日期: signedOn,
    计划开工日期: addDays(signedOn, 60),
    计划竣工日期: addDays(signedOn, 400),
    计划投产日期: addDays(signedOn, 460),
    当前阶段: stage,
    审批状态: n === 0 ? '未申报' : n === 1 ? '办理中' : '已办结',
    施工许可或批复文号: n >= 2 ? `晋综改施字〔2024〕${i}号` : '',
    实际开工日期: n >= 3 ? started : '',
    竣工日期: n >= 4 ? addDays(started, 300) : '',
    投产日期: n >= 5 ? addDays(started, 360) : '',
    达产日期: n >= 6 ? addDays(started, 480) : '',
    联系人: '张伟',
    联系电话: `139${String(10_000_000 + i).slice(-8)}`,
  };
}

/** The template (as downloaded) filled in: each record's cells under the header of the same name on its first sheet. */
export async function fillLedgerTemplate(template: ArrayBuffer | Buffer, records: LedgerRecord[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(template as never);
  const sheet = book.worksheets[0];
  const headers = (sheet.getRow(1).values as unknown[]).map((v) => String(v ?? ''));
  records.forEach((record, r) => {
    const row = sheet.getRow(r + 2);
    headers.forEach((header, column) => {
      if (header && header in record && record[header] !== '') row.getCell(column).value = record[header];
    });
    row.commit();
  });
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** A workbook with only the ledger sheet, its header row and the records (what a zone's own spreadsheet, renamed to the template's headers, looks like). */
export async function ledgerWorkbook(headers: string[], records: LedgerRecord[], sheetName = '项目台账'): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(sheetName);
  sheet.addRow(headers);
  for (const record of records) sheet.addRow(headers.map((h) => (record[h] === '' || record[h] === undefined ? null : record[h])));
  return Buffer.from(await book.xlsx.writeBuffer());
}
