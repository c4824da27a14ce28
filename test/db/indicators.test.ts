// indicators.compute through the core on a hand-built court: every indicator against hand-computed figures, and its edges.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshCourtDb, record } from '../helpers/tempDb';
import { openCore, type Core } from '../../electron/core/app/openCore';
import { AccountStore } from '../../electron/core/accounts/accountStore';
import { addTallies, type IndicatorValues } from '../../shared/indicators/formulas';
import { sqlTallies } from '../../electron/core/indicators/sqlTallies';
import type { IndicatorsResult } from '../../shared/indicators/api';
import type { CaseRecord } from '../../shared/cases/types';

const TODAY = '2024-12-31';
const PASSWORD = 'right-pass-1';
const N = (type: string, seq: number, year = 2024) => `（${year}）辽0421${type}${seq}号`;
const WANG = { division: '民一庭', judge: '王法官' };
const LI = { division: '民一庭', judge: '李法官' };
const CHEN = { division: '刑事审判庭', judge: '陈法官' };
const ZHAO = { division: '执行局', judge: '赵法官' };
const PERIOD = { from: '2024-03-01', to: '2024-03-31' };

/*
 * The court, period 2024-03-01 … 2024-03-31 (民初 普通程序: 6 months unless said). Durations by hand:
 * A1 03-01→03-31 30 · A2 02-10→03-01 20 · A8 01-10→03-20 70 − 20 days of 中止 = 50 · A9 2023-06-01→03-15 288 ·
 * A10 2023-08-01→03-10 222 · B1 20 · C1 7 · E1 28 · E2 01-05→03-05 60 · P1 10 · M1 8.
 */
const closed = (closedOn: string, closingMethod: CaseRecord['closingMethod']) => ({ closedOn, closingMethod });
const CASES: CaseRecord[] = [
  // Filed on the first day, closed on the last: received and resolved. Judgment with 阅核 and 类案检索, appealed, 改判.
  record({ caseNumber: N('民初', 1), ...WANG, filedOn: '2024-03-01', ...closed('2024-03-31', '判决'), reviewed: true, precedentSearched: true, appealed: true, appealOutcome: '改判' }),
  // Carried over and closed on the first day.
  record({ caseNumber: N('民初', 2), ...WANG, filedOn: '2024-02-10', ...closed('2024-03-01', '调解') }),
  // Closed the day before the period: no part (and an enforcement case links to it: not counted as 件 either).
  record({ caseNumber: N('民初', 3), ...WANG, filedOn: '2024-02-15', ...closed('2024-02-29', '撤诉') }),
  // Filed after the period: no part.
  record({ caseNumber: N('民初', 4), ...WANG, filedOn: '2024-04-01' }),
  // Open more than 12 months at 2024-03-31 (2023-03-10 + 12 months = 2024-03-10 < 03-31), overdue since 2023-09-10.
  record({ caseNumber: N('民初', 5, 2023), ...LI, filedOn: '2023-03-10' }),
  // The boundary: 2023-03-31 + 12 months = 2024-03-31, not before `to`: not yet more than 12 months.
  record({ caseNumber: N('民初', 6, 2023), ...LI, filedOn: '2023-03-31' }),
  // Closed after the period: pending at `to`, more than 12 months (2024-03-30 < 03-31), overdue since 2023-09-30.
  record({ caseNumber: N('民初', 7, 2023), ...LI, filedOn: '2023-03-30', ...closed('2024-05-10', '判决') }),
  // Suspended for 20 days (added below), closed in time by judgment without 阅核 or 类案检索, not appealed.
  record({ caseNumber: N('民初', 8), ...LI, filedOn: '2024-01-10', appealed: false }),
  // An approved extension of 200 days: due 2024-06-18, closed in time, but not within the normal limit.
  record({ caseNumber: N('民初', 9, 2023), ...LI, filedOn: '2023-06-01', ...closed('2024-03-15', '裁定'), extendedDays: 200, appealed: false }),
  // Closed late: due 2024-02-01.
  record({ caseNumber: N('民初', 10, 2023), ...WANG, filedOn: '2023-08-01', ...closed('2024-03-10', '判决') }),
  // 民催 has no time limit: out of every on-time denominator; a civil case withdrawn.
  record({ caseNumber: N('民催', 1), ...WANG, procedure: null, filedOn: '2024-03-05', ...closed('2024-03-25', '撤诉') }),
  // 速裁 10 days, first-instance criminal, closed by judgment.
  record({ caseNumber: N('刑初', 1), ...CHEN, procedure: '速裁程序', cause: '危险驾驶罪', filedOn: '2024-03-05', ...closed('2024-03-12', '判决') }),
  // Enforcement of A1, completed, everything recovered; and an older one ended for now, 1,000 of 5,000 recovered.
  record({ caseNumber: N('执', 1), ...ZHAO, procedure: null, cause: '民间借贷纠纷', filedOn: '2024-03-02', ...closed('2024-03-30', '执行完毕'), originCaseNumber: N('民初', 1), enforcementClaim: 10_000, enforcementRecovered: 10_000 }),
  record({ caseNumber: N('执', 2), ...ZHAO, procedure: null, filedOn: '2024-01-05', ...closed('2024-03-05', '终结本次执行'), originCaseNumber: N('民初', 3), enforcementClaim: 5_000, enforcementRecovered: 1_000 }),
  // An objection to E1's enforcement: a 件 of A1 two links away; no time limit, open.
  record({ caseNumber: N('执异', 1), ...ZHAO, procedure: null, filedOn: '2024-03-20', originCaseNumber: N('执', 1) }),
  // Pre-litigation mediation (older type), settled by 调解.
  record({ caseNumber: N('诉前调', 1), ...WANG, procedure: null, filedOn: '2024-03-03', ...closed('2024-03-13', '调解') }),
  // 先行调解: M1 settled in the period; M2 failed in the period; M3 settled after the period.
  record({ caseNumber: N('民初', 11), ...WANG, filedOn: '2024-03-04', ...closed('2024-03-12', '调解') }),
  record({ caseNumber: N('民初', 12), ...LI, filedOn: '2024-02-20' }),
  record({ caseNumber: N('民初', 13), ...WANG, filedOn: '2024-03-06' }),
];

