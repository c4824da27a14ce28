// Import fuzzing: random bytes, truncations and byte mutations of valid CSV (UTF-8, GB18030) and .xlsx files, each through the real import into a real database: valid rows imported, or a Chinese refusal that leaves the database exactly as it was.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { freshCourtDb } from '../helpers/tempDb';
import { entry, sheetXml, workbookEntries, zipBuffer } from '../helpers/hostileXlsx';
import { importCasesFile } from '../../electron/core/cases/importCases';
import { CoreError } from '../../electron/core/kernel/errors';
import { verifyAuditChain } from '../../electron/core/audit/auditLog';
import { parseCaseNumber } from '../../shared/cases/caseNumber';
import { TEXT_MAX_LENGTH } from '../../shared/cases/importColumns';

const TODAY = '2024-12-31';
const SEED = 20241231;
const t = freshCourtDb();
afterAll(() => t.close());

/** mulberry32: a small deterministic generator, so a failing case can be replayed from its number. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

const HEADERS = ['案号', '案由', '审判程序', '立案日期', '承办部门', '承办法官', '结案日期', '结案方式', '标的额（元）', '原告', '被告', '扣除审限天数'];
const ROWS: string[][] = Array.from({ length: 24 }, (_, i) => [
  `（2024）辽0421民初${i + 1}号`, i % 3 ? '民间借贷纠纷' : '买卖合同纠纷', i % 2 ? '简易程序' : '普通程序', `2024-0${(i % 9) + 1}-1${i % 10}`,
  i % 4 ? '民一庭' : '民二庭', ['王法官', '李法官', '赵法官'][i % 3], i % 5 === 0 ? '2024-11-30' : '', i % 5 === 0 ? '判决' : '',
  i % 2 ? `${1000 + i * 37}.50` : '', `张三${i}、李四`, `某某有限公司${i}`, i % 7 === 0 ? '15' : '',
]);

const csvText = [HEADERS, ...ROWS].map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\r\n') + '\r\n';

function gb18030(text: string): Buffer {
  return execFileSync('python3', ['-c', 'import sys; sys.stdout.buffer.write(sys.stdin.read().encode("gb18030"))'], { input: text });
}

async function exceljsXlsx(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('案件');
  ws.addRow(HEADERS);
  for (const r of ROWS) {
    const row = ws.addRow(r.map((c, i) => (i === 3 ? new Date(`${c}T00:00:00Z`) : i === 8 && c ? Number(c) : c)));
    row.getCell(4).numFmt = 'yyyy-mm-dd';
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Every table's rows, hashed: equal before and after means the database did not change at all. */
function dbDigest(): string {
  const hash = createHash('sha256');
  const tables = t.db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
  for (const name of tables) {
    hash.update(`${name}\n`);
    for (const row of t.db.prepare(`SELECT * FROM "${name}"`).raw().iterate()) hash.update(JSON.stringify(row, (_, v) => (Buffer.isBuffer(v) ? v.toString('hex') : v)));
  }
  return hash.digest('hex');
}

const auditCount = () => t.db.prepare('SELECT count(*) FROM audit_log').pluck().get() as number;

