// 各院对比's small multiples share one y-axis: from zero (or below, for a negative value) to a round step above every value, median and range bound.
import { describe, expect, it } from 'vitest';
import { latestText, sharedAxis, smallMultiple } from '../../renderer/src/features/exchange/compareCharts';
import type { TrendsView } from '../../shared/exchange/compareApi';

const view = (values: Array<Array<number | null>>, range: TrendsView['range'] = null, medians: Array<number | null> = []): TrendsView => ({
  indicator: 'clearanceRate', months: [], range, medians, courts: values.map((v, i) => ({ courtCode: `辽042${i}`, courtName: `${i}`, values: v })),
});

describe('sharedAxis', () => {
  it('covers every court, the medians and the range, in round steps', () => {
    expect(sharedAxis(view([[33.3, 100], [3.3, null]], { low: 100, high: null }))).toEqual({ min: 0, max: 100, step: 25 });
    expect(sharedAxis(view([[1, 7]], { low: null, high: 12 }))).toEqual({ min: 0, max: 15, step: 5 });
  });
  it('no values: a unit axis', () => {
    expect(sharedAxis(view([[null, null]]))).toEqual({ min: 0, max: 1, step: 0.25 });
  });
  it('a negative value takes the axis below zero', () => {
    expect(sharedAxis(view([[-10, 30]]))).toEqual({ min: -10, max: 30, step: 10 });
  });
});

describe('a small multiple', () => {
  const t: TrendsView = {
    indicator: 'clearanceRate',
    months: ['2025-03', '2025-04', '2025-05', '2025-06'],
    range: { low: 100, high: null },
    medians: [50, null, null, 80],
    courts: [{ courtCode: '辽0421', courtName: '甲', values: [100, 0, null, null] }, { courtCode: '辽0422', courtName: '乙', values: [null, null, null, null] }],
  };
  // Found in review: the median's line ran across months no court had (spanGaps), drawing a median nobody sent.
  it('breaks the median where no court has the month, and marks its points', () => {
    const median = smallMultiple(t, 0, sharedAxis(t)).data.datasets[1]!;
    expect(median.spanGaps).toBe(false);
    expect(median.pointRadius).toBeGreaterThan(0);
    expect(smallMultiple(t, 0, sharedAxis(t)).data.datasets[0]!.spanGaps).toBe(false);
  });
  // Found in review: 最近 gave the newest value without its month, read as June's when it was April's.
  it('names the month of the newest value, or says there is none', () => {
    expect(latestText(t, 0)).toBe('2025年4月 0.0%');
    expect(latestText(t, 1)).toBe('无数据');
  });
});
