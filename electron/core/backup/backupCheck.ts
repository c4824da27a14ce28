// Checking a backup (or any database file): integrity, a schema this program knows, a court of its own; off-thread for large files.
import BetterSqlite3, { type Database } from 'better-sqlite3';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { LATEST_SCHEMA_VERSION } from '../db/migrations';
import type { BackupCheckView } from '../../../shared/backup/api';
import { MESSAGES, sqliteCode } from './backupError';

/** What a check says of a file: the API's view of it, without the file's path (shared/backup/api.ts). */
export type BackupCheck = Omit<BackupCheckView, 'file'>;

function probeCounts(db: Database): { schemaVersion: number; cases: number | null; court: { code: string; name: string } | null } {
  const schemaVersion = db.pragma('user_version', { simple: true }) as number;
  let court: { code: string; name: string } | null = null;
  let cases: number | null = null;
  try {
    court = (db.prepare('SELECT code, name FROM courts WHERE is_self = 1').get() as { code: string; name: string } | undefined) ?? null;
    cases = db.prepare('SELECT count(*) FROM cases').pluck().get() as number;
  } catch (err) {
    if (sqliteCode(err).startsWith('SQLITE_CORRUPT')) throw err;
    // No such table: not a CourtDesk database; the caller says so.
  }
  return { schemaVersion, cases, court };
}

function failed(message: string, partial: Partial<BackupCheck> = {}): BackupCheck {
  return { ok: false, message, schemaVersion: null, cases: null, courtCode: null, courtName: null, ...partial };
}

function judge(integrity: string[], probe: ReturnType<typeof probeCounts>): BackupCheck {
  const known = { schemaVersion: probe.schemaVersion, cases: probe.cases, courtCode: probe.court?.code ?? null, courtName: probe.court?.name ?? null };
  // integrity_check's rows are SQLite's English ("Page 12: btreeInitPage() returns error code 11"): the person reads
  // how many problems it found.
  if (integrity.length !== 1 || integrity[0] !== 'ok') {
    return failed(`${MESSAGES.damaged}（检查发现 ${integrity.length >= 20 ? '20 处以上' : `${integrity.length} 处`}问题）`, known);
  }
  if (probe.schemaVersion > LATEST_SCHEMA_VERSION) {
    return failed(`${MESSAGES.newer}（结构版本 ${probe.schemaVersion}，本程序支持到 ${LATEST_SCHEMA_VERSION}），请先升级程序`, known);
  }
  if (probe.schemaVersion < 1 || !probe.court || probe.cases === null) return failed(MESSAGES.notOurs, known);
  return { ok: true, message: '完好', ...known };
}

/** A file SQLite refuses to open or read, in the words of a check. */
export function openError(err: unknown): BackupCheck {
  const code = sqliteCode(err);
  if (code === 'SQLITE_NOTADB') return failed(MESSAGES.notOurs);
  if (code.startsWith('SQLITE_CORRUPT')) return failed(MESSAGES.damaged);
  if (code.startsWith('SQLITE_CANTOPEN') || (err as NodeJS.ErrnoException)?.code === 'ENOENT') return failed('找不到备份文件');
  const sys = (err as NodeJS.ErrnoException)?.code;
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED') || sys === 'EBUSY') return failed('无法读取备份文件：文件正被其他程序使用');
  if (sys === 'EACCES' || sys === 'EPERM' || code.startsWith('SQLITE_PERM')) return failed('无法读取备份文件：没有读取权限');
  if (code.startsWith('SQLITE_IOERR') || sys === 'EIO') return failed('无法读取备份文件：读取磁盘出错');
  // SQLite's or the system's own text is no sentence for the person who asked; it names nothing they can act on.
  return failed('无法读取备份文件');
}

function integrityRows(db: Database, quick = false): string[] {
  const pragma = quick ? 'quick_check' : 'integrity_check';
  return (db.pragma(`${pragma}(20)`) as Array<Record<string, string>>).map((r) => r[pragma]);
}

export interface Inspection {
  integrity: string[];
  probe: ReturnType<typeof probeCounts>;
}

