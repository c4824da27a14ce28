// 各院对比's small multiples share one y-axis: from zero (or below, for a negative value) to a round step above every value, median and range bound.
import { describe, expect, it } from 'vitest';
import { sharedAxis } from '../../renderer/src/features/exchange/compareCharts';
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
