// Test helper: migration 23's count objects of the durations as rows, to compare with the row tables and with a refill.
import type { Database } from 'better-sqlite3';

/**
 * The entries of a count table as rows (month or year, judge, division, duration, count) in key order: the objects
 * are compared as sets of entries, since the triggers add keys in the order the changes come.
 */
export function countRows(db: Database, table: 'tally_durations_month_counts' | 'tally_durations_year_counts'): unknown[][] {
  const key = table === 'tally_durations_month_counts' ? 'month' : 'year';
  return db.prepare(`SELECT t.${key}, t.judge_id, t.division_id, CAST(j.key AS INTEGER) AS duration, j.value FROM ${table} t, json_each(t.counts) j
    ORDER BY 1, 2, 3, 4`).raw().all() as unknown[][];
}
