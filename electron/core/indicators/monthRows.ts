// A period's rows from a day table and its month and year tables (migrations 17, 20), and its durations from migration 23's count objects: whole years and months as their rows, the edges as day rows.
import type { Database } from 'better-sqlite3';
import { prepared } from './statements';
import { addDays, addMonths, daysBetween, daysInMonth, maxDate, minDate } from '../../../shared/dates/calendar';
import type { Period } from '../../../shared/indicators/formulas';

const nextMonth = (m: string, k: number) => addMonths(`${m}-01`, k).slice(0, 7);
const monthEnd = (m: string) => `${m}-${String(daysInMonth(Number(m.slice(0, 4)), Number(m.slice(5, 7)))).padStart(2, '0')}`;

/**
 * SQL for the rows of `p` (a subquery of judge_id, division_id and `cols`) and its parameters, named with `prefix`;
 * the day table's day is in `dayColumn` (default day).
 * A month row is the sum of its month's day rows (the triggers keep it so), so it stands for them when the day table
 * has no row of that month outside the period: every month inside it, and an edge month when nothing was filed or
 * closed in its part outside. With `subtract` (columns that are sums), an edge month may also be its month row less
 * the day rows outside the period, when those are fewer days than the inside: the last 30 days are then a week of
 * day rows, a month row and the few days after `to`; a year twelve rows per pair instead of 365.
 */
export function periodRows(db: Database, table: { day: string; month: string; dayColumn?: string }, cols: string[], p: Period, prefix: string, subtract = false): { sql: string; params: Record<string, string> } {
  const day = table.dayColumn ?? 'day';
  const outside = prepared(db, `SELECT 1 FROM ${table.day} WHERE (${day} >= ? AND ${day} < ?) OR (${day} > ? AND ${day} <= ?) LIMIT 1`);
  const params: Record<string, string> = {};
  const name = (v: string) => {
    const k = `${prefix}${Object.keys(params).length}`;
    params[k] = v;
    return `@${k}`;
  };
  const days = (from: string, to: string, sign: '' | '-') =>
    `SELECT judge_id, division_id, ${cols.map((c) => `${sign}${c} AS ${c}`).join(', ')} FROM ${table.day} WHERE ${day} BETWEEN ${name(from)} AND ${name(to)}`;
  const parts: string[] = [];
  /** An edge month: true when its month row is used (with the outside days taken off, if any). */
  const edge = (m: string): boolean => {
    const [start, end] = [`${m}-01`, monthEnd(m)];
    const [a, b] = [maxDate(p.from, start), minDate(p.to, end)];
    if (outside.get(start, a, b, end) === undefined) return true;
    const inside = daysBetween(a, b) + 1;
    if (!subtract || inside * 2 <= daysBetween(start, end) + 1) {
      parts.push(days(a, b, ''));
      return false;
    }
    if (a > start) parts.push(days(start, addDays(a, -1), '-'));
    if (b < end) parts.push(days(addDays(b, 1), end, '-'));
    return true;
  };
  const first = p.from.slice(0, 7);
  const last = p.to.slice(0, 7);
  const firstUsed = edge(first);
  const lastUsed = first === last ? firstUsed : edge(last);
  const m1 = firstUsed ? first : nextMonth(first, 1);
  const m2 = lastUsed ? last : nextMonth(last, -1);
  if (m1 <= m2) parts.push(`SELECT judge_id, division_id, ${cols.join(', ')} FROM ${table.month} WHERE month BETWEEN ${name(m1)} AND ${name(m2)}`);
  return { sql: parts.length ? parts.join('\n      UNION ALL ') : `SELECT judge_id, division_id, ${cols.join(', ')} FROM ${table.day} WHERE 0`, params };
}

/** The durations of a period in two reads (SQL and the parameters of both). */
export interface DurationParts {
  /** Rows (judge_id, division_id, counts) of migration 23's count objects (JSONB) of whole years and months, or null. */
  counts: string | null;
  /** Rows (judge_id, division_id, duration, n) of the edge days, or null. */
  days: string | null;
  params: Record<string, string>;
}

/**
 * The durations of `p`, read from migration 23's count objects, one row per (judge, division) holding the counts by
 * duration: every year inside the period as its year object, and an edge year too when the day table has no row of it
 * outside the period (the last 365 days: this year so far, since nothing closes after today). Of the other edge
 * years, every month inside the period as its month object, and an edge month when the day table has no row of it
 * outside; the rest are day rows (judge_id, division_id, duration, n) of the days inside, as periodRows' edges without
 * subtract. The last 365 days at 1M are then 60 year objects, 60 month objects and a week of day rows (2,200) instead
 * of 13,200 year rows, 5,100 month rows and the week.
 */
