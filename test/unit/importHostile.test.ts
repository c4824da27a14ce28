// Hostile import files (ZIP sizes that lie, zip bombs, a damaged 15 MB workbook, bad checksums, monstrous CSV lines): each is refused in Chinese, naming the file, with the reader's peak memory measured in a child process.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';
import { readFirstSheetFast, readFirstSheetWithExceljs, readImportTable } from '../../electron/core/cases/importFile';
import { removeProbe, runProbe } from '../helpers/childProbe';
import { deflateBomb, entry, sheetXml, workbookEntries, zipBuffer, type ZipEntrySpec } from '../helpers/hostileXlsx';

const MiB = 1024 * 1024;
/** What a refused hostile file may cost the process that reads it, baseline (~70 MB) included. */
const PEAK_LIMIT_MB = 400;
const ROW = '<row><c t="inlineStr"><is><t>（2024）辽0421民初1号</t></is></c></row>';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'courtdesk-hostile-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  removeProbe();
});

function bombSheet(unit: string, total: number, lie?: { size?: number; crc?: number }): ZipEntrySpec {
  const b = deflateBomb(unit, total);
  return { name: 'sheet', stored: b.stored, method: 8, size: lie?.size ?? b.size, crc: lie?.crc ?? b.crc };
}

/** About 15 MB on disk and 110 MB inflated: 210,000 rows with numbers that do not compress, as a real export would. */
function fifteenMegabyteSheet(): ZipEntrySpec {
  let seed = 7;
  const rnd = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0);
  const rows: string[] = [];
  for (let r = 1; r <= 210_000; r++) {
    rows.push(
      `<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>（2024）辽0421民初${r}号</t></is></c><c r="B${r}" t="inlineStr"><is><t>民间借贷纠纷</t></is></c>`
      + `<c r="C${r}" t="inlineStr"><is><t>2024-01-05</t></is></c><c r="D${r}" t="inlineStr"><is><t>民一庭</t></is></c><c r="E${r}" t="inlineStr"><is><t>王法官</t></is></c>`
      + `<c r="F${r}" t="inlineStr"><is><t>张${rnd()}</t></is></c><c r="G${r}" t="inlineStr"><is><t>李${rnd()}</t></is></c><c r="H${r}"><v>${rnd() % 100000}.${rnd() % 100}</v></c><c r="I${r}"><v>${rnd()}</v></c></row>`,
    );
  }
  const xml = Buffer.from(`<worksheet><sheetData>${rows.join('')}</sheetData></worksheet>`, 'utf8');
  return { name: 'sheet', stored: deflateRawSync(xml, { level: 1 }), method: 8, size: xml.length, crc: crc32(xml) };
}

/** One bit of one byte changed, by default in the middle of the file (inside the worksheet's compressed data). */
function flipByte(buf: Buffer, at = Math.floor(buf.length / 2)): Buffer {
  const out = Buffer.from(buf);
  out[at] ^= 0x01;
  return out;
}

/** A file of `size` bytes: `head`, then `fill` repeated, written in pieces so the test itself stays small. */
function writeRepeated(file: string, head: string, fill: string, size: number): void {
  const fd = openSync(file, 'w');
  try {
    writeSync(fd, head);
    const piece = Buffer.from(fill.repeat(Math.ceil(MiB / fill.length)), 'utf8');
    for (let written = Buffer.byteLength(head); written < size; ) written += writeSync(fd, piece, 0, Math.min(piece.length, size - written));
  } finally {
    closeSync(fd);
  }
}

interface HostileCase {
  name: string;
  write: (file: string) => void;
  /** The refusal; null for a file that is read (within every cap) and only its cost is measured. */
  message: RegExp | null;
}

const xlsx = (entries: ZipEntrySpec[], opts?: { zip64?: boolean }) => (file: string) => writeFileSync(file, zipBuffer(entries, opts));

