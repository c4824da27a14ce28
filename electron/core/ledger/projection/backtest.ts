// The projection's back-test: project from a past month end with only what was known then, and compare month by month with what the cases table says happened.
import type { Database } from 'better-sqlite3';
import { monthEndOf, NO_ASSUMPTIONS, project, shiftMonthOf, type ProjectedMonth } from '../../../../shared/ledger/projection';
import { addMonths } from '../../../../shared/dates/calendar';
import { readInputs } from './inputs';

export interface ActualMonth {
  month: string;
  received: number;
  resolved: number;
  pending: number;
  longPending12: number;
  longPending12Ratio: number | null;
  clearanceRate: number | null;
  onTimeRate: number | null;
}

export interface BacktestResult {
  start: string;
  projected: ProjectedMonth[];
  actual: ActualMonth[];
  /** Mean and largest |projected − actual| / actual of pending, in per cent. */
  pendingMeanPct: number;
  pendingMaxPct: number;
  /** Mean and largest absolute errors of the ratios, in percentage points. */
  longRatioMeanPp: number;
  longRatioMaxPp: number;
  clearanceMeanPp: number;
  /** |projected − actual| of the whole horizon's clearance (Σ closings / Σ filings), in percentage points. */
  clearanceYearPp: number;
  onTimeMeanPp: number;
}

const pct = (num: number, den: number): number | null => (den > 0 ? Math.round((num / den) * 1000) / 10 : null);

/** What happened in each month after `start`, the indicators' formulas over the whole court (indicators.md). */
export function actualMonths(db: Database, start: string, months: number): ActualMonth[] {
  const flow = db.prepare(`SELECT
      (SELECT count(*) FROM cases WHERE filed_on BETWEEN @from AND @to) AS received,
      (SELECT count(*) FROM cases WHERE closed_on BETWEEN @from AND @to) AS resolved,
      (SELECT count(*) FROM cases WHERE closed_on BETWEEN @from AND @to AND closed_overdue IS NOT NULL) AS withLimit,
      (SELECT count(*) FROM cases WHERE closed_on BETWEEN @from AND @to AND closed_overdue = 0) AS onTime,
      (SELECT count(*) FROM cases WHERE filed_on <= @to AND (closed_on IS NULL OR closed_on > @to)) AS pending`);
  const longStmt = db.prepare(`SELECT filed_on AS filedOn, count(*) AS n FROM cases WHERE filed_on <= @to AND (closed_on IS NULL OR closed_on > @to) GROUP BY filed_on`);
  const out: ActualMonth[] = [];
  for (let k = 1; k <= months; k++) {
    const month = shiftMonthOf(start.slice(0, 7), k);
    const p = { from: `${month}-01`, to: monthEndOf(month) };
    const f = flow.get(p) as { received: number; resolved: number; withLimit: number; onTime: number; pending: number };
    let long = 0;
    for (const r of longStmt.all(p) as Array<{ filedOn: string; n: number }>) if (addMonths(r.filedOn, 12) < p.to) long += r.n;
    out.push({
      month, received: f.received, resolved: f.resolved, pending: f.pending, longPending12: long,
      longPending12Ratio: pct(long, f.pending), clearanceRate: pct(f.resolved, f.received), onTimeRate: pct(f.onTime, f.withLimit),
    });
  }
  return out;
}

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
const diffs = (a: Array<number | null>, b: Array<number | null>) => a.flatMap((x, i) => (x === null || b[i] === null ? [] : [Math.abs(x - (b[i] as number))]));
const sum = <K extends 'resolved' | 'received'>(xs: Array<Record<K, number>>, k: K) => xs.reduce((a, x) => a + x[k], 0);
const r1 = (x: number) => Math.round(x * 10) / 10;

/** Projects `months` months from `start` (a month end) without assumptions and measures the error against what happened. */
export function backtest(db: Database, start: string, months: number): BacktestResult {
  const projected = project(readInputs(db, start, { kind: 'all' }), { ...NO_ASSUMPTIONS, months }).months;
  const actual = actualMonths(db, start, months);
  const pendingErr = projected.map((p, i) => (actual[i].pending ? (Math.abs(p.pending - actual[i].pending) / actual[i].pending) * 100 : 0));
  const longErr = diffs(projected.map((p) => p.longPending12Ratio), actual.map((x) => x.longPending12Ratio));
  return {
    start, projected, actual,
    pendingMeanPct: r1(mean(pendingErr)), pendingMaxPct: r1(Math.max(0, ...pendingErr)),
    longRatioMeanPp: r1(mean(longErr)), longRatioMaxPp: r1(Math.max(0, ...longErr)),
    clearanceMeanPp: r1(mean(diffs(projected.map((p) => p.clearanceRate), actual.map((x) => x.clearanceRate)))),
    clearanceYearPp: r1(Math.abs((pct(sum(projected, 'resolved'), sum(projected, 'received')) ?? 0) - (pct(sum(actual, 'resolved'), sum(actual, 'received')) ?? 0))),
    onTimeMeanPp: r1(mean(diffs(projected.map((p) => p.onTimeRate), actual.map((x) => x.onTimeRate)))),
  };
}
