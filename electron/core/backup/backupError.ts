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
  newer: '备份由更新版本的程序创建',
  notOurs: '不是法院质效台的数据库',
} as const;

export { sqliteCode };

/** What a failed copy tells the user: the few causes a clerk can act on by name, otherwise the error itself. */
export function explain(err: unknown): string {
  const code = (err as NodeJS.ErrnoException)?.code;
  if (code === 'ENOSPC') return '磁盘空间不足';
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS' || sqliteCode(err).startsWith('SQLITE_READONLY')) return '没有写入权限';
  if (sqliteCode(err) === 'SQLITE_FULL') return '磁盘空间不足';
  return err instanceof Error ? err.message : String(err);
}
