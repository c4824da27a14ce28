// CSV for spreadsheet programs: UTF-8 with a BOM (so Excel reads Chinese), CRLF line ends, RFC 4180 quoting; cells through the shared spreadsheet rule.
import { BOM, csvCell, csvLine, type CellKind } from '../../../shared/spreadsheet/cells';

export { BOM, csvCell };

/** The most rows one export holds. */
export const CSV_MAX_ROWS = 100_000;

/**
 * The whole file. Every cell goes through csvCell (shared/spreadsheet/cells.ts), the one rule every writer of the app
 * uses: text a spreadsheet would run as a formula (= + - @, a leading tab or carriage return) gets a leading quote;
 * numbers stay numbers, and so does numeric text in a column `kinds` marks as 'number'.
 */
export function buildCsv(
  header: readonly string[],
  rows: ReadonlyArray<ReadonlyArray<string | number | null>>,
  kinds?: ReadonlyArray<CellKind>,
): string {
  const lines = [csvLine(header), ...rows.map((r) => csvLine(r, kinds))];
  return `${BOM}${lines.join('\r\n')}\r\n`;
}
