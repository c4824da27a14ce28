// Migration 6: every free-text column of courts, cases, events and extension requests gets a length CHECK, the last
// line of the limits the API and the import already enforce; values longer than a limit are kept in full aside.
import type { Migration } from './types';

/*
 * SQLite adds a CHECK only by rebuilding the table (its documented twelve steps: a new table, the rows copied, the
 * old one dropped, the new one renamed, indexes made again), with foreign keys off for the duration, which the
 * migration runner does for migrations that say so and checks every reference again before committing. Row ids are
 * kept, so the search index (keyed by rowid) and every reference stay valid.
 *
 * Files written before the limits may hold longer values (one tester imported a 200 MB party name). Dropping them
 * would lose court data and refusing to open the file would lose the court: such a value is copied whole into
 * text_overflow and the column keeps its start with a note that the full text is kept aside.
 */
const OVERFLOW_NOTE = '…（原文过长，全文另存）';

/** A column's value within max characters: the value, or its start and the note. */
function fit(column: string, max: number): string {
  return `CASE WHEN length(${column}) > ${max} THEN substr(${column}, 1, ${max - OVERFLOW_NOTE.length}) || '${OVERFLOW_NOTE}' ELSE ${column} END`;
}

/** Keeps longer values whole: which table, row and column, and the text as it was. */
function keep(table: string, column: string, max: number): string {
  return `INSERT INTO text_overflow (table_name, row_id, column_name, value, moved_at)
    SELECT '${table}', id, '${column}', ${column}, strftime('%Y-%m-%dT%H:%M:%fZ', 'now') FROM ${table} WHERE length(${column}) > ${max};`;
}

