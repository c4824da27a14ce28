// Crash safety on real files: a killed import leaves the data as before, damaged files are named and restorable, crashes are checked.
import { afterEach, describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { ROOT, TESTER, cli, ensureBuilt, initDb } from '../helpers/cli';
import { freshCourtDb, record, tempDir } from '../helpers/tempDb';
import { breakIndexPage } from '../helpers/damage';
import { generateCourt } from '../../electron/core/generator/generate';
import { closeDatabase, openMarkerPath } from '../../electron/core/db/connection';
import { openCourtDatabase } from '../../electron/core/backup/openCourtDatabase';
import { DbOpenError } from '../../electron/core/db/errors';
import { createBackup } from '../../electron/core/backup/backupWrite';

const TODAY = '2024-12-31';
const HEADER = '案号,案由,审判程序,立案日期,承办部门,承办法官,结案日期,结案方式,原告,被告';

const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((f) => f()));
function dir() {
  const t = tempDir();
  cleanups.push(t.cleanup);
  return t.dir;
}

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

function csvLines(count: number, seed: number): string[] {
  const esc = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  return [...generateCourt({ courtCode: '辽0421', cases: count, seed, today: TODAY }).cases].map(({ record: r }) =>
    [r.caseNumber, r.cause, r.procedure ?? '', r.filedOn, r.division, r.judge, r.closedOn ?? '', r.closingMethod ?? '', r.plaintiffs.join('、'), r.defendants.join('、')]
      .map(esc).join(','));
}

