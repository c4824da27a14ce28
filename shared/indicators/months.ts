// 月分析's calendar, pure (the window and the printed report): a month (YYYY-MM) and its period, the same month last year, the year to date and last
// year's, and the twelve months of the trend. A month not yet over ends today; last year's ends on the same day.
import { daysInMonth, isIsoDate, type IsoDate } from '../dates/calendar';
import type { IndicatorId } from './catalogue';

export interface Period {
  from: IsoDate;
  to: IsoDate;
}

/** YYYY-MM with a month 01–12 and a year a court's data can hold. */
export function isMonth(s: unknown): s is string {
  return typeof s === 'string' && /^\d{4}-(0[1-9]|1[0-2])$/.test(s) && Number(s.slice(0, 4)) >= 1900;
}

export const monthOf = (day: IsoDate): string => day.slice(0, 7);

export function shiftMonth(month: string, n: number): string {
  const total = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + n;
  return `${String(Math.floor(total / 12)).padStart(4, '0')}-${String((total % 12) + 1).padStart(2, '0')}`;
}

/** The month 月分析 opens on: the month before today's, the last one wholly behind the reader (today's is still being filed). */
export function lastFullMonth(today: IsoDate): string {
  return shiftMonth(monthOf(today), -1);
}

const lastDay = (month: string): IsoDate => `${month}-${String(daysInMonth(Number(month.slice(0, 4)), Number(month.slice(5, 7)))).padStart(2, '0')}`;

/** The same day a year earlier; 29 February falls back to the 28th. */
export function sameDayLastYear(day: IsoDate): IsoDate {
  const y = String(Number(day.slice(0, 4)) - 1).padStart(4, '0');
  const cand = `${y}${day.slice(4)}`;
  return isIsoDate(cand) ? cand : `${y}-02-28`;
}

/** The month's period, cut at today while the month runs; null for a month that has not begun. */
export function monthPeriod(month: string, today: IsoDate): Period | null {
  const from = `${month}-01`;
  if (from > today) return null;
  const end = lastDay(month);
  return { from, to: end < today ? end : today };
}

/** The four periods of the table: this month, the same month last year, the year to date and last year's to the same day. */
export function monthlyPeriods(month: string, today: IsoDate): { month: Period; lastYear: Period; ytd: Period; lastYtd: Period } | null {
  const p = monthPeriod(month, today);
  if (!p) return null;
  const lastYear = { from: `${sameDayLastYear(p.from)}`, to: sameDayLastYear(p.to) };
  const ytd = { from: `${month.slice(0, 4)}-01-01`, to: p.to };
  return { month: p, lastYear, ytd, lastYtd: { from: sameDayLastYear(ytd.from), to: lastYear.to } };
}

/** The twelve months of the trend, oldest first, ending with the month. */
export function trendMonths(month: string): string[] {
  return Array.from({ length: 12 }, (_, i) => shiftMonth(month, i - 11));
}

/** 2026年3月 */
export const monthLabel = (month: string): string => `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`;

/** 月分析's comparison table's rows (the window and the printed report): the workload first, then the key indicators of issue 14. */
export const MONTHLY_IDS: readonly IndicatorId[] = [
  'received', 'resolved', 'clearanceRate', 'dispositionRate', 'onTimeRate', 'avgDuration', 'longPending12Ratio', 'settlementRate', 'appealRate', 'reversalRate', 'caseItemRatio',
];

/**
 * The caption over an out-of-range indicator's divisions: the total is named after the reader's scope (totalName),
 * since a division head's 本部门 figure is not the court's 全院 one.
 */
export function outsideCaption(indicator: string, total: string, value: string): string {
  return `各部门的${indicator}（按名称排列，不作排名；${total} ${value}）`;
}
