// Reads a case import file (CSV in UTF-8 or GB18030, or .xlsx) into a header row and raw data rows within fixed bounds of size and memory, and writes the rejected rows back out.
import { closeSync, fstatSync, openSync, readSync, statSync, writeSync } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import { createHash } from 'node:crypto';
import path from 'node:path';
import type ExcelJSModule from 'exceljs';
import { parse } from 'csv-parse/sync';
import { cellText, type ImportIssue, type ImportTable } from '../../../shared/cases/importColumns';
import { BOM, csvLine, restoreNeutralized, type CellKind } from '../../../shared/spreadsheet/cells';
import { ImportFileError, MAX_COLUMNS, MAX_IMPORT_ROWS, NOT_XLSX, mb, MiB, count, rowLimitError } from './importBounds';
import { checkBeforeFallback, readFirstSheetFast, type XlsxRow } from './xlsxSheet';
import { FastPathUnsupported } from './zipArchive';
import { REJECTED_REASON_HEADER, reasonsByRow, rejectedColumns } from './rejectedRows';
import type { ColumnMapping } from '../../../shared/cases/importMapping';

export { ImportFileError, MAX_IMPORT_ROWS, type ImportFileErrorCode } from './importBounds';
export { readFirstSheetFast } from './xlsxSheet';
export { ZipArchive } from './zipArchive';


export interface ReadTable extends ImportTable {
  format: 'csv' | 'xlsx';
  encoding?: 'utf-8' | 'gb18030';
  /** SHA-256 of the bytes read: the file as imported, even if it is replaced on disk meanwhile. */
  sha256: string;
}

// ---------------------------------------------------------------------------------------------------------------
// Bounds. Whatever a file holds, reading it must stay within a few hundred MB: nothing a file declares about itself
// (a ZIP entry's size, a row or column number) is trusted, every inflate is capped, and rows and cells are counted
// as they are read. test/unit/importHostile.test.ts measures the peak of files built to break these bounds.

/** A 100,000-row file is about 16 MB as CSV; four times that is still one court's import. */
export const MAX_CSV_BYTES = 64 * MiB;
/** The same 100,000 rows are about 9 MB as .xlsx; its parts inflate to several times the file. */
export const MAX_XLSX_BYTES = 32 * MiB;
/** CSV: characters of one record (csv-parse's max_record_size); a real row is a few hundred. */
const MAX_CSV_RECORD_CHARS = 256 * 1024;
/**
 * CSV: cells of the whole file, counted from its commas and line breaks before parsing. csv-parse makes an array
 * entry for every empty field too, so 60 MB of commas would otherwise become 60 million of them. 6,000,000 is
 * 200,000 rows of 30 columns.
 */
const MAX_CSV_CELLS = 6_000_000;

export async function readImportTable(filePath: string): Promise<ReadTable> {
  const ext = path.extname(filePath).toLowerCase();
  if (ext !== '.csv' && ext !== '.xlsx') {
    const shown = ext || '（无扩展名）';
    throw new ImportFileError(`不支持的文件类型“${shown}”，请另存为 .xlsx 或 CSV`, 'unsupported_type');
  }
  const name = path.basename(filePath);
  const bytes = readBounded(filePath, ext === '.csv' ? MAX_CSV_BYTES : MAX_XLSX_BYTES);
  if (bytes.length === 0) throw new ImportFileError('文件为空', 'empty');
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return { ...(ext === '.csv' ? readCsv(bytes, name) : await readXlsx(bytes, name)), sha256 };
}

/** The whole file, refused before reading when it is larger than `max`: the size comes from the open file itself. */
export function readBounded(filePath: string, max: number): Buffer {
  const name = path.basename(filePath);
  let fd: number | null = null;
  try {
    if (statSync(filePath).isDirectory()) throw new ImportFileError(`“${name}”是文件夹，不是文件`, 'unreadable');
    fd = openSync(filePath, 'r');
    const size = fstatSync(fd).size;
    if (size > max) {
      throw new ImportFileError(`文件“${name}”过大（${mb(size)} MB），一次最多导入 ${mb(max)} MB，请分成几个文件导入`, 'too_large');
    }
    const buf = Buffer.allocUnsafe(size);
    let at = 0;
    // A file that shrinks meanwhile ends the loop early; one that grows is read only as far as it was.
    while (at < size) {
      const n = readSync(fd, buf, at, size - at, at);
      if (n === 0) break;
      at += n;
    }
    return buf.subarray(0, at);
  } catch (err) {
    throw toReadError(err, filePath);
  } finally {
    if (fd !== null) closeSync(fd);
  }
}