function inspectWith(file: string, integrity: (db: Database) => string[]): Inspection | { error: unknown } {
  let db: Database;
  try {
    db = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  } catch (err) {
    return { error: err };
  }
  try {
    return { integrity: integrity(db), probe: probeCounts(db) };
  } catch (err) {
    return { error: err };
  } finally {
    db.close();
  }
}

/** Integrity rows and what the file holds; createBackup judges its fresh copy by them, off-thread when it is large. */
export async function inspect(file: string, offThread: boolean): Promise<Inspection | { error: unknown }> {
  if (!offThread) return inspectWith(file, integrityRows);
  const r = await integrityCheckOffThread(file);
  if ('error' in r) return r;
  return inspectWith(file, () => r.rows);
}

/**
 * Whether a file can be restored: integrity_check, a schema this program knows, and a court of its own. Synchronous:
 * a full integrity_check of a million-case file takes ~10 s, so a UI should use checkBackupAsync.
 */
export function checkBackup(file: string): BackupCheck {
  if (!fs.existsSync(file)) return failed('找不到备份文件');
  const r = inspectWith(file, integrityRows);
  return 'error' in r ? openError(r.error) : judge(r.integrity, r.probe);
}

/** As checkBackup, with integrity_check on a worker thread so the caller's event loop keeps serving. */
export async function checkBackupAsync(file: string): Promise<BackupCheck> {
  if (!fs.existsSync(file)) return failed('找不到备份文件');
  const r = await inspect(file, true);
  return 'error' in r ? openError(r.error) : judge(r.integrity, r.probe);
}

// Plain JavaScript run by a worker: it opens the copy read-only and answers integrity_check's rows.
const INTEGRITY_WORKER = `
(() => {
  const { parentPort, workerData } = require('node:worker_threads');
  let Database;
  try {
    Database = require(workerData.driver);
  } catch (err) {
    parentPort.postMessage({ stage: 'load', message: String((err && err.message) || err) });
    return;
  }
  try {
    const db = new Database(workerData.file, { readonly: true, fileMustExist: true });
    try {
      const pragma = workerData.quick ? 'quick_check' : 'integrity_check';
      parentPort.postMessage({ stage: 'done', rows: db.pragma(pragma + '(20)').map((r) => r[pragma]) });
    } finally {
      db.close();
    }
  } catch (err) {
    parentPort.postMessage({ stage: 'error', code: err && err.code, message: String((err && err.message) || err) });
  }
})();
`;

type WorkerReply = { stage: 'load'; message: string } | { stage: 'done'; rows: string[] } | { stage: 'error'; code?: string; message: string };

function driverPath(): string | null {
  try {
    return createRequire(__filename).resolve('better-sqlite3');
  } catch {
    return null;
  }
}

/**
 * integrity_check (or quick_check, which skips comparing indexes with their tables) on a worker thread; where a worker
 * cannot load the driver (some packaged layouts), on this thread instead: slower for the caller, but never unchecked.
 */
export async function integrityCheckOffThread(file: string, options: { quick?: boolean; inThreadFallback?: boolean } = {}): Promise<{ rows: string[] } | { error: unknown }> {
  const driver = driverPath();
  if (driver) {
    const reply = await new Promise<WorkerReply | null>((resolve) => {
      let worker: Worker;
      try {
        worker = new Worker(INTEGRITY_WORKER, { eval: true, workerData: { driver, file, quick: !!options.quick } });
      } catch {
        resolve(null);
        return;
      }
      worker.once('message', (m: WorkerReply) => resolve(m));
      worker.once('error', () => resolve(null));
      worker.once('exit', () => resolve(null));
    });
    if (reply?.stage === 'done') return { rows: reply.rows };
    if (reply?.stage === 'error') return { error: Object.assign(new Error(reply.message), { code: reply.code }) };
  }
  // A check that may run at any time (the one at start) is skipped rather than stall the app's thread for seconds.
  if (options.inThreadFallback === false) return { error: new Error('无法启动检查线程') };
  try {
    const db = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
    try {
      return { rows: integrityRows(db, options.quick) };
    } finally {
      db.close();
    }
  } catch (err) {
    return { error: err };
  }
}

// Below this size integrity_check takes ~100 ms or less; a worker's start-up is not worth it.
export const OFF_THREAD_BYTES = 8 * 1024 * 1024;