const CASES: HostileCase[] = [
  {
    // Old reader: inflated all of it, then compared the length (2.2 GB).
    name: 'lies-small.xlsx',
    write: xlsx(workbookEntries(bombSheet(ROW, 1024 * MiB, { size: 1000, crc: 0 }))),
    message: /^文件不是有效的 \.xlsx 文件：“lies-small\.xlsx”已损坏/,
  },
  {
    // The directory and the local header both claim 100 MB (under any cap) for an entry that inflates to 1 GB.
    name: 'lies-under-cap.xlsx',
    write: xlsx(workbookEntries(bombSheet(ROW, 1024 * MiB, { size: 100 * MiB }))),
    message: /^文件不是有效的 \.xlsx 文件：“lies-under-cap\.xlsx”已损坏/,
  },
  {
    // An honest zip bomb: a 1 MB file whose worksheet really is 300 MB of rows.
    name: 'bomb.xlsx',
    write: xlsx(workbookEntries(bombSheet(ROW, 300 * MiB))),
    message: /“bomb\.xlsx”.*解压后.*MB.*请分成几个文件导入/,
  },
  {
    // Under the size caps but millions of rows: the row limit stops it.
    name: 'bomb-rows.xlsx',
    write: xlsx(workbookEntries(bombSheet(ROW, 120 * MiB))),
    message: /“bomb-rows\.xlsx”.*超过.*行.*请分成几个文件导入/,
  },
  {
    // Written with a ZIP64 directory, as some .NET exporters do: the old reader handed it to exceljs whole.
    name: 'flipped-zip64.xlsx',
    write: (file) => writeFileSync(file, flipByte(zipBuffer(workbookEntries(fifteenMegabyteSheet()), { zip64: true }))),
    message: /^文件不是有效的 \.xlsx 文件：“flipped-zip64\.xlsx”已损坏/,
  },
  {
    // The same file damaged two thirds in: the old reader handed it to exceljs, which checks no checksum (0.7 GB
    // before it gave up; damaged elsewhere, exceljs read the damaged rows as data).
    name: 'flipped-zip64-late.xlsx',
    write: (file) => writeFileSync(file, flipByte(zipBuffer(workbookEntries(fifteenMegabyteSheet()), { zip64: true }), 10_000_000)),
    message: /^文件不是有效的 \.xlsx 文件：“flipped-zip64-late\.xlsx”已损坏/,
  },
  {
    name: 'flipped.xlsx',
    write: (file) => writeFileSync(file, flipByte(zipBuffer(workbookEntries(fifteenMegabyteSheet())))),
    message: /^文件不是有效的 \.xlsx 文件：“flipped\.xlsx”已损坏/,
  },
  {
    name: 'bad-crc.xlsx',
    write: xlsx(workbookEntries(bombSheet(ROW, 100 * MiB, { crc: 12345 }))),
    message: /^文件不是有效的 \.xlsx 文件：“bad-crc\.xlsx”已损坏/,
  },
  {
    // The shared strings part is a bomb; the worksheet itself is small and honest.
    name: 'bomb-strings.xlsx',
    write: xlsx(
      workbookEntries(entry('sheet', sheetXml([['案号']])), [
        { ...bombSheet('<si><t>甲</t></si>', 600 * MiB), name: 'xl/sharedStrings.xml' },
      ]).map((e) => (e.name === 'xl/_rels/workbook.xml.rels'
        ? entry(e.name, '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>')
        : e)),
    ),
    message: /“bomb-strings\.xlsx”.*解压后.*MB.*请分成几个文件导入/,
  },
  {
    // The same under the caps: six million one-character strings, of which the sheet uses one.
    name: 'strings-under-cap.xlsx',
    write: xlsx(
      workbookEntries(entry('sheet', sheetXml([['案号']])), [
        { ...bombSheet('<si><t>甲</t></si>', 120 * MiB), name: 'xl/sharedStrings.xml' },
      ]).map((e) => (e.name === 'xl/_rels/workbook.xml.rels'
        ? entry(e.name, '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>')
        : e)),
    ),
    message: null,
  },
  {
    // One unclosed quote and 60 MB after it: a single field as large as the file.
    name: 'huge-field.csv',
    write: (file) => writeRepeated(file, '案号,案由\n（2024）辽0421民初1号,"', '很长的案由', 60 * MiB),
    message: /“huge-field\.csv”.*第2行.*过长/,
  },
  {
    name: 'commas.csv',
    write: (file) => writeRepeated(file, '案号,案由\n', ',', 60 * MiB),
    message: /“commas\.csv”.*单元格过多/,
  },
  {
    name: 'newlines.csv',
    write: (file) => writeRepeated(file, '案号,案由\n', '\n', 60 * MiB),
    message: /“newlines\.csv”.*超过.*行.*请分成几个文件导入/,
  },
  {
    name: 'too-large.csv',
    write: (file) => writeRepeated(file, '案号,案由\n', '（2024）辽0421民初1号,民间借贷纠纷\n', 100 * MiB),
    message: /^文件“too-large\.csv”过大（100 MB），一次最多导入 64 MB/,
  },
];

