// Handlers of the backup domain: checked copies on request, the list of copies, restores through the host's
// runtime, and the start-up screen's calls (which a healthy core answers trivially).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { backupApi, type BackupCheckView } from '../../../shared/backup/api';
import { createDomain } from '../kernel/domain';
import { CoreError } from '../kernel/errors';
import { BackupError, backupErrorDetail } from './backupError';
import { checkBackup, checkBackupAsync, type BackupCheck } from './backupCheck';
import { checkRestore } from './backupRestore';
import { createBackup } from './backupWrite';
import { backupDirFor, listBackups } from './backupNames';
import { recordManualBackup } from './backupAudit';
import type { CoreServices } from '../app/services';

/** A path an administrator typed: it must be complete, since the app's working folder means nothing to them. */
function absolutePath(p: string, what: string): string {
  if (!path.isAbsolute(p)) throw new CoreError('BAD_ARGS', `请填写${what}的完整路径，例如 E:\\法院质效台备份（而不是“${p}”）`);
  return path.resolve(p);
}

function existingFile(file: string): string {
  const resolved = absolutePath(file, '备份文件');
  if (!existsSync(resolved)) throw new CoreError('NOT_FOUND', `找不到备份文件：${resolved}`);
  return resolved;
}

function checkView(file: string, c: BackupCheck): BackupCheckView {
  return { file, ...c };
}

/** A refused or failed copy, in the contract's words: a failed copy is the machine's fault, not the person's. */
function backupErrors<T>(s: CoreServices, run: () => Promise<T>): Promise<T> {
  return run().catch((err: unknown) => {
    if (!(err instanceof BackupError)) throw err;
    // The message says what a clerk can act on; the error's own words behind it are for the IT staff's log.
    if (err.cause) s.log(`${err.message}（${backupErrorDetail(err.cause)}）`);
    if (err.code === 'FAILED' || err.code === 'VERIFY_FAILED') throw new CoreError('DB_ERROR', err.message, { cause: err });
    throw new CoreError(err.code === 'IN_USE' ? 'CONFLICT' : 'BAD_ARGS', err.message, { cause: err });
  });
}

export const backupDomain = createDomain('backup', backupApi, (s: CoreServices) => ({
  'backup.list': (a) => ({
    dir: backupDirFor(s.dbPath),
    backups: listBackups(s.dbPath).map((b) => ({
      file: b.file, name: b.name, reason: b.reason, createdAt: b.createdAt, bytes: b.bytes,
      ...(a.checked ? { check: checkBackup(b.file) } : {}),
    })),
  }),
  'backup.check': (a) => backupErrors(s, async () => {
    const file = existingFile(a.file);
    return checkView(file, await checkBackupAsync(file));
  }),
  'backup.create': (a, ctx) => backupErrors(s, async () => {
    const info = await createBackup(s.db, s.dbPath, { reason: 'manual', to: a.to ? absolutePath(a.to, '文件夹') : undefined });
    recordManualBackup(s.db, ctx.actor, info);
    return { file: info.file, bytes: info.bytes, schemaVersion: info.schemaVersion, cases: info.cases, createdAt: info.createdAt, reason: info.reason };
  }),
  'backup.restore': (a, ctx) => backupErrors(s, async () => {
    if (!s.restore) throw new CoreError('CONFLICT', '这里不能恢复备份，请关闭程序后用 courtdesk restore 恢复');
    const file = existingFile(a.file);
    // Checked before anything is closed: a refused backup leaves the running app exactly as it was.
    const checked = checkRestore(s.dbPath, file, await checkBackupAsync(file));
    const result = await s.restore(file, ctx.actor, checked);
    // The restored database has its own accounts and sessions: everyone signs in again.
    ctx.endSession();
    return result;
  }),
  'startup.status': () => ({ failed: false, code: null, message: null, dbPath: s.dbPath, latestGoodBackup: null }),
  'startup.restoreLatest': () => {
    throw new CoreError('CONFLICT', '数据库完好，无需从备份恢复；如需恢复，请登录后在“设置 · 备份与恢复”中操作');
  },
}));
