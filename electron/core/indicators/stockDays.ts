// The pre-aggregated stock (pending at the end of a day, by age bucket and past due): read a day's rows, materializing the day on first use.
import type { Database } from 'better-sqlite3';
import { prepared } from './statements';
import { eachPacked } from './packedText';
import { AGE_BOUNDS } from '../../../shared/indicators/catalogue';
import { monthCutoff } from '../../../shared/indicators/formulas';

/** One (judge, division) pair's stock at the end of a day. */
export interface StockRow {
  judge: number;
  division: number;
  pending: number;
  age: number[];
  overdue: number;
}

/**
 * addMonths(date, k) as an SQL expression, with the day clamped to the target month's end (2025-01-31 + 1 month is
 * 2025-02-28, where SQLite's own '+1 month' normalises to 03-03). Migration 12's triggers hold a literal copy of this
 * expression (a migration never reads live code); test/db/sqlAddMonths.test.ts checks both against calendar.addMonths.
 */
export function sqlAddMonths(date: string, k: number): string {
  return `min(date(${date}, 'start of month', '+${k} months', '+' || (CAST(substr(${date}, 9, 2) AS INTEGER) - 1) || ' days'), date(${date}, 'start of month', '+${k + 1} months', '-1 day'))`;
}

const STOCK_COLUMNS = 'pending, age0, age1, age2, age3, age4, age5, overdue';

/**
 * Pending at the end of @day from the cases table, per (judge, division): the open cases and those closed after the
 * day (two ranges of the partial indexes), filed by the day. The age bucket uses the month rule through the cutoffs
 * of formulas.monthCutoff (filed before the cutoff = older than k months), the same figures as the triggers'
 * sqlAddMonths, computed once per day instead of per row. Both ranges are read from covering indexes (migration 13).
 */
function fromCasesSql(where: string): string {
  const age = AGE_BOUNDS.map((_, i) => `(c.filed_on < @cut${i})`).join(' + ');
  return `SELECT c.judge_id AS judge, c.division_id AS division, count(*) AS pending,
      ${[0, 1, 2, 3, 4, 5].map((i) => `sum(a = ${i}) AS age${i}`).join(', ')}, sum(coalesce(c.due_on < @day, 0)) AS overdue
    FROM (SELECT c.judge_id, c.division_id, c.due_on, c.filed_on, ${age} AS a
          FROM (SELECT judge_id, division_id, due_on, filed_on FROM cases INDEXED BY cases_open_stock WHERE closed_on IS NULL AND filed_on <= @day
                UNION ALL SELECT judge_id, division_id, due_on, filed_on FROM cases WHERE closed_on > @day AND filed_on <= @day) c
          WHERE 1${where}) c
    GROUP BY c.judge_id, c.division_id`;
}

/*
 * The same figures counted here instead of by SQLite's GROUP BY, which cost most of a never-asked day (about 45 of
 * 50 ms at 1M for a day two months back: seven sums and a sort of 37,000 rows): each case comes over as one number
 * in one text, packing its pair, age bucket and whether it is past due. A case whose ids do not fit the packing
 * comes over as 'x', and the day is then counted by fromCasesSql.
 */
const PACK_DIVISIONS = 4096;
function packedSql(where: string): string {
  const age = AGE_BOUNDS.map((_, i) => `(c.filed_on < @cut${i})`).join(' + ');
  return `SELECT group_concat(CASE WHEN c.judge_id BETWEEN 0 AND ${2 ** 30} AND c.division_id BETWEEN 0 AND ${PACK_DIVISIONS - 1}
      THEN ((c.judge_id * ${PACK_DIVISIONS} + c.division_id) * 8 + ${age}) * 2 + coalesce(c.due_on < @day, 0) ELSE 'x' END)
    FROM (SELECT judge_id, division_id, due_on, filed_on FROM cases INDEXED BY cases_open_stock WHERE closed_on IS NULL AND filed_on <= @day
          UNION ALL SELECT judge_id, division_id, due_on, filed_on FROM cases WHERE closed_on > @day AND filed_on <= @day) c
    WHERE 1${where}`;
}

