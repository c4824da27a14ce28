// Migration 1: the core tables (courts, divisions, staff, cases, events, extensions, audit log, deletions, settings).
import type { Migration } from './types';

/*
 * The SQL is the text this migration has run since 12f8b11, spelled out: the first release (ac174bc) wrote the same
 * CHECKs as `x IN (...)` lists, which SQLite evaluates through a temporary table on every row and which made each
 * insert into cases twice as slow, so 12f8b11 switched to plain comparisons (same meaning; files created by the first
 * release keep their IN lists). Comments inside a CREATE statement are stored in sqlite_schema, so the text is never
 * edited, only superseded by a later migration.
 *
 * Every table that travels to the intermediate court carries row_version, stamped from row_clock in the writing
 * transaction, so an incremental export takes rows above the last exported version. `deletions` is there for the same
 * export: it is to be filled where rows are deleted, and nothing deletes exported rows yet, so it stays empty. Derived
 * deadline columns on cases are written in the same transaction as the change that moves them, so lists and
 * indicators read them without recomputing a million deadlines.
 *
 * The audit_log comment below says "verified by a later issue's 'audit verify'": that later issue shipped, it is
 * `courtdesk audit verify` (verifyAuditChain in audit/auditLog.ts).
 */
export const migration0001: Migration = {
  version: 1,
  name: 'core tables: courts, divisions, staff, cases, events, extensions, audit, deletions, settings',
  up(db) {
    db.exec(`
        CREATE TABLE row_clock (
          id INTEGER PRIMARY KEY CHECK (id = 1),
          version INTEGER NOT NULL
        );
        INSERT INTO row_clock (id, version) VALUES (1, 0);

        CREATE TABLE courts (
          id INTEGER PRIMARY KEY,
          code TEXT NOT NULL UNIQUE,
          name TEXT NOT NULL,
          level TEXT NOT NULL CHECK (level = 'basic' OR level = 'intermediate'),
          is_self INTEGER NOT NULL DEFAULT 0 CHECK (is_self = 0 OR is_self = 1),
          row_version INTEGER NOT NULL,
          updated_at TEXT NOT NULL
        );
        CREATE UNIQUE INDEX courts_one_self ON courts(is_self) WHERE is_self = 1;

        CREATE TABLE divisions (
          id INTEGER PRIMARY KEY,
          court_id INTEGER NOT NULL REFERENCES courts(id),
          name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 50),
          kind TEXT NOT NULL CHECK (kind = 'division' OR kind = 'tribunal' OR kind = 'enforcement' OR kind = 'office'),
          active INTEGER NOT NULL DEFAULT 1 CHECK (active = 0 OR active = 1),
          row_version INTEGER NOT NULL,
          updated_at TEXT NOT NULL,
          UNIQUE (court_id, name)
        );

        CREATE TABLE staff (
          id INTEGER PRIMARY KEY,
          court_id INTEGER NOT NULL REFERENCES courts(id),
          name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 20),
          division_id INTEGER REFERENCES divisions(id),
          active INTEGER NOT NULL DEFAULT 1 CHECK (active = 0 OR active = 1),
          row_version INTEGER NOT NULL,
          updated_at TEXT NOT NULL,
          UNIQUE (court_id, name)
        );

        CREATE TABLE staff_roles (
          staff_id INTEGER NOT NULL REFERENCES staff(id),
          role TEXT NOT NULL CHECK (role = 'clerk' OR role = 'assistant' OR role = 'judge' OR role = 'division_head' OR role = 'vice_president' OR role = 'president' OR role = 'statistician' OR role = 'admin'),
          PRIMARY KEY (staff_id, role)
        ) WITHOUT ROWID;

        CREATE TABLE cases (
          id INTEGER PRIMARY KEY,
          case_number TEXT NOT NULL UNIQUE,
          court_code TEXT NOT NULL,
          year INTEGER NOT NULL,
          type_code TEXT NOT NULL,
          seq INTEGER NOT NULL,
          procedure TEXT CHECK (procedure = '普通程序' OR procedure = '简易程序' OR procedure = '小额诉讼程序' OR procedure = '速裁程序'),
          limit_variant TEXT CHECK (limit_variant = 'ruling_appeal' OR limit_variant = 'heavy_sentence'),
          cause TEXT NOT NULL,
          filed_on TEXT NOT NULL,
          closed_on TEXT CHECK (closed_on IS NULL OR closed_on >= filed_on),
          closing_method TEXT CHECK (closing_method = '判决' OR closing_method = '调解' OR closing_method = '撤诉' OR closing_method = '驳回起诉' OR closing_method = '裁定' OR closing_method = '移送' OR closing_method = '执行完毕' OR closing_method = '终结本次执行' OR closing_method = '其他'),
          division_id INTEGER NOT NULL REFERENCES divisions(id),
          judge_id INTEGER NOT NULL REFERENCES staff(id),
          claim_amount_fen INTEGER,
          plaintiffs TEXT NOT NULL DEFAULT '',
          defendants TEXT NOT NULL DEFAULT '',
          imported_deducted_days INTEGER NOT NULL DEFAULT 0 CHECK (imported_deducted_days >= 0),
          imported_extended_days INTEGER NOT NULL DEFAULT 0 CHECK (imported_extended_days >= 0),
          appealed INTEGER CHECK (appealed = 0 OR appealed = 1),
          appeal_outcome TEXT CHECK (appeal_outcome = '维持' OR appeal_outcome = '改判' OR appeal_outcome = '发回重审' OR appeal_outcome = '撤回上诉' OR appeal_outcome = '调解' OR appeal_outcome = '其他'),
          origin_case_number TEXT,
          enforcement_claim_fen INTEGER,
          enforcement_recovered_fen INTEGER,
          reviewed INTEGER CHECK (reviewed = 0 OR reviewed = 1),
          precedent_searched INTEGER CHECK (precedent_searched = 0 OR precedent_searched = 1),
          -- Derived by the time-limit engine in the transaction of each change.
          -- clock: 'running' (counting down), 'suspended' (open 中止), 'paused' (another open deducted period),
          -- 'no_limit', 'closed'. due_on is NULL while the clock is stopped or there is no limit.
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
        CREATE INDEX cases_filed ON cases(filed_on);
        CREATE INDEX cases_open_filed ON cases(filed_on) WHERE closed_on IS NULL;
        CREATE INDEX cases_closed ON cases(closed_on) WHERE closed_on IS NOT NULL;
        CREATE INDEX cases_running_due ON cases(due_on) WHERE clock = 'running';
        CREATE INDEX cases_division_filed ON cases(division_id, filed_on);
        CREATE INDEX cases_judge_filed ON cases(judge_id, filed_on);
        CREATE INDEX cases_origin ON cases(origin_case_number) WHERE origin_case_number IS NOT NULL;
        CREATE INDEX cases_row_version ON cases(row_version);

        CREATE TABLE case_events (
          id INTEGER PRIMARY KEY,
          case_id INTEGER NOT NULL REFERENCES cases(id),
          kind TEXT NOT NULL CHECK (kind = '公告' OR kind = '鉴定' OR kind = '审计' OR kind = '评估' OR kind = '和解' OR kind = '调解' OR kind = '管辖异议' OR kind = '中止' OR kind = '暂缓执行' OR kind = '拍卖'),
          from_on TEXT NOT NULL,
          to_on TEXT CHECK (to_on IS NULL OR to_on >= from_on),
          note TEXT,
          row_version INTEGER NOT NULL,
          created_at TEXT NOT NULL,
          updated_at TEXT NOT NULL
        );
        CREATE INDEX case_events_case ON case_events(case_id);
        CREATE INDEX case_events_row_version ON case_events(row_version);

        CREATE TABLE extension_requests (
          id INTEGER PRIMARY KEY,
          case_id INTEGER NOT NULL REFERENCES cases(id),
          months INTEGER NOT NULL DEFAULT 0 CHECK (months >= 0),
          days INTEGER NOT NULL DEFAULT 0 CHECK (days >= 0),
          reason TEXT NOT NULL,
          explanation TEXT,
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
        CREATE INDEX extension_requests_case ON extension_requests(case_id);
        CREATE INDEX extension_requests_pending ON extension_requests(status) WHERE status IN ('pending', 'higher_court');
        CREATE INDEX extension_requests_row_version ON extension_requests(row_version);

        CREATE TABLE extension_decisions (
          id INTEGER PRIMARY KEY,
          request_id INTEGER NOT NULL REFERENCES extension_requests(id),
          step TEXT NOT NULL CHECK (step = 'opinion' OR step = 'decision' OR step = 'higher_court'),
          outcome TEXT NOT NULL CHECK (outcome = 'agree' OR outcome = 'disagree' OR outcome = 'approved' OR outcome = 'rejected' OR outcome = 'forwarded'),
          decided_by INTEGER REFERENCES staff(id),
          decided_on TEXT NOT NULL,
          months INTEGER,
          days INTEGER,
          comment TEXT,
          row_version INTEGER NOT NULL,
          created_at TEXT NOT NULL
        );
        CREATE INDEX extension_decisions_request ON extension_decisions(request_id);
        CREATE INDEX extension_decisions_row_version ON extension_decisions(row_version);

        -- Append-only: each entry chains the hash of the one before (verified by a later issue's 'audit verify').
        CREATE TABLE audit_log (
          id INTEGER PRIMARY KEY,
          at TEXT NOT NULL,
          actor TEXT NOT NULL,
          action TEXT NOT NULL,
          entity TEXT,
          entity_key TEXT,
          before_json TEXT,
          after_json TEXT,
          prev_hash TEXT NOT NULL,
          hash TEXT NOT NULL
        );
        CREATE INDEX audit_log_entity ON audit_log(entity, entity_key);
        CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
          BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
        CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
          BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;

        CREATE TABLE deletions (
          id INTEGER PRIMARY KEY,
          entity TEXT NOT NULL,
          entity_key TEXT NOT NULL,
          row_version INTEGER NOT NULL,
          deleted_at TEXT NOT NULL,
          deleted_by TEXT NOT NULL
        );
        CREATE INDEX deletions_row_version ON deletions(row_version);

        CREATE TABLE settings (
          key TEXT PRIMARY KEY,
          value_json TEXT NOT NULL,
          row_version INTEGER NOT NULL,
          updated_at TEXT NOT NULL
        ) WITHOUT ROWID;
      `);
  },
};
