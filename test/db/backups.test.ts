// Backups on real files: round trip, consistency under writes, rotation, no half files, restores that refuse or recover.
import { afterEach, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { freshCourtDb, record, tempDir } from '../helpers/tempDb';
import { closeDatabase } from '../../electron/core/db/connection';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../electron/core/db/migrations';
import { BackupError } from '../../electron/core/backup/backupError';
import { backupDirFor, listBackups, type BackupReason } from '../../electron/core/backup/backupNames';
import { checkBackup, integrityCheckOffThread } from '../../electron/core/backup/backupCheck';
import { createBackup, ensureDailyBackup } from '../../electron/core/backup/backupWrite';
import { restoreBackup } from '../../electron/core/backup/backupRestore';
import { latestGoodBackup } from '../../electron/core/backup/latestGoodBackup';
import { openCourtDatabase } from '../../electron/core/backup/openCourtDatabase';
import { importCasesFile } from '../../electron/core/cases/importCases';
import { verifyAuditChain } from '../../electron/core/audit/auditLog';
import { CaseStore } from '../../electron/core/cases/caseStore';
import { CourtDirectory, getSelfCourt } from '../../electron/core/court/courtStore';
import { nextRowVersion } from '../../electron/core/db/clock';
import { seedDatabase } from '../../electron/core/setup/seed';

const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((f) => f()));

function court(code = '辽0421', options: { demo?: boolean } = {}) {
  const t = freshCourtDb(code, options);
  cleanups.push(() => t.close());
  return t;
}

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const NAME_RE = /^court-\d{8}-\d{6}(-\d+)?-(manual|daily|before-import|before-restore|before-migration)\.sqlite$/;

function snapshot(file: string) {
  const d = new BetterSqlite3(file, { readonly: true });
  try {
    const hash = (sql: string) => createHash('sha256').update(JSON.stringify(d.prepare(sql).all())).digest('hex');
    return {
      cases: d.prepare('SELECT count(*) FROM cases').pluck().get() as number,
      casesHash: hash('SELECT * FROM cases ORDER BY id'),
      auditHash: hash('SELECT * FROM audit_log ORDER BY id'),
      eventsHash: hash('SELECT * FROM case_events ORDER BY id'),
    };
  } finally {
    d.close();
  }
}

/** Overwrites the b-tree page header of an index: quick_check and integrity_check fail, opening still works. */
function breakIndexPage(file: string, indexName = 'cases_filed'): void {
  const d = new BetterSqlite3(file, { readonly: true });
  const root = d.prepare('SELECT rootpage FROM sqlite_schema WHERE name = ?').pluck().get(indexName) as number;
  const pageSize = d.pragma('page_size', { simple: true }) as number;
  d.close();
  const buf = readFileSync(file);
  buf.fill(0x00, (root - 1) * pageSize, (root - 1) * pageSize + 16);
  writeFileSync(file, buf);
}

/** The copies in a backups folder (the audit anchors' log beside them is not a copy). */
function backupsIn(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir).filter((f) => !f.endsWith('.audit-anchors.jsonl')).sort() : [];
}

const numbers = (from: number, n: number) => Array.from({ length: n }, (_, i) => record({ caseNumber: `（2024）辽0421民初${from + i}号`, plaintiffs: [`原告${from + i}`] }));