let t: ReturnType<typeof freshCourtDb>;
let core: Core;

beforeAll(() => {
  t = freshCourtDb();
  t.put(CASES, TODAY);
  t.store.addEvent(N('民初', 8), '中止', '2024-02-01', '2024-02-21', null, { actor: 'tester', today: TODAY });
  t.put([{ ...CASES[7], ...closed('2024-03-20', '判决'), reviewed: false, precedentSearched: false }], TODAY);
  const mediation = t.db.prepare(`INSERT INTO mediations (case_id, destination, mediator, received_on, base_days, ended_on, outcome, row_version, created_at, updated_at)
    VALUES ((SELECT id FROM cases WHERE case_number = ?), '特邀调解员', '调解员甲', ?, 15, ?, ?, 1, 'x', 'x')`);
  mediation.run(N('民初', 11), '2024-03-05', '2024-03-12', '调解成功');
  mediation.run(N('民初', 12), '2024-02-21', '2024-03-02', '调解不成转审理');
  mediation.run(N('民初', 13), '2024-03-20', '2024-04-02', '调解成功');
  const accounts = new AccountStore(t.db);
  accounts.create({ name: '李法官', roles: ['judge'], division: '民一庭', password: PASSWORD, actor: 'tester' });
  accounts.create({ name: '庭长丙', roles: ['division_head'], division: '执行局', password: PASSWORD, actor: 'tester' });
  accounts.create({ name: '统计己', roles: ['statistician'], division: null, password: PASSWORD, actor: 'tester' });
  accounts.create({ name: '书记员甲', roles: ['clerk'], division: '民一庭', password: PASSWORD, actor: 'tester' });
  t.db.close();
  core = openCore({ dbPath: t.file, host: 'loopback', today: TODAY, jobWorker: null });
});
afterAll(() => {
  core.close();
  t.cleanup();
});

