// The app runtime behind both shells: backups on request, restore through the API, and the start-up screen's restore.
import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, truncateSync, statSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { AppRuntime, STARTUP_RESTORE_ACTOR } from '../../electron/core/app/appRuntime';
import { AccountStore } from '../../electron/core/accounts/accountStore';
import { createBackup } from '../../electron/core/backup/backupWrite';
import { listBackups } from '../../electron/core/backup/backupNames';
import { closeDatabase, openDatabase } from '../../electron/core/db/connection';
import { verifyAuditChain } from '../../electron/core/audit/auditLog';
import type { CoreResponse } from '../../electron/core/app/openCore';
import { freshCourtDb, record } from '../helpers/tempDb';
import { breakIndexPage } from '../helpers/damage';

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

const ADMIN = { name: '信息员', password: 'admin-pass-1' };
const JUDGE = { name: '王法官', password: 'judge-pass-1' };

/** A court database with cases, an administrator and a judge, closed so that a runtime can open it. */
function court(cases = 20) {
  const t = freshCourtDb();
  t.put(Array.from({ length: cases }, (_, i) => record({ caseNumber: `（2024）辽0421民初${i + 1}号` })));
  const accounts = new AccountStore(t.db);
  accounts.create({ name: ADMIN.name, roles: ['admin'], password: ADMIN.password, actor: 'tester' });
  accounts.create({ name: JUDGE.name, roles: ['judge'], division: '民一庭', password: JUDGE.password, actor: 'tester' });
  closeDatabase(t.db);
  cleanups.push(() => t.close());
  return t;
}

function runtime(file: string) {
  const r = new AppRuntime({ dbPath: file, host: 'loopback', today: '2024-12-31' });
  cleanups.unshift(() => r.close());
  return r;
}

async function signIn(r: AppRuntime, who: { name: string; password: string }): Promise<string> {
  const res = await r.call('auth.signIn', who);
  expect(res.ok, JSON.stringify(res)).toBe(true);
  return (res.session as { set: string }).set;
}

function value<T>(res: CoreResponse): T {
  if (!res.ok) throw new Error(`${res.error.code}: ${res.error.message}`);
  return res.value as T;
}

function auditActions(file: string): Array<{ actor: string; action: string; after: string | null }> {
  const db = new BetterSqlite3(file, { readonly: true });
  try {
    return db.prepare('SELECT actor, action, after_json AS after FROM audit_log ORDER BY id').all() as Array<{ actor: string; action: string; after: string | null }>;
  } finally {
    db.close();
  }
}

const caseCount = (r: AppRuntime) => r.current!.db.prepare('SELECT count(*) FROM cases').pluck().get() as number;

describe('backups through the API', () => {
  it('makes a checked manual backup, lists it, and writes who made it to the audit log', async () => {
    const t = court();
    const r = runtime(t.file);
    const session = await signIn(r, ADMIN);
    const made = value<{ file: string; cases: number }>(await r.call('backup.create', {}, { session }));
    expect(made.cases).toBe(20);
    expect(existsSync(made.file)).toBe(true);
    const list = value<{ dir: string; backups: Array<{ file: string; reason: string }> }>(await r.call('backup.list', {}, { session }));
    expect(list.backups.map((b) => b.file)).toEqual([made.file]);
    expect(list.backups[0].reason).toBe('manual');
    const check = value<{ ok: boolean; cases: number }>(await r.call('backup.check', { file: made.file }, { session }));
    expect(check).toMatchObject({ ok: true, cases: 20 });
    const last = r.current!.db.prepare('SELECT actor, action, after_json FROM audit_log ORDER BY id DESC LIMIT 1').get() as { actor: string; action: string; after_json: string };
    expect(last).toMatchObject({ actor: ADMIN.name, action: 'backup' });
    expect(JSON.parse(last.after_json)).toMatchObject({ file: made.file, cases: 20 });
  });

  it('writes to another folder (a USB stick) and refuses a folder that is not there, in Chinese', async () => {
    const t = court();
    const stick = path.join(t.dir, 'stick');
    mkdirSync(stick);
    const r = runtime(t.file);
    const session = await signIn(r, ADMIN);
    const made = value<{ file: string }>(await r.call('backup.create', { to: stick }, { session }));
    expect(path.dirname(made.file)).toBe(stick);
    const missing = await r.call('backup.create', { to: path.join(t.dir, 'nowhere') }, { session });
    expect(missing.ok).toBe(false);
    expect(!missing.ok && missing.error.message).toMatch(/文件夹/);
  });

  it('refuses backup calls to a judge and writes the attempt to the audit log', async () => {
    const t = court();
    const r = runtime(t.file);
    const session = await signIn(r, JUDGE);
    for (const [method, args] of [['backup.create', {}], ['backup.list', {}], ['backup.restore', { file: t.file }]] as const) {
      const res = await r.call(method, args, { session });
      expect(res.ok).toBe(false);
      expect(!res.ok && res.error.code).toBe('FORBIDDEN');
    }
    const denied = r.current!.db.prepare("SELECT count(*) FROM audit_log WHERE action = 'denied' AND actor = ?").pluck().get(JUDGE.name);
    expect(denied).toBe(3);
    expect(listBackups(t.file)).toHaveLength(0);
  });
});

