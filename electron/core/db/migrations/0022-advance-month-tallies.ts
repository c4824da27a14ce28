// Migration 22: month rows of tally_advance by filing month, kept by triggers, and an index on its ending day, so a year's "received and settled by `to`" reads a few hundred rows instead of grouping 7,900.
import type { Database } from 'better-sqlite3';
import type { Migration } from './types';

/** The number of this migration, written once: its test and the renumbering at a merge read it from here. */
export const ADVANCE_MONTH_VERSION = 22;

/*
 * Literal SQL local to this file (never the live code's constants), so the migration keeps doing what it did.
 * tally_advance_month holds the sums of tally_advance's n per filing month ('YYYY-MM') and pair, over every ending
 * day: it answers "filed in the period and settled by `to`" only where nothing filed in the period settled after
 * `to`, which the index tally_advance_settled finds with a seek (the usual period ends today, and nothing ends after
 * today). The triggers are those of migration 19's month rows of 先行调解 and simple.
 */
function monthUpsert(values: string[]): string {
  return `INSERT INTO tally_advance_month (month, judge_id, division_id, n) VALUES (${values.join(', ')})
      ON CONFLICT (month, judge_id, division_id) DO UPDATE SET n = n + excluded.n;`;
}
const add = (x: string, sign: '' | '-') => monthUpsert([`substr(${x}.filed_on, 1, 7)`, `${x}.judge_id`, `${x}.division_id`, `${sign}${x}.n`]);

function up(db: Database): void {
  db.exec(`
    CREATE TABLE tally_advance_month (
      month TEXT NOT NULL, judge_id INTEGER NOT NULL, division_id INTEGER NOT NULL, n INTEGER NOT NULL DEFAULT 0,
      PRIMARY KEY (month, judge_id, division_id)
    ) WITHOUT ROWID;
    CREATE INDEX tally_advance_settled ON tally_advance(settled_on);
  `);
  fillAdvanceMonths(db);
  db.exec(`
    CREATE TRIGGER tally_advance_month_insert AFTER INSERT ON tally_advance BEGIN ${add('NEW', '')} END;
    CREATE TRIGGER tally_advance_month_delete AFTER DELETE ON tally_advance BEGIN ${add('OLD', '-')} END;
    CREATE TRIGGER tally_advance_month_update AFTER UPDATE ON tally_advance BEGIN ${add('OLD', '-')} ${add('NEW', '')} END;
  `);
}

/** Fills the empty month table from tally_advance (once here, and after a bulk load's rebuild with the triggers off). */
export function fillAdvanceMonths(db: Database): void {
  db.exec(`INSERT INTO tally_advance_month (month, judge_id, division_id, n)
    SELECT substr(filed_on, 1, 7), judge_id, division_id, sum(n) FROM tally_advance GROUP BY 1, 2, 3`);
}

export const migration0022: Migration = { version: ADVANCE_MONTH_VERSION, name: 'month rows of the cases settled by 先行调解, kept by triggers', up };
