// Migration 16: the audit chain's anchors in the exchange (the length and head each package carried, and at the
// intermediate court whether each package's chain extended the head it held), and the basic courts' rotated and revoked keys.
import type { Migration } from './types';

/*
 * Columns added with ALTER TABLE (nullable: packages written or received before this version carried no chain).
 * chain_status: 'first' (no head held before), 'extends', 'cut' (fewer entries than the head held), 'rewritten'
 * (the digests do not carry the held head to the new one), 'unverifiable' (the digests start after the held head,
 * or the package carried none).
 */
export const migration0016: Migration = {
  version: 16,
  name: 'exchange: audit chain anchors, rotated and revoked sender keys',
  up(db) {
    db.exec(`
      ALTER TABLE exchange_exports ADD COLUMN audit_length INTEGER CHECK (audit_length IS NULL OR audit_length >= 0);
      ALTER TABLE exchange_exports ADD COLUMN audit_head TEXT CHECK (audit_head IS NULL OR length(audit_head) = 64);
      ALTER TABLE received_packages ADD COLUMN audit_length INTEGER CHECK (audit_length IS NULL OR audit_length >= 0);
      ALTER TABLE received_packages ADD COLUMN audit_head TEXT CHECK (audit_head IS NULL OR length(audit_head) = 64);
      ALTER TABLE received_packages ADD COLUMN chain_status TEXT CHECK (chain_status IS NULL OR chain_status IN ('first', 'extends', 'cut', 'rewritten', 'unverifiable'));
      ALTER TABLE received_packages ADD COLUMN chain_message TEXT;

      -- A basic court's signing keys after the one on its registered card: each in force from a sequence (a routine
      -- rotation announced, and proved, in the package before; or a new card registered by hand after a compromise).
      CREATE TABLE exchange_sender_keys (
        id INTEGER PRIMARY KEY,
        court_code TEXT NOT NULL CHECK (length(court_code) BETWEEN 1 AND 10),
        public_key TEXT NOT NULL CHECK (length(public_key) = 56),
        fingerprint TEXT NOT NULL CHECK (length(fingerprint) = 64),
        from_sequence INTEGER NOT NULL CHECK (from_sequence >= 1),
        source TEXT NOT NULL CHECK (source = 'rotation' OR source = 'card'),
        added_at TEXT NOT NULL,
        added_by TEXT NOT NULL,
        UNIQUE (court_code, from_sequence)
      );
      -- A key no longer trusted from a sequence on (a compromise): packages it signs from there are refused.
      CREATE TABLE exchange_key_revocations (
        id INTEGER PRIMARY KEY,
        court_code TEXT NOT NULL CHECK (length(court_code) BETWEEN 1 AND 10),
        public_key TEXT NOT NULL CHECK (length(public_key) = 56),
        from_sequence INTEGER NOT NULL CHECK (from_sequence >= 1),
        revoked_at TEXT NOT NULL,
        revoked_by TEXT NOT NULL,
        UNIQUE (court_code, public_key)
      );
    `);
  },
};
