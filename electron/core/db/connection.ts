// Opens a CourtDesk database: refuses newer or damaged files untouched, sets the pragmas, runs pending migrations.
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DbOpenError, classifySqliteError } from './errors';
import { LATEST_SCHEMA_VERSION, MIGRATIONS, type Migration } from './migrations';
import { DEFAULT_KEEP, backupDirFor, formatLocalTime, fsyncDir, latestGoodBackup, nextBackupTarget, rotateBackups } from '../backup/backups';

export interface OpenOptions {
  /** Create the file when missing (init, demo); otherwise a missing file is an error. */
  create?: boolean;
  readonly?: boolean;
  /** For tests of the migration machinery only. */
  migrations?: Migration[];
  /** Where the pre-migration copy goes; defaults to a backups folder beside the database. */
  backupDir?: string;
}

export interface OpenedDatabase {
  db: Database;
  path: string;
  /** Schema version before this open ran migrations; 0 for a new file. */
  previousVersion: number;
  schemaVersion: number;
  /** The copy taken before upgrading an existing file, if any. */
  preMigrationBackup: string | null;
  /** True when the previous session ended without closeDatabase and PRAGMA quick_check ran (and passed) on this open. */
  checkedAfterUncleanShutdown: boolean;
}

function readUserVersion(file: string): number {
  // Read-only first: a newer file must be left byte-for-byte untouched, and switching to WAL would write to it.
  const probe = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  try {
    return probe.pragma('user_version', { simple: true }) as number;
  } finally {
    probe.close();
  }
}

export function openDatabase(file: string, options: OpenOptions = {}): OpenedDatabase {
  const migrations = options.migrations ?? MIGRATIONS;
  const latest = migrations.length ? migrations[migrations.length - 1].version : 0;
  const exists = existsSync(file) && statSync(file).size > 0;
  if (!exists && !options.create) {
    throw new DbOpenError('NOT_FOUND', `找不到数据库文件：${file}。请先用 courtdesk init 创建数据库`, file);
  }

  let previousVersion = 0;
  if (exists) {
    try {
      previousVersion = readUserVersion(file);
    } catch (err) {
      throw withBackupHint(classifySqliteError(err, file));
    }
    if (previousVersion > latest) {
      throw new DbOpenError(
        'NEWER_VERSION',
        `该数据库由更新版本的法院质效台创建（结构版本 ${previousVersion}，本程序支持到 ${latest}），为保护数据未作任何修改。请升级程序后再打开：${file}`,
        file,
      );
    }
  } else {
    mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  }

  let db: Database;
  try {
    db = new BetterSqlite3(file, { readonly: !!options.readonly, fileMustExist: exists });
    if (!options.readonly) {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
    }
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    // 64 MB of page cache: a million-case database keeps its hot index pages in memory within the RSS budget.
    db.pragma('cache_size = -65536');
    // Reading the schema catches a file that is not a database before anything is written to it.
    db.prepare('SELECT count(*) FROM sqlite_schema').get();
  } catch (err) {
    throw withBackupHint(classifySqliteError(err, file));
  }

  const marker = options.readonly ? null : readOpenMarker(file);
  const checkedAfterUncleanShutdown = exists && marker !== null && marker.some((pid) => !processAlive(pid));
  if (checkedAfterUncleanShutdown) {
    // The last session died (power cut, killed process): quick_check walks every b-tree, seconds on a million cases,
    // which is why it runs only here and not on every start.
    let problems: string[];
    try {
      problems = (db.pragma('quick_check(10)') as Array<{ quick_check: string }>).map((r) => r.quick_check);
    } catch (err) {
      db.close();
      throw withBackupHint(classifySqliteError(err, file));
    }
    if (problems.length !== 1 || problems[0] !== 'ok') {
      db.close();
      throw withBackupHint(new DbOpenError(
        'CORRUPT',
        `数据库文件已损坏（上次程序未正常退出，启动检查发现：${problems.slice(0, 3).join('；')}），为保护数据未作任何修改：${file}`,
        file,
      ));
    }
  }

  let preMigrationBackup: string | null = null;
  try {
    if (previousVersion < latest) {
      if (options.readonly) {
        throw new DbOpenError('READONLY', `数据库结构版本 ${previousVersion} 需要升级，但以只读方式打开：${file}`, file);
      }
      if (previousVersion > 0) preMigrationBackup = backupBeforeMigration(db, file, options.backupDir);
      migrate(db, migrations, previousVersion);
    }
  } catch (err) {
    db.close();
    if (err instanceof DbOpenError) throw err;
    // VACUUM INTO reads every table: a damaged file shows here, and deserves the same answer as at open.
    const damaged = describeDamagedDatabase(err, file);
    if (damaged) throw damaged;
    throw new DbOpenError(
      'MIGRATION_FAILED',
      `数据库升级失败，文件保持升级前的状态（结构版本 ${previousVersion}）：${err instanceof Error ? err.message : String(err)}`,
      file,
      { cause: err },
    );
  }

  if (!options.readonly) writeOpenMarker(file, [...(marker ?? []).filter(processAlive), process.pid]);
  return { db, path: file, previousVersion, schemaVersion: latest, preMigrationBackup, checkedAfterUncleanShutdown };
}

