// CSV for spreadsheet programs: UTF-8 with a BOM (so Excel reads Chinese), CRLF line ends, RFC 4180 quoting.
export const BOM = '\uFEFF';

/** The most rows one export holds. */
export const CSV_MAX_ROWS = 100_000;

/**
 * One cell: quoted when it holds a comma, quote or line break (quotes doubled). A cell that a spreadsheet would take
 * for a formula (starting with = + - @ or a tab) gets a leading apostrophe, so opening the file runs nothing.
 */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  let s = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function buildCsv(header: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number | null>>): string {
  const lines = [header, ...rows].map((r) => r.map(csvCell).join(','));
  return `${BOM}${lines.join('\r\n')}\r\n`;
}
