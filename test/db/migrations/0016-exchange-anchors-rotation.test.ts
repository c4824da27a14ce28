// Migration 16 on a version-15 database holding an export and a received package: the anchor columns appear, empty on
// the old rows (they carried no chain), their CHECKs refuse a bad head or status; the key tables take rotations and revocations.
import { afterEach, describe, expect, it } from 'vitest';
import path from 'node:path';
import { openDatabase } from '../../../electron/core/db/connection';
import { initCourt } from '../../../electron/core/setup/initCourt';
import { tempDir } from '../../helpers/tempDb';
import { migrationsUpTo } from '../../helpers/migrationFixtures';

const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((f) => f()));

function atVersion15(): string {
  const t = tempDir();
  cleanups.push(t.cleanup);
  const file = path.join(t.dir, 'court.sqlite');
  const { db } = openDatabase(file, { create: true, migrations: migrationsUpTo(15) });
  initCourt(db, '辽04', '测试市中级人民法院', 'tester', false);
  db.prepare(`INSERT INTO received_packages (package_id, sender_code, sender_name, sequence, kind, base_sequence, period_from, period_to,
      payload_sha256, manifest_json, created_at, includes_party_names, received_at, received_by)
    VALUES ('p-1', '辽0421', '某县', 1, 'full', NULL, '2025-01-01', '2025-06-30', ?, '{}', '2025-07-01', 0, '2025-07-01', 'tester')`).run('a'.repeat(64));
  expect(db.pragma('user_version', { simple: true })).toBe(15);
  db.close();
  return file;
}

describe('migration 0016: audit chain anchors, rotated and revoked keys', () => {
  it('adds the columns, null on the rows received before, and refuses a bad head or status', () => {
    const { db } = openDatabase(atVersion15(), { migrations: migrationsUpTo(16) });
    cleanups.push(() => db.close());
    expect(db.pragma('user_version', { simple: true })).toBe(16);
    expect(db.prepare('SELECT audit_length, audit_head, chain_status, chain_message FROM received_packages').get()).toEqual({ audit_length: null, audit_head: null, chain_status: null, chain_message: null });
    const cols = (db.prepare('PRAGMA table_info(exchange_exports)').all() as Array<{ name: string }>).map((c) => c.name);
    expect(cols).toEqual(expect.arrayContaining(['audit_length', 'audit_head']));
    expect(() => db.prepare("UPDATE received_packages SET chain_status = 'fine'").run()).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE received_packages SET audit_head = 'short'").run()).toThrow(/CHECK/);
    db.prepare("UPDATE received_packages SET audit_length = 3, audit_head = ?, chain_status = 'rewritten', chain_message = 'x'").run('b'.repeat(64));
    expect(db.prepare('SELECT COUNT(*) FROM exchange_sender_keys').pluck().get()).toBe(0);
    const key = 'R'.repeat(56);
    db.prepare("INSERT INTO exchange_sender_keys (court_code, public_key, fingerprint, from_sequence, source, added_at, added_by) VALUES ('辽0421', ?, ?, 5, 'rotation', 'now', 't')").run(key, 'c'.repeat(64));
    expect(() => db.prepare("INSERT INTO exchange_sender_keys (court_code, public_key, fingerprint, from_sequence, source, added_at, added_by) VALUES ('辽0421', ?, ?, 5, 'card', 'now', 't')").run(key, 'c'.repeat(64))).toThrow(/UNIQUE/);
    db.prepare("INSERT INTO exchange_key_revocations (court_code, public_key, from_sequence, revoked_at, revoked_by) VALUES ('辽0421', ?, 7, 'now', 't')").run(key);
    expect(() => db.prepare("INSERT INTO exchange_key_revocations (court_code, public_key, from_sequence, revoked_at, revoked_by) VALUES ('辽0421', ?, 0, 'now', 't')").run('S'.repeat(56))).toThrow(/CHECK/);
  });
});
