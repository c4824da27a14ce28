// Opens a CourtDesk database: refuses newer or damaged files untouched, sets the pragmas, runs pending migrations.
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { DbOpenError, classifySqliteError } from './errors';
import { LATEST_SCHEMA_VERSION, MIGRATIONS, type Migration } from './migrations';

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
      throw classifySqliteError(err, file);
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
    throw classifySqliteError(err, file);
  }

  let preMigrationBackup: string | null = null;
  try {
    if (previousVersion < latest) {
      if (options.readonly) {
        throw new DbOpenError('READONLY', `数据库结构版本 ${previousVersion} 需要升级，但以只读方式打开：${file}`, file);
      }
      if (previousVersion > 0) preMigrationBackup = backupBeforeMigration(db, file, previousVersion, options.backupDir);
      migrate(db, migrations, previousVersion);
    }
  } catch (err) {
    db.close();
    if (err instanceof DbOpenError) throw err;
    throw new DbOpenError(
      'MIGRATION_FAILED',
      `数据库升级失败，文件保持升级前的状态（结构版本 ${previousVersion}）：${err instanceof Error ? err.message : String(err)}`,
      file,
      { cause: err },
    );
  }

  return { db, path: file, previousVersion, schemaVersion: latest, preMigrationBackup };
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

function backupBeforeMigration(db: Database, file: string, version: number, dir?: string): string {
  const backupDir = dir ?? path.join(path.dirname(path.resolve(file)), 'backups');
  mkdirSync(backupDir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const target = path.join(backupDir, `${path.basename(file, path.extname(file))}-v${version}-before-upgrade-${stamp}.sqlite`);
  // VACUUM INTO writes a consistent copy through SQLite itself, never a raw copy of a live file.
  db.prepare('VACUUM INTO ?').run(target);
  return target;
}

export function closeDatabase(db: Database): void {
  if (!db.open) return;
  try {
    if (!db.readonly) db.pragma('optimize');
  } finally {
    db.close();
  }
}

export { LATEST_SCHEMA_VERSION };
