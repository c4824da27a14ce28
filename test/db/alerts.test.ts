// The alert lists (deadlines.hidden, deadlines.cold) through the core: hand-computed findings, the engine's days, each reader's scope.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshCourtDb, record } from '../helpers/tempDb';
import { openCore, type Core } from '../../electron/core/app/openCore';
import { AccountStore } from '../../electron/core/accounts/accountStore';
import { CaseQueries } from '../../electron/core/cases/caseQueries';
import { AlertQueries } from '../../electron/core/deadlines/alertQueries';
import { nextRowVersion } from '../../electron/core/db/clock';
import type { AlertList } from '../../shared/deadlines/api';

const TODAY = '2024-12-31';
const PASSWORD = 'right-pass-1';
const A = '（2024）辽0421民初1号';
const B = '（2024）辽0421民初2号';
const C = '（2024）辽0421民初3号';
const D = '（2024）辽0421民初4号';
let t: ReturnType<typeof freshCourtDb>;
let core: Core;
const expected = new Map<string, number | null>();

beforeAll(() => {
  t = freshCourtDb();
  // All 民初·普通程序 filed 2024-01-10: statutory due date 2024-07-10, a limit of 182 days.
  const filed = { filedOn: '2024-01-10' };
  t.put([
    record({ caseNumber: A, ...filed, division: '民一庭', judge: '王法官' }),
    record({ caseNumber: B, ...filed, division: '民一庭', judge: '李法官' }),
    record({ caseNumber: C, ...filed, division: '城关人民法庭', judge: '赵法官' }),
    record({ caseNumber: D, ...filed, division: '民一庭', judge: '王法官' }),
  ], TODAY);
  // A: a 鉴定 open since 2024-06-01, 213 days on 2024-12-31 (30+31+31+30+31+30+30): over 60, and over the 182-day limit.
  t.store.addEvent(A, '鉴定', '2024-06-01', null, null, { actor: 'tester', today: TODAY });
  const request = t.db.prepare(
    `INSERT INTO extension_requests (case_id, months, days, reason, requested_on, late, status, decided_on, row_version, created_at, updated_at)
     VALUES ((SELECT id FROM cases WHERE case_number = ?), ?, 0, '案情复杂', ?, ?, ?, ?, 1, 'x', ?)`,
  );
  // B: 6 months approved on 2024-07-15, five days after the due date 2024-07-10 had passed.
  request.run(B, 6, '2024-07-05', 0, 'approved', '2024-07-15', '2024-07-15T02:00:00.000Z');
  // C: a late request, still waiting.
  request.run(C, 3, '2024-07-01', 1, 'pending', null, '2024-07-01T02:00:00.000Z');
  const v = nextRowVersion(t.db);
  for (const n of [B, C]) t.store.refreshDeadline(t.store.getRow(n)!, v, TODAY);
  // Cold: D last touched on 2024-11-01 (60 days before today); A too, but its 鉴定 was edited on 2024-12-20.
  t.db.prepare('UPDATE cases SET updated_at = ? WHERE case_number IN (?, ?)').run('2024-11-01T03:00:00.000Z', A, D);
  t.db.prepare('UPDATE case_events SET updated_at = ?').run('2024-12-20T03:00:00.000Z');
  const q = new CaseQueries(t.db);
  for (const n of [A, B, C, D]) expected.set(n, q.get(n, TODAY)!.deadline.daysRemaining);

  const accounts = new AccountStore(t.db);
  accounts.create({ name: '王法官', roles: ['judge'], division: '民一庭', password: PASSWORD, actor: 'tester' });
  accounts.create({ name: '庭长丙', roles: ['division_head'], division: '民一庭', password: PASSWORD, actor: 'tester' });
  accounts.create({ name: '院长戊', roles: ['president'], division: null, password: PASSWORD, actor: 'tester' });
  t.db.close();
  core = openCore({ dbPath: t.file, host: 'loopback', today: TODAY, jobWorker: null });
});
afterAll(() => {
  core.close();
  t.cleanup();
});

async function as(name: string, method: 'deadlines.hidden' | 'deadlines.cold', args: Record<string, unknown> = {}): Promise<AlertList> {
  const s = (await core.call('auth.signIn', { name, password: PASSWORD })).session as { set: string };
  const r = (await core.call(method, args, { session: s.set })) as { ok: boolean; value: AlertList };
  expect(r.ok, JSON.stringify(r)).toBe(true);
  return r.value;
}

