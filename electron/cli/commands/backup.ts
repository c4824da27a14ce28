// Commands of the backup domain: a checked copy now (to the backups folder or a USB stick), the list of copies with
// their checks, and restoring one, also over a damaged or missing database.
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BackupView, RestoreView } from '../../../shared/api/contract';
import { BACKUP_REASON_LABELS, formatSize } from '../../../shared/backup/backupLabels';
import { formatLocalTime } from '../../core/backup/backupNames';
import { BackupError } from '../../core/backup/backupError';
import { LATEST_SCHEMA_VERSION } from '../../core/db/migrations';
import { CliError, dbPathOf, openRuntime, signIn, withSession, type CommandSpec, type GlobalOptions, type Io } from '../cliHost';

function printList(g: GlobalOptions, io: Io, dbPath: string, backups: BackupView[]): void {
  const rows = backups.map((b) => ({
    file: b.file, reason: b.reason, createdAt: b.createdAt, bytes: b.bytes,
    ok: b.check!.ok, message: b.check!.message, schemaVersion: b.check!.schemaVersion, cases: b.check!.cases,
  }));
  if (g.json) io.out(JSON.stringify(rows));
  else if (rows.length === 0) io.out(`没有备份：${path.join(path.dirname(dbPath), 'backups')} 中没有该数据库的备份`);
  else {
    for (const r of rows) {
      const state = r.ok ? `完好，${r.cases} 件案件` : r.message;
      io.out([formatLocalTime(r.createdAt), BACKUP_REASON_LABELS[r.reason], formatSize(r.bytes), state, r.file].join('\t'));
    }
  }
}

export const backup: CommandSpec = {
  positionals: [],
  options: { to: { type: 'string' }, list: { type: 'boolean' } },
  signIn: 'required',
  async run(g, _args, v, io) {
    if (v.list) {
      if (v.to !== undefined) throw new CliError('--list 不能与 --to 同用', 2);
      const runtime = openRuntime(g);
      try {
        const dbPath = dbPathOf(g);
        // A database that cannot be opened has nobody to sign in against, and finding a good copy is the need.
        if (runtime.startupFailure) printList(g, io, dbPath, runtime.backupsWhileFailed());
        else {
          const call = await signIn(runtime, g, io);
          printList(g, io, dbPath, (await call('backup.list', { checked: true })).backups);
        }
      } finally {
        runtime.close();
      }
      return 0;
    }
    const to = v.to;
    if (to !== undefined && (typeof to !== 'string' || to.trim() === '')) throw new CliError('--to 需要一个文件夹', 2);
    const info = await withSession(g, io, ({ call }) => call('backup.create', { to: typeof to === 'string' ? path.resolve(to) : undefined }));
    if (g.json) io.out(JSON.stringify(info));
    else io.out(`已备份到 ${info.file}（${formatSize(info.bytes)}，${info.cases} 件案件，已通过完整性检查）`);
    return 0;
  },
};

/**
 * Over a damaged or missing database the person is checked against the backup itself: on a copy of it in a
 * temporary folder (opening upgrades an older schema, and the backup must stay as it is), through the same sign-in
 * and the same backup.manage check as any command. Null when the copy cannot be opened: the restore then refuses it.
 */
async function signInAgainstBackup(g: GlobalOptions, io: Io, source: string): Promise<string | null> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'courtdesk-restore-'));
  try {
    const copy = path.join(dir, 'backup.sqlite');
    copyFileSync(source, copy);
    const runtime = openRuntime(g, { dbPath: copy });
    try {
      if (runtime.startupFailure) return null;
      const call = await signIn(runtime, g, io);
      await call('backup.list', {});
      return g.user!;
    } finally {
      runtime.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function printRestore(g: GlobalOptions, io: Io, result: RestoreView): void {
  if (g.json) {
    io.out(JSON.stringify(result));
    return;
  }
  if (result.beforeRestoreBackup) io.out(`已先将当前数据库备份到 ${result.beforeRestoreBackup}`);
  if (result.movedAsideTo) io.out(`当前数据库已损坏，未删除，已改名保留为 ${result.movedAsideTo}`);
  io.out(`已从 ${result.restoredFrom} 恢复 ${result.courtName}（${result.courtCode}）的数据库：${result.cases} 件案件`);
  if (result.schemaVersion < LATEST_SCHEMA_VERSION) io.out(`该备份的结构版本为 ${result.schemaVersion}，已先备份再升级到 ${LATEST_SCHEMA_VERSION}`);
}

export const restore: CommandSpec = {
  positionals: ['备份文件'],
  options: {},
  signIn: 'required',
  async run(g, [file], _v, io) {
    const source = path.resolve(file);
    if (!existsSync(source)) throw new CliError(`找不到备份文件：${source}`, 1);
    const runtime = openRuntime(g);
    try {
      if (!runtime.startupFailure) {
        const call = await signIn(runtime, g, io);
        printRestore(g, io, await call('backup.restore', { file: source }));
        return 0;
      }
      const actor = await signInAgainstBackup(g, io, source);
      try {
        printRestore(g, io, await runtime.restoreWhileFailed(source, actor ?? '（命令行）'));
      } catch (err) {
        // A refused or failed restore says why in Chinese; anything else is an internal error, which the command's
        // runner reports without JavaScript's own text (COURTDESK_DEBUG shows it).
        if (err instanceof BackupError) throw new CliError(err.message, 1);
        throw err;
      }
      return 0;
    } finally {
      runtime.close();
    }
  },
};