describe('createBackup', () => {
  it('round trip: backup, change, restore gives the data and audit log as at the backup', async () => {
    const t = court();
    t.put(numbers(1, 3));
    t.store.addEvent('（2024）辽0421民初1号', '公告', '2024-04-01', '2024-05-01', null, { actor: 'tester', today: '2024-12-31' });
    const info = await createBackup(t.db, t.file, { reason: 'manual' });
    expect(path.dirname(info.file)).toBe(backupDirFor(t.file));
    expect(path.basename(info.file)).toMatch(NAME_RE);
    expect(info).toMatchObject({ reason: 'manual', cases: 3, schemaVersion: LATEST_SCHEMA_VERSION });
    expect(info.bytes).toBe(statSync(info.file).size);
    expect(backupsIn(backupDirFor(t.file))).toEqual([path.basename(info.file)]);
    // One self-contained file: no -wal or -shm needed beside it, not even after a read.
    expect(readFileSync(info.file).subarray(18, 20)).toEqual(Buffer.from([1, 1]));
    expect(checkBackup(info.file)).toMatchObject({ ok: true, cases: 3, courtCode: '辽0421' });
    closeDatabase(t.db);
    const atBackup = snapshot(t.file);

    const again = openCourtDatabase(t.file);
    const store = new CaseStore(again.db);
    again.db.transaction(() => {
      const dir = new CourtDirectory(again.db, getSelfCourt(again.db)!.id);
      const v = nextRowVersion(again.db);
      store.upsert(record({ caseNumber: '（2024）辽0421民初9号' }), dir, v, { actor: 'tester', today: '2024-12-31' });
      store.upsert(record({ caseNumber: '（2024）辽0421民初1号', closedOn: '2024-11-01', closingMethod: '判决' }), dir, v, { actor: 'tester', today: '2024-12-31' });
    })();
    closeDatabase(again.db);
    const changed = snapshot(t.file);
    expect(changed.cases).toBe(4);

    const r = await restoreBackup(t.file, info.file);
    expect(r).toMatchObject({ previous: 'backed-up', movedAsideTo: null, cases: 3, courtCode: '辽0421', restoredFrom: info.file });
    expect(snapshot(t.file)).toEqual(atBackup);
    expect(snapshot(r.beforeRestoreBackup!.file)).toEqual(changed);
    expect(existsSync(`${t.file}.restoring`)).toBe(false);

    const reopened = openCourtDatabase(t.file);
    expect(verifyAuditChain(reopened.db)).toMatchObject({ ok: true });
    expect(reopened.db.pragma('journal_mode', { simple: true })).toBe('wal');
    closeDatabase(reopened.db);
  });

  it('is consistent while another connection keeps writing', async () => {
    const t = court('辽0421', { demo: true });
    seedDatabase(t.db, t.store, { cases: 3000, seed: 7, today: '2024-12-31', actor: 'tester' });
    const writer = new BetterSqlite3(t.file);
    cleanups.unshift(() => writer.close());
    writer.pragma('busy_timeout = 5000');
    const store = new CaseStore(writer);
    const committed = new Set<number>([3000]);
    let n = 0;
    let writing = true;
    const write = () => {
      if (!writing) return;
      writer.transaction(() => {
        const dir = new CourtDirectory(writer, getSelfCourt(writer)!.id);
        const v = nextRowVersion(writer);
        for (let i = 0; i < 5; i++) store.upsert(record({ caseNumber: `（2024）辽0421民初${90000 + n++}号` }), dir, v, { actor: 'writer', today: '2024-12-31' });
      })();
      committed.add(3000 + n);
      setImmediate(write);
    };
    setImmediate(write);
    const info = await createBackup(t.db, t.file, { reason: 'manual' });
    writing = false;
    expect(n).toBeGreaterThan(0);
    expect(committed.has(info.cases)).toBe(true);
    const copy = new BetterSqlite3(info.file, { readonly: true });
    try {
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(verifyAuditChain(copy)).toMatchObject({ ok: true });
      expect(copy.prepare('SELECT version FROM row_clock').pluck().get()).toBe(copy.prepare('SELECT max(row_version) FROM cases').pluck().get());
    } finally {
      copy.close();
    }
  });

  it('keeps the newest N per reason in the backups folder, all manual ones, and everything written elsewhere', async () => {
    const t = court();
    const elsewhere = tempDir();
    cleanups.push(elsewhere.cleanup);
    const base = new Date(2026, 10, 1, 9, 0, 0).getTime();
    const made: Record<string, string[]> = {};
    const make = async (reason: BackupReason, i: number, to?: string) => {
      const info = await createBackup(t.db, t.file, { reason, to, now: new Date(base + i * 60_000) });
      (made[`${reason}${to ? '@' : ''}`] ??= []).push(info.file);
    };
    for (let i = 0; i < 12; i++) await make('before-import', i);
    for (let i = 0; i < 7; i++) await make('before-restore', i);
    for (let i = 0; i < 12; i++) await make('manual', i);
    for (let i = 0; i < 16; i++) await make('daily', i, elsewhere.dir);
    await make('daily', 0);
    await make('daily', 0);

    const listed = listBackups(t.file);
    const byReason = (r: BackupReason) => listed.filter((e) => e.reason === r).map((e) => e.file);
    expect(byReason('before-import')).toEqual(made['before-import'].slice(2).reverse());
    expect(byReason('before-restore')).toEqual(made['before-restore'].slice(2).reverse());
    expect(byReason('manual')).toHaveLength(12);
    // Two in the same second: the second one gets a counter and sorts first.
    expect(byReason('daily')).toEqual([...made.daily].reverse());
    expect(path.basename(made.daily[1])).toMatch(/-2-daily\.sqlite$/);
    expect(readdirSync(elsewhere.dir)).toHaveLength(16);
    expect(listed.map((e) => e.createdAt)).toEqual([...listed.map((e) => e.createdAt)].sort().reverse());
    expect(backupsIn(backupDirFor(t.file)).filter((f) => f.endsWith('.part'))).toEqual([]);
  });

  it('fails without leaving a file: missing target folder, a file as target, a damaged database, the source closing mid-copy', async () => {
    const t = court('辽0421', { demo: true });
    const missing = path.join(t.dir, 'no-such-stick');
    await expect(createBackup(t.db, t.file, { reason: 'manual', to: missing })).rejects.toMatchObject({ code: 'TARGET_MISSING' });
    expect(existsSync(missing)).toBe(false);
    writeFileSync(path.join(t.dir, 'plain-file'), 'x');
    await expect(createBackup(t.db, t.file, { reason: 'manual', to: path.join(t.dir, 'plain-file') })).rejects.toBeInstanceOf(BackupError);

    seedDatabase(t.db, t.store, { cases: 4000, seed: 3, today: '2024-12-31', actor: 'tester' });
    const copying = createBackup(t.db, t.file, { reason: 'manual' });
    let sawPart = false;
    const closeOncePartExists = () => {
      if (backupsIn(backupDirFor(t.file)).some((f) => f.endsWith('.part'))) {
        sawPart = true;
        t.db.close();
      } else setImmediate(closeOncePartExists);
    };
    setImmediate(closeOncePartExists);
    await expect(copying).rejects.toMatchObject({ code: 'FAILED' });
    expect(sawPart).toBe(true);
    expect(backupsIn(backupDirFor(t.file))).toEqual([]);

    breakIndexPage(t.file);
    const damaged = new BetterSqlite3(t.file, { readonly: true });
    cleanups.unshift(() => damaged.close());
    const err = await createBackup(damaged, t.file, { reason: 'manual' }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'VERIFY_FAILED' });
    expect((err as Error).message).toContain('损坏');
    expect(backupsIn(backupDirFor(t.file))).toEqual([]);
  });

  it('checks integrity on a worker thread as well', async () => {
    const t = court();
    const info = await createBackup(t.db, t.file, { reason: 'manual' });
    expect(await integrityCheckOffThread(info.file)).toEqual({ rows: ['ok'] });
    breakIndexPage(info.file, 'cases_row_version');
    const r = await integrityCheckOffThread(info.file);
    expect('rows' in r && r.rows[0]).not.toBe('ok');
  });
});

