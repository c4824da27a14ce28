// Reads a case import file (CSV in UTF-8 or GB18030, or .xlsx) into a header row and raw data rows, and writes the rejected rows back out.
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { crc32, inflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { cellText, type ImportIssue, type ImportTable } from '../../../shared/cases/importColumns';
import { excelSerialToIso } from '../../../shared/dates/calendar';
import { InputError } from '../kernel/errors';

export type ImportFileErrorCode = 'unsupported_type' | 'empty' | 'invalid_xlsx' | 'invalid_csv' | 'unreadable';

/** A file the user picked that cannot be read as a table; the message is shown as is. */
export class ImportFileError extends InputError {
  constructor(message: string, readonly reason: ImportFileErrorCode) {
    super(message, '文件');
    this.name = 'ImportFileError';
  }
}

export interface ReadTable extends ImportTable {
  format: 'csv' | 'xlsx';
  encoding?: 'utf-8' | 'gb18030';
}

export async function readImportTable(filePath: string): Promise<ReadTable> {
  const ext = path.extname(filePath).toLowerCase();
  if (ext !== '.csv' && ext !== '.xlsx') {
    const shown = ext || '（无扩展名）';
    throw new ImportFileError(`不支持的文件类型“${shown}”，请另存为 .xlsx 或 CSV`, 'unsupported_type');
  }
  const size = fileSize(filePath);
  if (size === 0) throw new ImportFileError('文件为空', 'empty');
  return ext === '.csv' ? readCsv(filePath) : readXlsx(filePath);
}

function fileSize(filePath: string): number {
  try {
    const st = statSync(filePath);
    if (st.isDirectory()) throw new ImportFileError(`“${path.basename(filePath)}”是文件夹，不是文件`, 'unreadable');
    return st.size;
  } catch (err) {
    throw toReadError(err, filePath);
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
  return err instanceof Error ? err : new Error(String(err));
}

// ---------------------------------------------------------------------------------------------------------------
// CSV

const utf8 = new TextDecoder('utf-8', { fatal: true });
const gb18030 = new TextDecoder('gb18030');

/** Strict UTF-8 first: GB18030 decodes almost any bytes, so it can only be the fallback. */
export function decodeCsvBytes(bytes: Uint8Array): { text: string; encoding: 'utf-8' | 'gb18030' } {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new ImportFileError('文件是 UTF-16 编码（Excel 的“Unicode 文本”），请另存为“CSV UTF-8（逗号分隔）”或 .xlsx', 'invalid_csv');
  }
  let text: string;
  let encoding: 'utf-8' | 'gb18030';
  try {
    text = utf8.decode(bytes);
    encoding = 'utf-8';
  } catch {
    text = gb18030.decode(bytes);
    encoding = 'gb18030';
  }
  // TextDecoder drops a UTF-8 BOM already; this catches one left by a double save.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { text, encoding };
}

function readCsv(filePath: string): ReadTable {
  let bytes: Buffer;
  try {
    bytes = readFileSync(filePath);
  } catch (err) {
    throw toReadError(err, filePath);
  }
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    throw new ImportFileError('文件内容是 .xlsx 格式，扩展名却是 .csv，请把扩展名改为 .xlsx', 'invalid_csv');
  }
  const { text, encoding } = decodeCsvBytes(bytes);
  if (text.trim() === '') throw new ImportFileError('文件为空', 'empty');
  let records: string[][];
  try {
    // Blank lines are kept as records so that row numbers stay those Excel shows when it opens the file.
    records = parse(text, { relax_column_count: true, relax_quotes: true, skip_empty_lines: false }) as string[][];
  } catch (err) {
    const e = err as { code?: string; lines?: number };
    const where = typeof e.lines === 'number' ? `第${e.lines}行附近` : '';
    const why = e.code === 'CSV_QUOTE_NOT_CLOSED' ? '有未闭合的引号' : '无法解析';
    throw new ImportFileError(`CSV 文件格式错误：${where}${why}`, 'invalid_csv');
  }
  if (records.length === 0) throw new ImportFileError('文件为空', 'empty');
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

const NOT_XLSX = '文件不是有效的 .xlsx 文件';

async function readXlsx(filePath: string): Promise<ReadTable> {
  let bytes: Buffer;
  try {
    bytes = readFileSync(filePath);
  } catch (err) {
    throw toReadError(err, filePath);
  }
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
    rows = readFirstSheetFast(bytes);
  } catch (err) {
    if (err instanceof ImportFileError) throw err;
    // Zip64, unusual part layouts and the like: exceljs reads them, slowly.
    try {
      rows = await readFirstSheetWithExceljs(bytes);
    } catch {
      throw new ImportFileError(NOT_XLSX, 'invalid_xlsx');
    }
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

type XlsxRow = { rowNumber: number; cells: unknown[] };

/** exceljs keeps row values 1-based with holes; the validator wants a 0-based list. */
function rowCells(values: unknown): unknown[] {
  if (!Array.isArray(values)) return [];
  const cells = new Array<unknown>(Math.max(0, values.length - 1));
  for (let i = 1; i < values.length; i++) cells[i - 1] = values[i];
  return cells;
}

/** The first worksheet in tab order, through exceljs's full reader: the fallback for files the fast path refuses. */
export async function readFirstSheetWithExceljs(bytes: Buffer): Promise<XlsxRow[] | null> {
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
// The fast .xlsx path.
//
// Why not exceljs here: its streaming WorkbookReader decodes each inflated 16 KB chunk as UTF-8 on its own, so a
// Chinese character split across two chunks becomes U+FFFD (exceljs issues #2063, #2084, #2316; PR #1665 unmerged);
// measured here, 15 of 20,000 case numbers came out garbled. Its full reader (load) is correct but took 12–18 s and
// 1.6 GB for 100,000 rows × 20 columns, over the 15 s import budget before any database work. An import needs only
// cell values of one sheet, which node:zlib and a few regular expressions give in a fraction of that. Cell values
// follow exceljs's conventions (Date for date-formatted numbers, {cellError}, formula → cached result), and the
// tests compare both readers on the same files.

class FastPathUnsupported extends Error {}

/** Past this a part no longer fits a V8 string; such a sheet is far beyond anything one import should carry. */
const MAX_PART_BYTES = 400 * 1024 * 1024;

interface ZipEntry {
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

function readZipDirectory(buf: Buffer): Map<string, ZipEntry> {
  const minEocd = Math.max(0, buf.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = buf.length - 22; i >= minEocd; i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ImportFileError(NOT_XLSX, 'invalid_xlsx');
  const count = buf.readUInt16LE(eocd + 10);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff) throw new FastPathUnsupported('zip64');
  const entries = new Map<string, ZipEntry>();
  let p = cdOffset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) throw new ImportFileError(NOT_XLSX, 'invalid_xlsx');
    const nameLength = buf.readUInt16LE(p + 28);
    const extraLength = buf.readUInt16LE(p + 30);
    const commentLength = buf.readUInt16LE(p + 32);
    const entry: ZipEntry = {
      flags: buf.readUInt16LE(p + 8),
      method: buf.readUInt16LE(p + 10),
      crc: buf.readUInt32LE(p + 16),
      compressedSize: buf.readUInt32LE(p + 20),
      size: buf.readUInt32LE(p + 24),
      localOffset: buf.readUInt32LE(p + 42),
    };
    if (entry.size === 0xffffffff || entry.compressedSize === 0xffffffff || entry.localOffset === 0xffffffff) {
      throw new FastPathUnsupported('zip64');
    }
    const name = buf.toString('utf8', p + 46, p + 46 + nameLength);
    entries.set(name.toLowerCase(), entry);
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

function zipPart(buf: Buffer, entries: Map<string, ZipEntry>, name: string): string | null {
  const entry = entries.get(name.toLowerCase());
  if (!entry) return null;
  if (entry.flags & 1) throw new ImportFileError(`${NOT_XLSX}（文件已加密）`, 'invalid_xlsx');
  if (entry.size > MAX_PART_BYTES) throw new ImportFileError('工作表过大，请分成几个文件导入', 'invalid_xlsx');
  const p = entry.localOffset;
  if (p + 30 > buf.length || buf.readUInt32LE(p) !== 0x04034b50) throw new ImportFileError(NOT_XLSX, 'invalid_xlsx');
  const start = p + 30 + buf.readUInt16LE(p + 26) + buf.readUInt16LE(p + 28);
  const raw = buf.subarray(start, start + entry.compressedSize);
  if (raw.length !== entry.compressedSize) throw new ImportFileError(NOT_XLSX, 'invalid_xlsx');
  let data: Buffer;
  if (entry.method === 0) data = raw;
  else if (entry.method === 8) {
    try {
      data = inflateRawSync(raw);
    } catch {
      throw new ImportFileError(NOT_XLSX, 'invalid_xlsx');
    }
  } else throw new FastPathUnsupported(`zip method ${entry.method}`);
  // A damaged download often inflates without complaint; the checksum is what catches it.
  if (data.length !== entry.size || crc32(data) !== entry.crc) throw new ImportFileError(NOT_XLSX, 'invalid_xlsx');
  try {
    return strictUtf8.decode(data);
  } catch {
    throw new FastPathUnsupported(`${name} is not UTF-8`);
  }
}

/** Resolves a relationship target against the folder of the part that holds the relationship. */
function resolvePart(fromPart: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = fromPart.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.' && seg !== '') parts.push(seg);
  }
  return parts.join('/');
}

function relsPathOf(part: string): string {
  const i = part.lastIndexOf('/');
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
}

const XML_ENTITY_RE = /&(#x[0-9a-fA-F]+|#[0-9]+|lt|gt|amp|quot|apos);/g;
const OOXML_ESCAPE_RE = /_x([0-9a-fA-F]{4})_/g;
const NAMED_ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeXmlText(s: string): string {
  if (s.indexOf('&') >= 0) {
    s = s.replace(XML_ENTITY_RE, (_, e: string) =>
      e[0] === '#' ? String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)) : NAMED_ENTITIES[e],
    );
  }
  // Excel writes control characters (and a literal "_x" sequence) as _xHHHH_.
  if (s.indexOf('_x') >= 0) s = s.replace(OOXML_ESCAPE_RE, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
  return s;
}

function attr(attrs: string, name: string): string | null {
  const m = new RegExp(`(?:^|\\s)(?:[\\w.-]+:)?${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(attrs);
  return m ? decodeXmlText(m[1] ?? m[2]) : null;
}

function elements(xml: string, tag: string): Array<{ attrs: string; body: string }> {
  const re = new RegExp(`<(?:[\\w.-]+:)?${tag}(?=[\\s/>])([^>]*?)(?:/>|>([\\s\\S]*?)</(?:[\\w.-]+:)?${tag}>)`, 'g');
  const out: Array<{ attrs: string; body: string }> = [];
  for (let m = re.exec(xml); m; m = re.exec(xml)) out.push({ attrs: m[1], body: m[2] ?? '' });
  return out;
}

const PHONETIC_RE = /<(?:[\w.-]+:)?rPh[\s>][\s\S]*?<\/(?:[\w.-]+:)?rPh>/g;
const TEXT_RUN_RE = /<(?:[\w.-]+:)?t(?:\s[^>]*)?>([\s\S]*?)<\/(?:[\w.-]+:)?t>/g;

/** The text of a shared or inline string: every run, without the phonetic guide (rPh) Excel may store beside it. */
function stringItemText(body: string): string {
  if (body.indexOf('rPh') >= 0) body = body.replace(PHONETIC_RE, '');
  let text = '';
  TEXT_RUN_RE.lastIndex = 0;
  for (let m = TEXT_RUN_RE.exec(body); m; m = TEXT_RUN_RE.exec(body)) text += m[1];
  return decodeXmlText(text);
}

/** Built-in number formats that show a date (ids 27–31, 36, 50–58 are the Chinese-locale ones). */
const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 36, 50, 51, 52, 53, 54, 57, 58]);

function isDateFormatCode(code: string): boolean {
  const bare = code
    .replace(/"[^"]*"/g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/\\./g, '')
    .replace(/general/gi, '');
  return /[yd年月日]/i.test(bare);
}

/** For each cell style index (the s attribute), whether it formats numbers as dates. */
function dateStyles(stylesXml: string | null): boolean[] {
  if (!stylesXml) return [];
  const custom = new Map<number, string>();
  for (const f of elements(stylesXml, 'numFmt')) {
    custom.set(Number(attr(f.attrs, 'numFmtId')), attr(f.attrs, 'formatCode') ?? '');
  }
  const cellXfs = elements(stylesXml, 'cellXfs')[0];
  if (!cellXfs) return [];
  return elements(cellXfs.body, 'xf').map((xf) => {
    const id = Number(attr(xf.attrs, 'numFmtId') ?? '0');
    const code = custom.get(id);
    return code !== undefined ? isDateFormatCode(code) : BUILTIN_DATE_FORMATS.has(id);
  });
}

/** Column index (0-based) from a reference such as "AB12". */
function columnIndex(ref: string): number {
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) n = n * 26 + (c - 64);
    else if (c >= 97 && c <= 122) n = n * 26 + (c - 96);
    else break;
  }
  return n - 1;
}

function serialToDate(serial: number, date1904: boolean): Date | number {
  const iso = excelSerialToIso(date1904 ? serial + 1462 : serial);
  return iso ? new Date(`${iso}T00:00:00.000Z`) : serial;
}

const ROW_RE = /<(?:[\w.-]+:)?row(?=[\s/>])([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?row>)/g;
const CELL_RE = /<(?:[\w.-]+:)?c(?=[\s/>])([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?c>)/g;
const VALUE_RE = /<(?:[\w.-]+:)?v(?:\s[^>]*)?>([\s\S]*?)<\/(?:[\w.-]+:)?v>/;
const INLINE_RE = /<(?:[\w.-]+:)?is(?:\s[^>]*)?>([\s\S]*?)<\/(?:[\w.-]+:)?is>/;
const ROW_NUMBER_RE = /(?:^|\s)r\s*=\s*["'](\d+)["']/;
const CELL_ATTR_RE = /\s(r|t|s)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

export function readFirstSheetFast(buf: Buffer): XlsxRow[] | null {
  const entries = readZipDirectory(buf);
  const rootRels = zipPart(buf, entries, '_rels/.rels');
  const officeRel = rootRels && elements(rootRels, 'Relationship').find((r) => /\/officeDocument$/.test(attr(r.attrs, 'Type') ?? ''));
  const workbookPath = officeRel ? resolvePart('', attr(officeRel.attrs, 'Target') ?? '') : 'xl/workbook.xml';
  const workbookXml = zipPart(buf, entries, workbookPath);
  if (!workbookXml) throw new FastPathUnsupported('no workbook part');
  const workbookRels = zipPart(buf, entries, relsPathOf(workbookPath));
  if (!workbookRels) throw new FastPathUnsupported('no workbook relationships');
  const rels = new Map<string, { type: string; target: string }>();
  for (const r of elements(workbookRels, 'Relationship')) {
    rels.set(attr(r.attrs, 'Id') ?? '', { type: attr(r.attrs, 'Type') ?? '', target: attr(r.attrs, 'Target') ?? '' });
  }
  const partOfType = (suffix: string): string | null => {
    for (const r of rels.values()) if (r.type.endsWith(suffix)) return resolvePart(workbookPath, r.target);
    return null;
  };
  // Tab order is the order of <sheet> in workbook.xml; chart sheets are not worksheets.
  let sheetPath: string | null = null;
  for (const s of elements(workbookXml, 'sheet')) {
    const rel = rels.get(attr(s.attrs, 'id') ?? '');
    if (rel && rel.type.endsWith('/worksheet')) {
      sheetPath = resolvePart(workbookPath, rel.target);
      break;
    }
  }
  if (!sheetPath) return null;
  const workbookPr = elements(workbookXml, 'workbookPr')[0];
  const date1904Attr = workbookPr ? attr(workbookPr.attrs, 'date1904') : null;
  const date1904 = date1904Attr === '1' || date1904Attr === 'true';

  const sharedPath = partOfType('/sharedStrings');
  const sharedXml = sharedPath ? zipPart(buf, entries, sharedPath) : null;
  const shared = sharedXml ? elements(sharedXml, 'si').map((si) => stringItemText(si.body)) : [];
  const stylesPath = partOfType('/styles');
  const isDateStyle = dateStyles(stylesPath ? zipPart(buf, entries, stylesPath) : null);
  const sheetXml = zipPart(buf, entries, sheetPath);
  if (sheetXml === null) throw new FastPathUnsupported('worksheet part missing');

  const rows: XlsxRow[] = [];
  let lastRow = 0;
  ROW_RE.lastIndex = 0;
  for (let rm = ROW_RE.exec(sheetXml); rm; rm = ROW_RE.exec(sheetXml)) {
    const rAttr = ROW_NUMBER_RE.exec(rm[1]);
    const rowNumber = rAttr ? Number(rAttr[1]) : lastRow + 1;
    lastRow = rowNumber;
    const body = rm[2];
    if (!body) continue;
    const cells: unknown[] = [];
    let lastCol = -1;
    let any = false;
    CELL_RE.lastIndex = 0;
    for (let cm = CELL_RE.exec(body); cm; cm = CELL_RE.exec(body)) {
      let ref: string | null = null;
      let type = 'n';
      let style = 0;
      CELL_ATTR_RE.lastIndex = 0;
      for (let am = CELL_ATTR_RE.exec(cm[1]); am; am = CELL_ATTR_RE.exec(cm[1])) {
        const v = am[2] ?? am[3];
        if (am[1] === 'r') ref = v;
        else if (am[1] === 't') type = v;
        else style = Number(v);
      }
      const col = ref ? columnIndex(ref) : lastCol + 1;
      lastCol = col;
      const inner = cm[2];
      if (!inner) continue;
      let value: unknown = null;
      if (type === 'inlineStr') {
        const is = INLINE_RE.exec(inner);
        value = is ? stringItemText(is[1]) : null;
      } else {
        const vm = VALUE_RE.exec(inner);
        if (vm) {
          const v = vm[1];
          switch (type) {
            case 's': {
              const s = shared[Number(v)];
              if (s === undefined) throw new ImportFileError(NOT_XLSX, 'invalid_xlsx');
              value = s;
              break;
            }
            case 'str':
              value = decodeXmlText(v);
              break;
            case 'b':
              value = v.trim() === '1' || v.trim() === 'true';
              break;
            case 'e':
              value = { cellError: decodeXmlText(v) };
              break;
            case 'd': {
              const d = /^(\d{4})-(\d{2})-(\d{2})/.exec(v);
              value = d ? new Date(`${d[1]}-${d[2]}-${d[3]}T00:00:00.000Z`) : decodeXmlText(v);
              break;
            }
            default: {
              const n = Number(v);
              value = Number.isNaN(n) ? decodeXmlText(v) : isDateStyle[style] ? serialToDate(n, date1904) : n;
            }
          }
        }
      }
      if (value !== null && value !== '') {
        cells[col] = value;
        any = true;
      }
    }
    if (any) rows.push({ rowNumber, cells });
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------------------------
// Rejected rows

function csvField(text: string): string {
  return /[",\r\n]/.test(text) || /^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The rows that were refused, with the original headers plus 错误原因, so the user can fix them and import this
 * file again (the extra column is then reported as unknown and ignored). UTF-8 with BOM: Chinese Excel reads a CSV
 * without one as GB18030.
 */
export function writeRejectedRowsCsv(
  filePath: string,
  headers: string[],
  rows: Array<{ rowNumber: number; cells: unknown[] }>,
  issues: ImportIssue[],
): void {
  const reasons = new Map<number, string[]>();
  for (const issue of issues) {
    if (issue.row === null) continue;
    const list = reasons.get(issue.row);
    if (list) list.push(issue.message);
    else reasons.set(issue.row, [issue.message]);
  }
  const width = headers.length;
  const lines: string[] = [[...headers, '错误原因'].map((h) => csvField(h)).join(',')];
  for (const row of rows) {
    const fields: string[] = [];
    for (let i = 0; i < width; i++) fields.push(csvField(cellText(row.cells[i])));
    fields.push(csvField((reasons.get(row.rowNumber) ?? []).join('；')));
    lines.push(fields.join(','));
  }
  // CRLF: what Excel writes, and what Notepad on older Windows needs.
  writeFileSync(filePath, `\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}