/** The stock at the end of `day` from the cases (scope `where` over alias c), per pair. */
function fromCases(db: Database, day: string, where: string, params: Record<string, unknown>): StockRow[] {
  const p = dayParams(day, params);
  const text = prepared(db, packedSql(where)).pluck().get(p) as string | null;
  if (text === null) return [];
  const rows = new Map<number, StockRow>();
  const read = eachPacked(text, (v) => {
    const overdue = v % 2;
    const rest = (v - overdue) / 2;
    const a = rest % 8;
    const key = (rest - a) / 8;
    let r = rows.get(key);
    if (!r) {
      const division = key % PACK_DIVISIONS;
      rows.set(key, (r = { judge: (key - division) / PACK_DIVISIONS, division, pending: 0, age: [0, 0, 0, 0, 0, 0], overdue: 0 }));
    }
    r.pending++;
    r.age[a]++;
    r.overdue += overdue;
  });
  if (!read) return (prepared(db, fromCasesSql(where)).raw(false).all(p) as Raw[]).map(toRow);
  return [...rows.values()];
}

function dayParams(day: string, params: Record<string, unknown>): Record<string, unknown> {
  const p: Record<string, unknown> = { ...params, day };
  AGE_BOUNDS.forEach((n, i) => (p[`cut${i}`] = monthCutoff(day, n)));
  return p;
}

type Raw = { judge: number; division: number; pending: number; age0: number; age1: number; age2: number; age3: number; age4: number; age5: number; overdue: number };
const toRow = (r: Raw): StockRow => ({
  judge: r.judge, division: r.division, pending: r.pending, overdue: r.overdue, age: [r.age0, r.age1, r.age2, r.age3, r.age4, r.age5],
});

/**
 * Writes a day's stock rows and its marker in one transaction (a savepoint inside a caller's), unless another call
 * did first. From then on the triggers on cases keep the day current.
 */
export function materializeStockDay(db: Database, day: string): void {
  db.transaction(() => {
    if (db.prepare('SELECT 1 FROM tally_stock_days WHERE day = ?').get(day)) return;
    const insert = db.prepare(`INSERT INTO tally_stock (day, judge_id, division_id, ${STOCK_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    for (const r of fromCases(db, day, '', {})) insert.run(day, r.judge, r.division, r.pending, ...r.age, r.overdue);
    db.prepare('INSERT INTO tally_stock_days (day) VALUES (?)').run(day);
  })();
}

/**
 * The stock at the end of `day` within the reader's scope (`clauses` over alias c: judge_id, division_id). A day not
 * yet kept is materialized first; on a read-only connection (a reader who may not write, a checked copy) the figures
 * come straight from the cases instead, the same numbers without keeping them.
 */
export function stockAt(db: Database, day: string, clauses: string[], params: Record<string, unknown>): StockRow[] {
  const where = clauses.length ? ` AND ${clauses.join(' AND ')}` : '';
  const kept = () => prepared(db, 'SELECT 1 FROM tally_stock_days WHERE day = ?').raw(false).get(day) !== undefined;
  if (!kept() && !db.readonly) {
    try {
      materializeStockDay(db, day);
    } catch (err) {
      // Another connection holds the write lock (an import job's own): the figures are computed without keeping.
      if (!(err instanceof Error && 'code' in err && /^SQLITE_(BUSY|LOCKED|READONLY)/.test(String(err.code)))) throw err;
    }
  }
  if (!kept()) return fromCases(db, day, where, params);
  return (prepared(db, `SELECT c.judge_id AS judge, c.division_id AS division, ${STOCK_COLUMNS} FROM tally_stock c WHERE c.day = @day${where}`).raw(false)
    .all({ ...params, day }) as Raw[]).map(toRow);
}

/** Forgets every kept day (bulk writers that move many open cases call this first, so the triggers do no stock work). */
export function forgetStockDays(db: Database): void {
  db.exec('DELETE FROM tally_stock_days; DELETE FROM tally_stock;');
}
