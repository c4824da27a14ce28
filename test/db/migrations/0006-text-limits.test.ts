// Migration 6 on a version-5 database: every free-text column gets its length CHECK, rows and ids stay, and a value
// longer than a limit (the fixture has a 5,289-character plaintiff list from before the limits) is kept in full aside.
import { afterEach, describe, expect, it } from 'vitest';
import BetterSqlite3 from 'better-sqlite3';
import { openDatabase } from '../../../electron/core/db/connection';
import { CaseQueries } from '../../../electron/core/cases/caseQueries';
import { fixtureCopy, migrationsUpTo } from '../../helpers/migrationFixtures';

const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((f) => f()));

const rows = (db: BetterSqlite3.Database, table: string) => db.prepare(`SELECT * FROM ${table} ORDER BY 1`).all();
const UNCHANGED = ['divisions', 'staff', 'staff_roles', 'accounts', 'case_events', 'extension_requests', 'audit_log', 'settings', 'row_clock', 'courts'];

/*
 * No code ever stopped at version 5 (migrations 5 and 6 shipped together): the version-4 fixture written by d733a91 is
 * brought to 5 by migration 5 alone, which only sets the application id, and migration 6 runs on that.
 */
function atVersion5(): string {
  const f = fixtureCopy('v4-d733a91.sqlite');
  cleanups.push(f.cleanup);
  openDatabase(f.file, { migrations: migrationsUpTo(5) }).db.close();
  return f.file;
}

describe('migration 0006: text limits', () => {
  it('keeps every row and id, moves an over-long value aside whole, and then refuses over-long values', () => {
    const file = atVersion5();
    const before = new BetterSqlite3(file, { readonly: true });
    const data = Object.fromEntries(UNCHANGED.map((t) => [t, rows(before, t)]));
    const cases = rows(before, 'cases') as Array<Record<string, unknown>>;
    const long = cases.find((c) => (c.plaintiffs as string).length > 4000)!;
    before.close();
    expect((long.plaintiffs as string).length).toBe(5289);

    const { db, previousVersion } = openDatabase(file, { migrations: migrationsUpTo(6) });
    try {
      expect([previousVersion, db.pragma('user_version', { simple: true })]).toEqual([5, 6]);
      for (const t of UNCHANGED) expect(rows(db, t), t).toEqual(data[t]);
      const after = rows(db, 'cases') as Array<Record<string, unknown>>;
      expect(after.map((c) => c.id)).toEqual(cases.map((c) => c.id));
      for (const [i, c] of after.entries()) {
        if (c.id === long.id) continue;
        expect(c).toEqual(cases[i]);
      }
      const kept = after.find((c) => c.id === long.id)!;
      expect((kept.plaintiffs as string).length).toBe(4000);
      expect(kept.plaintiffs).toBe(`${(long.plaintiffs as string).slice(0, 4000 - 12)}…（原文过长，全文另存）`);
      expect(db.prepare('SELECT table_name, row_id, column_name, value FROM text_overflow').all()).toEqual([
        { table_name: 'cases', row_id: long.id, column_name: 'plaintiffs', value: long.plaintiffs },
      ]);
      expect(db.pragma('foreign_key_check')).toEqual([]);
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      // The list still reads it and finds it by its parties: ids, and so the search index, are unchanged.
      const q = new CaseQueries(db);
      expect(q.list({ search: '劳务派遣' }, '2024-12-31').rows.map((r) => r.caseNumber)).toEqual([long.case_number]);
      // From now on the database itself refuses what the import and the API refuse.
      expect(() => db.prepare('UPDATE cases SET defendants = ? WHERE id = ?').run('乙'.repeat(4001), long.id)).toThrow(/CHECK constraint failed/);
      expect(() => db.prepare('UPDATE cases SET cause = ? WHERE id = ?').run('案'.repeat(101), long.id)).toThrow(/CHECK constraint failed/);
      expect(() => db.prepare("UPDATE case_events SET note = ? WHERE id = (SELECT min(id) FROM case_events)").run('注'.repeat(201))).toThrow(/CHECK constraint failed/);
      expect(() => db.prepare('UPDATE courts SET name = ?').run('院'.repeat(51))).toThrow(/CHECK constraint failed/);
    } finally {
      db.close();
    }
  });
});
