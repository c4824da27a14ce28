// Migration 22 on a court one version older with 先行调解: tally_advance's month rows filled as a rebuild would and kept by triggers in the writer's transaction, the ending-day index, the figures those of the plain pass.
import { afterEach, describe, expect, it } from 'vitest';
import type BetterSqlite3 from 'better-sqlite3';
import { openDatabase } from '../../../electron/core/db/connection';
import { advanceRows } from '../../../electron/core/indicators/advanceRows';
import { ADVANCE_MONTH_VERSION, fillAdvanceMonths } from '../../../electron/core/db/migrations/0022-advance-month-tallies';
import { addDays } from '../../../shared/dates/calendar';
import { migrationsUpTo } from '../../helpers/migrationFixtures';
import { expectFiguresAtLatest } from '../../helpers/latestFigures';
import { randomCourt, rng } from '../../helpers/randomCourt';
import { olderCourtFile } from '../../helpers/olderCourt';

const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((f) => f()));
const BEFORE = ADVANCE_MONTH_VERSION - 1;

/** A court at the version before, with 先行调解 of half the cases, most ended, some after the end of the data (a period's `to` falls before them). */
function olderCourt(): string {
  return olderCourtFile(BEFORE, randomCourt(2020, 500), cleanups, (db) => {
    const r = rng(20);
    const insert = db.prepare(`INSERT INTO mediations (case_id, destination, mediator, received_on, base_days, ended_on, outcome, row_version, created_at, updated_at)
      VALUES (?, '特邀调解员', '调解员甲', ?, 15, ?, ?, 1, 'x', 'x')`);
    for (const c of db.prepare('SELECT id, filed_on FROM cases').all() as Array<{ id: number; filed_on: string }>) {
      if (r.next() < 0.5) {
        const ended = r.next() < 0.8 ? addDays(c.filed_on, r.int(60)) : null;
        insert.run(c.id, c.filed_on, ended, ended ? r.pick(['调解成功', '撤诉', '当场履行', '调解不成转审理']) : null);
      }
    }
  });
}

function open(file: string) {
  const { db } = openDatabase(file, { migrations: migrationsUpTo(ADVANCE_MONTH_VERSION) });
  cleanups.unshift(() => db.close());
  return db;
}

/** The month rows that are not 0, and those a fill from tally_advance builds now. */
function expectMonthsRebuilt(db: BetterSqlite3.Database): void {
  const read = () => db.prepare('SELECT * FROM tally_advance_month WHERE n <> 0').raw().all();
  const kept = read();
  db.exec('SAVEPOINT refill; DELETE FROM tally_advance_month;');
  try {
    fillAdvanceMonths(db);
    expect(kept).toEqual(read());
  } finally {
    db.exec('ROLLBACK TO refill; RELEASE refill');
  }
}

/** The live figures against the plain pass, on a copy at the latest version (the live code reads later migrations' tables too). */
function expectSame(db: BetterSqlite3.Database): void {
  expectFiguresAtLatest(db, [{ from: '2024-01-01', to: '2024-12-31' }, { from: '2023-06-15', to: '2024-06-14' }, { from: '2022-01-01', to: '2025-03-31' }, { from: '2024-03-01', to: '2024-03-31' }]);
}