describe('restore through the API', () => {
  it('backs up the current database, restores, signs everyone out, and records the restore in the restored log', async () => {
    const t = court(20);
    const r = runtime(t.file);
    const session = await signIn(r, ADMIN);
    const judgeSession = await signIn(r, JUDGE);
    const made = value<{ file: string }>(await r.call('backup.create', {}, { session }));
    // Work done after the backup: five cases changed.
    const db = r.current!.db;
    const before = r.current!;
    db.prepare("UPDATE cases SET cause = '买卖合同纠纷' WHERE id <= 5").run();
    expect(caseCount(r)).toBe(20);

    const res = await r.call('backup.restore', { file: made.file }, { session });
    const restored = value<{ cases: number; beforeRestoreBackup: string; movedAsideTo: string | null }>(res);
    expect(res.session).toEqual({ clear: true });
    expect(restored.cases).toBe(20);
    expect(restored.movedAsideTo).toBeNull();
    expect(existsSync(restored.beforeRestoreBackup)).toBe(true);
    expect(r.current).not.toBe(before);
    // The change made after the backup is gone from the database, kept in the copy taken before the restore.
    expect(r.current!.db.prepare("SELECT count(*) FROM cases WHERE cause = '买卖合同纠纷'").pluck().get()).toBe(0);
    const copy = new BetterSqlite3(restored.beforeRestoreBackup, { readonly: true });
    expect(copy.prepare("SELECT count(*) FROM cases WHERE cause = '买卖合同纠纷'").pluck().get()).toBe(5);
    copy.close();
    // Every session of the old database is gone.
    for (const s of [session, judgeSession]) {
      const after = await r.call('cases.count', {}, { session: s });
      expect(!after.ok && after.error.code).toBe('SIGNED_OUT');
    }
    const log = auditActions(t.file);
    const entry = log[log.length - 1];
    expect(entry).toMatchObject({ actor: ADMIN.name, action: 'restore' });
    expect(JSON.parse(entry.after!)).toMatchObject({ restoredFrom: made.file, previous: 'backed-up', beforeRestoreBackup: restored.beforeRestoreBackup });
    expect(verifyAuditChain(r.current!.db).ok).toBe(true);
    await signIn(r, ADMIN);
  });

  it('refuses a damaged backup and keeps the running database as it was', async () => {
    const t = court(20);
    const r = runtime(t.file);
    const session = await signIn(r, ADMIN);
    const made = value<{ file: string }>(await r.call('backup.create', {}, { session }));
    truncateSync(made.file, Math.floor(statSync(made.file).size / 2));
    const before = readFileSync(t.file);
    const res = await r.call('backup.restore', { file: made.file }, { session });
    expect(res.ok).toBe(false);
    expect(!res.ok && res.error.message).toMatch(/损坏|不能恢复|不是/);
    // Same core, same session: nothing was closed.
    expect(value<{ count: number }>(await r.call('users.list', {}, { session }))).toBeTruthy();
    expect(readFileSync(t.file).equals(before)).toBe(true);
    const missing = await r.call('backup.restore', { file: path.join(t.dir, 'none.sqlite') }, { session });
    expect(!missing.ok && missing.error).toMatchObject({ code: 'NOT_FOUND' });
    expect(!missing.ok && missing.error.message).toContain('找不到备份文件');
  });

  it('runs one restore at a time: a second, from another window, answers BUSY and the first completes', async () => {
    const t = court(200);
    const r = runtime(t.file);
    const a = await signIn(r, ADMIN);
    const made = value<{ file: string }>(await r.call('backup.create', {}, { session: a }));
    const first = r.call('backup.restore', { file: made.file }, { session: a });
    const second = await r.call('backup.restore', { file: made.file }, { session: a });
    expect(!second.ok && second.error).toMatchObject({ code: 'BUSY' });
    expect(value<{ cases: number }>(await first).cases).toBe(200);
    expect(existsSync(`${t.file}.restoring`)).toBe(false);
    await signIn(r, ADMIN);
    expect(caseCount(r)).toBe(200);
    expect(verifyAuditChain(r.current!.db).ok).toBe(true);
  });

  it('refuses a path that is not complete, in Chinese', async () => {
    const t = court(5);
    const r = runtime(t.file);
    const session = await signIn(r, ADMIN);
    for (const [method, args] of [['backup.create', { to: 'U盘' }], ['backup.check', { file: 'backups/x.sqlite' }], ['backup.restore', { file: 'x.sqlite' }]] as const) {
      const res = await r.call(method, args, { session });
      expect(!res.ok && res.error).toMatchObject({ code: 'BAD_ARGS' });
      expect(!res.ok && res.error.message).toContain('完整路径');
    }
  });

  it('answers BUSY while a restore is replacing the database', async () => {
    const t = court(200);
    const r = runtime(t.file);
    const session = await signIn(r, ADMIN);
    const made = value<{ file: string }>(await r.call('backup.create', {}, { session }));
    const restoring = r.call('backup.restore', { file: made.file }, { session });
    // Give the restore a moment to pass its checks and close the core.
    let busy: CoreResponse | null = null;
    for (let i = 0; i < 200 && !busy; i++) {
      await new Promise((resolve) => setTimeout(resolve, 2));
      const res = await r.call('auth.status', {});
      if (!res.ok && res.error.code === 'BUSY') busy = res;
    }
    expect(value(await restoring)).toBeTruthy();
    expect(busy && !busy.ok && busy.error.message).toContain('正在从备份恢复');
    expect(value<{ setupNeeded: boolean }>(await r.call('auth.status', {})).setupNeeded).toBe(false);
  });
});

