// The rows of "received in the period, its 先行调解 ended settled by `to`" (SETTLED_BY_TO): from migration 22's month rows when few cases settled after `to`, else from tally_advance's day rows.
import type { Database } from 'better-sqlite3';
import { prepared } from './statements';
import { periodRows } from './monthRows';
import type { Period } from '../../../shared/indicators/formulas';

/**
 * How many rows of tally_advance may end after `to` for the month rows to be read. A month row sums every ending
 * day of its filing month, so the rows filed in the period and settled after `to` are taken off it: read by the
 * index on settled_on, they are at most this many. The usual period ends today and has none (nothing ends after
 * today); a period of last year has thousands, and reads the period's day rows instead (7,900 for a year at 1M).
 */
export const LATE_ROWS = 64;

/**
 * SQL for the rows (judge_id, division_id, n) whose sum per pair is the number of cases filed in `p` whose 先行调解
 * ended settled on or before p.to, and its parameters, named with `prefix`.
 */
export function advanceRows(db: Database, p: Period, prefix: string): { sql: string; params: Record<string, string> } {
  const late = prepared(db, `SELECT count(*) FROM (SELECT 1 FROM tally_advance INDEXED BY tally_advance_settled WHERE settled_on > ? LIMIT ${LATE_ROWS + 1})`)
    .pluck().get(p.to) as number;
  const [from, to] = [`${prefix}from`, `${prefix}to`];
  if (late > LATE_ROWS) {
    return { sql: `SELECT judge_id, division_id, n FROM tally_advance WHERE filed_on BETWEEN @${from} AND @${to} AND settled_on <= @${to}`, params: { [from]: p.from, [to]: p.to } };
  }
  const rows = periodRows(db, { day: 'tally_advance', month: 'tally_advance_month', dayColumn: 'filed_on' }, ['n'], p, prefix, true);
  if (late === 0) return rows;
  // INDEXED BY: the few rows after `to`, not the period's filing days (the planner cannot know which range is short).
  return {
    sql: `${rows.sql}
      UNION ALL SELECT judge_id, division_id, -n AS n FROM tally_advance INDEXED BY tally_advance_settled
        WHERE settled_on > @${to} AND filed_on BETWEEN @${from} AND @${to}`,
    params: { ...rows.params, [from]: p.from, [to]: p.to },
  };
}
