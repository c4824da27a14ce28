// The chart.js configurations of 延审原因分析, as pure functions of the study: outcome bars stacked in print-safe
// shades (by reason, division, judge) and the monthly trend with its approval rate; and what each click opens.
import type { ChartConfiguration } from 'chart.js';
import type { ExtensionFilter, ExtensionStudy, StudyCounts, StudyMonth } from '../../../../../shared/extensions/study';
import { STUDY_REASON_KEYS, studyReasonLabel } from '../../../../../shared/extensions/study';
import { LINE_STYLES, OUTCOME_SHADES, shadeFill, valueLabels } from '../../../lib/chartSetup';
import { OUTCOME_COLUMNS, rateText } from './StudyTable';

export interface BarItem {
  name: string;
  counts: StudyCounts;
  filter: ExtensionFilter;
}

/** The filter every figure starts from: the study's period and division. */
export function baseFilter(s: ExtensionStudy): ExtensionFilter {
  return { from: s.from, to: s.to, ...(s.divisionId ? { divisionId: s.divisionId } : {}), ...(s.judgeId ? { judgeId: s.judgeId } : {}) };
}

/** A category's label: its name, then how many and the approval rate (two lines on upright bars). */
function itemLabel(b: BarItem, horizontal: boolean): string | string[] {
  const facts = `${b.counts.requests} 件 · 批准率 ${rateText(b.counts.approvalRate)}`;
  return horizontal ? `${b.name}（${facts}）` : [b.name, facts];
}

export function outcomeBars(items: readonly BarItem[], horizontal: boolean): ChartConfiguration<'bar'> {
  return {
    type: 'bar',
    data: {
      labels: items.map((b) => itemLabel(b, horizontal)),
      datasets: OUTCOME_COLUMNS.map((c, k) => ({
        label: c.label,
        data: items.map((b) => b.counts[c.key]),
        backgroundColor: shadeFill(OUTCOME_SHADES[k]),
        borderColor: '#3e4c59',
        borderWidth: 1,
        stack: 'outcome',
        maxBarThickness: 44,
      })),
    },
    options: {
      indexAxis: horizontal ? 'y' : 'x',
      scales: {
        x: { stacked: true, ...(horizontal ? { ticks: { precision: 0 }, title: { display: true, text: '申请件数' } } : { grid: { display: false } }) },
        y: { stacked: true, ...(horizontal ? { grid: { display: false } } : { ticks: { precision: 0 }, title: { display: true, text: '申请件数' } }) },
      },
      plugins: { legend: { position: 'bottom', labels: { boxWidth: 18, boxHeight: 12 } } },
    },
    plugins: [valueLabels(OUTCOME_SHADES.map((s) => s.label))],
  };
}

/** What a click on a bar segment opens: the item's requests with that outcome. */
export function outcomeFilter(items: readonly BarItem[], dataset: number, index: number): ExtensionFilter | null {
  const item = items[index];
  const col = OUTCOME_COLUMNS[dataset];
  return item && col ? { ...item.filter, outcome: col.outcome } : null;
}

/** The reasons the trend draws: those with a request in the period. */
export function trendReasons(s: ExtensionStudy) {
  return STUDY_REASON_KEYS.filter((k) => s.months.some((m) => m.byReason[k] > 0));
}

const monthLabel = (m: StudyMonth) => `${Number(m.month.slice(0, 4))}年${Number(m.month.slice(5, 7))}月`;

/** Datasets: 申请合计, each reason, then 批准率 on its own axis (percent). */
export function trendLine(s: ExtensionStudy): ChartConfiguration<'line'> {
  const reasons = trendReasons(s);
  const rateIndex = reasons.length + 1;
  return {
    type: 'line',
    data: {
      labels: s.months.map(monthLabel),
      datasets: [
        { label: '申请合计', data: s.months.map((m) => m.requests), borderColor: '#1f2933', backgroundColor: '#1f2933', borderWidth: 3, pointRadius: 4, pointHoverRadius: 6, yAxisID: 'y' },
        ...reasons.map((k, i) => {
          const st = LINE_STYLES[i % LINE_STYLES.length];
          return {
            label: studyReasonLabel(k), data: s.months.map((m) => m.byReason[k]), borderColor: st.grey, backgroundColor: st.grey, borderDash: st.dash,
            pointStyle: st.point, pointRadius: 4, pointHoverRadius: 6, borderWidth: 1.5, yAxisID: 'y',
          };
        }),
        {
          label: '批准率（%，右轴）', data: s.months.map((m) => m.approvalRate.value), borderColor: '#7a1d14', backgroundColor: '#ffffff', borderDash: [4, 4],
          pointStyle: 'rect', pointRadius: 5, pointHoverRadius: 7, borderWidth: 2, yAxisID: 'rate', spanGaps: true,
        },
      ],
    },
    options: {
      // Room above the highest point for its value label.
      layout: { padding: { top: 22 } },
      scales: {
        y: { beginAtZero: true, grace: '10%', ticks: { precision: 0 }, title: { display: true, text: '申请件数' } },
        rate: { position: 'right', min: 0, max: 100, grid: { display: false }, ticks: { callback: (v) => `${v}%` }, title: { display: true, text: '批准率' } },
        x: { grid: { display: false } },
      },
      plugins: { legend: { position: 'bottom', labels: { usePointStyle: true, boxWidth: 10, boxHeight: 10, pointStyleWidth: 14 } } },
    },
    plugins: [valueLabels([], [0, rateIndex], (v, d) => (d === rateIndex ? `${v}%` : String(v)))],
  };
}

/** What a click on a trend point opens: that month's requests (of its reason, or those decided for the rate). */
export function trendFilter(s: ExtensionStudy, dataset: number, index: number): ExtensionFilter | null {
  const m = s.months[index];
  if (!m) return null;
  const base: ExtensionFilter = { ...baseFilter(s), from: m.from, to: m.to };
  const reasons = trendReasons(s);
  if (dataset === 0) return base;
  if (dataset === reasons.length + 1) return { ...base, outcome: 'decided' };
  const k = reasons[dataset - 1];
  return k ? { ...base, reason: k } : null;
}
