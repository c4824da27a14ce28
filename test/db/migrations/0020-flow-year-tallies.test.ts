// Migration 20 on a court one version older: the flow's year rows filled as a rebuild would, kept by triggers in the writer's transaction, read for whole years and periods ending on the last day with rows, the figures those of the plain pass.
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/core/db/connection';
import { yearRows } from '../../../electron/core/indicators/monthRows';
import { FLOW_YEAR_VERSION, fillFlowYears } from '../../../electron/core/db/migrations/0020-flow-year-tallies';
import { migrationsUpTo } from '../../helpers/migrationFixtures';
import { randomCourt } from '../../helpers/randomCourt';
import { olderCourtFile } from '../../helpers/olderCourt';
import { expectFiguresAtLatest } from '../../helpers/latestFigures';

const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((f) => f()));
const BEFORE = FLOW_YEAR_VERSION - 1;
const TODAY = '2024-12-31';

const olderCourt = () => olderCourtFile(BEFORE, randomCourt(2020, 500), cleanups, undefined, TODAY);

function open(file: string) {
  const { db } = openDatabase(file, { migrations: migrationsUpTo(FLOW_YEAR_VERSION) });
  cleanups.unshift(() => db.close());
  return db;
}

const FLOW = { day: 'tally_day', month: 'tally_month', year: 'tally_year' };
const PERIODS = [
  { from: '2024-01-01', to: '2024-12-31' },
  { from: '2024-01-01', to: TODAY },
  { from: '2024-01-01', to: '2024-09-30' },
  { from: '2023-06-15', to: '2024-06-14' },
  { from: '2022-01-01', to: '2024-12-31' },
  { from: '2021-12-31', to: '2023-01-01' },
  { from: '2024-03-01', to: '2024-03-31' },
  { from: '2023-02-10', to: '2023-11-20' },
  { from: '2023-05-10', to: '2023-08-20' },
];
const readYears = (db: ReturnType<typeof open>) => db.prepare('SELECT * FROM tally_year').raw().all();

describe('migration 20: year rows of the flow counters', () => {
  it('fills them as the sums of the month rows, as a rebuild would, and the figures equal the plain pass', () => {
    const db = open(olderCourt());
    expect(db.pragma('user_version', { simple: true })).toBe(FLOW_YEAR_VERSION);
    const filled = readYears(db);
    expect(filled.length).toBeGreaterThan(0);
    expect(db.prepare("SELECT judge_id, division_id, sum(received), sum(resolved), sum(duration_sum) FROM tally_month WHERE month LIKE '2023-%' GROUP BY 1, 2 ORDER BY 1, 2").raw().all())
      .toEqual(db.prepare("SELECT judge_id, division_id, received, resolved, duration_sum FROM tally_year WHERE year = '2023' ORDER BY 1, 2").raw().all());
    db.exec('DELETE FROM tally_year');
    fillFlowYears(db);
    expect(readYears(db)).toEqual(filled);
    expectFiguresAtLatest(db, PERIODS);
  });

  it('reads a whole year, a period ending on the last day with rows, and most of a year less its days outside as year rows; less than half a year as months and days', () => {
    const db = open(olderCourt());
    const last = db.prepare('SELECT max(day) FROM tally_day').pluck().get() as string;
    const sqlOf = (from: string, to: string) => yearRows(db, FLOW, ['received'], { from, to }, 'f', true).sql;
    expect(sqlOf('2023-01-01', '2023-12-31')).toContain('FROM tally_year');
    expect(sqlOf('2023-01-01', '2023-12-31')).not.toContain('FROM tally_month');
    // Nothing after the last day with rows in its year: that year is read as its year row, the edge year before it by months and days.
    const from = `${Number(last.slice(0, 4)) - 1}-03-15`;
    expect(sqlOf(from, last)).toContain('FROM tally_year');
    expect(sqlOf(from, last)).toContain('FROM tally_month');
    // Most of a year: its year row less the days outside (sums only); without subtracting, its months and days.
    expect(sqlOf('2023-02-10', '2023-11-20')).toContain('FROM tally_year');
    expect(sqlOf('2023-02-10', '2023-11-20')).toContain('-received AS received');
    expect(yearRows(db, FLOW, ['received'], { from: '2023-02-10', to: '2023-11-20' }, 'f', false).sql).not.toContain('FROM tally_year');
    // Less than half a year: months and days.
    expect(sqlOf('2023-05-10', '2023-08-20')).not.toContain('FROM tally_year');
  });

  it('keeps the year rows through a closing, a move to another judge, a filing day moved into the year before and a deletion, each in its own transaction', () => {
    const db = open(olderCourt());
    const p = { from: '2024-01-01', to: '2024-12-31' };
    const same = () => {
      expectFiguresAtLatest(db, [p]);
      const kept = readYears(db).filter((r) => (r as number[]).slice(3).some((v) => v !== 0));
      db.exec('SAVEPOINT refill; DELETE FROM tally_year');
      fillFlowYears(db);
      expect(kept).toEqual(readYears(db));
      db.exec('ROLLBACK TO refill; RELEASE refill');
    };
    const received = () => db.prepare("SELECT coalesce(sum(received), 0) FROM tally_year WHERE year = '2024'").pluck().get() as number;
    const before = received();
    const open2024 = db.prepare("SELECT id FROM cases WHERE closed_on IS NULL AND filed_on BETWEEN '2024-01-01' AND '2024-06-30' LIMIT 1").pluck().get() as number;
    db.transaction(() => db.prepare("UPDATE cases SET closed_on = '2024-07-01', closing_method = '判决', duration_days = 20 WHERE id = ?").run(open2024))();
    same();
    const other = db.prepare('SELECT max(judge_id) FROM cases').pluck().get() as number;
    db.transaction(() => db.prepare("UPDATE cases SET judge_id = ? WHERE filed_on BETWEEN '2024-02-01' AND '2024-02-29'").run(other))();
    same();
    const early = db.prepare("SELECT id FROM cases WHERE filed_on >= '2024-01-01' AND closed_on IS NULL ORDER BY filed_on LIMIT 1").pluck().get() as number;
    db.transaction(() => db.prepare("UPDATE cases SET filed_on = '2023-12-30' WHERE id = ?").run(early))();
    expect(received()).toBe(before - 1);
    same();
    db.transaction(() => db.prepare("DELETE FROM cases WHERE id = (SELECT id FROM cases WHERE filed_on >= '2024-03-01' AND origin_case_number IS NULL AND case_number NOT IN (SELECT origin_case_number FROM cases WHERE origin_case_number IS NOT NULL) LIMIT 1)").run())();
    expect(received()).toBe(before - 2);
    same();
  });
});
