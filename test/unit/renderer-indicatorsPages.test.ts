// A division's and a judge's page, pure: their addresses, who may open which, the period and trend months, the key rows
// beside the court's value and the median, the due lists; and the no-rank sweep's own detectors.
import { describe, expect, it } from 'vitest';
import { splitHash } from '../../renderer/src/router/hash';
import { formatIndicatorsRoute, groupRoute, parseIndicatorsRoute } from '../../renderer/src/features/indicators/routes';
import { dueLists, groupPeriod, keyRows, ownPage, pageNotice, rangeOf, trendPeriods, type Reader } from '../../renderer/src/features/indicators/groupFigures';
import { toFilterArgs } from '../../renderer/src/features/cases/filters';
import { computeIndicators, emptyTally, type IndicatorValues } from '../../shared/indicators/formulas';
import { effectiveRanges, flagValues } from '../../shared/indicators/ranges';
import { positionColumns, rankWords } from '../helpers/noRank';

const parse = (h: string) => parseIndicatorsRoute(splitHash(h)!);
const P = { from: '2026-01-01', to: '2026-03-31' };

/** Figures with `resolved` cases closed, `onTime` of them in time. */
function values(resolved: number, onTime: number): IndicatorValues {
  return computeIndicators({ ...emptyTally(), carriedOver: resolved, resolved, resolvedWithLimit: resolved, resolvedOnTime: onTime }, P);
}

describe('the pages’ addresses', () => {
  it.each([
    ['#/indicators/division?name=%E6%B0%91%E4%B8%80%E5%BA%AD&from=2026-01-01&to=2026-03-31&ind=clearanceRate', groupRoute('division', '民一庭', '2026-01-01', '2026-03-31', 'clearanceRate')],
    ['#/indicators/judge?name=%E7%8E%8B%E6%B3%95%E5%AE%98', groupRoute('judge', '王法官')],
  ])('%s round-trips', (h, route) => {
    expect(parse(h)).toEqual(route);
    expect(formatIndicatorsRoute(route)).toBe(h);
  });

  it.each([
    ['no name', '#/indicators/judge'],
    ['a blank name', '#/indicators/judge?name=%20%20'],
    ['a judge’s name over 20 characters', `#/indicators/judge?name=${'王'.repeat(21)}`],
    ['a division’s name over 50 characters', `#/indicators/division?name=${'庭'.repeat(51)}`],
    ['another kind of group', '#/indicators/stage?name=%E6%B0%91%E5%88%9D'],
  ])('%s is no address', (_why, h) => {
    expect(parse(h)).toBeNull();
  });

  it('drops a bad date or indicator instead of refusing the page', () => {
    expect(parse('#/indicators/judge?name=%E7%8E%8B&from=2026-02-30&to=x&ind=bogus')).toEqual(groupRoute('judge', '王'));
  });
});

describe('who may open which page', () => {
  const president: Reader = { name: '院长甲', division: null, scopeKind: 'all' };
  const head: Reader = { name: '庭长乙', division: '民一庭', scopeKind: 'division' };
  const judge: Reader = { name: '法官丙', division: '民一庭', scopeKind: 'own' };
  it.each([
    [president, 'division', '刑庭', null, null],
    [president, 'judge', '任何人', null, null],
    [head, 'division', '民一庭', ['法官丙'], null],
    [head, 'division', '刑庭', ['法官丙'], '您只能查看本部门（民一庭）的指标，不能查看部门“刑庭”的页面。'],
    [head, 'judge', '法官丙', ['法官丙'], null],
    [head, 'judge', '法官丁', ['法官丙'], '您只能查看本部门（民一庭）法官的指标，“法官丁”不在本部门。'],
    // While the judges are still being read, the page waits rather than say no.
    [head, 'judge', '法官丁', null, null],
    [judge, 'judge', '法官丙', [], null],
    [judge, 'judge', '法官丁', [], '您只能查看本人的指标，不能查看“法官丁”的页面。'],
    [judge, 'division', '民一庭', [], '您只能查看本人的指标，不能查看部门“民一庭”的页面。'],
    [{ ...judge, scopeKind: 'none' }, 'judge', '法官丙', [], '您的账号不能查看质效指标。'],
  ] as const)('%o on the %s page of %s', (reader, kind, who, visible, notice) => {
    expect(pageNotice({ kind, who }, reader, visible)).toBe(notice);
  });

  it('offers a judge his own page and a head his division’s, the court’s readers none', () => {
    expect(ownPage(judge)).toEqual({ kind: 'judge', who: '法官丙', label: '我的指标' });
    expect(ownPage(head)).toEqual({ kind: 'division', who: '民一庭', label: '本部门指标（民一庭）' });
    expect(ownPage(president)).toBeNull();
    expect(ownPage({ ...head, division: null })).toBeNull();
  });
});

