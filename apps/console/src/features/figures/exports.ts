import type { BatchProjectView, BehindPlanView } from '../../views';
import type { ExcelColumn } from '../../shared/excel';
import { chinaToday } from '../../shared/format';
import { MILESTONE_ZH, stageName } from '../../shared/names';
import type { Selection } from './figures';

/** The columns of a batch's export (every row of the list, as the service answers it). */
export const BATCH_EXCEL_COLUMNS: ExcelColumn<BatchProjectView>[] = [
  { header: '项目代码', cell: (r) => r.code, width: 30 },
  { header: '项目名称', cell: (r) => r.name, width: 32 },
  { header: '企业', cell: (r) => r.enterprise.name, width: 28 },
  { header: '统一社会信用代码', cell: (r) => r.enterprise.creditCode, width: 22 },
  { header: '开发区', cell: (r) => r.zoneName, width: 24 },
  { header: '阶段', cell: (r) => stageName(r.stage) },
  { header: '签约日期', cell: (r) => r.signedOn, width: 12 },
  { header: '计划开工日期', cell: (r) => r.plannedStart, width: 12 },
  { header: '开工日期', cell: (r) => r.actualStart, width: 12 },
  { header: '计划竣工日期', cell: (r) => r.plannedCompletion, width: 12 },
  { header: '计划投产日期', cell: (r) => r.plannedProduction, width: 12 },
  { header: '投产日期', cell: (r) => r.actualProduction, width: 12 },
  { header: '总投资（万元）', cell: (r) => r.totalInvestment },
  { header: '预计年产值（万元）', cell: (r) => r.projectedAnnualOutput, width: 16 },
];

/** The columns of the behind-plan export. */
export const behindPlanColumns = (zoneName: (code: string) => string): ExcelColumn<BehindPlanView>[] => [
  { header: '项目代码', cell: (r) => r.code, width: 30 },
  { header: '项目名称', cell: (r) => r.name, width: 32 },
  { header: '开发区', cell: (r) => zoneName(r.zoneCode), width: 24 },
  { header: '阶段', cell: (r) => stageName(r.stage) },
  { header: '落后节点', cell: (r) => `未按期${MILESTONE_ZH[r.milestone] ?? r.milestone}` },
  { header: '计划日期', cell: (r) => r.plannedDate, width: 12 },
  { header: '落后天数', cell: (r) => r.daysLate },
];

/** What the export is of, for its file name: the round's name, the window, or 全部. */
export const selectionLabel = (s: Selection) => (s.round ? s.round.name : s.window ? `${s.window[0]}至${s.window[1]}` : '全部');

/** 三个一批-<批次名>-<列表>-<今天>.xlsx; characters a file name cannot hold become "_". */
export const exportFilename = (s: Selection, list: string) => `三个一批-${selectionLabel(s)}-${list}-${chinaToday()}.xlsx`.replace(/[\\/:*?"<>|\s]+/g, '_');