describe('daily and before-import backups', () => {
  it('makes one daily backup per day', async () => {
    const t = court();
    const [first, concurrent] = await Promise.all([ensureDailyBackup(t.db, t.file, '2026-11-23'), ensureDailyBackup(t.db, t.file, '2026-11-23')]);
    expect(first).not.toBeNull();
    expect(concurrent).toEqual(first);
    const today = first!.file.match(/-(\d{4})(\d{2})(\d{2})-\d{6}-daily/)!.slice(1).join('-');
    expect(await ensureDailyBackup(t.db, t.file, today)).toBeNull();
    expect(listBackups(t.file).filter((e) => e.reason === 'daily')).toHaveLength(1);
  });

  it('importCasesFile backs up before it writes, not when the file is refused, and not with backup: false', async () => {
    const t = court();
    const header = '案号,案由,审判程序,立案日期,承办部门,承办法官,结案日期,结案方式,原告,被告';
    const good = path.join(t.dir, 'good.csv');
    writeFileSync(good, `${header}\n（2024）辽0421民初1号,民间借贷纠纷,普通程序,2024-01-15,民一庭,王法官,,,张三,李四\n`);
    const bad = path.join(t.dir, 'bad.csv');
    writeFileSync(bad, `${header}\n（2024）辽0421民初2号,民间借贷纠纷,普通程序,2024-13-15,民一庭,王法官,,,张三,李四\n`);
    const imports = () => listBackups(t.file).filter((e) => e.reason === 'before-import');
    const opts = { goodRowsOnly: false, actor: 'tester', createMissing: true, today: '2024-12-31' };

    const refused = await importCasesFile(t.db, t.store, bad, opts);
    expect(refused.aborted).toBe(true);
    expect(imports()).toHaveLength(0);

    const done = await importCasesFile(t.db, t.store, good, opts);
    expect(done).toMatchObject({ aborted: false, inserted: 1 });
    expect(imports()).toHaveLength(1);
    expect(imports()[0].check()).toMatchObject({ ok: true, cases: 0 });

    await importCasesFile(t.db, t.store, good, { ...opts, backup: false });
    expect(imports()).toHaveLength(1);
  });
});

