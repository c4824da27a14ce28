// The core's errors: what a person can correct (InputError), what the core refuses (CoreError), and how any error
// becomes an answer in Chinese. SQLite's and JavaScript's own texts go to the log, never to the person.
import type { ApiError, ApiErrorCode } from '../../../shared/api/contract';

/** An error that already knows its answer: a code of the contract and a Chinese message for the person. */
export class CoreError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'CoreError';
  }
}

/** Input a person can correct, whichever domain meets it (cases, accounts, setup): the message names the field. */
export class InputError extends CoreError {
  constructor(
    message: string,
    readonly field: string | null = null,
  ) {
    super('BAD_ARGS', message);
    this.name = 'InputError';
  }
}

/** better-sqlite3 sets `code` to SQLITE_* on its errors. */
export function sqliteCode(err: unknown): string {
  return typeof err === 'object' && err && 'code' in err ? String((err as { code: unknown }).code) : '';
}

/**
 * The answer for an error a handler threw. Every write is one transaction, so whatever failed left the database as
 * it was; the messages say so. `log` receives the untranslated detail for the IT staff.
 */
export function toApiError(err: unknown, log?: (line: string) => void): ApiError {
  // Only an argument's name travels as `field` (a form marks that box); stores that name the import's columns
  // (开始日期) say so in the message, which is what a person reads.
  if (err instanceof InputError && err.field && /^[A-Za-z][\w.]*$/.test(err.field)) return { code: err.code, message: err.message, field: err.field };
  if (err instanceof CoreError) return { code: err.code, message: err.message };
  const code = sqliteCode(err);
  const detail = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  if (code.startsWith('SQLITE_')) {
    log?.(`数据库错误 ${code}：${detail}`);
    if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
      return { code: 'BUSY', message: '数据库正忙（另一项操作正在写入），本次操作未执行，请稍候再试' };
    }
    if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') {
      return { code: 'DB_ERROR', message: '数据库文件已损坏，本次操作未完成。请联系信息技术人员从备份恢复' };
    }
    if (code === 'SQLITE_FULL') return { code: 'DB_ERROR', message: '磁盘空间已满，本次操作未完成，数据保持原样' };
    // SQLite's code (SQLITE_IOERR_WRITE …) is in the log line above; the person reads what to do.
    if (code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_IOERR') || code.startsWith('SQLITE_CANTOPEN')) {
      return { code: 'DB_ERROR', message: '无法写入数据库文件，本次操作未完成，数据保持原样。请检查磁盘与文件权限' };
    }
    return { code: 'DB_ERROR', message: '数据库出错，本次操作未完成，数据保持原样；详情已写入日志，请告知信息技术人员' };
  }
  log?.(`内部错误：${detail}${err instanceof Error && err.stack ? `\n${err.stack}` : ''}`);
  return { code: 'INTERNAL', message: '内部错误，本次操作未完成；详情已写入日志，请告知信息技术人员' };
}

export function failure(code: ApiErrorCode, message: string): { ok: false; error: ApiError } {
  return { ok: false, error: { code, message } };
}
