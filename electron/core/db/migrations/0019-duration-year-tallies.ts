// Migration 19: year rows of the durations, and the 案 whose linked cases need no walk, kept by triggers, so a year's median, p90 and 案-件比 read rows instead of the cases.
import type { Database } from 'better-sqlite3';
import type { Migration } from './types';

/** The number of this migration, written once: its test and the renumbering at a merge read it from here. */
export const YEAR_TALLIES_VERSION = 19;

/*
 * Literal SQL built by functions local to this file (never the live code's constants), so the migration keeps doing
 * what it did. tally_durations_year holds the sums of tally_durations_month's rows of each year ('YYYY'), as that table
 * holds those of tally_durations' days (migration 17): a year at 1M is 13,600 rows (pair, duration) instead of
 * 56,000 month rows, and a case's duration is whole days, so the counts per value keep median and p90 exact.
 */
const KEY = ['month', 'judge_id', 'division_id', 'duration'];

function upsert(values: string[]): string {
  return `INSERT INTO tally_durations_year (year, judge_id, division_id, duration, n) VALUES (${values.join(', ')})
      ON CONFLICT (year, judge_id, division_id, duration) DO UPDATE SET n = n + excluded.n;`;
}
const keyOf = (x: string) => [`substr(${x}.month, 1, 4)`, `${x}.judge_id`, `${x}.division_id`, `${x}.duration`];
const add = (x: string, sign: '' | '-') => upsert([...keyOf(x), `${sign}${x}.n`]);
const same = KEY.map((k) => `OLD.${k} IS NEW.${k}`).join(' AND ');

function up(db: Database): void {
  db.exec(`
    CREATE TABLE tally_durations_year (
      year TEXT NOT NULL, judge_id INTEGER NOT NULL, division_id INTEGER NOT NULL, duration INTEGER NOT NULL, n INTEGER NOT NULL,
      PRIMARY KEY (year, judge_id, division_id, duration)
    ) WITHOUT ROWID;
  `);
  fillDurationYears(db);
  linkSimpleUp(db);
  monthsUp(db);
  db.exec(`
    CREATE TRIGGER tally_durations_month_year_insert AFTER INSERT ON tally_durations_month BEGIN ${add('NEW', '')} END;
    CREATE TRIGGER tally_durations_month_year_delete AFTER DELETE ON tally_durations_month BEGIN ${add('OLD', '-')} END;
    CREATE TRIGGER tally_durations_month_year_update AFTER UPDATE ON tally_durations_month WHEN ${same} BEGIN
      ${upsert([...keyOf('NEW'), 'NEW.n - OLD.n'])}
    END;
    CREATE TRIGGER tally_durations_month_year_rekey AFTER UPDATE ON tally_durations_month WHEN NOT (${same}) BEGIN ${add('OLD', '-')} ${add('NEW', '')} END;
  `);
}

/** Fills the empty year table from the month rows (once here, and after a bulk load's rebuild with the triggers off). */
export function fillDurationYears(db: Database): void {
  db.exec(`INSERT INTO tally_durations_year (year, judge_id, division_id, duration, n)
    SELECT substr(month, 1, 4), judge_id, division_id, duration, sum(n) FROM tally_durations_month GROUP BY 1, 2, 3, 4`);
}

export const migration0019: Migration = { version: YEAR_TALLIES_VERSION, name: 'year rows of the durations and the 案 whose linked cases need no walk, kept by triggers', up };

/*
 * The 案-件比 walk (preaggTallies.ts) follows 原审案号 links from every 案 of the period that some case names (tally_links):
 * 15,000 seeds and 16,000 cases reached for a year at 1M, 26 ms of index seeks. Most are a 民初 with no 原审案号 of its
 * own whose linked cases (执 mostly) are not first-instance and are named by no case in turn: each such case is
 * reached from that 案 alone (a case names one 原审案号, so only its ancestors reach it, and the 案 has none), and is
 * no 案 itself, so it is one 件 of exactly the seed's groups. tally_links.simple holds that number of linked cases for
 * such a 案 (0 for any other, which is walked as before): the period reads a sum instead of walking them.
 */
const FIRST = (x: string) => `${x}.type_code IN ('民初', '刑初', '行初')`;
/** simple of the case p (alias of cases). */
const SIMPLE = `CASE WHEN p.origin_case_number IS NULL AND NOT EXISTS (SELECT 1 FROM cases d WHERE d.origin_case_number = p.case_number
      AND (${FIRST('d')} OR EXISTS (SELECT 1 FROM cases e WHERE e.origin_case_number = d.case_number)))
    THEN (SELECT count(*) FROM cases d WHERE d.origin_case_number = p.case_number) ELSE 0 END`;

/** Re-derives tally_links' rows of the cases numbered by `nums` (an SQL list or subquery in brackets), with simple. */
function refreshLinks(nums: string): string {
  return `DELETE FROM tally_links WHERE case_number IN ${nums};
    INSERT INTO tally_links (case_number, filed_on, judge_id, division_id, simple)
      SELECT p.case_number, p.filed_on, p.judge_id, p.division_id, ${SIMPLE} FROM cases p
      WHERE p.case_number IN ${nums} AND ${FIRST('p')} AND EXISTS (SELECT 1 FROM cases d WHERE d.origin_case_number = p.case_number);`;
}
/** The 原审案号 of the case numbered num: a case gaining or losing a linked case changes its own 原审's simple. */
const originOf = (num: string) => `(SELECT origin_case_number FROM cases WHERE case_number = ${num})`;

