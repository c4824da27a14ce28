// Migration 9 on a version-8 fixture: three new empty tables (exchange imports, source figures, 审限核对) with their
// CHECKs and indexes; every existing table, row and id stays as it was, and an exchange import works on the upgraded file.
import { afterEach, describe, expect, it } from 'vitest';
import BetterSqlite3 from 'better-sqlite3';
import path from 'node:path';
import { writeFileSync, readFileSync } from 'node:fs';
import { openDatabase } from '../../../electron/core/db/connection';
import { CaseStore } from '../../../electron/core/cases/caseStore';
import { importCasesFile } from '../../../electron/core/cases/importCases';
import { listReconciliations } from '../../../electron/core/cases/reconciliationQueries';
import { fixtureCopy, migrationsUpTo, schemaOf } from '../../helpers/migrationFixtures';

const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((f) => f()));

type Db = BetterSqlite3.Database;
const tablesOf = (db: Db) => db
  .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name")
  .pluck().all() as string[];
const NEW_TABLES = ['exchange_imports', 'exchange_sources', 'reconciliations'];

/*
 * v8-01b5e5c.sqlite was written by commit 01b5e5c, the last code with eight migrations (see the fixtures' README):
 * three cases, one closed, and on （2024）辽0421民初102号 a 公告 period and a 中止 with its resumption.
 */
function atVersion8(): { file: string; before: Db } {
  const f = fixtureCopy('v8-01b5e5c.sqlite');
  cleanups.push(f.cleanup);
  const before = new BetterSqlite3(f.file, { readonly: true });
  cleanups.unshift(() => before.close());
  return { file: f.file, before };
}

describe('migration 0009: reconciliation', () => {
  it('adds three empty tables and keeps every other table, row and schema entry', () => {
    const { file, before } = atVersion8();
    expect(before.pragma('user_version', { simple: true })).toBe(8);
    const tables = tablesOf(before);
    const rows = Object.fromEntries(tables.map((t) => [t, before.prepare(`SELECT * FROM "${t}"`).all()]));
    const schemaBefore = schemaOf(before).rows;
    before.close();
    const { db } = openDatabase(file, { migrations: migrationsUpTo(9) });
    cleanups.unshift(() => db.close());
    expect(db.pragma('user_version', { simple: true })).toBe(9);
    expect(tablesOf(db)).toEqual([...tables, ...NEW_TABLES].sort());
    for (const t of tables) {
      // The audit log gains the migration's own entries at most; every earlier row stays.
      const now = db.prepare(`SELECT * FROM "${t}"`).all();
      expect(now.slice(0, rows[t].length), t).toEqual(rows[t]);
    }
    for (const t of NEW_TABLES) expect(db.prepare(`SELECT count(*) FROM ${t}`).pluck().get()).toBe(0);
    const after = schemaOf(db).rows;
    expect(after.filter((r) => !NEW_TABLES.includes(r.tbl_name))).toEqual(schemaBefore);
    expect(after.filter((r) => r.type === 'index' && NEW_TABLES.includes(r.tbl_name)).map((r) => r.name).sort())
      .toEqual(['exchange_sources_import', 'reconciliations_import']);
    // The CHECKs hold: a due date is an ISO date, a limit a number of days.
    db.prepare("INSERT INTO exchange_imports (file, sha256, actor, imported_at) VALUES ('a.zip', ?, 'x', 'now')").run('0'.repeat(64));
    expect(() => db.prepare("INSERT INTO reconciliations (case_id, import_id, source_due_on, steps, recorded_at) VALUES (1, 1, '2024-1-1', '[]', 'now')").run()).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO exchange_sources (case_id, import_id, entry, limit_days) VALUES (1, 1, 'a.xml', -1)").run()).toThrow(/CHECK/);
  });

  it('takes an exchange import on the upgraded file, beside the cases it already held', async () => {
    const { file, before } = atVersion8();
    before.close();
    const { db } = openDatabase(file);
    cleanups.unshift(() => db.close());
    const xml = readFileSync(path.resolve(__dirname, '..', '..', 'fixtures', 'exchange', 'batch', '民初203.xml'), 'utf8');
    const x = path.join(path.dirname(file), '民初203.xml');
    writeFileSync(x, xml);
    const s = await importCasesFile(db, new CaseStore(db), x, { actor: 'tester', today: '2024-12-31', goodRowsOnly: false, createMissing: true, backup: false });
    expect([s.aborted, s.inserted, s.disagreements]).toEqual([false, 1, 1]);
    expect(db.prepare('SELECT count(*) FROM cases').pluck().get()).toBe(4);
    expect(listReconciliations(db, { kind: 'all' }, '2024-12-31').map((r) => [r.caseNumber, r.dueOn, r.sourceDueOn])).toEqual([['（2024）辽0421民初203号', '2025-02-28', '2025-03-01']]);
  });
});
