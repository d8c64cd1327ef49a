import ExcelJS from 'exceljs';
import { creditCodeFrom, addDays, chinaDate } from '@devzone/shared-kernel';
import { LEDGER_COLUMNS, type LedgerCells } from '../src/domain/ledger';
import { LEDGER_SHEET } from '../src/application/ledger-workbook';

/** The seven stages a ledger brings a project in at, and what a row at each holds. */
const STAGES = ['签约', '审批中', '具备开工条件', '在建', '竣工', '投产', '达产'] as const;

/**
 * Row i of a zone's ledger: stages in turn (i % 7), land paths in turn, signed 2–5 years ago,
 * each later milestone 60–120 days after the one before (all in the past), names unique per `tag`.
 */
export function ledgerRow(i: number, zoneCode: string, tag: string): Partial<LedgerCells> {
  const stage = STAGES[i % STAGES.length];
  const n = STAGES.indexOf(stage);
  const signedOn = addDays(chinaDate(), -(800 + (i % 300)));
  const started = addDays(signedOn, 90);
  const land = (['标准地', '招拍挂出让', '自有用地', '租赁厂房'] as const)[i % 4];
  const area = land === '租赁厂房' ? 0 : 20 + (i % 50);
  return {
    name: `${tag}导入项目${i}号`,
    enterpriseName: `${tag}导入企业${i % 97}有限公司`,
    creditCode: creditCodeFrom(`91140100MA${String(100_000 + (i % 97)).padStart(7, '0')}`),
    zoneCode,
    industryCode: 'C3021',
    projectType: '基本建设项目',
    totalInvestment: 10_000 + i,
    fixedAssetInvestment: 8_000,
    projectedAnnualOutput: 15_000,
    landAreaMu: area,
    landPath: land,
    landDocument: n >= 2 ? `晋(2024)出让合同第${1000 + i}号` : '',
    wantsFullAgency: i % 3 === 0 ? '是' : '否',
    signedOn,
    plannedStart: addDays(signedOn, 60),
    plannedCompletion: addDays(signedOn, 400),
    plannedProduction: addDays(signedOn, 460),
    stage,
    approvalState: n === 0 ? '未申报' : n === 1 ? '办理中' : '已办结',
    approvalDocument: n >= 2 ? `晋综改施字〔2024〕${i}号` : '',
    startedOn: n >= 3 ? started : '',
    completedOn: n >= 4 ? addDays(started, 300) : '',
    productionOn: n >= 5 ? addDays(started, 360) : '',
    fullProductionOn: n >= 6 ? addDays(started, 480) : '',
    contactName: '张伟',
    contactMobile: `139${String(10_000_000 + i).slice(-8)}`,
  };
}

/** A workbook as a zone fills the template: the ledger sheet, its header row, the rows. */
export async function ledgerWorkbook(rows: Partial<LedgerCells>[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(LEDGER_SHEET);
  sheet.addRow(LEDGER_COLUMNS.map((c) => c.header));
  for (const r of rows) sheet.addRow(LEDGER_COLUMNS.map((c) => (r[c.key] ?? null) as ExcelJS.CellValue));
  return Buffer.from(await book.xlsx.writeBuffer());
}
