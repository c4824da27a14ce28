// Before the holiday roll is switched, the window asks how many due dates will change: the same switch run and
// rolled back, so the count is exactly what the switch then reports, and nothing (setting, due dates, audit log, row
// clock) is kept. It runs as a long job, with progress and cancel, like the switch.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { freshCourtDb, record } from '../helpers/tempDb';
import { ensureBuilt, ROOT } from '../helpers/cli';
import { openCore, type Core } from '../../electron/core/app/openCore';
import { AccountStore } from '../../electron/core/accounts/accountStore';
import { closeDatabase } from '../../electron/core/db/connection';
import { seedDatabase } from '../../electron/core/setup/seed';
import { previewHolidayRoll, switchHolidayRoll } from '../../electron/core/deadlines/switchHolidayRoll';
import { CN_REST_DAYS } from '../../electron/core/deadlines/deadlineRules';
import type { HolidayRollPreview } from '../../shared/settings/api';
import type { JobView } from '../../shared/jobs/api';

const TODAY = '2026-12-31';
const CALENDAR = { firstYear: CN_REST_DAYS.firstYear, lastYear: CN_REST_DAYS.lastYear };
const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

/** Everything a switch writes, to show that a preview wrote none of it. */
function written(core: Core) {
  const q = (sql: string) => core.db.prepare(sql).pluck().get();
  return {
    setting: q("SELECT value_json FROM settings WHERE key = 'deadlines.holidayRoll'") ?? null,
    dueOn: q('SELECT group_concat(due_on) FROM (SELECT due_on FROM cases ORDER BY id)'),
    versions: q('SELECT group_concat(row_version) FROM (SELECT row_version FROM cases ORDER BY id)'),
    audit: q('SELECT count(*) FROM audit_log'),
    clock: q('SELECT version FROM row_clock'),
  };
}

function setup() {
  const t = freshCourtDb();
  t.put([
    record({ caseNumber: '（2024）辽0421民初1号', filedOn: '2024-04-01' }), // due 2024-10-01, 国庆节
    record({ caseNumber: '（2024）辽0421民初2号', filedOn: '2024-04-01', closedOn: '2024-10-08', closingMethod: '判决' }),
    record({ caseNumber: '（2024）辽0421民初3号', filedOn: '2024-08-31' }), // due 2025-02-28, a Friday
    record({ caseNumber: '（2024）辽0421民初4号', filedOn: '2024-08-31', procedure: '简易程序' }), // due Saturday 2024-11-30
    // Past the calendar: due Saturday 2027-05-01 (rolled over the weekend only) and Tuesday 2027-06-01.
    record({ caseNumber: '（2024）辽0421民初5号', filedOn: '2026-11-01' }),
    record({ caseNumber: '（2024）辽0421民初6号', filedOn: '2026-12-01' }),
  ], TODAY);
  new AccountStore(t.db).create({ name: '管理员', roles: ['admin'], password: 'admin-pass-1', actor: 'tester' });
  closeDatabase(t.db);
  const core = openCore({ dbPath: t.file, host: 'loopback', today: TODAY, jobWorker: null });
  cleanups.push(() => {
    core.close();
    t.cleanup();
  });
  return core;
}

async function signIn(core: Core): Promise<string> {
  const r = await core.call('auth.signIn', { name: '管理员', password: 'admin-pass-1' });
  return (r.session as { set: string }).set;
}

