// The cells of an import file read as values: Excel's errors and dates, dates written the ways people write them,
// amounts, day counts, 是/否 and lists of names; each parser answers the value or a Chinese reason.
import { excelSerialToIso, isoFromParts } from '../dates/calendar';
import { PROCEDURES, type Procedure } from './types';

export const MAX_DAYS = 3650;
/** Beyond this, two decimals no longer survive a double; no basic court sees claims anywhere near it. */
export const MAX_AMOUNT = 1e13;
/** Dates before the People's Republic are typos (or a small number read as an Excel serial). */
export const MIN_DATE = '1949-01-01';


/** An Excel error value (#N/A, #REF! …) or a cell shape that cannot be read; never silently taken as text. */
export interface CellError {
  cellError: string;
}
export type CellValue = string | number | boolean | Date | CellError | null;

export function isCellError(v: unknown): v is CellError {
  return typeof v === 'object' && v !== null && typeof (v as CellError).cellError === 'string';
}

/**
 * One cell from csv-parse or exceljs reduced to a plain value: strings trimmed (empty → null), rich text joined,
 * formulas replaced by their cached result, hyperlinks by their text.
 */
export function normalizeCell(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') {
    const t = v.trim();
    return t === '' ? null : t;
  }
  if (typeof v === 'number') return Number.isFinite(v) ? v : { cellError: '#NUM!' };
  if (typeof v === 'boolean') return v;
  if (typeof v === 'bigint') return Number(v);
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? { cellError: '无效日期' } : v;
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (typeof o.cellError === 'string') return o as unknown as CellError;
    if (Array.isArray(o.richText)) {
      const text = (o.richText as Array<{ text?: unknown }>).map((r) => (typeof r?.text === 'string' ? r.text : '')).join('');
      return normalizeCell(text);
    }
    if ('error' in o && typeof o.error === 'string') return { cellError: o.error };
    if ('formula' in o || 'sharedFormula' in o || 'result' in o) return normalizeCell(o.result);
    if ('text' in o) return normalizeCell(o.text);
    return { cellError: '无法识别的单元格内容' };
  }
  return normalizeCell(String(v));
}

function isoOfDate(d: Date): string {
  // exceljs builds dates at UTC midnight of the day shown in Excel, so the UTC parts are that day in any time zone.
  return isoFromParts(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()) ?? '';
}

/** A cell as the text a user would see, for messages and for the file of rejected rows. */
export function cellText(v: unknown): string {
  const c = normalizeCell(v);
  if (c === null) return '';
  if (typeof c === 'string') return c;
  if (typeof c === 'number') return String(c);
  if (typeof c === 'boolean') return c ? '是' : '否';
  if (c instanceof Date) return isoOfDate(c);
  return c.cellError;
}

const FULL_WIDTH_RE = /[\uff01-\uff5e]/;

