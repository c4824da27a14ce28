// 延审原因分析 in the window, its pure parts: the addresses of the study and of the list behind a figure (shareable,
// bad values dropped), the presets' periods, what a click on a bar or a trend point opens, and the rate's rounding.
import { describe, expect, it } from 'vitest';
import { formatRoute, parseHash } from '../../renderer/src/router/routes';
import { presetPeriod } from '../../renderer/src/features/extensions/routes';
import { outcomeFilter, trendFilter, type BarItem } from '../../renderer/src/features/extensions/study/studyCharts';
import { filterWords } from '../../renderer/src/features/extensions/study/FilterLine';
import { periodMonths, studyRate, type ExtensionStudy, type StudyCounts } from '../../shared/extensions/study';

const counts = (requests: number): StudyCounts => ({ requests, approved: requests, shorter: 0, rejected: 0, waiting: 0, higherCourt: 0, late: 0, approvalRate: studyRate(requests, requests) });

describe('addresses', () => {
  it('carries a figure\'s filter to the list and back unchanged', () => {
    const route = { name: 'extensions' as const, view: 'all' as const, filter: { from: '2025-01-01', to: '2025-03-31', reason: '公告送达' as const, divisionId: 3, judgeId: 7, outcome: 'shorter' as const, late: true } };
    const hash = formatRoute(route);
    expect(hash).toBe('#/extensions?view=all&from=2025-01-01&to=2025-03-31&reason=%E5%85%AC%E5%91%8A%E9%80%81%E8%BE%BE&division=3&judge=7&outcome=shorter&late=1');
    expect(parseHash(hash)).toEqual(route);
  });

  it('keeps the plain desk address plain, and a filter without a view lists every status', () => {
    expect(parseHash('#/extensions')).toEqual({ name: 'extensions' });
    expect(formatRoute({ name: 'extensions' })).toBe('#/extensions');
    expect(parseHash('#/extensions?reason=imported')).toEqual({ name: 'extensions', view: 'all', filter: { reason: 'imported' } });
  });

  it('drops bad values rather than failing (addresses are typed and bookmarked)', () => {
    expect(parseHash('#/extensions?view=x&from=2025-02-30&reason=乱写&division=-1&judge=abc&outcome=nope&late=2')).toEqual({ name: 'extensions' });
    expect(parseHash('#/extensions/study?from=2025-13-01&division=0')).toEqual({ name: 'extensionStudy', from: null, to: null, divisionId: null });
    expect(parseHash('#/extensions/study/x')).toMatchObject({ name: 'notFound' });
  });

  it('gives the study its period and division', () => {
    const r = parseHash('#/extensions/study?from=2025-01-01&to=2025-06-30&division=2');
    expect(r).toEqual({ name: 'extensionStudy', from: '2025-01-01', to: '2025-06-30', divisionId: 2 });
    expect(formatRoute(r)).toBe('#/extensions/study?from=2025-01-01&to=2025-06-30&division=2');
    expect(formatRoute({ name: 'extensionStudy', from: null, to: null, divisionId: null })).toBe('#/extensions/study');
  });
});

