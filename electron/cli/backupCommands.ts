// The backup and restore commands of courtdesk: a checked copy now, the list of copies, and putting one back.
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { openDatabase, closeDatabase, type OpenedDatabase } from '../core/db/connection';
import { DbOpenError } from '../core/db/errors';
import { BackupError, checkRestore, createBackup, formatLocalTime, listBackups, restoreBackup } from '../core/backup/backups';
import { LATEST_SCHEMA_VERSION } from '../core/db/migrations';
import { defaultDbPath } from '../core/api/core';
import { recordManualBackup, recordRestore } from '../core/backup/backupAudit';
import { BACKUP_REASON_LABELS, formatSize } from '../../shared/backup/backupLabels';
import { CliError, authenticate, type CommandSpec, type GlobalOptions, type Io } from './cliAuth';

/** Signs the user in against db under backup.manage, as every command does; the user's name. */
function signIn(db: Database, g: GlobalOptions, command: string): string {
  return authenticate(db, g, 'backup.manage', command).person.name;
}

/** Opens the current database; null when the file is missing or damaged (then there is nothing to sign in against). */
function openCurrent(dbPath: string): OpenedDatabase | null {
  try {
    return openDatabase(dbPath);
  } catch (err) {
    if (err instanceof DbOpenError) {
      if (err.code === 'NOT_FOUND' || err.code === 'CORRUPT' || err.code === 'NOT_A_DATABASE') return null;
      throw new CliError(err.message, 1);
    }
    throw err;
  }
}

/**
 * Restoring over a missing or damaged database: the user signs in against the backup itself (read-only). A backup
 * from before accounts existed, or a file that is no database, has nobody to check; restoreBackup judges the file.
 */
function signInAgainstBackup(file: string, g: GlobalOptions): string | null {
  let db: Database;
  try {
    db = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  } catch {
    return null;
  }
  try {
    let hasAccounts = false;
    try {
      hasAccounts = db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'accounts'").get() !== undefined;
    } catch {
      return null;
    }
    return hasAccounts ? signIn(db, g, 'restore') : null;
  } finally {
    db.close();
  }
}

function dbPathOf(g: GlobalOptions): string {
  return path.resolve(g.db ?? defaultDbPath());
}

function listCommand(g: GlobalOptions, io: Io): number {
  const dbPath = dbPathOf(g);
  // Listing needs backup.manage like the rest, except when the database cannot be opened: then finding a good
  // backup is exactly what the user needs.
  const current = openCurrent(dbPath);
  if (current) {
    try {
      signIn(current.db, g, 'backup --list');
    } finally {
      closeDatabase(current.db);
    }
  }
  const rows = listBackups(dbPath).map((e) => {
    const c = e.check();
    return { file: e.file, reason: e.reason, createdAt: e.createdAt, bytes: e.bytes, ok: c.ok, message: c.message, schemaVersion: c.schemaVersion, cases: c.cases };
  });
  if (g.json) io.out(JSON.stringify(rows));
  else if (rows.length === 0) io.out(`没有备份：${path.join(path.dirname(dbPath), 'backups')} 中没有该数据库的备份`);
  else {
    for (const r of rows) {
      const state = r.ok ? `完好，${r.cases} 件案件` : r.message;
      io.out([formatLocalTime(r.createdAt), BACKUP_REASON_LABELS[r.reason], formatSize(r.bytes), state, r.file].join('\t'));
    }
  }
  return 0;
}

export const backup: CommandSpec = {
  positionals: [],
  options: ['to', 'list'],
  requires: 'backup.manage',
  async run(g, _args, v, io) {
    if (v.list) {
      if (v.to !== undefined) throw new CliError('--list 不能与 --to 同用', 2);
      return listCommand(g, io);
    }
    const to = v.to;
    if (to !== undefined && (typeof to !== 'string' || to.trim() === '')) throw new CliError('--to 需要一个文件夹', 2);
    const dbPath = dbPathOf(g);
    let opened;
    try {
      opened = openDatabase(dbPath);
    } catch (err) {
      if (err instanceof DbOpenError) throw new CliError(err.message, 1);
      throw err;
    }
    let info;
    try {
      const actor = signIn(opened.db, g, 'backup');
      info = await createBackup(opened.db, dbPath, { reason: 'manual', to: typeof to === 'string' ? to : undefined });
      recordManualBackup(opened.db, actor, info);
    } catch (err) {
      if (err instanceof BackupError) throw new CliError(err.message, 1);
      throw err;
    } finally {
      closeDatabase(opened.db);
    }
    if (g.json) io.out(JSON.stringify(info));
    else io.out(`已备份到 ${info.file}（${formatSize(info.bytes)}，${info.cases} 件案件，已通过完整性检查）`);
    return 0;
  },
};

export const restore: CommandSpec = {
  positionals: ['备份文件'],
  options: [],
  requires: 'backup.manage',
  async run(g, [file], _v, io) {
    const source = path.resolve(file);
    if (!existsSync(source)) throw new CliError(`找不到备份文件：${source}`, 1);
    const dbPath = dbPathOf(g);
    // A backup that would be refused is refused before the current database is even opened (opening may upgrade it).
    let checked;
    try {
      checked = checkRestore(dbPath, source);
    } catch (err) {
      if (err instanceof BackupError) throw new CliError(err.message, 1);
      throw err;
    }
    const current = openCurrent(dbPath);
    let actor: string | null = null;
    if (current) {
      // Signed in against the current database, then closed: restoreBackup replaces a file nobody holds open.
      try {
        actor = signIn(current.db, g, 'restore');
      } finally {
        closeDatabase(current.db);
      }
    } else actor = signInAgainstBackup(source, g);
    let result;
    try {
      result = await restoreBackup(dbPath, source, { checked });
    } catch (err) {
      if (err instanceof BackupError) throw new CliError(err.message, 1);
      throw err;
    }
    // The restored database records its own restore (opening it also upgrades an older schema, backing up first).
    const restored = openDatabase(dbPath);
    try {
      recordRestore(restored.db, actor ?? '（命令行）', result);
    } finally {
      closeDatabase(restored.db);
    }
    if (g.json) {
      io.out(JSON.stringify(result));
      return 0;
    }
    if (result.beforeRestoreBackup) io.out(`已先将当前数据库备份到 ${result.beforeRestoreBackup.file}`);
    if (result.movedAsideTo) io.out(`当前数据库已损坏，未删除，已改名保留为 ${result.movedAsideTo}`);
    io.out(`已从 ${result.restoredFrom} 恢复 ${result.courtName}（${result.courtCode}）的数据库：${result.cases} 件案件`);
    if (result.schemaVersion < LATEST_SCHEMA_VERSION) {
      io.out(`该备份的结构版本为 ${result.schemaVersion}，已先备份再升级到 ${LATEST_SCHEMA_VERSION}`);
    }
    return 0;
  },
};