function toReadError(err: unknown, filePath: string): Error {
  if (err instanceof ImportFileError) return err;
  const code = (err as NodeJS.ErrnoException)?.code;
  const name = path.basename(filePath);
  if (code === 'ENOENT') return new ImportFileError(`找不到文件“${name}”`, 'unreadable');
  // Windows reports a file held open by Excel as EBUSY or EPERM.
  if (code === 'EBUSY' || code === 'EPERM' || code === 'EACCES') {
    return new ImportFileError(`无法读取文件“${name}”：文件被占用或没有权限，请关闭 Excel 等程序后重试`, 'unreadable');
  }
  if (code === 'EISDIR') return new ImportFileError(`“${name}”是文件夹，不是文件`, 'unreadable');
  return err instanceof Error ? err : new Error(String(err));
}

// ---------------------------------------------------------------------------------------------------------------
// CSV

/**
 * The file as UTF-8 bytes for csv-parse, which works on bytes anyway: valid UTF-8 is used as it is (no string copy of
 * the whole file), anything else is GB18030 (which decodes almost any bytes, so it can only be the fallback),
 * transcoded piece by piece.
 */
function csvUtf8(bytes: Buffer): { utf8: Buffer; encoding: 'utf-8' | 'gb18030' } {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new ImportFileError('文件是 UTF-16 编码（Excel 的“Unicode 文本”），请另存为“CSV UTF-8（逗号分隔）”或 .xlsx', 'invalid_csv');
  }
  // A byte order mark, twice after a double save.
  const body = skipBoms(bytes);
  if (isUtf8(body)) return { utf8: body, encoding: 'utf-8' };
  return { utf8: skipBoms(gb18030ToUtf8(body)), encoding: 'gb18030' };
}

function skipBoms(b: Buffer): Buffer {
  let at = 0;
  while (at < 6 && b[at] === 0xef && b[at + 1] === 0xbb && b[at + 2] === 0xbf) at += 3;
  return at ? b.subarray(at) : b;
}

function gb18030ToUtf8(bytes: Buffer): Buffer {
  const decoder = new TextDecoder('gb18030');
  // A byte GB18030 cannot decode becomes U+FFFD, three bytes in UTF-8: the most any input byte can grow to. The
  // buffer is not touched beyond what is written, so the reserve costs address space, not memory.
  const out = Buffer.allocUnsafe(bytes.length * 3 + 16);
  let at = 0;
  const step = 4 * MiB;
  for (let i = 0; i < bytes.length; i += step) at += out.write(decoder.decode(bytes.subarray(i, i + step), { stream: true }), at, 'utf8');
  at += out.write(decoder.decode(), at, 'utf8');
  return out.subarray(0, at);
}

/** Line breaks (CRLF counted once), and with the commas an upper bound of the cells csv-parse would make. */
function countCsv(b: Buffer): { lines: number; cells: number } {
  let lines = 1;
  let commas = 0;
  for (let i = 0; i < b.length; i++) {
    const c = b[i];
    if (c === 0x2c) commas++;
    else if (c === 0x0a || (c === 0x0d && b[i + 1] !== 0x0a)) lines++;
  }
  return { lines, cells: lines + commas };
}

/**
 * What csv-parse answers (with the options below) for a file that has no quote and ends its lines one way throughout,
 * LF or CRLF (what Excel writes), where a record is a line and a field what lies between commas, at a fifth of its
 * time; null for any other file, and for one with a line long enough or lines many enough that csv-parse's own limits
 * must speak.
 */
export function splitPlainCsv(utf8: Buffer): string[][] | null {
  if (utf8.includes(0x22)) return null;
  const crlf = utf8.includes(0x0d);
  // csv-parse takes the first line ending it meets for the whole file: a file that mixes them is left to it.
  if (crlf) {
    for (let i = utf8.indexOf(0x0a); i !== -1; i = utf8.indexOf(0x0a, i + 1)) if (utf8[i - 1] !== 0x0d) return null;
    for (let i = utf8.indexOf(0x0d); i !== -1; i = utf8.indexOf(0x0d, i + 1)) if (utf8[i + 1] !== 0x0a) return null;
  }
  const lines = utf8.toString('utf8').split(crlf ? '\r\n' : '\n');
  // A last line break ends the last record; it does not begin an empty one.
  if (lines[lines.length - 1] === '') lines.pop();
  if (lines.length > MAX_IMPORT_ROWS + 2) return null;
  const records: string[][] = new Array<string[]>(lines.length);
  for (let i = 0; i < lines.length; i++) {
    // csv-parse counts a record's size in bytes: a quarter of its limit in characters is within it in any encoding.
    if (lines[i].length > MAX_CSV_RECORD_CHARS / 4) return null;
    records[i] = lines[i].split(',');
  }
  return records;
}

