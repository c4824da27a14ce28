// Classifies database start-up failures into a few kinds, each with a Chinese message staff can act on.
import { statSync } from 'node:fs';

export type DbErrorCode =
  | 'NEWER_VERSION' | 'CORRUPT' | 'NOT_A_DATABASE' | 'FOREIGN' | 'LOCKED' | 'READONLY' | 'NOT_FOUND' | 'EMPTY_FILE' | 'MIGRATION_FAILED' | 'OTHER';

export class DbOpenError extends Error {
  /** For a damaged file: the newest backup that passes its check, which the message also names. */
  readonly latestGoodBackup: string | null;
  /**
   * SQLite's or the system's own words behind the message (English, technical): for the log only. The message a
   * person reads never carries them.
   */
  readonly detail: string | null;

  constructor(
    readonly code: DbErrorCode,
    message: string,
    readonly dbPath: string,
    options?: { cause?: unknown; latestGoodBackup?: string | null; detail?: string | null },
  ) {
    super(message, options);
    this.name = 'DbOpenError';
    this.latestGoodBackup = options?.latestGoodBackup ?? null;
    this.detail = options?.detail ?? null;
  }
}

/** The untranslated text of any thrown value, with SQLite's code when there is one: what goes to the log. */
export function errorDetail(err: unknown): string {
  const code = typeof err === 'object' && err && 'code' in err ? String((err as { code: unknown }).code) : '';
  const text = err instanceof Error ? err.message : typeof err === 'object' && err && 'message' in err ? String((err as { message: unknown }).message) : String(err);
  return code ? `${code}: ${text}` : text;
}

/** Maps a SQLite error (better-sqlite3 sets `code` to SQLITE_*) to our kinds; SQLite's own text goes to `detail`. */
export function classifySqliteError(err: unknown, dbPath: string): DbOpenError {
  if (err instanceof DbOpenError) return err;
  const code = typeof err === 'object' && err && 'code' in err ? String((err as { code: unknown }).code) : '';
  const options = { cause: err, detail: errorDetail(err) };
  if (code.startsWith('SQLITE_CORRUPT')) {
    return new DbOpenError('CORRUPT', `数据库文件已损坏，请从备份恢复：${dbPath}`, dbPath, options);
  }
  if (code === 'SQLITE_NOTADB') {
    return new DbOpenError('NOT_A_DATABASE', `该文件不是法院质效台的数据库，或已严重损坏：${dbPath}`, dbPath, options);
  }
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return new DbOpenError('LOCKED', `数据库正被另一个程序使用，请关闭后重试：${dbPath}`, dbPath, options);
  }
  if (code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_CANTOPEN') || code.startsWith('SQLITE_PERM')) {
    return new DbOpenError('READONLY', `无法写入数据库文件，请检查文件权限或磁盘空间：${dbPath}`, dbPath, options);
  }
  if (code === 'SQLITE_FULL') {
    return new DbOpenError('READONLY', `磁盘空间已满，无法打开数据库，请腾出空间后重试：${dbPath}`, dbPath, options);
  }
  if (code.startsWith('SQLITE_IOERR')) {
    return new DbOpenError('OTHER', `读取数据库文件时磁盘出错，请检查磁盘后重试：${dbPath}。详情已写入日志`, dbPath, options);
  }
  return new DbOpenError('OTHER', `打开数据库失败：${dbPath}。原因已写入日志，请告知信息技术人员`, dbPath, options);
}

/**
 * The error for a database file that is not there to open: missing, or present with nothing in it (zero bytes: a first
 * start interrupted before SQLite wrote its header, or a file emptied by another program). Both used to read
 * "missing"; an empty file is there, and what to do about it differs.
 */
export function missingDatabaseError(file: string): DbOpenError {
  let size: number | null;
  try {
    size = statSync(file).size;
  } catch {
    size = null;
  }
  if (size === 0) {
    return new DbOpenError(
      'EMPTY_FILE',
      `数据库文件是空文件（0 字节），其中没有任何数据：${file}。可能是首次创建时被中断，或被其他程序清空。` +
        '若本院一直在使用这个文件，请从备份恢复（courtdesk restore 备份文件）；若要新建数据库，请删除这个空文件后运行 courtdesk init',
      file,
    );
  }
  return new DbOpenError('NOT_FOUND', `找不到数据库文件：${file}。请先用 courtdesk init 创建数据库`, file);
}

/**
 * Latin words outside the file's own path and the commands a message names (courtdesk init): SQLite's or
 * JavaScript's text inside what should be a Chinese sentence.
 */
function carriesForeignText(err: DbOpenError): boolean {
  return /[A-Za-z]{3,}/.test(err.message.split(err.dbPath).join('').replace(/courtdesk [a-z-]+/g, ''));
}

/**
 * The error as a person may read it. Messages built elsewhere around SQLite's words (a failed migration's error, the
 * rows of a quick_check) are rewritten from their kind, and the original sentence moves to `detail`, for the log.
 */
export function forPeople(err: DbOpenError): DbOpenError {
  // A foreign file's message names its tables on purpose: they are the file's, not SQLite's words.
  if (err.code === 'FOREIGN' || !carriesForeignText(err)) return err;
  const file = err.dbPath;
  const version = /结构版本 (\d+)/.exec(err.message)?.[1];
  let message: string;
  switch (err.code) {
    case 'CORRUPT':
      message = /未正常退出/.test(err.message)
        ? `数据库文件已损坏（上次程序未正常退出，启动检查发现损坏），为保护数据未作任何修改：${file}`
        : `数据库文件已损坏，为保护数据未作任何修改：${file}`;
      break;
    case 'MIGRATION_FAILED':
      message = `数据库升级失败，文件保持升级前的状态${version ? `（结构版本 ${version}）` : ''}：${file}。原因已写入日志，请告知信息技术人员`;
      break;
    case 'NEWER_VERSION':
      message = `该数据库由更新版本的法院质效台创建，为保护数据未作任何修改。请升级程序后再打开：${file}`;
      break;
    default:
      message = `打开数据库失败：${file}。原因已写入日志，请告知信息技术人员`;
  }
  const detail = [err.message, err.detail].filter(Boolean).join('；');
  return new DbOpenError(err.code, message, file, { cause: err.cause, latestGoodBackup: err.latestGoodBackup, detail });
}
