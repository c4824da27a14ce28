// 各院对比's small multiples: one line chart per court on the same y-axis, the court's 12 months solid, the courts' median dashed, the range a grey band with dashed bounds, so a chart reads in black-and-white print.
import type { ChartConfiguration, Plugin } from 'chart.js';
import type { IndicatorId } from '../../../../shared/indicators/catalogue';
import { numberText } from '../../../../shared/indicators/figures';
import { monthLabel } from '../../../../shared/indicators/months';
import type { TrendsView } from '../../../../shared/exchange/compareApi';
import { LINE_STYLES } from '../../lib/chartSetup';

/** The shared axis: every court's values, the medians and the range's bounds, so no chart is scaled on its own; round ticks (0, 25, 50 … or 0, 2, 4 …). */
export function sharedAxis(t: TrendsView): { min: number; max: number; step: number } {
  const all = [...t.courts.flatMap((c) => c.values), ...t.medians, t.range?.low ?? null, t.range?.high ?? null].filter((x): x is number => x !== null);
  const lo = all.length ? Math.min(0, ...all) : 0;
  const hi = all.length ? Math.max(...all) : 1;
  const rough = (hi - lo || 1) / 4;
  const mag = 10 ** Math.floor(Math.log10(rough));
  const step = ([1, 2, 2.5, 5, 10].find((k) => k * mag >= rough) ?? 10) * mag;
  const max = Math.ceil(hi / step) * step;
  return { min: Math.floor(lo / step) * step, max: Math.max(max, Math.floor(lo / step) * step + step), step };
}

/** The range as a light band between its bounds (to the axis' end where one bound is open), bounds dashed. */
function rangeBand(range: TrendsView['range']): Plugin<'line'> {
  return {
    id: 'xcRangeBand',
    beforeDatasetsDraw(chart) {
      if (!range) return;
      const { ctx } = chart;
      const { left, right, top, bottom } = chart.chartArea;
      const y = chart.scales.y;
      const yHigh = range.high === null ? top : Math.max(top, Math.min(bottom, y.getPixelForValue(range.high)));
      const yLow = range.low === null ? bottom : Math.max(top, Math.min(bottom, y.getPixelForValue(range.low)));
      ctx.save();
      ctx.fillStyle = 'rgba(154, 165, 177, 0.22)';
      ctx.fillRect(left, yHigh, right - left, yLow - yHigh);
      ctx.strokeStyle = '#52606d';
      ctx.lineWidth = 1;
      ctx.setLineDash([2, 3]);
      for (const v of [range.low, range.high]) {
        if (v === null) continue;
        const p = y.getPixelForValue(v);
        if (p < top || p > bottom) continue;
        ctx.beginPath();
        ctx.moveTo(left, p);
        ctx.lineTo(right, p);
        ctx.stroke();
      }
      ctx.restore();
    },
  };
}

export const shortMonth = (m: string) => `${Number(m.slice(5, 7))}月`;

/** A court's newest month with a value, and that value: the caption names the month, which need not be the last. */
export function latestOf(t: TrendsView, court: number): { month: string; value: number } | null {
  const values = t.courts[court]?.values ?? [];
  for (let i = values.length - 1; i >= 0; i--) {
    const v = values[i];
    if (v !== null && v !== undefined && t.months[i]) return { month: t.months[i]!, value: v };
  }
  return null;
}

/** 最近 in the caption: "2025年4月 0.0%", or "无数据" for a court with no month in the 12. */
export function latestText(t: TrendsView, court: number): string {
  const last = latestOf(t, court);
  return last ? `${monthLabel(last.month)} ${numberText(t.indicator, last.value)}` : '无数据';
}

export function smallMultiple(t: TrendsView, court: number, axis: { min: number; max: number; step: number }): ChartConfiguration<'line'> {
  const id: IndicatorId = t.indicator;
  const c = t.courts[court]!;
  return {
    type: 'line',
    data: {
      labels: t.months.map(shortMonth),
      datasets: [
        { label: c.courtName, data: c.values, borderColor: LINE_STYLES[0].grey, backgroundColor: LINE_STYLES[0].grey, pointStyle: 'circle', pointRadius: 3, borderWidth: 2, spanGaps: false, clip: false },
        // Broken where no court has the month, as the courts' lines are: a line across the gap drew a median of months
        // no package carried. Small squares, so that a month alone between gaps still shows (and differs from the dots).
        { label: '各院中位数', data: t.medians, borderColor: '#3e4c59', backgroundColor: '#3e4c59', borderDash: [6, 4], pointStyle: 'rect', pointRadius: 2, borderWidth: 1.5, spanGaps: false },
      ],
    },
    options: {
      animation: false,
      // A point on the axis' top (100%) drawn whole.
      layout: { padding: { top: 6 } },
      scales: {
        y: { min: axis.min, max: axis.max, ticks: { stepSize: axis.step, callback: (v) => numberText(id, Number(v)) } },
        x: { grid: { display: false }, ticks: { maxRotation: 0, autoSkip: true, font: { size: 10 } } },
      },
      plugins: { legend: { display: false }, tooltip: { callbacks: { label: (item) => `${item.dataset.label}：${numberText(id, item.parsed.y)}` } } },
    },
    plugins: [rangeBand(t.range)],
  };
}