export function durationRows(db: Database, p: Period, prefix: string): DurationParts {
  const outside = prepared(db, 'SELECT 1 FROM tally_durations WHERE (day >= ? AND day < ?) OR (day > ? AND day <= ?) LIMIT 1');
  const counts: string[] = [];
  const days: string[] = [];
  const params: Record<string, string> = {};
  const name = (v: string) => {
    const k = `${prefix}${Object.keys(params).length}`;
    params[k] = v;
    return `@${k}`;
  };
  /** Whether [a, b], a part of the span [start, end], holds every day row of the span (its object then stands for it). */
  const whole = (start: string, end: string, a: string, b: string) => outside.get(start, a, b, end) === undefined;
  /**
   * The objects of the spans from `first` to `last` (years or months) of the period, those at the edges only when
   * whole; an edge that is not goes to `inner` (its part of the period).
   */
  const spans = (first: string, last: string, bounds: (x: string) => [string, string], next: (x: string, k: number) => string,
    table: string, key: string, inner: (a: string, b: string) => void) => {
    const edge = (x: string): boolean => {
      const [start, end] = bounds(x);
      const [a, b] = [maxDate(p.from, start), minDate(p.to, end)];
      if (whole(start, end, a, b)) return true;
      inner(a, b);
      return false;
    };
    const firstUsed = edge(first);
    const lastUsed = first === last ? firstUsed : edge(last);
    const x1 = firstUsed ? first : next(first, 1);
    const x2 = lastUsed ? last : next(last, -1);
    if (x1 <= x2) counts.push(`SELECT judge_id, division_id, counts FROM ${table} WHERE ${key} BETWEEN ${name(x1)} AND ${name(x2)}`);
  };
  const yearText = (y: number) => String(y).padStart(4, '0');
  const months = (a: string, b: string) => spans(a.slice(0, 7), b.slice(0, 7), (m) => [`${m}-01`, monthEnd(m)], nextMonth,
    'tally_durations_month_counts', 'month', (x, y) => days.push(`SELECT judge_id, division_id, duration, n FROM tally_durations WHERE day BETWEEN ${name(x)} AND ${name(y)}`));
  spans(p.from.slice(0, 4), p.to.slice(0, 4), (y) => [`${y}-01-01`, `${y}-12-31`], (y, k) => yearText(Number(y) + k),
    'tally_durations_year_counts', 'year', months);
  return { counts: counts.length ? counts.join('\n      UNION ALL ') : null, days: days.length ? days.join('\n      UNION ALL ') : null, params };
}

/**
 * periodRows with whole years read from a year table (migration 20's tally_year): every year inside the period, and
 * an edge year when the day table has no row of it outside the period (the last 365 days: this year so far, since
 * nothing is filed or closed after today) or, with `subtract` (columns that are sums), when its days outside are fewer
 * than its days inside (the year row less them). Other edge years go to periodRows (with `subtract` as given). The
 * last 365 days at 1M are then a year row, a month row and a week of day rows per pair instead of twelve month rows.
 */
export function yearRows(db: Database, table: { day: string; month: string; year: string; dayColumn?: string }, cols: string[], p: Period, prefix: string, subtract = false): { sql: string; params: Record<string, string> } {
  const day = table.dayColumn ?? 'day';
  const outside = prepared(db, `SELECT 1 FROM ${table.day} WHERE (${day} >= ? AND ${day} < ?) OR (${day} > ? AND ${day} <= ?) LIMIT 1`);
  const parts: string[] = [];
  const params: Record<string, string> = {};
  const y1 = Number(p.from.slice(0, 4));
  const y2 = Number(p.to.slice(0, 4));
  const yearText = (y: number) => String(y).padStart(4, '0');
  const add = (rows: { sql: string; params: Record<string, string> }, sign: '' | '-') => {
    parts.push(sign ? `SELECT judge_id, division_id, ${cols.map((c) => `-${c} AS ${c}`).join(', ')} FROM (${rows.sql})` : rows.sql);
    Object.assign(params, rows.params);
  };
  /**
   * An edge year: true when its year row is used (with `subtract`, less the rows of its days outside the period when
   * those are fewer days than the inside: rows of zeros left by edits after today do not send the year to its months),
   * else its part of the period goes to periodRows.
   */
  const edge = (y: number): boolean => {
    const [start, end] = [`${yearText(y)}-01-01`, `${yearText(y)}-12-31`];
    const [a, b] = [maxDate(p.from, start), minDate(p.to, end)];
    if (outside.get(start, a, b, end) === undefined) return true;
    if (!subtract || (daysBetween(a, b) + 1) * 2 <= daysBetween(start, end) + 1) {
      add(periodRows(db, table, cols, { from: a, to: b }, `${prefix}${y}_`, subtract), '');
      return false;
    }
    if (a > start) add(periodRows(db, table, cols, { from: start, to: addDays(a, -1) }, `${prefix}${y}a_`, true), '-');
    if (b < end) add(periodRows(db, table, cols, { from: addDays(b, 1), to: end }, `${prefix}${y}b_`, true), '-');
    return true;
  };
  const firstUsed = edge(y1);
  const lastUsed = y1 === y2 ? firstUsed : edge(y2);
  const from = firstUsed ? y1 : y1 + 1;
  const to = lastUsed ? y2 : y2 - 1;
  if (from <= to) {
    Object.assign(params, { [`${prefix}y1`]: yearText(from), [`${prefix}y2`]: yearText(to) });
    parts.push(`SELECT judge_id, division_id, ${cols.join(', ')} FROM ${table.year} WHERE year BETWEEN @${prefix}y1 AND @${prefix}y2`);
  }
  return { sql: parts.length ? parts.join('\n      UNION ALL ') : `SELECT judge_id, division_id, ${cols.join(', ')} FROM ${table.day} WHERE 0`, params };
}
