// The printed reports' tables as an .xlsx workbook: one sheet per table, numbers as numbers (rates as percent-formatted
// cells, so 95.3% is the number 0.953), frozen header rows, names in name order and no rank column, a 说明 sheet last.
import ExcelJS from 'exceljs';
import { INDICATORS, type IndicatorId } from '../../../shared/indicators/catalogue';
import type { FlaggedValues } from '../../../shared/indicators/api';
import { rangeBadge, valueOf } from '../../../shared/indicators/figures';
import { rangeText, type RangeFlag } from '../../../shared/indicators/ranges';
import { columnName, totalName, WEEKLY_IDS, type WeeklyCell, type WeeklyRow } from '../../../shared/indicators/weekly';
import { monthLabel, MONTHLY_IDS } from '../../../shared/indicators/months';
import { REPORT_TITLES } from '../../../shared/reports/api';
import { text, type Cell } from '../cases/xlsxFile';
import type { MonthlyReport, ReportData, WeeklyReport } from './reportData';
import { LEGEND } from './reportPdf';

/** A column: its head, width in characters, and how its numbers are shown (an indicator's own format, or text). */
interface Column {
  header: string;
  width: number;
  /** The indicator whose format the column's numbers take; 'change' columns show a sign. */
  id?: IndicatorId;
  change?: boolean;
  /** A fixed number format, over any indicator's (a share in percent, a count of cases). */
  fmt?: string;
}

/** The Excel number format of an indicator's values. */
export function numberFormat(id: IndicatorId, change = false): string {
  const sign = (f: string) => (change ? `+${f};-${f};${f}` : f);
  switch (INDICATORS[id].kind) {
    case 'ratio':
      return sign('0.0%');
    case 'days':
    case 'perJudge':
      return sign('0.0');
    case 'ratioPair':
      return sign('0.00');
    default:
      return sign('#,##0');
  }
}

/** The number stored for a value: a rate as a fraction (the cell shows it as percent), others as they are. */
export function cellNumber(id: IndicatorId, v: number | null): number | null {
  if (v === null) return null;
  return INDICATORS[id].kind === 'ratio' ? Math.round(v * 10) / 1000 : v;
}

/** The change from last week as a number, read back from the cell's change (weekly.ts keeps the difference, rounded, as text). */
function delta(c: WeeklyCell): number | null {
  if (c.value === null || c.change.text === '—') return null;
  return c.change.text === '持平' ? 0 : cellNumber(c.id, Number(c.change.text.replace('−', '-').replace(/[^\d.+-]/g, '')));
}

const diff = (id: IndicatorId, a: number | null, b: number | null) => (a === null || b === null ? null : cellNumber(id, Math.round((a - b) * 100) / 100));

function mark(values: FlaggedValues, id: IndicatorId): Cell {
  if (valueOf(id, values) === null) return text('无数值（分母为 0）');
  const b = rangeBadge(id, values);
  if (!b) return text('未设区间');
  return text(b.outside ? `${b.mark}${b.worse ? '（不利）' : ''}：${b.phrase}` : '区间内');
}

/** A sheet with a bold, frozen header row; each cell of a numeric column takes its format (a row's own id when given). */
function sheet(wb: ExcelJS.Workbook, name: string, columns: Column[], rows: Cell[][], rowIds?: IndicatorId[]): void {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1, xSplit: 1 }] });
  ws.columns = columns.map((c) => ({ width: c.width }));
  const head = ws.addRow(columns.map((c) => text(c.header)));
  head.font = { bold: true };
  head.alignment = { wrapText: true, vertical: 'middle' };
  rows.forEach((r, k) => {
    const row = ws.addRow(r);
    columns.forEach((c, i) => {
      const id = rowIds?.[k] ?? c.id;
      if (c.fmt && typeof r[i] === 'number') row.getCell(i + 1).numFmt = c.fmt;
      else if (id && typeof r[i] === 'number') row.getCell(i + 1).numFmt = numberFormat(id, c.change);
    });
  });
}

function notes(wb: ExcelJS.Workbook, d: ReportData, period: string): void {
  const ws = wb.addWorksheet('说明');
  ws.columns = [{ width: 12 }, { width: 90 }];
  for (const [k, v] of [
    ['报表', `${d.courtName || '本院'}${REPORT_TITLES[d.kind]}`],
    ['期间', period],
    ['制表单位', d.courtName || '本院'],
    ['统计范围', d.scope],
    ['制表日期', d.madeOn],
    ['说明', `${LEGEND}比率以百分数格式保存（如 0.953 显示为 95.3%），较上周、同比为两期之差。`],
  ]) {
    const row = ws.addRow([text(k), text(v)]);
    row.getCell(2).alignment = { wrapText: true, vertical: 'top' };
  }
}

function weeklyGroupSheet(wb: ExcelJS.Workbook, name: string, who: string, rows: WeeklyRow[]): void {
  const columns: Column[] = [{ header: who, width: 14 }];
  for (const id of WEEKLY_IDS) {
    columns.push({ header: columnName(id), width: 12, id }, { header: `${columnName(id)}较上周`, width: 12, id, change: true }, { header: `${columnName(id)}区间标记`, width: 12 });
  }
  sheet(wb, name, columns, rows.map((r) => [
    text(r.name),
    ...r.cells.flatMap((c) => [cellNumber(c.id, c.value), delta(c), text(c.badge?.outside ? `${c.badge.mark}${c.badge.worse ? '（不利）' : ''}` : c.badge ? '区间内' : '')]),
  ]));
}