export const migration0006: Migration = {
  version: 6,
  name: 'text limits: length CHECKs on every free-text column; longer values kept in text_overflow',
  rebuildsTables: true,
  up(db) {
    db.exec(`
      CREATE TABLE text_overflow (
        id INTEGER PRIMARY KEY,
        table_name TEXT NOT NULL,
        row_id INTEGER NOT NULL,
        column_name TEXT NOT NULL,
        value TEXT NOT NULL,
        moved_at TEXT NOT NULL
      );

      ${keep('courts', 'name', 50)}
      CREATE TABLE courts_new (
        id INTEGER PRIMARY KEY,
        code TEXT NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 10),
        name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 50),
        level TEXT NOT NULL CHECK (level = 'basic' OR level = 'intermediate'),
        is_self INTEGER NOT NULL DEFAULT 0 CHECK (is_self = 0 OR is_self = 1),
        row_version INTEGER NOT NULL,
        updated_at TEXT NOT NULL
      );
      INSERT INTO courts_new (id, code, name, level, is_self, row_version, updated_at)
        SELECT id, code, ${fit('name', 50)}, level, is_self, row_version, updated_at FROM courts;
      DROP TABLE courts;
      ALTER TABLE courts_new RENAME TO courts;
      CREATE UNIQUE INDEX courts_one_self ON courts(is_self) WHERE is_self = 1;

      ${keep('cases', 'plaintiffs', 4000)}
      ${keep('cases', 'defendants', 4000)}
      ${keep('cases', 'cause', 100)}
      CREATE TABLE cases_new (
        id INTEGER PRIMARY KEY,
        case_number TEXT NOT NULL UNIQUE CHECK (length(case_number) BETWEEN 1 AND 60),
        court_code TEXT NOT NULL CHECK (length(court_code) BETWEEN 1 AND 10),
        year INTEGER NOT NULL,
        type_code TEXT NOT NULL CHECK (length(type_code) BETWEEN 1 AND 8),
        seq INTEGER NOT NULL,
        procedure TEXT CHECK (procedure = '普通程序' OR procedure = '简易程序' OR procedure = '小额诉讼程序' OR procedure = '速裁程序'),
        limit_variant TEXT CHECK (limit_variant = 'ruling_appeal' OR limit_variant = 'heavy_sentence'),
        cause TEXT NOT NULL CHECK (length(cause) BETWEEN 1 AND 100),
        filed_on TEXT NOT NULL CHECK (length(filed_on) = 10),
        closed_on TEXT CHECK (closed_on IS NULL OR (closed_on >= filed_on AND length(closed_on) = 10)),
        closing_method TEXT CHECK (closing_method = '判决' OR closing_method = '调解' OR closing_method = '撤诉' OR closing_method = '驳回起诉' OR closing_method = '裁定' OR closing_method = '移送' OR closing_method = '执行完毕' OR closing_method = '终结本次执行' OR closing_method = '其他'),
        division_id INTEGER NOT NULL REFERENCES divisions(id),
        judge_id INTEGER NOT NULL REFERENCES staff(id),
        claim_amount_fen INTEGER,
        plaintiffs TEXT NOT NULL DEFAULT '' CHECK (length(plaintiffs) <= 4000),
        defendants TEXT NOT NULL DEFAULT '' CHECK (length(defendants) <= 4000),
        imported_deducted_days INTEGER NOT NULL DEFAULT 0 CHECK (imported_deducted_days >= 0),
        imported_extended_days INTEGER NOT NULL DEFAULT 0 CHECK (imported_extended_days >= 0),
        appealed INTEGER CHECK (appealed = 0 OR appealed = 1),
        appeal_outcome TEXT CHECK (appeal_outcome = '维持' OR appeal_outcome = '改判' OR appeal_outcome = '发回重审' OR appeal_outcome = '撤回上诉' OR appeal_outcome = '调解' OR appeal_outcome = '其他'),
        origin_case_number TEXT CHECK (length(origin_case_number) <= 60),
        enforcement_claim_fen INTEGER,
        enforcement_recovered_fen INTEGER,
        reviewed INTEGER CHECK (reviewed = 0 OR reviewed = 1),
        precedent_searched INTEGER CHECK (precedent_searched = 0 OR precedent_searched = 1),
        -- Derived by the time-limit engine in the transaction of each change (see migration 1).
        clock TEXT NOT NULL CHECK (clock = 'running' OR clock = 'suspended' OR clock = 'paused' OR clock = 'no_limit' OR clock = 'closed'),
        due_on TEXT,
        deducted_days INTEGER NOT NULL DEFAULT 0,
        ext_months INTEGER NOT NULL DEFAULT 0,
        ext_days INTEGER NOT NULL DEFAULT 0,
        duration_days INTEGER,
        closed_overdue INTEGER CHECK (closed_overdue = 0 OR closed_overdue = 1),
        row_version INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK ((closed_on IS NULL) = (closing_method IS NULL))
      );
      INSERT INTO cases_new (id, case_number, court_code, year, type_code, seq, procedure, limit_variant, cause, filed_on,
          closed_on, closing_method, division_id, judge_id, claim_amount_fen, plaintiffs, defendants, imported_deducted_days,
          imported_extended_days, appealed, appeal_outcome, origin_case_number, enforcement_claim_fen, enforcement_recovered_fen,
          reviewed, precedent_searched, clock, due_on, deducted_days, ext_months, ext_days, duration_days, closed_overdue,
          row_version, created_at, updated_at)
        SELECT id, case_number, court_code, year, type_code, seq, procedure, limit_variant, ${fit('cause', 100)}, filed_on,
          closed_on, closing_method, division_id, judge_id, claim_amount_fen, ${fit('plaintiffs', 4000)}, ${fit('defendants', 4000)},
          imported_deducted_days, imported_extended_days, appealed, appeal_outcome, origin_case_number, enforcement_claim_fen,
          enforcement_recovered_fen, reviewed, precedent_searched, clock, due_on, deducted_days, ext_months, ext_days,
          duration_days, closed_overdue, row_version, created_at, updated_at
        FROM cases;
      DROP TABLE cases;
      ALTER TABLE cases_new RENAME TO cases;
      CREATE INDEX cases_filed ON cases(filed_on);
      CREATE INDEX cases_open_filed ON cases(filed_on) WHERE closed_on IS NULL;
      CREATE INDEX cases_closed ON cases(closed_on) WHERE closed_on IS NOT NULL;
      CREATE INDEX cases_running_due ON cases(due_on) WHERE clock = 'running';
      CREATE INDEX cases_division_filed ON cases(division_id, filed_on);
      CREATE INDEX cases_judge_filed ON cases(judge_id, filed_on);
      CREATE INDEX cases_origin ON cases(origin_case_number) WHERE origin_case_number IS NOT NULL;
      CREATE INDEX cases_row_version ON cases(row_version);

      ${keep('case_events', 'note', 200)}
      CREATE TABLE case_events_new (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES cases(id),
        kind TEXT NOT NULL CHECK (kind = '公告' OR kind = '鉴定' OR kind = '审计' OR kind = '评估' OR kind = '和解' OR kind = '调解' OR kind = '管辖异议' OR kind = '中止' OR kind = '暂缓执行' OR kind = '拍卖'),
        from_on TEXT NOT NULL CHECK (length(from_on) = 10),
        to_on TEXT CHECK (to_on IS NULL OR (to_on >= from_on AND length(to_on) = 10)),
        note TEXT CHECK (length(note) <= 200),
        row_version INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      INSERT INTO case_events_new (id, case_id, kind, from_on, to_on, note, row_version, created_at, updated_at)
        SELECT id, case_id, kind, from_on, to_on, ${fit('note', 200)}, row_version, created_at, updated_at FROM case_events;
      DROP TABLE case_events;
      ALTER TABLE case_events_new RENAME TO case_events;
      CREATE INDEX case_events_case ON case_events(case_id);
      CREATE INDEX case_events_row_version ON case_events(row_version);

      ${keep('extension_requests', 'reason', 100)}
      ${keep('extension_requests', 'explanation', 2000)}
      CREATE TABLE extension_requests_new (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES cases(id),
        months INTEGER NOT NULL DEFAULT 0 CHECK (months >= 0),
        days INTEGER NOT NULL DEFAULT 0 CHECK (days >= 0),
        reason TEXT NOT NULL CHECK (length(reason) BETWEEN 1 AND 100),
        explanation TEXT CHECK (length(explanation) <= 2000),
        requested_by INTEGER REFERENCES staff(id),
        requested_on TEXT NOT NULL,
        late INTEGER NOT NULL DEFAULT 0 CHECK (late = 0 OR late = 1),
        status TEXT NOT NULL CHECK (status = 'pending' OR status = 'approved' OR status = 'rejected' OR status = 'higher_court'),
        decided_on TEXT,
        row_version INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK (months > 0 OR days > 0)
      );
      INSERT INTO extension_requests_new (id, case_id, months, days, reason, explanation, requested_by, requested_on, late, status,
          decided_on, row_version, created_at, updated_at)
        SELECT id, case_id, months, days, ${fit('reason', 100)}, ${fit('explanation', 2000)}, requested_by, requested_on, late, status,
          decided_on, row_version, created_at, updated_at FROM extension_requests;
      DROP TABLE extension_requests;
      ALTER TABLE extension_requests_new RENAME TO extension_requests;
      CREATE INDEX extension_requests_case ON extension_requests(case_id);
      CREATE INDEX extension_requests_pending ON extension_requests(status) WHERE status IN ('pending', 'higher_court');
      CREATE INDEX extension_requests_row_version ON extension_requests(row_version);

      ${keep('extension_decisions', 'comment', 2000)}
      CREATE TABLE extension_decisions_new (
        id INTEGER PRIMARY KEY,
        request_id INTEGER NOT NULL REFERENCES extension_requests(id),
        step TEXT NOT NULL CHECK (step = 'opinion' OR step = 'decision' OR step = 'higher_court'),
        outcome TEXT NOT NULL CHECK (outcome = 'agree' OR outcome = 'disagree' OR outcome = 'approved' OR outcome = 'rejected' OR outcome = 'forwarded'),
        decided_by INTEGER REFERENCES staff(id),
        decided_on TEXT NOT NULL,
        months INTEGER,
        days INTEGER,
        comment TEXT CHECK (length(comment) <= 2000),
        row_version INTEGER NOT NULL,
        created_at TEXT NOT NULL
      );
      INSERT INTO extension_decisions_new (id, request_id, step, outcome, decided_by, decided_on, months, days, comment, row_version, created_at)
        SELECT id, request_id, step, outcome, decided_by, decided_on, months, days, ${fit('comment', 2000)}, row_version, created_at
        FROM extension_decisions;
      DROP TABLE extension_decisions;
      ALTER TABLE extension_decisions_new RENAME TO extension_decisions;
      CREATE INDEX extension_decisions_request ON extension_decisions(request_id);
      CREATE INDEX extension_decisions_row_version ON extension_decisions(row_version);
    `);
  },
};
