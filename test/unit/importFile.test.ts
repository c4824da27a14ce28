// Reading import files from disk: CSV encodings, .xlsx written by exceljs and by hand, refusals, large files, rejected rows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import ExcelJS from 'exceljs';
import {
  ImportFileError,
  readFirstSheetFast,
  readFirstSheetWithExceljs,
  readImportTable,
  writeRejectedRowsCsv,
} from '../../electron/core/cases/importFile';
import { IMPORT_COLUMNS, normalizeCell, validateImportRows } from '../../shared/cases/importColumns';

const CTX = { courtCode: '辽0421', today: '2024-12-31' };
const HEADERS = ['案号', '案由', '立案日期', '承办部门', '承办法官', '原告'];
const ROWS = [
  ['（2024）辽0421民初1号', '民间借贷纠纷', '2024-01-05', '民一庭', '张三', '王某、李某'],
  ['（2024）辽0421民初2号', '买卖合同纠纷，含逗号', '2024/2/1', '民二庭', '李四', '某某“引号”公司'],
];

let dir: string;
const file = (name: string): string => path.join(dir, name);

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'courtdesk-import-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function csvLine(cells: string[]): string {
  return cells.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',');
}
const CSV_TEXT = [HEADERS, ...ROWS].map(csvLine).join('\r\n') + '\r\n';

/** GB18030 bytes: TextEncoder only writes UTF-8, so Python encodes them. */
function gb18030(text: string): Buffer {
  return execFileSync('python3', ['-c', 'import sys; sys.stdout.buffer.write(sys.stdin.read().encode("gb18030"))'], {
    input: text,
  });
}

async function expectImportError(p: string, message: string | RegExp): Promise<void> {
  const err = await readImportTable(p).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ImportFileError);
  if (typeof message === 'string') expect((err as Error).message).toBe(message);
  else expect((err as Error).message).toMatch(message);
}

describe('CSV', () => {
  it.each([
    ['UTF-8 without BOM', (t: string) => Buffer.from(t, 'utf8'), 'utf-8'],
    ['UTF-8 with BOM', (t: string) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(t, 'utf8')]), 'utf-8'],
    ['GB18030 (Chinese Excel)', gb18030, 'gb18030'],
  ])('reads %s', async (_, encode, encoding) => {
    const p = file(`enc-${encoding}-${Math.random().toString(36).slice(2)}.csv`);
    writeFileSync(p, encode(CSV_TEXT));
    const t = await readImportTable(p);
    expect(t.format).toBe('csv');
    expect(t.encoding).toBe(encoding);
    expect(t.headers).toEqual(HEADERS);
    expect(t.rows).toEqual(ROWS.map((cells, i) => ({ rowNumber: i + 2, cells })));
    const v = validateImportRows(t, CTX);
    expect(v.errors).toEqual([]);
    expect(v.rows.map((r) => r.record.plaintiffs)).toEqual([['王某', '李某'], ['某某“引号”公司']]);
  });

  it('reads GB18030 characters outside GBK', async () => {
    const p = file('gb-rare.csv');
    writeFileSync(p, gb18030('案号,承办法官\n（2024）辽0421民初1号,𠀀䶮\n'));
    const t = await readImportTable(p);
    expect(t.encoding).toBe('gb18030');
    expect(t.rows[0].cells).toEqual(['（2024）辽0421民初1号', '𠀀䶮']);
  });

  it('keeps row numbers as Excel shows them: blank lines count, quoted line breaks do not', async () => {
    const p = file('numbers.csv');
    writeFileSync(p, '案号,案由\n\nA,"两行\n的案由"\n,\nB,x');
    const t = await readImportTable(p);
    expect(t.rows.map((r) => r.rowNumber)).toEqual([2, 3, 4, 5]);
    expect(t.rows[1].cells).toEqual(['A', '两行\n的案由']);
    expect(t.rows[3].cells).toEqual(['B', 'x']);
  });

  it('trims headers and tolerates ragged rows and stray quotes', async () => {
    const p = file('ragged.csv');
    writeFileSync(p, ' 案号 ,案由\nA\nB,某"公司",多余\n');
    const t = await readImportTable(p);
    expect(t.headers).toEqual(['案号', '案由']);
    expect(t.rows.map((r) => r.cells)).toEqual([['A'], ['B', '某"公司"', '多余']]);
  });

  it.each<[string, string | Buffer, string]>([
    ['empty.csv', '', '文件为空'],
    ['bom-only.csv', '\uFEFF', '文件为空'],
    ['blank.csv', ' \r\n\r\n', '文件为空'],
    ['quote.csv', '案号,案由\nA,"未闭合\n', 'CSV 文件格式错误：第2行附近有未闭合的引号'],
    ['utf16.csv', Buffer.from('\uFEFF案号\t案由', 'utf16le'), '文件是 UTF-16 编码（Excel 的“Unicode 文本”），请另存为“CSV UTF-8（逗号分隔）”或 .xlsx'],
  ])('refuses %s', async (name, content, message) => {
    const p = file(name);
    writeFileSync(p, content);
    await expectImportError(p, message);
  });

  it('refuses an .xlsx file named .csv with a hint', async () => {
    const p = file('really-xlsx.csv');
    writeFileSync(p, await xlsxBuffer([['案号'], ['x']]));
    await expectImportError(p, '文件内容是 .xlsx 格式，扩展名却是 .csv，请把扩展名改为 .xlsx');
  });
});

