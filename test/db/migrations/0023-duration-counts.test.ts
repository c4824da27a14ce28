// Migration 23 on a court one version older: the durations' count objects by month and year filled as a rebuild would and equal to the row tables, migration 19's year rows gone, every trigger path keeping them, the figures those of the plain pass.
import { afterEach, describe, expect, it } from 'vitest';
import type BetterSqlite3 from 'better-sqlite3';
import { openDatabase } from '../../../electron/core/db/connection';
import { sqlTallies } from '../../../electron/core/indicators/sqlTallies';
import { preaggTallies } from '../../../electron/core/indicators/preaggTallies';
import { durationRows } from '../../../electron/core/indicators/monthRows';
import { DURATION_COUNTS_VERSION, fillDurationCounts } from '../../../electron/core/db/migrations/0023-duration-counts';
import { migrationsUpTo } from '../../helpers/migrationFixtures';
import { randomCourt } from '../../helpers/randomCourt';
import { olderCourtFile } from '../../helpers/olderCourt';
import { countRows } from '../../helpers/durationCounts';
import type { CaseScope } from '../../../shared/accounts/roles';
import { addDays } from '../../../shared/dates/calendar';

const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((f) => f()));
const BEFORE = DURATION_COUNTS_VERSION - 1;

/** A court at the version before, and its year rows of the durations there (migration 19's, those not 0). */
/** A court at the version before, and its year rows of the durations (which this migration drops). */
function olderCourt(): { file: string; yearRows: unknown[] } {
  let yearRows: unknown[] = [];
  const file = olderCourtFile(BEFORE, randomCourt(2020, 500), cleanups, (db) => {
    yearRows = db.prepare('SELECT year, judge_id, division_id, duration, n FROM tally_durations_year WHERE n <> 0 ORDER BY 1, 2, 3, 4').raw().all();
  });
  return { file, yearRows };
}

function open(file: string) {
  const { db } = openDatabase(file, { migrations: migrationsUpTo(DURATION_COUNTS_VERSION) });
  cleanups.unshift(() => db.close());
  return db;
}

/** What the count objects must hold: the month rows (not 0) as they are, and their sums by year. */
const fromMonthRows = (db: BetterSqlite3.Database) => ({
  month: db.prepare('SELECT month, judge_id, division_id, duration, n FROM tally_durations_month WHERE n <> 0 ORDER BY 1, 2, 3, 4').raw().all(),
  year: db.prepare(`SELECT substr(month, 1, 4), judge_id, division_id, duration, sum(n) FROM tally_durations_month
    GROUP BY 1, 2, 3, 4 HAVING sum(n) <> 0 ORDER BY 1, 2, 3, 4`).raw().all(),
});
const fromCounts = (db: BetterSqlite3.Database) => ({ month: countRows(db, 'tally_durations_month_counts'), year: countRows(db, 'tally_durations_year_counts') });
const BY = ['court', 'division', 'judge'] as const;

function expectSame(db: BetterSqlite3.Database, periods: Array<{ from: string; to: string }>, scopes: CaseScope[] = [{ kind: 'all' }]): void {
  for (const p of periods) for (const scope of scopes) for (const by of BY) {
    expect(preaggTallies(db, p, scope, {}, by), `${p.from}…${p.to} ${JSON.stringify(scope)} ${by}`).toEqual(sqlTallies(db, p, scope, {}, by));
  }
}

