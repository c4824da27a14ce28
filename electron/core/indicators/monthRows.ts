// A period's rows from a day table and its month table (migration 16): whole months as month rows, the edges as day rows.
import type { Database } from 'better-sqlite3';
import { addMonths } from '../../../shared/dates/calendar';
import type { Period } from '../../../shared/indicators/formulas';

const nextMonth = (m: string, k: number) => addMonths(`${m}-01`, k).slice(0, 7);

/**
 * SQL for the rows of `p` (a subquery of judge_id, division_id and `cols`) and its parameters, named with `prefix`.
 * A month row is the sum of its month's day rows (the triggers keep it so), so it stands for them when the day table
 * has no row of that month outside the period: every month inside it, and the first and last month when nothing
 * was filed or closed in their part outside (the current month of a period ending today, usually). A year is then
 * twelve rows per pair instead of 365, the last 30 days a week of day rows and one month row.
 */
export function periodRows(db: Database, table: { day: string; month: string }, cols: string, p: Period, prefix: string): { sql: string; params: Record<string, string> } {
  const before = db.prepare(`SELECT 1 FROM ${table.day} WHERE day >= ? AND day < ? LIMIT 1`);
  const after = db.prepare(`SELECT 1 FROM ${table.day} WHERE day > ? AND day <= ? LIMIT 1`);
  const first = p.from.slice(0, 7);
  const last = p.to.slice(0, 7);
  const start = before.get(`${first}-01`, p.from) === undefined ? first : nextMonth(first, 1);
  const end = after.get(p.to, `${last}-31`) === undefined ? last : nextMonth(last, -1);
  const select = (t: string) => `SELECT judge_id, division_id, ${cols} FROM ${t}`;
  const params: Record<string, string> = { [`${prefix}From`]: p.from, [`${prefix}To`]: p.to };
  if (start > end) return { sql: `${select(table.day)} WHERE day BETWEEN @${prefix}From AND @${prefix}To`, params };
  params[`${prefix}M1`] = start;
  params[`${prefix}M2`] = end;
  params[`${prefix}D1`] = `${start}-01`;
  params[`${prefix}D2`] = `${end}-31`;
  return {
    sql: `${select(table.month)} WHERE month BETWEEN @${prefix}M1 AND @${prefix}M2
      UNION ALL ${select(table.day)} WHERE day >= @${prefix}From AND day < @${prefix}D1
      UNION ALL ${select(table.day)} WHERE day > @${prefix}D2 AND day <= @${prefix}To`,
    params,
  };
}
