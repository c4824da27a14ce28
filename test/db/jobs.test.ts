// Long jobs run on a worker thread with their own connection: the core keeps answering meanwhile, progress is
// visible to every window, and a cancelled job leaves the database exactly as it was.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { ensureBuilt, ROOT } from '../helpers/cli';
import { freshCourtDb } from '../helpers/tempDb';
import { openCore, type Core } from '../../electron/core/app/openCore';
import { AccountStore } from '../../electron/core/accounts/accountStore';
import { seedDatabase } from '../../electron/core/setup/seed';
import { sharedControl, JobCancelled } from '../../electron/core/jobs/job';
import type { JobView } from '../../shared/jobs/api';
import { writeFileSync } from 'node:fs';
import { generateCourt } from '../../electron/core/generator/generate';

const TODAY = '2026-11-20';
let fixture: ReturnType<typeof freshCourtDb>;
let core: Core;
let admin = '';
let clerk = '';
let clerk2 = '';

beforeAll(async () => {
  ensureBuilt();
  fixture = freshCourtDb(undefined, { demo: true });
  seedDatabase(fixture.db, fixture.store, { cases: 60_000, seed: 7, today: TODAY, actor: 'tester', threads: 'thread' });
  new AccountStore(fixture.db).create({ name: '信息科', roles: ['admin'], password: 'admin-pass-1', actor: 'tester' });
  new AccountStore(fixture.db).create({ name: '立案庭书记员', roles: ['clerk'], password: 'clerk-pass-1', actor: 'tester' });
  new AccountStore(fixture.db).create({ name: '立案庭书记员乙', roles: ['clerk'], password: 'clerk-pass-1', actor: 'tester' });
  fixture.db.close();
  core = openCore({ dbPath: fixture.file, host: 'loopback', today: TODAY, jobWorker: path.join(ROOT, 'dist/jobs/jobWorker.cjs') });
  const r = await core.call('auth.signIn', { name: '信息科', password: 'admin-pass-1' });
  admin = (r.session as { set: string }).set;
  clerk = ((await core.call('auth.signIn', { name: '立案庭书记员', password: 'clerk-pass-1' })).session as { set: string }).set;
  clerk2 = ((await core.call('auth.signIn', { name: '立案庭书记员乙', password: 'clerk-pass-1' })).session as { set: string }).set;
}, 180_000);
afterAll(() => {
  core?.close();
  fixture?.close();
});

/** What a cancelled or finished job must not have touched, or must have: the stored figures it rewrites. */
function state() {
  const q = (sql: string) => core.db.prepare(sql).pluck().get();
  return {
    holidayRoll: q("SELECT value_json FROM settings WHERE key = 'deadlines.holidayRoll'") ?? null,
    dueOn: q("SELECT group_concat(due_on) FROM (SELECT due_on FROM cases WHERE due_on IS NOT NULL ORDER BY id)"),
    audit: q('SELECT count(*) FROM audit_log'),
    clock: q('SELECT version FROM row_clock'),
  };
}

const call = async <T>(method: string, args: unknown): Promise<T> => {
  const r = await core.call(method, args, { session: admin });
  if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
  return r.value as T;
};