async function call(name: string, args: Record<string, unknown>) {
  const s = (await core.call('auth.signIn', { name, password: PASSWORD })).session as { set: string };
  return core.call('indicators.compute', args, { session: s.set }) as Promise<{ ok: boolean; value: IndicatorsResult; error: { code: string; message: string } }>;
}
async function compute(name: string, args: Record<string, unknown>): Promise<IndicatorsResult> {
  const r = await call(name, args);
  expect(r.ok, JSON.stringify(r)).toBe(true);
  return r.value;
}

describe('the court figure', () => {
  let v: IndicatorValues;
  beforeAll(async () => {
    v = (await compute('统计己', PERIOD)).total;
  });

  it.each<[keyof IndicatorValues, unknown]>([
    // A1 B1 C1 E1 E3 P1 M1 M3; without M1, settled in 先行调解 on 03-12 (M3 settled only after `to`).
    ['received', { value: 8, withoutAdvanceSettled: 7 }],
    // A2 (closed on the first day) A5 A6 A7 A8 A9 A10 E2 M2; not A3, closed the day before.
    ['carriedOver', { value: 9 }],
    ['resolved', { value: 11 }],
    // A5 A6 A7 (closed after `to`) E3 M2 M3: 9 + 8 = 11 + 6.
    ['pending', { value: 6 }],
    ['clearanceRate', { value: 137.5, numerator: 11, denominator: 8 }],
    ['dispositionRate', { value: 64.7, numerator: 11, denominator: 17 }],
    // B1 and P1 have no time limit; A10 was late.
    ['onTimeRate', { value: 88.9, numerator: 8, denominator: 9 }],
    // 743 days / 11; sorted 7 8 10 20 20 28 30 50 60 222 288: median 28, the 10th 222.
    ['avgDuration', { value: 67.5, numerator: 743, denominator: 11, median: 28, p90: 222 }],
    // 31 × 6 / 11 = 16.909…
    ['dispositionTime', { value: 16.9, numerator: 6, denominator: 11, days: 31 }],
    ['longPending12', { value: 2 }],
    ['longPending18', { value: 0 }],
    ['longPending36', { value: 0 }],
    ['pendingAge', { value: 6, buckets: { '≤3': 3, '3–6': 0, '6–12': 1, '12–18': 2, '18–36': 0, '>36': 0 } }],
    ['overduePending', { value: 3 }],
    ['extensionRate', { value: 11.1, numerator: 1, denominator: 9 }],
    // First instance resolved: A1 A2 A8 A9 A10 C1 M1; by judgment or ruling A1 A8 A9 A10 C1.
    ['appealRate', { value: 20, numerator: 1, denominator: 5 }],
    ['reversalRate', { value: 14.3, numerator: 1, denominator: 7, reversed: 1, remanded: 0 }],
    ['acceptanceRate', { value: 85.7, numerator: 6, denominator: 7 }],
    // Civil resolved: A1 A2 A8 A9 A10 B1 M1 (诉前调 is not 民…).
    ['mediationRate', { value: 28.6, numerator: 2, denominator: 7 }],
    ['withdrawalRate', { value: 14.3, numerator: 1, denominator: 7 }],
    ['settlementRate', { value: 42.9, numerator: 3, denominator: 7 }],
    ['preMediationRate', { value: 100, numerator: 1, denominator: 1 }],
    ['advanceMediationRate', { value: 50, numerator: 1, denominator: 2 }],
    ['normalOnTimeRate', { value: 77.8, numerator: 7, denominator: 9 }],
    ['longPending12Ratio', { value: 33.3, numerator: 2, denominator: 6 }],
    // 案: A1 C1 M1 M3; 件: those, E1 (of A1) and 执异1 (of E1); E2 links to A3, received before the period.
    ['caseItemRatio', { value: 1.5, numerator: 6, denominator: 4 }],
    ['enforcementRecoveryRate', { value: 73.3, numerator: 11_000, denominator: 15_000 }],
    ['enforcementCompletionRate', { value: 50, numerator: 1, denominator: 2 }],
    // 王 李 陈 赵 had cases on their docket.
    ['resolvedPerJudge', { value: 2.8, numerator: 11, denominator: 4 }],
    // By judgment: A1 A8 A10 C1; only A1 recorded 阅核 and 类案检索.
    ['reviewRate', { value: 25, numerator: 1, denominator: 4 }],
    ['precedentRate', { value: 25, numerator: 1, denominator: 4 }],
  ])('%s', (id, expected) => {
    expect(v[id]).toMatchObject(expected as object);
  });

  it('uses the stored engine results: the suspension is deducted from A8\'s duration', () => {
    expect(core.db.prepare('SELECT duration_days, deducted_days FROM cases WHERE case_number = ?').get(N('民初', 8))).toEqual({ duration_days: 50, deducted_days: 20 });
  });
});

