// Keeps one core running for a host (Electron main or the loopback host): opens it, answers while the database cannot
// be opened, swaps in a restored database, and makes the daily backup.
import BetterSqlite3 from 'better-sqlite3';
import path from 'node:path';
import { openCore, CoreStartError, type Core, type CoreOptions, type CoreResponse, type CallerContext } from './openCore';
import { BackupError } from '../backup/backupError';
import { ensureDailyBackup } from '../backup/backupWrite';
import { integrityCheckOffThread, type BackupCheck } from '../backup/backupCheck';
import { latestGoodBackupAsync, withBackupHint } from '../backup/latestGoodBackup';
import { listBackups } from '../backup/backupNames';
import { restoreBackup, type RestoreResult } from '../backup/backupRestore';
import { DbOpenError, classifySqliteError } from '../db/errors';
import { recordRestore } from '../backup/backupAudit';
import { localToday } from '../../../shared/dates/calendar';
import type { ApiError, BackupView, RestoreView, StartupStatus } from '../../../shared/api/contract';

/** Failures that a backup repairs: the file is damaged. A newer version, a lock or permissions are not mended by one. */
const REPAIRABLE = new Set(['CORRUPT', 'NOT_A_DATABASE']);

/** Who the audit log names for a restore made from the start-up screen, where nobody can sign in against the damaged file. */
export const STARTUP_RESTORE_ACTOR = '（启动时恢复）';

export interface RuntimeOptions extends Omit<CoreOptions, 'restore'> {
  /** Where a failed daily backup is reported; it never stops the app. */
  log?: (line: string) => void;
}

export class AppRuntime {
  private core: Core | null = null;
  private failure: CoreStartError | null = null;
  /** A restore or a switch to the failure screen is under way: other calls answer BUSY until it is done. */
  private exclusive = false;
  /** Calls being answered right now (async handlers such as backup.create keep the core in use across awaits). */
  private inFlight = 0;
  private checking: Promise<string[] | null> | null = null;
  private timers: NodeJS.Timeout[] = [];
  private readonly dbPath: string;

  constructor(private readonly options: RuntimeOptions) {
    this.dbPath = path.resolve(options.dbPath);
    this.open(options);
  }

  /** The running core, or null while the database cannot be opened (the window then shows startupFailure). */
  get current(): Core | null {
    return this.core;
  }

  get startupFailure(): CoreStartError | null {
    return this.failure;
  }

  async call(method: string, args: unknown, caller: CallerContext = {}): Promise<CoreResponse> {
    if (this.exclusive) return fail('BUSY', '正在从备份恢复数据库，请稍候再试');
    const restoring = method === 'backup.restore' || method === 'startup.restoreLatest';
    // One restore at a time, and nothing else while it runs: claimed before the first await.
    if (restoring) this.exclusive = true;
    this.inFlight++;
    try {
      if (this.core) return await this.core.call(method, args, caller);
      const failure = this.failure!;
      if (method === 'startup.status') return { ok: true, value: this.status(failure) };
      if (method === 'startup.restoreLatest') return await this.restoreLatest(failure);
      return fail('STARTUP_FAILED', failure.message);
    } finally {
      this.inFlight--;
      if (restoring) this.exclusive = false;
    }
  }

  /** Waits until only `own` calls are being answered (the caller's own), so the core can close under nobody. */
  private async drain(own: number): Promise<void> {
    for (let waited = 0; this.inFlight > own && waited < 120_000; waited += 20) await new Promise((r) => setTimeout(r, 20));
  }

  /**
   * What runs beside the app once it has started: the start's integrity check, then one 'daily' backup per calendar
   * day (the first a few seconds after start, so the first screen loads before the copy starts; it runs in small
   * steps between calls) and an hourly look for an app left running overnight. By the wall calendar, not --today.
   */
  startMaintenance(): void {
    void this.checkAtStart();
    const run = () => {
      const core = this.core;
      if (!core || this.exclusive) return;
      ensureDailyBackup(core.db, this.dbPath, localToday()).catch((err: unknown) => {
        this.options.log?.(`每日备份失败：${err instanceof Error ? err.message : String(err)}`);
      });
    };
    this.timers.push(setTimeout(run, 3000).unref(), setInterval(run, 3600_000).unref());
  }

  /**
   * quick_check on a worker thread with its own read-only connection: every page of every table walked (seconds on
   * a million cases) without making the first screen wait. A damaged file switches the app to the start-up failure
   * screen, which offers the latest good backup; the file itself is not touched. Resolves to the check's rows.
   */
  checkAtStart(): Promise<string[] | null> {
    this.checking ??= this.runCheck().finally(() => {
      this.checking = null;
    });
    return this.checking;
  }

