// Migration 12: pre-aggregated indicator tallies (flow per day, durations per day, lazily materialized stock per day), kept by triggers on cases.
import type { Database } from 'better-sqlite3';
import type { Migration } from './types';

/*
 * Everything below is literal SQL built by functions local to this file (never the live code's constants), so the
 * migration keeps doing what it did. The rules are those of electron/core/indicators/sqlTallies.ts (addShape) and
 * caseConditions.ts at the time of writing; test/db/preaggTallies*.test.ts check the tallies against that plain pass.
 */

/** The flow counters a case adds to the row of its filing day (received) or of its closing day (resolved). */
const RECEIVED_COLUMNS: Array<[string, (x: string) => string]> = [
  ['received', () => '1'],
  ['case_count', (x) => `(${x}.type_code IN ('民初', '刑初', '行初'))`],
];
const RESOLVED_COLUMNS: Array<[string, (x: string) => string]> = [
  ['resolved', () => '1'],
  ['duration_sum', (x) => `coalesce(${x}.duration_days, 0)`],
  ['with_limit', (x) => `(${x}.closed_overdue IS NOT NULL)`],
  ['on_time', (x) => `coalesce(${x}.closed_overdue = 0, 0)`],
  ['extended', (x) => `(${x}.closed_overdue IS NOT NULL AND (${x}.ext_months > 0 OR ${x}.ext_days > 0))`],
  ['normal_on_time', (x) => `coalesce(${x}.closed_overdue = 0 AND NOT (${x}.ext_months > 0 OR ${x}.ext_days > 0), 0)`],
  ['first_resolved', (x) => `(${x}.type_code IN ('民初', '刑初', '行初'))`],
  ['first_judgment_or_ruling', (x) => `(${x}.type_code IN ('民初', '刑初', '行初') AND coalesce(${x}.closing_method IN ('判决', '裁定', '驳回起诉'), 0))`],
  ['first_appealed', (x) => `(${x}.type_code IN ('民初', '刑初', '行初') AND (coalesce(${x}.appealed, 0) = 1 OR ${x}.appeal_outcome IS NOT NULL))`],
  ['first_not_appealed', (x) => `(${x}.type_code IN ('民初', '刑初', '行初') AND NOT (coalesce(${x}.appealed, 0) = 1 OR ${x}.appeal_outcome IS NOT NULL))`],
  ['first_reversed', (x) => `(${x}.type_code IN ('民初', '刑初', '行初') AND coalesce(${x}.appeal_outcome = '改判', 0))`],
  ['first_remanded', (x) => `(${x}.type_code IN ('民初', '刑初', '行初') AND coalesce(${x}.appeal_outcome = '发回重审', 0))`],
  ['civil_resolved', (x) => `(substr(${x}.type_code, 1, 1) = '民')`],
  ['civil_mediated', (x) => `(substr(${x}.type_code, 1, 1) = '民' AND coalesce(${x}.closing_method = '调解', 0))`],
  ['civil_withdrawn', (x) => `(substr(${x}.type_code, 1, 1) = '民' AND coalesce(${x}.closing_method = '撤诉', 0))`],
  ['pre_mediation_closed', (x) => `(${x}.type_code = '诉前调')`],
  ['pre_mediation_settled', (x) => `(${x}.type_code = '诉前调' AND coalesce(${x}.closing_method IN ('调解', '撤诉'), 0))`],
  ['enforcement_resolved', (x) => `(${x}.type_code = '执')`],
  ['enforcement_completed', (x) => `(${x}.type_code = '执' AND coalesce(${x}.closing_method = '执行完毕', 0))`],
  ['enforcement_claim_fen', (x) => `CASE WHEN ${x}.type_code = '执' THEN coalesce(${x}.enforcement_claim_fen, 0) ELSE 0 END`],
  ['enforcement_recovered_fen', (x) => `CASE WHEN ${x}.type_code = '执' AND ${x}.enforcement_claim_fen IS NOT NULL THEN coalesce(${x}.enforcement_recovered_fen, 0) ELSE 0 END`],
  ['judgment_resolved', (x) => `coalesce(${x}.closing_method = '判决', 0)`],
  ['judgment_reviewed', (x) => `coalesce(${x}.closing_method = '判决' AND ${x}.reviewed = 1, 0)`],
  ['judgment_precedent', (x) => `coalesce(${x}.closing_method = '判决' AND ${x}.precedent_searched = 1, 0)`],
];
const FLOW = [...RECEIVED_COLUMNS, ...RESOLVED_COLUMNS].map(([c]) => c);
/** The columns of cases the flow counters read, and those the stock reads: an update of any other column fires nothing. */
const FLOW_SOURCES = ['filed_on', 'closed_on', 'judge_id', 'division_id', 'type_code', 'closing_method', 'closed_overdue', 'ext_months', 'ext_days',
  'appealed', 'appeal_outcome', 'reviewed', 'precedent_searched', 'duration_days', 'enforcement_claim_fen', 'enforcement_recovered_fen'];
