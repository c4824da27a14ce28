// The numbered schema migrations, in one place; the schema version lives in PRAGMA user_version.
import type { Database } from 'better-sqlite3';

export interface Migration {
  version: number;
  name: string;
  up(db: Database): void;
}

// Literal lists, not the shared constants: a migration must keep meaning what it meant when it shipped.
const ROLES = ['clerk', 'assistant', 'judge', 'division_head', 'vice_president', 'president', 'statistician', 'admin'];
const EVENT_KINDS = ['公告', '鉴定', '审计', '评估', '和解', '调解', '管辖异议', '中止', '暂缓执行', '拍卖'];

/**
 * A CHECK that a column holds one of a few values, written as plain comparisons: SQLite evaluates `x IN (list)`
 * through a temporary table on every row, which made each insert into cases twice as slow. NULL passes, as with IN.
 */
function oneOf(column: string, values: ReadonlyArray<string | number>): string {
  return values.map((v) => `${column} = ${typeof v === 'number' ? v : `'${v}'`}`).join(' OR ');
}

/**
 * Every table that travels to the intermediate court carries row_version, stamped from row_clock in the writing
 * transaction, so an incremental export takes rows above the last exported version; deletions are kept in
 * `deletions` for the same reason. Derived deadline columns on cases are written in the same transaction as the
 * change that moves them, so lists and indicators read them without recomputing a million deadlines.
 */
