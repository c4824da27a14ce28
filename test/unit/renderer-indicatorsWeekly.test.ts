// 周通报's pure logic: the week of a date, the default and neighbouring weeks, its address, and the bulletin's rows in
// name order with the total, the groups' median and the change from last week — and no rank anywhere.
import { describe, expect, it } from 'vitest';
import { splitHash } from '../../renderer/src/router/hash';
import { formatIndicatorsRoute, parseIndicatorsRoute, type IndicatorsRoute } from '../../renderer/src/features/indicators/routes';
import { periodOf } from '../../renderer/src/features/indicators/IndicatorsPage';
import { byName, columnName, totalName, defaultWeek, nextWeek, previousWeek, weekLead, weekOf, weekOver, weekPeriod, weeklyMedianNote, weekStart, weeklyRows, WEEKLY_IDS } from '../../shared/indicators/weekly';
import { computeIndicators, emptyTally, type Tally } from '../../shared/indicators/formulas';
import { effectiveRanges, flagValues } from '../../shared/indicators/ranges';
import type { IndicatorsResult } from '../../shared/indicators/api';
import { spread } from '../../shared/indicators/figures';

describe('weeks', () => {
  it.each([
    ['a Monday is its own week', '2026-11-23', '2026-11-23'],
    ['a Sunday belongs to the week before it', '2026-11-29', '2026-11-23'],
    ['a Wednesday', '2026-11-25', '2026-11-23'],
    ['a week across a month end', '2026-12-01', '2026-11-30'],
    ['a week across the year end (Thursday 31 December)', '2026-12-31', '2026-12-28'],
    ['the new year’s first Sunday is still December’s week', '2027-01-03', '2026-12-28'],
    ['a leap day', '2028-02-29', '2028-02-28'],
    ['before 1970 (negative day numbers)', '1969-12-31', '1969-12-29'],
  ])('%s: %s → %s', (_what, date, monday) => {
    expect(weekStart(date)).toBe(monday);
  });

  it.each([
    ['Monday: last week, not this one', '2026-11-30', '2026-11-23'],
    ['Sunday: this week is not over yet', '2026-11-29', '2026-11-16'],
    ['Saturday', '2026-12-05', '2026-11-23'],
    ['New Year’s Day', '2027-01-01', '2026-12-21'],
  ])('the default week on %s (%s) begins %s', (_what, today, monday) => {
    expect(defaultWeek(today)).toBe(monday);
  });

  it('its period, neighbours, address value and lead line', () => {
    expect(weekPeriod('2026-11-30')).toEqual({ from: '2026-11-30', to: '2026-12-06' });
    expect(weekPeriod('2026-12-28')).toEqual({ from: '2026-12-28', to: '2027-01-03' });
    expect(previousWeek('2027-01-04')).toBe('2026-12-28');
    expect(nextWeek('2026-12-28')).toBe('2027-01-04');
    expect(weekOf(undefined, '2026-12-05')).toBe('2026-11-23');
    expect(weekOf('2026-11-26', '2026-12-05')).toBe('2026-11-23');
    expect(weekOf('2026-02-30', '2026-12-05')).toBe('2026-11-23');
    // A week not over (today's, or one beginning today) or not begun is the last full week, where 下一周 stops.
    expect(weekOf('2026-12-01', '2026-12-05')).toBe('2026-11-23');
    expect(weekOf('2026-11-30', '2026-11-30')).toBe('2026-11-23');
    expect(weekOf('2027-03-03', '2026-12-05')).toBe('2026-11-23');
    expect(weekOf('2026-11-29', '2026-11-30')).toBe('2026-11-23');
    expect(weekOf('2026-11-10', '2026-12-05')).toBe('2026-11-09');
    expect([weekOver('2026-11-23', '2026-11-29'), weekOver('2026-11-23', '2026-11-30'), weekOver('2026-11-30', '2026-11-30')]).toEqual([false, true, false]);
    expect(weekLead('2026-11-23')).toBe('2026-11-23（周一）至 2026-11-29（周日）· 按名称排列，不作排名 · 与上周比较');
  });

  it('is an address: view=weekly with its Monday and grouping, and the page computes that week', () => {
    const h = '#/indicators?view=weekly&week=2026-11-23&by=judge';
    const r = parseIndicatorsRoute(splitHash(h)!) as IndicatorsRoute;
    expect(r).toMatchObject({ view: 'weekly', week: '2026-11-23', by: 'judge' });
    expect(formatIndicatorsRoute(r)).toBe(h);
    expect(periodOf(r, '2026-12-05')).toEqual({ from: '2026-11-23', to: '2026-11-29' });
    const bad = parseIndicatorsRoute(splitHash('#/indicators?view=weekly&week=2026-13-01')!) as IndicatorsRoute;
    expect(bad.week).toBeUndefined();
    expect(formatIndicatorsRoute(bad)).toBe('#/indicators?view=weekly&by=division');
    expect(periodOf(bad, '2026-12-05')).toEqual({ from: '2026-11-23', to: '2026-11-29' });
  });
});

