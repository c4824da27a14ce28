// Migration 15 on a version-13 court with cases: the exchange tables appear empty, the cases are untouched, and the schema's UNIQUE and CHECK constraints refuse a replayed package or a bad export row.
import { afterEach, describe, expect, it } from 'vitest';
import path from 'node:path';
import { openDatabase } from '../../../electron/core/db/connection';
import { initCourt } from '../../../electron/core/setup/initCourt';
import { CaseStore } from '../../../electron/core/cases/caseStore';
import { CourtDirectory, getSelfCourt } from '../../../electron/core/court/courtStore';
import { nextRowVersion } from '../../../electron/core/db/clock';
import { MIGRATIONS } from '../../../electron/core/db/migrations';
import { tempDir } from '../../helpers/tempDb';
import { migrationsUpTo } from '../../helpers/migrationFixtures';
import { randomCourt } from '../../helpers/randomCourt';

const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((f) => f()));

const TABLES = ['exchange_exports', 'received_packages', 'received_cases', 'received_events', 'received_extension_requests', 'received_extension_decisions', 'received_indicators', 'received_ranges', 'package_refusals'];

function atVersion13(): string {
  const t = tempDir();
  cleanups.push(t.cleanup);
  const file = path.join(t.dir, 'court.sqlite');
  const { db } = openDatabase(file, { create: true, migrations: migrationsUpTo(13) });
  initCourt(db, '辽0421', '测试县人民法院', 'tester', false);
  const store = new CaseStore(db);
  db.transaction(() => {
    const dir = new CourtDirectory(db, getSelfCourt(db)!.id);
    const v = nextRowVersion(db);
    for (const r of randomCourt(1515, 50)) store.upsert(r, dir, v, { actor: 'tester', today: '2024-12-31' });
  })();
  expect(db.pragma('user_version', { simple: true })).toBe(13);
  db.close();
  return file;
}

describe('migration 0015: exchange packages', () => {
  it('adds the exchange tables, empty, and leaves the cases as they were', () => {
    const file = atVersion13();
    const before = (() => {
      const { db } = openDatabase(file, { migrations: migrationsUpTo(13) });
      const rows = db.prepare('SELECT * FROM cases ORDER BY id').all();
      db.close();
      return rows;
    })();
    const { db } = openDatabase(file, { migrations: [...MIGRATIONS.filter((m) => m.version <= 13), MIGRATIONS.find((m) => m.version === 15)!] });
    cleanups.unshift(() => db.close());
    expect(db.pragma('user_version', { simple: true })).toBe(15);
    for (const t of TABLES) expect(db.prepare(`SELECT count(*) FROM ${t}`).pluck().get()).toBe(0);
    expect(db.prepare('SELECT * FROM cases ORDER BY id').all()).toEqual(before);
  });

  it('refuses a replayed package (same sender and sequence, or same id) and export rows that break their rules', () => {
    const { db } = openDatabase(atVersion13(), { migrations: [...MIGRATIONS.filter((m) => m.version <= 13), MIGRATIONS.find((m) => m.version === 15)!] });
    cleanups.unshift(() => db.close());
    const pkg = db.prepare(`INSERT INTO received_packages (package_id, sender_code, sender_name, sequence, kind, period_from, period_to, payload_sha256,
      manifest_json, created_at, includes_party_names, received_at, received_by) VALUES (?, ?, 'n', ?, 'full', '2024-01-01', '2024-12-31', ?, '{}', 'x', 0, 'x', 'x')`);
    pkg.run('p1', '辽0421', 1, 'a'.repeat(64));
    expect(() => pkg.run('p2', '辽0421', 1, 'a'.repeat(64))).toThrow(/UNIQUE constraint failed: received_packages.sender_code, received_packages.sequence/);
    expect(() => pkg.run('p1', '辽0422', 1, 'a'.repeat(64))).toThrow(/UNIQUE constraint failed: received_packages.package_id/);
    expect(() => pkg.run('p3', '辽0421', 0, 'a'.repeat(64))).toThrow(/CHECK/);
    pkg.run('p4', '辽0422', 1, 'a'.repeat(64));
    const exp = db.prepare(`INSERT INTO exchange_exports (sequence, package_id, kind, base_sequence, period_from, period_to, file_name, payload_sha256,
      package_sha256, size, bytes, high_row_version, includes_party_names, counts_json, created_at, created_by)
      VALUES (?, ?, ?, ?, '2024-01-01', '2024-12-31', 'f.cdpkg', ?, ?, 1, x'00', 1, 0, '{}', 'x', 'x')`);
    exp.run(1, 'e1', 'full', null, 'a'.repeat(64), 'b'.repeat(64));
    expect(() => exp.run(2, 'e2', 'incremental', null, 'a'.repeat(64), 'b'.repeat(64))).toThrow(/CHECK/);
    expect(() => exp.run(2, 'e2', 'full', null, 'short', 'b'.repeat(64))).toThrow(/CHECK/);
    expect(() => exp.run(1, 'e3', 'full', null, 'a'.repeat(64), 'b'.repeat(64))).toThrow(/UNIQUE/);
    exp.run(2, 'e2', 'incremental', 1, 'a'.repeat(64), 'b'.repeat(64));
  });
});
