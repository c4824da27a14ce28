// Migration 4 on a version-3 fixture indexed with the old document: afterwards it searches like any new database.
import { afterEach, describe, expect, it } from 'vitest';
import BetterSqlite3 from 'better-sqlite3';
import { closeDatabase, openDatabase } from '../../../electron/core/db/connection';
import { CaseQueries } from '../../../electron/core/cases/caseQueries';
import { fixtureCopy, migrationsUpTo, searchIndexOf } from '../../helpers/migrationFixtures';

const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((f) => f()));

const rows = (db: BetterSqlite3.Database, table: string) => db.prepare(`SELECT * FROM ${table} ORDER BY 1`).all();
const match = (db: BetterSqlite3.Database, q: string) => db.prepare('SELECT rowid FROM case_search WHERE case_search MATCH ? ORDER BY rowid').pluck().all(q);
const KEPT = ['courts', 'divisions', 'staff', 'staff_roles', 'accounts', 'cases', 'case_events', 'audit_log', 'settings', 'row_clock'];

/*
 * v3-bc5f22e.sqlite was written by commit bc5f22e, the last code with three migrations that still indexed whole case
 * numbers (brackets and court code). A version-3 file written after 714b383 (79b864a, say) already holds the new
 * document, and migration 4 would have nothing to change there.
 */
describe('migration 0004: search document rebuilt', () => {
  it('re-indexes a version-3 database without brackets and court code and keeps its data', () => {
    const f = fixtureCopy('v3-bc5f22e.sqlite');
    cleanups.push(f.cleanup);
    const before = new BetterSqlite3(f.file, { readonly: true });
    const data = Object.fromEntries(KEPT.map((t) => [t, rows(before, t)]));
    // The old document: a fragment across the bracket finds nothing, the court code is indexed.
    expect(match(before, '"2024民初100"')).toEqual([]);
    expect(match(before, '"辽0421"')).toEqual([1, 2, 3]);
    before.close();
    expect(data.cases).toHaveLength(3);
    expect(data.accounts).toHaveLength(2);

    const { db, previousVersion } = openDatabase(f.file, { migrations: migrationsUpTo(4) });
    try {
      expect([previousVersion, db.pragma('user_version', { simple: true })]).toEqual([3, 4]);
      for (const t of KEPT) expect(rows(db, t), t).toEqual(data[t]);
      expect(match(db, '"2024民初100"')).toEqual([1]);
      expect(match(db, '"辽0421"')).toEqual([]);
      expect(match(db, '"欧阳修远"')).toEqual([1]);
      expect(match(db, '"2023执1234号"')).toEqual([3]);
      // Exactly three documents, each once: the old entries are gone, not shadowed.
      expect(new Set(searchIndexOf(db).map((e) => e.split(':')[0]))).toEqual(new Set(['1', '2', '3']));
      expect(db.prepare("SELECT count(*) FROM case_search_vocab WHERE term = '（20'").pluck().get()).toBe(0);
    } finally {
      db.close();
    }
  });

  it('lets the case list find the case by a number fragment typed without brackets, and by a party', () => {
    const f = fixtureCopy('v3-bc5f22e.sqlite');
    cleanups.push(f.cleanup);
    const { db } = openDatabase(f.file);
    try {
      const q = new CaseQueries(db);
      const found = (search: string) => q.list({ search }, '2024-12-31').rows.map((r) => r.caseNumber);
      expect(found('2024民初100')).toEqual(['（2024）辽0421民初100号']);
      expect(found('（2024）辽0421民初10')).toEqual(expect.arrayContaining(['（2024）辽0421民初100号', '（2024）辽0421民初102号']));
      expect(found('欧阳修远')).toEqual(['（2024）辽0421民初100号']);
      expect(found('张三丰')).toEqual(['（2024）辽0421民初102号']);
    } finally {
      closeDatabase(db);
    }
  });
});
