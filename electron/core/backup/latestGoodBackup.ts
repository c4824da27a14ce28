// The newest backup of a database that passes its check, and the damaged-database errors that point to it.
import { DbOpenError, classifySqliteError } from '../db/errors';
import { checkBackupAsync, type BackupCheck } from './backupCheck';
import { backupDirFor, formatLocalTime, listBackups, type BackupEntry } from './backupNames';

/** The newest backup of this database that passes checkBackup, or null; checks newest first and stops at the first good one. */
export function latestGoodBackup(dbPath: string): (BackupEntry & { result: BackupCheck }) | null {
  for (const entry of listBackups(dbPath)) {
    const result = entry.check();
    if (result.ok) return { ...entry, result };
  }
  return null;
}

/** As latestGoodBackup, each check on a worker thread (seconds each on a large file), for a caller that keeps serving. */
export async function latestGoodBackupAsync(dbPath: string): Promise<(BackupEntry & { result: BackupCheck }) | null> {
  for (const entry of listBackups(dbPath)) {
    const result = await checkBackupAsync(entry.file);
    if (result.ok) return { ...entry, result };
  }
  return null;
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
  return new DbOpenError(err.code, `${err.message}。${hint}`, err.dbPath, { cause: err.cause, latestGoodBackup: good?.file ?? null, detail: err.detail });
}

/**
 * For errors that surface after a successful open (a damaged page read by a query): the same message and backup
 * hint as at open for SQLITE_CORRUPT and SQLITE_NOTADB, or null for any other error.
 */
export function describeDamagedDatabase(err: unknown, dbPath: string): DbOpenError | null {
  const classified = classifySqliteError(err, dbPath);
  return classified.code === 'CORRUPT' || classified.code === 'NOT_A_DATABASE' ? withBackupHint(classified) : null;
}
