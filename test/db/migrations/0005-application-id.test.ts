// Migration 5 on a version-4 fixture: the file gets CourtDesk's application_id, and its data stays as it was.
import { afterEach, describe, expect, it } from 'vitest';
import BetterSqlite3 from 'better-sqlite3';
import { COURTDESK_APPLICATION_ID, openDatabase } from '../../../electron/core/db/connection';
import { fixtureCopy, migrationsUpTo } from '../../helpers/migrationFixtures';

const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((f) => f()));

const KEPT = ['courts', 'divisions', 'staff', 'staff_roles', 'accounts', 'cases', 'case_events', 'audit_log', 'settings', 'row_clock'];
const rows = (db: BetterSqlite3.Database, table: string) => db.prepare(`SELECT * FROM ${table} ORDER BY 1`).all();

// v4-d733a91.sqlite was written by commit d733a91, the last code at version 4 (see the fixtures' README).
describe('migration 0005: application id', () => {
  it("marks a version-4 database as CourtDesk's and keeps every row", () => {
    const f = fixtureCopy('v4-d733a91.sqlite');
    cleanups.push(f.cleanup);
    const before = new BetterSqlite3(f.file, { readonly: true });
    expect(before.pragma('application_id', { simple: true })).toBe(0);
    const data = Object.fromEntries(KEPT.map((t) => [t, rows(before, t)]));
    before.close();
    expect(data.cases).toHaveLength(4);

    const { db, previousVersion } = openDatabase(f.file, { migrations: migrationsUpTo(5) });
    try {
      expect([previousVersion, db.pragma('user_version', { simple: true })]).toEqual([4, 5]);
      expect(db.pragma('application_id', { simple: true })).toBe(COURTDESK_APPLICATION_ID);
      for (const t of KEPT) expect(rows(db, t), t).toEqual(data[t]);
    } finally {
      db.close();
    }
  });
});