function weekly(wb: ExcelJS.Workbook, d: WeeklyReport): void {
  const total = d.divisions.find((r) => r.kind === 'total')!;
  const median = d.divisions.find((r) => r.kind === 'median')!;
  const v = d.byDivision.total;
  sheet(wb, `${total.name}主要指标`, [
    { header: '指标', width: 22 }, { header: '本周', width: 12 }, { header: '较上周', width: 12, change: true }, { header: '各部门中位数', width: 14 },
    { header: '合理区间', width: 16 }, { header: '区间情况', width: 44 },
  ], total.cells.map((c, i) => [
    text(INDICATORS[c.id].name), cellNumber(c.id, c.value), delta(c), cellNumber(c.id, median.cells[i].value), text(rangeText(INDICATORS[c.id], (v[c.id] as RangeFlag).range)), mark(v, c.id),
  ]), total.cells.map((c) => c.id));
  weeklyGroupSheet(wb, '各部门', '部门', d.divisions);
  weeklyGroupSheet(wb, '各承办法官', '承办法官', d.judges);
  notes(wb, d, `${d.week.from} 至 ${d.week.to}（与上周 ${d.lastWeek.from} 至 ${d.lastWeek.to} 比较）`);
}

function monthly(wb: ExcelJS.Workbook, d: MonthlyReport): void {
  const now = d.current.total;
  const val = (x: FlaggedValues, id: IndicatorId) => cellNumber(id, valueOf(id, x));
  sheet(wb, '同比', [
    { header: '指标', width: 22 }, { header: '本月', width: 12 }, { header: '去年同月', width: 12 }, { header: '同比', width: 12, change: true },
    { header: '本年累计', width: 12 }, { header: '去年同期累计', width: 14 }, { header: '同比', width: 12, change: true }, { header: '本月区间情况', width: 44 },
  ], MONTHLY_IDS.map((id) => [
    text(INDICATORS[id].name), val(now, id), val(d.lastYear.total, id), diff(id, valueOf(id, now), valueOf(id, d.lastYear.total)),
    val(d.ytd.total, id), val(d.lastYtd.total, id), diff(id, valueOf(id, d.ytd.total), valueOf(id, d.lastYtd.total)), mark(now, id),
  ]), MONTHLY_IDS as IndicatorId[]);
  sheet(wb, '近12个月走势', [{ header: '月份', width: 12 }, ...MONTHLY_IDS.map((id) => ({ header: INDICATORS[id].name, width: 14, id }))],
    d.trend.map((t) => [text(monthLabel(t.month)), ...MONTHLY_IDS.map((id) => val(t.result.total, id))]));
  const groups = [...(d.current.groups ?? []).map((g) => ({ name: g.name, v: g.values })), { name: totalName(d.current.scope), v: now }];
  const outRows: Cell[][] = [];
  const outIds: IndicatorId[] = [];
  for (const id of d.outside) {
    for (const g of groups) {
      const r = g.v[id] as { numerator?: number; denominator?: number };
      outRows.push([text(INDICATORS[id].name), text(g.name), val(g.v, id), r.numerator ?? null, r.denominator ?? null, mark(g.v, id)]);
      outIds.push(id);
    }
  }
  sheet(wb, '超出合理区间', [
    { header: '指标', width: 22 }, { header: '部门', width: 14 }, { header: '数值', width: 12 }, { header: '分子', width: 16, fmt: '#,##0.##' }, { header: '分母', width: 16, fmt: '#,##0.##' }, { header: '区间情况', width: 44 },
  ], outRows, outIds);
  const resolved = now.resolved.value;
  sheet(wb, '各部门', [
    { header: '部门', width: 14 }, { header: '新收', width: 10, id: 'received' }, { header: '结案', width: 10, id: 'resolved' }, { header: `占${totalName(d.current.scope)}结案`, width: 12, fmt: '0.0%' },
    { header: '未结', width: 10, id: 'pending' }, { header: '超12个月未结', width: 14, id: 'longPending12' }, { header: '法定审限内结案率', width: 16, id: 'onTimeRate' }, { header: '法定审限内结案率区间情况', width: 44 },
  ], groups.map(({ name, v }) => [
    text(name), v.received.value, v.resolved.value, resolved ? Math.round((v.resolved.value / resolved) * 10000) / 10000 : null,
    v.pending.value, v.longPending12.value, val(v, 'onTimeRate'), mark(v, 'onTimeRate'),
  ]));
  notes(wb, d, `${monthLabel(d.month)}：${d.periods.month.from} 至 ${d.periods.month.to}；本年累计 ${d.periods.ytd.from} 至 ${d.periods.ytd.to}`);
}

export async function reportXlsx(d: ReportData): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'CourtDesk 法院质效台';
  wb.created = new Date();
  if (d.kind === 'weekly') weekly(wb, d);
  else monthly(wb, d);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
