// The fast .xlsx reader: the first worksheet's cell values straight from the archive (node:zlib and a few regular
// expressions), within fixed bounds of memory; importFile.ts falls back to exceljs for layouts it does not handle.
import { excelSerialToIso } from '../../../shared/dates/calendar';
import { restoreNeutralized, TEXT_MARK } from '../../../shared/spreadsheet/cells';
import { FastPathUnsupported, ZipArchive } from './zipArchive';
import {
  ImportFileError, MAX_COLUMNS, MAX_ELEMENTS, MAX_FALLBACK_INFLATED_BYTES, MAX_IMPORT_ROWS, MAX_ROW_CHARS, MAX_SHARED_ITEM_BYTES, MAX_SHEET_ROW, NOT_XLSX, MiB, mb, rowLimitError,
} from './importBounds';

/** A worksheet row: its number in the sheet and its cell values as exceljs gives them. */
export type XlsxRow = { rowNumber: number; cells: unknown[] };
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



/** Before exceljs gets a file: every entry inflates within bounds to its declared size and checksum, all of them together small enough for exceljs. */
export function checkBeforeFallback(zip: ZipArchive, name: string): void {
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