describe('listBackups and checkBackup', () => {
  it('says in Chinese why a file cannot be restored, and latestGoodBackup skips it', async () => {
    const t = court();
    const good = await createBackup(t.db, t.file, { reason: 'manual', now: new Date(2026, 0, 1, 8, 0, 0) });
    const dir = backupDirFor(t.file);
    const damaged = path.join(dir, 'court-20260102-080000-manual.sqlite');
    copyFileSync(good.file, damaged);
    truncateSync(damaged, Math.floor(statSync(damaged).size / 2));
    const newer = path.join(dir, 'court-20260103-080000-manual.sqlite');
    copyFileSync(good.file, newer);
    const n = new BetterSqlite3(newer);
    n.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    n.close();
    const foreign = path.join(dir, 'court-20260104-080000-manual.sqlite');
    const f = new BetterSqlite3(foreign);
    f.exec('CREATE TABLE notes (a)');
    f.pragma('user_version = 1');
    f.close();
    writeFileSync(path.join(dir, 'court-20260105-080000-manual.sqlite'), 'not a database at all '.repeat(200));
    writeFileSync(path.join(dir, 'unrelated.sqlite'), '');

    const listed = listBackups(t.file);
    expect(listed.map((e) => path.basename(e.file))).toEqual([
      'court-20260105-080000-manual.sqlite', path.basename(foreign), path.basename(newer), path.basename(damaged), path.basename(good.file),
    ]);
    expect(listed.map((e) => e.check().message)).toEqual([
      '不是法院质效台的数据库', '不是法院质效台的数据库', expect.stringContaining('备份由更新版本的程序创建'), expect.stringContaining('备份文件已损坏'), '完好',
    ]);
    expect(latestGoodBackup(t.file)).toMatchObject({ file: good.file, result: { ok: true } });
  });

  it('names and lists the copy taken before a migration with the other backups', () => {
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    const file = path.join(dir, 'court.sqlite');
    const v1 = openCourtDatabase(file, { create: true, migrations: MIGRATIONS.slice(0, 1) });
    v1.db.exec("INSERT INTO courts (id, code, name, level, is_self, row_version, updated_at) VALUES (1, '辽0421', '测试', 'basic', 1, 1, 'x')");
    closeDatabase(v1.db);
    const up = openCourtDatabase(file);
    closeDatabase(up.db);
    expect(path.basename(up.preMigrationBackup!)).toMatch(/^court-\d{8}-\d{6}-before-migration\.sqlite$/);
    expect(listBackups(file).map((e) => [e.file, e.reason])).toEqual([[up.preMigrationBackup, 'before-migration']]);
    expect(checkBackup(up.preMigrationBackup!)).toMatchObject({ ok: true, schemaVersion: 1 });
  });
});

