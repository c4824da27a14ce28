// Restoring a backup: checked first, copied beside the database, the current file backed up or moved aside, then swapped in.
import BetterSqlite3, { type Database } from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { BackupError, MESSAGES, explain, sqliteCode, type BackupErrorCode } from './backupError';
import { checkBackup, type BackupCheck } from './backupCheck';
import { backupStamp, type KeepCounts } from './backupNames';
import { copyThroughSqlite, createBackup, fsyncDir, fsyncFile, removeQuietly, type BackupInfo } from './backupWrite';
import { recordAnchor } from '../audit/anchors';

export interface RestoreResult {
  dbPath: string;
  restoredFrom: string;
  schemaVersion: number;
  cases: number;
  courtCode: string;
  courtName: string;
  /** What happened to the database that was there: none, backed up first, or moved aside because it was damaged. */
  previous: 'none' | 'backed-up' | 'moved-aside';
  beforeRestoreBackup: BackupInfo | null;
  movedAsideTo: string | null;
}

export interface RestoreOptions {
  keep?: Partial<KeepCounts>;
  now?: Date;
  /** checkRestore's answer for this very file, taken just before: spares a second integrity_check of a large file. */
  checked?: BackupCheck;
}

type CurrentState = { kind: 'none' } | { kind: 'unreadable' } | { kind: 'readable'; courtCode: string | null; courtName: string | null };

function probeCurrent(dbPath: string): CurrentState {
  if (!fs.existsSync(dbPath)) return { kind: 'none' };
  if (fs.statSync(dbPath).size === 0) return { kind: 'unreadable' };
  let db: Database | null = null;
  try {
    db = new BetterSqlite3(dbPath, { readonly: true, fileMustExist: true });
    const court = db.prepare('SELECT code, name FROM courts WHERE is_self = 1').get() as { code: string; name: string } | undefined;
    return { kind: 'readable', courtCode: court?.code ?? null, courtName: court?.name ?? null };
  } catch {
    return { kind: 'unreadable' };
  } finally {
    db?.close();
  }
}

/** Moves a damaged database and its -wal/-shm aside under one new name: court data is never deleted. */
function moveAside(dbPath: string, now: Date): string {
  let aside = `${dbPath}.damaged-${backupStamp(now)}`;
  for (let n = 2; fs.existsSync(aside); n++) aside = `${dbPath}.damaged-${backupStamp(now)}-${n}`;
  fs.renameSync(dbPath, aside);
  for (const suffix of ['-wal', '-shm']) {
    if (fs.existsSync(dbPath + suffix)) fs.renameSync(dbPath + suffix, aside + suffix);
  }
  return aside;
}

function putBack(aside: string, dbPath: string): void {
  try {
    fs.renameSync(aside, dbPath);
    for (const suffix of ['-wal', '-shm']) if (fs.existsSync(aside + suffix)) fs.renameSync(aside + suffix, dbPath + suffix);
  } catch {
    // It stays under the .damaged name, which the error message names.
  }
}

/**
 * Folds the WAL into the database and leaves rollback-journal mode. SQLite allows that only to the sole connection,
 * so it doubles as the check that no other program (the app, another command) has the database open.
 */
function takeOverForReplacement(dbPath: string): void {
  let db: Database | null = null;
  try {
    db = new BetterSqlite3(dbPath, { fileMustExist: true });
    db.pragma('busy_timeout = 0');
    const mode = db.pragma('journal_mode = DELETE', { simple: true });
    if (mode !== 'delete') throw Object.assign(new Error(String(mode)), { code: 'SQLITE_BUSY' });
  } catch (err) {
    if (sqliteCode(err).startsWith('SQLITE_BUSY') || sqliteCode(err).startsWith('SQLITE_LOCKED')) {
      throw new BackupError('IN_USE', `数据库正在被使用（法院质效台或另一个命令打开着它），请先关闭后再恢复；未作任何修改：${dbPath}`, { cause: err });
    }
    throw new BackupError('FAILED', `无法准备替换当前数据库，未作任何修改：${explain(err)}`, { cause: err });
  } finally {
    db?.close();
  }
  const wal = `${dbPath}-wal`;
  if (fs.existsSync(wal) && fs.statSync(wal).size > 0) {
    throw new BackupError('IN_USE', `数据库正在被使用（法院质效台或另一个命令打开着它），请先关闭后再恢复；未作任何修改：${dbPath}`);
  }
  // No WAL content and nobody attached: the leftovers are empty bookkeeping files.
  fs.rmSync(wal, { force: true });
  fs.rmSync(`${dbPath}-shm`, { force: true });
}

/**
 * Everything restoreBackup refuses before it touches anything, as a BackupError with a Chinese message: a backup that
 * fails its check (damaged, newer, not ours), or one of another court when the current database is readable (an
 * unreadable one cannot say whose it is, and must be replaceable). Returns the backup's check.
 */
