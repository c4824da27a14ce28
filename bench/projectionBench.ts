// The projection's lines of the bench: ledger.project's reads and model at each size beside a plain pass over the cases table, and the back-test error (a year projected from a year before the data end).
import type BetterSqlite3 from 'better-sqlite3';
import { openDatabase, closeDatabase } from '../electron/core/db/connection';
import { keptInputs, readInputs, startOf } from '../electron/core/ledger/projection/inputs';
import { backtest } from '../electron/core/ledger/projection/backtest';
import { monthEndOf, NO_ASSUMPTIONS, project, shiftMonthOf } from '../shared/ledger/projection';
import type { BenchTools } from './indicatorsBench';

const ALL = { kind: 'all' } as const;

/** The monthly filings and closings from the cases table itself, as the tallies would give them: the baseline. */
function plainHistory(db: BetterSqlite3.Database, start: string) {
  const from = `${shiftMonthOf(start.slice(0, 7), -11)}-01`;
  db.prepare(`SELECT substr(filed_on, 1, 7) AS m, count(*) FROM cases WHERE filed_on BETWEEN ? AND ? GROUP BY m`).all(from, start);
  db.prepare(`SELECT substr(closed_on, 1, 7) AS m, count(*), count(DISTINCT judge_id) FROM cases WHERE closed_on BETWEEN ? AND ? GROUP BY m`).all(from, start);
}

export function benchProjection(t: BenchTools, n: number, file: string) {
  const { db } = openDatabase(file);
  try {
    const start = startOf(t.today);
    const whatIf = { months: 24, closeMore: 50, clearOldest: 200, by: `${shiftMonthOf(start.slice(0, 7), 6)}-15`, judgesDelta: 1 };
    const samples = t.measure(() => {
      const inputs = readInputs(db, start, ALL);
      project(inputs, whatIf);
      project(inputs, { ...NO_ASSUMPTIONS, months: 24 });
    });
    const baselineSamples = t.measure(() => {
      plainHistory(db, start);
      readInputs(db, start, ALL);
    }, 3);
    t.report({ op: 'projection: ledger.project, first what-if from a start (inputs read), 24 months', size: n, unit: 'ms', samples, baselineSamples, note: `from ${start}; baseline: the monthly flows by a pass over the cases table instead of tally_month, plus the same open-case and profile reads` });
    // The next what-if from the same start: the inputs are kept until a write, so only the model runs (twice).
    keptInputs(db, start, ALL);
    const next = t.measure(() => {
      const inputs = keptInputs(db, start, ALL);
      project(inputs, { ...whatIf, closeMore: 51 });
      project(inputs, { ...NO_ASSUMPTIONS, months: 24 });
    });
    t.report({ op: 'projection: ledger.project, next what-if (inputs kept), 24 months', size: n, unit: 'ms', samples: next, budget: '≤ 100 ms (1M), so the curves follow the inputs' });
    const inputs = readInputs(db, start, ALL);
    t.report({ op: 'projection: the model alone (pure), 24 months', size: n, unit: 'ms', samples: t.measure(() => project(inputs, whatIf)), note: `${inputs.open.length} filing days open, ${inputs.open.reduce((s, c) => s + c.count, 0)} cases` });
    // The back-test: from the month end a year before the last full month, twelve months, against the cases table.
    const bt = backtest(db, monthEndOf(shiftMonthOf(start.slice(0, 7), -12)), 12);
    const note = `from ${bt.start}, 12 months: pending mean ${bt.pendingMeanPct} %, max ${bt.pendingMaxPct} %; 超12个月未结案件比 mean ${bt.longRatioMeanPp} pp, max ${bt.longRatioMaxPp} pp; 结收比 per month ${bt.clearanceMeanPp} pp, over the year ${bt.clearanceYearPp} pp; 法定审限内结案率 ${bt.onTimeMeanPp} pp`;
    t.report({ op: 'projection back-test: pending, mean |error|', size: n, unit: '%', samples: [bt.pendingMeanPct], note });
    t.report({ op: 'projection back-test: 超12个月未结案件比, mean |error|', size: n, unit: 'pp', samples: [bt.longRatioMeanPp] });
    t.report({ op: 'projection back-test: 结收比 over the year, |error|', size: n, unit: 'pp', samples: [bt.clearanceYearPp] });
    t.report({ op: 'projection back-test: 法定审限内结案率, mean |error|', size: n, unit: 'pp', samples: [bt.onTimeMeanPp] });
  } finally {
    closeDatabase(db);
  }
}