describe('the hidden-overdue list', () => {
  it('finds each rule, with the engine\'s days remaining', async () => {
    const list = await as('院长戊', 'deadlines.hidden');
    expect(list.thresholds).toEqual({ openPeriodDays: 60, coldDays: 30 });
    expect(list.total).toBe(3);
    const byCase = Object.fromEntries(list.rows.map((r) => [r.caseNumber, r]));
    expect(byCase[A].findings.map((f) => f.text)).toEqual([
      '鉴定自 2024-06-01 起至今（2024-12-31）尚未结束，已 213天，超过 60天',
      '扣除期间合计 213天，超过法定审限 6个月（182天）',
    ]);
    expect(byCase[B].findings.map((f) => f.text)).toEqual(['2024-07-15 批准延长 6个月，此前审限已于 2024-07-10 届满，届满后 5天才批准']);
    expect(byCase[C].findings.map((f) => f.text)).toEqual(['2024-07-01 申请延长 3个月，晚于规定的申请期限（逾期申请）']);
    for (const r of list.rows) {
      expect(r.daysRemaining).toBe(expected.get(r.caseNumber));
      expect(r.division).toBe(r.caseNumber === C ? '城关人民法庭' : '民一庭');
    }
    // C is overdue (due 2024-07-10), so it comes first; B's extension carries it to 2025-01-10.
    expect(list.rows[0].caseNumber).toBe(C);
    expect(byCase[B]).toMatchObject({ dueOn: '2025-01-10', daysRemaining: 10, status: 'in_time', judge: '李法官' });
  });

  it('takes the open-period threshold asked for', async () => {
    const list = await as('院长戊', 'deadlines.hidden', { openPeriodDays: 213 });
    expect(list.rows.find((r) => r.caseNumber === A)!.findings.map((f) => f.rule)).toEqual(['deductions_exceed_limit']);
  });

  it('is each reader\'s own: the judge his cases, the division head his division\'s, the president all', async () => {
    expect((await as('王法官', 'deadlines.hidden')).rows.map((r) => r.caseNumber)).toEqual([A]);
    expect((await as('庭长丙', 'deadlines.hidden')).rows.map((r) => r.caseNumber).sort()).toEqual([A, B].sort());
  });

  it('reads its candidates through the open cases\' indexes, not every case', () => {
    const q = new AlertQueries(core.db);
    const plan = (kind: 'all' | 'division' | 'own') =>
      (core.db.prepare(`EXPLAIN QUERY PLAN ${q.hiddenSql(kind)}`).all({ openCutoff: '2024-11-01', scopeId: 1 }) as Array<{ detail: string }>).map((p) => p.detail).join('\n');
    expect(plan('all')).toMatch(/SEARCH c USING INDEX cases_open_filed/);
    expect(plan('division')).toMatch(/SEARCH c USING INDEX cases_open_division/);
    expect(plan('own')).toMatch(/SEARCH c USING INDEX cases_open_judge/);
  });
});

describe('the cold-case list', () => {
  it('lists open cases with nothing recorded for the days asked, counted from the latest record', async () => {
    const list = await as('院长戊', 'deadlines.cold');
    expect(list.rows.map((r) => [r.caseNumber, r.lastRecordedOn, r.idleDays, r.daysRemaining])).toEqual([[D, '2024-11-01', 60, expected.get(D)]]);
    expect((await as('院长戊', 'deadlines.cold', { days: 60 })).total).toBe(1);
    expect((await as('院长戊', 'deadlines.cold', { days: 61 })).total).toBe(0);
    // A's 鉴定 was edited on 2024-12-20: 11 days.
    expect((await as('院长戊', 'deadlines.cold', { days: 11 })).rows.map((r) => r.caseNumber)).toEqual([D, A]);
    expect((await as('院长戊', 'deadlines.cold', { days: 11 })).rows[1].idleDays).toBe(11);
  });

  it('keeps to the reader\'s scope', async () => {
    expect((await as('王法官', 'deadlines.cold', { days: 11 })).rows.map((r) => r.caseNumber)).toEqual([D, A]);
    const head = await as('庭长丙', 'deadlines.cold', { days: 11 });
    expect(head.total).toBe(2);
  });
});
