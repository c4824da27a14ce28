// ledger.project through the core on real SQLite: the inputs it reads, only what was known at the start, arguments refused in Chinese, scopes, target lines; and the back-test on generated courts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshCourtDb, record } from '../helpers/tempDb';
import { openCore, type Core } from '../../electron/core/app/openCore';
import { AccountStore } from '../../electron/core/accounts/accountStore';
import { CaseStore } from '../../electron/core/cases/caseStore';
import { CourtDirectory, getSelfCourt } from '../../electron/core/court/courtStore';
import { nextRowVersion } from '../../electron/core/db/clock';
import { seedDatabase } from '../../electron/core/setup/seed';
import { backtest } from '../../electron/core/ledger/projection/backtest';
import { readInputs, startOf } from '../../electron/core/ledger/projection/inputs';
import { AGE_BANDS, ageMonths, bandOf, MODEL_STATEMENT } from '../../shared/ledger/projection';
import type { LedgerProjectionResult } from '../../shared/ledger/projectionApi';
import type { CaseRecord } from '../../shared/cases/types';

const PASSWORD = 'right-pass-1';
let t: ReturnType<typeof freshCourtDb>;
let core: Core;
const sessions: Record<string, string> = {};

/**
 * 民一庭 (王法官) files three 民初 cases on the 5th of each month from 2024-03 to 2025-02 and closes two of them on
 * the 25th, in time; five cases of 2023-01-10 are still open; 刑事审判庭 (陈法官) has two 刑初 cases filed 2024-12-01, open.
 */
function court(): CaseRecord[] {
  const out: CaseRecord[] = [];
  let seq = 1;
  for (let i = 0; i < 12; i++) {
    const m = `${2024 + Math.floor((i + 2) / 12)}-${String(((i + 2) % 12) + 1).padStart(2, '0')}`;
    for (let j = 0; j < 3; j++) {
      out.push(record({ caseNumber: `（${m.slice(0, 4)}）辽0421民初${seq++}号`, filedOn: `${m}-05`, ...(j < 2 ? { closedOn: `${m}-25`, closingMethod: '判决' as const } : {}) }));
    }
  }
  for (let j = 0; j < 5; j++) out.push(record({ caseNumber: `（2023）辽0421民初${900 + j}号`, filedOn: '2023-01-10' }));
  for (let j = 0; j < 2; j++) out.push(record({ caseNumber: `（2024）辽0421刑初${j + 1}号`, division: '刑事审判庭', judge: '陈法官', filedOn: '2024-12-01', cause: '盗窃罪' }));
  return out;
}

beforeAll(async () => {
  t = freshCourtDb();
  t.put(court(), '2025-03-15');
  const accounts = new AccountStore(t.db);
  accounts.create({ name: '院长甲', roles: ['president'], division: null, password: PASSWORD, actor: 'tester' });
  accounts.create({ name: '庭长乙', roles: ['division_head'], division: '民一庭', password: PASSWORD, actor: 'tester' });
  accounts.create({ name: '王法官', roles: ['judge'], division: '民一庭', password: PASSWORD, actor: 'tester' });
  t.db.close();
  core = openCore({ dbPath: t.file, host: 'loopback', today: '2025-03-15' });
  for (const name of ['院长甲', '庭长乙', '王法官']) {
    const r = await core.call('auth.signIn', { name, password: PASSWORD });
    sessions[name] = (r.session as { set: string }).set;
  }
});
afterAll(() => {
  core.close();
  t.cleanup();
});

