// The weak point page's chart: one indicator month by month, the target as a dashed labelled line, and the measures' start and end days as labelled vertical markers (a small inline plugin; no annotation plugin is installed), legible in black and white.
import type { ChartConfiguration, Plugin } from 'chart.js';
import { daysInMonth } from '../../../../shared/dates/calendar';
import type { IndicatorTrend, TrendMeasure } from '../../../../shared/ledger/trendApi';
import { Chart, LINE_STYLES, valueLabels } from '../../lib/chartSetup';

/** A value as the chart writes it: "3.4%", "1 : 1.25", "45.2 天", "12". */
export function valueText(t: Pick<IndicatorTrend, 'kind'>, v: number): string {
  if (t.kind === 'ratio') return `${v.toFixed(1)}%`;
  if (t.kind === 'ratioPair') return `1 : ${v.toFixed(2)}`;
  if (t.kind === 'days') return `${v.toFixed(1)} 天`;
  return Number.isInteger(v) ? String(v) : v.toFixed(1);
}

export interface Marker {
  /** Position on the month axis: the month's index plus the day's fraction of it, −0.5 … n − 0.5. */
  at: number;
  kind: 'start' | 'end';
  text: string;
}

/**
 * Where a day falls on an axis of months (each month's point at its index): the 1st at the month's left edge
 * (index − 0.5), the last day at its right edge. Null outside the months shown.
 */
export function dayPosition(months: readonly string[], day: string): number | null {
  const i = months.indexOf(day.slice(0, 7));
  if (i < 0) return null;
  const days = daysInMonth(Number(day.slice(0, 4)), Number(day.slice(5, 7)));
  return i - 0.5 + (Number(day.slice(8, 10)) - 0.5) / days;
}

/** Each measure's start, and its end (done, or else its deadline), as markers where they fall within the months shown. */
export function measureMarkers(months: readonly string[], measures: readonly TrendMeasure[]): Marker[] {
  const out: Marker[] = [];
  for (const m of measures) {
    const s = dayPosition(months, m.startOn);
    if (s !== null) out.push({ at: s, kind: 'start', text: `▶ 开始 ${m.short}` });
    const endDay = m.doneOn ?? m.dueOn;
    const e = dayPosition(months, endDay);
    if (e !== null) out.push({ at: e, kind: 'end', text: `${m.doneOn ? '■ 完成' : '◆ 截止'} ${m.short}` });
  }
  return out.sort((a, b) => a.at - b.at);
}

const TARGET_INK = '#7a1d14';
const MARK_INK = '#3e4c59';