export function checkRestore(dbPath: string, backupFile: string, checked?: BackupCheck): BackupCheck {
  const target = path.resolve(dbPath);
  const source = path.resolve(backupFile);
  if (source === target) throw new BackupError('BAD_BACKUP', '不能用数据库文件本身作为备份来恢复');
  const check = checked ?? checkBackup(source);
  if (!check.ok) {
    const code: BackupErrorCode = check.message.startsWith(MESSAGES.newer) ? 'NEWER_BACKUP' : check.message.startsWith(MESSAGES.notOurs) ? 'NOT_COURTDESK' : 'BAD_BACKUP';
    throw new BackupError(code, `无法恢复：${check.message}，当前数据库未作任何修改：${source}`);
  }
  const current = probeCurrent(target);
  if (current.kind === 'readable' && current.courtCode !== null && current.courtCode !== check.courtCode) {
    throw new BackupError(
      'OTHER_COURT',
      `无法恢复：该备份属于${check.courtName}（${check.courtCode}），当前数据库属于${current.courtName}（${current.courtCode}），未作任何修改：${source}`,
    );
  }
  return check;
}

/**
 * Replaces the database at dbPath by a backup. The caller must have closed its own connections to dbPath first
 * (the app closes its core; the command line closes it after signing in): restoring swaps the file underneath, and
 * a database that another connection still holds open is refused (IN_USE) rather than replaced.
 *
 * Order, so that any failure leaves the database as it was: check the backup; refuse another court's backup (when
 * the current file is readable); copy the backup into NAME.restoring through SQLite and sync it; back up the current
 * database ('before-restore'), or, if it is unreadable or fails the check, move it aside as NAME.damaged-STAMP;
 * fold its WAL in; rename NAME.restoring over NAME. An older schema is upgraded by the next openCourtDatabase.
 */
export async function restoreBackup(dbPath: string, backupFile: string, options: RestoreOptions = {}): Promise<RestoreResult> {
  const now = options.now ?? new Date();
  const target = path.resolve(dbPath);
  const source = path.resolve(backupFile);
  const check = checkRestore(target, source, options.checked);
  const current = probeCurrent(target);

  fs.mkdirSync(path.dirname(target), { recursive: true });
  const restoring = `${target}.restoring`;
  removeQuietly(restoring);
  try {
    const src = new BetterSqlite3(source, { readonly: true, fileMustExist: true });
    try {
      await copyThroughSqlite(src, restoring);
    } finally {
      src.close();
    }
    fsyncFile(restoring);
  } catch (err) {
    removeQuietly(restoring);
    throw new BackupError('FAILED', `恢复失败，当前数据库未作任何修改：${explain(err)}`, { cause: err });
  }

  let beforeRestoreBackup: BackupInfo | null = null;
  let movedAsideTo: string | null = null;
  try {
    let damaged = current.kind === 'unreadable';
    if (current.kind === 'readable') {
      const live = new BetterSqlite3(target, { readonly: true, fileMustExist: true });
      try {
        beforeRestoreBackup = await createBackup(live, target, { reason: 'before-restore', keep: options.keep, protect: [source], now });
      } catch (err) {
        // Pages copied fine but the copy fails integrity_check: the current file is damaged, so it is kept aside instead.
        if (!(err instanceof BackupError && err.code === 'VERIFY_FAILED')) throw err;
        damaged = true;
      } finally {
        live.close();
      }
      if (!damaged) takeOverForReplacement(target);
    }
    if (damaged) movedAsideTo = moveAside(target, now);
    fs.renameSync(restoring, target);
    fsyncDir(path.dirname(target));
    // From here the log continues the backup's chain: anchors taken since that backup belong to a history left behind.
    recordAnchor(target, 'restore', target, now);
  } catch (err) {
    removeQuietly(restoring);
    if (movedAsideTo !== null && !fs.existsSync(target)) putBack(movedAsideTo, target);
    if (err instanceof BackupError) {
      if (err.code === 'FAILED' && beforeRestoreBackup === null) {
        throw new BackupError('FAILED', `恢复前无法备份当前数据库，未作任何修改：${err.message}`, { cause: err });
      }
      throw err;
    }
    throw new BackupError('FAILED', `恢复失败，当前数据库未作任何修改：${explain(err)}`, { cause: err });
  }

  return {
    dbPath: target, restoredFrom: source, schemaVersion: check.schemaVersion ?? 0, cases: check.cases ?? 0,
    courtCode: check.courtCode ?? '', courtName: check.courtName ?? '',
    previous: current.kind === 'none' ? 'none' : movedAsideTo ? 'moved-aside' : 'backed-up',
    beforeRestoreBackup, movedAsideTo,
  };
}