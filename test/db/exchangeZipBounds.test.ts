// A ZIP of exchange XML at a court's scale, on real SQLite files: tens of thousands of one-case files import, each case
// audited; a zip bomb (by ratio, by total size, by entry count) is refused before anything is inflated or written.
import { afterEach, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { freshCourtDb } from '../helpers/tempDb';
import { deflateBomb, entry, zipBuffer, type ZipEntrySpec } from '../helpers/hostileXlsx';
import { importCasesFile } from '../../electron/core/cases/importCases';
import { MAX_COMPRESSION_RATIO, MAX_ZIP_ENTRIES, MAX_ZIP_INFLATED_BYTES } from '../../electron/core/cases/exchangeFile';
import { verifyAuditChain } from '../../electron/core/audit/auditLog';
import type { ImportSummary } from '../../shared/cases/api';

const TODAY = '2024-12-31';

let t: ReturnType<typeof freshCourtDb>;
afterEach(() => t?.close());

const xml = (n: number) => `<?xml version="1.0" encoding="UTF-8"?>
<dx:民事案件 xmlns:dx="http://dataexchange.court.gov.cn/2009/data"><dx:民事案件基本信息><dx:案号>(2024)辽0421民初${n}号</dx:案号><dx:立案日期>2024-03-01</dx:立案日期><dx:立案案由名称>买卖合同纠纷</dx:立案案由名称><dx:承办审判庭>民一庭</dx:承办审判庭><dx:承办人>王法官</dx:承办人></dx:民事案件基本信息>
<dx:当事人><dx:R><dx:诉讼地位名称>原告</dx:诉讼地位名称><dx:名称>张${n}</dx:名称></dx:R></dx:当事人></dx:民事案件>`;

function writeZip(name: string, entries: ZipEntrySpec[], zip64 = false): string {
  const file = path.join(t.dir, name);
  writeFileSync(file, zipBuffer(entries, { zip64 }));
  return file;
}
function importFile(file: string): Promise<ImportSummary> {
  return importCasesFile(t.db, t.store, file, { actor: 'tester', today: TODAY, goodRowsOnly: false, createMissing: true, backup: false });
}
const count = (sql: string) => t.db.prepare(sql).pluck().get() as number;

describe('a ZIP of exchange XML at scale', () => {
  it('imports 25,000 one-case files (ZIP64 directory), every case audited in one unbroken chain', async () => {
    t = freshCourtDb();
    const n = 25_000;
    const file = writeZip('全院.zip', Array.from({ length: n }, (_, i) => entry(`案件/${i + 1}.xml`, xml(i + 1))), true);
    const s = await importFile(file);
    expect(s.aborted, JSON.stringify(s.errors.slice(0, 3))).toBe(false);
    expect([s.format, s.rows, s.inserted, s.rejected]).toEqual(['zip', n, n, 0]);
    expect(count('SELECT count(*) FROM cases')).toBe(n);
    expect(count('SELECT count(*) FROM exchange_sources')).toBe(n);
    expect(count("SELECT count(DISTINCT entity_key) FROM audit_log WHERE action = 'case.create'")).toBe(n);
    expect(count("SELECT count(*) FROM audit_log WHERE action = 'import' AND entity_key = '全院.zip'")).toBe(1);
    expect(verifyAuditChain(t.db).ok).toBe(true);
    // The last file's case is found by its party, as a case typed in would be.
    expect(count("SELECT count(*) FROM case_search WHERE doc MATCH '\"张25000\"'")).toBe(1);
  });
});

describe('zip bombs in a batch of exchange XML', () => {
  const before = () => JSON.stringify([count('SELECT count(*) FROM cases'), count('SELECT count(*) FROM audit_log'), count('SELECT count(*) FROM exchange_imports')]);

  it('refuses an entry that inflates far past its stored size, naming it, before inflating anything', async () => {
    t = freshCourtDb();
    const untouched = before();
    // 1.5 MB of one repeated tag: under the 2 MB a case file may have, but about a thousand times its stored size.
    const bomb = deflateBomb('<dx:R>x</dx:R>', 1.5 * 1024 * 1024);
    expect(bomb.size).toBeGreaterThan(MAX_COMPRESSION_RATIO * bomb.stored.length);
    const file = writeZip('炸弹.zip', [entry('1.xml', xml(1)), { name: '炸弹.xml', stored: bomb.stored, method: 8, size: bomb.size, crc: bomb.crc }]);
    await expect(importFile(file)).rejects.toThrow(/压缩包“炸弹\.zip”中的“炸弹\.xml”压缩比异常.*疑似压缩炸弹，整个压缩包未导入/);
    expect(before()).toBe(untouched);
  });

  it('refuses a batch whose files together would inflate past the cap, from what they declare', async () => {
    t = freshCourtDb();
    const untouched = before();
    // Each entry declares 1.9 MB from 40 KB stored (a ratio an honest file could have); together they pass the cap.
    const declared = 1.9 * 1024 * 1024;
    const stored = deflateRawSync(Buffer.alloc(40 * 1024, 'x'));
    const padded = Buffer.concat([stored, Buffer.alloc(Math.max(0, Math.ceil(declared / 50) - stored.length))]);
    const entries = Array.from({ length: Math.ceil(MAX_ZIP_INFLATED_BYTES / declared) + 1 }, (_, i) => ({ name: `${i}.xml`, stored: padded, method: 8 as const, size: declared, crc: 0 }));
    const file = writeZip('过大.zip', entries);
    await expect(importFile(file)).rejects.toThrow(new RegExp(`压缩包“过大\\.zip”解压后超过 ${MAX_ZIP_INFLATED_BYTES / 1024 / 1024} MB`));
    expect(before()).toBe(untouched);
  });

  it('refuses a ZIP of more entries than one import takes, before reading any', async () => {
    t = freshCourtDb();
    const untouched = before();
    const empty: ZipEntrySpec = { name: '', stored: Buffer.alloc(0), method: 0, size: 0, crc: 0 };
    const file = writeZip('太多.zip', Array.from({ length: MAX_ZIP_ENTRIES + 1 }, (_, i) => ({ ...empty, name: `${i}.txt` })), true);
    await expect(importFile(file)).rejects.toThrow(/压缩包“太多\.zip”中的文件超过 250,000 个，请分成几个压缩包导入/);
    expect(before()).toBe(untouched);
  });
});
