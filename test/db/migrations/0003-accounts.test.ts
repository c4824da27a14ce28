// Migration 3 on a version-2 fixture written by 12f8b11: its court, cases and audit trail are kept, and accounts can be stored.
import { afterEach, describe, expect, it } from 'vitest';
import BetterSqlite3 from 'better-sqlite3';
import { openDatabase } from '../../../electron/core/db/connection';
import { fixtureCopy, migrationsUpTo } from '../../helpers/migrationFixtures';

const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((f) => f()));

const rows = (db: BetterSqlite3.Database, table: string) => db.prepare(`SELECT * FROM ${table} ORDER BY 1`).all();
const KEPT = ['courts', 'divisions', 'staff', 'staff_roles', 'cases', 'case_events', 'audit_log', 'settings', 'row_clock'];

describe('migration 0003: accounts', () => {
  it('adds accounts to a version-2 database and keeps its data', () => {
    // v2-12f8b11.sqlite: `courtdesk init` and `import cases.csv` of commit 12f8b11, the last with two migrations.
    const f = fixtureCopy('v2-12f8b11.sqlite');
    cleanups.push(f.cleanup);
    const before = new BetterSqlite3(f.file, { readonly: true });
    const data = Object.fromEntries(KEPT.map((t) => [t, rows(before, t)]));
    before.close();
    expect(data.cases).toHaveLength(3);
    expect(data.audit_log.length).toBeGreaterThan(0);

    const { db, previousVersion } = openDatabase(f.file, { migrations: migrationsUpTo(3) });
    try {
      expect([previousVersion, db.pragma('user_version', { simple: true })]).toEqual([2, 3]);
      for (const t of KEPT) expect(rows(db, t), t).toEqual(data[t]);
      expect(db.prepare("SELECT rowid FROM case_search WHERE case_search MATCH '\"欧阳修远\"'").pluck().all()).toEqual([1]);

      expect(rows(db, 'accounts')).toEqual([]);
      const add = db.prepare("INSERT INTO accounts (staff_id, password_hash, row_version, created_at, updated_at) VALUES (?, 'scrypt$x', 4, 'x', 'x')");
      add.run(1);
      expect(db.prepare('SELECT active, failed_attempts, must_change_password FROM accounts').get()).toEqual({ active: 1, failed_attempts: 0, must_change_password: 0 });
      // An account belongs to a staff member who exists.
      expect(() => add.run(99)).toThrow(/FOREIGN KEY constraint failed/);
      const plan = (db.prepare("EXPLAIN QUERY PLAN SELECT * FROM audit_log WHERE actor = 'x'").all() as Array<{ detail: string }>).map((r) => r.detail).join(' ');
      expect(plan).toContain('audit_log_actor');
    } finally {
      db.close();
    }
  });
});
