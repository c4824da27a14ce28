// The holiday-roll setting through the core: off by default, switched by an administrator, every stored due date follows.
import { afterEach, describe, expect, it } from 'vitest';
import { freshCourtDb, record } from '../helpers/tempDb';
import { openCore, type Core } from '../../electron/core/app/openCore';
import { AccountStore } from '../../electron/core/accounts/accountStore';
import { closeDatabase, openDatabase } from '../../electron/core/db/connection';
import { CaseStore } from '../../electron/core/cases/caseStore';
import { seedDatabase } from '../../electron/core/setup/seed';
import { restDayName } from '../../shared/deadlines/restDays';
import { CN_REST_DAYS, HOLIDAY_ROLL_KEY } from '../../electron/core/deadlines/deadlineRules';
import { SettingsStore } from '../../electron/core/settings/settingsStore';
import { CourtDirectory } from '../../electron/core/court/courtStore';

const TODAY = '2024-12-31';
const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

function setup() {
  const t = freshCourtDb();
  t.put([
    record({ caseNumber: '（2024）辽0421民初1号', filedOn: '2024-04-01' }), // due 2024-10-01, 国庆节
    record({ caseNumber: '（2024）辽0421民初2号', filedOn: '2024-04-01', closedOn: '2024-10-08', closingMethod: '判决' }),
    record({ caseNumber: '（2024）辽0421民初3号', filedOn: '2024-08-31' }), // due 2025-02-28, a Friday
    record({ caseNumber: '（2024）辽0421民初4号', filedOn: '2024-08-31', procedure: '简易程序' }), // due Saturday 2024-11-30
  ]);
  new AccountStore(t.db).create({ name: '管理员', roles: ['admin', 'president'], password: 'admin-pass-1', actor: 'tester' });
  closeDatabase(t.db);
  const core = openCore({ dbPath: t.file, host: 'loopback', today: TODAY });
  cleanups.push(() => {
    core.close();
    t.cleanup();
  });
  return { t, core };
}

async function session(core: Core): Promise<string> {
  const r = await core.call('auth.signIn', { name: '管理员', password: 'admin-pass-1' });
  return (r.session as { set: string }).set;
}

const stored = (core: Core, n: number) =>
  core.db.prepare('SELECT due_on AS dueOn, closed_overdue AS closedOverdue, row_version AS v FROM cases WHERE case_number = ?').get(`（2024）辽0421民初${n}号`) as {
    dueOn: string; closedOverdue: number | null; v: number;
  };

