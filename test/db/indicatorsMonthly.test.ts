// 月分析's store through the core on a real database: the month, last year's, both years to date and the trend's
// months each counted over their own period, a leap February against a 28-day one, a running month cut at today.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshCourtDb, record } from '../helpers/tempDb';
import { openCore, type Core } from '../../electron/core/app/openCore';
import { AccountStore } from '../../electron/core/accounts/accountStore';
import { createMonthlyStore } from '../../renderer/src/features/indicators/monthlyStore';
import type { IndicatorsApi } from '../../renderer/src/features/indicators/store';

const PASSWORD = 'right-pass-1';
let t: ReturnType<typeof freshCourtDb>;
let core: Core;
let session = '';
let calls: unknown[] = [];

beforeAll(async () => {
  t = freshCourtDb();
  const c = (n: number, division: string, filedOn: string, closedOn?: string) =>
    record({ caseNumber: `（${filedOn.slice(0, 4)}）辽0421民初${n}号`, division, judge: division === '民一庭' ? '王法官' : '李法官', filedOn, ...(closedOn ? { closedOn, closingMethod: '判决' } : {}) });
  t.put([
    c(1, '民一庭', '2023-01-05', '2023-02-28'),
    c(2, '民一庭', '2023-02-01', '2023-03-01'),
    c(3, '民一庭', '2024-01-10', '2024-01-30'),
    c(4, '民一庭', '2024-02-01', '2024-02-29'),
    c(5, '民二庭', '2024-02-02', '2024-02-20'),
    c(6, '民二庭', '2024-02-03'),
    c(7, '民二庭', '2024-03-01', '2024-03-05'),
    c(8, '民二庭', '2024-03-02', '2024-03-20'),
    c(9, '民一庭', '2023-03-02', '2023-03-05'),
  ], '2024-03-10');
  new AccountStore(t.db).create({ name: '统计己', roles: ['statistician'], division: null, password: PASSWORD, actor: 'tester' });
  t.db.close();
  core = openCore({ dbPath: t.file, host: 'loopback', today: '2024-03-10' });
  const r = await core.call('auth.signIn', { name: '统计己', password: PASSWORD });
  session = (r.session as { set: string }).set;
});
afterAll(() => {
  core.close();
  t.cleanup();
});

const api: Pick<IndicatorsApi, 'indicators.compute'> = {
  'indicators.compute': async (a) => {
    calls.push(a);
    return (await core.call('indicators.compute', a, { session })) as never;
  },
};

describe('月分析 on a real database', () => {
  it('a leap February: 29 days against last year’s 28, the years to date, by division, and twelve trend months', async () => {
    calls = [];
    const s = createMonthlyStore(api);
    await s.getState().load({ month: '2024-02', today: '2024-03-10', scope: {} });
    const { data, error } = s.getState();
    expect(error).toBeNull();
    expect(calls).toHaveLength(15);
    expect(data!.periods.month).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(data!.month.total.resolved.value).toBe(2);
    expect(data!.month.total.received.value).toBe(3);
    expect(data!.lastYear.total.resolved.value).toBe(1);
    expect(data!.ytd.total.resolved.value).toBe(3);
    expect(data!.lastYtd.total.resolved.value).toBe(1);
    expect(data!.month.groups!.map((g) => [g.name, g.values.resolved.value])).toEqual([['民一庭', 1], ['民二庭', 1]].sort((a, b) => String(a[0]).localeCompare(String(b[0]), 'zh-CN')));
    expect(data!.trend.map((x) => x.month)).toEqual(['2023-03', '2023-04', '2023-05', '2023-06', '2023-07', '2023-08', '2023-09', '2023-10', '2023-11', '2023-12', '2024-01', '2024-02']);
    expect(data!.trend.map((x) => x.result.total.resolved.value)).toEqual([2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2]);
    expect(data!.trend[11].result).toBe(data!.month);
  });

  it('a running month is cut at today, and last year’s at the same day', async () => {
    const s = createMonthlyStore(api);
    await s.getState().load({ month: '2024-03', today: '2024-03-10', scope: {} });
    const d = s.getState().data!;
    expect(d.periods.month).toEqual({ from: '2024-03-01', to: '2024-03-10' });
    expect(d.month.total.resolved.value).toBe(1);
    // 2023-03-01 and 03-05 closed, both by the 10th.
    expect(d.lastYear.total.resolved.value).toBe(2);
  });

  it('a month not yet begun asks nothing and says so in Chinese; a bad scope name comes back as the core’s message', async () => {
    calls = [];
    const s = createMonthlyStore(api);
    await s.getState().load({ month: '2024-04', today: '2024-03-10', scope: {} });
    expect(calls).toHaveLength(0);
    expect(s.getState()).toMatchObject({ data: null, error: '2024-04 尚未开始，没有可分析的数据' });
    await s.getState().load({ month: '2024-02', today: '2024-03-10', scope: { division: '没有这个庭' } });
    expect(s.getState().data).toBeNull();
    expect(s.getState().error).toMatch(/没有这个庭|部门/);
  });
});