describe('restoreBackup', () => {
  async function refused(dbFile: string, backup: string, code: string, text: string) {
    const before = sha(dbFile);
    const backupsBefore = backupsIn(backupDirFor(dbFile));
    const err = await restoreBackup(dbFile, backup).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BackupError);
    expect(err).toMatchObject({ code });
    expect((err as Error).message).toContain(text);
    expect(sha(dbFile)).toBe(before);
    expect(backupsIn(backupDirFor(dbFile))).toEqual(backupsBefore);
    expect(existsSync(`${dbFile}.restoring`)).toBe(false);
  }

  it('refuses damaged, newer, foreign and other-court backups and changes nothing', async () => {
    const t = court();
    t.put(numbers(1, 2));
    const good = await createBackup(t.db, t.file, { reason: 'manual' });
    closeDatabase(t.db);
    const spare = tempDir();
    cleanups.push(spare.cleanup);

    const damaged = path.join(spare.dir, 'damaged.sqlite');
    copyFileSync(good.file, damaged);
    breakIndexPage(damaged);
    await refused(t.file, damaged, 'BAD_BACKUP', '备份文件已损坏');

    const truncated = path.join(spare.dir, 'truncated.sqlite');
    copyFileSync(good.file, truncated);
    truncateSync(truncated, 8192);
    await refused(t.file, truncated, 'BAD_BACKUP', '备份文件已损坏');

    const newer = path.join(spare.dir, 'newer.sqlite');
    copyFileSync(good.file, newer);
    const n = new BetterSqlite3(newer);
    n.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    n.close();
    await refused(t.file, newer, 'NEWER_BACKUP', '备份由更新版本的程序创建');

    const text = path.join(spare.dir, 'text.sqlite');
    writeFileSync(text, 'hello '.repeat(1000));
    await refused(t.file, text, 'NOT_COURTDESK', '不是法院质效台的数据库');

    const other = court('辽0422');
    const otherBackup = await createBackup(other.db, other.file, { reason: 'manual' });
    await refused(t.file, otherBackup.file, 'OTHER_COURT', '辽0422');
  });

  it('refuses while another connection has the database open', async () => {
    const t = court();
    const good = await createBackup(t.db, t.file, { reason: 'manual' });
    // t.db stays open, as a running app would hold it.
    const err = await restoreBackup(t.file, good.file).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'IN_USE' });
    expect(t.db.prepare('SELECT count(*) FROM courts').pluck().get()).toBe(1);
    expect(existsSync(`${t.file}.restoring`)).toBe(false);
  });

  it('moves an unreadable database aside (never deletes it) and restores', async () => {
    const t = court();
    t.put(numbers(1, 4));
    const good = await createBackup(t.db, t.file, { reason: 'manual' });
    closeDatabase(t.db);
    truncateSync(t.file, Math.floor(statSync(t.file).size / 2));
    const damagedHash = sha(t.file);

    const r = await restoreBackup(t.file, good.file);
    expect(r).toMatchObject({ previous: 'moved-aside', beforeRestoreBackup: null, cases: 4 });
    expect(path.basename(r.movedAsideTo!)).toMatch(/^court\.sqlite\.damaged-\d{8}-\d{6}$/);
    expect(sha(r.movedAsideTo!)).toBe(damagedHash);
    const opened = openCourtDatabase(t.file);
    expect(opened.db.prepare('SELECT count(*) FROM cases').pluck().get()).toBe(4);
    closeDatabase(opened.db);
  });

  it('moves a readable but damaged database aside too, and a restore onto an empty place works', async () => {
    const t = court();
    t.put(numbers(1, 2));
    const good = await createBackup(t.db, t.file, { reason: 'manual' });
    closeDatabase(t.db);
    breakIndexPage(t.file);
    const r = await restoreBackup(t.file, good.file);
    expect(r.previous).toBe('moved-aside');
    expect(existsSync(r.movedAsideTo!)).toBe(true);
    expect(listBackups(t.file).filter((e) => e.reason === 'before-restore')).toHaveLength(0);

    const elsewhere = tempDir();
    cleanups.push(elsewhere.cleanup);
    const fresh = path.join(elsewhere.dir, 'new', 'court.sqlite');
    mkdirSync(path.dirname(fresh));
    const r2 = await restoreBackup(fresh, good.file);
    expect(r2).toMatchObject({ previous: 'none', cases: 2 });
    expect(snapshot(fresh).cases).toBe(2);
  });
});