describe('grouping', () => {
  it('by division: name order, and the counts sum back to the court figure', async () => {
    const r = await compute('统计己', { ...PERIOD, by: 'division' });
    expect(r.groups!.map((g) => g.name)).toEqual(['民一庭', '刑事审判庭', '执行局'].sort((a, b) => a.localeCompare(b, 'zh-CN')));
    const d = Object.fromEntries(r.groups!.map((g) => [g.name, g.values]));
    expect(['received', 'carriedOver', 'resolved', 'pending'].map((k) => d['民一庭'][k as 'received'].value)).toEqual([5, 8, 8, 5]);
    expect(['received', 'carriedOver', 'resolved', 'pending'].map((k) => d['执行局'][k as 'received'].value)).toEqual([2, 1, 2, 1]);
    expect(d['民一庭'].caseItemRatio).toMatchObject({ value: 1.67, numerator: 5, denominator: 3 });
    expect(d['执行局'].clearanceRate).toMatchObject({ value: 100, numerator: 2, denominator: 2 });
    for (const k of ['received', 'carriedOver', 'resolved', 'pending', 'longPending12', 'overduePending'] as const) {
      expect(r.groups!.reduce((s, g) => s + g.values[k].value, 0), k).toBe(r.total[k].value);
    }
  });

  it('by judge: each judge\'s figures, summing to the court', async () => {
    const r = await compute('统计己', { ...PERIOD, by: 'judge' });
    const j = Object.fromEntries(r.groups!.map((g) => [g.name, g.values]));
    expect(Object.keys(j).sort()).toEqual(['李法官', '王法官', '赵法官', '陈法官'].sort());
    expect([j['王法官'].received.value, j['王法官'].carriedOver.value, j['王法官'].resolved.value, j['王法官'].pending.value]).toEqual([5, 2, 6, 1]);
    expect([j['李法官'].received.value, j['李法官'].carriedOver.value, j['李法官'].resolved.value, j['李法官'].pending.value]).toEqual([0, 6, 2, 4]);
    expect(j['李法官'].resolvedPerJudge).toMatchObject({ value: 2, numerator: 2, denominator: 1 });
    for (const k of ['received', 'carriedOver', 'resolved', 'pending'] as const) {
      expect(r.groups!.reduce((s, g) => s + g.values[k].value, 0)).toBe(r.total[k].value);
    }
  });

  it('the tallies of every grouping add up to the court\'s tally (counts and durations)', () => {
    const scope = { kind: 'all' } as const;
    const court = sqlTallies(core.db, PERIOD, scope, {}, 'court').get(0)!;
    for (const by of ['division', 'judge', 'stage', 'procedure', 'cause'] as const) {
      const sum = addTallies([...sqlTallies(core.db, PERIOD, scope, {}, by).values()]);
      // Judges are counted once per group: a judge can sit in several groups (causes), so only the rest must add up.
      expect({ ...sum, judges: 0 }, by).toEqual({ ...court, judges: 0 });
    }
  });

  it('the court figure beside the groups is the court figure without them, for every grouping and scope', async () => {
    for (const who of ['统计己', '李法官', '庭长丙']) {
      const alone = (await compute(who, PERIOD)).total;
      for (const by of ['division', 'judge', 'stage', 'procedure', 'cause']) expect((await compute(who, { ...PERIOD, by })).total, `${who} by ${by}`).toEqual(alone);
    }
  });

  it('by stage and procedure name the case types, and a case without a procedure', async () => {
    const stages = await compute('统计己', { ...PERIOD, by: 'stage' });
    expect(stages.groups!.map((g) => g.name).sort()).toEqual(['刑初', '执', '执异', '民催', '民初', '诉前调'].sort());
    const procs = await compute('统计己', { ...PERIOD, by: 'procedure' });
    expect(procs.groups!.map((g) => g.name).sort()).toEqual(['普通程序', '速裁程序', '（未记录程序）'].sort());
  });

  it('filters within the scope: one division, one judge, one stage, one cause', async () => {
    expect((await compute('统计己', { ...PERIOD, division: '执行局' })).total.enforcementRecoveryRate.numerator).toBe(11_000);
    expect((await compute('统计己', { ...PERIOD, judge: '王法官' })).total.received.value).toBe(5);
    expect((await compute('统计己', { ...PERIOD, stage: '刑初' })).total.resolved.value).toBe(1);
    expect((await compute('统计己', { ...PERIOD, cause: '危险驾驶罪' })).total.avgDuration.value).toBe(7);
    const r = await call('统计己', { ...PERIOD, division: '不存在庭' });
    expect(r.ok).toBe(false);
    expect(r.error.message).toBe('没有名为“不存在庭”的部门');
  });
});