/** The target as a dashed line labelled in words, and the markers as vertical lines (solid for a start, dotted for an end) labelled on staggered rows. */
function overlays(t: IndicatorTrend, markers: readonly Marker[]): Plugin<'line'> {
  return {
    id: 'ledgerTrendOverlays',
    // Under the line and its values: a marker's words may hide behind a point, never a figure behind a marker.
    beforeDatasetsDraw(chart) {
      const { ctx } = chart;
      const { left, right, top, bottom } = chart.chartArea;
      const x = chart.scales.x;
      const step = x.getPixelForValue(1) - x.getPixelForValue(0);
      const pixel = (at: number) => x.getPixelForValue(0) + at * (Number.isFinite(step) ? step : 0);
      ctx.save();
      ctx.font = `12px ${Chart.defaults.font.family}`;
      ctx.textBaseline = 'middle';
      /** Words on a white plate starting at px, or ending there when they would run past the right edge. */
      const plate = (text: string, px: number, py: number, ink: string) => {
        const w = ctx.measureText(text).width + 6;
        const x0 = Math.max(left, px + w > right ? px - w - 6 : px);
        ctx.fillStyle = 'rgba(255, 255, 255, 0.92)';
        ctx.fillRect(x0, py - 8, w, 16);
        ctx.fillStyle = ink;
        ctx.textAlign = 'left';
        ctx.fillText(text, x0 + 3, py);
      };
      // The target first: a marker's words on their white plate stay readable where the dashed line crosses them.
      const y = chart.scales.y.getPixelForValue(t.target);
      if (y >= top && y <= bottom) {
        ctx.strokeStyle = TARGET_INK;
        ctx.lineWidth = 2;
        ctx.setLineDash([8, 5]);
        ctx.beginPath();
        ctx.moveTo(left, y);
        ctx.lineTo(right, y);
        ctx.stroke();
        ctx.setLineDash([]);
        const text = `目标 ${t.targetText}（${t.dueOn} 前）`;
        // At the left, where the months before the measures lie: the markers' words crowd the right.
        plate(text, left + 6, y + (y - top < 30 ? 12 : -12), TARGET_INK);
      }
      markers.forEach((m, i) => {
        const px = pixel(m.at);
        if (px < left - 1 || px > right + 1) return;
        ctx.strokeStyle = MARK_INK;
        ctx.lineWidth = m.kind === 'start' ? 1.5 : 1.2;
        ctx.setLineDash(m.kind === 'start' ? [] : [2, 3]);
        ctx.beginPath();
        ctx.moveTo(px, top);
        ctx.lineTo(px, bottom);
        ctx.stroke();
        ctx.setLineDash([]);
        // Staggered rows from the top, so neighbouring markers' words do not overwrite one another.
        plate(m.text, px + 3, top + 9 + (i % 5) * 17, MARK_INK);
      });
      ctx.restore();
    },
  };
}

/** The chart of one indicator: its months, the current one drawn with a dashed last segment (截至今日). */
export function trendChartConfig(t: IndicatorTrend, measures: readonly TrendMeasure[]): ChartConfiguration<'line'> {
  const months = t.points.map((p) => p.month);
  const values = t.points.map((p) => p.value);
  const all = [...values.filter((v): v is number => v !== null), t.target];
  const lastPartial = t.points.length > 0 && t.points[t.points.length - 1].partial;
  const style = LINE_STYLES[0];
  const nearFull = t.kind === 'ratio' && Math.max(...all) >= 70 && Math.max(...all) <= 100;
  return {
    type: 'line',
    data: {
      labels: t.points.map((p) => (p.partial ? [p.label.replace(/（截至今日）$/, ''), '（截至今日）'] : p.label)),
      datasets: [{
        label: t.name,
        data: values,
        borderColor: style.grey,
        backgroundColor: style.grey,
        pointStyle: t.points.map((p) => (p.partial ? 'rectRot' : style.point)),
        pointRadius: 5,
        pointHoverRadius: 7,
        borderWidth: 2,
        spanGaps: false,
        segment: { borderDash: (c) => (lastPartial && c.p1DataIndex === t.points.length - 1 ? [4, 4] : undefined) },
      }],
    },
    options: {
      scales: {
        y: {
          suggestedMin: Math.min(...all),
          suggestedMax: Math.max(...all),
          beginAtZero: t.kind === 'ratio' || t.kind === 'count',
          // Headroom over the highest point for its value and the markers' words, which sit on rows from the top; a
          // percentage near the top stops at 100 % rather than showing a scale no rate reaches.
          ...(nearFull ? { max: 100 } : { grace: '35%' }),
          title: { display: true, text: t.unit ? `${t.name}（${t.unit}）` : t.name },
        },
        x: { grid: { display: false } },
      },
      // Room at the top for the markers' words, and above the highest point for its value.
      layout: { padding: { top: 24, right: 16 } },
      plugins: { legend: { display: false }, tooltip: { callbacks: { label: (c) => `${t.name}：${t.points[c.dataIndex]?.text ?? ''}` } } },
    },
    plugins: [valueLabels([], [0], (v) => valueText(t, v)), overlays(t, measureMarkers(months, measures))],
  };
}