describe('periods', () => {
  it.each([
    [{ from: '2026-01-01', to: '2026-03-31' }, { from: '2026-01-01', to: '2026-03-31' }],
    [{ from: null, to: null }, { from: '2026-11-01', to: '2026-11-20' }],
    // Reversed: this month, not an error.
    [{ from: '2026-03-31', to: '2026-01-01' }, { from: '2026-11-01', to: '2026-11-20' }],
  ])('%o reads as %o on 2026-11-20', (route, period) => {
    expect(groupPeriod(route, '2026-11-20')).toEqual(period);
  });

  it('the trend ends with the period’s month, never after today’s, the running month cut at today', () => {
    const t = trendPeriods('2026-03-31', '2026-11-20');
    expect(t).toHaveLength(12);
    expect(t[0]).toEqual({ month: '2025-04', period: { from: '2025-04-01', to: '2025-04-30' } });
    expect(t[11]).toEqual({ month: '2026-03', period: { from: '2026-03-01', to: '2026-03-31' } });
    expect(trendPeriods('2027-05-01', '2026-11-20')[11]).toEqual({ month: '2026-11', period: { from: '2026-11-01', to: '2026-11-20' } });
  });
});

describe('key rows', () => {
  it('set the group’s value beside the court’s, the median of the peers and where it stands', () => {
    const ranges = effectiveRanges({});
    const group = flagValues(values(10, 8), ranges);
    const [row] = keyRows(group, values(40, 38), [values(10, 8), values(10, 10), values(20, 19)], ['onTimeRate']);
    expect(row).toMatchObject({ id: 'onTimeRate', name: '法定审限内结案率', text: '80.0%', court: '95.0%', median: '95.0%', against: '低于中位数 15.0 个百分点', range: '≥ 95.0%' });
    expect(row.badge).toMatchObject({ mark: '▼ 低于区间', worse: true, outside: true });
  });

  it('show — where there is no value, no peer or no range', () => {
    const [rate, count] = keyRows(values(0, 0), values(0, 0), [], ['onTimeRate', 'resolved']);
    expect(rate).toMatchObject({ text: '—', median: '—', against: '—', badge: null, range: '—' });
    expect(count).toMatchObject({ text: '0', court: '0', median: '—' });
    expect(rangeOf('resolved', flagValues(values(1, 1), effectiveRanges({})))).toBe('—');
  });
});

describe('a judge’s due lists', () => {
  it('filter the case list to his open cases overdue, due within 7 and within 30 days', () => {
    const lists = dueLists(7);
    expect(lists.map((l) => [l.key, l.label])).toEqual([['overdue', '超审限未结'], ['due7', '7日内到期'], ['due30', '30日内到期']]);
    expect(toFilterArgs(lists[0].filters)).toEqual({ status: 'overdue', judgeId: 7 });
    expect(lists[0].filters.sort).toBe('dueOn_asc');
    expect(toFilterArgs(lists[2].filters)).toMatchObject({ status: 'open', judgeId: 7, remainingMin: 0, remainingMax: 30 });
  });
});

describe('the no-rank detectors', () => {
  it.each([
    ['指标只作分析，不作排名。', []],
    ['按名称排列，不排名次', []],
    ['本月排名第3', ['排名']],
    ['名次：二', ['名次']],
    ['王法官 第 2 名', ['第 2 名']],
    ['第十名', ['第十名']],
    ['第2季度', []],
  ])('%s → %o', (text, words) => {
    expect(rankWords(text)).toEqual(words);
  });

  it.each([
    ['a column 1, 2, 3', [['1', '甲', '5'], ['2', '乙', '9'], ['3', '丙', '1']], [0]],
    ['with 名 or a dot', [['甲', '1名'], ['乙', '2.'], ['丙', '3']], [1]],
    ['counts that are not in order', [['甲', '2'], ['乙', '1'], ['丙', '3']], []],
    ['two rows (too few to tell)', [['1', '甲'], ['2', '乙']], []],
  ])('%s', (_name, rows, cols) => {
    expect(positionColumns(rows)).toEqual(cols);
  });
});