type Answer<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string; field?: string } };
const call = async <T = LedgerProjectionResult>(args: unknown, who = '院长甲') => (await core.call('ledger.project', args, { session: sessions[who] })) as Answer<T>;
const value = async (args: unknown, who = '院长甲') => {
  const r = await call(args, who);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

describe('ledger.project on a small court', () => {
  it('starts at the last month end, reads the year before it and projects six months by default', async () => {
    const r = await value({});
    expect(r).toMatchObject({ asOf: '2025-03-15', start: '2025-02-28', scope: '全院案件', statement: MODEL_STATEMENT });
    // 38 filed and 24 closed in the 12 months: 3 and 2 a month; one judge closed cases; 12 + 5 + 2 open.
    expect(r.rates).toEqual({ historyMonths: 12, filingsPerMonth: 3, closingsPerMonth: 2, scaledClosingsPerMonth: 2, judges: 1, openAtStart: 19 });
    expect(r.months.map((m) => m.month)).toEqual(['2025-03', '2025-04', '2025-05', '2025-06', '2025-07', '2025-08']);
    expect(r.baseline.map((m) => m.pending)).toEqual([20, 21, 22, 23, 24, 25]);
    expect(r.months).toEqual(r.baseline);
    // Every closing of the year was under three months old and in time.
    expect(r.months[0]).toMatchObject({ resolved: 2, clearanceRate: 66.7, onTimeRate: 100, resolvedWithLimit: 2, resolvedOnTime: 2 });
    // The five of 2023, and the open case of 2024-03-05 (+ 12 months = 2025-03-05 < 2025-03-31); the year closed
    // only cases under three months old, so each month's open case of 2024 turns long in its turn.
    expect(r.months.map((m) => m.longPending12)).toEqual([6, 7, 8, 9, 10, 11]);
  });

  it('the what-if beside the baseline: two more a month is 2·k fewer pending', async () => {
    const r = await value({ months: 4, closeMore: 2 });
    expect(r.baseline.map((b, i) => b.pending - r.months[i].pending)).toEqual([2, 4, 6, 8]);
    expect(r.assumptions).toEqual({ months: 4, closeMore: 2, clearOldest: 0, by: null, judgesDelta: 0 });
  });

  it('clearing the five oldest by the end of June: 1, 1, 1 and 2 of them a month, off the long-pending count', async () => {
    const r = await value({ months: 4, clearOldest: 5, by: '2025-06-30' });
    expect(r.baseline.map((m) => m.longPending12)).toEqual([6, 7, 8, 9]);
    expect(r.months.map((m) => m.longPending12)).toEqual([5, 5, 5, 4]);
    expect(r.months.map((m) => m.resolved)).toEqual([3, 3, 3, 4]);
  });

  it('uses only what was known at the start: later filings and closings change nothing', async () => {
    const before = await value({ asOf: '2025-02-28', months: 3 });
    const db = core.db;
    const store = new CaseStore(db);
    db.transaction(() => {
      const dir = new CourtDirectory(db, getSelfCourt(db)!.id);
      const v = nextRowVersion(db);
      for (const r of [record({ caseNumber: '（2025）辽0421民初500号', filedOn: '2025-03-02' }), record({ caseNumber: '（2023）辽0421民初900号', filedOn: '2023-01-10', closedOn: '2025-03-03', closingMethod: '调解' })]) {
        store.upsert(r, dir, v, { actor: 'tester', today: '2025-03-15' });
      }
    })();
    const after = await value({ asOf: '2025-02-28', months: 3 });
    expect(after).toEqual(before);
    expect(readInputs(db, '2025-03-31', { kind: 'all' }).open.reduce((n, c) => n + c.count, 0)).toBe(19); // 19 + 1 filed − 1 closed
  });

  it('a division head sees his division; a judge has no projection', async () => {
    const r = await value({ asOf: '2025-02-28' }, '庭长乙');
    expect(r.scope).toBe('本部门案件');
    expect(r.rates).toMatchObject({ filingsPerMonth: 3, closingsPerMonth: 2, judges: 1, openAtStart: 17 });
    const j = await call({}, '王法官');
    expect(j).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('draws the weak points’ targets and the reasonable ranges', async () => {
    core.db.prepare("INSERT INTO ledger_weak_points (id, text, found_by, found_on, created_by, created_at, row_version, updated_at) VALUES (1, '长期未结案件多', 'intermediate', '2025-01-05', 'tester', '2025-01-05T00:00:00Z', 1, '2025-01-05T00:00:00Z')").run();
    core.db.prepare("INSERT INTO ledger_targets (weak_point_id, indicator, target, due_on) VALUES (1, 'longPending12Ratio', 0.02, '2025-06-30'), (1, 'caseItemRatio', 1.2, '2025-06-30'), (1, 'clearanceRate', 1.05, '2025-09-30')").run();
    const r = await value({});
    expect(r.targets).toEqual(expect.arrayContaining([
      // Kept as a fraction by the ledger, drawn on the percentage axis.
      expect.objectContaining({ indicator: 'longPending12Ratio', value: 2, kind: 'target', dueOn: '2025-06-30', label: '目标 ≤ 2.00%（2025-06-30 前）：长期未结案件多' }),
      expect.objectContaining({ indicator: 'clearanceRate', value: 105, kind: 'target', label: '目标 ≥ 105.00%（2025-09-30 前）：长期未结案件多' }),
      expect.objectContaining({ indicator: 'clearanceRate', value: 100, kind: 'low' }),
      expect.objectContaining({ indicator: 'onTimeRate', value: 95, kind: 'low' }),
    ]));
    expect(r.targets.some((x) => (x.indicator as string) === 'caseItemRatio')).toBe(false);
  });
});

describe('bad arguments: a Chinese message naming the field, nothing written', () => {
  it.each([
    [{ months: 0 }, 'months', '预测月数不能小于 1'],
    [{ months: 25 }, 'months', '预测月数不能大于 24'],
    [{ months: 2.5 }, 'months', '预测月数应为整数'],
    [{ months: '6' }, 'months', '预测月数应为整数'],
    [{ closeMore: -1 }, 'closeMore', '每月多结案件数不能小于 0'],
    [{ clearOldest: 3 }, 'by', '清理最久未结案件需要填写完成日期'],
    [{ clearOldest: 3, by: '2025-02-30' }, 'by', '日期无效'],
    [{ clearOldest: 3, by: '2025-02-01' }, 'by', '应晚于预测起点 2025-02-28'],
    [{ asOf: '2025-04-01' }, 'asOf', '晚于今天'],
    [{ judgesDelta: -1 }, 'judgesDelta', '不足 1 人'],
    [{ judgesDelta: 10_000 }, 'judgesDelta', '增减法官人数不能大于 1000'],
    [{ extra: 1 }, '', ''],
  ])('%j', async (args, field, words) => {
    const audit = core.db.prepare('SELECT count(*) FROM audit_log').pluck().get();
    const r = await call(args);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('BAD_ARGS');
    if (field) expect(r.error.field).toBe(field);
    expect(r.error.message).toContain(words);
    expect(r.error.message).not.toMatch(/SQLITE|Error|undefined|NaN/);
    expect(core.db.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(audit);
  });
});

describe('the inputs read from SQLite are the cases’ own', () => {
  it('open cases, flows and the closing-age profile match a plain pass over the cases (closed_overdue, the month rule)', () => {
    const c = freshCourtDb('辽0421', { demo: true });
    try {
      seedDatabase(c.db, c.store, { cases: 6000, seed: 5, today: '2026-11-23', actor: 'tester' });
      for (const start of ['2026-10-31', '2025-02-28', '2024-12-31']) {
        const got = readInputs(c.db, start, { kind: 'all' });
        const rows = c.db.prepare('SELECT filed_on AS f, closed_on AS c, closed_overdue AS o FROM cases').all() as Array<{ f: string; c: string | null; o: 0 | 1 | null }>;
        const open = rows.filter((r) => r.f <= start && (r.c === null || r.c > start)).length;
        expect(got.open.reduce((n, x) => n + x.count, 0), start).toBe(open);
        const from = `${got.history[0].month}-01`;
        const profile = AGE_BANDS.map(() => ({ closed: 0, withLimit: 0, onTime: 0 }));
        for (const r of rows) {
          if (r.c === null || r.c < from || r.c > start) continue;
          const b = profile[bandOf(ageMonths(r.f, r.c))];
          b.closed++;
          b.withLimit += r.o === null ? 0 : 1;
          b.onTime += r.o === 0 ? 1 : 0;
        }
        expect(got.profile, start).toEqual(profile);
        expect(got.history.reduce((n, h) => n + h.resolved, 0)).toBe(rows.filter((r) => r.c !== null && r.c >= from && r.c <= start).length);
        expect(got.history.reduce((n, h) => n + h.received, 0)).toBe(rows.filter((r) => r.f >= from && r.f <= start).length);
      }
    } finally {
      c.db.close();
      c.cleanup();
    }
  }, 60_000);

  it('keeps the inputs for the next what-if, and reads afresh after a write', async () => {
    const before = (await value({ asOf: '2025-03-15' })).rates.openAtStart;
    const dir = new CourtDirectory(core.db, getSelfCourt(core.db)!.id);
    core.db.transaction(() => new CaseStore(core.db).upsert(record({ caseNumber: '（2025）辽0421民初600号', filedOn: '2025-02-10' }), dir, nextRowVersion(core.db), { actor: 'tester', today: '2025-03-15' }))();
    expect((await value({ asOf: '2025-03-15' })).rates.openAtStart).toBe(before + 1);
  });
});

describe('back-test: a year projected from a year before the data end, against what happened', () => {
  it('keeps the error within bounds on three generated courts of 20,000 cases', () => {
    expect(startOf('2026-11-23')).toBe('2026-10-31');
    for (const seed of [11, 12, 13]) {
      const c = freshCourtDb('辽0421', { demo: true });
      try {
        seedDatabase(c.db, c.store, { cases: 20_000, seed, today: '2026-11-23', actor: 'tester' });
        const r = backtest(c.db, '2025-10-31', 12);
        const { projected: _p, actual: _a, ...errors } = r;
        console.log(`back-test seed ${seed}: ${JSON.stringify(errors)}`);
        // About 170 filings a month and 600 open: a year of monthly flows of that size wanders by ±10 % of the
        // pending stock by chance and season alone (the model has neither), so 15 % on average, 25 % at worst.
        expect(r.pendingMeanPct).toBeLessThanOrEqual(15);
        expect(r.pendingMaxPct).toBeLessThanOrEqual(25);
        // The long-pending share moves slowly (it is a stock of old cases): within 5 points on average, 10 at worst.
        expect(r.longRatioMeanPp).toBeLessThanOrEqual(5);
        expect(r.longRatioMaxPp).toBeLessThanOrEqual(10);
        // The on-time share of closings is stable from year to year: 3 points.
        expect(r.onTimeMeanPp).toBeLessThanOrEqual(3);
        // The year's clearance (closings over filings of the 12 months) within 10 points; a single month's swings
        // with the season (70 % to 150 %) and the model projects the average month.
        expect(r.clearanceYearPp).toBeLessThanOrEqual(10);
      } finally {
        c.db.close();
        c.cleanup();
      }
    }
  }, 120_000);
});
