// Classifies database start-up failures into a few kinds, each with a Chinese message staff can act on.

export type DbErrorCode = 'NEWER_VERSION' | 'CORRUPT' | 'NOT_A_DATABASE' | 'LOCKED' | 'READONLY' | 'NOT_FOUND' | 'MIGRATION_FAILED' | 'OTHER';

export class DbOpenError extends Error {
  /** For a damaged file: the newest backup that passes its check, which the message also names. */
  readonly latestGoodBackup: string | null;

  constructor(
    readonly code: DbErrorCode,
    message: string,
    readonly dbPath: string,
    options?: { cause?: unknown; latestGoodBackup?: string | null },
  ) {
    super(message, options);
    this.name = 'DbOpenError';
    this.latestGoodBackup = options?.latestGoodBackup ?? null;
  }
}

/** Maps a SQLite error (better-sqlite3 sets `code` to SQLITE_*) to our kinds. */
export function classifySqliteError(err: unknown, dbPath: string): DbOpenError {
  if (err instanceof DbOpenError) return err;
  const code = typeof err === 'object' && err && 'code' in err ? String((err as { code: unknown }).code) : '';
  const detail = err instanceof Error ? err.message : String(err);
  if (code.startsWith('SQLITE_CORRUPT')) {
    return new DbOpenError('CORRUPT', `数据库文件已损坏（${detail}），请从备份恢复：${dbPath}`, dbPath, { cause: err });
  }
  if (code === 'SQLITE_NOTADB') {
    return new DbOpenError('NOT_A_DATABASE', `该文件不是法院质效台的数据库，或已严重损坏：${dbPath}`, dbPath, { cause: err });
  }
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return new DbOpenError('LOCKED', `数据库正被另一个程序使用，请关闭后重试：${dbPath}`, dbPath, { cause: err });
  }
  if (code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_CANTOPEN') || code.startsWith('SQLITE_PERM')) {
    return new DbOpenError('READONLY', `无法写入数据库文件，请检查文件权限或磁盘空间：${dbPath}`, dbPath, { cause: err });
  }
  return new DbOpenError('OTHER', `打开数据库失败：${detail}`, dbPath, { cause: err });
}
