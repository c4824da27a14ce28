// Reads a case import file (CSV in UTF-8 or GB18030, or .xlsx) into a header row and raw data rows within fixed bounds of size and memory, and writes the rejected rows back out.
import { closeSync, fstatSync, openSync, readSync, statSync, writeSync } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { crc32, inflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { cellText, columnForHeader, type ImportField, type ImportIssue, type ImportTable } from '../../../shared/cases/importColumns';
import { excelSerialToIso } from '../../../shared/dates/calendar';
import { BOM, csvLine, restoreNeutralized, TEXT_MARK, type CellKind } from '../../../shared/spreadsheet/cells';
import { InputError } from '../kernel/errors';

export type ImportFileErrorCode = 'unsupported_type' | 'empty' | 'invalid_xlsx' | 'invalid_csv' | 'invalid_xml' | 'unreadable' | 'too_large';

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
  /** SHA-256 of the bytes read: the file as imported, even if it is replaced on disk meanwhile. */
  sha256: string;
}

// ---------------------------------------------------------------------------------------------------------------
// Bounds. Whatever a file holds, reading it must stay within a few hundred MB: nothing a file declares about itself
// (a ZIP entry's size, a row or column number) is trusted, every inflate is capped, and rows and cells are counted
// as they are read. test/unit/importHostile.test.ts measures the peak of files built to break these bounds.

const MiB = 1024 * 1024;
/** A 100,000-row file is about 16 MB as CSV; four times that is still one court's import. */
export const MAX_CSV_BYTES = 64 * MiB;
/** The same 100,000 rows are about 9 MB as .xlsx; its parts inflate to several times the file. */
export const MAX_XLSX_BYTES = 32 * MiB;
/** Data rows of one file: more than a basic court files in several years; a longer history goes in several files. */
export const MAX_IMPORT_ROWS = 200_000;
/** Excel's own limits (column XFD, row 1,048,576): a file past them was not written by a spreadsheet program. */
const MAX_COLUMNS = 16_384;
const MAX_SHEET_ROW = 1_048_576;
/** CSV: characters of one record (csv-parse's max_record_size); a real row is a few hundred. */
const MAX_CSV_RECORD_CHARS = 256 * 1024;
/**
 * CSV: cells of the whole file, counted from its commas and line breaks before parsing. csv-parse makes an array
 * entry for every empty field too, so 60 MB of commas would otherwise become 60 million of them. 6,000,000 is
 * 200,000 rows of 30 columns.
 */
const MAX_CSV_CELLS = 6_000_000;
/** .xlsx: one part inflated, and all the parts read from one file together. */
const MAX_PART_BYTES = 128 * MiB;
const MAX_INFLATED_BYTES = 160 * MiB;
/** .xlsx: a part other than the worksheet and its shared strings (relationships, workbook, styles), read as one string. */
const MAX_SMALL_PART_BYTES = 32 * MiB;
/** .xlsx: one row's markup, and one shared string's; Excel holds at most 32,767 characters in a cell. */
const MAX_ROW_CHARS = 8 * MiB;
const MAX_SHARED_ITEM_BYTES = 1 * MiB;
/** .xlsx handed to exceljs (the fallback): its reader takes about eleven times the inflated size in memory. */
const MAX_FALLBACK_INFLATED_BYTES = 16 * MiB;
/** Elements of one kind in the small parts (relationships, sheets, number formats, cell formats): Excel allows 65,490 formats. */
const MAX_ELEMENTS = 100_000;

const mb = (bytes: number) => Math.ceil(bytes / MiB);
const count = (n: number) => n.toLocaleString('en-US');