function state(file: string) {
  const d = new BetterSqlite3(file, { readonly: true });
  try {
    return {
      cases: d.prepare('SELECT count(*) FROM cases').pluck().get() as number,
      casesHash: createHash('sha256').update(JSON.stringify(d.prepare('SELECT * FROM cases ORDER BY id').raw().all())).digest('hex'),
      audit: d.prepare('SELECT count(*) FROM audit_log').pluck().get() as number,
      indexes: d.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'index' ORDER BY name").all(),
    };
  } finally {
    d.close();
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Whether some connection holds the write lock: BEGIN IMMEDIATE fails at once with SQLITE_BUSY. */
function writeLocked(probe: BetterSqlite3.Database): boolean {
  try {
    probe.exec('BEGIN IMMEDIATE');
    probe.exec('ROLLBACK');
    return false;
  } catch (err) {
    if ((err as { code?: string }).code === 'SQLITE_BUSY') return true;
    throw err;
  }
}

/** A pid that certainly belongs to no running process: one of a child that has exited. */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', '0']);
  return r.pid!;
}

describe('a process killed in the middle of a large import', () => {
  it('leaves the cases exactly as before the import, and the next open checks the file', async () => {
    ensureBuilt();
    const d = dir();
    const db = path.join(d, 'court.sqlite');
    initDb(db);
    const lines = csvLines(60_000, 11);
    writeFileSync(path.join(d, 'small.csv'), [HEADER, ...lines.slice(0, 200)].join('\n'));
    const first = cli(['--db', db, '--today', TODAY, 'import', '--create-missing', path.join(d, 'small.csv')]);
    expect(first.code, first.err).toBe(0);
    writeFileSync(path.join(d, 'big.csv'), [HEADER, ...lines].join('\n'));
    const before = state(db);
    expect(before.cases).toBe(200);

    const child = spawn(process.execPath, [path.join(ROOT, 'bin/courtdesk.cjs'), '--db', db, '--today', TODAY, 'import', '--create-missing', path.join(d, 'big.csv')], {
      cwd: ROOT, env: { ...process.env, COURTDESK_USER: TESTER.name, COURTDESK_PASSWORD: TESTER.password }, stdio: 'ignore',
    });
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
    let done = false;
    void exited.then(() => (done = true));

    // No hook in the product: the import's write transaction is visible from outside as the database's write lock.
    const probe = new BetterSqlite3(db);
    probe.pragma('busy_timeout = 0');
    let lockedSince = 0;
    const deadline = Date.now() + 60_000;
    while (!done && Date.now() < deadline) {
      if (writeLocked(probe)) {
        lockedSince ||= Date.now();
        // Well inside the transaction: half a second of inserting, or the WAL already past a megabyte.
        const wal = existsSync(`${db}-wal`) ? statSync(`${db}-wal`).size : 0;
        if (Date.now() - lockedSince > 500 || wal > 1024 * 1024) break;
      } else lockedSince = 0;
      await sleep(lockedSince ? 20 : 50);
    }
    expect(done, 'the import finished before it could be killed').toBe(false);
    expect(writeLocked(probe)).toBe(true);
    probe.close();
    child.kill('SIGKILL');
    expect(await exited).toEqual({ code: null, signal: 'SIGKILL' });
    expect(existsSync(openMarkerPath(db))).toBe(true);

    const opened = openCourtDatabase(db);
    expect(opened.checkedAfterUncleanShutdown).toBe(true);
    expect(opened.db.pragma('integrity_check', { simple: true })).toBe('ok');
    closeDatabase(opened.db);
    expect(existsSync(openMarkerPath(db))).toBe(false);
    expect(state(db)).toEqual(before);
  }, 120_000);
});

describe('damaged database files', () => {
  it.each([
    ['cut to half its size', (file: string) => truncateSync(file, Math.floor(statSync(file).size / 2))],
    ['overwritten in the middle', (file: string) => {
      const buf = readFileSync(file);
      const page = 4096;
      const from = Math.floor(buf.length / page / 3) * page;
      for (let i = from; i < from + Math.floor(buf.length / 3); i++) buf[i] = (i * 7919) & 0xff;
      writeFileSync(file, buf);
    }],
  ])('a database %s: cases exits 1 naming the latest good backup, the file stays as it is, restore repairs it', (_label, damage) => {
    ensureBuilt();
    const d = dir();
    const db = path.join(d, 'court.sqlite');
    initDb(db);
    writeFileSync(path.join(d, 'cases.csv'), [HEADER, ...csvLines(3000, 5)].join('\n'));
    expect(cli(['--db', db, '--today', TODAY, 'import', '--create-missing', path.join(d, 'cases.csv')]).code).toBe(0);
    const backup = cli(['--db', db, '--json', 'backup']);
    expect(backup.code, backup.err).toBe(0);
    const good = (backup.json() as { file: string }).file;
    const expected = state(good);

    damage(db);
    const damaged = sha(db);
    // Every case, so that the command reads the damaged pages wherever they are.
    const r = cli(['--db', db, '--today', TODAY, 'cases', '--limit', '100000']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/损坏|不是法院质效台的数据库/);
    expect(r.err).toContain(`最近一份完好的备份：${good}`);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(sha(db)).toBe(damaged);

    const restored = cli(['--db', db, 'restore', good]);
    expect(restored.code, restored.err).toBe(0);
    expect(restored.out).toContain('已改名保留为');
    const listed = cli(['--db', db, '--today', TODAY, 'cases', '--limit', '100000']);
    expect(listed.code, listed.err).toBe(0);
    expect(listed.out.trim().split('\n')).toHaveLength(3000);
    // The data of the backup, and one more audit entry: the restore itself.
    expect(state(db)).toEqual({ ...expected, audit: expected.audit + 1 });
    const last = new BetterSqlite3(db, { readonly: true });
    expect(last.prepare('SELECT action FROM audit_log ORDER BY id DESC LIMIT 1').pluck().get()).toBe('restore');
    last.close();
  }, 120_000);

  it('in-process: a truncated file is CORRUPT with the latest good backup on the error', async () => {
    const t = freshCourtDb();
    cleanups.push(() => t.close());
    t.put([record({ caseNumber: '（2024）辽0421民初1号' })]);
    const good = await createBackup(t.db, t.file, { reason: 'manual' });
    closeDatabase(t.db);
    cpSync(t.file, `${t.file}.copy`);
    truncateSync(t.file, 4096 * 3);
    const err = (() => {
      try {
        openCourtDatabase(t.file);
      } catch (e) {
        return e as DbOpenError;
      }
      throw new Error('expected the open to fail');
    })();
    expect(err).toBeInstanceOf(DbOpenError);
    expect(err.code).toBe('CORRUPT');
    expect(err.latestGoodBackup).toBe(good.file);
    expect(err.message).toContain(good.file);
  });
});

describe('start-up after an unclean shutdown', () => {
  it('runs quick_check only when a session died, and refuses a file it finds damaged, naming the backup', async () => {
    const t = freshCourtDb();
    cleanups.push(() => t.close());
    t.put(Array.from({ length: 300 }, (_, i) => record({ caseNumber: `（2024）辽0421民初${i + 1}号`, filedOn: `2024-0${(i % 9) + 1}-1${i % 10}` })));
    const good = await createBackup(t.db, t.file, { reason: 'manual' });
    closeDatabase(t.db);
    const marker = openMarkerPath(t.file);
    expect(existsSync(marker)).toBe(false);

    const clean = openCourtDatabase(t.file);
    expect(clean.checkedAfterUncleanShutdown).toBe(false);
    expect(readFileSync(marker, 'utf8').trim()).toBe(String(process.pid));
    closeDatabase(clean.db);
    expect(existsSync(marker)).toBe(false);

    // Another session still running (this process) is not a crash.
    writeFileSync(marker, `${process.pid}\n`);
    const shared = openCourtDatabase(t.file);
    expect(shared.checkedAfterUncleanShutdown).toBe(false);
    closeDatabase(shared.db);
    closeDatabase(openCourtDatabase(t.file).db);

    writeFileSync(marker, `${deadPid()}\n`);
    const after = openCourtDatabase(t.file);
    expect(after.checkedAfterUncleanShutdown).toBe(true);
    closeDatabase(after.db);
    expect(existsSync(marker)).toBe(false);

    breakIndexPage(t.file, 'cases_filed');
    const unnoticed = openCourtDatabase(t.file);
    expect(unnoticed.checkedAfterUncleanShutdown).toBe(false);
    closeDatabase(unnoticed.db);

    const dead = deadPid();
    writeFileSync(marker, `${dead}\n`);
    const before = sha(t.file);
    let err: DbOpenError | null = null;
    try {
      closeDatabase(openCourtDatabase(t.file).db);
    } catch (e) {
      err = e as DbOpenError;
    }
    expect(err).toBeInstanceOf(DbOpenError);
    expect(err!.code).toBe('CORRUPT');
    expect(err!.message).toContain('上次程序未正常退出');
    expect(err!.message).toContain(`最近一份完好的备份：${good.file}`);
    expect(sha(t.file)).toBe(before);
    // Still marked: the next start checks again rather than trusting the file.
    expect(readFileSync(marker, 'utf8').trim()).toBe(String(dead));
  });
});
