// The rows an import refused, written back out with their reasons so they can be fixed and imported again: which columns to keep, and the .xlsx form (the CSV form is in importFile.ts).
import { cellText, columnForHeader, type ImportField, type ImportIssue } from '../../../shared/cases/importColumns';
import type { ColumnMapping } from '../../../shared/cases/importMapping';
import { drained, text, writeXlsxFile } from './xlsxFile';

export const REJECTED_REASON_HEADER = '错误原因';
export const REJECTED_SHEET_NAME = '被拒绝的行';
export const NUMERIC_FIELDS: ReadonlySet<ImportField> = new Set(['claimAmount', 'deductedDays', 'extendedDays', 'enforcementClaim', 'enforcementRecovered']);

type Row = { rowNumber: number; cells: unknown[] };

/** Each refused row's reasons, joined: a row can be wrong in several columns at once. */
export function reasonsByRow(issues: ImportIssue[]): Map<number, string> {
  const reasons = new Map<number, string[]>();
  for (const issue of issues) {
    if (issue.row === null) continue;
    const list = reasons.get(issue.row);
    if (list) list.push(issue.message);
    else reasons.set(issue.row, [issue.message]);
  }
  return new Map([...reasons].map(([row, list]) => [row, list.join('；')]));
}

/**
 * The columns written: those that name an import column, and any other that holds something in a rejected row. A
 * header row stretched to Excel's last column would otherwise pad every rejected row with 16,383 empty cells; an
 * empty column is ignored on import anyway. Numeric columns keep numbers as numbers.
 */
export function rejectedColumns(headers: readonly unknown[], rows: readonly Row[], mapping: ColumnMapping = {}): { headers: string[]; columns: number[]; numeric: boolean[] } {
  const headerTexts = Array.from(headers, (h) => cellText(h));
  const withData = new Set<number>();
  for (const row of rows) {
    // forEach skips the holes of a sparse .xlsx row: the work is the cells there are, not the width.
    row.cells.forEach((c, i) => {
      if (i < headerTexts.length && cellText(c) !== '') withData.add(i);
    });
  }
  // A mapped header is kept like a known one: the fixed file must import with the same mapping.
  const fieldOf = (h: string) => columnForHeader(h)?.field ?? (Object.prototype.hasOwnProperty.call(mapping, h) ? mapping[h] : null) ?? null;
  const columns = headerTexts.flatMap((h, i) => (fieldOf(h) || withData.has(i) ? [i] : []));
  const numeric = columns.map((i) => {
    const field = fieldOf(headerTexts[i]);
    return !!field && NUMERIC_FIELDS.has(field);
  });
  return { headers: headerTexts, columns, numeric };
}

/**
 * The refused rows as an .xlsx workbook: the file's own headers plus 错误原因, each row as the person typed it (text
 * stays text, so a party named "=cmd|…" is never a formula), the reason column wide and wrapped, the header frozen.
 * Written beside the target and renamed into place: the file is whole or absent.
 */
export async function writeRejectedRowsXlsx(filePath: string, headers: readonly unknown[], rows: readonly Row[], issues: ImportIssue[], mapping: ColumnMapping = {}): Promise<void> {
  const reasons = reasonsByRow(issues);
  const { headers: names, columns, numeric } = rejectedColumns(headers, rows, mapping);
  return writeXlsxFile(filePath, async (wb) => {
    const ws = wb.addWorksheet(REJECTED_SHEET_NAME, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = [...columns.map((i) => ({ width: Math.min(40, Math.max(10, names[i].length * 2 + 4)) })), { width: 60 }];
    const header = ws.addRow([...columns.map((i) => text(names[i])), text(REJECTED_REASON_HEADER)]);
    header.font = { bold: true };
    header.commit();
    let n = 0;
    for (const r of rows) {
      const cells = columns.map((i, k) => {
        const c = r.cells[i];
        if (numeric[k] && typeof c === 'number' && Number.isFinite(c)) return c;
        return text(cellText(c));
      });
      const row = ws.addRow([...cells, text(reasons.get(r.rowNumber) ?? '')]);
      row.getCell(cells.length + 1).alignment = { wrapText: true, vertical: 'top' };
      row.commit();
      if (++n % 200 === 0) await drained(ws);
    }
    ws.commit();
  });
}
