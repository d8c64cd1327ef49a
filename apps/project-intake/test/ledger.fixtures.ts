import { ledgerRecord, ledgerWorkbook as workbookOf } from '@devzone/demo';
import { LEDGER_COLUMNS, type LedgerCells } from '../src/domain/ledger';

/** Row i of a zone's ledger (libs/demo's ledgerRecord), by column key. */
export function ledgerRow(i: number, zoneCode: string, tag: string): Partial<LedgerCells> {
  const record = ledgerRecord(i, zoneCode, tag);
  return Object.fromEntries(LEDGER_COLUMNS.map((c) => [c.key, record[c.header] ?? ''])) as Partial<LedgerCells>;
}

/** A workbook with the ledger sheet, the template's header row and these rows. */
export function ledgerWorkbook(rows: Partial<LedgerCells>[]): Promise<Buffer> {
  return workbookOf(
    LEDGER_COLUMNS.map((c) => c.header),
    rows.map((r) => Object.fromEntries(LEDGER_COLUMNS.map((c) => [c.header, (r[c.key] ?? '') as string | number]))),
  );
}