describe('a damaged database at start', () => {
  it('says why, offers the latest good backup, restores it without sign-in, and keeps the damaged file', async () => {
    const t = court(30);
    const { db } = openDatabase(t.file);
    const good = await createBackup(db, t.file, { reason: 'daily' });
    closeDatabase(db);
    truncateSync(t.file, Math.floor(statSync(t.file).size / 2));

    const r = runtime(t.file);
    expect(r.current).toBeNull();
    expect(r.startupFailure?.code).toMatch(/CORRUPT|NOT_A_DATABASE/);
    const refused = await r.call('auth.status', {});
    expect(!refused.ok && refused.error.code).toBe('STARTUP_FAILED');
    expect(!refused.ok && refused.error.message).toContain(good.file);
    const status = value<{ failed: boolean; latestGoodBackup: { file: string; cases: number; reason: string } }>(await r.call('startup.status', {}));
    expect(status.failed).toBe(true);
    expect(status.latestGoodBackup).toMatchObject({ file: good.file, cases: 30, reason: 'daily' });

    const restored = value<{ cases: number; movedAsideTo: string }>(await r.call('startup.restoreLatest', {}));
    expect(restored.cases).toBe(30);
    expect(existsSync(restored.movedAsideTo)).toBe(true);
    expect(r.current).not.toBeNull();
    expect(value<{ setupNeeded: boolean; user: null }>(await r.call('auth.status', {}))).toMatchObject({ setupNeeded: false, user: null });
    await signIn(r, ADMIN);
    expect(caseCount(r)).toBe(30);
    const log = auditActions(t.file);
    // The restore, then the administrator's sign-in.
    expect(log.slice(-2).map((e) => [e.actor, e.action])).toEqual([[STARTUP_RESTORE_ACTOR, 'restore'], [ADMIN.name, 'signin']]);
    expect(JSON.parse(log[log.length - 2].after!)).toMatchObject({ previous: 'moved-aside', movedAsideTo: restored.movedAsideTo });
    // Once the database opens, the start-up restore is refused.
    const again = await r.call('startup.restoreLatest', {});
    expect(!again.ok && again.error.code).toBe('CONFLICT');
  });

  it('finds damage the open did not notice with the check beside the running app, and switches to the start-up screen', async () => {
    const t = court(300);
    const { db } = openDatabase(t.file);
    const good = await createBackup(db, t.file, { reason: 'manual' });
    closeDatabase(db);

    const healthy = runtime(t.file);
    expect(await healthy.checkAtStart()).toEqual(['ok']);
    expect(healthy.current).not.toBeNull();
    healthy.close();

    breakIndexPage(t.file, 'cases_filed');
    const r = runtime(t.file);
    // The open itself succeeds (a clean last shutdown, and SQLite reads the header fine) ...
    expect(r.current).not.toBeNull();
    const session = await signIn(r, ADMIN);
    // ... the check finds it, and from then on the window gets the reason and the backup, not the damaged data.
    const rows = await r.checkAtStart();
    expect(rows!.join(' ')).not.toBe('ok');
    expect(r.current).toBeNull();
    // From here on nothing writes to the file (the sign-in above was written, and folded in when the core closed).
    const damaged = readFileSync(t.file);
    const refused = await r.call('users.list', {}, { session });
    expect(!refused.ok && refused.error.code).toBe('STARTUP_FAILED');
    expect(!refused.ok && refused.error.message).toContain('启动检查发现');
    expect(value<{ latestGoodBackup: { file: string } }>(await r.call('startup.status', {})).latestGoodBackup.file).toBe(good.file);
    expect(readFileSync(t.file).equals(damaged)).toBe(true);
    value(await r.call('startup.restoreLatest', {}));
    expect(await r.checkAtStart()).toEqual(['ok']);
    await signIn(r, ADMIN);
  });

  it('offers nothing when there is no good backup, and nothing for a newer version', async () => {
    const t = court(5);
    truncateSync(t.file, 4096 * 2);
    const r = runtime(t.file);
    expect(r.current).toBeNull();
    const status = value<{ latestGoodBackup: unknown }>(await r.call('startup.status', {}));
    expect(status.latestGoodBackup).toBeNull();
    const res = await r.call('startup.restoreLatest', {});
    expect(!res.ok && res.error.message).toContain('没有找到可用的完好备份');

    const n = court(5);
    const { db } = openDatabase(n.file);
    await createBackup(db, n.file, { reason: 'daily' });
    db.pragma('user_version = 99');
    closeDatabase(db);
    const newer = runtime(n.file);
    expect(newer.startupFailure?.code).toBe('NEWER_VERSION');
    expect(value<{ latestGoodBackup: unknown }>(await newer.call('startup.status', {})).latestGoodBackup).toBeNull();
    const refused = await newer.call('startup.restoreLatest', {});
    expect(!refused.ok && refused.error.code).toBe('CONFLICT');
    const probe = new BetterSqlite3(n.file, { readonly: true });
    expect(probe.pragma('user_version', { simple: true })).toBe(99);
    probe.close();
  });
});
