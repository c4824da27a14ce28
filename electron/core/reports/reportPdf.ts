// The printed 周通报 and 月度分析 as A4 PDF in the layout a court sends out: court and title, period, 制表单位 and 制表日期,
// numbered sections of tables in name order (never ranked), out-of-range values marked in words and ▼/▲, and vector charts.
import { INDICATORS, type IndicatorId } from '../../../shared/indicators/catalogue';
import type { FlaggedValues } from '../../../shared/indicators/api';
import { change, numberText, partFigures, rangeBadge, valueOf, valueText } from '../../../shared/indicators/figures';
import { rangeText, type RangeFlag } from '../../../shared/indicators/ranges';
import { columnName, totalName, weeklyMedianNote, WEEKLY_IDS, type WeeklyCell, type WeeklyRow } from '../../../shared/indicators/weekly';
import { monthLabel, MONTHLY_IDS, monthPeriod } from '../../../shared/indicators/months';
import { REPORT_TITLES } from '../../../shared/reports/api';
import { A4, MARGINS, footers, newPdf, pdfBytes, placeText } from '../print/pdfDocument';
import { PdfTable, type PdfCell } from '../print/pdfTable';
import { barChart, lineChart, type ChartLine } from '../print/pdfCharts';
import type { MonthlyReport, ReportData, WeeklyReport } from './reportData';

const WIDTH = A4.width - MARGINS.left - MARGINS.right;
const BOTTOM = A4.height - MARGINS.bottom;

/** The words beside an out-of-range value: ▼ 低于区间（不利）; empty inside its range or without one. */
export function markText(values: FlaggedValues, id: IndicatorId): string {
  const b = rangeBadge(id, values);
  return b?.outside ? `${b.mark}${b.worse ? '（不利）' : ''}` : '';
}

/** The cases an out-of-range figure is made of: its parts, or for a count the count itself. */
export function partsText(values: FlaggedValues, id: IndicatorId, sep: string): string {
  const parts = partFigures(id, values).map((f) => `${f.label} ${f.text}`);
  if (parts.length) return parts.join(sep);
  return INDICATORS[id].kind === 'count' ? `${valueText(id, values)} 件` : '—';
}

function statusText(values: FlaggedValues, id: IndicatorId): string {
  if (valueOf(id, values) === null) return '无数值（分母为 0）';
  const b = rangeBadge(id, values);
  if (!b) return '未设区间';
  return b.outside ? `${b.mark}${b.worse ? '（不利）' : ''}：${b.phrase}` : '区间内';
}

export const LEGEND = '说明：各表按名称排列，不分先后。▼ 表示低于合理区间下限，▲ 表示高于合理区间上限，“（不利）”表示处于不利一侧；“—”表示无数据（如分母为 0）。';

class Writer {
  y: number;
  constructor(
    readonly doc: PDFKit.PDFDocument,
    private readonly running: string,
  ) {
    this.y = MARGINS.top;
  }

  /** A continued page repeats the report's name in small. */
  readonly continued = (doc: PDFKit.PDFDocument): number => {
    placeText(doc, `${this.running}（续）`, MARGINS.left, MARGINS.top - 18, { size: 8.5, width: WIDTH, align: 'right' });
    return MARGINS.top;
  };

  room(h: number): void {
    if (this.y + h > BOTTOM) {
      this.doc.addPage();
      this.y = this.continued(this.doc);
    }
  }

  /** A section's heading, kept on one page with the first `keep` points of what follows it. */
  heading(text: string, keep = 60): void {
    this.room(keep + 30);
    this.y += 8;
    placeText(this.doc, text, MARGINS.left, this.y, { size: 12.5 });
    this.y += 21;
  }

  para(text: string, size = 9): void {
    this.doc.fontSize(size);
    const h = this.doc.heightOfString(text, { width: WIDTH, lineGap: 2 });
    this.room(h + 4);
    this.doc.text(text, MARGINS.left, this.y, { width: WIDTH, lineGap: 2 });
    this.y += h + 6;
  }

