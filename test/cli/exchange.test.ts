// courtdesk import of exchange XML batches (.zip) and courtdesk reconcile, run as a process.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { cli, ensureBuilt, initDb } from '../helpers/cli';
import { tempDir } from '../helpers/tempDb';
import { entry, zipBuffer } from '../helpers/hostileXlsx';
import type { ImportSummary } from '../../shared/cases/api';
import type { ReconciliationRow } from '../../shared/cases/reconciliation';

const TODAY = '2024-12-31';
const FIXTURES = path.resolve(__dirname, '..', 'fixtures', 'exchange');
let work: ReturnType<typeof tempDir>;
let db: string;

function zipOf(name: string, folders: string[]): string {
  const files = folders.flatMap((f) => readdirSync(path.join(FIXTURES, f)).sort().map((n) => entry(n, readFileSync(path.join(FIXTURES, f, n)))));
  const file = path.join(work.dir, name);
  writeFileSync(file, zipBuffer(files));
  return file;
}
function counts() {
  const d = new BetterSqlite3(db, { readonly: true });
  try {
    return ['cases', 'case_events', 'extension_requests', 'audit_log', 'exchange_imports', 'reconciliations'].map((t) => d.prepare(`SELECT count(*) FROM ${t}`).pluck().get());
  } finally {
    d.close();
  }
}

beforeAll(() => {
  ensureBuilt();
  work = tempDir();
  db = path.join(work.dir, 'court.sqlite');
  initDb(db);
}, 180_000);
afterAll(() => work?.cleanup());

describe('courtdesk import x.zip and reconcile', () => {
  it('imports a batch with --json, prints the 审限核对 list, and changes nothing the second time', () => {
    const zip = zipOf('batch.zip', ['batch']);
    const r = cli(['--db', db, '--today', TODAY, '--json', 'import', zip, '--create-missing']);
    expect(r.code, r.err).toBe(0);
    const s = r.json() as ImportSummary;
    expect([s.format, s.inserted, s.updated, s.rejected, s.disagreements, s.aborted]).toEqual(['zip', 6, 0, 0, 3, false]);
    expect(s.warnings.map((w) => w.message).join('\n')).toMatch(/国赔1\.xml/);

    const rec = cli(['--db', db, '--today', TODAY, '--json', 'reconcile']);
    expect(rec.code, rec.err).toBe(0);
    const rows = rec.json() as ReconciliationRow[];
    expect(rows.map((x) => [x.caseNumber, x.sourceDueOn, x.dueOn, x.differenceDays])).toEqual([
      ['（2024）辽0421民初203号', '2025-03-01', '2025-02-28', -1],
      ['（2024）辽0421民初201号', '2025-03-11', '2025-04-10', 30],
      ['（2024）辽0421民初202号', '2024-12-15', '2025-01-15', 31],
    ]);
    expect(rows[1].steps).toContain('批准延长 6个月');
    const human = cli(['--db', db, '--today', TODAY, 'reconcile']);
    expect(human.out).toMatch(/审限核对：3 件案件/);
    expect(human.out).toMatch(/（2024）辽0421民初203号[\s\S]*来源：法定审限 180 天，届满日 2025-03-01[\s\S]*本程序：法定审限 6个月（181 天），届满日 2025-02-28，相差 -1 天/);

    const before = counts();
    const again = cli(['--db', db, '--today', TODAY, '--json', 'import', zip]);
    expect(again.code, again.err).toBe(0);
    expect((again.json() as ImportSummary).unchanged).toBe(6);
    expect(counts()).toEqual(before);
  });

  it('refuses a batch with mistakes, naming each file, and exits 1; a DTD refuses it whole', () => {
    const before = counts();
    const r = cli(['--db', db, '--today', TODAY, '--json', 'import', zipOf('mixed.zip', ['batch', 'mistakes'])]);
    expect(r.code).toBe(1);
    const s = r.json() as ImportSummary;
    expect(s.aborted).toBe(true);
    expect(s.rejected).toBe(7);
    expect(s.errors.map((e) => e.message).join('\n')).toMatch(/坏日期\.xml[\s\S]*外院案号\.xml/);
    const hostile = cli(['--db', db, '--today', TODAY, 'import', zipOf('hostile.zip', ['batch', 'hostile'])]);
    expect(hostile.code).toBe(1);
    expect(hostile.err).toMatch(/含有文档类型定义.*整个压缩包未导入/);
    expect(counts()).toEqual(before);
  });
});