const P = { from: '2026-11-23', to: '2026-11-29' };
function values(t: Partial<Tally>) {
  return flagValues(computeIndicators({ ...emptyTally(), ...t }, P), effectiveRanges({}));
}
function result(groups: Array<[string, Partial<Tally>]>, total: Partial<Tally>): IndicatorsResult {
  return { ...P, scope: '全院案件', total: values(total), by: 'division', groups: groups.map(([name, t]) => ({ name, values: values(t) })) };
}
const cellOf = (rows: ReturnType<typeof weeklyRows>, name: string, id: string) => rows.find((r) => r.name === name)!.cells.find((c) => c.id === id)!;

describe('the bulletin’s rows', () => {
  const week = result(
    [
      ['执行局', { received: 4, resolved: 2 }],
      ['民一庭', { received: 10, resolved: 12, resolvedWithLimit: 10, resolvedOnTime: 9 }],
      ['刑庭', { received: 6, resolved: 3 }],
      ['立案庭', { received: 2, resolved: 0 }],
    ],
    { received: 22, resolved: 17 },
  );
  const last = result([['民一庭', { received: 8, resolved: 12, resolvedWithLimit: 4, resolvedOnTime: 4 }], ['刑庭', { received: 6, resolved: 5 }]], { received: 14, resolved: 17 });
  const rows = weeklyRows(week, last, '全院');

  it('lists the groups in pinyin name order, then 全院, then 中位数 — never in a figure’s order', () => {
    expect(rows.map((r) => r.name)).toEqual(['立案庭', '民一庭', '刑庭', '执行局', '全院', '中位数']);
    expect(rows.map((r) => r.kind)).toEqual(['group', 'group', 'group', 'group', 'total', 'median']);
    expect(byName([{ name: '张三' }, { name: '安娜' }, { name: '李四' }]).map((x) => x.name)).toEqual(['安娜', '李四', '张三']);
  });

  it('has the seven weekly key indicators, under the catalogue’s names', () => {
    expect(rows[0].cells.map((c) => c.id)).toEqual([...WEEKLY_IDS]);
    expect(WEEKLY_IDS.map(columnName)).toEqual(['新收', '结案', '结收比', '法定审限内结案率', '平均审理天数', '超审限未结', '超12个月未结']);
  });

  it('takes the median of an even count as the mean of the middle two', () => {
    // 新收 2, 4, 6, 10 → (4 + 6) / 2; last week 6 and 8 → 7.
    expect(cellOf(rows, '中位数', 'received')).toMatchObject({ value: 5, text: '5', part: null, badge: null });
    expect(cellOf(rows, '中位数', 'received').change).toMatchObject({ arrow: '↓', text: '−2' });
  });

  it('says the change from last week, by the indicator’s better direction, and none for a group absent last week', () => {
    expect(cellOf(rows, '民一庭', 'received').change).toMatchObject({ arrow: '↑', text: '+2', better: null });
    expect(cellOf(rows, '民一庭', 'onTimeRate').change).toMatchObject({ arrow: '↓', text: '−10.0 个百分点', better: false });
    expect(cellOf(rows, '刑庭', 'resolved').change).toMatchObject({ arrow: '↓', text: '−2' });
    expect(cellOf(rows, '执行局', 'received').change).toMatchObject({ arrow: '', text: '—', better: null });
    expect(cellOf(rows, '全院', 'resolved').change).toMatchObject({ arrow: '=', text: '持平' });
    // 立案庭 resolved nothing: no 平均审理天数 this week, so no change either.
    expect(cellOf(rows, '立案庭', 'avgDuration')).toMatchObject({ value: null, text: '—', change: { text: '—' } });
  });

  it('has no change at all without last week’s figures, and marks a value outside its range', () => {
    const alone = weeklyRows(week, null, '合计');
    expect(alone.every((r) => r.cells.every((c) => c.change.text === '—'))).toBe(true);
    expect(alone.map((r) => r.name)).toContain('合计');
    expect(['全院案件', '本部门案件', '本人承办的案件', '全院案件 · 简易程序'].map(totalName)).toEqual(['全院', '本部门', '合计', '合计']);
    // 执行局: 结收比 50 % against the default ≥ 100 %, the worse side.
    expect(cellOf(rows, '执行局', 'clearanceRate').badge).toMatchObject({ mark: '▼ 低于区间', worse: true });
    expect(cellOf(rows, '执行局', 'received').badge).toBeNull();
  });

  it('opens the cases behind every value but the median’s', () => {
    expect(cellOf(rows, '民一庭', 'resolved').part).toBe('count');
    expect(cellOf(rows, '全院', 'onTimeRate').part).toBe('numerator');
    expect(rows.find((r) => r.kind === 'median')!.cells.every((c) => c.part === null)).toBe(true);
  });

  it('has no median for a scope of one division (a division head’s): his own figure again would compare nothing', () => {
    // Found in review: 各部门中位数 equalled the head’s own division, since his scope holds that one division.
    const head = weeklyRows(result([['民一庭', { received: 10, resolved: 12 }]], { received: 10, resolved: 12 }), result([['民一庭', { received: 8, resolved: 12 }]], { received: 8, resolved: 12 }), '本部门');
    const median = head.find((r) => r.kind === 'median')!;
    expect(median.cells.map((c) => [c.value, c.text, c.change.text])).toEqual(WEEKLY_IDS.map(() => [null, '—', '—']));
    expect(weeklyMedianNote(head, '部门')).toContain('不计算各部门中位数');
    expect(weeklyMedianNote(rows, '部门')).toBeNull();
    expect(weeklyMedianNote(weeklyRows(result([], {}), null, '本部门'), '部门')).toBeNull();
  });

  it('never ranks: no 排名 or 第 N anywhere in what the bulletin says', () => {
    const words = JSON.stringify(rows) + weekLead('2026-11-23');
    expect(words).not.toMatch(/排名第|名次|第\s*\d+\s*名/);
    expect(Object.keys(rows[0])).not.toContain('rank');
  });
});

describe('the median of ratios', () => {
  // Found building 周通报: an even count of values with decimals threw a RangeError (the formulas' median is exact on
  // whole numbers only), which blanked the per-division view whenever two groups had ratios like 233.3 % and 50 %.
  it.each([
    [[233.3, 50], 141.65],
    [[95.5, 100, 87.5, null], 95.5],
    [[1.25, 1.5], 1.38],
    [[3, 4, 10, 2], 3.5],
    [[], null],
    // Fewer than two values: no median (it would be the one value itself).
    [[90], null],
    [[90, null], null],
  ])('%j → %s', (xs, med) => {
    expect(spread(xs).median).toBe(med);
  });
});