/** csv-parse, for every file splitPlainCsv declines: quotes, mixed line endings, very long lines. */
function parseCsv(utf8: Buffer, name: string): string[][] {
  try {
    // Blank lines are kept as records so that row numbers stay those Excel shows when it opens the file.
    // `to` stops the parser one record past the limit: a file of a million short lines is refused, not read.
    return parse(utf8, {
      relax_column_count: true, relax_quotes: true, skip_empty_lines: false, max_record_size: MAX_CSV_RECORD_CHARS, to: MAX_IMPORT_ROWS + 2,
    }) as string[][];
  } catch (err) {
    const e = err as { code?: string; lines?: number };
    const where = typeof e.lines === 'number' ? `第${e.lines}行附近` : '';
    if (e.code === 'CSV_MAX_RECORD_SIZE') {
      throw new ImportFileError(`CSV 文件格式错误：“${name}”${where}的内容过长（一行超过 ${count(MAX_CSV_RECORD_CHARS)} 个字符），可能是引号未闭合`, 'invalid_csv');
    }
    const why = e.code === 'CSV_QUOTE_NOT_CLOSED' ? '有未闭合的引号' : '无法解析';
    throw new ImportFileError(`CSV 文件格式错误：${where}${why}`, 'invalid_csv');
  }
}

function readCsv(bytes: Buffer, name: string): Omit<ReadTable, 'sha256'> {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    throw new ImportFileError('文件内容是 .xlsx 格式，扩展名却是 .csv，请把扩展名改为 .xlsx', 'invalid_csv');
  }
  const { utf8, encoding } = csvUtf8(bytes);
  const counted = countCsv(utf8);
  if (counted.cells > MAX_CSV_CELLS) {
    if (counted.lines > MAX_IMPORT_ROWS + 1) throw rowLimitError(name);
    throw new ImportFileError(`文件“${name}”的单元格过多（超过 ${count(MAX_CSV_CELLS)} 个），请分成几个文件导入`, 'too_large');
  }
  const records = splitPlainCsv(utf8) ?? parseCsv(utf8, name);
  if (records.length > MAX_IMPORT_ROWS + 1) throw rowLimitError(name);
  for (let r = 0; r < records.length; r++) {
    const record = records[r];
    if (record.length > MAX_COLUMNS) throw new ImportFileError(`文件“${name}”第${r + 1}条记录超过 ${count(MAX_COLUMNS)} 列，不是可以导入的表格`, 'invalid_csv');
    for (let i = 0; i < record.length; i++) if (record[i].charCodeAt(0) === 0x27) record[i] = restoreNeutralized(record[i]);
  }
  // Only white space and line breaks: the file is empty, whatever its size.
  if (records.every((r) => r.length <= 1 && (r[0] ?? '').trim() === '')) throw new ImportFileError('文件为空', 'empty');
  const [headerRecord, ...data] = records;
  return {
    format: 'csv',
    encoding,
    headers: headerRecord.map((h) => h.trim()),
    rows: data.map((cells, i) => ({ rowNumber: i + 2, cells })),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// .xlsx


async function readXlsx(bytes: Buffer, name: string): Promise<Omit<ReadTable, 'sha256'>> {
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 0x03 || bytes[2] === 0x05);
  if (!isZip) {
    // An OLE compound file: a real .xls renamed, or an .xlsx saved with a password.
    const isOle = bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
    throw new ImportFileError(
      isOle ? `${NOT_XLSX}（可能是旧版 .xls 文件或设置了打开密码），请在 Excel 中另存为 .xlsx` : NOT_XLSX,
      'invalid_xlsx',
    );
  }
  let rows: XlsxRow[] | null;
  try {
    rows = readFirstSheetFast(bytes, name);
  } catch (err) {
    if (err instanceof ImportFileError) throw err;
    if (!(err instanceof FastPathUnsupported)) throw new ImportFileError(NOT_XLSX, 'invalid_xlsx');
    // An unusual part layout or encoding: exceljs reads those, slowly and with about eleven times the inflated
    // size in memory, and without checking checksums. So only a file whose every entry was just inflated within
    // bounds and matched its checksum is handed over; a damaged file is refused above and never gets here.
    checkBeforeFallback(err.zip, name);
    try {
      rows = await readFirstSheetWithExceljs(bytes);
    } catch {
      throw new ImportFileError(NOT_XLSX, 'invalid_xlsx');
    }
    if (rows && rows.length > MAX_IMPORT_ROWS + 1) throw rowLimitError(name);
  }
  if (rows === null) throw new ImportFileError(`${NOT_XLSX}：没有工作表`, 'invalid_xlsx');
  const headerRow = rows.find((r) => r.rowNumber === 1);
  const data = rows.filter((r) => r.rowNumber > 1);
  if (!headerRow || headerRow.cells.every((c) => cellText(c) === '')) {
    if (data.length === 0) throw new ImportFileError('文件为空', 'empty');
    throw new ImportFileError('第一个工作表的第1行没有表头', 'invalid_xlsx');
  }
  return { format: 'xlsx', headers: headerRow.cells.map((c) => cellText(c)), rows: data };
}