/** What a person may be shown: Chinese, and nothing of JavaScript's or Node's own texts. */
function expectChinese(message: string, context: string): void {
  expect(message, context).toMatch(/[\u4e00-\u9fff]/);
  expect(message, context).not.toMatch(/TypeError|RangeError|SyntaxError|ReferenceError|undefined|NaN|Infinity|\[object |Cannot |is not a|Unexpected|ENOENT|EISDIR|ERR_|Error:/);
}

/** Every stored case is one a valid row could have written. */
function expectValidCases(context: string): void {
  const cases = t.db.prepare('SELECT c.case_number, c.cause, c.filed_on, c.closed_on, d.name AS division, s.name AS judge FROM cases c JOIN divisions d ON d.id = c.division_id JOIN staff s ON s.id = c.judge_id').all() as Array<Record<string, string | null>>;
  for (const c of cases) {
    const parsed = parseCaseNumber(c.case_number!);
    expect(parsed.ok && parsed.value.courtCode === '辽0421' && parsed.value.canonical === c.case_number, `${context}: ${c.case_number}`).toBe(true);
    expect(c.filed_on, context).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(c.filed_on! >= '1949-01-01' && c.filed_on! <= TODAY, context).toBe(true);
    if (c.closed_on !== null) expect(c.closed_on >= c.filed_on! && c.closed_on <= TODAY, context).toBe(true);
    expect(c.cause!.length > 0 && c.cause!.length <= TEXT_MAX_LENGTH.cause, context).toBe(true);
    expect(c.division!.length > 0 && c.division!.length <= TEXT_MAX_LENGTH.division, context).toBe(true);
    expect(c.judge!.length > 0 && c.judge!.length <= TEXT_MAX_LENGTH.judge, context).toBe(true);
  }
}

interface FuzzCase {
  label: string;
  ext: '.csv' | '.xlsx';
  bytes: Buffer;
  goodRowsOnly: boolean;
}

function mutate(base: Buffer, r: () => number, from = 0): Buffer {
  const out = Buffer.from(base);
  const n = 1 + Math.floor(r() * 8);
  for (let k = 0; k < n; k++) out[from + Math.floor(r() * (out.length - from))] = Math.floor(r() * 256);
  return out;
}

let cases: FuzzCase[] = [];

beforeAll(async () => {
  const r = rng(SEED);
  const utf8 = Buffer.from(csvText, 'utf8');
  const gb = gb18030(csvText);
  const xlsx = await exceljsXlsx();
  const xml = Buffer.from(sheetXml([HEADERS, ...ROWS]), 'utf8');
  const bases: Array<[string, '.csv' | '.xlsx', Buffer]> = [['utf8', '.csv', utf8], ['gb18030', '.csv', gb], ['xlsx', '.xlsx', xlsx]];
  const add = (label: string, ext: '.csv' | '.xlsx', bytes: Buffer) => cases.push({ label, ext, bytes, goodRowsOnly: r() < 0.5 });
  for (let i = 0; i < 10; i++) {
    const random = Buffer.from(Array.from({ length: Math.floor(r() * 4096) }, () => Math.floor(r() * 256)));
    add(`random-${i}`, i % 2 ? '.xlsx' : '.csv', random);
  }
  // A zip signature in front of random bytes reaches the directory parser.
  for (let i = 0; i < 5; i++) add(`random-zip-${i}`, '.xlsx', Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.from(Array.from({ length: 2048 }, () => Math.floor(r() * 256)))]));
  for (const [name, ext, base] of bases) {
    for (let i = 0; i < 20; i++) add(`${name}-truncated-${i}`, ext, base.subarray(0, Math.floor(r() * base.length)));
    for (let i = 0; i < 50; i++) add(`${name}-mutated-${i}`, ext, mutate(base, r));
  }
  // The central directory and end record: sizes, offsets, methods and counts that lie.
  for (let i = 0; i < 40; i++) add(`xlsx-directory-${i}`, '.xlsx', mutate(xlsx, r, Math.max(0, xlsx.length - 1200)));
  // Damaged markup with honest checksums, so the worksheet parser itself meets it.
  for (let i = 0; i < 40; i++) {
    const bad = mutate(xml, r);
    add(`xml-${i}`, '.xlsx', zipBuffer(workbookEntries(entry('sheet', bad)), { zip64: i % 4 === 0 }));
  }
  // The valid files themselves, so the run also imports and re-imports.
  for (const [name, ext, base] of bases) add(`${name}-valid`, ext, base);
});

describe('import fuzzing', () => {
  it('never crashes, speaks Chinese, imports only valid rows, and leaves the database unchanged when it refuses', async () => {
    expect(cases.length).toBeGreaterThanOrEqual(300);
    const rssAtStart = process.memoryUsage().rss;
    let peakRss = rssAtStart;
    const outcomes = { refused: 0, aborted: 0, imported: 0, nothingChanged: 0 };
    for (const [n, c] of cases.entries()) {
      const file = path.join(t.dir, `fuzz-${n}${c.ext}`);
      writeFileSync(file, c.bytes);
      const context = `case ${n} (${c.label}, goodRowsOnly ${c.goodRowsOnly})`;
      const before = dbDigest();
      const auditBefore = auditCount();
      let summary: Awaited<ReturnType<typeof importCasesFile>> | null = null;
      try {
        summary = await importCasesFile(t.db, t.store, file, { goodRowsOnly: c.goodRowsOnly, actor: 'tester', createMissing: true, today: TODAY, rejectedFile: path.join(t.dir, `fuzz-${n}.rejected.csv`) });
      } catch (err) {
        // A refusal of the whole file: a Chinese message for the person, and nothing written.
        expect(err, `${context}: ${String(err)}`).toBeInstanceOf(CoreError);
        expectChinese((err as Error).message, context);
        expect(dbDigest(), context).toBe(before);
        outcomes.refused++;
      }
      if (summary) {
        for (const issue of [...summary.errors, ...summary.warnings]) expectChinese(issue.message, context);
        const changed = summary.inserted + summary.updated + summary.addedDivisions.length + summary.addedStaff.length;
        if (summary.aborted || changed === 0) {
          expect(dbDigest(), context).toBe(before);
          outcomes[summary.aborted ? 'aborted' : 'nothingChanged']++;
        } else {
          // One audit entry per case written, per division or judge created, and one for the file, on an unbroken chain.
          expect(auditCount() - auditBefore, context).toBe(summary.inserted + summary.updated + summary.addedDivisions.length + summary.addedStaff.length + 1);
          expect(verifyAuditChain(t.db).ok, context).toBe(true);
          expectValidCases(context);
          outcomes.imported++;
        }
      }
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
    }
    // Every kind of outcome happened, so the run exercised each path.
    expect(outcomes.refused).toBeGreaterThan(0);
    expect(outcomes.aborted).toBeGreaterThan(0);
    expect(outcomes.imported).toBeGreaterThan(0);
    expect(t.db.pragma('integrity_check', { simple: true })).toBe('ok');
    // The files are small: a few hundred imports must not grow the process by more than a fraction of that.
    expect((peakRss - rssAtStart) / 1024 / 1024, JSON.stringify(outcomes)).toBeLessThan(200);
  });
});