describe('migration 0023: the durations as count objects per (judge, division) by month and year', () => {
  it('fills them from the month rows as a rebuild would, drops the year rows, and the figures equal the plain pass', () => {
    const { file, yearRows } = olderCourt();
    const db = open(file);
    expect(db.pragma('user_version', { simple: true })).toBe(DURATION_COUNTS_VERSION);
    expect(db.prepare("SELECT name FROM sqlite_schema WHERE name LIKE '%durations_year%' AND name NOT LIKE '%_counts%'").pluck().all()).toEqual([]);
    const filled = fromCounts(db);
    expect(filled.month.length).toBeGreaterThan(100);
    expect(filled).toEqual(fromMonthRows(db));
    // The year objects hold what migration 19's year rows held.
    expect(filled.year).toEqual(yearRows);
    // One row per (month or year, judge, division), none empty.
    expect(db.prepare('SELECT count(*) FROM tally_durations_month_counts').pluck().get())
      .toBe(db.prepare('SELECT count(*) FROM (SELECT DISTINCT month, judge_id, division_id FROM tally_durations_month WHERE n <> 0)').pluck().get());
    expect(db.prepare("SELECT count(*) FROM tally_durations_year_counts WHERE json(counts) = '{}'").pluck().get()).toBe(0);
    db.exec('DELETE FROM tally_durations_month_counts; DELETE FROM tally_durations_year_counts;');
    fillDurationCounts(db);
    expect(fromCounts(db)).toEqual(filled);

    // A whole year and a year to date read year objects alone; a quarter reads month objects; month edges read day rows.
    const sources = (from: string, to: string) => {
      const parts = durationRows(db, { from, to }, 'd');
      return [parts.counts ?? '', parts.days ?? ''].join(' ');
    };
    for (const [from, to] of [['2023-01-01', '2023-12-31'], ['2024-01-01', '2024-12-31'], ['2022-01-01', '2023-12-31']]) {
      expect(sources(from, to)).toContain('tally_durations_year_counts');
      expect(sources(from, to)).not.toContain('tally_durations_month_counts');
      expect(sources(from, to)).not.toContain('FROM tally_durations ');
    }
    expect(sources('2023-04-01', '2023-06-30')).toContain('tally_durations_month_counts');
    expect(sources('2023-04-01', '2023-06-30')).not.toContain('tally_durations_year_counts');
    expect(sources('2023-04-01', '2023-06-30')).not.toContain('FROM tally_durations ');
    // From the day after a closing day: the rest of that month is day rows, the months after it month objects.
    const closing = db.prepare("SELECT min(day) FROM tally_durations WHERE day >= '2023-04-01' AND n > 0").pluck().get() as string;
    expect(sources(addDays(closing, 1), '2024-06-30')).toMatch(/tally_durations_month_counts[\s\S]*FROM tally_durations /);
    expect(sources(addDays(closing, 1), '2024-06-30')).not.toContain('tally_durations_year_counts');
    const periods = [
      { from: '2024-01-01', to: '2024-12-31' }, { from: '2023-12-01', to: '2024-11-30' }, { from: '2023-11-24', to: '2024-11-23' },
      { from: '2022-01-01', to: '2024-12-31' }, { from: '2024-03-01', to: '2024-03-31' }, { from: '2024-03-05', to: '2024-03-05' },
      { from: '2021-06-15', to: '2023-02-14' },
    ];
    const divisions = db.prepare('SELECT DISTINCT division_id FROM cases ORDER BY 1').pluck().all() as number[];
    const judges = db.prepare('SELECT DISTINCT judge_id FROM cases ORDER BY 1').pluck().all() as number[];
    expectSame(db, periods, [{ kind: 'all' }, { kind: 'division', divisionId: divisions[0] }, { kind: 'own', staffId: judges[judges.length - 1] }]);
  });

  it('keeps them through a case closed, its duration changed, moved, reopened and deleted, counts reaching 0 and rows emptied, in the writer\'s transaction', () => {
    const { file } = olderCourt();
    const db = open(file);
    const write = (sql: string, ...args: unknown[]) => db.transaction(() => db.prepare(sql).run(...args))();
    // Counts of the year 2030, in which nothing closed: its rows are those of the case below alone.
    const counts = (table: 'tally_durations_month_counts' | 'tally_durations_year_counts') => countRows(db, table).filter((r) => String(r[0]).startsWith('2030'));
    const check = (month: unknown[][], year: unknown[][]) => {
      expect(counts('tally_durations_month_counts')).toEqual(month);
      expect(counts('tally_durations_year_counts')).toEqual(year);
      expect(fromCounts(db)).toEqual(fromMonthRows(db));
      expect(db.prepare("SELECT count(*) FROM tally_durations_month_counts WHERE json(counts) = '{}'").pluck().get()).toBe(0);
      expect(db.prepare("SELECT count(*) FROM tally_durations_year_counts WHERE json(counts) = '{}'").pluck().get()).toBe(0);
      expectSame(db, [{ from: '2030-01-01', to: '2030-12-31' }, { from: '2030-03-01', to: '2030-04-30' }, { from: '2029-06-01', to: '2030-05-31' }]);
    };
    const pair = (id: number) => db.prepare('SELECT judge_id, division_id FROM cases WHERE id = ?').raw().get(id) as [number, number];
    const [a, b] = db.prepare(`SELECT id FROM cases c WHERE closed_on IS NULL AND filed_on < '2024-01-01'
      AND NOT EXISTS (SELECT 1 FROM case_events e WHERE e.case_id = c.id) AND NOT EXISTS (SELECT 1 FROM extension_requests x WHERE x.case_id = c.id)
      ORDER BY id LIMIT 2`).pluck().all() as number[];
    const [j, d] = pair(a);
    write('UPDATE cases SET judge_id = ?, division_id = ? WHERE id = ?', j, d, b);
    check([], []);
    // Closed: a new row in both tables.
    write("UPDATE cases SET closed_on = '2030-03-10', closing_method = '判决', duration_days = 40 WHERE id = ?", a);
    check([['2030-03', j, d, 40, 1]], [['2030', j, d, 40, 1]]);
    // Another of the same pair and duration in another month: the year's count goes to 2.
    write("UPDATE cases SET closed_on = '2030-04-02', closing_method = '调解', duration_days = 40 WHERE id = ?", b);
    check([['2030-03', j, d, 40, 1], ['2030-04', j, d, 40, 1]], [['2030', j, d, 40, 2]]);
    // Its duration changed: the key moves, the old one stays with the other case's count.
    write('UPDATE cases SET duration_days = 7 WHERE id = ?', b);
    check([['2030-03', j, d, 40, 1], ['2030-04', j, d, 7, 1]], [['2030', j, d, 7, 1], ['2030', j, d, 40, 1]]);
    // An edit of another counted column takes the case out and puts it back: the same counts.
    write("UPDATE cases SET closing_method = '撤诉' WHERE id = ?", b);
    check([['2030-03', j, d, 40, 1], ['2030-04', j, d, 7, 1]], [['2030', j, d, 7, 1], ['2030', j, d, 40, 1]]);
    // Moved to another judge and division: its counts leave the pair's objects for the other pair's.
    const [j2, d2] = db.prepare('SELECT judge_id, division_id FROM cases WHERE judge_id <> ? AND division_id <> ? LIMIT 1').raw().get(j, d) as [number, number];
    write('UPDATE cases SET judge_id = ?, division_id = ? WHERE id = ?', j2, d2, a);
    // In countRows' order: by month or year, judge, division, duration.
    const sorted = (rows: Array<Array<string | number>>) => [...rows].sort((x, y) => {
      const i = x.findIndex((v, k) => v !== y[k]);
      return i < 0 ? 0 : x[i] < y[i] ? -1 : 1;
    });
    check(sorted([['2030-03', j2, d2, 40, 1], ['2030-04', j, d, 7, 1]]), sorted([['2030', j, d, 7, 1], ['2030', j2, d2, 40, 1]]));
    // Reopened: the count reaches 0, the key goes, and with it the emptied month and year rows of that pair.
    write('UPDATE cases SET closed_on = NULL, closing_method = NULL WHERE id = ?', a);
    check([['2030-04', j, d, 7, 1]], [['2030', j, d, 7, 1]]);
    expect(db.prepare("SELECT count(*) FROM tally_durations_year_counts WHERE year = '2030'").pluck().get()).toBe(1);
    // Deleted: nothing of 2030 is left.
    db.transaction(() => {
      db.prepare('DELETE FROM case_search WHERE rowid = ?').run(b);
      db.prepare('DELETE FROM cases WHERE id = ?').run(b);
    })();
    check([], []);
    expect(db.prepare("SELECT count(*) FROM tally_durations_month_counts WHERE month LIKE '2030-%'").pluck().get()).toBe(0);
    expect(db.prepare("SELECT count(*) FROM tally_durations_year_counts WHERE year = '2030'").pluck().get()).toBe(0);
  });

  it('keeps them through the month rows\' own changes: a key moved by hand, a count set by hand, a row deleted', () => {
    const { file } = olderCourt();
    const db = open(file);
    const row = { ...db.prepare("SELECT month, judge_id, division_id, duration FROM tally_durations_month WHERE month LIKE '2023-%' ORDER BY n DESC LIMIT 1").get() as
      { month: string; judge_id: number; division_id: number; duration: number } };
    const key = 'month = @month AND judge_id = @judge_id AND division_id = @division_id AND duration = @duration';
    db.prepare(`UPDATE tally_durations_month SET n = n + 5 WHERE ${key}`).run(row);
    expect(fromCounts(db)).toEqual(fromMonthRows(db));
    db.prepare(`UPDATE tally_durations_month SET duration = 9999, month = '2022-12' WHERE ${key}`).run(row);
    expect(fromCounts(db)).toEqual(fromMonthRows(db));
    db.prepare("DELETE FROM tally_durations_month WHERE duration = 9999 AND month = '2022-12'").run();
    expect(fromCounts(db)).toEqual(fromMonthRows(db));
    db.prepare(`UPDATE tally_durations_month SET n = 0 WHERE month LIKE '2021-%'`).run();
    expect(fromCounts(db)).toEqual(fromMonthRows(db));
    expect(db.prepare("SELECT count(*) FROM tally_durations_year_counts WHERE year = '2021'").pluck().get()).toBe(0);
  });
});