  table(columns: number[], head: string[], rows: PdfCell[][], fontSize = 8.5): void {
    this.room(60);
    const headRow = head.map((text) => ({ text, label: true }));
    // A table that runs onto the next page repeats its header row there.
    const again = (d: PDFKit.PDFDocument) => {
      const h = new PdfTable(d, this.continued(d), { columns, fontSize, onNewPage: this.continued });
      h.row(headRow);
      return h.y;
    };
    const t = new PdfTable(this.doc, this.y, { columns, fontSize, onNewPage: again });
    t.row(headRow);
    for (const r of rows) t.row(r);
    this.y = t.y + 8;
  }

  chart(height: number, draw: (y: number) => void): void {
    this.room(height + 6);
    draw(this.y);
    this.y += height + 6;
  }
}

function head(w: Writer, d: ReportData, period: string): void {
  const court = d.courtName || '本院';
  placeText(w.doc, court, MARGINS.left, MARGINS.top, { size: 16, width: WIDTH, align: 'center' });
  placeText(w.doc, REPORT_TITLES[d.kind], MARGINS.left, MARGINS.top + 26, { size: 21, width: WIDTH, align: 'center' });
  placeText(w.doc, period, MARGINS.left, MARGINS.top + 60, { size: 11, width: WIDTH, align: 'center' });
  placeText(w.doc, `制表单位：${court}　　统计范围：${d.scope}`, MARGINS.left, MARGINS.top + 84, { size: 9.5 });
  placeText(w.doc, `制表日期：${d.madeOn}`, MARGINS.left, MARGINS.top + 84, { size: 9.5, width: WIDTH, align: 'right' });
  w.doc.lineWidth(1.2).moveTo(MARGINS.left, MARGINS.top + 101).lineTo(MARGINS.left + WIDTH, MARGINS.top + 101).stroke();
  w.y = MARGINS.top + 110;
}