// A zip without a workbook part: the fast path declines it, and only a file whose every entry checks out goes to exceljs.
const noWorkbook = (extra: ZipEntrySpec[]) => [entry('[Content_Types].xml', '<Types/>'), entry('docProps/app.xml', '<Properties/>'), ...extra];

CASES.push(
  {
    // exceljs would inflate all of it (about eleven bytes of memory per inflated byte) without checking anything.
    name: 'fallback-too-big.xlsx',
    write: xlsx(noWorkbook([{ ...bombSheet(ROW, 60 * MiB), name: 'xl/worksheets/sheet1.xml' }])),
    message: /“fallback-too-big\.xlsx”的结构不常见.*最多读取解压后 16 MB/,
  },
  {
    name: 'fallback-damaged.xlsx',
    write: xlsx(noWorkbook([{ ...bombSheet(ROW, 8 * MiB, { crc: 1 }), name: 'xl/worksheets/sheet1.xml' }])),
    message: /^文件不是有效的 \.xlsx 文件：“fallback-damaged\.xlsx”已损坏/,
  },
  {
    name: 'fallback-lies.xlsx',
    write: xlsx(noWorkbook([{ ...bombSheet(ROW, 1024 * MiB, { size: 4 * MiB }), name: 'xl/worksheets/sheet1.xml' }])),
    message: /^文件不是有效的 \.xlsx 文件：“fallback-lies\.xlsx”已损坏/,
  },
);

describe('hostile import files, read in a child process', () => {
  it.each(CASES.map((c) => [c.name, c] as const))('%s: refused in Chinese naming the file (or read), peak memory bounded', (_, c) => {
    const file = path.join(dir, c.name);
    c.write(file);
    const report = runProbe({ mode: 'read', files: [file] });
    const [outcome] = report.outcomes;
    rmSync(file, { force: true });
    // One assertion over all three, so a failure shows the peak and the message together.
    const seen = {
      refused: !outcome.ok && outcome.errorName === 'ImportFileError',
      message: c.message ? c.message.test(outcome.message ?? '') : outcome.ok,
      peakBelowLimit: report.maxRssMb < PEAK_LIMIT_MB,
    };
    expect(seen, `${c.name}: peak ${report.maxRssMb} MB, ${outcome.ok ? `read ${outcome.rows} rows` : `${outcome.errorName}: ${outcome.message}`}`)
      .toEqual({ refused: c.message !== null, message: true, peakBelowLimit: true });
  });
});

describe('what the bounds still read', () => {
  it('a workbook with a ZIP64 directory is read by the fast path, cell for cell as exceljs reads it', async () => {
    const rows = [['案号', '案由', '原告'], ['（2024）辽0421民初1号', '民间借贷纠纷', '张三、李四'], ['（2024）辽0421民初2号', '买卖合同纠纷', "'=不是公式"]];
    const zip = zipBuffer(workbookEntries(entry('sheet', sheetXml(rows))), { zip64: true });
    const fast = readFirstSheetFast(zip);
    const slow = await readFirstSheetWithExceljs(zip);
    expect(fast).toEqual(slow);
    // The quote this app puts before a formula start is taken off on the way in.
    expect(fast!.map((r) => r.cells)).toEqual([rows[0], rows[1], [rows[2][0], rows[2][1], '=不是公式']]);
    const file = path.join(dir, 'zip64.xlsx');
    writeFileSync(file, zip);
    expect((await readImportTable(file)).rows).toHaveLength(2);
  });

  it('a file the fast path declines but that checks out still goes to exceljs', async () => {
    // The package relationships name a workbook part that is not there; exceljs finds xl/workbook.xml by its name.
    const entries = workbookEntries(entry('sheet', sheetXml([['案号', '案由'], ['（2024）辽0421民初1号', '民间借贷纠纷']]))).map((e) =>
      e.name === '_rels/.rels' ? entry(e.name, '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/elsewhere.xml"/></Relationships>') : e);
    const zip = zipBuffer(entries);
    expect(() => readFirstSheetFast(zip)).toThrow();
    const file = path.join(dir, 'elsewhere.xlsx');
    writeFileSync(file, zip);
    expect((await readImportTable(file)).rows.map((r) => r.cells)).toEqual([['（2024）辽0421民初1号', '民间借贷纠纷']]);
  });
});