describe('settings.previewHolidayRoll', () => {
  it('counts exactly the due dates the switch then changes, and keeps nothing', async () => {
    const core = setup();
    const s = await signIn(core);
    const before = written(core);
    const preview = await core.call('settings.previewHolidayRoll', { enabled: true }, { session: s });
    expect(preview).toEqual({ ok: true, value: { enabled: true, casesChanged: 4, openDueAfterCalendar: 2, calendar: CALENDAR } });
    expect(written(core)).toEqual(before);

    const on = await core.call('settings.setHolidayRoll', { enabled: true }, { session: s });
    expect(on).toEqual({ ok: true, value: { holidayRoll: true, casesChanged: 4 } });

    // Asked again for what is now set: nothing would change.
    expect(await core.call('settings.previewHolidayRoll', { enabled: true }, { session: s })).toMatchObject({ ok: true, value: { casesChanged: 0 } });
    const after = written(core);
    const back = await core.call('settings.previewHolidayRoll', { enabled: false }, { session: s });
    expect(back).toMatchObject({ ok: true, value: { enabled: false, casesChanged: 4 } });
    expect(written(core)).toEqual(after);
  });

  it('agrees with the switch on a seeded court, both ways', () => {
    const t = freshCourtDb(undefined, { demo: true });
    cleanups.push(() => t.close());
    seedDatabase(t.db, t.store, { cases: 4000, seed: 9, today: '2026-11-23', actor: 'tester' });
    const on = previewHolidayRoll(t.db, t.store, true, '2026-11-23');
    expect(on.casesChanged).toBeGreaterThan(500);
    expect(on.openDueAfterCalendar).toBeGreaterThan(0);
    expect(switchHolidayRoll(t.db, t.store, true, 'tester', '2026-11-23').casesChanged).toBe(on.casesChanged);
    const off = previewHolidayRoll(t.db, t.store, false, '2026-11-23');
    expect(switchHolidayRoll(t.db, t.store, false, 'tester', '2026-11-23').casesChanged).toBe(off.casesChanged);
  });
});

describe('the preview as a long job', () => {
  let fixture: ReturnType<typeof freshCourtDb>;
  let core: Core;
  let admin = '';

  beforeAll(async () => {
    ensureBuilt();
    fixture = freshCourtDb(undefined, { demo: true });
    seedDatabase(fixture.db, fixture.store, { cases: 60_000, seed: 7, today: '2026-11-20', actor: 'tester', threads: 'thread' });
    new AccountStore(fixture.db).create({ name: '信息科', roles: ['admin'], password: 'admin-pass-1', actor: 'tester' });
    fixture.db.close();
    core = openCore({ dbPath: fixture.file, host: 'loopback', today: '2026-11-20', jobWorker: path.join(ROOT, 'dist/jobs/jobWorker.cjs') });
    admin = ((await core.call('auth.signIn', { name: '信息科', password: 'admin-pass-1' })).session as { set: string }).set;
  }, 180_000);
  afterAll(() => {
    core?.close();
    fixture?.close();
  });

  it('shows its progress in jobs.list while other calls answer, and a cancel leaves nothing', async () => {
    const before = written(core);
    const previewing = core.call('settings.previewHolidayRoll', { enabled: true }, { session: admin });
    let seen: JobView | undefined;
    for (let i = 0; i < 2000 && !seen?.total; i++) {
      const r = await core.call('jobs.list', {}, { session: admin });
      seen = (r.ok ? (r.value as JobView[]) : [])[0];
      if (!seen?.total) await new Promise((done) => setTimeout(done, 5));
    }
    expect(seen).toMatchObject({ label: '统计开启节假日顺延影响的案件', actor: '信息科', cancellable: true, total: 60_000 });
    const done = await previewing;
    expect(done.ok, JSON.stringify(done)).toBe(true);
    expect((done as { value: HolidayRollPreview }).value.casesChanged).toBeGreaterThan(1000);
    expect(written(core)).toEqual(before);

    const again = core.call('settings.previewHolidayRoll', { enabled: true }, { session: admin });
    let id: string | undefined;
    for (let i = 0; i < 2000 && !id; i++) {
      const r = await core.call('jobs.list', {}, { session: admin });
      id = (r.ok ? (r.value as JobView[]) : [])[0]?.id;
      if (!id) await new Promise((d) => setTimeout(d, 2));
    }
    expect(await core.call('jobs.cancel', { id }, { session: admin })).toEqual({ ok: true, value: { cancelRequested: true } });
    expect(await again).toEqual({ ok: false, error: { code: 'CANCELLED', message: '已取消，数据库保持原样' } });
    expect(written(core)).toEqual(before);
  }, 120_000);
});
