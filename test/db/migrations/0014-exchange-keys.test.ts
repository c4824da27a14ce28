// Migration 14 on a version-13 court: the exchange key tables arrive empty, every existing row and schema entry stays, and their CHECKs hold.
import { afterEach, describe, expect, it } from 'vitest';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { openDatabase } from '../../../electron/core/db/connection';
import { initCourt } from '../../../electron/core/setup/initCourt';
import { tempDir } from '../../helpers/tempDb';
import { migrationsUpTo, schemaOf } from '../../helpers/migrationFixtures';

const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((f) => f()));

const NEW = ['exchange_own_keys', 'exchange_recipients', 'exchange_senders'];
const tablesOf = (db: BetterSqlite3.Database) => db
  .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name")
  .pluck().all() as string[];

function atVersion13(): string {
  const t = tempDir();
  cleanups.push(t.cleanup);
  const file = path.join(t.dir, 'court.sqlite');
  const { db } = openDatabase(file, { create: true, migrations: migrationsUpTo(13) });
  initCourt(db, '辽0421', '测试县人民法院', 'tester', false);
  expect(db.pragma('user_version', { simple: true })).toBe(13);
  db.close();
  return file;
}

describe('migration 0014: exchange keys', () => {
  it('adds three empty tables and changes nothing else', () => {
    const file = atVersion13();
    const before = new BetterSqlite3(file, { readonly: true });
    const tables = tablesOf(before);
    const rows = Object.fromEntries(tables.map((t) => [t, before.prepare(`SELECT * FROM "${t}"`).all()]));
    const schemaBefore = schemaOf(before).rows;
    before.close();
    const { db } = openDatabase(file, { migrations: migrationsUpTo(14) });
    cleanups.unshift(() => db.close());
    expect(db.pragma('user_version', { simple: true })).toBe(14);
    expect(tablesOf(db)).toEqual([...tables, ...NEW].sort());
    for (const t of tables) expect(db.prepare(`SELECT * FROM "${t}"`).all(), t).toEqual(rows[t]);
    expect(schemaOf(db).rows.filter((r) => !NEW.includes(r.tbl_name))).toEqual(schemaBefore);
    for (const t of NEW) expect(db.prepare(`SELECT count(*) FROM ${t}`).pluck().get()).toBe(0);
  });

  it('holds one current key of each kind, one current recipient, one row per sender court, and the CHECKs', () => {
    const { db } = openDatabase(atVersion13(), { migrations: migrationsUpTo(14) });
    cleanups.unshift(() => db.close());
    const fp = 'a'.repeat(64);
    const key = (kind: string, retired: string | null = null, sealed: Buffer = Buffer.from('x')) => () =>
      db.prepare("INSERT INTO exchange_own_keys (kind, public_text, fingerprint, sealed, created_at, created_by, retired_at) VALUES (?, 'k', ?, ?, 'x', 'x', ?)").run(kind, fp, sealed, retired);
    expect(key('minisign')).not.toThrow();
    expect(key('minisign')).toThrow(/UNIQUE/);
    expect(key('minisign', 'retired')).not.toThrow();
    expect(key('age')).not.toThrow();
    expect(key('rsa')).toThrow(/CHECK/);
    expect(key('age', 'r', Buffer.alloc(0))).toThrow(/CHECK/);
    const recipient = 'age1' + 'q'.repeat(58);
    const rcpt = (r: string, replaced: string | null = null) => () =>
      db.prepare("INSERT INTO exchange_recipients (court_code, court_name, recipient, fingerprint, set_at, set_by, replaced_at) VALUES ('辽04', '中院', ?, ?, 'x', 'x', ?)").run(r, fp, replaced);
    expect(rcpt(recipient)).not.toThrow();
    expect(rcpt(recipient)).toThrow(/UNIQUE/);
    expect(rcpt(recipient, 'then')).not.toThrow();
    expect(rcpt('ssh-ed25519 AAAA', 'then')).toThrow(/CHECK/);
    const sender = (code: string, keyLen = 56) => () =>
      db.prepare("INSERT INTO exchange_senders (court_code, court_name, public_key, fingerprint, registered_at, registered_by) VALUES (?, '县院', ?, ?, 'x', 'x')").run(code, 'R'.repeat(keyLen), fp);
    expect(sender('辽0421')).not.toThrow();
    expect(sender('辽0421')).toThrow(/UNIQUE/);
    expect(sender('辽0422', 55)).toThrow(/CHECK/);
  });
});
