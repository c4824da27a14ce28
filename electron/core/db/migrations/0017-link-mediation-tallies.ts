// Migration 17: month rows beside the day rows, the 先行调解 counters and the 案 with linked cases, kept by triggers, so a period reads tally rows instead of cases.
import type { Database } from 'better-sqlite3';
import type { Migration } from './types';

/*
 * Literal SQL built by functions local to this file (never the live code's constants), so the migration keeps doing
 * what it did. The rules are those of electron/core/indicators/sqlTallies.ts (mediationSql, SETTLED_BY_TO of
 * caseConditions.ts, itemCounts) at the time of writing; test/db/preaggTallies*.test.ts check the figures read
 * from these tables against that plain pass after random changes.
 *
 * A case has at most one 先行调解 (mediations.case_id is UNIQUE), so a case's contribution is a function of its own
 * row and its mediation's: every trigger takes out the old pair's and adds the new one's.
 */
const SETTLED = (m: string) => `(${m}.ended_on IS NOT NULL AND ${m}.outcome <> '调解不成转审理')`;

/**
 * The contribution of case x with mediation m (aliases or NEW/OLD), times sign, to
 * - tally_mediation: 先行调解 of 民初 cases ended on a day (mediationSql: ended, settled), per the case's pair;
 * - tally_advance: cases whose 先行调解 ended settled, by filing day and ending day (SETTLED_BY_TO: a received case
 *   counts when its settled ending is on or before the period's last day).
 * `from` joins the other side in (FROM … WHERE its key matches).
 */
function mediationSql(x: string, m: string, sign: 1 | -1, from: string): string {
  const s = sign === 1 ? '' : '-';
  return `INSERT INTO tally_mediation (day, judge_id, division_id, ended, settled)
      SELECT ${m}.ended_on, ${x}.judge_id, ${x}.division_id, ${s}1, ${s}${SETTLED(m)}${from}
      AND ${m}.ended_on IS NOT NULL AND ${x}.type_code = '民初'
      ON CONFLICT (day, judge_id, division_id) DO UPDATE SET ended = ended + excluded.ended, settled = settled + excluded.settled;
    INSERT INTO tally_advance (filed_on, judge_id, division_id, settled_on, n)
      SELECT ${x}.filed_on, ${x}.judge_id, ${x}.division_id, ${m}.ended_on, ${s}1${from}
      AND ${SETTLED(m)}
      ON CONFLICT (filed_on, judge_id, division_id, settled_on) DO UPDATE SET n = n + excluded.n;`;
}

/*
 * Month rows: tally_month and tally_durations_month hold the sums of tally_day's and tally_durations' rows of each
 * month ('YYYY-MM'), kept by triggers on those two tables (so by whatever keeps them, with their rules, not a copy):
 * a year reads twelve rows per pair instead of 365.
 */
function flowColumns(db: Database): string[] {
  return (db.prepare("SELECT name FROM pragma_table_info('tally_day') WHERE name NOT IN ('day', 'judge_id', 'division_id') ORDER BY cid").pluck().all() as string[]);
}
function monthUpsert(table: string, key: string[], cols: string[], values: string[]): string {
  return `INSERT INTO ${table} (${[...key, ...cols].join(', ')}) VALUES (${values.join(', ')})
      ON CONFLICT (${key.join(', ')}) DO UPDATE SET ${cols.map((c) => `${c} = ${c} + excluded.${c}`).join(', ')};`;
}
function monthTriggers(source: string, target: string, key: string[], cols: string[]): string {
  const keyOf = (x: string) => [`substr(${x}.day, 1, 7)`, ...key.slice(1).map((k) => `${x}.${k}`)];
  const keys = ['month', ...key.slice(1)];
  const add = (x: string, sign: string) => monthUpsert(target, keys, cols, [...keyOf(x), ...cols.map((c) => `${sign}${x}.${c}`)]);
  const same = key.map((k) => `OLD.${k} IS NEW.${k}`).join(' AND ');
  return `
    CREATE TRIGGER ${source}_month_insert AFTER INSERT ON ${source} BEGIN ${add('NEW', '')} END;
    CREATE TRIGGER ${source}_month_delete AFTER DELETE ON ${source} BEGIN ${add('OLD', '-')} END;
    CREATE TRIGGER ${source}_month_update AFTER UPDATE ON ${source} WHEN ${same} BEGIN
      ${monthUpsert(target, keys, cols, [...keyOf('NEW'), ...cols.map((c) => `NEW.${c} - OLD.${c}`)])}
    END;
    CREATE TRIGGER ${source}_month_rekey AFTER UPDATE ON ${source} WHEN NOT (${same}) BEGIN ${add('OLD', '-')} ${add('NEW', '')} END;`;
}
const DURATION_KEY = ['day', 'judge_id', 'division_id', 'duration'];

