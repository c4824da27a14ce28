// Another program's SQLite file is never turned into ours: refused with a clear message and left byte for byte as it
// was; only an empty file is initialised, and only where creating is asked for. Our own files say whose they are.
import { afterEach, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { COURTDESK_APPLICATION_ID, openDatabase, closeDatabase } from '../../electron/core/db/connection';
import { openCourtDatabase } from '../../electron/core/backup/openCourtDatabase';
import { DbOpenError } from '../../electron/core/db/errors';
import { cli, ensureBuilt } from '../helpers/cli';
import { freshCourtDb, tempDir } from '../helpers/tempDb';

const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((f) => f()));

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

function sqliteFile(setup: (db: BetterSqlite3.Database) => void): { file: string; dir: string } {
  const t = tempDir();
  cleanups.push(t.cleanup);
  const file = path.join(t.dir, 'other.sqlite');
  const db = new BetterSqlite3(file);
  setup(db);
  db.close();
  return { file, dir: t.dir };
}

function refusal(fn: () => unknown): DbOpenError {
  try {
    fn();
  } catch (err) {
    if (err instanceof DbOpenError) return err;
    throw err;
  }
  throw new Error('not refused');
}

describe('a file that is not ours', () => {
  it.each([
    ['a table of its own', (db: BetterSqlite3.Database) => db.exec("CREATE TABLE patients (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO patients VALUES (1, '病人')"), /含有表 patients/],
    ['its own user_version', (db: BetterSqlite3.Database) => { db.exec('CREATE TABLE items (a)'); db.pragma('user_version = 3'); }, /含有表 items/],
    ['another application id', (db: BetterSqlite3.Database) => { db.exec('CREATE TABLE cases (a); CREATE TABLE courts (a); CREATE TABLE row_clock (a); CREATE TABLE audit_log (a)'); db.pragma('application_id = 42'); }, /SQLite 应用标识 42/],
  ])('with %s is refused untouched, even where creating is allowed', (_what, setup, message) => {
    const { file, dir } = sqliteFile(setup);
    const before = sha(file);
    for (const create of [false, true]) {
      const err = refusal(() => openCourtDatabase(file, { create }));
      expect(err.code).toBe('FOREIGN');
      expect(err.message).toMatch(message);
      expect(err.message).toContain('未作任何修改');
    }
    expect(sha(file)).toBe(before);
    // No WAL, no marker, no backups folder: nothing was written beside it either.
    expect(readdirSync(dir)).toEqual(['other.sqlite']);
  });

  it('is refused by the command line with one Chinese line, the file untouched', () => {
    ensureBuilt();
    const { file, dir } = sqliteFile((db) => db.exec("CREATE TABLE patients (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO patients VALUES (1, '病人')"));
    const before = sha(file);
    const r = cli(['--db', file, 'cases']);
    expect(r.code).toBe(1);
    expect(r.err).toContain('不是法院质效台的数据库');
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(sha(file)).toBe(before);
    expect(readdirSync(dir)).toEqual(['other.sqlite']);
  });
});

describe('an empty database file', () => {
  it('is initialised only where creating is asked for', () => {
    const { file } = sqliteFile((db) => db.exec('CREATE TABLE t (a); DROP TABLE t'));
    const before = sha(file);
    expect(refusal(() => openDatabase(file)).message).toContain('数据库文件是空的');
    expect(sha(file)).toBe(before);
    const { db } = openDatabase(file, { create: true });
    expect(db.pragma('application_id', { simple: true })).toBe(COURTDESK_APPLICATION_ID);
    closeDatabase(db);
  });
});

describe('our own files', () => {
  it('carry CourtDesk\'s application id from the first migration run on', () => {
    const t = freshCourtDb();
    cleanups.push(() => t.close());
    expect(t.db.pragma('application_id', { simple: true })).toBe(0x4344736b);
  });

  it('open as before when they have no application id yet (written before migration 5)', () => {
    const t = freshCourtDb();
    cleanups.push(() => t.close());
    t.db.pragma('application_id = 0');
    closeDatabase(t.db);
    const { db } = openDatabase(t.file);
    expect(db.prepare('SELECT count(*) FROM courts').pluck().get()).toBe(1);
    closeDatabase(db);
    expect(existsSync(t.file)).toBe(true);
  });
});