function rowLimitError(name: string): ImportFileError {
  return new ImportFileError(`文件“${name}”的数据超过 ${count(MAX_IMPORT_ROWS)} 行，一次最多导入这么多，请分成几个文件导入`, 'too_large');
}

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
  let records: string[][];
  try {
    // Blank lines are kept as records so that row numbers stay those Excel shows when it opens the file.
    // `to` stops the parser one record past the limit: a file of a million short lines is refused, not read.
    records = parse(utf8, {
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

const NOT_XLSX = '文件不是有效的 .xlsx 文件';

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

type XlsxRow = { rowNumber: number; cells: unknown[] };

/** exceljs keeps row values 1-based with holes; the validator wants a 0-based list. */
function rowCells(values: unknown): unknown[] {
  if (!Array.isArray(values)) return [];
  const cells = new Array<unknown>(Math.max(0, values.length - 1));
  for (let i = 1; i < values.length; i++) cells[i - 1] = typeof values[i] === 'string' ? restoreNeutralized(values[i] as string) : values[i];
  return cells;
}

/** The first worksheet in tab order, through exceljs's full reader: the fallback for files the fast path declines. */
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
//
// Memory: each part is inflated into one buffer no larger than its declared size (itself capped) and checked against
// its CRC-32. The worksheet and its shared strings, the parts that grow with the rows, are never decoded whole (a
// JavaScript string of Chinese text takes two bytes a character, beside the buffer it came from): the worksheet is
// decoded a megabyte at a time and its rows taken out as they complete, and shared strings are kept as the offset of
// each item, decoded when a cell first refers to it.

/** A file the fast path does not read (an unusual layout or encoding); the archive it opened comes along for the fallback. */
class FastPathUnsupported extends Error {
  constructor(readonly zip: ZipArchive, why: string) {
    super(why);
  }
}

interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

/** A value of a ZIP64 field, refused past what a Number holds exactly (no file we read comes near). */
function readU64(buf: Buffer, at: number): number {
  const v = buf.readBigUInt64LE(at);
  if (v > BigInt(Number.MAX_SAFE_INTEGER)) throw new ImportFileError(NOT_XLSX, 'invalid_xlsx');
  return Number(v);
}

/** The archive's central directory (ZIP64 included), and its entries inflated within the bounds above (also read by exchangeFile.ts for ZIPs of exchange XML). */
export class ZipArchive {
  readonly entries: ZipEntry[] = [];
  private byName = new Map<string, ZipEntry>();
  /** Inflated bytes of the parts read so far, against MAX_INFLATED_BYTES. */
  private inflated = 0;

  constructor(
    readonly buf: Buffer,
    readonly fileName: string,
  ) {
    const invalid = () => new ImportFileError(NOT_XLSX, 'invalid_xlsx');
    const minEocd = Math.max(0, buf.length - 22 - 0xffff);
    let eocd = -1;
    for (let i = buf.length - 22; i >= minEocd; i--) {
      if (buf.readUInt32LE(i) === 0x06054b50) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) throw invalid();
    let count = buf.readUInt16LE(eocd + 10);
    let cdOffset = buf.readUInt32LE(eocd + 16);
    if (count === 0xffff || cdOffset === 0xffffffff || buf.readUInt32LE(eocd + 12) === 0xffffffff) {
      // ZIP64: the real values are in the ZIP64 end record, which a locator right before this record points to.
      const locator = eocd - 20;
      if (locator < 0 || buf.readUInt32LE(locator) !== 0x07064b50) throw invalid();
      const end64 = readU64(buf, locator + 8);
      if (end64 + 56 > locator || buf.readUInt32LE(end64) !== 0x06064b50) throw invalid();
      count = readU64(buf, end64 + 32);
      cdOffset = readU64(buf, end64 + 48);
    }
    // Every directory record takes at least 46 bytes: a count the file cannot hold is a lie, not a loop to run.
    if (cdOffset > buf.length || count > (buf.length - cdOffset) / 46) throw invalid();
    let p = cdOffset;
    for (let n = 0; n < count; n++) {
      if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) throw invalid();
      const nameLength = buf.readUInt16LE(p + 28);
      const extraLength = buf.readUInt16LE(p + 30);
      const commentLength = buf.readUInt16LE(p + 32);
      if (p + 46 + nameLength + extraLength > buf.length) throw invalid();
      const e: ZipEntry = {
        name: buf.toString('utf8', p + 46, p + 46 + nameLength),
        flags: buf.readUInt16LE(p + 8),
        method: buf.readUInt16LE(p + 10),
        crc: buf.readUInt32LE(p + 16),
        compressedSize: buf.readUInt32LE(p + 20),
        size: buf.readUInt32LE(p + 24),
        localOffset: buf.readUInt32LE(p + 42),
      };
      if (e.size === 0xffffffff || e.compressedSize === 0xffffffff || e.localOffset === 0xffffffff) {
        this.readZip64Extra(e, p + 46 + nameLength, extraLength);
      }
      this.entries.push(e);
      this.byName.set(e.name.toLowerCase(), e);
      p += 46 + nameLength + extraLength + commentLength;
    }
  }

  /** The ZIP64 extra field holds, in this order, those of size, compressed size and offset that are 0xFFFFFFFF. */
  private readZip64Extra(e: ZipEntry, start: number, length: number): void {
    const end = start + length;
    for (let q = start; q + 4 <= end; ) {
      const id = this.buf.readUInt16LE(q);
      const len = this.buf.readUInt16LE(q + 2);
      if (q + 4 + len > end) break;
      if (id === 0x0001) {
        let v = q + 4;
        const next = () => {
          if (v + 8 > q + 4 + len) throw new ImportFileError(NOT_XLSX, 'invalid_xlsx');
          const x = readU64(this.buf, v);
          v += 8;
          return x;
        };
        if (e.size === 0xffffffff) e.size = next();
        if (e.compressedSize === 0xffffffff) e.compressedSize = next();
        if (e.localOffset === 0xffffffff) e.localOffset = next();
        return;
      }
      q += 4 + len;
    }
    throw new ImportFileError(NOT_XLSX, 'invalid_xlsx');
  }

  entry(name: string): ZipEntry | null {
    return this.byName.get(name.toLowerCase()) ?? null;
  }

  /** A part's bytes, checked to be UTF-8 (which XML parts are unless declared otherwise), or null when there is no such part. */
  part(name: string): Buffer | null {
    const e = this.entry(name);
    if (!e) return null;
    this.checkDeclared(e);
    if (this.inflated + e.size > MAX_INFLATED_BYTES) {
      throw new ImportFileError(
        `文件“${this.fileName}”解压后超过 ${mb(MAX_INFLATED_BYTES)} MB，超出一次导入的上限，请分成几个文件导入`,
        'too_large',
      );
    }
    const data = this.bytes(e);
    this.inflated += data.length;
    if (!isUtf8(data)) throw new FastPathUnsupported(this, `${e.name} is not UTF-8`);
    return data;
  }

  /** A small part (relationships, workbook, styles) as one string. */
  text(name: string): string | null {
    const e = this.entry(name);
    if (e && e.size > MAX_SMALL_PART_BYTES) {
      throw new ImportFileError(
        `文件“${this.fileName}”中的“${e.name}”解压后有 ${mb(e.size)} MB，超过此类内容的上限（${mb(MAX_SMALL_PART_BYTES)} MB），不是可以导入的表格`,
        'too_large',
      );
    }
    const data = this.part(name);
    // TextDecoder drops a byte order mark.
    return data ? utf8Decoder.decode(data) : null;
  }

  /** What the directory says about an entry, checked before anything is inflated: encryption, method, declared size. */
  checkDeclared(e: ZipEntry): void {
    if (e.flags & 1) throw new ImportFileError(`${NOT_XLSX}（文件已加密）`, 'invalid_xlsx');
    // zlib is all the fast path has, and all exceljs's unzipper (JSZip) has too.
    if (e.method !== 0 && e.method !== 8) throw new ImportFileError(`${NOT_XLSX}（其中的“${e.name}”使用了不支持的压缩方式）`, 'invalid_xlsx');
    if (e.size > MAX_PART_BYTES) {
      throw new ImportFileError(
        `文件“${this.fileName}”中的“${e.name}”解压后有 ${mb(e.size)} MB，超过一次导入的上限（${mb(MAX_PART_BYTES)} MB），请分成几个文件导入`,
        'too_large',
      );
    }
  }

  /** An entry's bytes, inflated within its declared size (itself capped) and checked against its size and CRC-32. */
  bytes(e: ZipEntry): Buffer {
    this.checkDeclared(e);
    const p = e.localOffset;
    if (p + 30 > this.buf.length || this.buf.readUInt32LE(p) !== 0x04034b50) throw this.damaged(e, '找不到数据');
    const start = p + 30 + this.buf.readUInt16LE(p + 26) + this.buf.readUInt16LE(p + 28);
    if (start + e.compressedSize > this.buf.length) throw this.damaged(e, '数据不完整');
    const raw = this.buf.subarray(start, start + e.compressedSize);
    let data: Buffer;
    if (e.method === 0) data = raw;
    else {
      try {
        // One output buffer of the declared size and one byte more: zlib stops as soon as the output passes the
        // declared size, so an entry that lies costs at most what it declared, and an honest one is never copied.
        data = inflateRawSync(raw, { maxOutputLength: Math.max(1, e.size), chunkSize: Math.max(64, e.size + 1) });
      } catch (err) {
        throw this.damaged(e, (err as NodeJS.ErrnoException)?.code === 'ERR_BUFFER_TOO_LARGE' ? '解压后比记录的大小更大' : '无法解压');
      }
    }
    // A damaged download often inflates without complaint; the checksum is what catches it.
    if (data.length !== e.size) throw this.damaged(e, '解压后的大小与记录不符');
    if (crc32(data) !== e.crc) throw this.damaged(e, '校验和不符');
    return data;
  }

  private damaged(e: ZipEntry, why: string): ImportFileError {
    return new ImportFileError(`${NOT_XLSX}：“${this.fileName}”已损坏（其中的“${e.name}”${why}），请重新导出或重新下载后再导入`, 'invalid_xlsx');
  }
}

/** Before exceljs gets a file: every entry inflates within bounds to its declared size and checksum, all of them together small enough for exceljs. */
function checkBeforeFallback(zip: ZipArchive, name: string): void {
  let total = 0;
  for (const e of zip.entries) {
    total += e.size;
    if (total > MAX_FALLBACK_INFLATED_BYTES) {
      throw new ImportFileError(
        `文件“${name}”的结构不常见，只能用兼容方式读取，而兼容方式一次最多读取解压后 ${mb(MAX_FALLBACK_INFLATED_BYTES)} MB；请在 Excel 或 WPS 中打开后另存为 .xlsx 再导入`,
        'too_large',
      );
    }
    zip.bytes(e);
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

const utf8Decoder = new TextDecoder('utf-8');

const XML_ENTITY_RE = /&(#x[0-9a-fA-F]+|#[0-9]+|lt|gt|amp|quot|apos);/g;
const OOXML_ESCAPE_RE = /_x([0-9a-fA-F]{4})_/g;
const NAMED_ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function codePoint(n: number): string {
  // A character reference past Unicode is a damaged file, not a reason to throw a RangeError at the user.
  return Number.isInteger(n) && n >= 0 && n <= 0x10ffff ? String.fromCodePoint(n) : '\uFFFD';
}

function decodeXmlText(s: string): string {
  if (s.indexOf('&') >= 0) {
    s = s.replace(XML_ENTITY_RE, (_, e: string) =>
      e[0] === '#' ? codePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)) : NAMED_ENTITIES[e],
    );
  }
  // Excel writes control characters (and a literal "_x" sequence) as _xHHHH_.
  if (s.indexOf('_x') >= 0) s = s.replace(OOXML_ESCAPE_RE, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
  return s;
}

/**
 * Cell text as a value: a leading quote that this app's own writers put before a formula start is not part of it.
 * The value is copied out of the window it was found in: V8 keeps a substring of 13 or more characters as a view of
 * its parent, so every row kept would otherwise keep a whole decoded megabyte alive (the rows of a 100 MB worksheet
 * held 220 MB of windows); a concatenation, once flattened by the slice, no longer refers to the window.
 */
function cellString(xml: string): string {
  let s = decodeXmlText(xml);
  if (s.startsWith(TEXT_MARK)) s = restoreNeutralized(s);
  return s.length >= 13 ? (s + ' ').slice(0, -1) : s;
}

function attr(attrs: string, name: string): string | null {
  const m = new RegExp(`(?:^|\\s)(?:[\\w.-]+:)?${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(attrs);
  return m ? decodeXmlText(m[1] ?? m[2]) : null;
}

/** The elements of one tag, one at a time; more than MAX_ELEMENTS is not a workbook any spreadsheet wrote. */
function* elements(xml: string, tag: string): Generator<{ attrs: string; body: string }> {
  const re = new RegExp(`<(?:[\\w.-]+:)?${tag}(?=[\\s/>])([^>]*?)(?:/>|>([\\s\\S]*?)</(?:[\\w.-]+:)?${tag}>)`, 'g');
  let n = 0;
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    if (++n > MAX_ELEMENTS) throw new ImportFileError(NOT_XLSX, 'invalid_xlsx');
    yield { attrs: m[1], body: m[2] ?? '' };
  }
}

function firstElement(xml: string, tag: string): { attrs: string; body: string } | null {
  for (const e of elements(xml, tag)) return e;
  return null;
}

const PHONETIC_RE = /<(?:[\w.-]+:)?rPh[\s>][\s\S]*?<\/(?:[\w.-]+:)?rPh>/g;
const TEXT_RUN_RE = /<(?:[\w.-]+:)?t(?:\s[^>]*)?>([\s\S]*?)<\/(?:[\w.-]+:)?t>/g;

/** The text of a shared or inline string: every run, without the phonetic guide (rPh) Excel may store beside it. */
function stringItemText(body: string): string {
  if (body.indexOf('rPh') >= 0) body = body.replace(PHONETIC_RE, '');
  let text = '';
  TEXT_RUN_RE.lastIndex = 0;
  for (let m = TEXT_RUN_RE.exec(body); m; m = TEXT_RUN_RE.exec(body)) text += m[1];
  return cellString(text);
}

const SHARED_ITEM_RE = /<(?:[\w.-]+:)?si(?=[\s/>])[^>]*?(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?si>)/y;
const SHARED_START_RE = /<(?:[\w.-]+:)?si(?=[\s/>])/g;
/** Bytes of the worksheet or shared strings decoded at a time. */
const WINDOW_BYTES = 1 * MiB;

/**
 * The shared strings part kept as its bytes and the offset of each item (four bytes an item); an item is decoded when
 * a cell first refers to it. A part of millions of tiny strings then costs no more than its own bytes.
 */
class SharedStrings {
  private starts = new Uint32Array(1024);
  private n = 0;
  private decoded = new Map<number, string>();

  constructor(private readonly xml: Buffer) {
    // Item starts are ASCII markup, so a Latin-1 view finds them at their byte offsets; the windows overlap by a
    // little more than the longest start tag, and a start is taken only in the window it begins in.
    for (let pos = 0; pos < xml.length; pos += WINDOW_BYTES) {
      const window = xml.toString('latin1', pos, Math.min(xml.length, pos + WINDOW_BYTES + 64));
      SHARED_START_RE.lastIndex = 0;
      for (let m = SHARED_START_RE.exec(window); m && m.index < WINDOW_BYTES; m = SHARED_START_RE.exec(window)) this.push(pos + m.index);
    }
  }

  private push(offset: number): void {
    if (this.n === this.starts.length) {
      const grown = new Uint32Array(this.starts.length * 2);
      grown.set(this.starts);
      this.starts = grown;
    }
    this.starts[this.n++] = offset;
  }

  get(index: number): string | undefined {
    if (!Number.isInteger(index) || index < 0 || index >= this.n) return undefined;
    let s = this.decoded.get(index);
    if (s === undefined) {
      const start = this.starts[index];
      const end = Math.min(index + 1 < this.n ? this.starts[index + 1] : this.xml.length, start + MAX_SHARED_ITEM_BYTES);
      SHARED_ITEM_RE.lastIndex = 0;
      const m = SHARED_ITEM_RE.exec(this.xml.toString('utf8', start, end));
      if (!m) return undefined;
      s = stringItemText(m[1] ?? '');
      this.decoded.set(index, s);
    }
    return s;
  }
}

const ROW_START_RE = /<(?:[\w.-]+:)?row(?=[\s/>])/;

/**
 * The row elements of a worksheet, decoded a window at a time (never cutting a UTF-8 character): each window's
 * complete rows are taken out and what follows the last of them is carried into the next window. A row longer than
 * MAX_ROW_CHARS is not a spreadsheet's.
 */
function* worksheetRows(xml: Buffer, fileName: string): Generator<{ attrs: string; body: string | undefined }> {
  let pending = '';
  for (let pos = 0; pos < xml.length; ) {
    let end = Math.min(xml.length, pos + WINDOW_BYTES);
    while (end < xml.length && end > pos && (xml[end] & 0xc0) === 0x80) end--;
    if (end === pos) end = Math.min(xml.length, pos + WINDOW_BYTES);
    pending += xml.toString('utf8', pos, end);
    pos = end;
    let consumed = 0;
    ROW_RE.lastIndex = 0;
    for (let m = ROW_RE.exec(pending); m; m = ROW_RE.exec(pending)) {
      consumed = ROW_RE.lastIndex;
      yield { attrs: m[1], body: m[2] };
    }
    const rest = pending.slice(consumed);
    const open = rest.search(ROW_START_RE);
    // An unfinished row waits for the next window; anything else before it is markup between rows. The last few
    // characters stay in case a start tag was cut.
    pending = open >= 0 ? rest.slice(open) : rest.slice(-32);
    if (pending.length > MAX_ROW_CHARS) throw new ImportFileError(`${NOT_XLSX}：“${fileName}”的工作表中有一行过长`, 'invalid_xlsx');
  }
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

/** The cell style indexes (the s attribute) that format numbers as dates. */
function dateStyles(stylesXml: string | null): Set<number> {
  const dates = new Set<number>();
  if (!stylesXml) return dates;
  const custom = new Map<number, string>();
  for (const f of elements(stylesXml, 'numFmt')) {
    custom.set(Number(attr(f.attrs, 'numFmtId')), attr(f.attrs, 'formatCode') ?? '');
  }
  const cellXfs = firstElement(stylesXml, 'cellXfs');
  if (!cellXfs) return dates;
  let i = 0;
  for (const xf of elements(cellXfs.body, 'xf')) {
    const id = Number(attr(xf.attrs, 'numFmtId') ?? '0');
    const code = custom.get(id);
    if (code !== undefined ? isDateFormatCode(code) : BUILTIN_DATE_FORMATS.has(id)) dates.add(i);
    i++;
  }
  return dates;
}

/** Column index (0-based) from a reference such as "AB12"; past Excel's last column, MAX_COLUMNS. */
function columnIndex(ref: string): number {
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) n = n * 26 + (c - 64);
    else if (c >= 97 && c <= 122) n = n * 26 + (c - 96);
    else break;
    if (n > MAX_COLUMNS) return MAX_COLUMNS;
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

/** The first worksheet's rows with a value, read within the bounds above; null when the workbook has no worksheet. */
export function readFirstSheetFast(buf: Buffer, fileName = '文件'): XlsxRow[] | null {
  const zip = new ZipArchive(buf, fileName);
  const rootRels = zip.text('_rels/.rels');
  let workbookPath = 'xl/workbook.xml';
  if (rootRels) {
    for (const r of elements(rootRels, 'Relationship')) {
      if (/\/officeDocument$/.test(attr(r.attrs, 'Type') ?? '')) {
        workbookPath = resolvePart('', attr(r.attrs, 'Target') ?? '');
        break;
      }
    }
  }
  const workbookXml = zip.text(workbookPath);
  if (!workbookXml) throw new FastPathUnsupported(zip, 'no workbook part');
  const workbookRels = zip.text(relsPathOf(workbookPath));
  if (!workbookRels) throw new FastPathUnsupported(zip, 'no workbook relationships');
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
  const workbookPr = firstElement(workbookXml, 'workbookPr');
  const date1904Attr = workbookPr ? attr(workbookPr.attrs, 'date1904') : null;
  const date1904 = date1904Attr === '1' || date1904Attr === 'true';
  // A worksheet over the caps is refused by its declared size, before the shared strings cost anything.
  const sheetEntry = zip.entry(sheetPath);
  if (sheetEntry) zip.checkDeclared(sheetEntry);

  const sharedPath = partOfType('/sharedStrings');
  const sharedXml = sharedPath ? zip.part(sharedPath) : null;
  const shared = sharedXml ? new SharedStrings(sharedXml) : null;
  const stylesPath = partOfType('/styles');
  const isDateStyle = dateStyles(stylesPath ? zip.text(stylesPath) : null);
  const sheetXml = zip.part(sheetPath);
  if (sheetXml === null) throw new FastPathUnsupported(zip, 'worksheet part missing');

  const rows: XlsxRow[] = [];
  let lastRow = 0;
  for (const rm of worksheetRows(sheetXml, fileName)) {
    const rAttr = ROW_NUMBER_RE.exec(rm.attrs);
    const rowNumber = rAttr ? Number(rAttr[1]) : lastRow + 1;
    if (rowNumber > MAX_SHEET_ROW) throw new ImportFileError(NOT_XLSX, 'invalid_xlsx');
    lastRow = rowNumber;
    const body = rm.body;
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
      if (col >= MAX_COLUMNS || col < 0) throw new ImportFileError(NOT_XLSX, 'invalid_xlsx');
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
              const s = shared?.get(Number(v));
              if (s === undefined) throw new ImportFileError(NOT_XLSX, 'invalid_xlsx');
              value = s;
              break;
            }
            case 'str':
              value = cellString(v);
              break;
            case 'b':
              value = v.trim() === '1' || v.trim() === 'true';
              break;
            case 'e':
              value = { cellError: cellString(v) };
              break;
            case 'd': {
              const d = /^(\d{4})-(\d{2})-(\d{2})/.exec(v);
              value = d ? new Date(`${d[1]}-${d[2]}-${d[3]}T00:00:00.000Z`) : cellString(v);
              break;
            }
            default: {
              const n = Number(v);
              value = Number.isNaN(n) ? cellString(v) : isDateStyle.has(style) ? serialToDate(n, date1904) : n;
            }
          }
        }
      }
      if (value !== null && value !== '') {
        cells[col] = value;
        any = true;
      }
    }
    if (any) {
      // The header row and MAX_IMPORT_ROWS data rows.
      if (rows.length > MAX_IMPORT_ROWS) throw rowLimitError(fileName);
      rows.push({ rowNumber, cells });
    }
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------------------------
// Rejected rows

const NUMERIC_FIELDS: ReadonlySet<ImportField> = new Set(['claimAmount', 'deductedDays', 'extendedDays', 'enforcementClaim', 'enforcementRecovered']);

/**
 * The rows that were refused, with the original headers plus 错误原因, so the user can fix them and import this
 * file again (the extra column is then reported as unknown and ignored). UTF-8 with BOM: Chinese Excel reads a CSV
 * without one as GB18030. Every cell goes through the shared spreadsheet rule (shared/spreadsheet/cells.ts): a party
 * named "=cmd|…" is written with a leading quote and shows as text; the readers above take that quote off again on
 * the way back in. A number stays a number in a numeric column. Written in pieces, so even the largest file of
 * rejected rows never exists as one string.
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
  const headerTexts = Array.from(headers, (h) => cellText(h));
  // The columns written: those that name an import column, and any other that holds something in a rejected row.
  // A header row stretched to Excel's last column would otherwise pad every rejected row with 16,383 commas (a
  // file of gigabytes from one of kilobytes); an empty column is ignored on import anyway.
  const withData = new Set<number>();
  for (const row of rows) {
    // forEach skips the holes of a sparse .xlsx row: the work is the cells there are, not the width.
    row.cells.forEach((c, i) => {
      if (i < headerTexts.length && cellText(c) !== '') withData.add(i);
    });
  }
  const columns = headerTexts.flatMap((h, i) => (columnForHeader(h) || withData.has(i) ? [i] : []));
  const width = columns.length;
  const kinds: CellKind[] = columns.map((i) => {
    const field = columnForHeader(headerTexts[i])?.field;
    return field && NUMERIC_FIELDS.has(field) ? 'number' : 'text';
  });
  const fd = openSync(filePath, 'w');
  try {
    let pending = BOM + csvLine([...columns.map((i) => headerTexts[i]), '错误原因']);
    const fields: Array<string | number> = new Array(width + 1);
    for (const row of rows) {
      for (let k = 0; k < width; k++) {
        const c = row.cells[columns[k]];
        // A number read from .xlsx is written as the number it is; everything else as the text the user saw.
        fields[k] = typeof c === 'number' && Number.isFinite(c) ? c : cellText(c);
      }
      fields[width] = (reasons.get(row.rowNumber) ?? []).join('；');
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
