// Opens a CourtDesk database: refuses newer or damaged files untouched, sets the pragmas, runs pending migrations.
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DbOpenError, classifySqliteError } from './errors';
import { MIGRATIONS, type Migration } from './migrations';

export interface OpenOptions {
  /** Create the file when missing (init, demo); otherwise a missing file is an error. */
  create?: boolean;
  readonly?: boolean;
  /** For tests of the migration machinery only. */
  migrations?: readonly Migration[];
  /**
   * Called before migrating a file that already held data (version 1 or more), inside the open, with the connection
   * at its old version: a copy of the file to fall back on (backup/openCourtDatabase.ts). Returns the copy's path.
   * If it throws, nothing is migrated and the open fails as a failed migration would.
   */
  beforeMigrate?: (db: Database, file: string) => string | null;
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

/** CourtDesk's SQLite application_id (0x4344736B, "CDsk"), which migration 5 writes into every database. */
export const COURTDESK_APPLICATION_ID = 0x4344736b;

/** Tables every CourtDesk database has had since migration 1: a file holding tables but not these is another program's. */
const OWN_TABLES = ['row_clock', 'courts', 'cases', 'audit_log'];

interface Probe {
  userVersion: number;
  applicationId: number;
  tables: string[];
}

function probeFile(file: string): Probe {
  // Read-only first: a newer or foreign file must be left byte-for-byte untouched, and switching to WAL would write.
  const probe = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  try {
    return {
      userVersion: probe.pragma('user_version', { simple: true }) as number,
      applicationId: probe.pragma('application_id', { simple: true }) as number,
      tables: probe.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[],
    };
  } finally {
    probe.close();
  }
}

/**
 * Whether a file is CourtDesk's, an empty database, or another program's. Only an empty one may be initialised:
 * opening another program's SQLite file must never turn it into ours (tables added, WAL switched on).
 */
function judge(p: Probe, file: string): 'ours' | 'empty' {
  if (p.applicationId !== 0 && p.applicationId !== COURTDESK_APPLICATION_ID) {
    throw new DbOpenError('FOREIGN', `该文件属于其他程序（SQLite 应用标识 ${p.applicationId}），不是法院质效台的数据库；为保护它，未作任何修改：${file}`, file);
  }
  if (p.tables.length === 0 && p.userVersion === 0) return 'empty';
  const missing = OWN_TABLES.filter((t) => !p.tables.includes(t));
  if (missing.length > 0 || p.userVersion === 0) {
    const shown = p.tables.slice(0, 5).join('、') + (p.tables.length > 5 ? ` 等 ${p.tables.length} 个` : '');
    throw new DbOpenError('FOREIGN', `该文件是其他程序的 SQLite 数据库（含有表 ${shown}），不是法院质效台的数据库；为保护它，未作任何修改：${file}`, file);
  }
  return 'ours';
}

/** Court data and password hashes are for the account that runs the app: owner-only where the system has modes. */
export function ownerOnly(file: string): void {
  if (process.platform === 'win32') return;
  try {
    if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
  } catch {
    // A file on a stick without modes (FAT) or owned by someone else: the open goes on; nothing is lost but the mode.
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
    let probe: Probe;
    try {
      probe = probeFile(file);
    } catch (err) {
      throw classifySqliteError(err, file);
    }
    previousVersion = probe.userVersion;
    if (previousVersion > latest) {
      throw new DbOpenError(
        'NEWER_VERSION',
        `该数据库由更新版本的法院质效台创建（结构版本 ${previousVersion}，本程序支持到 ${latest}），为保护数据未作任何修改。请升级程序后再打开：${file}`,
        file,
      );
    }
    if (judge(probe, file) === 'empty' && !options.create) {
      throw new DbOpenError('NOT_FOUND', `数据库文件是空的，尚未建立本院数据库：${file}。请先用 courtdesk init 创建，或在程序中选择建立`, file);
    }
  } else {
    mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    // Created owner-only before SQLite opens it: its -wal and -shm files take the same mode.
    if (!options.readonly) closeSync(openSync(file, 'a', 0o600));
  }
  if (!options.readonly) ownerOnly(file);

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
    throw classifySqliteError(err, file);
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
      throw classifySqliteError(err, file);
    }
    if (problems.length !== 1 || problems[0] !== 'ok') {
      db.close();
      throw new DbOpenError(
        'CORRUPT',
        `数据库文件已损坏（上次程序未正常退出，启动检查发现 ${problems.length} 处问题），为保护数据未作任何修改：${file}`,
        file,
        { detail: problems.join('；') },
      );
    }
  }

  let preMigrationBackup: string | null = null;
  try {
    if (previousVersion < latest) {
      if (options.readonly) {
        throw new DbOpenError('READONLY', `数据库结构版本 ${previousVersion} 需要升级，但以只读方式打开：${file}`, file);
      }
      if (previousVersion > 0 && options.beforeMigrate) preMigrationBackup = options.beforeMigrate(db, file);
      migrate(db, migrations, previousVersion);
    }
  } catch (err) {
    db.close();
    if (err instanceof DbOpenError) throw err;
    // The pre-migration copy and the migrations read the tables: a damaged file shows here, and is damaged, not failed.
    const classified = classifySqliteError(err, file);
    if (classified.code === 'CORRUPT' || classified.code === 'NOT_A_DATABASE') throw classified;
    throw new DbOpenError(
      'MIGRATION_FAILED',
      `数据库升级失败，文件保持升级前的状态（结构版本 ${previousVersion}）：${file}。原因已写入日志，请告知信息技术人员`,
      file,
      { cause: err, detail: err instanceof Error ? err.message : String(err) },
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
    else writeFileSync(marker, `${pids.join('\n')}\n`, { mode: 0o600 });
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

/** All pending migrations in one transaction: an upgrade that fails halfway leaves the file as it was. */
function migrate(db: Database, migrations: readonly Migration[], from: number): void {
  const pending = migrations.filter((m) => m.version > from).sort((a, b) => a.version - b.version);
  // PRAGMA foreign_keys takes effect only outside a transaction: off around it for a table rebuild, and every
  // reference checked inside it, so a rebuild that broke one commits nothing.
  const rebuilds = pending.some((m) => m.rebuildsTables);
  if (rebuilds) db.pragma('foreign_keys = OFF');
  try {
    db.transaction(() => {
      for (const m of pending) {
        m.up(db);
        db.pragma(`user_version = ${m.version}`);
      }
      if (rebuilds) {
        const broken = db.pragma('foreign_key_check') as Array<{ table: string }>;
        if (broken.length) throw new Error(`migration leaves ${broken.length} broken references (first in ${broken[0].table})`);
      }
    }).immediate();
  } finally {
    if (rebuilds) db.pragma('foreign_keys = ON');
  }
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
