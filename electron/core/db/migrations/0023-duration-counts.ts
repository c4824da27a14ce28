// Migration 23: the durations of a month and of a year as one row per (judge, division), an object of counts by duration kept by triggers, replacing migration 19's year rows (one per duration).
import type { Database } from 'better-sqlite3';
import type { Migration } from './types';

/** The number of this migration, written once: its test and the renumbering at a merge read it from here. */
export const DURATION_COUNTS_VERSION = 23;

/*
 * Literal SQL built by functions local to this file (never the live code's constants), so the migration keeps doing
 * what it did. The median and p90 need, per (judge, division), how many resolved cases took each number of days. Read
 * as rows (pair, duration, n) a year at 1M was 13,200 year rows and a month 5,000 month rows, each a row of SQLite's
 * work; as one row per pair (60) holding {"<duration>": n, ...} the last 365 days read 120 rows and a week of day
 * rows, and JavaScript scans their text (countPairs in indicators/countsText.ts).
 *
 * The objects are JSONB (SQLite's binary JSON, a BLOB): a change edits the blob without parsing text, 10–20 µs per
 * object at 1M, where a JSON text is parsed and written out again (50–100 µs). Rowid tables: a year's object is 1–2
 * KB, past what a WITHOUT ROWID row keeps on its page (there the same change took twice as long). A change of a
 * month row thus costs two object edits (some 20 µs) where it cost one year-row upsert (5 µs). A count reaching 0
 * takes its key out and an emptied object its row, so a table holds only the pairs and durations that have cases.
 *
 * Both are kept by triggers on tally_durations_month (migration 17), as migration 19's year rows were: a month object
 * holds that month row's counts, a year object the sums of its months'. The key of a duration is its text, the same
 * in the fill (jsonb_group_object's label) and in the triggers (CAST … AS TEXT, and the path '$."<text>"').
 */
const TABLES = [
  { table: 'tally_durations_month_counts', key: 'month', of: (x: string) => `${x}.month` },
  { table: 'tally_durations_year_counts', key: 'year', of: (x: string) => `substr(${x}.month, 1, 4)` },
];

/** Adds `delta` (SQL) to the count of month row x's duration (x = NEW or OLD) in both tables. */
function change(x: string, delta: string): string {
  const at = `('$."' || ${x}.duration || '"')`;
  const now = `coalesce(counts ->> ${at}, 0) + ${delta}`;
  // An emptied object is its header alone (at most 9 bytes): only such short blobs are turned into text to be compared.
  return TABLES.map((t) => `INSERT INTO ${t.table} (${t.key}, judge_id, division_id, counts)
      SELECT ${t.of(x)}, ${x}.judge_id, ${x}.division_id, jsonb_object(CAST(${x}.duration AS TEXT), ${delta}) WHERE ${delta} <> 0
      ON CONFLICT (${t.key}, judge_id, division_id) DO UPDATE SET counts = CASE WHEN ${now} = 0 THEN jsonb_remove(counts, ${at}) ELSE jsonb_set(counts, ${at}, ${now}) END;
    DELETE FROM ${t.table} WHERE ${t.key} = ${t.of(x)} AND judge_id = ${x}.judge_id AND division_id = ${x}.division_id
      AND length(counts) < 10 AND json(counts) = '{}';`).join('\n    ');
}

const KEY = ['month', 'judge_id', 'division_id', 'duration'];
const same = KEY.map((k) => `OLD.${k} IS NEW.${k}`).join(' AND ');

function up(db: Database): void {
  db.exec(`
    DROP TRIGGER tally_durations_month_year_insert;
    DROP TRIGGER tally_durations_month_year_delete;
    DROP TRIGGER tally_durations_month_year_update;
    DROP TRIGGER tally_durations_month_year_rekey;
    DROP TABLE tally_durations_year;
    CREATE TABLE tally_durations_month_counts (
      month TEXT NOT NULL, judge_id INTEGER NOT NULL, division_id INTEGER NOT NULL, counts BLOB NOT NULL,
      PRIMARY KEY (month, judge_id, division_id)
    );
    CREATE TABLE tally_durations_year_counts (
      year TEXT NOT NULL, judge_id INTEGER NOT NULL, division_id INTEGER NOT NULL, counts BLOB NOT NULL,
      PRIMARY KEY (year, judge_id, division_id)
    );
  `);
  fillDurationCounts(db);
  db.exec(`
    CREATE TRIGGER tally_durations_month_counts_insert AFTER INSERT ON tally_durations_month BEGIN
    ${change('NEW', 'NEW.n')}
    END;
    CREATE TRIGGER tally_durations_month_counts_delete AFTER DELETE ON tally_durations_month BEGIN
    ${change('OLD', '-OLD.n')}
    END;
    CREATE TRIGGER tally_durations_month_counts_update AFTER UPDATE ON tally_durations_month WHEN ${same} AND NEW.n IS NOT OLD.n BEGIN
    ${change('NEW', '(NEW.n - OLD.n)')}
    END;
    CREATE TRIGGER tally_durations_month_counts_rekey AFTER UPDATE ON tally_durations_month WHEN NOT (${same}) BEGIN
    ${change('OLD', '-OLD.n')}
    ${change('NEW', 'NEW.n')}
    END;
  `);
}

/**
 * Fills the empty count tables from the month rows, set-based (once here, and after a bulk load's rebuild with the
 * triggers off): a month object per month row group, a year object from the months' sums. Rows whose count is 0 give no key.
 */
export function fillDurationCounts(db: Database): void {
  db.exec(`
    INSERT INTO tally_durations_month_counts (month, judge_id, division_id, counts)
      SELECT month, judge_id, division_id, jsonb_group_object(duration, n) FROM tally_durations_month WHERE n <> 0 GROUP BY month, judge_id, division_id;
    INSERT INTO tally_durations_year_counts (year, judge_id, division_id, counts)
      SELECT year, judge_id, division_id, jsonb_group_object(duration, n)
      FROM (SELECT substr(month, 1, 4) AS year, judge_id, division_id, duration, sum(n) AS n FROM tally_durations_month GROUP BY 1, 2, 3, 4 HAVING sum(n) <> 0)
      GROUP BY year, judge_id, division_id;
  `);
}

export const migration0023: Migration = { version: DURATION_COUNTS_VERSION, name: 'the durations of a month and a year as counts per (judge, division), kept by triggers', up };
