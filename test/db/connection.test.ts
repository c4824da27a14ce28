// Opening databases: pragmas, migrations in one transaction, newer and damaged files refused and left untouched.
import { afterEach, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { openDatabase } from '../../electron/core/db/connection';
import { openCourtDatabase } from '../../electron/core/backup/openCourtDatabase';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../electron/core/db/migrations';
import { DbOpenError } from '../../electron/core/db/errors';
import { tempDir } from '../helpers/tempDb';

const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((f) => f()));
function dir() {
  const t = tempDir();
  cleanups.push(t.cleanup);
  return t.dir;
}
const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

function expectOpenError(fn: () => unknown, code: string): DbOpenError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(DbOpenError);
    expect((err as DbOpenError).code).toBe(code);
    return err as DbOpenError;
  }
  throw new Error('expected the open to fail');
}

describe('openDatabase', () => {
  it('creates a new file at the latest schema with WAL, full sync and foreign keys', () => {
    const file = path.join(dir(), 'a.sqlite');
    const { db, previousVersion, schemaVersion } = openDatabase(file, { create: true });
    expect(previousVersion).toBe(0);
    expect(schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").pluck().all();
    for (const t of ['courts', 'divisions', 'staff', 'staff_roles', 'cases', 'case_events', 'extension_requests', 'extension_decisions', 'audit_log', 'deletions', 'settings', 'row_clock']) {
      expect(tables).toContain(t);
    }
    db.close();
  });

  it('refuses a missing file unless asked to create it', () => {
    expectOpenError(() => openDatabase(path.join(dir(), 'none.sqlite')), 'NOT_FOUND');
  });

  it('refuses a file from a newer version and leaves it byte for byte untouched', () => {
    const file = path.join(dir(), 'newer.sqlite');
    const raw = new BetterSqlite3(file);
    raw.exec('CREATE TABLE x (a)');
    raw.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 5}`);
    raw.close();
    const before = sha(file);
    const err = expectOpenError(() => openDatabase(file), 'NEWER_VERSION');
    expect(err.message).toContain('更新版本');
    expect(sha(file)).toBe(before);
    expect(existsSync(file + '-wal')).toBe(false);
  });

  it('refuses a file that is not a database and leaves it untouched', () => {
    const file = path.join(dir(), 'junk.sqlite');
    writeFileSync(file, 'this is not a database, just text that is long enough to have a header'.repeat(100));
    const before = sha(file);
    const err = expectOpenError(() => openDatabase(file), 'NOT_A_DATABASE');
    expect(err.message).toContain('不是法院质效台的数据库');
    expect(sha(file)).toBe(before);
  });

  it('upgrades an older file in one transaction, after a backup, keeping its data searchable', () => {
    const d = dir();
    const file = path.join(d, 'old.sqlite');
    const v1 = openDatabase(file, { create: true, migrations: MIGRATIONS.slice(0, 1) });
    v1.db.exec(`
      INSERT INTO courts (id, code, name, level, is_self, row_version, updated_at) VALUES (1, '辽0421', '测试', 'basic', 1, 1, 'x');
      INSERT INTO divisions (id, court_id, name, kind, row_version, updated_at) VALUES (1, 1, '民一庭', 'division', 1, 'x');
      INSERT INTO staff (id, court_id, name, row_version, updated_at) VALUES (1, 1, '王法官', 1, 'x');
      INSERT INTO cases (case_number, court_code, year, type_code, seq, cause, filed_on, division_id, judge_id, plaintiffs, defendants,
        clock, row_version, created_at, updated_at)
      VALUES ('（2024）辽0421民初1号', '辽0421', 2024, '民初', 1, '民间借贷纠纷', '2024-01-02', 1, 1, '欧阳修远', '李四', 'running', 1, 'x', 'x');
    `);
    expect(v1.db.pragma('user_version', { simple: true })).toBe(1);
    v1.db.close();

    const up = openCourtDatabase(file);
    expect(up.previousVersion).toBe(1);
    expect(up.db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(up.preMigrationBackup).not.toBeNull();
    expect(existsSync(up.preMigrationBackup!)).toBe(true);
    const hits = up.db.prepare("SELECT rowid FROM case_search WHERE case_search MATCH '\"欧阳修\"'").pluck().all();
    expect(hits).toEqual([1]);
    up.db.close();

    const backup = new BetterSqlite3(up.preMigrationBackup!, { readonly: true });
    expect(backup.pragma('user_version', { simple: true })).toBe(1);
    expect(backup.prepare('SELECT count(*) FROM cases').pluck().get()).toBe(1);
    backup.close();
  });

  it('leaves the file at its old version when a migration fails halfway', () => {
    const d = dir();
    const file = path.join(d, 'fail.sqlite');
    openDatabase(file, { create: true, migrations: MIGRATIONS.slice(0, 1) }).db.close();
    const broken = [
      ...MIGRATIONS.slice(0, 1),
      { version: 2, name: 'adds a table', up: (db: BetterSqlite3.Database) => db.exec('CREATE TABLE added (a)') },
      { version: 3, name: 'fails', up: (db: BetterSqlite3.Database) => db.exec('CREATE TABLE broken (') },
    ];
    const err = expectOpenError(() => openCourtDatabase(file, { migrations: broken }), 'MIGRATION_FAILED');
    expect(err.message).toContain('结构版本 1');
    const check = new BetterSqlite3(file, { readonly: true });
    expect(check.pragma('user_version', { simple: true })).toBe(1);
    expect(check.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'added'").pluck().get()).toBe(0);
    check.close();
    // One copy, taken before the failed upgrade (beside it, the log of the audit chain's anchors).
    expect(readdirSync(path.join(d, 'backups')).filter((f) => f.endsWith('.sqlite'))).toHaveLength(1);
  });

  it('numbers migrations 1, 2, … without gaps', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
  });
});

describe('the beforeMigrate hook', () => {
  it('runs only before upgrading a file that holds data, at its old version, and a failure leaves the file as it was', () => {
    const d = dir();
    const file = path.join(d, 'hook.sqlite');
    const seen: Array<{ version: number; file: string }> = [];
    const hook = (db: BetterSqlite3.Database, f: string) => {
      seen.push({ version: db.pragma('user_version', { simple: true }) as number, file: f });
      return `${f}.copy`;
    };
    const created = openDatabase(file, { create: true, migrations: MIGRATIONS.slice(0, 1), beforeMigrate: hook });
    expect(created.preMigrationBackup).toBeNull();
    created.db.close();
    expect(seen).toEqual([]);

    const refused = () => {
      throw new Error('no room for the copy');
    };
    const err = expectOpenError(() => openDatabase(file, { beforeMigrate: refused }), 'MIGRATION_FAILED');
    expect(err.detail).toContain('no room for the copy');
    expect(err.message.replace(file, '')).not.toMatch(/[A-Za-z]{3,}/);
    const check = new BetterSqlite3(file, { readonly: true });
    expect(check.pragma('user_version', { simple: true })).toBe(1);
    check.close();

    const up = openDatabase(file, { beforeMigrate: hook });
    expect(seen).toEqual([{ version: 1, file }]);
    expect(up.preMigrationBackup).toBe(`${file}.copy`);
    expect(up.db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    up.db.close();
    // Without the hook nothing is copied: backups are the backup module's business (backup/openCourtDatabase.ts).
    expect(existsSync(path.join(d, 'backups'))).toBe(false);
  });

  it('reports a damaged file without looking for backups; openCourtDatabase adds the hint', () => {
    const file = path.join(dir(), 'damaged.sqlite');
    const made = openDatabase(file, { create: true });
    made.db.exec("CREATE TABLE filler (x); WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 50) INSERT INTO filler SELECT zeroblob(4000) FROM n");
    made.db.pragma('wal_checkpoint(TRUNCATE)');
    made.db.close();
    writeFileSync(file, readFileSync(file).subarray(0, 4096 * 3));
    const plain = expectOpenError(() => openDatabase(file), 'CORRUPT');
    expect(plain.latestGoodBackup).toBeNull();
    expect(plain.message).not.toContain('备份：');
    const court = expectOpenError(() => openCourtDatabase(file), 'CORRUPT');
    expect(court.message).toContain('中没有找到完好的备份');
  });
});
