// The "did it move" verdict, table-driven: pooling before and after the first measure, the better direction, the thresholds, unknown sides, and the sentence.
import { describe, expect, it } from 'vitest';
import { pool, verdict, type MonthFigure } from '../../../shared/ledger/verdict';
import type { IndicatorId } from '../../../shared/indicators/catalogue';

/** Ratio months: [month, numerator, denominator]; the value is what the engine would give (percent, one decimal). */
const r = (month: string, n: number, d: number, partial = false): MonthFigure => ({ month, numerator: n, denominator: d, value: d ? Math.round((n / d) * 1000) / 10 : null, partial });
const c = (month: string, v: number | null, partial = false): MonthFigure => ({ month, value: v, numerator: null, denominator: null, partial });

// The first measure began in 2025-07: before is 2025-01 … 2025-06, after 2025-07 on.
const before6 = (n: number, d: number) => ['2025-01', '2025-02', '2025-03', '2025-04', '2025-05', '2025-06'].map((m) => r(m, n, d));

describe('verdict', () => {
  it.each<[string, IndicatorId, MonthFigure[], string, string, number | null, number | null, number | null]>([
    // 超12个月未结案件比 is better lower: 34/1000 = 3.4 % before, 22/1000 = 2.2 % after.
    ['lower is better, fell', 'longPending12Ratio', [...before6(34, 1000), r('2025-07', 22, 1000), r('2025-08', 22, 1000)], 'better', '较措施实施前改善 1.2 个百分点（3.4% → 2.2%）', 3.4, 2.2, 1.2],
    ['lower is better, rose', 'longPending12Ratio', [...before6(22, 1000), r('2025-07', 34, 1000)], 'worse', '较措施实施前变差 1.2 个百分点（2.2% → 3.4%）', 2.2, 3.4, -1.2],
    ['higher is better, rose', 'onTimeRate', [...before6(90, 100), r('2025-07', 95, 100)], 'better', '较措施实施前改善 5.0 个百分点（90.0% → 95.0%）', 90, 95, 5],
    ['within 0.5 points is unchanged', 'onTimeRate', [...before6(900, 1000), r('2025-07', 905, 1000)], 'unchanged', '与措施实施前基本持平（90.0% → 90.5%，变化不超过 0.5 个百分点）', 90, 90.5, 0],
    ['just over 0.5 points moves', 'onTimeRate', [...before6(900, 1000), r('2025-07', 906, 1000)], 'better', '较措施实施前改善 0.6 个百分点（90.0% → 90.6%）', 90, 90.6, 0.6],
    // Pooled Σn/Σd: a busy month weighs more. Before: (10 + 90) / (100 + 900) = 10 %, not the mean of 10 % and 10 %… after: (0 + 40)/(100 + 300) = 10 %.
    ['pooled, not averaged', 'extensionRate', [r('2025-05', 10, 100), r('2025-06', 90, 900), r('2025-07', 0, 100), r('2025-08', 40, 300)], 'unchanged', '与措施实施前基本持平（10.0% → 10.0%，变化不超过 0.5 个百分点）', 10, 10, 0],
    // Only six months before count: 2024-12's 100 % is left out.
    ['only six months before', 'longPending12Ratio', [r('2024-12', 100, 100), ...before6(34, 1000), r('2025-07', 22, 1000)], 'better', '较措施实施前改善 1.2 个百分点（3.4% → 2.2%）', 3.4, 2.2, 1.2],
    // The current month (partial) is never pooled.
    ['the partial month is left out', 'longPending12Ratio', [...before6(34, 1000), r('2025-07', 22, 1000), r('2025-08', 500, 1000, true)], 'better', '较措施实施前改善 1.2 个百分点（3.4% → 2.2%）', 3.4, 2.2, 1.2],
    ['no complete month after', 'longPending12Ratio', [...before6(34, 1000), r('2025-07', 22, 1000, true)], 'unknown', '无法判断：措施实施后尚无完整的月份', 3.4, null, null],
    ['no data before', 'longPending12Ratio', [r('2025-06', 0, 0), r('2025-07', 22, 1000)], 'unknown', '无法判断：措施实施前的 6 个月没有可计算的数据', null, 2.2, null],
    ['empty months after', 'longPending12Ratio', [...before6(34, 1000), r('2025-07', 0, 0)], 'unknown', '无法判断：措施实施后的完整月份没有可计算的数据', 3.4, null, null],
    // Days: the mean of the months; within 2 days unchanged.
    ['days fell by 10', 'avgDuration', [c('2025-05', 50), c('2025-06', 60), c('2025-07', 45), c('2025-08', 45)], 'better', '较措施实施前改善 10.0 天（55.0 天 → 45.0 天）', 55, 45, 10],
    ['days within 2 are unchanged', 'avgDuration', [c('2025-06', 50), c('2025-07', 52)], 'unchanged', '与措施实施前基本持平（50.0 天 → 52.0 天，变化不超过 2 天）', 50, 52, 0],
    // Counts: within 5 % of before unchanged; 0 → 1 is worse.
    ['count within 5 %', 'longPending12', [c('2025-06', 100), c('2025-07', 104)], 'unchanged', '与措施实施前基本持平（月均 100.0 件 → 月均 104.0 件，变化不超过 5%）', 100, 104, 0],
    ['count up 6 %', 'longPending12', [c('2025-06', 100), c('2025-07', 106)], 'worse', '较措施实施前变差 6.0 件（月均 100.0 件 → 月均 106.0 件）', 100, 106, -6],
    ['count from nought', 'longPending18', [c('2025-06', 0), c('2025-07', 1)], 'worse', '较措施实施前变差 1.0 件（月均 0.0 件 → 月均 1.0 件）', 0, 1, -1],
    ['count nought stays', 'longPending18', [c('2025-06', 0), c('2025-07', 0)], 'unchanged', '与措施实施前基本持平（月均 0.0 件 → 月均 0.0 件，变化不超过 5%）', 0, 0, 0],
    // 案-件比: Σ件 / Σ案, two decimals, within 0.02.
    ['case-item ratio fell', 'caseItemRatio', [{ month: '2025-06', value: 1.3, numerator: 130, denominator: 100, partial: false }, { month: '2025-07', value: 1.2, numerator: 120, denominator: 100, partial: false }], 'better', '较措施实施前改善 0.10（1 : 1.30 → 1 : 1.20）', 1.3, 1.2, 0.1],
  ])('%s', (_, id, months, kind, sentence, before, after, improvement) => {
    const v = verdict(id, months, '2025-07');
    expect(v.kind).toBe(kind);
    expect(v.sentence).toBe(sentence);
    expect(v.before).toBe(before);
    expect(v.after).toBe(after);
    expect(v.improvement).toBe(improvement);
  });

  it('without a measure begun there is no verdict', () => {
    const v = verdict('longPending12Ratio', before6(34, 1000), null);
    expect(v).toMatchObject({ kind: 'unknown', sentence: '无法判断：尚无已开始实施的整改措施' });
  });

  it('names the months pooled on each side', () => {
    const v = verdict('longPending12Ratio', [r('2024-12', 1, 10), ...before6(34, 1000), r('2025-07', 22, 1000), r('2025-08', 1, 10, true)], '2025-07');
    expect(v.beforeMonths).toEqual(['2025-01', '2025-02', '2025-03', '2025-04', '2025-05', '2025-06']);
    expect(v.afterMonths).toEqual(['2025-07']);
  });

  it('pool skips months without a denominator or a value', () => {
    expect(pool('longPending12Ratio', [r('2025-01', 0, 0), r('2025-02', 1, 4)])).toBe(25);
    expect(pool('avgDuration', [c('2025-01', null), c('2025-02', 30)])).toBe(30);
    expect(pool('avgDuration', [c('2025-01', null)])).toBeNull();
  });
});
