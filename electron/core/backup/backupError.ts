// Why a backup or a restore failed: one error class with a code, and the Chinese wording the checks share.
import { sqliteCode } from '../kernel/errors';

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
  damagedDatabase: '数据库文件已损坏',
  newer: '备份由更新版本的程序创建',
  notOurs: '不是法院质效台的数据库',
} as const;

export { sqliteCode };

/**
 * What a failed copy tells the user: the causes a clerk can act on by name, otherwise that it went wrong. Never the
 * error's own text (SQLite's or the system's English): that goes to the log with the error, its cause.
 */
export function explain(err: unknown): string {
  const code = (err as NodeJS.ErrnoException)?.code;
  const sqlite = sqliteCode(err);
  if (code === 'ENOSPC' || sqlite === 'SQLITE_FULL') return '磁盘空间不足';
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS' || sqlite.startsWith('SQLITE_READONLY')) return '没有写入权限';
  if (code === 'ENOENT') return '文件或文件夹不存在（U 盘是否已拔出？）';
  if (code === 'ENOTDIR' || code === 'EEXIST') return '路径上有同名的文件，不是文件夹';
  if (code === 'EISDIR') return '路径上有同名的文件夹，不是文件';
  if (code === 'ENAMETOOLONG') return '文件名或路径过长';
  if (code === 'EBUSY' || sqlite.startsWith('SQLITE_BUSY') || sqlite.startsWith('SQLITE_LOCKED')) return '文件正被其他程序使用，请稍后再试';
  if (code === 'EIO' || sqlite.startsWith('SQLITE_IOERR')) return '读写磁盘出错，请检查磁盘或 U 盘';
  if (sqlite.startsWith('SQLITE_CORRUPT') || sqlite === 'SQLITE_NOTADB') return MESSAGES.damagedDatabase;
  if (sqlite.startsWith('SQLITE_CANTOPEN')) return '无法打开文件，请检查路径与权限';
  return '发生意外错误，详情已写入日志，请告知信息技术人员';
}

/** The untranslated detail of a failed copy or restore and its causes, for the log. */
export function backupErrorDetail(err: unknown): string {
  const parts: string[] = [];
  for (let e: unknown = err, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    parts.push(`${code ? `${String(code)}: ` : ''}${e instanceof Error ? e.message : String(e)}`);
    if (!(e instanceof Error)) break;
  }
  return parts.join(' ← ');
}