describe('a long job on its worker thread', () => {
  it('lets every other call answer while it runs, shows its progress, and changes the database when it ends', async () => {
    const before = state();
    const switching = core.call('settings.setHolidayRoll', { enabled: true }, { session: admin });
    // Had the switch run on this thread, it would be over before these calls could even start.
    const jobs = await call<JobView[]>('jobs.list', {});
    expect(jobs).toEqual([expect.objectContaining({ label: '开启节假日顺延', actor: '信息科', cancellable: true, cancelRequested: false })]);
    expect(await call('users.list', {})).toContainEqual(expect.objectContaining({ name: '信息科' }));
    expect(await call('app.info', {})).toMatchObject({ holidayRoll: false });
    let seen: JobView | undefined;
    for (let i = 0; i < 2000 && !seen?.total; i++) {
      seen = (await call<JobView[]>('jobs.list', {}))[0];
      if (!seen) break;
      await new Promise((r) => setTimeout(r, 2));
    }
    const r = await switching;
    expect(r).toMatchObject({ ok: true, value: { holidayRoll: true, casesChanged: expect.any(Number) } });
    expect((r as { value: { casesChanged: number } }).value.casesChanged).toBeGreaterThan(0);
    expect(seen?.total).toBe(60_000);
    expect(seen!.done).toBeGreaterThan(0);
    expect(await call('jobs.list', {})).toEqual([]);
    const after = state();
    expect(after.holidayRoll).toBe('true');
    expect(after.dueOn).not.toBe(before.dueOn);
    expect(after.audit).toBe((before.audit as number) + 1);
  }, 60_000);

  it('refuses a second job while one runs', async () => {
    const first = core.call('settings.setHolidayRoll', { enabled: false }, { session: admin });
    const second = await core.call('settings.setHolidayRoll', { enabled: false }, { session: admin });
    expect(second).toMatchObject({ ok: false, error: { code: 'BUSY', message: expect.stringContaining('关闭节假日顺延') } });
    expect((await first).ok).toBe(true);
  }, 60_000);

  it("lets an export run beside a writing job, but not a second writer, nor a person's second job", async () => {
    const switching = core.call('settings.setHolidayRoll', { enabled: true }, { session: admin });
    expect((await call<JobView[]>('jobs.list', {})).map((j) => j.actor)).toEqual(['信息科']);
    const exporting = core.call('cases.exportXlsx', { status: 'open', title: '未结' }, { session: clerk });
    expect((await call<JobView[]>('jobs.list', {})).map((j) => j.actor).sort()).toEqual(['信息科', '立案庭书记员'].sort());
    // Another writer waits for the first: said at once, naming it.
    const file = path.join(fixture.dir, 'second-writer.csv');
    writeFileSync(file, '案号,案由,立案日期,承办部门,承办法官\n');
    expect(await core.call('cases.import', { file }, { session: clerk2 })).toMatchObject({ ok: false, error: { code: 'BUSY', message: expect.stringContaining('节假日顺延') } });
    // One person, one job: the clerk's second export waits for her first.
    expect(await core.call('cases.exportXlsx', { status: 'closed' }, { session: clerk })).toMatchObject({ ok: false, error: { code: 'BUSY', message: expect.stringContaining('您发起的“导出 Excel：未结”') } });
    const [switched, exported] = await Promise.all([switching, exporting]);
    expect(switched.ok, JSON.stringify(switched)).toBe(true);
    expect(exported, JSON.stringify(exported)).toMatchObject({ ok: true, value: { count: expect.any(Number) } });
    expect((exported as { value: { count: number } }).value.count).toBeGreaterThan(1000);
    expect(await core.call('settings.setHolidayRoll', { enabled: false }, { session: admin })).toMatchObject({ ok: true });
  }, 120_000);

  it('cancelled, leaves the database exactly as it was', async () => {
    const before = state();
    const switching = core.call('settings.setHolidayRoll', { enabled: true }, { session: admin });
    const [job] = await call<JobView[]>('jobs.list', {});
    expect(await call('jobs.cancel', { id: job.id })).toEqual({ cancelRequested: true });
    expect(await switching).toEqual({ ok: false, error: { code: 'CANCELLED', message: '已取消，数据库保持原样' } });
    expect(state()).toEqual(before);
    expect(await call('jobs.cancel', { id: job.id }).catch((e: Error) => e.message)).toContain('NOT_FOUND');
  }, 60_000);
});

describe('a 100,000-row import cancelled in the middle', () => {
  it('stops, leaves the database exactly as it was, and the window was answered meanwhile', async () => {
    const court = core.db.prepare('SELECT code FROM courts WHERE is_self = 1').pluck().get() as string;
    const records = [...generateCourt({ courtCode: court, cases: 100_000, seed: 99, today: TODAY }).cases].map((c) => c.record);
    const cell = (v: unknown) => {
      const t = v === null || v === undefined ? '' : String(v);
      return /[",\n]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t;
    };
    const header = ['案号', '案由', '审判程序', '立案日期', '承办部门', '承办法官', '结案日期', '结案方式', '标的额（元）', '原告', '被告'];
    const lines = records.map((r) => [r.caseNumber, r.cause, r.procedure, r.filedOn, r.division, r.judge, r.closedOn, r.closingMethod, r.claimAmount, r.plaintiffs.join('、'), r.defendants.join('、')].map(cell).join(','));
    const file = path.join(fixture.dir, 'month.csv');
    writeFileSync(file, '\ufeff' + [header.join(','), ...lines].join('\n') + '\n');
    const count = () => core.db.prepare('SELECT count(*) FROM cases').pluck().get();
    const before = { ...state(), cases: count() };

    const importing = core.call('cases.import', { file, createMissing: true }, { session: clerk });
    // Wait until the rows are being written (progress past a tenth), answering other calls meanwhile, then cancel.
    let job: JobView | undefined;
    for (let i = 0; i < 3000; i++) {
      job = (await call<JobView[]>('jobs.list', {}))[0];
      if (!job || (job.total && job.done > job.total / 10)) break;
      expect(await call('app.info', {})).toMatchObject({ holidayRoll: expect.any(Boolean) });
      await new Promise((r) => setTimeout(r, 5));
    }
    expect(job, 'the import was still running').toBeDefined();
    expect(job!.done).toBeLessThan(job!.total!);
    // Only who started it may cancel it.
    expect(await core.call('jobs.cancel', { id: job!.id }, { session: admin })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await core.call('jobs.cancel', { id: job!.id }, { session: clerk })).toEqual({ ok: true, value: { cancelRequested: true } });
    expect(await importing).toEqual({ ok: false, error: { code: 'CANCELLED', message: '已取消，数据库保持原样' } });
    expect({ ...state(), cases: count() }).toEqual(before);
    expect(core.db.pragma('integrity_check', { simple: true })).toBe('ok');
  }, 120_000);
});

describe('the job control', () => {
  it('counts progress into the shared array and throws once cancelled, only while cancellable', () => {
    const shared = new Int32Array(new SharedArrayBuffer(16));
    Atomics.store(shared, 3, 1);
    const control = sharedControl(shared);
    control.progress(10, 100);
    expect([...shared]).toEqual([0, 10, 100, 1]);
    control.checkCancelled();
    Atomics.store(shared, 0, 1);
    expect(() => control.checkCancelled()).toThrow(JobCancelled);
    control.noLongerCancellable();
    expect(() => control.checkCancelled()).not.toThrow();
  });
});