const STOCK_SOURCES = ['filed_on', 'closed_on', 'judge_id', 'division_id', 'due_on'];
const AGE_MONTHS = [3, 6, 12, 18, 36];

/** SQL for addMonths(date, k) with the day clamped to the month's end (2025-01-31 + 1 month = 2025-02-28). */
export function addMonthsSql(date: string, k: number): string {
  return `min(date(${date}, 'start of month', '+${k} months', '+' || (CAST(substr(${date}, 9, 2) AS INTEGER) - 1) || ' days'), date(${date}, 'start of month', '+${k + 1} months', '-1 day'))`;
}
/** How many of the age bounds a case filed on `filed` is past at the end of `day` (the month rule: addMonths(filed, k) < day). */
function ageSql(filed: string, day: string): string {
  return AGE_MONTHS.map((k) => `(${addMonthsSql(filed, k)} < ${day})`).join(' + ');
}

function upsert(table: string, key: string[], cols: string[], values: string[], where: string, from = ''): string {
  const all = [...key, ...cols];
  return `INSERT INTO ${table} (${all.join(', ')}) SELECT ${values.join(', ')}${from} WHERE ${where}
    ON CONFLICT (${key.join(', ')}) DO UPDATE SET ${cols.map((c) => `${c} = ${c} + excluded.${c}`).join(', ')};`;
}

/** x's flow contribution (x = NEW or OLD), times sign. */
function flowSql(x: string, sign: 1 | -1): string {
  const s = sign === 1 ? '' : '-';
  const zeros = (list: Array<[string, unknown]>) => list.map(() => '0');
  const received = upsert('tally_day', ['day', 'judge_id', 'division_id'], FLOW,
    [`${x}.filed_on`, `${x}.judge_id`, `${x}.division_id`, ...RECEIVED_COLUMNS.map(([, f]) => `${s}(${f(x)})`), ...zeros(RESOLVED_COLUMNS)], '1');
  const resolved = upsert('tally_day', ['day', 'judge_id', 'division_id'], FLOW,
    [`${x}.closed_on`, `${x}.judge_id`, `${x}.division_id`, ...zeros(RECEIVED_COLUMNS), ...RESOLVED_COLUMNS.map(([, f]) => `${s}(${f(x)})`)], `${x}.closed_on IS NOT NULL`);
  const durations = upsert('tally_durations', ['day', 'judge_id', 'division_id', 'duration'], ['n'],
    [`${x}.closed_on`, `${x}.judge_id`, `${x}.division_id`, `${x}.duration_days`, `${s}1`], `${x}.closed_on IS NOT NULL AND ${x}.duration_days IS NOT NULL`);
  return `${received}\n${resolved}\n${durations}`;
}

const STOCK = ['pending', 'age0', 'age1', 'age2', 'age3', 'age4', 'age5', 'overdue'];
/** x's stock contribution on every materialized day it is pending at the end of, times sign. */
function stockSql(x: string, sign: 1 | -1): string {
  const s = sign === 1 ? '' : '-';
  return `INSERT INTO tally_stock (day, judge_id, division_id, ${STOCK.join(', ')})
    SELECT day, ${x}.judge_id, ${x}.division_id, ${s}1, ${[0, 1, 2, 3, 4, 5].map((i) => `${s}(a = ${i})`).join(', ')}, ${s}coalesce(${x}.due_on < day, 0)
    FROM (SELECT d.day AS day, ${ageSql(`${x}.filed_on`, 'd.day')} AS a FROM tally_stock_days d
          WHERE d.day >= ${x}.filed_on AND (${x}.closed_on IS NULL OR d.day < ${x}.closed_on))
    WHERE 1
    ON CONFLICT (day, judge_id, division_id) DO UPDATE SET ${STOCK.map((c) => `${c} = ${c} + excluded.${c}`).join(', ')};`;
}

const differs = (cols: string[]) => cols.map((c) => `OLD.${c} IS NOT NEW.${c}`).join(' OR ');