const FIRST = (x: string) => `${x}.type_code IN ('民初', '刑初', '行初')`;
/**
 * Re-derives tally_links' row for the case numbered `num`: present when that case is first-instance and some case
 * names it as 原审案号. A NULL number matches nothing.
 */
function refreshLink(num: string): string {
  return `DELETE FROM tally_links WHERE case_number = ${num};
    INSERT INTO tally_links (case_number, filed_on, judge_id, division_id)
      SELECT p.case_number, p.filed_on, p.judge_id, p.division_id FROM cases p
      WHERE p.case_number = ${num} AND ${FIRST('p')} AND EXISTS (SELECT 1 FROM cases d WHERE d.origin_case_number = p.case_number);`;
}

const MEDIATION_CASE = ['judge_id', 'division_id', 'type_code', 'filed_on'];
const LINK_SOURCES = ['case_number', 'origin_case_number', 'filed_on', 'judge_id', 'division_id', 'type_code'];
const differs = (cols: string[]) => cols.map((c) => `OLD.${c} IS NOT NEW.${c}`).join(' OR ');

function up(db: Database): void {
  db.exec(`
    -- 先行调解 of 民初 cases ended on a day, per the case's judge and division.
    CREATE TABLE tally_mediation (
      day TEXT NOT NULL, judge_id INTEGER NOT NULL, division_id INTEGER NOT NULL,
      ended INTEGER NOT NULL DEFAULT 0, settled INTEGER NOT NULL DEFAULT 0,
      PRIMARY KEY (day, judge_id, division_id)
    ) WITHOUT ROWID;
    -- Cases whose 先行调解 ended settled, by filing day and ending day.
    CREATE TABLE tally_advance (
      filed_on TEXT NOT NULL, judge_id INTEGER NOT NULL, division_id INTEGER NOT NULL, settled_on TEXT NOT NULL, n INTEGER NOT NULL,
      PRIMARY KEY (filed_on, judge_id, division_id, settled_on)
    ) WITHOUT ROWID;
    -- The first-instance cases some case names as 原审案号: where the 案-件比 walk starts (a few of a period's 案).
    CREATE TABLE tally_links (
      case_number TEXT PRIMARY KEY, filed_on TEXT NOT NULL, judge_id INTEGER NOT NULL, division_id INTEGER NOT NULL
    ) WITHOUT ROWID;
    CREATE INDEX tally_links_filed ON tally_links(filed_on, judge_id, division_id, case_number);
    -- The 案-件比 walk's step also asks whether the case reached is itself a 案 of the period, and whose: from the
    -- index, not the row (16,000 row reads for a year at 1M).
    DROP INDEX cases_origin;
    CREATE INDEX cases_origin ON cases(origin_case_number, case_number, filed_on, type_code, judge_id, division_id) WHERE origin_case_number IS NOT NULL;
    CREATE TABLE tally_month (
      month TEXT NOT NULL, judge_id INTEGER NOT NULL, division_id INTEGER NOT NULL,
      ${flowColumns(db).map((c) => `${c} INTEGER NOT NULL DEFAULT 0`).join(', ')},
      PRIMARY KEY (month, judge_id, division_id)
    ) WITHOUT ROWID;
    CREATE TABLE tally_durations_month (
      month TEXT NOT NULL, judge_id INTEGER NOT NULL, division_id INTEGER NOT NULL, duration INTEGER NOT NULL, n INTEGER NOT NULL,
      PRIMARY KEY (month, judge_id, division_id, duration)
    ) WITHOUT ROWID;
  `);
  fillLinkMediationTallies(db);
  fillMonthTallies(db);
  db.exec(monthTriggers('tally_day', 'tally_month', ['day', 'judge_id', 'division_id'], flowColumns(db)));
  db.exec(monthTriggers('tally_durations', 'tally_durations_month', DURATION_KEY, ['n']));
  // Triggers named cases_tally_* are those indicators/tallyBulk.ts drops for a bulk load and recreates.
  db.exec(`
    CREATE TRIGGER mediations_tally_insert AFTER INSERT ON mediations BEGIN
      ${mediationSql('c', 'NEW', 1, ' FROM cases c WHERE c.id = NEW.case_id')}
    END;
    CREATE TRIGGER mediations_tally_delete AFTER DELETE ON mediations BEGIN
      ${mediationSql('c', 'OLD', -1, ' FROM cases c WHERE c.id = OLD.case_id')}
    END;
    CREATE TRIGGER mediations_tally_update AFTER UPDATE OF case_id, ended_on, outcome ON mediations
      WHEN ${differs(['case_id', 'ended_on', 'outcome'])} BEGIN
      ${mediationSql('c', 'OLD', -1, ' FROM cases c WHERE c.id = OLD.case_id')}
      ${mediationSql('c', 'NEW', 1, ' FROM cases c WHERE c.id = NEW.case_id')}
    END;
    CREATE TRIGGER cases_tally_mediation_insert AFTER INSERT ON cases BEGIN
      ${mediationSql('NEW', 'm', 1, ' FROM mediations m WHERE m.case_id = NEW.id')}
    END;
    CREATE TRIGGER cases_tally_mediation_delete AFTER DELETE ON cases BEGIN
      ${mediationSql('OLD', 'm', -1, ' FROM mediations m WHERE m.case_id = OLD.id')}
    END;
    CREATE TRIGGER cases_tally_mediation_update AFTER UPDATE OF ${MEDIATION_CASE.join(', ')} ON cases WHEN ${differs(MEDIATION_CASE)} BEGIN
      ${mediationSql('OLD', 'm', -1, ' FROM mediations m WHERE m.case_id = OLD.id')}
      ${mediationSql('NEW', 'm', 1, ' FROM mediations m WHERE m.case_id = NEW.id')}
    END;
    -- A new case: itself, if first-instance and already named by others (an import may bring the later case first),
    -- and the case it names.
    CREATE TRIGGER cases_tally_links_insert AFTER INSERT ON cases
      WHEN ${FIRST('NEW')} OR NEW.origin_case_number IS NOT NULL BEGIN
      ${refreshLink('NEW.case_number')}
      ${refreshLink('NEW.origin_case_number')}
    END;
    CREATE TRIGGER cases_tally_links_delete AFTER DELETE ON cases
      WHEN ${FIRST('OLD')} OR OLD.origin_case_number IS NOT NULL BEGIN
      ${refreshLink('OLD.case_number')}
      ${refreshLink('OLD.origin_case_number')}
    END;
    CREATE TRIGGER cases_tally_links_update AFTER UPDATE OF ${LINK_SOURCES.join(', ')} ON cases WHEN ${differs(LINK_SOURCES)} BEGIN
      ${refreshLink('OLD.case_number')}
      ${refreshLink('NEW.case_number')}
      ${refreshLink('OLD.origin_case_number')}
      ${refreshLink('NEW.origin_case_number')}
    END;
  `);
}

