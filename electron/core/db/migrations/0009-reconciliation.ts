// Migration 9: the courts' data-exchange XML import and the 审限核对 list: each exchange import, what the source
// system said about each case it sent (its court code, statutory limit and due date), and every case whose source
// figures disagree with CourtDesk's own computation, as the latest import found it.
import type { Migration } from './types';

export const migration0009: Migration = {
  version: 9,
  name: 'exchange XML import: imports, source figures per case, 审限核对 disagreements',
  up(db) {
    db.exec(`
      -- One row per exchange import that changed something (an unchanged re-import leaves nothing behind).
      CREATE TABLE exchange_imports (
        id INTEGER PRIMARY KEY,
        file TEXT NOT NULL CHECK (length(file) BETWEEN 1 AND 260),
        sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
        actor TEXT NOT NULL CHECK (length(actor) BETWEEN 1 AND 20),
        imported_at TEXT NOT NULL
      );

      -- What the source system said of a case, from the latest exchange import that carried it. 经办法院代码 is a code of
      -- the national court code table, not the code inside the case number: kept as given, never compared with it.
      CREATE TABLE exchange_sources (
        case_id INTEGER PRIMARY KEY REFERENCES cases(id),
        import_id INTEGER NOT NULL REFERENCES exchange_imports(id),
        entry TEXT NOT NULL CHECK (length(entry) BETWEEN 1 AND 260),
        court_code TEXT CHECK (court_code IS NULL OR length(court_code) <= 20),
        court_name TEXT CHECK (court_name IS NULL OR length(court_name) <= 50),
        origin_court_code TEXT CHECK (origin_court_code IS NULL OR length(origin_court_code) <= 20),
        limit_days INTEGER CHECK (limit_days IS NULL OR limit_days BETWEEN 0 AND 36500),
        due_on TEXT CHECK (due_on IS NULL OR length(due_on) = 10)
      );
      CREATE INDEX exchange_sources_import ON exchange_sources(import_id);

      -- 审限核对: a case whose source 法定审限天数 or 审限届满日期 differs from CourtDesk's computation. The latest import
      -- wins: a later import on which they agree removes the row.
      CREATE TABLE reconciliations (
        case_id INTEGER PRIMARY KEY REFERENCES cases(id),
        import_id INTEGER NOT NULL REFERENCES exchange_imports(id),
        source_due_on TEXT CHECK (source_due_on IS NULL OR length(source_due_on) = 10),
        source_limit_days INTEGER CHECK (source_limit_days IS NULL OR source_limit_days BETWEEN 0 AND 36500),
        courtdesk_due_on TEXT CHECK (courtdesk_due_on IS NULL OR length(courtdesk_due_on) = 10),
        courtdesk_limit TEXT CHECK (courtdesk_limit IS NULL OR length(courtdesk_limit) <= 20),
        courtdesk_limit_days INTEGER CHECK (courtdesk_limit_days IS NULL OR courtdesk_limit_days BETWEEN 0 AND 36500),
        difference_days INTEGER,
        steps TEXT NOT NULL CHECK (length(steps) <= 8000),
        recorded_at TEXT NOT NULL
      );
      CREATE INDEX reconciliations_import ON reconciliations(import_id);
    `);
  },
};
