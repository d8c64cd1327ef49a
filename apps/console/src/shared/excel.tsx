import { App, Button } from 'antd';
import { useState } from 'react';
import { call, type ParamsOf, type PathOf, type RequestOf, type Service } from '../client';
import { cleaned, type ItemOf } from './query';

/** One column of an export: its zh-CN header and the cell of a row (text, number or date text). */
export interface ExcelColumn<T> {
  header: string;
  cell: (row: T) => string | number | null | undefined;
  /** Characters; 14 by default. */
  width?: number;
}

/** Most rows one export asks for (a page of 100 at a time): a zone's lists fit, a province's are narrowed first. */
export const EXPORT_MAX_ROWS = 5_000;

/** The workbook's bytes: one sheet, a bold frozen header row with a filter, a title row above it saying what was exported and when. */
export async function workbook<T>(sheetName: string, title: string, columns: ExcelColumn<T>[], rows: T[]): Promise<ArrayBuffer> {
  // exceljs is loaded only when someone exports (it is large).
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  book.creator = '开发区项目全生命周期服务平台';
  book.created = new Date();
  const sheet = book.addWorksheet(sheetName.slice(0, 31));
  sheet.addRow([title]).font = { bold: true, size: 13 };
  sheet.mergeCells(1, 1, 1, Math.max(columns.length, 1));
  const header = sheet.addRow(columns.map((c) => c.header));
  header.font = { bold: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE6F0FF' } };
  for (const row of rows) sheet.addRow(columns.map((c) => c.cell(row) ?? ''));
  columns.forEach((c, i) => (sheet.getColumn(i + 1).width = c.width ?? 14));
  sheet.views = [{ state: 'frozen', ySplit: 2 }];
  sheet.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2, column: columns.length } };
  return (await book.xlsx.writeBuffer()) as ArrayBuffer;
}

/** Every item of a list endpoint for these parameters, a page of 100 at a time, at most EXPORT_MAX_ROWS. */
export async function allItems<S extends Service, P extends PathOf<S>>(service: S, path: P, params?: ParamsOf<S, P>): Promise<{ items: ItemOf<S, P>[]; total: number }> {
  const asked = params as { path?: object; query?: object } | undefined;
  const items: ItemOf<S, P>[] = [];
  let total = 0;
  for (let page = 1; items.length < EXPORT_MAX_ROWS; page++) {
    const answer = (await call(service, 'get', path, { params: { ...asked, query: cleaned({ ...asked?.query, page, pageSize: 100 }) } } as unknown as RequestOf<S, P, 'get'>)) as unknown as {
      items: ItemOf<S, P>[];
      total: number;
    };
    items.push(...answer.items);
    total = answer.total;
    if (!answer.items.length || items.length >= total) break;
  }
  return { items: items.slice(0, EXPORT_MAX_ROWS), total };
}

function download(bytes: ArrayBuffer, filename: string) {
  const url = URL.createObjectURL(new Blob([bytes], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename.endsWith('.xlsx') ? filename : `${filename}.xlsx`;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * 导出表格 (an Excel workbook; the label says 表格, Chinese only): the list as the person filtered it, every row (not only the page
 * on screen), as an .xlsx named after the list and the day. `rows` fetches
 * them when the button is pressed (allItems for a list endpoint, or the rows
 * already loaded).
 */
export function ExcelButton<T>({ filename, title, columns, rows, testId = 'export-excel' }: { filename: string; title: string; columns: ExcelColumn<T>[]; rows: () => Promise<T[]> | T[]; testId?: string }) {
  const [busy, setBusy] = useState(false);
  const { message } = App.useApp();
  const run = async () => {
    setBusy(true);
    try {
      const list = await rows();
      download(await workbook(filename, title, columns, list), filename);
      if (list.length >= EXPORT_MAX_ROWS) void message.warning(`仅导出前 ${EXPORT_MAX_ROWS} 行，请缩小筛选范围后再导出其余部分`);
    } catch (error) {
      void message.error(`导出失败：${error instanceof Error ? error.message : String(error)}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button data-testid={testId} loading={busy} onClick={() => void run()} className="no-print" title="导出为 Excel 工作簿（.xlsx），含全部筛选结果">
      导出表格
    </Button>
  );
}
