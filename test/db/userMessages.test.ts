// What a person reads when something goes wrong is Chinese and says what to do: impossible dates refused at the
// boundary, an empty database file called empty, and SQLite's or JavaScript's own English kept for the log.
import { afterEach, describe, expect, it } from 'vitest';
import { copyFileSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { AppRuntime } from '../../electron/core/app/appRuntime';
import { CoreStartError, openCore } from '../../electron/core/app/openCore';
import { AccountStore } from '../../electron/core/accounts/accountStore';
import { closeDatabase, openDatabase, openMarkerPath } from '../../electron/core/db/connection';
import { classifySqliteError } from '../../electron/core/db/errors';
import { checkBackup } from '../../electron/core/backup/backupCheck';
import { createBackup } from '../../electron/core/backup/backupWrite';
import { backupDirFor } from '../../electron/core/backup/backupNames';
import { explain } from '../../electron/core/backup/backupError';
import { toApiError } from '../../electron/core/kernel/errors';
import { guardedCall } from '../../electron/main/ipcGuard';
import { getSelfCourt } from '../../electron/core/court/courtStore';
import { freshCourtDb, record, tempDir } from '../helpers/tempDb';
import { breakIndexPage } from '../helpers/damage';

const TODAY = '2024-12-31';
const PRESIDENT = { name: '院长', password: 'president-1' };
const ADMIN = { name: '信息员', password: 'admin-pass-1' };

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

function court(cases = 30) {
  const t = freshCourtDb();
  t.put(Array.from({ length: cases }, (_, i) => record({ caseNumber: `（2024）辽0421民初${i + 1}号` })));
  const accounts = new AccountStore(t.db);
  accounts.create({ name: PRESIDENT.name, roles: ['president'], password: PRESIDENT.password, actor: 'tester' });
  accounts.create({ name: ADMIN.name, roles: ['admin'], password: ADMIN.password, actor: 'tester' });
  closeDatabase(t.db);
  cleanups.push(() => t.close());
  return t;
}

/** Latin words outside the paths and the commands a message names: English that reached a person. */
function expectNoEnglish(message: string): void {
  const rest = message.replace(/(?:[A-Za-z]:)?[\\/][^\s，。：；（）“”、]*/g, '').replace(/courtdesk [a-z-]+/g, '');
  expect(rest, message).not.toMatch(/[A-Za-z]{3,}/);
  expect(message).toMatch(/[\u4e00-\u9fff]/);
}

async function signedIn(dbPath: string, who: { name: string; password: string }) {
  const core = openCore({ dbPath, host: 'loopback', today: TODAY, jobWorker: null });
  cleanups.unshift(() => core.close());
  const r = await core.call('auth.signIn', who);
  expect(r.ok, JSON.stringify(r)).toBe(true);
  return { core, session: (r.session as { set: string }).set };
}

/** Adds 3 to the header's count of free pages: integrity_check reads on and lists what it finds, in English. */
function miscountFreelist(file: string): void {
  const buf = readFileSync(file);
  buf.writeUInt32BE(buf.readUInt32BE(36) + 3, 36);
  writeFileSync(file, buf);
}

/** Zeroes the start of the schema page's b-tree header: SQLite refuses the file on its first read (SQLITE_CORRUPT). */
function breakSchemaPage(file: string): void {
  const buf = readFileSync(file);
  buf.fill(0x00, 100, 108);
  writeFileSync(file, buf);
}

describe('audit.list dates', () => {
  it.each([['from', '2024-02-30'], ['to', '2024-02-30'], ['from', '2023-02-29'], ['to', '2024-04-31']])('refuses %s = %s in Chinese (was "Invalid time value")', async (key, day) => {
    const t = court(1);
    const { core, session } = await signedIn(t.file, PRESIDENT);
    const r = await core.call('audit.list', { [key]: day }, { session });
    expect(r).toEqual({ ok: false, error: { code: 'BAD_ARGS', message: `参数“${key}”：日期无效，应如 2024-01-05`, field: key } });
  });

  it('reads the last and the first possible day as bounds that include everything', async () => {
    const t = court(1);
    const { core, session } = await signedIn(t.file, PRESIDENT);
    const all = await core.call('audit.list', {}, { session });
    const total = (all as { value: { rows: unknown[] } }).value.rows.length;
    expect(total).toBeGreaterThan(0);
    for (const args of [{ to: '9999-12-31' }, { from: '0000-01-01' }, { from: '0000-01-01', to: '9999-12-31' }]) {
      const r = await core.call('audit.list', args, { session });
      expect((r as { value: { rows: unknown[] } }).value.rows.length, JSON.stringify(args)).toBe(total);
    }
    expect((await core.call('audit.list', { to: '2000-01-01' }, { session }) as { value: { rows: unknown[] } }).value.rows).toEqual([]);
  });
});

describe('an empty database file (0 bytes)', () => {
  function emptyFile(): string {
    const t = tempDir();
    cleanups.push(t.cleanup);
    const file = path.join(t.dir, 'court.sqlite');
    writeFileSync(file, '');
    return file;
  }

  it('is reported as empty, not missing, with what to do, and left as it was', () => {
    const file = emptyFile();
    let caught: unknown;
    try {
      openCore({ dbPath: file, host: 'cli', today: TODAY, jobWorker: null }).close();
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(CoreStartError);
    const err = caught as CoreStartError;
    expect(err.code).toBe('EMPTY_FILE');
    expect(err.message).toContain('空文件（0 字节）');
    expect(err.message).not.toContain('找不到');
    expect(err.message).toContain('从备份恢复');
    expect(err.message).toContain('courtdesk init');
    expect(statSync(file).size).toBe(0);
  });

  it('answers every call of the runtime with that reason', async () => {
    const file = emptyFile();
    const r = new AppRuntime({ dbPath: file, host: 'loopback', today: TODAY });
    cleanups.unshift(() => r.close());
    expect(r.startupFailure?.code).toBe('EMPTY_FILE');
    expect(await r.call('auth.status', {})).toMatchObject({ ok: false, error: { code: 'STARTUP_FAILED', message: expect.stringContaining('0 字节') } });
  });

  it('is initialised where a new database may be created (first-run setup)', async () => {
    const file = emptyFile();
    const core = openCore({ dbPath: file, host: 'loopback', today: TODAY, allowSetup: true, jobWorker: null });
    cleanups.unshift(() => core.close());
    expect(await core.call('auth.status', {})).toMatchObject({ ok: true, value: { setupNeeded: true } });
    expect(statSync(file).size).toBeGreaterThan(0);
    expect(getSelfCourt(core.db)).toBeNull();
  });

  it('is filled where a demonstration database is created', () => {
    const file = emptyFile();
    const core = openCore({ dbPath: file, host: 'loopback', today: TODAY, demo: { courtCode: '辽0421', courtName: '演示县人民法院', cases: 10, seed: 1 }, jobWorker: null });
    cleanups.unshift(() => core.close());
    expect(core.db.prepare('SELECT count(*) FROM cases').pluck().get()).toBe(10);
  });
});

describe('a damaged database', () => {
  it('is named damaged at open without SQLite\'s words ("database disk image is malformed"), which go to the log', () => {
    const t = court(5);
    breakSchemaPage(t.file);
    const log: string[] = [];
    let caught: unknown;
    try {
      openCore({ dbPath: t.file, host: 'cli', today: TODAY, jobWorker: null, log: (l) => log.push(l) }).close();
    } catch (err) {
      caught = err;
    }
    const err = caught as CoreStartError;
    expect(err.code).toBe('CORRUPT');
    expect(err.message).toContain('数据库文件已损坏');
    expect(err.message).not.toContain('malformed');
    expectNoEnglish(err.message);
    expect(log.join('\n')).toContain('database disk image is malformed');
  });

  it('classifies a real SQLite error with its text in the detail only', () => {
    const t = court(1);
    breakSchemaPage(t.file);
    let sqliteErr: unknown;
    try {
      new BetterSqlite3(t.file).prepare('SELECT count(*) FROM sqlite_schema').get();
    } catch (err) {
      sqliteErr = err;
    }
    const classified = classifySqliteError(sqliteErr, t.file);
    expect(classified.code).toBe('CORRUPT');
    expectNoEnglish(classified.message);
    expect(classified.detail).toContain('malformed');
  });

  it('is named damaged without the check\'s rows when the last session died and the open checks it', () => {
    const t = court(300);
    breakIndexPage(t.file, 'cases_filed');
    // A process id that is not running: the last session ended without closing, so the open runs quick_check.
    writeFileSync(openMarkerPath(t.file), '999999999\n');
    let caught: unknown;
    try {
      openCore({ dbPath: t.file, host: 'cli', today: TODAY, jobWorker: null }).close();
    } catch (err) {
      caught = err;
    }
    const err = caught as CoreStartError;
    expect(err.code).toBe('CORRUPT');
    expect(err.message).toContain('上次程序未正常退出');
    expectNoEnglish(err.message);
  });

  it('is named damaged without the check\'s rows when the check beside the running app finds it', async () => {
    const t = court(300);
    breakIndexPage(t.file, 'cases_filed');
    const log: string[] = [];
    const r = new AppRuntime({ dbPath: t.file, host: 'loopback', today: TODAY, log: (l) => log.push(l) });
    cleanups.unshift(() => r.close());
    await r.checkAtStart();
    const failure = r.startupFailure!;
    expect(failure.code).toBe('CORRUPT');
    expect(failure.message).toMatch(/启动检查发现 \d+ 处问题/);
    expectNoEnglish(failure.message);
    // The rows themselves are in the log, for whoever repairs the file.
    expect(log.join('\n')).toMatch(/[A-Za-z]{3,}/);
  });

  it('answers a call that meets a damaged page without SQLite\'s words', async () => {
    const t = court(300);
    breakIndexPage(t.file, 'cases_filed');
    const { core, session } = await signedIn(t.file, PRESIDENT);
    const r = await core.call('cases.list', { sort: 'filedOn_desc' }, { session });
    expect(r.ok).toBe(false);
    const { message } = (r as { error: { message: string } }).error;
    expect(message).toContain('已损坏');
    expectNoEnglish(message);
  });

  it('is called a failed upgrade without SQLite\'s words when a migration fails', () => {
    const t = court(1);
    // A file that says it is at version 1 but holds the later tables: the next migration meets what it would create.
    const d = new BetterSqlite3(t.file);
    d.pragma('user_version = 1');
    d.close();
    const log: string[] = [];
    let caught: unknown;
    try {
      openCore({ dbPath: t.file, host: 'cli', today: TODAY, jobWorker: null, log: (l) => log.push(l) }).close();
    } catch (err) {
      caught = err;
    }
    const err = caught as CoreStartError;
    expect(err.code).toBe('MIGRATION_FAILED');
    expect(err.message).toContain('数据库升级失败');
    expectNoEnglish(err.message);
    expect(log.join('\n')).toMatch(/already exists|duplicate/);
  });
});

describe('backups', () => {
  it('calls a damaged backup damaged, with how many problems, not with integrity_check\'s rows', async () => {
    const t = court(300);
    const { db } = openDatabase(t.file);
    const made = await createBackup(db, t.file, { reason: 'manual' });
    closeDatabase(db);
    // Damage integrity_check reports in rows rather than by refusing to read: a wrong free-page count in the header.
    miscountFreelist(made.file);
    const check = checkBackup(made.file);
    expect(check.ok).toBe(false);
    expect(check.message).toMatch(/^备份文件已损坏（检查发现 \d+ 处问题）$/);
  });

  it('calls a backup SQLite cannot read unreadable, in Chinese', () => {
    const t = court(1);
    breakSchemaPage(t.file);
    expectNoEnglish(checkBackup(t.file).message);
  });

  it('explains a failed copy in Chinese whatever the error', async () => {
    const t = court(1);
    // A database whose name leaves no room for a backup's stamp: the system's "ENAMETOOLONG: name too long, open …"
    // is no sentence for a clerk.
    const longName = path.join(path.dirname(t.file), `${'法'.repeat(80)}.sqlite`);
    copyFileSync(t.file, longName);
    const { db } = openDatabase(longName);
    cleanups.unshift(() => closeDatabase(db));
    let caught: unknown;
    try {
      await createBackup(db, longName, { reason: 'manual' });
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(Error);
    const message = (caught as Error).message;
    expect(message).toBe('备份失败，未生成备份文件：文件名或路径过长');
    // Errors nobody foresaw get a sentence too.
    expectNoEnglish(explain(new Error('something odd happened')));
    expectNoEnglish(explain(Object.assign(new Error('disk I/O error'), { code: 'SQLITE_IOERR_WRITE' })));
  });

  it('names the folder problem to the administrator through the API, and logs the system\'s words', async () => {
    const t = court(1);
    // A file where the backups folder should be.
    writeFileSync(backupDirFor(t.file), 'x');
    const log: string[] = [];
    const core = openCore({ dbPath: t.file, host: 'loopback', today: TODAY, jobWorker: null, log: (l) => log.push(l) });
    cleanups.unshift(() => core.close());
    const session = ((await core.call('auth.signIn', ADMIN)).session as { set: string }).set;
    const r = await core.call('backup.create', {}, { session });
    expect(r).toMatchObject({ ok: false, error: { code: 'DB_ERROR', message: expect.stringContaining('不是文件夹') } });
    expectNoEnglish((r as { error: { message: string } }).error.message);
    expect(log.join('\n')).toContain('EEXIST');
  });
});

describe('errors the core did not foresee', () => {
  function realSqliteError(sql: string, readonly = false): unknown {
    const t = court(1);
    const d = new BetterSqlite3(t.file, { readonly });
    try {
      d.prepare(sql).run();
    } catch (err) {
      return err;
    } finally {
      d.close();
    }
    throw new Error('expected SQLite to refuse');
  }

  it.each([
    ['SQLITE_ERROR', 'SELECT * FROM no_such_table'],
    ['SQLITE_READONLY', 'CREATE TABLE z (x)'],
  ])('answer %s without SQLite\'s code or words', (_code, sql) => {
    const err = realSqliteError(sql, _code === 'SQLITE_READONLY');
    const log: string[] = [];
    const answer = toApiError(err, (l) => log.push(l));
    expect(answer.code).toBe('DB_ERROR');
    expectNoEnglish(answer.message);
    expect(log.join('\n')).toContain(_code);
  });

  it('answer an exception in the Electron IPC guard without its text', async () => {
    const answer = await guardedCall({ call: () => Promise.reject(new TypeError('Cannot read properties of undefined')) }, 'app.info', 'app://courtdesk/index.html', {});
    expect(answer.ok).toBe(false);
    expectNoEnglish((answer as { error: { message: string } }).error.message);
  });
});
