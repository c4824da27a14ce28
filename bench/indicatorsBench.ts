// The indicator lines of the bench: the dashboard on the pre-aggregated tallies beside the plain SQL pass, a new period after 1,000 changes, tally upkeep during an import.
import type BetterSqlite3 from 'better-sqlite3';
import { openDatabase, closeDatabase } from '../electron/core/db/connection';
import type { CaseScope } from '../shared/accounts/roles';
import { IndicatorQueries, SQL_SOURCE } from '../electron/core/indicators/indicatorQueries';
import { forgetTallyMemo } from '../electron/core/indicators/preaggTallies';
import { addDays } from '../shared/dates/calendar';

export interface BenchTools {
  today: string;
  runs: number;
  time(fn: () => void): number;
  measure(fn: () => void, runs?: number): number[];
  report(line: { op: string; size: number; unit: string; samples: number[]; baselineSamples?: number[]; budget?: string; note?: string }): void;
}

const ALL: CaseScope = { kind: 'all' };

/** The dashboard's set for one period: the court with every division, and with every judge. */
function dashboard(q: IndicatorQueries, p: { from: string; to: string }) {
  q.compute({ ...p, by: 'division' }, ALL);
  q.compute({ ...p, by: 'judge' }, ALL);
}

/**
 * indicators.compute for the court, every division and every judge, on the pre-aggregated tallies (the default
 * source) and, as the baseline in the same run, on the plain SQL pass over the cases table (sqlTallies.ts). Each
 * pre-aggregated run starts cold (its kept pair figures forgotten), so the figure is the tables' cost, not a memo's;
 * the stock days of the period are kept by the warm-up, as the dashboard's days are kept by use.
 */
export function benchIndicators(t: BenchTools, n: number, file: string) {
  const { db } = openDatabase(file);
  const q = new IndicatorQueries(db);
  const plain = new IndicatorQueries(db, SQL_SOURCE);
  const month = { from: addDays(t.today, -29), to: t.today };
  const year = { from: addDays(t.today, -364), to: t.today };
  for (const [label, p] of [['one month', month], ['one year', year]] as const) {
    const baselineSamples = t.measure(() => dashboard(plain, p), 3);
    const samples = t.measure(() => (forgetTallyMemo(db), dashboard(q, p)));
    report(t, n, `indicators: court+divisions+judges (pre-aggregated), ${label}`, samples, baselineSamples, p);
    const again = t.measure(() => dashboard(q, p));
    t.report({ op: `indicators: the same again (kept), ${label}`, size: n, unit: 'ms', samples: again, note: 'the pair figures kept until the next write' });
  }
  newPeriodAfterChanges(t, n, db, q, plain);
  closeDatabase(db);
}

function report(t: BenchTools, n: number, op: string, samples: number[], baselineSamples: number[], p: { from: string; to: string }) {
  t.report({ op, size: n, unit: 'ms', samples, baselineSamples, budget: '≤ 20 ms (1M), ≥ 50× baseline', note: `${p.from}…${p.to}; baseline: the plain SQL pass (same figures)` });
}

/**
 * 1,000 cases changed in one committed transaction (500 move to another judge and division, 300 open ones close,
 * 200 are re-filed a few days later), as a clerk's day of work lands, then the dashboard of a period whose stock days
 * were kept before the changes (the triggers kept them current) and of two never asked, about two and six months
 * back (their stock days are forgotten first, so the one they read is computed from the cases). The changed columns are written back afterwards in a second
 * transaction, through the same triggers, so the cached database ends as it began; a failed run still writes them back.
 */
const CHANGED = ['judge_id', 'division_id', 'filed_on', 'closed_on', 'closing_method', 'duration_days', 'closed_overdue'] as const;

function newPeriodAfterChanges(t: BenchTools, n: number, db: BetterSqlite3.Database, q: IndicatorQueries, plain: IndicatorQueries) {
  const pairs = db.prepare('SELECT DISTINCT judge_id, division_id FROM cases LIMIT 200').raw().all() as number[][];
  const kept = { from: addDays(t.today, -29), to: t.today };
  const samples = { kept: [] as number[], fresh: [] as number[], far: [] as number[], plain: [] as number[] };
  const before = db.prepare(`SELECT id, ${CHANGED.join(', ')} FROM cases WHERE id = ?`);
  const restore = db.prepare(`UPDATE cases SET ${CHANGED.map((c) => `${c} = @${c}`).join(', ')} WHERE id = @id`);
  const forget = db.prepare('DELETE FROM tally_stock_days WHERE day = ?');
  const forgetRows = db.prepare('DELETE FROM tally_stock WHERE day = ?');
  for (let run = 0; run <= t.runs; run++) {
    dashboard(q, kept);
    const ids = db.prepare(`SELECT id FROM cases WHERE id % ? = 0 LIMIT 1000`).pluck().all(Math.max(1, Math.floor(n / 1000)) + run) as number[];
    const old = ids.map((id) => before.get(id) as Record<string, unknown>);
    const fresh = { from: addDays(t.today, -60 - 7 * run), to: addDays(t.today, -31 - 7 * run) };
    const far = { from: addDays(t.today, -210 - 7 * run), to: addDays(t.today, -181 - 7 * run) };
    try {
      db.transaction(() => {
        const move = db.prepare('UPDATE cases SET judge_id = ?, division_id = ? WHERE id = ?');
        const close = db.prepare(`UPDATE cases SET closed_on = max(filed_on, ?), closing_method = '判决', duration_days = 30, closed_overdue = 0 WHERE id = ? AND closed_on IS NULL`);
        const refile = db.prepare("UPDATE cases SET filed_on = min(date(filed_on, '+3 days'), coalesce(closed_on, '9999-12-31')) WHERE id = ?");
        ids.forEach((id, i) => {
          if (i < 500) move.run(...pairs[i % pairs.length], id);
          else if (i < 800) close.run(addDays(t.today, -(i % 20)), id);
          else refile.run(id);
        });
        for (const day of [addDays(fresh.from, -1), fresh.to, addDays(far.from, -1), far.to]) (forget.run(day), forgetRows.run(day));
      })();
      const tk = t.time(() => dashboard(q, kept));
      const tf = t.time(() => dashboard(q, fresh));
      const tr = t.time(() => dashboard(q, far));
      const tp = t.time(() => dashboard(plain, fresh));
      if (run > 0) (samples.kept.push(tk), samples.fresh.push(tf), samples.far.push(tr), samples.plain.push(tp));
    } finally {
      db.transaction(() => old.forEach((row) => restore.run(row)))();
    }
  }
  const note = '1,000 cases changed in one committed transaction first; baseline: the plain SQL pass for the new period';
  t.report({ op: 'indicators after 1,000 changes: kept period', size: n, unit: 'ms', samples: samples.kept, baselineSamples: samples.plain, budget: '≤ 100 ms (1M)', note });
  const computed = 'its stock day at the end computed from the cases (carried over follows from it and the flow)';
  t.report({ op: 'indicators after 1,000 changes: new period', size: n, unit: 'ms', samples: samples.fresh, baselineSamples: samples.plain, budget: '≤ 100 ms (1M)', note: `${note}; about two months back, ${computed}` });
  t.report({ op: 'indicators after 1,000 changes: new period six months back', size: n, unit: 'ms', samples: samples.far, baselineSamples: samples.plain, budget: '≤ 100 ms (1M)', note: `${note}; ${computed}` });
}