describe('migration 0022: month rows of tally_advance', () => {
  it('fills them as a rebuild would, adds the ending-day index, and the figures equal the plain pass', () => {
    const db = open(olderCourt());
    expect(db.pragma('user_version', { simple: true })).toBe(ADVANCE_MONTH_VERSION);
    expect(db.prepare('SELECT count(*) FROM tally_advance_month').pluck().get()).toBeGreaterThan(20);
    // Each month's rows are the sums of its filing days'.
    expect(db.prepare('SELECT month, judge_id, division_id, n FROM tally_advance_month ORDER BY 1, 2, 3').raw().all())
      .toEqual(db.prepare('SELECT substr(filed_on, 1, 7), judge_id, division_id, sum(n) FROM tally_advance GROUP BY 1, 2, 3 ORDER BY 1, 2, 3').raw().all());
    expectMonthsRebuilt(db);
    // The count of rows ending after `to` is a seek on the new index.
    const plan = db.prepare("EXPLAIN QUERY PLAN SELECT 1 FROM tally_advance WHERE settled_on > '2024-12-31' LIMIT 1").all() as Array<{ detail: string }>;
    expect(plan.map((x) => x.detail).join(' ')).toContain('USING COVERING INDEX tally_advance_settled (settled_on>?)');
    // Periods ending after every ending read the month rows; the figures of every period are those of the plain pass.
    const last = db.prepare('SELECT max(settled_on) FROM tally_advance').pluck().get() as string;
    expect(advanceRows(db, { from: '2024-01-01', to: last }, 'a').sql).toContain('tally_advance_month');
    expectSame(db);
  });

  it('keeps the month rows through 先行调解 written, re-ended and deleted and cases refiled and moved, in the writer\'s transaction', () => {
    const db = open(olderCourt());
    const settled = () => db.prepare("SELECT m.id, m.case_id, c.filed_on FROM mediations m JOIN cases c ON c.id = m.case_id WHERE m.ended_on IS NOT NULL AND m.outcome <> '调解不成转审理' ORDER BY m.id").all() as Array<{ id: number; case_id: number; filed_on: string }>;
    const monthOf = (caseId: number) => db.prepare(`SELECT coalesce(sum(n), 0) FROM tally_advance_month a JOIN cases c ON c.id = ?
      WHERE a.month = substr(c.filed_on, 1, 7) AND a.judge_id = c.judge_id AND a.division_id = c.division_id`).pluck().get(caseId) as number;
    const [a, b, c, d] = settled();
    const free = db.prepare('SELECT id, filed_on FROM cases c WHERE NOT EXISTS (SELECT 1 FROM mediations m WHERE m.case_id = c.id) ORDER BY id LIMIT 1').get() as { id: number; filed_on: string };
    const before = monthOf(free.id);
    db.transaction(() => {
      db.prepare(`INSERT INTO mediations (case_id, destination, mediator, received_on, base_days, ended_on, outcome, row_version, created_at, updated_at)
        VALUES (?, '特邀调解员', '调解员乙', ?, 15, ?, '调解成功', 1, 'x', 'x')`).run(free.id, free.filed_on, addDays(free.filed_on, 3));
      expect(monthOf(free.id)).toBe(before + 1);
    })();
    const aBefore = monthOf(a.case_id);
    db.transaction(() => db.prepare("UPDATE mediations SET outcome = '调解不成转审理' WHERE id = ?").run(a.id))();
    expect(monthOf(a.case_id)).toBe(aBefore - 1);
    // Re-ended on another day: same month row, another tally_advance row.
    db.prepare('UPDATE mediations SET ended_on = ? WHERE id = ?').run(addDays(b.filed_on, 200), b.id);
    db.prepare('DELETE FROM mediations WHERE id = ?').run(c.id);
    // Refiled into another month, and moved to another judge and division.
    db.prepare('UPDATE cases SET filed_on = ? WHERE id = ?').run(addDays(d.filed_on, -45), d.case_id);
    const other = db.prepare('SELECT judge_id, division_id FROM cases WHERE judge_id <> (SELECT judge_id FROM cases WHERE id = ?) LIMIT 1').get(b.case_id) as { judge_id: number; division_id: number };
    db.prepare('UPDATE cases SET judge_id = ?, division_id = ? WHERE id = ?').run(other.judge_id, other.division_id, b.case_id);
    expectMonthsRebuilt(db);
    expectSame(db);
    // A rolled-back change leaves the month rows as they were.
    const rows = db.prepare('SELECT * FROM tally_advance_month').raw().all();
    db.exec('BEGIN');
    db.prepare("UPDATE mediations SET ended_on = '2024-06-01', outcome = '撤诉'").run();
    expect(db.prepare('SELECT * FROM tally_advance_month').raw().all()).not.toEqual(rows);
    db.exec('ROLLBACK');
    expect(db.prepare('SELECT * FROM tally_advance_month').raw().all()).toEqual(rows);
    expectMonthsRebuilt(db);
  });
});