  private async runCheck(): Promise<string[] | null> {
    const core = this.core;
    if (!core) return null;
    const r = await integrityCheckOffThread(this.dbPath, { quick: true, inThreadFallback: false });
    const rows = 'rows' in r ? r.rows : null;
    if (rows && rows.length === 1 && rows[0] === 'ok') return rows;
    // The check's rows are SQLite's own words ("Page 5: btreeInitPage() returns error code 11"): the log gets them,
    // the person reads how many problems were found.
    const found = rows
      ? new DbOpenError('CORRUPT', `数据库文件已损坏（启动检查发现 ${rows.length >= 20 ? '20 处以上' : `${rows.length} 处`}问题），为保护数据已停止使用`, this.dbPath, {
        detail: rows.slice(0, 20).join('；'),
      })
      : classifySqliteError((r as { error: unknown }).error, this.dbPath);
    // A file that could not be checked for another reason (locked for a moment, a worker that failed) is no proof of
    // damage: the app keeps running and the next start checks again.
    if (!REPAIRABLE.has(found.code)) {
      this.options.log?.(`启动检查未能完成：${found.message}${found.detail ? `（${found.detail}）` : ''}`);
      return rows;
    }
    if (this.core !== core || this.exclusive) return rows;
    this.exclusive = true;
    try {
      await this.drain(0);
      const good = await latestGoodBackupAsync(this.dbPath);
      const err = withBackupHint(found, good && { file: good.file, createdAt: good.createdAt, cases: good.result.cases });
      core.close();
      this.core = null;
      this.failure = new CoreStartError(err.code, err.message, this.dbPath, err.latestGoodBackup);
      this.options.log?.(`启动检查：${err.message}${err.detail ? `（${err.detail}）` : ''}`);
    } finally {
      this.exclusive = false;
    }
    return rows;
  }

  close(): void {
    for (const t of this.timers) clearTimeout(t);
    this.timers = [];
    this.core?.close();
    this.core = null;
  }

  private open(options: Omit<CoreOptions, 'restore'>): void {
    try {
      this.core = openCore({ ...options, restore: (file, actor, checked) => this.restoreFrom(file, actor, checked) });
      this.failure = null;
    } catch (err) {
      if (!(err instanceof CoreStartError)) throw err;
      this.core = null;
      this.failure = err;
    }
  }

  /** After a restore the file exists: never a new demo, whatever the first start was. */
  private reopen(): void {
    this.open({ ...this.options, demo: undefined });
  }

  /** Called by the core's backup.restore once it has checked the caller and the file; the core closes under it. */
  private async restoreFrom(file: string, actor: string, checked: BackupCheck): Promise<RestoreView> {
    // Other calls already answer BUSY (call() claimed the runtime); those begun before finish first, and a running
    // start-up check lets go of the file.
    await this.drain(1);
    await this.checking;
    this.core?.close();
    this.core = null;
    let result: RestoreResult;
    try {
      result = await restoreBackup(this.dbPath, file, { checked });
    } catch (err) {
      // restoreBackup changes nothing when it refuses: the database as it was comes back.
      this.reopen();
      throw err;
    }
    return this.afterRestore(result, actor);
  }

  /**
   * For the command line when the database cannot be opened (damaged or missing): puts a backup in place once the
   * host has checked who asks against the backup itself. restoreBackup judges the file and moves a damaged one aside.
   */
  async restoreWhileFailed(file: string, actor: string): Promise<RestoreView> {
    if (this.core) throw new BackupError('IN_USE', '数据库可以打开：请登录后恢复（backup.restore）');
    const result = await restoreBackup(this.dbPath, file);
    return this.afterRestore(result, actor);
  }

  /** While the database cannot be opened there is nobody to sign in against: the copies, each with its check. */
  backupsWhileFailed(): BackupView[] {
    return listBackups(this.dbPath).map((b) => ({ file: b.file, name: b.name, reason: b.reason, createdAt: b.createdAt, bytes: b.bytes, check: b.check() }));
  }

  private async restoreLatest(failure: CoreStartError): Promise<CoreResponse> {
    if (!REPAIRABLE.has(failure.code)) return fail('CONFLICT', '这一启动故障不是数据库损坏，从备份恢复无济于事；请将错误信息发给信息技术人员');
    const latest = failure.latestGoodBackup;
    if (!latest) return fail('NOT_FOUND', '没有找到可用的完好备份，请联系信息技术人员');
    try {
      // restoreBackup checks the backup again and moves the damaged file aside (never deletes it).
      const result = await restoreBackup(this.dbPath, latest);
      return { ok: true, value: this.afterRestore(result, STARTUP_RESTORE_ACTOR) };
    } catch (err) {
      if (err instanceof BackupError) return fail(err.code === 'IN_USE' ? 'CONFLICT' : 'BAD_ARGS', err.message);
      this.options.log?.(`启动时恢复失败：${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      return fail('INTERNAL', '恢复失败，详情已写入日志，请告知信息技术人员');
    }
  }

  private afterRestore(result: RestoreResult, actor: string): RestoreView {
    this.reopen();
    if (this.core) recordRestore(this.core.db, actor, result);
    return {
      restoredFrom: result.restoredFrom,
      cases: result.cases,
      courtCode: result.courtCode,
      courtName: result.courtName,
      beforeRestoreBackup: result.beforeRestoreBackup?.file ?? null,
      movedAsideTo: result.movedAsideTo,
      schemaVersion: result.schemaVersion,
    };
  }

  private status(failure: CoreStartError): StartupStatus {
    return {
      failed: true,
      code: failure.code,
      message: failure.message,
      dbPath: this.dbPath,
      latestGoodBackup: REPAIRABLE.has(failure.code) && failure.latestGoodBackup ? describeBackup(this.dbPath, failure.latestGoodBackup) : null,
    };
  }
}

function describeBackup(dbPath: string, file: string): NonNullable<StartupStatus['latestGoodBackup']> {
  const entry = listBackups(dbPath).find((b) => b.file === file);
  let cases: number | null = null;
  try {
    const db = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
    try {
      cases = db.prepare('SELECT count(*) FROM cases').pluck().get() as number;
    } finally {
      db.close();
    }
  } catch {
    cases = null;
  }
  return { file, createdAt: entry?.createdAt ?? '', cases, reason: entry?.reason ?? 'manual' };
}

function fail(code: ApiError['code'], message: string): CoreResponse {
  return { ok: false, error: { code, message } };
}
