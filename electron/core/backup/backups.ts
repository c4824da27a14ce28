// Backups of the court database: consistent copies through SQLite's backup API, checked, rotated, listed and restored.
import BetterSqlite3, { type Database } from 'better-sqlite3';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { localToday } from '../../../shared/dates/calendar';
import { LATEST_SCHEMA_VERSION } from '../db/migrations';
import type { BackupCheckView } from '../../../shared/api/contract';

export const BACKUP_REASONS = ['manual', 'daily', 'before-import', 'before-restore', 'before-migration'] as const;
export type BackupReason = (typeof BACKUP_REASONS)[number];

/** How many backups of each reason the backups folder keeps; null keeps all (a manual backup is the user's decision). */
export type KeepCounts = Record<BackupReason, number | null>;
export const DEFAULT_KEEP: Readonly<KeepCounts> = {
  manual: null,
  daily: 14,
  'before-import': 10,
  'before-migration': 5,
  'before-restore': 5,
};

export interface BackupInfo {
  file: string;
  bytes: number;
  schemaVersion: number;
  cases: number;
  /** ISO 8601 (UTC) time the backup was started. */
  createdAt: string;
  reason: BackupReason;
}

/** What a check says of a file: the API's view of it, without the file's path (shared/api/contract.ts). */
export type BackupCheck = Omit<BackupCheckView, 'file'>;

export interface BackupEntry {
  file: string;
  name: string;
  reason: BackupReason;
  createdAt: string;
  bytes: number;
  /** Runs integrity_check on first call (seconds on a large file), then remembers the answer. */
  check(): BackupCheck;
}

export type BackupErrorCode =
  | 'TARGET_MISSING' | 'VERIFY_FAILED' | 'FAILED'
  | 'BAD_BACKUP' | 'NEWER_BACKUP' | 'NOT_COURTDESK' | 'OTHER_COURT' | 'IN_USE';

export class BackupError extends Error {
  constructor(
    readonly code: BackupErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'BackupError';
  }
}

export const MESSAGES = {
  damaged: '备份文件已损坏',
  newer: '备份由更新版本的程序创建',
  notOurs: '不是法院质效台的数据库',
} as const;

// ---------------------------------------------------------------------------------------------------------------
// Names: <db name>-YYYYMMDD-HHMMSS[-n]-<reason>.sqlite in local time, so a clerk reads the date off the file name.

/** One folder beside the database for every kind of backup, the pre-migration copies included. */
export function backupDirFor(dbPath: string): string {
  return path.join(path.dirname(path.resolve(dbPath)), 'backups');
}