/**
 * Fills the empty tables of this migration from the cases and mediations there are, set-based: once here, and again
 * by bulk loads that write with the cases' triggers off (indicators/tallyBulk.ts), while these remain the rules in force.
 */
export function fillLinkMediationTallies(db: Database): void {
  db.exec(`
    INSERT INTO tally_mediation (day, judge_id, division_id, ended, settled)
      SELECT m.ended_on, c.judge_id, c.division_id, count(*), sum(${SETTLED('m')}) FROM mediations m JOIN cases c ON c.id = m.case_id
      WHERE m.ended_on IS NOT NULL AND c.type_code = '民初' GROUP BY m.ended_on, c.judge_id, c.division_id;
    INSERT INTO tally_advance (filed_on, judge_id, division_id, settled_on, n)
      SELECT c.filed_on, c.judge_id, c.division_id, m.ended_on, count(*) FROM mediations m JOIN cases c ON c.id = m.case_id
      WHERE ${SETTLED('m')} GROUP BY c.filed_on, c.judge_id, c.division_id, m.ended_on;
    INSERT INTO tally_links (case_number, filed_on, judge_id, division_id)
      SELECT p.case_number, p.filed_on, p.judge_id, p.division_id FROM cases p
      WHERE ${FIRST('p')} AND EXISTS (SELECT 1 FROM cases d WHERE d.origin_case_number = p.case_number);
  `);
}

/** Fills the empty month tables from the day tables (once here, and after a bulk load's rebuild with their triggers off). */
export function fillMonthTallies(db: Database): void {
  const cols = flowColumns(db);
  db.exec(`
    INSERT INTO tally_month (month, judge_id, division_id, ${cols.join(', ')})
      SELECT substr(day, 1, 7), judge_id, division_id, ${cols.map((c) => `sum(${c})`).join(', ')} FROM tally_day GROUP BY 1, 2, 3;
    INSERT INTO tally_durations_month (month, judge_id, division_id, duration, n)
      SELECT substr(day, 1, 7), judge_id, division_id, duration, sum(n) FROM tally_durations GROUP BY 1, 2, 3, 4;
  `);
}

export const migration0017: Migration = { version: 17, name: '先行调解 counters and the 案 with linked cases kept by triggers', up };