describe('file types', () => {
  it.each([
    ['old.xls', '不支持的文件类型“.xls”，请另存为 .xlsx 或 CSV'],
    ['cases.txt', '不支持的文件类型“.txt”，请另存为 .xlsx 或 CSV'],
    ['cases.xlsm', '不支持的文件类型“.xlsm”，请另存为 .xlsx 或 CSV'],
    ['noext', '不支持的文件类型“（无扩展名）”，请另存为 .xlsx 或 CSV'],
  ])('refuses %s', async (name, message) => {
    const p = file(name);
    writeFileSync(p, 'x');
    await expectImportError(p, message);
  });

  it('accepts upper-case extensions', async () => {
    const p = file('UPPER.CSV');
    writeFileSync(p, CSV_TEXT);
    expect((await readImportTable(p)).rows).toHaveLength(2);
  });

  it('says when the file does not exist', async () => {
    await expectImportError(file('missing.csv'), '找不到文件“missing.csv”');
  });
});

// ---------------------------------------------------------------------------------------------------------------
// .xlsx

async function xlsxBuffer(rows: unknown[][], setup?: (wb: ExcelJS.Workbook, ws: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('案件');
  for (const r of rows) ws.addRow(r);
  setup?.(wb, ws);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A zip with stored (uncompressed) entries: enough to hand-write .xlsx layouts exceljs would never produce. */
function storedZip(files: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(files)) {
    const data = Buffer.from(text, 'utf8');
    const nameBytes = Buffer.from(name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc32(data), 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc32(data), 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(files).length, 8);
  end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** A hand-made workbook whose first tab is sheet2.xml, with the oddities real writers produce. */
function handMadeXlsx(): Buffer {
  return storedZip({
    '[Content_Types].xml': '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    '_rels/.rels': `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml': `<?xml version="1.0"?><workbook ${NS}><workbookPr date1904="1"/><sheets><sheet name="案件" sheetId="2" r:id="rId2"/><sheet name="说明" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/worksheet" Target="/xl/worksheets/sheet2.xml"/><Relationship Id="rId3" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId4" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
    'xl/sharedStrings.xml': `<?xml version="1.0"?><sst ${NS} count="4" uniqueCount="4"><si><t>案号</t></si><si><r><t>民间</t></r><r><rPr><b/></rPr><t xml:space="preserve">借贷</t></r><rPh sb="0" eb="2"><t>ミンカン</t></rPh></si><si><t>立案日期</t></si><si><t>A&amp;B_x000D_C &lt;x&gt;</t></si></sst>`,
    'xl/styles.xml': `<?xml version="1.0"?><styleSheet ${NS}><numFmts count="1"><numFmt numFmtId="176" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts><cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="176" applyNumberFormat="1"/><xf numFmtId="4"/></cellXfs></styleSheet>`,
    'xl/worksheets/sheet1.xml': `<?xml version="1.0"?><worksheet ${NS}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>不是这张</t></is></c></row></sheetData></worksheet>`,
    'xl/worksheets/sheet2.xml': `<?xml version="1.0"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>`
      + `<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1" t="s"><x:v>1</x:v></x:c><x:c r="C1" t="s"><x:v>2</x:v></x:c><x:c r="D1" t="inlineStr"><x:is><x:r><x:t>备</x:t></x:r><x:r><x:t>注</x:t></x:r></x:is></x:c></x:row>`
      + `<x:row r="2" spans="1:6"><x:c r="A2" t="inlineStr"><x:is><x:t>（2024）辽0421民初1号</x:t></x:is></x:c><x:c r="C2" s="1"><x:v>43835</x:v></x:c><x:c r="D2" t="s"><x:v>3</x:v></x:c><x:c r="E2" s="2"><x:v>1234.5</x:v></x:c></x:row>`
      + `<x:row r="3"/>`
      + `<x:row><x:c t="b"><x:v>1</x:v></x:c><x:c t="e"><x:v>#N/A</x:v></x:c><x:c t="str"><x:f>A1</x:f><x:v>公式</x:v></x:c><x:c><x:f>1+1</x:f><x:v>2</x:v></x:c><x:c s="1"/></x:row>`
      + `<x:row r="9"><x:c r="B9" t="d"><x:v>2024-03-01T00:00:00</x:v></x:c></x:row>`
      + `</x:sheetData></x:worksheet>`,
  });
}

describe('.xlsx', () => {
  it('reads the first worksheet: date, number, rich-text, formula, boolean and hyperlink cells', async () => {
    const p = file('cells.xlsx');
    writeFileSync(
      p,
      await xlsxBuffer(
        [
          [...HEADERS, '标的额（元）', '是否阅核', '结案日期', '结案方式'],
          [
            '（2024）辽0421民初1号',
            { richText: [{ text: '民间' }, { font: { bold: true }, text: '借贷纠纷' }] },
            new Date(Date.UTC(2024, 0, 5)),
            { formula: '"民"&"一庭"', result: '民一庭' },
            { text: '张三', hyperlink: 'mailto:zhang@example.org' },
            '王某；李某',
            1234.5,
            true,
            45322,
            '判决',
          ],
        ],
        (wb, ws) => {
          ws.getCell('C2').numFmt = 'yyyy-mm-dd';
          wb.addWorksheet('第二张').addRow(['不是这张']);
        },
      ),
    );
    const t = await readImportTable(p);
    expect(t.format).toBe('xlsx');
    expect(t.encoding).toBeUndefined();
    expect(t.headers).toEqual([...HEADERS, '标的额（元）', '是否阅核', '结案日期', '结案方式']);
    expect(t.rows).toHaveLength(1);
    expect(t.rows[0].rowNumber).toBe(2);
    const cells = t.rows[0].cells;
    expect(cells[2]).toBeInstanceOf(Date);
    expect((cells[2] as Date).toISOString()).toBe('2024-01-05T00:00:00.000Z');
    expect(cells[6]).toBe(1234.5);
    const v = validateImportRows(t, CTX);
    expect(v.errors).toEqual([]);
    expect(v.rows[0].record).toMatchObject({
      caseNumber: '（2024）辽0421民初1号', cause: '民间借贷纠纷', filedOn: '2024-01-05', division: '民一庭', judge: '张三',
      plaintiffs: ['王某', '李某'], claimAmount: 1234.5, reviewed: true, closedOn: '2024-01-31', closingMethod: '判决',
    });
  });

  it('reads hand-written layouts: tab order, prefixes, inline and phonetic strings, escapes, 1904 dates, missing refs', async () => {
    const p = file('handmade.xlsx');
    writeFileSync(p, handMadeXlsx());
    const t = await readImportTable(p);
    expect(t.headers).toEqual(['案号', '民间借贷', '立案日期', '备注']);
    expect(t.rows.map((r) => r.rowNumber)).toEqual([2, 4, 9]);
    const [r2, r4, r9] = t.rows;
    expect(r2.cells[0]).toBe('（2024）辽0421民初1号');
    // 43835 in the 1904 system is 2024-01-06.
    expect((r2.cells[2] as Date).toISOString()).toBe('2024-01-06T00:00:00.000Z');
    expect(r2.cells[3]).toBe('A&B\rC <x>');
    expect(r2.cells[4]).toBe(1234.5);
    // Cells without r follow their left neighbour; an empty styled cell adds nothing.
    expect(r4.cells.map((c) => normalizeCell(c))).toEqual([true, { cellError: '#N/A' }, '公式', 2]);
    expect((r9.cells[1] as Date).toISOString()).toBe('2024-03-01T00:00:00.000Z');
  });

  it('gives the same cells as exceljs\u2019s own reader', async () => {
    const buffers = [
      await xlsxBuffer(
        [
          ['案号', '案由', '立案日期', '数', '布尔', '公式', '链接', '空'],
          ['（2024）辽0421民初1号', { richText: [{ text: '富' }, { text: '文本' }] }, new Date(Date.UTC(2024, 1, 29)), 0.1, false, { formula: 'D2*2', result: 0.2 }, { text: '链', hyperlink: 'http://x' }, null],
          ['x & <y> "z"', '  前后空格  ', 45292, -3, true, { formula: 'A1', result: '案号' }, '_x000D_字面', ''],
        ],
        (_, ws) => {
          ws.getCell('C2').numFmt = 'yyyy"年"m"月"d"日"';
          ws.getCell('C3').numFmt = '[$-804]yyyy/m/d';
        },
      ),
      readFileSync(file('cells.xlsx')),
    ];
    for (const buf of buffers) {
      const fast = readFirstSheetFast(buf)!;
      const slow = (await readFirstSheetWithExceljs(buf))!;
      const plain = (rows: typeof fast) =>
        rows.map((r) => ({ rowNumber: r.rowNumber, cells: Array.from(r.cells, (c) => normalizeCell(c)) }));
      const trimTail = (rows: ReturnType<typeof plain>) =>
        rows.map((r) => {
          const cells = [...r.cells];
          while (cells.length && cells[cells.length - 1] === null) cells.pop();
          return { ...r, cells };
        });
      expect(trimTail(plain(fast))).toEqual(trimTail(plain(slow)));
    }
  });

  it('keeps long Chinese text intact across 16 KB boundaries (exceljs\u2019s streaming reader garbles it)', async () => {
    const names = Array.from({ length: 3000 }, (_, i) => `当事人${'张王李赵刘陈杨黄'.charAt(i % 8)}某某${i}号有限责任公司`);
    const p = file('chinese.xlsx');
    writeFileSync(p, await xlsxBuffer([['原告'], ...names.map((n) => [n])]));
    const t = await readImportTable(p);
    expect(t.rows.map((r) => r.cells[0])).toEqual(names);
  });

  it.each<[string, () => Promise<Buffer> | Buffer, string | RegExp]>([
    ['an empty file', () => Buffer.alloc(0), '文件为空'],
    ['text', () => Buffer.from('案号,案由\n'), '文件不是有效的 .xlsx 文件'],
    ['an old .xls renamed', () => Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), '文件不是有效的 .xlsx 文件（可能是旧版 .xls 文件或设置了打开密码），请在 Excel 中另存为 .xlsx'],
    ['a zip that is not a workbook', () => storedZip({ 'readme.txt': 'hello' }), /^文件不是有效的 \.xlsx 文件/],
    ['a truncated workbook', async () => (await xlsxBuffer([['案号'], ['x']])).subarray(0, 2000), '文件不是有效的 .xlsx 文件'],
    ['a workbook whose sheet has no rows', () => xlsxBuffer([]), '文件为空'],
    ['a workbook with data but no header row', () => xlsxBuffer([[], ['x']]), '第一个工作表的第1行没有表头'],
  ])('refuses %s', async (_, make, message) => {
    const p = file(`bad-${Math.random().toString(36).slice(2)}.xlsx`);
    writeFileSync(p, await make());
    await expectImportError(p, message);
  });

  it('refuses a workbook whose bytes were damaged after zipping', async () => {
    const good = await xlsxBuffer([['案号', '案由'], ...Array.from({ length: 200 }, (_, i) => [`（2024）辽0421民初${i + 1}号`, '纠纷'])]);
    // Flip a byte in the middle of the compressed data: the checksum catches it even where inflate does not.
    const bad = Buffer.from(good);
    bad[Math.floor(bad.length / 3)] ^= 0xff;
    const p = file('damaged.xlsx');
    writeFileSync(p, bad);
    await expectImportError(p, /^文件不是有效的 \.xlsx 文件/);
  });

  it('refuses a part compressed with a method neither reader knows', async () => {
    const zip = storedZip({ 'xl/workbook.xml': '<workbook/>' });
    zip.writeUInt16LE(9, 8);
    const p = file('method9.xlsx');
    writeFileSync(p, zip);
    await expectImportError(p, /^文件不是有效的 \.xlsx 文件/);
  });
});

describe('large files (counts only; times belong to the benchmark)', () => {
  const row = (i: number): string[] => [
    `（2024）辽0421民初${i + 1}号`, '民间借贷纠纷', i % 2 ? '简易程序' : '', `2024/${(i % 12) + 1}/${(i % 28) + 1}`, `民${(i % 3) + 1}庭`,
    `法官${i % 40}`, i % 3 ? '2024-12-30' : '', i % 3 ? '判决' : '', `${(i * 37) % 100000}.50`, '王某、李某', '某某有限公司',
  ];
  const headers = IMPORT_COLUMNS.slice(0, 11).map((c) => c.header);

  it('reads and validates a 100,000-row CSV', async () => {
    const p = file('big.csv');
    const lines = [headers.join(',')];
    for (let i = 0; i < 100_000; i++) lines.push(row(i).join(','));
    lines[50_001] = '';
    writeFileSync(p, `\uFEFF${lines.join('\r\n')}\r\n`);
    const t = await readImportTable(p);
    expect(t.rows).toHaveLength(100_000);
    const v = validateImportRows(t, CTX);
    expect(v.errors).toEqual([]);
    expect(v.skippedEmpty).toBe(1);
    expect(v.rows).toHaveLength(99_999);
  });

  it('reads and validates a 20,000-row .xlsx', async () => {
    const p = file('big.xlsx');
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: p, useSharedStrings: true, useStyles: true });
    const ws = wb.addWorksheet('案件');
    ws.addRow(headers).commit();
    for (let i = 0; i < 20_000; i++) {
      const r: unknown[] = row(i);
      r[3] = new Date(Date.UTC(2024, i % 12, (i % 28) + 1));
      r[8] = (i * 37) % 100000 + 0.5;
      const added = ws.addRow(r);
      added.getCell(4).numFmt = 'yyyy-mm-dd';
      added.commit();
    }
    ws.commit();
    await wb.commit();
    const t = await readImportTable(p);
    expect(t.rows).toHaveLength(20_000);
    const v = validateImportRows(t, CTX);
    expect(v.errors).toEqual([]);
    expect(v.rows).toHaveLength(20_000);
    expect(v.rows[19_999].record.filedOn).toBe('2024-08-08');
  });
});

