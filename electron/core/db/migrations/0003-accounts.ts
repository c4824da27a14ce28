// Migration 3: accounts, the credentials of staff members who sign in, and the audit log looked up by who acted.
import type { Migration } from './types';

export const migration0003: Migration = {
  version: 3,
  name: 'accounts: credentials of staff members who sign in',
  up(db) {
    // An account is a staff member who can sign in: his roles are staff_roles, his cases are those whose
    // judge_id is his staff id, his division is staff.division_id. Nobody is ever deleted, only disabled.
    db.exec(`
        CREATE TABLE accounts (
          staff_id INTEGER PRIMARY KEY REFERENCES staff(id),
          password_hash TEXT NOT NULL,
          active INTEGER NOT NULL DEFAULT 1 CHECK (active = 0 OR active = 1),
          failed_attempts INTEGER NOT NULL DEFAULT 0,
          locked_until TEXT,
          must_change_password INTEGER NOT NULL DEFAULT 0 CHECK (must_change_password = 0 OR must_change_password = 1),
          demo_password TEXT,
          row_version INTEGER NOT NULL,
          created_at TEXT NOT NULL,
          updated_at TEXT NOT NULL
        );
        CREATE INDEX audit_log_actor ON audit_log(actor);
      `);
  },
};
