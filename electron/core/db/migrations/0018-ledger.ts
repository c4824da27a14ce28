// Migration 18: the 脱薄 ledger: weak points with indicator targets, measures with owners, progress with evidence, monthly analysis meetings, and at an intermediate court the ledgers received and its help measures.
import type { Migration } from './types';

/*
 * Names are kept beside staff and division ids on purpose: a measure's owner may leave or a division be renamed, and
 * the ledger must still read as it was agreed; a help measure that came in the intermediate court's return file names
 * people of that court, who are in no staff list here (ids NULL). Dates are 'YYYY-MM-DD' text like every date of the
 * schema; the status of a measure (未开始, 推进中, 已完成, 逾期) is computed from its dates and done_on, never stored.
 */
export const migration0018: Migration = {
  version: 18,
  name: 'the 脱薄 ledger: weak points, targets, measures, progress, evidence, meetings, received ledgers, help measures',
  up(db) {
    db.exec(`
      CREATE TABLE ledger_weak_points (
        id INTEGER PRIMARY KEY,
        text TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 500),
        found_by TEXT NOT NULL CHECK (found_by = 'self' OR found_by = 'intermediate' OR found_by = 'high'),
        found_on TEXT NOT NULL CHECK (length(found_on) = 10),
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL,
        row_version INTEGER NOT NULL,
        updated_at TEXT NOT NULL
      );

      -- The indicators that show a weak point, each with its target value (a ratio as a fraction, 0.02 for 2 %) and
      -- the date it is to be reached; which side of the target is better is the indicator's own direction.
      CREATE TABLE ledger_targets (
        weak_point_id INTEGER NOT NULL REFERENCES ledger_weak_points(id),
        indicator TEXT NOT NULL CHECK (length(indicator) BETWEEN 1 AND 40),
        target REAL NOT NULL,
        due_on TEXT NOT NULL CHECK (length(due_on) = 10),
        PRIMARY KEY (weak_point_id, indicator)
      ) WITHOUT ROWID;

      CREATE TABLE ledger_meetings (
        id INTEGER PRIMARY KEY,
        held_on TEXT NOT NULL CHECK (length(held_on) = 10),
        title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 100),
        attendees TEXT NOT NULL CHECK (length(attendees) BETWEEN 1 AND 1000),
        decisions TEXT NOT NULL CHECK (length(decisions) <= 5000),
        -- The figures discussed as they stood at the meeting: the period and a JSON array of
        -- {indicator, value, numerator, denominator, status}, never recomputed afterwards.
        period_from TEXT NOT NULL CHECK (length(period_from) = 10),
        period_to TEXT NOT NULL CHECK (length(period_to) = 10 AND period_to >= period_from),
        snapshot TEXT NOT NULL CHECK (json_valid(snapshot) AND length(snapshot) <= 200000),
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL,
        row_version INTEGER NOT NULL,
        updated_at TEXT NOT NULL
      );

      -- kind 'rectify' is the court's own 整改措施, 'help' the intermediate court's 帮扶措施. origin 'return': a help
      -- measure that came in a return file, origin_key the intermediate court's 'CODE:id' for it (replaced, not
      -- duplicated, by the next return file).
      CREATE TABLE ledger_measures (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind = 'rectify' OR kind = 'help'),
        text TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 1000),
        leader_id INTEGER REFERENCES staff(id),
        leader_name TEXT NOT NULL CHECK (length(leader_name) BETWEEN 1 AND 50),
        owner_id INTEGER REFERENCES staff(id),
        owner_name TEXT NOT NULL CHECK (length(owner_name) BETWEEN 1 AND 50),
        division_id INTEGER REFERENCES divisions(id),
        division_name TEXT NOT NULL CHECK (length(division_name) BETWEEN 1 AND 50),
        start_on TEXT NOT NULL CHECK (length(start_on) = 10),
        due_on TEXT NOT NULL CHECK (length(due_on) = 10 AND due_on >= start_on),
        done_on TEXT CHECK (done_on IS NULL OR length(done_on) = 10),
        meeting_id INTEGER REFERENCES ledger_meetings(id),
        origin TEXT NOT NULL DEFAULT 'local' CHECK (origin = 'local' OR origin = 'return'),
        origin_key TEXT UNIQUE CHECK (origin_key IS NULL OR length(origin_key) BETWEEN 1 AND 40),
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL,
        row_version INTEGER NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK ((origin = 'return') = (origin_key IS NOT NULL))
      );
      CREATE INDEX ledger_measures_owner ON ledger_measures(owner_id);
      CREATE INDEX ledger_measures_leader ON ledger_measures(leader_id);
      CREATE INDEX ledger_measures_due ON ledger_measures(due_on);

      CREATE TABLE ledger_measure_points (
        measure_id INTEGER NOT NULL REFERENCES ledger_measures(id),
        weak_point_id INTEGER NOT NULL REFERENCES ledger_weak_points(id),
        PRIMARY KEY (measure_id, weak_point_id)
      ) WITHOUT ROWID;
      CREATE INDEX ledger_measure_points_point ON ledger_measure_points(weak_point_id);

      CREATE TABLE ledger_progress (
        id INTEGER PRIMARY KEY,
        measure_id INTEGER NOT NULL REFERENCES ledger_measures(id),
        on_date TEXT NOT NULL CHECK (length(on_date) = 10),
        text TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 2000),
        done INTEGER NOT NULL DEFAULT 0 CHECK (done = 0 OR done = 1),
        recorded_by TEXT NOT NULL,
        recorded_at TEXT NOT NULL,
        row_version INTEGER NOT NULL
      );
      CREATE INDEX ledger_progress_measure ON ledger_progress(measure_id, on_date);

      -- Evidence files of a progress entry (minutes, photos, documents), kept in the database like extension letters
      -- so a backup holds them; the core checks the kind and the size before it writes.
      CREATE TABLE ledger_evidence (
        id INTEGER PRIMARY KEY,
        progress_id INTEGER NOT NULL REFERENCES ledger_progress(id),
        name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
        mime TEXT NOT NULL CHECK (length(mime) BETWEEN 1 AND 100),
        size INTEGER NOT NULL CHECK (size BETWEEN 1 AND 10485760),
        sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
        bytes BLOB NOT NULL,
        created_at TEXT NOT NULL,
        row_version INTEGER NOT NULL,
        CHECK (length(bytes) = size)
      );
      CREATE INDEX ledger_evidence_progress ON ledger_evidence(progress_id);

      -- An intermediate court: the ledger part of each basic court's latest imported package, as it came.
      CREATE TABLE ledger_received (
        court_id INTEGER PRIMARY KEY REFERENCES courts(id),
        package_id TEXT NOT NULL,
        sequence INTEGER NOT NULL,
        received_at TEXT NOT NULL,
        ledger TEXT NOT NULL CHECK (json_valid(ledger))
      );

      -- An intermediate court: its help measures (帮扶措施) for a basic court, sent back in that court's return file;
      -- weak_points is a JSON array of the basic court's weak point ids, as its package named them.
      CREATE TABLE ledger_help_measures (
        id INTEGER PRIMARY KEY,
        court_id INTEGER NOT NULL REFERENCES courts(id),
        text TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 1000),
        weak_points TEXT NOT NULL CHECK (json_valid(weak_points)),
        leader_name TEXT NOT NULL CHECK (length(leader_name) BETWEEN 1 AND 50),
        owner_name TEXT NOT NULL CHECK (length(owner_name) BETWEEN 1 AND 50),
        division_name TEXT NOT NULL CHECK (length(division_name) BETWEEN 1 AND 50),
        start_on TEXT NOT NULL CHECK (length(start_on) = 10),
        due_on TEXT NOT NULL CHECK (length(due_on) = 10 AND due_on >= start_on),
        done_on TEXT CHECK (done_on IS NULL OR length(done_on) = 10),
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX ledger_help_measures_court ON ledger_help_measures(court_id);

      CREATE TABLE ledger_help_progress (
        id INTEGER PRIMARY KEY,
        help_measure_id INTEGER NOT NULL REFERENCES ledger_help_measures(id),
        on_date TEXT NOT NULL CHECK (length(on_date) = 10),
        text TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 2000),
        done INTEGER NOT NULL DEFAULT 0 CHECK (done = 0 OR done = 1),
        recorded_by TEXT NOT NULL,
        recorded_at TEXT NOT NULL
      );
      CREATE INDEX ledger_help_progress_measure ON ledger_help_progress(help_measure_id, on_date);
    `);
  },
};
