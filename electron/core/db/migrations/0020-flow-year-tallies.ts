// Migration 20: year rows of the flow counters (tally_year), the sums of tally_month's rows of each year, kept by triggers, so a year's flow reads one row per pair instead of twelve.
import type { Database } from 'better-sqlite3';
import type { Migration } from './types';

/** The number of this migration, written once: its test and the renumbering at a merge read it from here. */
export const FLOW_YEAR_VERSION = 20;

/*
 * Literal SQL built by functions local to this file (never the live code's constants), so the migration keeps doing
 * what it did. tally_year holds, per year ('YYYY'), judge and division, the sums of tally_month's counters, as that
 * table holds those of tally_day (migration 17): the last 365 days at 1M read 60 year rows, 60 month rows and a week
 * of day rows instead of 720 month rows, each of 26 counters.
 */
function counters(db: Database): string[] {
  return db.prepare("SELECT name FROM pragma_table_info('tally_month') WHERE name NOT IN ('month', 'judge_id', 'division_id') ORDER BY cid").pluck().all() as string[];
}

const KEY = ['month', 'judge_id', 'division_id'];

function triggers(cols: string[]): string {
  const upsert = (values: string[]) => `INSERT INTO tally_year (year, judge_id, division_id, ${cols.join(', ')}) VALUES (${values.join(', ')})
      ON CONFLICT (year, judge_id, division_id) DO UPDATE SET ${cols.map((c) => `${c} = ${c} + excluded.${c}`).join(', ')};`;
  const keyOf = (x: string) => [`substr(${x}.month, 1, 4)`, `${x}.judge_id`, `${x}.division_id`];
  const add = (x: string, sign: '' | '-') => upsert([...keyOf(x), ...cols.map((c) => `${sign}${x}.${c}`)]);
  const same = KEY.map((k) => `OLD.${k} IS NEW.${k}`).join(' AND ');
  return `
    CREATE TRIGGER tally_month_year_insert AFTER INSERT ON tally_month BEGIN ${add('NEW', '')} END;
    CREATE TRIGGER tally_month_year_delete AFTER DELETE ON tally_month BEGIN ${add('OLD', '-')} END;
    CREATE TRIGGER tally_month_year_update AFTER UPDATE ON tally_month WHEN ${same} BEGIN
      ${upsert([...keyOf('NEW'), ...cols.map((c) => `NEW.${c} - OLD.${c}`)])}
    END;
    CREATE TRIGGER tally_month_year_rekey AFTER UPDATE ON tally_month WHEN NOT (${same}) BEGIN ${add('OLD', '-')} ${add('NEW', '')} END;`;
}

function up(db: Database): void {
  const cols = counters(db);
  db.exec(`
    CREATE TABLE tally_year (
      year TEXT NOT NULL, judge_id INTEGER NOT NULL, division_id INTEGER NOT NULL,
      ${cols.map((c) => `${c} INTEGER NOT NULL DEFAULT 0`).join(', ')},
      PRIMARY KEY (year, judge_id, division_id)
    ) WITHOUT ROWID;
  `);
  fillFlowYears(db);
  db.exec(triggers(cols));
}

/** Fills the empty year table from the month rows (once here, and after a bulk load's rebuild with the triggers off). */
export function fillFlowYears(db: Database): void {
  const cols = counters(db);
  db.exec(`INSERT INTO tally_year (year, judge_id, division_id, ${cols.join(', ')})
    SELECT substr(month, 1, 4), judge_id, division_id, ${cols.map((c) => `sum(${c})`).join(', ')} FROM tally_month GROUP BY 1, 2, 3`);
}

export const migration0020: Migration = { version: FLOW_YEAR_VERSION, name: 'year rows of the flow counters, kept by triggers', up };
