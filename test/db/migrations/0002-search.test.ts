// Migration 2 on a version-1 fixture: its cases are kept and indexed for search with the document of the time.
import { afterEach, describe, expect, it } from 'vitest';
import BetterSqlite3 from 'better-sqlite3';
import { openDatabase } from '../../../electron/core/db/connection';
import { fixtureCopy, migrationsUpTo } from '../../helpers/migrationFixtures';

const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((f) => f()));

const rows = (db: BetterSqlite3.Database, table: string) => db.prepare(`SELECT * FROM ${table} ORDER BY 1`).all();

describe('migration 0002: search index', () => {
  it('indexes the cases of a version-1 database and keeps them as they were', () => {
    // v1-0001.sqlite: migration 1 alone and three cases inserted by SQL (test/fixtures/migrations/makeV1.ts).
    const f = fixtureCopy('v1-0001.sqlite');
    cleanups.push(f.cleanup);
    const before = new BetterSqlite3(f.file, { readonly: true });
    const cases = rows(before, 'cases');
    const events = rows(before, 'case_events');
    before.close();
    expect(cases).toHaveLength(3);

    const { db, previousVersion } = openDatabase(f.file, { migrations: migrationsUpTo(2) });
    try {
      expect([previousVersion, db.pragma('user_version', { simple: true })]).toEqual([1, 2]);
      expect(rows(db, 'cases')).toEqual(cases);
      expect(rows(db, 'case_events')).toEqual(events);
      const match = (q: string) => db.prepare('SELECT rowid FROM case_search WHERE case_search MATCH ? ORDER BY rowid').pluck().all(q);
      expect(match('"欧阳修远"')).toEqual([1]);
      expect(match('"张三丰"')).toEqual([2]);
      expect(match('"李四、"')).toEqual([3]);
      expect(match('"民初102"')).toEqual([2]);
      // As shipped, the document held the whole case number, brackets and court code included (migration 4 drops them).
      expect(match('"（2024）辽0421民初100号"')).toEqual([1]);
      const vocab = db.prepare("SELECT count(*) FROM case_search_vocab WHERE term = '张三丰'").pluck().get();
      expect(vocab).toBe(1);
    } finally {
      db.close();
    }
  });
});