describe('the reader\'s scope', () => {
  it('a judge gets his own figures only, and a ratio over nothing received is null', async () => {
    const r = await compute('李法官', PERIOD);
    expect(r.scope).toBe('本人承办的案件');
    expect([r.total.received.value, r.total.carriedOver.value, r.total.resolved.value, r.total.pending.value]).toEqual([0, 6, 2, 4]);
    expect(r.total.clearanceRate).toMatchObject({ value: null, numerator: 2, denominator: 0 });
    const grouped = await compute('李法官', { ...PERIOD, by: 'division' });
    expect(grouped.groups!.map((g) => g.name)).toEqual(['民一庭']);
  });

  it('a division head gets his division\'s', async () => {
    const r = await compute('庭长丙', { ...PERIOD, by: 'judge' });
    expect(r.groups!.map((g) => g.name)).toEqual(['赵法官']);
    expect(r.total.received.value).toBe(2);
  });

  it('a clerk may not see indicators', async () => {
    const r = await call('书记员甲', PERIOD);
    expect(r.ok).toBe(false);
    expect(r.error.code).toBe('FORBIDDEN');
  });
});

describe('bad periods', () => {
  it.each([
    [{ from: '2024-02-30', to: '2024-03-31' }, /日期无效/],
    [{ from: '2024-03-31', to: '2024-03-01' }, /截止日期 2024-03-01 早于起始日期 2024-03-31/],
    [{ from: '2000-01-01', to: '2024-03-01' }, /期间最长/],
    [{ ...PERIOD, by: 'rank' }, /分组方式/],
    // Year 1 once reached the month rule's cutoffs (36 months before `to`: a year below 0) as a raw RangeError.
    [{ from: '0001-01-01', to: '0001-12-31' }, /起始日期 0001-01-01 早于 1900 年/],
    [{ from: '1899-12-31', to: '1900-01-31' }, /起始日期 1899-12-31 早于 1900 年/],
  ])('%j is refused in Chinese', async (args, message) => {
    const r = await call('统计己', args);
    expect(r.ok).toBe(false);
    expect(r.error.code).toBe('BAD_ARGS');
    expect(r.error.message).toMatch(message);
  });

  it('a period with no case at all: counts 0, every ratio null', async () => {
    const r = await compute('统计己', { from: '2010-01-01', to: '2010-12-31' });
    expect(r.total.received.value).toBe(0);
    expect(r.total.onTimeRate.value).toBeNull();
    expect(r.total.caseItemRatio.value).toBeNull();
  });
});