describe('periods', () => {
  it('presets: 本月, 本季度 and 本年 to date, 上一年 whole', () => {
    expect(presetPeriod('month', '2025-08-14')).toEqual({ from: '2025-08-01', to: '2025-08-14' });
    expect(presetPeriod('quarter', '2025-08-14')).toEqual({ from: '2025-07-01', to: '2025-08-14' });
    expect(presetPeriod('quarter', '2025-03-31')).toEqual({ from: '2025-01-01', to: '2025-03-31' });
    expect(presetPeriod('quarter', '2025-12-01')).toEqual({ from: '2025-10-01', to: '2025-12-01' });
    expect(presetPeriod('year', '2025-08-14')).toEqual({ from: '2025-01-01', to: '2025-08-14' });
    expect(presetPeriod('lastYear', '2025-08-14')).toEqual({ from: '2024-01-01', to: '2024-12-31' });
  });

  it('splits a period into its months, across a year end and a leap February', () => {
    expect(periodMonths('2023-12-15', '2024-02-10')).toEqual([
      { month: '2023-12', from: '2023-12-15', to: '2023-12-31' },
      { month: '2024-01', from: '2024-01-01', to: '2024-01-31' },
      { month: '2024-02', from: '2024-02-01', to: '2024-02-10' },
    ]);
    expect(periodMonths('2024-02-01', '2024-02-29')).toEqual([{ month: '2024-02', from: '2024-02-01', to: '2024-02-29' }]);
  });

  it('rounds a rate to one decimal, and has none without a denominator', () => {
    expect(studyRate(2, 3)).toEqual({ value: 66.7, numerator: 2, denominator: 3 });
    expect(studyRate(1, 8)).toEqual({ value: 12.5, numerator: 1, denominator: 8 });
    expect(studyRate(0, 0)).toEqual({ value: null, numerator: 0, denominator: 0 });
  });
});

describe('clicks', () => {
  const study: ExtensionStudy = {
    from: '2025-01-10', to: '2025-02-20', divisionId: 4, judgeId: null, total: counts(3), byReason: [], byDivision: [], byJudge: [],
    months: [
      { month: '2025-01', from: '2025-01-10', to: '2025-01-31', requests: 2, byReason: { 鉴定未完成: 2, 公告送达: 0, 案情复杂: 0, 当事人申请调解: 0, 追加当事人: 0, 等待关联案件结果: 0, 其他: 0, imported: 0 }, approvalRate: studyRate(1, 1) },
      { month: '2025-02', from: '2025-02-01', to: '2025-02-20', requests: 1, byReason: { 鉴定未完成: 0, 公告送达: 0, 案情复杂: 0, 当事人申请调解: 0, 追加当事人: 0, 等待关联案件结果: 0, 其他: 0, imported: 1 }, approvalRate: studyRate(0, 0) },
    ],
  };

  it('a bar segment opens its item\'s requests with that outcome', () => {
    const items: BarItem[] = [{ name: '公告送达', counts: counts(2), filter: { from: '2025-01-01', to: '2025-03-31', reason: '公告送达' } }];
    expect(outcomeFilter(items, 0, 0)).toEqual({ from: '2025-01-01', to: '2025-03-31', reason: '公告送达', outcome: 'approved' });
    expect(outcomeFilter(items, 4, 0)).toMatchObject({ outcome: 'higher_court' });
    expect(outcomeFilter(items, 1, 5)).toBeNull();
  });

  it('a trend point opens its month (within the period): all, one reason, or those decided for the rate', () => {
    // Datasets: 申请合计, 鉴定未完成, 未分类（导入）, 批准率.
    expect(trendFilter(study, 0, 0)).toEqual({ from: '2025-01-10', to: '2025-01-31', divisionId: 4 });
    expect(trendFilter(study, 1, 1)).toEqual({ from: '2025-02-01', to: '2025-02-20', divisionId: 4, reason: '鉴定未完成' });
    expect(trendFilter(study, 2, 1)).toEqual({ from: '2025-02-01', to: '2025-02-20', divisionId: 4, reason: 'imported' });
    expect(trendFilter(study, 3, 0)).toEqual({ from: '2025-01-10', to: '2025-01-31', divisionId: 4, outcome: 'decided' });
  });

  it('says the list\'s filter in words', () => {
    expect(filterWords({ reason: 'imported', outcome: 'shorter', judgeId: 7, from: '2025-01-01', to: '2025-03-31', late: true }, { division: () => null, judge: () => '王法官' }))
      .toEqual(['延长理由：未分类（导入）', '承办法官：王法官', '结果：缩短期限批准', '逾期申请', '申请日期 2025-01-01 至 2025-03-31']);
  });
});
