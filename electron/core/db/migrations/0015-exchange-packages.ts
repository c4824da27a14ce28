// Migration 15: the exchange's own tables: the basic court's export log, and the intermediate court's received packages, received rows and refusals.
import type { Migration } from './types';

/*
 * A basic court writes exchange_exports; an intermediate court writes the others (one schema for both levels, as for
 * every table). received_packages refuses a replay by itself: UNIQUE(sender_code, sequence) and UNIQUE(package_id),
 * so even a second import after a crash between check and commit cannot land twice. The received_* tables are keyed
 * by sender and the sending court's natural key (case number, or its row id for events and extensions) and keep the
 * checked row's JSON beside the columns the dashboards filter on. Those four are rowid tables with a UNIQUE key, not
 * WITHOUT ROWID: their rows (the JSON, some 600 bytes a case) are larger than SQLite advises for WITHOUT ROWID.
 */
export const migration0015: Migration = {
  version: 15,
  name: 'exchange packages: export log, received packages and rows, refusals',
  up(db) {
    db.exec(`
      CREATE TABLE exchange_exports (
        sequence INTEGER NOT NULL UNIQUE CHECK (sequence >= 1),
        package_id TEXT NOT NULL UNIQUE CHECK (length(package_id) BETWEEN 1 AND 64),
        kind TEXT NOT NULL CHECK (kind = 'full' OR kind = 'incremental'),
        base_sequence INTEGER CHECK ((kind = 'full') = (base_sequence IS NULL)),
        period_from TEXT NOT NULL CHECK (length(period_from) = 10),
        period_to TEXT NOT NULL CHECK (length(period_to) = 10),
        file_name TEXT NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
        payload_sha256 TEXT NOT NULL CHECK (length(payload_sha256) = 64),
        package_sha256 TEXT NOT NULL CHECK (length(package_sha256) = 64),
        size INTEGER NOT NULL,
        bytes BLOB NOT NULL,
        high_row_version INTEGER NOT NULL,
        includes_party_names INTEGER NOT NULL CHECK (includes_party_names = 0 OR includes_party_names = 1),
        counts_json TEXT NOT NULL,
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL
      );

      CREATE TABLE received_packages (
        id INTEGER PRIMARY KEY,
        package_id TEXT NOT NULL UNIQUE CHECK (length(package_id) BETWEEN 1 AND 64),
        sender_code TEXT NOT NULL CHECK (length(sender_code) BETWEEN 1 AND 10),
        sender_name TEXT NOT NULL,
        sequence INTEGER NOT NULL CHECK (sequence >= 1),
        kind TEXT NOT NULL CHECK (kind = 'full' OR kind = 'incremental'),
        base_sequence INTEGER,
        period_from TEXT NOT NULL,
        period_to TEXT NOT NULL,
        payload_sha256 TEXT NOT NULL CHECK (length(payload_sha256) = 64),
        manifest_json TEXT NOT NULL,
        created_at TEXT NOT NULL,
        includes_party_names INTEGER NOT NULL CHECK (includes_party_names = 0 OR includes_party_names = 1),
        received_at TEXT NOT NULL,
        received_by TEXT NOT NULL,
        warning TEXT,
        UNIQUE (sender_code, sequence)
      );

      CREATE TABLE received_cases (
        sender_code TEXT NOT NULL,
        case_number TEXT NOT NULL,
        type_code TEXT NOT NULL,
        filed_on TEXT NOT NULL,
        closed_on TEXT,
        division TEXT NOT NULL,
        judge TEXT NOT NULL,
        clock TEXT NOT NULL,
        due_on TEXT,
        closed_overdue INTEGER,
        row_json TEXT NOT NULL,
        package_id TEXT NOT NULL,
        UNIQUE (sender_code, case_number)
      );
      CREATE INDEX received_cases_filed ON received_cases(sender_code, filed_on);

      CREATE TABLE received_events (
        sender_code TEXT NOT NULL,
        source_id INTEGER NOT NULL,
        case_number TEXT NOT NULL,
        kind TEXT NOT NULL,
        from_on TEXT NOT NULL,
        to_on TEXT,
        row_json TEXT NOT NULL,
        UNIQUE (sender_code, source_id)
      );
      CREATE INDEX received_events_case ON received_events(sender_code, case_number);

      CREATE TABLE received_extension_requests (
        sender_code TEXT NOT NULL,
        source_id INTEGER NOT NULL,
        case_number TEXT NOT NULL,
        status TEXT NOT NULL,
        requested_on TEXT NOT NULL,
        row_json TEXT NOT NULL,
        UNIQUE (sender_code, source_id)
      );
      CREATE INDEX received_extension_requests_case ON received_extension_requests(sender_code, case_number);

      CREATE TABLE received_extension_decisions (
        sender_code TEXT NOT NULL,
        source_id INTEGER NOT NULL,
        request_id INTEGER NOT NULL,
        decided_on TEXT NOT NULL,
        row_json TEXT NOT NULL,
        UNIQUE (sender_code, source_id)
      );
      CREATE INDEX received_extension_decisions_request ON received_extension_decisions(sender_code, request_id);

      -- Figures per period: a package replaces those of its own period, so earlier periods stay for the trends.
      CREATE TABLE received_indicators (
        sender_code TEXT NOT NULL,
        period_from TEXT NOT NULL,
        period_to TEXT NOT NULL,
        scope TEXT NOT NULL CHECK (scope = 'court' OR scope = 'division' OR scope = 'judge'),
        group_name TEXT NOT NULL,
        indicator_id TEXT NOT NULL,
        value REAL,
        value_json TEXT NOT NULL,
        package_id TEXT NOT NULL,
        PRIMARY KEY (sender_code, period_from, period_to, scope, group_name, indicator_id)
      ) WITHOUT ROWID;

      CREATE TABLE received_ranges (
        sender_code TEXT NOT NULL,
        indicator_id TEXT NOT NULL,
        low REAL,
        high REAL,
        row_json TEXT NOT NULL,
        PRIMARY KEY (sender_code, indicator_id)
      ) WITHOUT ROWID;

      CREATE TABLE package_refusals (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        file_name TEXT NOT NULL,
        sender_code TEXT,
        sequence INTEGER,
        package_id TEXT,
        code TEXT NOT NULL,
        message TEXT NOT NULL,
        refused_by TEXT NOT NULL
      );
    `);
  },
};