export const MIGRATIONS: Migration[] = [
  {
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
          level TEXT NOT NULL CHECK (${oneOf('level', ['basic', 'intermediate'])}),
          is_self INTEGER NOT NULL DEFAULT 0 CHECK (${oneOf('is_self', [0, 1])}),
          row_version INTEGER NOT NULL,
          updated_at TEXT NOT NULL
        );
        CREATE UNIQUE INDEX courts_one_self ON courts(is_self) WHERE is_self = 1;

        CREATE TABLE divisions (
          id INTEGER PRIMARY KEY,
          court_id INTEGER NOT NULL REFERENCES courts(id),
          name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 50),
          kind TEXT NOT NULL CHECK (${oneOf('kind', ['division', 'tribunal', 'enforcement', 'office'])}),
          active INTEGER NOT NULL DEFAULT 1 CHECK (${oneOf('active', [0, 1])}),
          row_version INTEGER NOT NULL,
          updated_at TEXT NOT NULL,
          UNIQUE (court_id, name)
        );

        CREATE TABLE staff (
          id INTEGER PRIMARY KEY,
          court_id INTEGER NOT NULL REFERENCES courts(id),
          name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 20),
          division_id INTEGER REFERENCES divisions(id),
          active INTEGER NOT NULL DEFAULT 1 CHECK (${oneOf('active', [0, 1])}),
          row_version INTEGER NOT NULL,
          updated_at TEXT NOT NULL,
          UNIQUE (court_id, name)
        );

        CREATE TABLE staff_roles (
          staff_id INTEGER NOT NULL REFERENCES staff(id),
          role TEXT NOT NULL CHECK (${oneOf('role', ROLES)}),
          PRIMARY KEY (staff_id, role)
        ) WITHOUT ROWID;

        CREATE TABLE cases (
          id INTEGER PRIMARY KEY,
          case_number TEXT NOT NULL UNIQUE,
          court_code TEXT NOT NULL,
          year INTEGER NOT NULL,
          type_code TEXT NOT NULL,
          seq INTEGER NOT NULL,
          procedure TEXT CHECK (${oneOf('procedure', ['普通程序', '简易程序', '小额诉讼程序', '速裁程序'])}),
          limit_variant TEXT CHECK (${oneOf('limit_variant', ['ruling_appeal', 'heavy_sentence'])}),
          cause TEXT NOT NULL,
          filed_on TEXT NOT NULL,
          closed_on TEXT CHECK (closed_on IS NULL OR closed_on >= filed_on),
          closing_method TEXT CHECK (${oneOf('closing_method', ['判决', '调解', '撤诉', '驳回起诉', '裁定', '移送', '执行完毕', '终结本次执行', '其他'])}),
          division_id INTEGER NOT NULL REFERENCES divisions(id),
          judge_id INTEGER NOT NULL REFERENCES staff(id),
          claim_amount_fen INTEGER,
          plaintiffs TEXT NOT NULL DEFAULT '',
          defendants TEXT NOT NULL DEFAULT '',
          imported_deducted_days INTEGER NOT NULL DEFAULT 0 CHECK (imported_deducted_days >= 0),
          imported_extended_days INTEGER NOT NULL DEFAULT 0 CHECK (imported_extended_days >= 0),
          appealed INTEGER CHECK (${oneOf('appealed', [0, 1])}),
          appeal_outcome TEXT CHECK (${oneOf('appeal_outcome', ['维持', '改判', '发回重审', '撤回上诉', '调解', '其他'])}),
          origin_case_number TEXT,
          enforcement_claim_fen INTEGER,
          enforcement_recovered_fen INTEGER,
          reviewed INTEGER CHECK (${oneOf('reviewed', [0, 1])}),
          precedent_searched INTEGER CHECK (${oneOf('precedent_searched', [0, 1])}),
          -- Derived by the time-limit engine in the transaction of each change.
          -- clock: 'running' (counting down), 'suspended' (open 中止), 'paused' (another open deducted period),
          -- 'no_limit', 'closed'. due_on is NULL while the clock is stopped or there is no limit.
          clock TEXT NOT NULL CHECK (${oneOf('clock', ['running', 'suspended', 'paused', 'no_limit', 'closed'])}),
          due_on TEXT,
          deducted_days INTEGER NOT NULL DEFAULT 0,
          ext_months INTEGER NOT NULL DEFAULT 0,
          ext_days INTEGER NOT NULL DEFAULT 0,
          duration_days INTEGER,
          closed_overdue INTEGER CHECK (${oneOf('closed_overdue', [0, 1])}),
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
          kind TEXT NOT NULL CHECK (${oneOf('kind', EVENT_KINDS)}),
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
          late INTEGER NOT NULL DEFAULT 0 CHECK (${oneOf('late', [0, 1])}),
          status TEXT NOT NULL CHECK (${oneOf('status', ['pending', 'approved', 'rejected', 'higher_court'])}),
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
          step TEXT NOT NULL CHECK (${oneOf('step', ['opinion', 'decision', 'higher_court'])}),
          outcome TEXT NOT NULL CHECK (${oneOf('outcome', ['agree', 'disagree', 'approved', 'rejected', 'forwarded'])}),
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
  },
  {
    version: 2,
    name: 'search index: case numbers and party names, trigram full-text',
    up(db) {
      // Contentless trigram index: any substring of 3+ characters is one index lookup; shorter queries are
      // expanded through the vocabulary table (see cases/search.ts). The text lives in cases, not twice.
      db.exec(`
        CREATE VIRTUAL TABLE case_search USING fts5(doc, tokenize = 'trigram', content = '', contentless_delete = 1);
        CREATE VIRTUAL TABLE case_search_vocab USING fts5vocab(case_search, 'row');
        INSERT INTO case_search (rowid, doc) SELECT id, ${SEARCH_DOCUMENT_SQL} FROM cases;
      `);
    },
  },
  {
    version: 3,
    name: 'accounts: credentials of staff members who sign in',
    up(db) {
      // An account is a staff member who can sign in: his roles are staff_roles, his cases are those whose
      // judge_id is his staff id, his division is staff.division_id. Nobody is ever deleted, only disabled.
      db.exec(`
        CREATE TABLE accounts (
          staff_id INTEGER PRIMARY KEY REFERENCES staff(id),
          password_hash TEXT NOT NULL,
          active INTEGER NOT NULL DEFAULT 1 CHECK (${oneOf('active', [0, 1])}),
          failed_attempts INTEGER NOT NULL DEFAULT 0,
          locked_until TEXT,
          must_change_password INTEGER NOT NULL DEFAULT 0 CHECK (${oneOf('must_change_password', [0, 1])}),
          demo_password TEXT,
          row_version INTEGER NOT NULL,
          created_at TEXT NOT NULL,
          updated_at TEXT NOT NULL
        );
        CREATE INDEX audit_log_actor ON audit_log(actor);
      `);
    },
  },
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;

/**
 * The document indexed for a case, in JavaScript and in SQL (they must agree): the case number without its brackets
 * and court code, which every case of a court shares (indexing them made the index a third larger and slower to
 * build, and a whole pasted number is looked up by its unique key instead), then the parties. It ends in a
 * separator so that every two-character substring starts some trigram (see cases/search.ts).
 */
export function searchDocument(caseNumber: string, courtCode: string, plaintiffs: string, defendants: string): string {
  return `${caseNumber.replace(/[（）]/g, '').replace(courtCode, '')} ${plaintiffs}、${defendants}、`;
}
export const SEARCH_DOCUMENT_SQL =
  "replace(replace(replace(case_number, '（', ''), '）', ''), court_code, '') || ' ' || plaintiffs || '、' || defendants || '、'";
