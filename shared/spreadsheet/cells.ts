// Cells of every file the app writes for a spreadsheet program (CSV now, .xlsx alike): text that Excel or WPS would run as a formula is written so that it shows as text.

/**
 * What makes Excel, WPS and LibreOffice read a cell as a formula or a DDE call (OWASP "CSV injection"): = + - @, and
 * a leading tab or carriage return, which they skip before looking again. The full-width forms are there because
 * Chinese input methods type them and WPS takes a leading ＝ as a formula too.
 */
const FORMULA_START_RE = /^[=+\-@\t\r＝＋－＠]/;

/** The quote OWASP advises: spreadsheets show what follows it as text and run nothing. */
export const TEXT_MARK = "'";

/** Whether a text would be taken for a formula if a spreadsheet opened it as it is. */
export function looksLikeFormula(text: string): boolean {
  return FORMULA_START_RE.test(text);
}

/**
 * The one rule for text going into a spreadsheet file: text that starts like a formula gets a leading quote, anything
 * else is left as it is. Applies to text only; a value the writer knows to be a number is written as a number.
 */
export function neutralizeFormula(text: string): string {
  return FORMULA_START_RE.test(text) ? `${TEXT_MARK}${text}` : text;
}

/**
 * The reverse, for reading back a file this app wrote (the rejected rows, fixed and imported again): a quote in front
 * of a formula start is the mark neutralizeFormula added, not part of the value.
 */
export function restoreNeutralized(text: string): string {
  return text.length > 1 && text[0] === TEXT_MARK && FORMULA_START_RE.test(text.slice(1)) ? text.slice(1) : text;
}

/** A plain decimal number as a person types one (-5, 1234.50, 1,234.50, +3): safe to leave unquoted in a numeric column. */
const PLAIN_NUMBER_RE = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;

export function isPlainNumber(text: string): boolean {
  return PLAIN_NUMBER_RE.test(text);
}

/** Whether a column holds numbers (a negative amount stays -5) or text (anything starting like a formula is marked). */
export type CellKind = 'text' | 'number';

/**
 * One CSV cell (RFC 4180): neutralized as above, then quoted when it holds a comma, quote or line break, or begins
 * or ends with white space (which some programs trim), quotes doubled. A finite number is written as a number;
 * in a numeric column so is text that is a plain number.
 */
export function csvCell(value: string | number | boolean | null | undefined, kind: CellKind = 'text'): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  const text = String(value);
  const s = kind === 'number' && isPlainNumber(text) ? text : neutralizeFormula(text);
  return /[",\r\n]/.test(s) || /^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A byte order mark: without it Chinese Excel reads a CSV file as GB18030 and garbles UTF-8. */
export const BOM = '\uFEFF';

/** One CSV line of cells, each written by csvCell with its column's kind. */
export function csvLine(cells: ReadonlyArray<string | number | boolean | null | undefined>, kinds?: ReadonlyArray<CellKind>): string {
  let line = '';
  for (let i = 0; i < cells.length; i++) line += (i > 0 ? ',' : '') + csvCell(cells[i], kinds?.[i] ?? 'text');
  return line;
}