const chinaDate = (iso: string) => `${Number(iso.slice(0, 4))}年${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;

/** One cell of the weekly tables: the value, its mark, and the change from last week, each on its own line. */
function weeklyCell(c: WeeklyCell): PdfCell {
  const mark = c.badge?.outside ? `\n${c.badge.mark.slice(0, 1)}${c.badge.worse ? '不利' : ''}` : '';
  const ch = c.change.arrow === '↑' || c.change.arrow === '↓' ? `${c.change.arrow}${c.change.text.slice(1).replace(' 个百分点', '点')}` : c.change.text;
  return { text: `${c.text}${mark}\n${ch}` };
}

function weeklyTable(w: Writer, who: string, rows: WeeklyRow[]): void {
  const first = 76;
  w.table(
    [first, ...WEEKLY_IDS.map(() => (WIDTH - first) / WEEKLY_IDS.length)],
    [who, ...WEEKLY_IDS.map(columnName)],
    rows.map((r) => [{ text: r.name, label: r.kind !== 'group' }, ...r.cells.map(weeklyCell)]),
    8,
  );
}

function rangeLines(values: FlaggedValues, id: IndicatorId): ChartLine[] {
  const range = (values[id] as RangeFlag).range;
  const out: ChartLine[] = [];
  if (range?.low !== null && range?.low !== undefined) out.push({ value: range.low, label: `合理区间下限 ${numberText(id, range.low)}`, style: 'dashed' });
  if (range?.high !== null && range?.high !== undefined) out.push({ value: range.high, label: `合理区间上限 ${numberText(id, range.high)}`, style: 'dashed' });
  return out;
}

function weeklyPdf(w: Writer, d: WeeklyReport): void {
  head(w, d, `（${chinaDate(d.week.from)}至${chinaDate(d.week.to)}，与上周 ${d.lastWeek.from} 至 ${d.lastWeek.to} 比较）`);
  const total = d.divisions.find((r) => r.kind === 'total')!;
  const median = d.divisions.find((r) => r.kind === 'median')!;
  const values = d.byDivision.total;
  w.heading(`一、${total.name}主要指标`);
  w.table([96, 56, 74, 60, 62, 135], ['指标', '本周', '较上周', '各部门中位数', '合理区间', '区间情况'], total.cells.map((c, i) => [
    { text: INDICATORS[c.id].name },
    { text: c.text },
    { text: c.change.text },
    { text: median.cells[i].text },
    { text: rangeText(INDICATORS[c.id], (values[c.id] as RangeFlag).range) },
    { text: statusText(values, c.id) },
  ]));
  w.heading('二、各部门情况', 120);
  w.para('每格依次为：本周数值；超出合理区间时的标记；与上周相比的变化（“点”为百分点）。', 8.5);
  weeklyTable(w, '部门', d.divisions);
  const noMedian = weeklyMedianNote(d.divisions, '部门');
  if (noMedian) w.para(noMedian, 8.5);
  const groups = d.byDivision.groups ?? [];
  if (groups.length) {
    w.chart(190, (y) => barChart(w.doc, {
      x: MARGINS.left, y, width: WIDTH, height: 190, title: '各部门本周新收与结案（件）', labels: groups.map((g) => g.name),
      series: [{ name: '新收', values: groups.map((g) => g.values.received.value) }, { name: '结案', values: groups.map((g) => g.values.resolved.value) }],
      format: (n) => numberText('received', n), fromZero: true,
    }));
    const med = median.cells.find((c) => c.id === 'onTimeRate')!.value;
    w.chart(190, (y) => barChart(w.doc, {
      x: MARGINS.left, y, width: WIDTH, height: 190, title: '各部门本周法定审限内结案率', labels: groups.map((g) => g.name),
      series: [{ name: '法定审限内结案率', values: groups.map((g) => valueOf('onTimeRate', g.values)) }],
      lines: [...rangeLines(values, 'onTimeRate'), ...(med === null ? [] : [{ value: med, label: `中位数 ${numberText('onTimeRate', med)}`, style: 'dotted' as const }])],
      format: (n) => numberText('onTimeRate', n), fromZero: true,
    }));
  }
  w.heading('三、各承办法官情况', 120);
  weeklyTable(w, '承办法官', d.judges);
  const noJudgeMedian = weeklyMedianNote(d.judges, '承办法官');
  if (noJudgeMedian) w.para(noJudgeMedian, 8.5);
  w.para(LEGEND, 8.5);
}

function monthlyPdf(w: Writer, d: MonthlyReport): void {
  const p = d.periods;
  const running = p.month.to !== monthPeriod(d.month, '9999-12-31')!.to ? '，本月尚未结束，去年同期截至同一天' : '';
  head(w, d, `（${monthLabel(d.month)}：${p.month.from} 至 ${p.month.to}${running}；本年累计 ${p.ytd.from} 至 ${p.ytd.to}）`);
  const now = d.current.total;
  w.heading('一、本月与去年同月、本年累计与去年同期比较');
  const cell = (v: FlaggedValues, id: IndicatorId) => ({ text: `${valueText(id, v)}${markText(v, id) ? `\n${markText(v, id)}` : ''}` });
  const ch = (id: IndicatorId, a: FlaggedValues, b: FlaggedValues) => {
    const c = change(id, valueOf(id, a), valueOf(id, b));
    return { text: c.arrow === '↑' || c.arrow === '↓' ? `${c.arrow}${c.text.slice(1)}` : c.text };
  };
  w.table([105, 62, 62, 64, 62, 64, 64], ['指标', '本月', '去年同月', '同比', '本年累计', '去年同期累计', '同比'], MONTHLY_IDS.map((id) => [
    { text: INDICATORS[id].name },
    cell(now, id), cell(d.lastYear.total, id), ch(id, now, d.lastYear.total),
    cell(d.ytd.total, id), cell(d.lastYtd.total, id), ch(id, d.ytd.total, d.lastYtd.total),
  ]));
  w.para(`去年同月为 ${p.lastYear.from} 至 ${p.lastYear.to}，去年同期累计为 ${p.lastYtd.from} 至 ${p.lastYtd.to}。`, 8.5);

  w.heading('二、近12个月走势', 200);
  // The months by number (the charts' titles give the years): a half-page chart has room for no more.
  const labels = d.trend.map((t) => String(Number(t.month.slice(5))));
  const series = (id: IndicatorId) => d.trend.map((t) => valueOf(id, t.result.total));
  const half = (WIDTH - 14) / 2;
  w.chart(200, (y) => barChart(w.doc, {
    x: MARGINS.left, y, width: WIDTH, height: 200, title: `新收与结案（件），${monthLabel(d.trend[0].month)}至${monthLabel(d.month)}（横轴为月份）`, labels,
    series: [{ name: '新收', values: series('received') }, { name: '结案', values: series('resolved') }], format: (n) => numberText('received', n), fromZero: true,
  }));
  const pairs: Array<[IndicatorId, IndicatorId]> = [['onTimeRate', 'clearanceRate'], ['avgDuration', 'longPending12Ratio']];
  for (const [a, b] of pairs) {
    w.chart(180, (y) => {
      for (const [i, id] of [a, b].entries()) {
        lineChart(w.doc, {
          x: MARGINS.left + i * (half + 14), y, width: half, height: 180, title: INDICATORS[id].name, labels,
          series: [{ name: INDICATORS[id].name, values: series(id) }], lines: rangeLines(now, id), format: (n) => numberText(id, n),
        });
      }
    });
  }
  w.para(`横轴为 ${monthLabel(d.trend[0].month)}至${monthLabel(d.month)}各月。柱形：灰色为新收，斜线为结案；折线上每点为当月数值，分母为 0 的月份断开；虚线为合理区间，图中数字为当月数值。`, 8.5);

  w.heading('三、超出合理区间的指标', 100);
  const groups = d.current.groups ?? [];
  if (!d.outside.length) w.para('本月没有超出合理区间的指标。');
  for (const id of d.outside) {
    w.para(`${INDICATORS[id].name}：${valueText(id, now)}，${statusText(now, id)}。构成：${partsText(now, id, '，')}。`, 9.5);
    if (groups.length) {
      w.table([110, 80, 170, 123], ['部门', INDICATORS[id].name, '构成（案件数）', '区间情况'], groups.map((g) => [
        { text: g.name },
        { text: valueText(id, g.values) },
        { text: partsText(g.values, id, '；') },
        { text: statusText(g.values, id) },
      ]));
    }
  }

  w.heading('四、各部门本月情况', 100);
  const resolved = now.resolved.value;
  w.table([95, 55, 55, 70, 55, 70, 83], ['部门', '新收', '结案', `占${totalName(d.current.scope)}结案`, '未结', '超12个月未结', '法定审限内结案率'], [
    ...groups.map((g) => ({ name: g.name, v: g.values })),
    { name: totalName(d.current.scope), v: now },
  ].map(({ name, v }) => [
    { text: name, label: v === now },
    { text: valueText('received', v) },
    { text: valueText('resolved', v) },
    { text: resolved ? `${((v.resolved.value / resolved) * 100).toFixed(1)}%` : '—' },
    { text: valueText('pending', v) },
    { text: `${valueText('longPending12', v)}${markText(v, 'longPending12') ? `\n${markText(v, 'longPending12')}` : ''}` },
    { text: `${valueText('onTimeRate', v)}${markText(v, 'onTimeRate') ? `\n${markText(v, 'onTimeRate')}` : ''}` },
  ]));
  w.para(LEGEND, 8.5);
}

/** The report as PDF bytes. `font` is the Chinese font's file content (loadPrintFont), for tests. */
export async function reportPdf(d: ReportData, font?: Buffer): Promise<Buffer> {
  const title = `${d.courtName || '本院'}${REPORT_TITLES[d.kind]}`;
  const doc = newPdf({ title, subject: d.kind === 'weekly' ? `${d.week.from} 至 ${d.week.to}` : monthLabel(d.month) }, font);
  const w = new Writer(doc, title);
  if (d.kind === 'weekly') weeklyPdf(w, d);
  else monthlyPdf(w, d);
  footers(doc, title, `制表日期：${d.madeOn}`);
  return pdfBytes(doc);
}
