// The chart of one projected indicator: the baseline dashed, the what-if solid with marked points, and the targets and reasonable ranges as labelled horizontal lines (legible in black-and-white).
import type { ChartConfiguration, Plugin } from 'chart.js';
import { Chart } from '../../lib/chartSetup';
import type { ProjectedMonth } from '../../../../shared/ledger/projection';
import { PROJECTED_LABELS, type LedgerProjectionResult, type ProjectedId, type ProjectionTarget } from '../../../../shared/ledger/projectionApi';

export const valueOf = (id: ProjectedId, m: ProjectedMonth): number | null => m[id];
export const textOf = (id: ProjectedId, v: number | null): string => (v === null ? '—' : id === 'pending' ? String(v) : `${v.toFixed(1)}%`);

/** Each target or bound as a dashed line with its words on a white plate at the left. */
function targetLines(targets: ProjectionTarget[]): Plugin<'line'> {
  return {
    id: 'projectionTargets',
    afterDatasetsDraw(chart) {
      const { ctx } = chart;
      const { left, right, top, bottom } = chart.chartArea;
      ctx.save();
      ctx.font = `12px ${Chart.defaults.font.family}`;
      targets.forEach((t, i) => {
        const y = chart.scales.y.getPixelForValue(t.value);
        if (y < top - 1 || y > bottom + 1) return;
        const target = t.kind === 'target';
        ctx.strokeStyle = target ? '#1e6b3a' : '#7a1d14';
        ctx.lineWidth = target ? 2 : 1.5;
        ctx.setLineDash(target ? [2, 3] : [8, 4]);
        ctx.beginPath();
        ctx.moveTo(left, y);
        ctx.lineTo(right, y);
        ctx.stroke();
        ctx.setLineDash([]);
        // Outlined in white rather than on a plate, so the points under the words stay visible.
        const x = left + 6 + (i % 2) * Math.min(200, (right - left) / 2);
        ctx.textAlign = 'left';
        ctx.lineWidth = 3;
        ctx.strokeStyle = '#ffffff';
        ctx.strokeText(t.label, x, y - 5);
        ctx.fillStyle = target ? '#1e6b3a' : '#7a1d14';
        ctx.fillText(t.label, x, y - 5);
      });
      ctx.restore();
    },
  };
}

export function projectionChart(id: ProjectedId, r: LedgerProjectionResult): ChartConfiguration<'line'> {
  const whatIf = r.months.map((m) => valueOf(id, m));
  const base = r.baseline.map((m) => valueOf(id, m));
  const targets = r.targets.filter((t) => t.indicator === id);
  const all = [...whatIf, ...base, ...targets.map((t) => t.value)].filter((x): x is number => x !== null);
  // The year under the first month and each January only, so twelve or twenty-four labels fit without turning.
  const labels = r.months.map((m, i) => (i === 0 || m.month.endsWith('-01') ? [`${Number(m.month.slice(5, 7))}月`, `${m.month.slice(0, 4)}年`] : `${Number(m.month.slice(5, 7))}月`));
  return {
    type: 'line',
    data: {
      labels,
      datasets: [
        { label: '按所设假设', data: whatIf, borderColor: '#1d4f91', backgroundColor: '#1d4f91', borderWidth: 2.5, pointStyle: 'circle', pointRadius: 4, spanGaps: false },
        { label: '不作假设', data: base, borderColor: '#52606d', backgroundColor: '#ffffff', borderWidth: 1.5, borderDash: [6, 4], pointStyle: 'rect', pointRadius: 3, spanGaps: false },
      ],
    },
    options: {
      scales: {
        y: {
          suggestedMin: all.length ? Math.min(...all) : 0,
          suggestedMax: all.length ? Math.max(...all) : 1,
          beginAtZero: id === 'pending' || id === 'longPending12Ratio',
          title: { display: true, text: id === 'pending' ? '件' : '%' },
          ticks: { callback: (v) => (id === 'pending' ? String(v) : `${v}%`) },
        },
        x: { grid: { display: false }, ticks: { maxRotation: 0, autoSkip: true, autoSkipPadding: 6 } },
      },
      layout: { padding: { top: 8, right: 12 } },
      plugins: {
        legend: { display: true, position: 'bottom', labels: { usePointStyle: true, boxWidth: 24 } },
        tooltip: { callbacks: { label: (c) => `${c.dataset.label}：${textOf(id, c.parsed.y)}` } },
      },
    },
    plugins: [targetLines(targets)],
  };
}

export const chartLabel = (id: ProjectedId) => `${PROJECTED_LABELS[id]}预测：实线按所设假设，虚线不作假设`;
