// Migration 1 on an empty file: version 1 with the core tables, their CHECKs and the row clock, and no search index yet.
import { afterEach, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../../../electron/core/db/connection';
import { tempDir } from '../../helpers/tempDb';
import { migrationsUpTo } from '../../helpers/migrationFixtures';

const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((f) => f()));

describe('migration 0001: core tables', () => {
  it('turns an empty file into a version-1 database with the core tables', () => {
    // The state before version 1 is no database at all: a file of zero bytes, as a crashed first start may leave.
    const t = tempDir();
    cleanups.push(t.cleanup);
    const file = path.join(t.dir, 'court.sqlite');
    writeFileSync(file, '');
    const { db, previousVersion, schemaVersion } = openDatabase(file, { create: true, migrations: migrationsUpTo(1) });
    try {
      expect([previousVersion, schemaVersion, db.pragma('user_version', { simple: true })]).toEqual([0, 1, 1]);
      const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").pluck().all();
      expect(tables).toEqual([
        'audit_log', 'case_events', 'cases', 'courts', 'deletions', 'divisions', 'extension_decisions', 'extension_requests',
        'row_clock', 'settings', 'staff', 'staff_roles',
      ]);
      expect(db.prepare('SELECT id, version FROM row_clock').all()).toEqual([{ id: 1, version: 0 }]);

      db.prepare("INSERT INTO courts (id, code, name, level, is_self, row_version, updated_at) VALUES (1, '辽0421', '测试', 'basic', 1, 1, 'x')").run();
      expect(() => db.prepare("INSERT INTO courts (code, name, level, row_version, updated_at) VALUES ('辽0422', '别院', 'supreme', 1, 'x')").run())
        .toThrow(/CHECK constraint failed/);
      expect(() => db.prepare("INSERT INTO courts (code, name, level, is_self, row_version, updated_at) VALUES ('辽0423', '又一院', 'basic', 1, 1, 'x')").run())
        .toThrow(/UNIQUE constraint failed/);
      db.prepare("INSERT INTO audit_log (at, actor, action, prev_hash, hash) VALUES ('x', 'tester', 'init', '', 'h')").run();
      expect(() => db.prepare("DELETE FROM audit_log").run()).toThrow(/append-only/);
    } finally {
      db.close();
    }
  });
});