/**
 * NAME.open lists the process ids that have the database open; closeDatabase takes its id out again. An id whose
 * process no longer exists means that session ended without closing: the next open runs quick_check. Several
 * processes may hold the file (the app and a command), hence a list rather than a flag.
 */
export function openMarkerPath(file: string): string {
  return `${path.resolve(file)}.open`;
}

function readOpenMarker(file: string): number[] | null {
  let text: string;
  try {
    text = readFileSync(openMarkerPath(file), 'utf8');
  } catch {
    return null;
  }
  // A torn or garbled marker counts as an unclean shutdown (pid 0 is never alive here).
  return text.split(/\s+/).filter(Boolean).map((t) => (/^\d+$/.test(t) ? Number(t) : 0));
}

function writeOpenMarker(file: string, pids: number[]): void {
  const marker = openMarkerPath(file);
  try {
    if (pids.length === 0) rmSync(marker, { force: true });
    else writeFileSync(marker, `${pids.join('\n')}\n`);
  } catch {
    // Without a marker the only loss is the start-up check after a crash; the open itself is fine.
  }
}

function processAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to another user.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The newest backup of dbPath that passes its check, or null; never throws (it only adds to an error message). */
export function findLatestGoodBackup(dbPath: string): { file: string; createdAt: string; cases: number | null } | null {
  try {
    const good = latestGoodBackup(dbPath);
    return good ? { file: good.file, createdAt: good.createdAt, cases: good.result.cases } : null;
  } catch {
    return null;
  }
}

/** Adds "the latest good backup is …" to damaged-file errors, so the screen and the command line can say where to go. */
export function withBackupHint(err: DbOpenError, known?: { file: string; createdAt: string; cases: number | null } | null): DbOpenError {
  if (err.code !== 'CORRUPT' && err.code !== 'NOT_A_DATABASE') return err;
  const good = known === undefined ? findLatestGoodBackup(err.dbPath) : known;
  const hint = good
    ? `最近一份完好的备份：${good.file}（${formatLocalTime(good.createdAt)}，${good.cases ?? 0} 件案件），可从它恢复`
    : `在 ${backupDirFor(err.dbPath)} 中没有找到完好的备份`;
  return new DbOpenError(err.code, `${err.message}。${hint}`, err.dbPath, { cause: err.cause, latestGoodBackup: good?.file ?? null });
}

/**
 * For errors that surface after a successful open (a damaged page read by a query): the same message and backup
 * hint as at open for SQLITE_CORRUPT and SQLITE_NOTADB, or null for any other error.
 */
export function describeDamagedDatabase(err: unknown, dbPath: string): DbOpenError | null {
  const classified = classifySqliteError(err, dbPath);
  return classified.code === 'CORRUPT' || classified.code === 'NOT_A_DATABASE' ? withBackupHint(classified) : null;
}

/** All pending migrations in one transaction: an upgrade that fails halfway leaves the file as it was. */
function migrate(db: Database, migrations: Migration[], from: number): void {
  const pending = migrations.filter((m) => m.version > from).sort((a, b) => a.version - b.version);
  db.transaction(() => {
    for (const m of pending) {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    }
  }).immediate();
}

/**
 * Synchronous, because openDatabase is: VACUUM INTO is SQLite's own consistent copy in one statement, whereas the
 * backup API (createBackup) steps across the event loop and returns a promise. Same names, folder and rotation.
 * VACUUM INTO reads every table through SQLite, so a damaged source fails here, before any migration runs.
 */
function backupBeforeMigration(db: Database, file: string, dir?: string): string {
  const defaultDir = backupDirFor(file);
  const backupDir = dir ?? defaultDir;
  mkdirSync(backupDir, { recursive: true });
  const target = nextBackupTarget(backupDir, file, 'before-migration', new Date());
  const part = `${target}.part`;
  try {
    db.prepare('VACUUM INTO ?').run(part);
    const fd = openSync(part, 'r+');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(part, target);
    fsyncDir(backupDir);
  } catch (err) {
    rmSync(part, { force: true });
    throw err;
  }
  if (path.resolve(backupDir) === defaultDir) rotateBackups(file, 'before-migration', DEFAULT_KEEP['before-migration'], [target]);
  return target;
}

/** Closes and takes this process out of the open marker: a clean shutdown needs no start-up check next time. */
export function closeDatabase(db: Database): void {
  if (!db.open) return;
  const file = db.memory || db.readonly ? null : db.name;
  try {
    if (!db.readonly) db.pragma('optimize');
  } catch {
    // Only an optimisation: on a damaged file it fails, and that must not turn a finished command into a failure.
  } finally {
    db.close();
  }
  if (file) {
    const pids = readOpenMarker(file);
    if (pids) {
      const mine = pids.indexOf(process.pid);
      if (mine >= 0) pids.splice(mine, 1);
      // Another session's dead id stays: that crash still needs its check on the next open.
      writeOpenMarker(file, pids);
    }
  }
}

export { latestGoodBackup };

export { LATEST_SCHEMA_VERSION };