const LINK_SOURCES = ['case_number', 'origin_case_number', 'filed_on', 'judge_id', 'division_id', 'type_code'];
const differs = (cols: string[]) => cols.map((c) => `OLD.${c} IS NOT NEW.${c}`).join(' OR ');

/**
 * Adds simple, and replaces migration 17's link triggers (same names, so tallyBulk.ts drops and recreates them as
 * before) with ones that also re-derive the 案 two steps up: whether a linked case is itself named decides its 原审's simple.
 */
function linkSimpleUp(db: Database): void {
  db.exec(`
    ALTER TABLE tally_links ADD COLUMN simple INTEGER NOT NULL DEFAULT 0;
    DROP INDEX tally_links_filed;
    CREATE INDEX tally_links_filed ON tally_links(filed_on, judge_id, division_id, simple, case_number);
    DROP TRIGGER cases_tally_links_insert;
    DROP TRIGGER cases_tally_links_delete;
    DROP TRIGGER cases_tally_links_update;
  `);
  fillLinkSimple(db);
  db.exec(`
    CREATE TRIGGER cases_tally_links_insert AFTER INSERT ON cases
      WHEN ${FIRST('NEW')} OR NEW.origin_case_number IS NOT NULL BEGIN
      ${refreshLinks('(NEW.case_number, NEW.origin_case_number)')}
      ${refreshLinks(originOf('NEW.origin_case_number'))}
    END;
    CREATE TRIGGER cases_tally_links_delete AFTER DELETE ON cases
      WHEN ${FIRST('OLD')} OR OLD.origin_case_number IS NOT NULL BEGIN
      ${refreshLinks('(OLD.case_number, OLD.origin_case_number)')}
      ${refreshLinks(originOf('OLD.origin_case_number'))}
    END;
    CREATE TRIGGER cases_tally_links_update AFTER UPDATE OF ${LINK_SOURCES.join(', ')} ON cases WHEN ${differs(LINK_SOURCES)} BEGIN
      ${refreshLinks('(OLD.case_number, NEW.case_number, OLD.origin_case_number, NEW.origin_case_number)')}
      ${refreshLinks(originOf('OLD.origin_case_number'))}
      ${refreshLinks(originOf('NEW.origin_case_number'))}
    END;
  `);
}

/** Sets simple on every row of tally_links (here, and after a bulk load refilled the table with simple 0, which is walked). */
export function fillLinkSimple(db: Database): void {
  db.exec(`UPDATE tally_links SET simple = (SELECT ${SIMPLE} FROM cases p WHERE p.case_number = tally_links.case_number)`);
}

/*
 * Month rows of the 先行调解 counters and of simple, by ending and filing month, kept by triggers on their day tables
 * as migration 17's month rows are: a year sums a few hundred rows instead of grouping 7,000 and 14,000.
 */
const MONTHS = [
  { source: 'tally_mediation', day: 'day', target: 'tally_mediation_month', cols: ['ended', 'settled'] },
  { source: 'tally_links', day: 'filed_on', target: 'tally_links_month', cols: ['simple'] },
] as const;

function monthUpsert(target: string, cols: readonly string[], values: string[]): string {
  return `INSERT INTO ${target} (month, judge_id, division_id, ${cols.join(', ')}) VALUES (${values.join(', ')})
      ON CONFLICT (month, judge_id, division_id) DO UPDATE SET ${cols.map((c) => `${c} = ${c} + excluded.${c}`).join(', ')};`;
}

function monthsUp(db: Database): void {
  for (const m of MONTHS) {
    const keyOf = (x: string) => [`substr(${x}.${m.day}, 1, 7)`, `${x}.judge_id`, `${x}.division_id`];
    const add = (x: string, sign: '' | '-') => monthUpsert(m.target, m.cols, [...keyOf(x), ...m.cols.map((c) => `${sign}${x}.${c}`)]);
    db.exec(`
      CREATE TABLE ${m.target} (
        month TEXT NOT NULL, judge_id INTEGER NOT NULL, division_id INTEGER NOT NULL,
        ${m.cols.map((c) => `${c} INTEGER NOT NULL DEFAULT 0`).join(', ')},
        PRIMARY KEY (month, judge_id, division_id)
      ) WITHOUT ROWID;
      CREATE TRIGGER ${m.source}_month_insert AFTER INSERT ON ${m.source} BEGIN ${add('NEW', '')} END;
      CREATE TRIGGER ${m.source}_month_delete AFTER DELETE ON ${m.source} BEGIN ${add('OLD', '-')} END;
      CREATE TRIGGER ${m.source}_month_update AFTER UPDATE ON ${m.source} BEGIN ${add('OLD', '-')} ${add('NEW', '')} END;
    `);
  }
  fillMonths(db);
}

/** Fills the empty month tables of the 先行调解 counters and of simple (here, and after a bulk load's rebuild with the triggers off). */
export function fillMonths(db: Database): void {
  for (const m of MONTHS) {
    db.exec(`INSERT INTO ${m.target} (month, judge_id, division_id, ${m.cols.join(', ')})
      SELECT substr(${m.day}, 1, 7), judge_id, division_id, ${m.cols.map((c) => `sum(${c})`).join(', ')} FROM ${m.source} GROUP BY 1, 2, 3`);
  }
}
