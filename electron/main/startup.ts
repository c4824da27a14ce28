// Start-up decisions without Electron: which database to open, and what the failure dialog says.
import path from 'node:path';

export const DB_FILE_NAME = 'courtdesk.sqlite';

export interface DatabaseChoice {
  dbPath: string;
  /** A newcomer's default database is created as a demo; a path chosen on purpose is opened as it is. */
  demo: boolean;
}

export function chooseDatabase(userDataDir: string, env: Record<string, string | undefined>): DatabaseChoice {
  const override = env.COURTDESK_DB?.trim();
  if (override) return { dbPath: path.resolve(override), demo: false };
  return { dbPath: path.join(userDataDir, DB_FILE_NAME), demo: true };
}

/** What the main process knows of a CoreStartError, without importing the core into this pure file. */
export interface StartFailure {
  code?: string;
  message: string;
}

const HEADINGS: Record<string, string> = {
  NEWER_VERSION: '数据库由更新版本的法院质效台创建，本版本无法打开',
  CORRUPT: '数据库文件已损坏',
  NOT_A_DATABASE: '所选文件不是法院质效台的数据库',
  LOCKED: '数据库正被另一个程序使用',
  READONLY: '无法写入数据库文件',
  NOT_FOUND: '找不到数据库文件',
  MIGRATION_FAILED: '数据库升级失败，已保持原样',
};

export const STARTUP_BUTTONS = ['复制错误信息', '退出'] as const;
export const COPY_BUTTON = 0;
export const QUIT_BUTTON = 1;

export interface StartupFailureDialog {
  type: 'error';
  title: string;
  message: string;
  detail: string;
  buttons: string[];
  defaultId: number;
  cancelId: number;
  noLink: true;
}

export function startupFailureDialog(failure: StartFailure, dbPath: string): StartupFailureDialog {
  return {
    type: 'error',
    title: '法院质效台无法启动',
    message: HEADINGS[failure.code ?? ''] ?? '无法打开数据库',
    // Staff fear that a failed start cost them data; saying it did not is part of the message.
    detail: `${failure.message}\n\n数据库文件：${dbPath}\n本程序没有修改或删除该文件。请将错误信息发给信息技术人员。`,
    buttons: [...STARTUP_BUTTONS],
    defaultId: COPY_BUTTON,
    cancelId: QUIT_BUTTON,
    noLink: true,
  };
}

/** The text put on the clipboard: everything a technician needs, in one paste. */
export function startupFailureReport(failure: StartFailure, dbPath: string, info: { appVersion: string; platform: string; electron?: string }): string {
  return [
    '法院质效台启动失败',
    `错误代码：${failure.code ?? 'OTHER'}`,
    `错误信息：${failure.message}`,
    `数据库文件：${dbPath}`,
    `程序版本：${info.appVersion}`,
    `运行平台：${info.platform}${info.electron ? `，Electron ${info.electron}` : ''}`,
  ].join('\n');
}
