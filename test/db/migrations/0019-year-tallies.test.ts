// Migration 19 on a court one version older with 原审案号 links: the durations' year rows, the 案 needing no walk (tally_links.simple) and the month rows of 先行调解 and simple filled as a rebuild would, kept by triggers, the figures those of the plain pass.
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/core/db/connection';
import { fillDurationYears, fillLinkSimple, fillMonths, YEAR_TALLIES_VERSION } from '../../../electron/core/db/migrations/0019-duration-year-tallies';
import { migrationsUpTo } from '../../helpers/migrationFixtures';
import { randomCourt } from '../../helpers/randomCourt';
import { olderCourtFile } from '../../helpers/olderCourt';
import { expectFiguresAtLatest } from '../../helpers/latestFigures';

const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((f) => f()));
const BEFORE = YEAR_TALLIES_VERSION - 1;

const olderCourt = () => olderCourtFile(BEFORE, randomCourt(1818, 500), cleanups);

/** Opened at this migration's version: its triggers as it made them (the live figures are read on a copy at the latest, expectFiguresAtLatest). */
function open(file: string) {
  const { db } = openDatabase(file, { migrations: migrationsUpTo(YEAR_TALLIES_VERSION) });
  cleanups.unshift(() => db.close());
  return db;
}

const PERIODS = [{ from: '2024-01-01', to: '2024-12-31' }, { from: '2023-06-15', to: '2024-06-14' }, { from: '2022-01-01', to: '2024-12-31' }, { from: '2024-03-01', to: '2024-03-31' }];

describe('migration 0018: year rows of the durations and the 案 needing no walk', () => {
  it('fills both as a rebuild would, and the figures equal the plain pass', () => {
    const file = olderCourt();
    let db = open(file);
    expect(db.pragma('user_version', { simple: true })).toBe(YEAR_TALLIES_VERSION);
    const read = () => ['tally_durations_year', 'tally_links', 'tally_mediation_month', 'tally_links_month'].map((x) => db.prepare(`SELECT * FROM ${x}`).raw().all());
    const filled = read();
    expect(filled[0].length).toBeGreaterThan(0);
    // Some 案 are walked, some are summed: both paths are exercised by this court.
    expect(db.prepare('SELECT count(*) FROM tally_links WHERE simple > 0').pluck().get()).toBeGreaterThan(0);
    expect(db.prepare('SELECT count(*) FROM tally_links WHERE simple = 0').pluck().get()).toBeGreaterThan(0);
    // Year rows are the sums of their months.
    expect(db.prepare("SELECT duration, sum(n) FROM tally_durations_month WHERE month LIKE '2024-%' GROUP BY 1 ORDER BY 1").raw().all())
      .toEqual(db.prepare("SELECT duration, sum(n) FROM tally_durations_year WHERE year = '2024' GROUP BY 1 ORDER BY 1").raw().all());
    db.exec('DELETE FROM tally_durations_year; UPDATE tally_links SET simple = 0; DELETE FROM tally_mediation_month; DELETE FROM tally_links_month;');
    fillDurationYears(db);
    fillLinkSimple(db);
    db.exec('DELETE FROM tally_links_month');
    fillMonths(db);
    expect(read()).toEqual(filled);
    // The figures are those of the plain pass for whole years, year edges and a month.
    expectFiguresAtLatest(db, PERIODS);
  });

  it('keeps simple through a linked case gaining a linked case of its own, and year rows through a closing, in the writer\'s transaction', () => {
    const db = open(olderCourt());
    // An 案 counted without a walk, and one of its linked cases.
    const seed = db.prepare("SELECT case_number, filed_on FROM tally_links WHERE simple > 0 AND filed_on >= '2024-01-01' LIMIT 1").get() as { case_number: string; filed_on: string };
    const child = db.prepare('SELECT id, case_number FROM cases WHERE origin_case_number = ? LIMIT 1').get(seed.case_number) as { id: number; case_number: string };
    const grandchild = db.prepare('SELECT id FROM cases WHERE origin_case_number IS NULL AND case_number <> ? AND id <> ? LIMIT 1').pluck().get(seed.case_number, child.id) as number;
    const simple = () => db.prepare('SELECT simple FROM tally_links WHERE case_number = ?').pluck().get(seed.case_number);
    db.transaction(() => db.prepare('UPDATE cases SET origin_case_number = ? WHERE id = ?').run(child.case_number, grandchild))();
    expect(simple()).toBe(0);
    const p = { from: '2024-01-01', to: '2024-12-31' };
    expectFiguresAtLatest(db, [p]);
    db.transaction(() => db.prepare('UPDATE cases SET origin_case_number = NULL WHERE id = ?').run(grandchild))();
    expect(simple()).toBeGreaterThan(0);
    const pending = db.prepare("SELECT id, filed_on FROM cases WHERE closed_on IS NULL AND filed_on < '2024-06-01' LIMIT 1").get() as { id: number; filed_on: string };
    const before = db.prepare("SELECT coalesce(sum(n), 0) FROM tally_durations_year WHERE year = '2024'").pluck().get() as number;
    db.transaction(() => db.prepare("UPDATE cases SET closed_on = '2024-07-01', closing_method = '判决', duration_days = 20 WHERE id = ?").run(pending.id))();
    expect(db.prepare("SELECT coalesce(sum(n), 0) FROM tally_durations_year WHERE year = '2024'").pluck().get()).toBe(before + 1);
    expectFiguresAtLatest(db, [p]);
  });
});