describe('holiday roll setting', () => {
  it('is off by default, and switching it moves exactly the due dates that fall on rest days, in one audited transaction', async () => {
    const { core } = setup();
    const s = await session(core);
    const info = await core.call('app.info', {}, { session: s });
    expect(info).toMatchObject({ ok: true, value: { holidayRoll: false, holidayCalendar: { firstYear: 2004 } } });
    expect(stored(core, 1)).toMatchObject({ dueOn: '2024-10-01' });
    expect(stored(core, 2)).toMatchObject({ dueOn: '2024-10-01', closedOverdue: 1 });
    const v3 = stored(core, 3).v;

    const on = await core.call('settings.setHolidayRoll', { enabled: true }, { session: s });
    expect(on).toEqual({ ok: true, value: { holidayRoll: true, casesChanged: 3 } });
    expect(stored(core, 1).dueOn).toBe('2024-10-08');
    expect(stored(core, 2)).toMatchObject({ dueOn: '2024-10-08', closedOverdue: 0 });
    expect(stored(core, 4).dueOn).toBe('2024-12-02');
    // A Friday due date is not touched, not even its row version.
    expect(stored(core, 3)).toMatchObject({ dueOn: '2025-02-28', v: v3 });

    // Lists, counts and the case page all count with the setting.
    const closedInTime = await core.call('cases.get', { caseNumber: '（2024）辽0421民初2号' }, { session: s });
    expect(JSON.stringify(closedInTime)).toContain('顺延至其后第一个工作日');
    const overdue = await core.call('cases.count', { status: 'overdue' }, { session: s });
    expect(overdue).toEqual({ ok: true, value: { count: 2 } });

    const audit = core.db.prepare("SELECT actor, before_json, after_json FROM audit_log WHERE action = 'settings.holidayRoll'").all();
    // Before: never set (the default, off).
    expect(audit).toEqual([{ actor: '管理员', before_json: 'null', after_json: 'true' }]);

    // Asking again for what is set (a second window) recomputes and records nothing.
    expect(await core.call('settings.setHolidayRoll', { enabled: true }, { session: s })).toEqual({ ok: true, value: { holidayRoll: true, casesChanged: 0 } });
    expect(core.db.prepare("SELECT count(*) FROM audit_log WHERE action = 'settings.holidayRoll'").pluck().get()).toBe(1);

    const off = await core.call('settings.setHolidayRoll', { enabled: false }, { session: s });
    expect(off).toEqual({ ok: true, value: { holidayRoll: false, casesChanged: 3 } });
    expect(stored(core, 1).dueOn).toBe('2024-10-01');
    expect(stored(core, 2)).toMatchObject({ dueOn: '2024-10-01', closedOverdue: 1 });
  });

  it('new and edited cases and recorded periods follow the setting', async () => {
    const { core } = setup();
    const s = await session(core);
    await core.call('settings.setHolidayRoll', { enabled: true }, { session: s });
    const db = core.db;
    const store = new CaseStore(db);
    db.transaction(() => {
      const dir = new CourtDirectory(db, 1);
      store.upsert(record({ caseNumber: '（2024）辽0421民初9号', filedOn: '2024-07-29' }), dir, 99, { actor: 'tester', today: TODAY });
    })();
    expect(stored(core, 9).dueOn).toBe('2025-02-05');
    // One day of 公告 moves 2025-02-28 (a Friday) to Saturday 2025-03-01, so the due date is Monday 2025-03-03.
    store.addEvent('（2024）辽0421民初3号', '公告', '2024-09-01', '2024-09-02', null, { actor: 'tester', today: TODAY });
    expect(stored(core, 3).dueOn).toBe('2025-03-03');
  });

  it('a seed on a database with the setting on stores rolled due dates', () => {
    const t = freshCourtDb(undefined, { demo: true });
    cleanups.push(() => t.close());
    new SettingsStore(t.db).set(HOLIDAY_ROLL_KEY, true, 'tester', 'settings.holidayRoll');
    seedDatabase(t.db, t.store, { cases: 3000, seed: 4, today: '2026-11-23', actor: 'tester' });
    const dues = t.db.prepare("SELECT due_on FROM cases WHERE clock IN ('running', 'closed') AND due_on IS NOT NULL").pluck().all() as string[];
    expect(dues.length).toBeGreaterThan(2000);
    expect(dues.filter((d) => restDayName(d, CN_REST_DAYS) !== null)).toEqual([]);
    closeDatabase(t.db);
    const again = openDatabase(t.file);
    expect(new CaseStore(again.db).rules.holidayRoll()).toBe(true);
    closeDatabase(again.db);
  });
});

describe('switching on a seeded court', () => {
  it('moves exactly what a full recompute would, both ways (only due dates that can move are recomputed)', async () => {
    const { switchHolidayRoll } = await import('../../electron/core/deadlines/switchHolidayRoll');
    const { nextRowVersion } = await import('../../electron/core/db/clock');
    const t = freshCourtDb(undefined, { demo: true });
    cleanups.push(() => t.close());
    seedDatabase(t.db, t.store, { cases: 4000, seed: 9, today: '2026-11-23', actor: 'tester' });
    const on = switchHolidayRoll(t.db, t.store, true, 'tester', '2026-11-23');
    expect(on.casesChanged).toBeGreaterThan(500);
    // A full recompute under the same setting finds nothing left to change.
    expect(t.db.transaction(() => t.store.refreshAllDeadlines('2026-11-23', nextRowVersion(t.db)))()).toBe(0);
    const off = switchHolidayRoll(t.db, t.store, false, 'tester', '2026-11-23');
    expect(off.casesChanged).toBe(on.casesChanged);
    expect(t.db.transaction(() => t.store.refreshAllDeadlines('2026-11-23', nextRowVersion(t.db)))()).toBe(0);
  });
});