/** Full-width digits and punctuation that Chinese IMEs produce in numbers and dates, to ASCII. */
export function foldDigits(s: string): string {
  if (!FULL_WIDTH_RE.test(s)) return s;
  let out = '';
  for (const ch of s) {
    const code = ch.codePointAt(0)!;
    if (code >= 0xff10 && code <= 0xff19) out += String.fromCharCode(code - 0xff10 + 48);
    else if (ch === '．') out += '.';
    else if (ch === '，') out += ',';
    else if (ch === '－') out += '-';
    else if (ch === '／') out += '/';
    else if (ch === '＋') out += '+';
    else out += ch;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Value parsers: each returns the value, or the reason in Chinese (without the row/column prefix).

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };
const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = <T>(error: string): Parsed<T> => ({ ok: false, error });

const DATE_PATTERNS: RegExp[] = [
  /^(\d{4})-(\d{1,2})-(\d{1,2})$/,
  /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/,
  /^(\d{4})\.(\d{1,2})\.(\d{1,2})$/,
  /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$/,
];
const DATE_HINT = '应如 2024-01-05、2024/1/5、2024.1.5 或 2024年1月5日';

export function parseImportDate(cell: CellValue): Parsed<string> {
  if (cell === null) return fail('不能为空');
  if (isCellError(cell)) return fail(`单元格是错误值“${cell.cellError}”`);
  if (cell instanceof Date) {
    const iso = isoOfDate(cell);
    return iso ? checkDateRange(iso, iso) : fail(`日期“${cellText(cell)}”无效，应如 2024-01-05`);
  }
  if (typeof cell === 'number') return fromSerial(cell, String(cell));
  if (typeof cell === 'boolean') return fail(`“${cellText(cell)}”不是日期，${DATE_HINT}`);
  const text = foldDigits(cell);
  for (const re of DATE_PATTERNS) {
    const m = re.exec(text);
    if (!m) continue;
    const iso = isoFromParts(Number(m[1]), Number(m[2]), Number(m[3]));
    if (!iso) return fail(`日期“${cell}”无效，应如 2024-01-05`);
    return checkDateRange(iso, cell);
  }
  // Excel shows a date column formatted as General as its serial number, and CSV keeps that text.
  if (/^\d+(\.\d+)?$/.test(text)) return fromSerial(Number(text), cell);
  return fail(`日期“${cell}”格式无法识别，${DATE_HINT}`);
}

function fromSerial(serial: number, shown: string): Parsed<string> {
  const iso = excelSerialToIso(serial);
  if (!iso || iso < MIN_DATE) return fail(`日期“${shown}”无效（作为 Excel 日期序列号也不是合理日期），${DATE_HINT}`);
  return ok(iso);
}

function checkDateRange(iso: string, shown: string): Parsed<string> {
  if (iso < MIN_DATE) return fail(`日期“${shown}”早于1949年，应如 2024-01-05`);
  return ok(iso);
}

export function parseAmount(cell: CellValue): Parsed<number | null> {
  if (cell === null) return ok(null);
  if (isCellError(cell)) return fail(`单元格是错误值“${cell.cellError}”`);
  let value: number;
  let decimals: number;
  const shown = typeof cell === 'string' ? cell : cellText(cell);
  if (typeof cell === 'number') {
    value = cell;
    // Binary doubles: 1234.56 is 123455.99999999999 cents; a real third decimal is far off a whole cent.
    const cents = value * 100;
    decimals = Math.abs(cents - Math.round(cents)) > 1e-6 * Math.max(1, Math.abs(cents)) ? 3 : 2;
  } else if (typeof cell === 'string') {
    const text = foldDigits(cell).replace(/\s+/g, '');
    const m = /^([+-]?)(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/.exec(text);
    if (!m) return fail(`金额“${shown}”不是有效数字，应如 1234.50 或 1,234.50（单位：元）`);
    value = Number(`${m[1]}${m[2].replace(/,/g, '')}.${m[3] ?? '0'}`);
    decimals = (m[3] ?? '').replace(/0+$/, '').length;
  } else {
    return fail(`金额“${shown}”不是有效数字，应如 1234.50 或 1,234.50（单位：元）`);
  }
  const problems: string[] = [];
  if (value < 0) problems.push('不能为负数');
  if (decimals > 2) problems.push('最多保留两位小数');
  if (Math.abs(value) > MAX_AMOUNT) problems.push('数额过大');
  if (problems.length) return fail(`金额“${shown}”${problems.join('，')}`);
  return ok(Math.round(value * 100) / 100 || 0);
}

export function parseDays(cell: CellValue): Parsed<number> {
  if (cell === null) return ok(0);
  if (isCellError(cell)) return fail(`单元格是错误值“${cell.cellError}”`);
  let value = NaN;
  if (typeof cell === 'number') value = cell;
  else if (typeof cell === 'string') {
    const text = foldDigits(cell);
    if (/^\d+$/.test(text)) value = Number(text);
  }
  if (!Number.isInteger(value) || value < 0 || value > MAX_DAYS) {
    return fail(`“${cellText(cell)}”无效，应为0到${MAX_DAYS}之间的整数天数`);
  }
  return ok(value);
}

export function parseYesNo(cell: CellValue): Parsed<boolean | null> {
  if (cell === null) return ok(null);
  // A TRUE/FALSE cell typed as a boolean in .xlsx is unambiguous, unlike the texts Y/N/true.
  if (typeof cell === 'boolean') return ok(cell);
  const text = typeof cell === 'string' ? foldDigits(cell) : typeof cell === 'number' ? String(cell) : null;
  if (text === '是' || text === '1') return ok(true);
  if (text === '否' || text === '0') return ok(false);
  if (isCellError(cell)) return fail(`单元格是错误值“${cell.cellError}”`);
  return fail(`“${cellText(cell)}”无效，只接受“是”或“否”（也可填1或0）`);
}

const NAME_SEPARATOR_RE = /[、;；,，]/;

export function splitNames(cell: CellValue): string[] {
  if (cell === null || isCellError(cell)) return [];
  const names: string[] = [];
  for (const part of (typeof cell === 'string' ? cell : cellText(cell)).split(NAME_SEPARATOR_RE)) {
    const name = part.trim();
    if (name !== '') names.push(name);
  }
  return names;
}

/** 简易 for 简易程序 and the like: staff often drop the suffix. */
export function parseProcedureName(text: string): Procedure | null {
  const t = /\s/.test(text) ? text.replace(/\s+/g, '') : text;
  for (const p of PROCEDURES) if (t === p || `${t}程序` === p) return p;
  return null;
}

export function oneOf<T extends string>(list: readonly T[], text: string): T | null {
  return (list as readonly string[]).includes(text) ? (text as T) : null;
}

export function listText(list: readonly string[]): string {
  return list.length <= 1 ? list.join('') : `${list.slice(0, -1).join('、')}或${list[list.length - 1]}`;
}