/** exceljs keeps row values 1-based with holes; the validator wants a 0-based list. */
function rowCells(values: unknown): unknown[] {
  if (!Array.isArray(values)) return [];
  const cells = new Array<unknown>(Math.max(0, values.length - 1));
  for (let i = 1; i < values.length; i++) cells[i - 1] = typeof values[i] === 'string' ? restoreNeutralized(values[i] as string) : values[i];
  return cells;
}

/** The first worksheet in tab order, through exceljs's full reader: the fallback for files the fast path declines. */
export async function readFirstSheetWithExceljs(bytes: Buffer): Promise<XlsxRow[] | null> {
  // Required here, not at the top: exceljs takes a sixth of a second to load, which every command would pay at start.
  const ExcelJS = require('exceljs') as typeof ExcelJSModule;
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) return null;
  const rows: XlsxRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    rows.push({ rowNumber, cells: rowCells(row.values) });
  });
  return rows;
}

// ---------------------------------------------------------------------------------------------------------------
// Rejected rows

/**
 * The rows that were refused, with the original headers plus 错误原因, so the user can fix them and import this
 * file again (the extra column is then reported as unknown and ignored). UTF-8 with BOM: Chinese Excel reads a CSV
 * without one as GB18030. Every cell goes through the shared spreadsheet rule (shared/spreadsheet/cells.ts): a party
 * named "=cmd|…" is written with a leading quote and shows as text; the readers above take that quote off again on
 * the way back in. A number stays a number in a numeric column. Written in pieces, so even the largest file of
 * rejected rows never exists as one string. (The .xlsx form: rejectedRows.ts.)
 */
export function writeRejectedRowsCsv(
  filePath: string,
  headers: string[],
  rows: Array<{ rowNumber: number; cells: unknown[] }>,
  issues: ImportIssue[],
  mapping: ColumnMapping = {},
): void {
  const reasons = reasonsByRow(issues);
  const { headers: headerTexts, columns, numeric } = rejectedColumns(headers, rows, mapping);
  const width = columns.length;
  const kinds: CellKind[] = numeric.map((n) => (n ? 'number' : 'text'));
  const fd = openSync(filePath, 'w');
  try {
    let pending = BOM + csvLine([...columns.map((i) => headerTexts[i]), REJECTED_REASON_HEADER]);
    const fields: Array<string | number> = new Array(width + 1);
    for (const row of rows) {
      for (let k = 0; k < width; k++) {
        const c = row.cells[columns[k]];
        // A number read from .xlsx is written as the number it is; everything else as the text the user saw.
        fields[k] = typeof c === 'number' && Number.isFinite(c) ? c : cellText(c);
      }
      fields[width] = reasons.get(row.rowNumber) ?? '';
      // CRLF: what Excel writes, and what Notepad on older Windows needs.
      pending += `\r\n${csvLine(fields, kinds)}`;
      if (pending.length > 1 << 20) {
        writeSync(fd, pending);
        pending = '';
      }
    }
    writeSync(fd, `${pending}\r\n`);
  } finally {
    closeSync(fd);
  }
}