function up(db: Database): void {
  db.exec(`
    -- Flow: what the cases filed (received) and closed (resolved) on a day add, per judge and division.
    CREATE TABLE tally_day (
      day TEXT NOT NULL, judge_id INTEGER NOT NULL, division_id INTEGER NOT NULL,
      ${FLOW.map((c) => `${c} INTEGER NOT NULL DEFAULT 0`).join(', ')},
      PRIMARY KEY (day, judge_id, division_id)
    ) WITHOUT ROWID;
    -- The durations of the cases closed on a day (median and p90 need them all), as counts per value.
    CREATE TABLE tally_durations (
      day TEXT NOT NULL, judge_id INTEGER NOT NULL, division_id INTEGER NOT NULL, duration INTEGER NOT NULL, n INTEGER NOT NULL,
      PRIMARY KEY (day, judge_id, division_id, duration)
    ) WITHOUT ROWID;
    -- Stock: pending at the end of a day, by age bucket (3/6/12/18/36 months, the month rule) and past its due date.
    -- Only the days someone asked for are kept (tally_stock_days); a listed day without a row for a group means 0.
    CREATE TABLE tally_stock_days (day TEXT PRIMARY KEY) WITHOUT ROWID;
    CREATE TABLE tally_stock (
      day TEXT NOT NULL, judge_id INTEGER NOT NULL, division_id INTEGER NOT NULL,
      ${STOCK.map((c) => `${c} INTEGER NOT NULL DEFAULT 0`).join(', ')},
      PRIMARY KEY (day, judge_id, division_id)
    ) WITHOUT ROWID;
    CREATE INDEX mediations_ended ON mediations(ended_on) WHERE ended_on IS NOT NULL;
  `);
  fillFlowTallies(db);
  createTallyTriggers(db);
}

/**
 * Fills the empty flow tables from the cases there are, set-based: once here, and again by bulk loads that write
 * with the triggers off (indicators/tallyBulk.ts), while these remain the tally rules in force.
 */
export function fillFlowTallies(db: Database): void {
  const agg = (cols: Array<[string, (x: string) => string]>) => cols.map(([, f]) => `sum(${f('c')})`).join(', ');
  db.exec(`
    INSERT INTO tally_day (day, judge_id, division_id, ${RECEIVED_COLUMNS.map(([c]) => c).join(', ')})
      SELECT filed_on, judge_id, division_id, ${agg(RECEIVED_COLUMNS)} FROM cases c GROUP BY filed_on, judge_id, division_id;
    INSERT INTO tally_day (day, judge_id, division_id, ${RESOLVED_COLUMNS.map(([c]) => c).join(', ')})
      SELECT closed_on, judge_id, division_id, ${agg(RESOLVED_COLUMNS)} FROM cases c WHERE closed_on IS NOT NULL GROUP BY closed_on, judge_id, division_id
      ON CONFLICT (day, judge_id, division_id) DO UPDATE SET ${RESOLVED_COLUMNS.map(([c]) => `${c} = excluded.${c}`).join(', ')};
    INSERT INTO tally_durations (day, judge_id, division_id, duration, n)
      SELECT closed_on, judge_id, division_id, duration_days, count(*) FROM cases
      WHERE closed_on IS NOT NULL AND duration_days IS NOT NULL GROUP BY closed_on, judge_id, division_id, duration_days;
  `);
}

function createTallyTriggers(db: Database): void {
  // Triggers: every writer of cases (registration, edit, event, closing, extension, import, holiday roll, seed,
  // restore, a plain sqlite3 session) keeps the tallies in its own transaction without knowing of them.
  db.exec(`
    CREATE TRIGGER cases_tally_insert AFTER INSERT ON cases BEGIN
      ${flowSql('NEW', 1)}
      ${stockSql('NEW', 1)}
    END;
    CREATE TRIGGER cases_tally_delete AFTER DELETE ON cases BEGIN
      ${flowSql('OLD', -1)}
      ${stockSql('OLD', -1)}
    END;
    CREATE TRIGGER cases_tally_flow AFTER UPDATE OF ${FLOW_SOURCES.join(', ')} ON cases WHEN ${differs(FLOW_SOURCES)} BEGIN
      ${flowSql('OLD', -1)}
      ${flowSql('NEW', 1)}
    END;
    CREATE TRIGGER cases_tally_stock AFTER UPDATE OF ${STOCK_SOURCES.join(', ')} ON cases WHEN ${differs(STOCK_SOURCES)} BEGIN
      ${stockSql('OLD', -1)}
      ${stockSql('NEW', 1)}
    END;
  `);
}

export const migration0012: Migration = { version: 12, name: 'pre-aggregated indicator tallies kept by triggers', up };
