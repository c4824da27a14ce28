// The ledger's "did it move" line of the bench: ledger.trend for a weak point with three target indicators whose first measure began a year ago (19 months of the whole court), cold and kept.
import { openDatabase, closeDatabase } from '../electron/core/db/connection';
import { forgetTallyMemo } from '../electron/core/indicators/preaggTallies';
import { ledgerTrend } from '../electron/core/ledger/trend/trendQueries';
import { addMonths } from '../shared/dates/calendar';
import type { BenchTools } from './indicatorsBench';

/**
 * The weak point and its measure are written inside a transaction that is rolled back, so the cached court stays as
 * it was; each cold run forgets the kept pair figures first, as after a write.
 */
export function benchLedgerTrend(t: BenchTools, n: number, file: string): void {
  const { db } = openDatabase(file);
  try {
    db.exec('BEGIN');
    const id = Number(db.prepare(`INSERT INTO ledger_weak_points (text, found_by, found_on, created_by, created_at, row_version, updated_at)
        VALUES ('长期未结案件多', 'intermediate', ?, 'bench', 'x', 1, 'x')`).run(addMonths(t.today, -13)).lastInsertRowid);
    for (const [indicator, target] of [['longPending12Ratio', 0.02], ['onTimeRate', 0.95], ['avgDuration', 60]] as const) {
      db.prepare('INSERT INTO ledger_targets (weak_point_id, indicator, target, due_on) VALUES (?, ?, ?, ?)').run(id, indicator, target, addMonths(t.today, 6));
    }
    const m = Number(db.prepare(`INSERT INTO ledger_measures (kind, text, leader_name, owner_name, division_name, start_on, due_on, created_by, created_at, row_version, updated_at)
        VALUES ('rectify', '逐案督办', '院长', '庭长', '民一庭', ?, ?, 'bench', 'x', 1, 'x')`).run(addMonths(t.today, -12), addMonths(t.today, 3)).lastInsertRowid);
    db.prepare('INSERT INTO ledger_measure_points (measure_id, weak_point_id) VALUES (?, ?)').run(m, id);
    const months = ledgerTrend(db, id, t.today).indicators[0].points.length;
    const cold = t.measure(() => (forgetTallyMemo(db), ledgerTrend(db, id, t.today)));
    t.report({ op: 'ledger.trend: 3 indicators, cold', size: n, unit: 'ms', samples: cold, budget: '≤ 1000 ms (100k)', note: `${months} months of the whole court, each one indicators engine pass` });
    const kept = t.measure(() => ledgerTrend(db, id, t.today));
    t.report({ op: 'ledger.trend: the same again (kept)', size: n, unit: 'ms', samples: kept });
  } finally {
    if (db.inTransaction) db.exec('ROLLBACK');
    closeDatabase(db);
  }
}