function baseNameOf(dbPath: string): string {
  return path.basename(dbPath, path.extname(dbPath));
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

export function backupStamp(d: Date): string {
  return `${d.getFullYear()}${pad(d.getMonth() + 1)}${pad(d.getDate())}-${pad(d.getHours())}${pad(d.getMinutes())}${pad(d.getSeconds())}`;
}

/** Local date and time for messages, e.g. 2026-11-23 16:45:01. */
export function formatLocalTime(iso: string): string {
  const d = new Date(iso);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

interface ParsedName {
  reason: BackupReason;
  createdAt: Date;
  counter: number;
}

function nameParser(dbPath: string): (name: string) => ParsedName | null {
  const base = escapeRe(baseNameOf(dbPath));
  const current = new RegExp(`^${base}-(\\d{4})(\\d{2})(\\d{2})-(\\d{2})(\\d{2})(\\d{2})(?:-(\\d+))?-(${BACKUP_REASONS.join('|')})\\.sqlite$`);
  // Copies written by the first release before an upgrade: NAME-v1-before-upgrade-2026-11-23T08-45-01-123Z.sqlite.
  const legacy = new RegExp(`^${base}-v\\d+-before-upgrade-(\\d{4})-(\\d{2})-(\\d{2})T(\\d{2})-(\\d{2})-(\\d{2})-(\\d{3})Z\\.sqlite$`);
  return (name) => {
    const m = current.exec(name);
    if (m) {
      const [y, mo, d, h, mi, s] = m.slice(1, 7).map(Number);
      return { reason: m[8] as BackupReason, createdAt: new Date(y, mo - 1, d, h, mi, s), counter: m[7] ? Number(m[7]) : 1 };
    }
    const l = legacy.exec(name);
    if (l) {
      const [y, mo, d, h, mi, s, ms] = l.slice(1, 8).map(Number);
      return { reason: 'before-migration', createdAt: new Date(Date.UTC(y, mo - 1, d, h, mi, s, ms)), counter: 1 };
    }
    return null;
  };
}

/** A free name in dir: a second backup within the same second gets -2, -3, … (also past a .part in progress). */
export function nextBackupTarget(dir: string, dbPath: string, reason: BackupReason, now: Date): string {
  const stamp = backupStamp(now);
  for (let n = 1; ; n++) {
    const file = path.join(dir, `${baseNameOf(dbPath)}-${stamp}${n > 1 ? `-${n}` : ''}-${reason}.sqlite`);
    if (!fs.existsSync(file) && !fs.existsSync(`${file}.part`)) return file;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Listing, checking, rotation

/** Backups of this database in its backups folder, newest first; files that do not follow the naming are ignored. */
export function listBackups(dbPath: string, dir: string = backupDirFor(dbPath)): BackupEntry[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  const parse = nameParser(dbPath);
  const found: Array<BackupEntry & { at: number; counter: number; mtime: number }> = [];
  for (const name of names) {
    const p = parse(name);
    if (!p) continue;
    const file = path.join(dir, name);
    let bytes: number;
    let mtime: number;
    try {
      const st = fs.statSync(file);
      if (!st.isFile()) continue;
      bytes = st.size;
      mtime = st.mtimeMs;
    } catch {
      continue;
    }
    let memo: BackupCheck | null = null;
    found.push({
      file, name, reason: p.reason, createdAt: p.createdAt.toISOString(), bytes, at: p.createdAt.getTime(), counter: p.counter, mtime,
      check: () => (memo ??= checkBackup(file)),
    });
  }
  // Names have whole seconds: two backups of different reasons in one second are told apart by when they were written.
  found.sort((a, b) => b.at - a.at || b.mtime - a.mtime || b.counter - a.counter);
  return found.map(({ at: _at, counter: _counter, mtime: _mtime, ...entry }) => entry);
}

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

/**
 * Deletes the oldest backups of one reason beyond the number kept, in the backups folder only. Also removes `.part`
 * files older than a day: they are copies that a crash or a pulled stick interrupted, never court data.
 */
export function rotateBackups(dbPath: string, reason: BackupReason, keep: number | null, protect: string[] = []): string[] {
  const deleted: string[] = [];
  const dir = backupDirFor(dbPath);
  if (keep !== null) {
    const kept = new Set(protect.map((p) => path.resolve(p)));
    const ofReason = listBackups(dbPath, dir).filter((e) => e.reason === reason);
    for (const e of ofReason.slice(Math.max(0, keep))) {
      if (kept.has(path.resolve(e.file))) continue;
      try {
        fs.rmSync(e.file);
        deleted.push(e.file);
      } catch {
        // A backup another program holds open stays until the next rotation.
      }
    }
  }
  const parse = nameParser(dbPath);
  const dayAgo = Date.now() - 24 * 3600_000;
  let names: string[] = [];
  try {
    names = fs.readdirSync(dir);
  } catch {
    // No folder, nothing to rotate.
  }
  for (const name of names) {
    if (!name.endsWith('.sqlite.part') || !parse(name.slice(0, -'.part'.length))) continue;
    const file = path.join(dir, name);
    try {
      if (fs.statSync(file).mtimeMs < dayAgo) fs.rmSync(file);
    } catch {
      // Best effort.
    }
  }
  return deleted;
}

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

function sqliteCode(err: unknown): string {
  return typeof err === 'object' && err && 'code' in err ? String((err as { code: unknown }).code) : '';
}

function failed(message: string, partial: Partial<BackupCheck> = {}): BackupCheck {
  return { ok: false, message, schemaVersion: null, cases: null, courtCode: null, courtName: null, ...partial };
}

function judge(integrity: string[], probe: ReturnType<typeof probeCounts>): BackupCheck {
  const known = { schemaVersion: probe.schemaVersion, cases: probe.cases, courtCode: probe.court?.code ?? null, courtName: probe.court?.name ?? null };
  if (integrity.length !== 1 || integrity[0] !== 'ok') return failed(`${MESSAGES.damaged}（${integrity.slice(0, 3).join('；')}）`, known);
  if (probe.schemaVersion > LATEST_SCHEMA_VERSION) {
    return failed(`${MESSAGES.newer}（结构版本 ${probe.schemaVersion}，本程序支持到 ${LATEST_SCHEMA_VERSION}），请先升级程序`, known);
  }
  if (probe.schemaVersion < 1 || !probe.court || probe.cases === null) return failed(MESSAGES.notOurs, known);
  return { ok: true, message: '完好', ...known };
}

function openError(err: unknown): BackupCheck {
  const code = sqliteCode(err);
  if (code === 'SQLITE_NOTADB') return failed(MESSAGES.notOurs);
  if (code.startsWith('SQLITE_CORRUPT')) return failed(MESSAGES.damaged);
  if (code.startsWith('SQLITE_CANTOPEN') || (err as NodeJS.ErrnoException)?.code === 'ENOENT') return failed('找不到备份文件');
  return failed(`无法读取备份文件（${err instanceof Error ? err.message : String(err)}）`);
}

function integrityRows(db: Database, quick = false): string[] {
  const pragma = quick ? 'quick_check' : 'integrity_check';
  return (db.pragma(`${pragma}(20)`) as Array<Record<string, string>>).map((r) => r[pragma]);
}

interface Inspection {
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

async function inspect(file: string, offThread: boolean): Promise<Inspection | { error: unknown }> {
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
const OFF_THREAD_BYTES = 8 * 1024 * 1024;

// ---------------------------------------------------------------------------------------------------------------
// Creating

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

function fsyncFile(file: string): void {
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

function removeQuietly(file: string): void {
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
async function copyThroughSqlite(source: Database, target: string): Promise<void> {
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
    fs.mkdirSync(dir, { recursive: true });
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
  if (dir === defaultDir) {
    const keep = { ...DEFAULT_KEEP, ...options.keep }[options.reason];
    rotateBackups(dbPath, options.reason, keep, [target, ...(options.protect ?? [])]);
  }
  return {
    file: target, bytes: fs.statSync(target).size, schemaVersion: expectedVersion, cases: seen.probe.cases ?? 0,
    createdAt: now.toISOString(), reason: options.reason,
  };
}

function explain(err: unknown): string {
  const code = (err as NodeJS.ErrnoException)?.code;
  if (code === 'ENOSPC') return '磁盘空间不足';
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS' || sqliteCode(err).startsWith('SQLITE_READONLY')) return '没有写入权限';
  if (sqliteCode(err) === 'SQLITE_FULL') return '磁盘空间不足';
  return err instanceof Error ? err.message : String(err);
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

// ---------------------------------------------------------------------------------------------------------------
// Restoring

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
 * fold its WAL in; rename NAME.restoring over NAME. An older schema is upgraded by the next openDatabase.
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
