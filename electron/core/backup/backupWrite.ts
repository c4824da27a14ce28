// Writing backups: a consistent copy through SQLite's backup API, synced, checked, then named; one daily backup a day.
import BetterSqlite3, { type Database } from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { localToday } from '../../../shared/dates/calendar';
import { BackupError, MESSAGES, explain } from './backupError';
import { OFF_THREAD_BYTES, inspect, openError, type Inspection } from './backupCheck';
import { DEFAULT_KEEP, backupDirFor, backupStamp, listBackups, nextBackupTarget, rotateBackups, type BackupReason, type KeepCounts } from './backupNames';
import { recordAnchor } from '../audit/anchors';

export interface BackupInfo {
  file: string;
  bytes: number;
  schemaVersion: number;
  cases: number;
  /** ISO 8601 (UTC) time the backup was started. */
  createdAt: string;
  reason: BackupReason;
}

export interface CreateBackupOptions {
  reason: BackupReason;
  /** Another folder (a USB stick); it must exist. Backups written there are never rotated. */
  to?: string;
  /** How many to keep per reason (settings, later); defaults to DEFAULT_KEEP. */
  keep?: Partial<KeepCounts>;
  /** Backups that rotation must not delete (a restore's source). */
  protect?: string[];
  /** Time for the name; now by default. */
  now?: Date;
}

// Pages per step: ~1 MB at SQLite's 4 KB pages, a millisecond or two, so a host keeps answering between steps.
const PAGES_PER_STEP = 256;

/** A copy is synced before it gets its final name: a power cut must not leave a named but empty backup. */
export function fsyncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Makes a rename durable; Windows cannot open a directory, and NTFS journals renames itself. */
export function fsyncDir(dir: string): void {
  if (process.platform === 'win32') return;
  try {
    const fd = fs.openSync(dir, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    // Some file systems (FAT on a stick) refuse fsync on a directory; the file itself is already synced.
  }
}

/** Takes away a part copy and any journal SQLite left beside it. */
export function removeQuietly(file: string): void {
  for (const f of [file, `${file}-journal`, `${file}-wal`, `${file}-shm`]) {
    try {
      fs.rmSync(f, { force: true });
    } catch {
      // Best effort: a leftover part file is cleaned by rotation a day later.
    }
  }
}

/**
 * Copies a database page by page through SQLite's backup API from `source` into `target`, then switches the copy
 * to a rollback journal: the copy is then one self-contained file that opens read-only without -wal or -shm beside it.
 */
export async function copyThroughSqlite(source: Database, target: string): Promise<void> {
  // Made owner-only before SQLite writes into it: a backup holds the court's data and every password hash.
  createOwnerOnly(target);
  let lastRemaining = Infinity;
  let restarts = 0;
  await source.backup(target, {
    progress: ({ totalPages, remainingPages }) => {
      // Another connection's write restarts the copy; after a few restarts finish in one step, which cannot be restarted.
      if (remainingPages > lastRemaining) restarts++;
      lastRemaining = remainingPages;
      return restarts >= 3 ? totalPages : PAGES_PER_STEP;
    },
  });
  const copy = new BetterSqlite3(target, { fileMustExist: true });
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
}

/** An empty file only its owner may read or write (a no-op for modes on Windows, where the profile folder is private). */
export function createOwnerOnly(file: string): void {
  fs.closeSync(fs.openSync(file, 'w', 0o600));
  if (process.platform !== 'win32') fs.chmodSync(file, 0o600);
}

/** The backups folder: created, or tightened, so that only the owner may list or read it. */
export function ownerOnlyFolder(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (process.platform !== 'win32' && (fs.statSync(dir).mode & 0o077) !== 0) fs.chmodSync(dir, 0o700);
}

/**
 * A consistent backup of an open database (the live connection may keep working meanwhile), written as NAME.part,
 * synced, checked with integrity_check and only then renamed: an interrupted copy never carries the final name.
 */
export async function createBackup(db: Database, dbPath: string, options: CreateBackupOptions): Promise<BackupInfo> {
  const now = options.now ?? new Date();
  const defaultDir = backupDirFor(dbPath);
  const dir = options.to ? path.resolve(options.to) : defaultDir;
  if (options.to) {
    if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) throw new BackupError('TARGET_MISSING', `备份目标文件夹不存在：${dir}`);
  } else {
    try {
      ownerOnlyFolder(dir);
    } catch (err) {
      // A file named like the folder, a read-only disk: said in words, the system's own in the cause (for the log).
      throw new BackupError('FAILED', `备份失败，无法创建备份文件夹 ${dir}：${explain(err)}`, { cause: err });
    }
  }
  const target = nextBackupTarget(dir, dbPath, options.reason, now);
  const part = `${target}.part`;
  const expectedVersion = db.pragma('user_version', { simple: true }) as number;
  let seen: Inspection | { error: unknown };
  try {
    await copyThroughSqlite(db, part);
    fsyncFile(part);
    seen = await inspect(part, fs.statSync(part).size >= OFF_THREAD_BYTES);
  } catch (err) {
    removeQuietly(part);
    throw new BackupError('FAILED', `备份失败，未生成备份文件：${explain(err)}`, { cause: err });
  }
  // The copy must be sound and of the same schema; whether it holds a court is the restore's question, not the copy's.
  const problem = 'error' in seen ? openError(seen.error).message
    : seen.integrity.length !== 1 || seen.integrity[0] !== 'ok' ? `${MESSAGES.damaged}（${seen.integrity.slice(0, 3).join('；')}）`
      : seen.probe.schemaVersion !== expectedVersion ? '结构版本不符' : null;
  if (problem !== null || 'error' in seen) {
    removeQuietly(part);
    throw new BackupError('VERIFY_FAILED', `备份副本未通过检查（${problem}），当前数据库可能已损坏；未生成备份文件`);
  }
  try {
    fs.renameSync(part, target);
    fsyncDir(dir);
  } catch (err) {
    removeQuietly(part);
    throw new BackupError('FAILED', `备份失败，未生成备份文件：${explain(err)}`, { cause: err });
  }
  // The chain this copy holds, kept outside the database file: a later rewrite of the log no longer meets it.
  recordAnchor(dbPath, 'backup', target, now);
  if (dir === defaultDir) {
    const keep = { ...DEFAULT_KEEP, ...options.keep }[options.reason];
    rotateBackups(dbPath, options.reason, keep, [target, ...(options.protect ?? [])]);
  }
  return {
    file: target, bytes: fs.statSync(target).size, schemaVersion: expectedVersion, cases: seen.probe.cases ?? 0,
    createdAt: now.toISOString(), reason: options.reason,
  };
}

const dailyInFlight = new Map<string, Promise<BackupInfo | null>>();

/**
 * One 'daily' backup per local calendar day: hosts call it at start and then periodically; it returns null when
 * today's backup already exists. `today` is the wall-calendar date (YYYY-MM-DD), not a date fixed for tests.
 */
export function ensureDailyBackup(db: Database, dbPath: string, today: string = localToday(), options: { keep?: Partial<KeepCounts> } = {}): Promise<BackupInfo | null> {
  const key = path.resolve(dbPath);
  const running = dailyInFlight.get(key);
  if (running) return running;
  const day = today.replace(/-/g, '');
  if (listBackups(dbPath).some((e) => e.reason === 'daily' && backupStamp(new Date(e.createdAt)).startsWith(day))) return Promise.resolve(null);
  const job = createBackup(db, dbPath, { reason: 'daily', keep: options.keep }).finally(() => dailyInFlight.delete(key));
  dailyInFlight.set(key, job);
  return job;
}