describe('the file of rejected rows', () => {
  it('holds the rejected rows and their reasons, in UTF-8 with BOM, and can be imported again', async () => {
    const source = file('mixed.xlsx');
    writeFileSync(
      source,
      await xlsxBuffer([
        ['案号', '案由', '立案日期', '承办部门', '承办法官', '原告'],
        ['（2024）辽0421民初1号', '好行', new Date(Date.UTC(2024, 0, 5)), '民一庭', '张三', ''],
        ['（2024）辽0422民初2号', '含,逗号 "引号"\n换行', new Date(Date.UTC(2024, 0, 6)), '民一庭', '', '王某'],
        ['（2024）辽0421民初3号', '坏日期', '2024-13-01', '民一庭', '李四', ''],
      ]),
    );
    const t = await readImportTable(source);
    const v = validateImportRows(t, CTX);
    expect(v.rows.map((r) => r.row)).toEqual([2]);
    const rejected = new Set(v.errors.map((e) => e.row));
    const out = file('mixed.rejected.csv');
    writeRejectedRowsCsv(out, t.headers, t.rows.filter((r) => rejected.has(r.rowNumber)), v.errors);

    const bytes = readFileSync(out);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const back = await readImportTable(out);
    expect(back.encoding).toBe('utf-8');
    expect(back.headers).toEqual([...t.headers, '错误原因']);
    expect(back.rows.map((r) => r.cells)).toEqual([
      [
        '（2024）辽0422民初2号', '含,逗号 "引号"\n换行', '2024-01-06', '民一庭', '', '王某',
        '第3行“案号”：案号“（2024）辽0422民初2号”属于法院代码辽0422，本院代码为辽0421；第3行“承办法官”：不能为空',
      ],
      ['（2024）辽0421民初3号', '坏日期', '2024-13-01', '民一庭', '李四', '', '第4行“立案日期”：日期“2024-13-01”无效，应如 2024-01-05'],
    ]);
    // Fixed and imported again, the reason column is only an unknown column.
    const again = validateImportRows(
      { headers: back.headers, rows: back.rows.map((r) => ({ ...r, cells: r.cells.map((c, i) => (i === 2 ? '2024-01-07' : c)) })) },
      CTX,
    );
    expect(again.unknownColumns).toEqual(['错误原因']);
    expect(again.errors.map((e) => e.row)).toEqual([2, 2]);
    expect(again.rows.map((r) => r.record.caseNumber)).toEqual(['（2024）辽0421民初3号']);
  });
});
