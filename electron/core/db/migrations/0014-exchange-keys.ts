// Migration 14: the exchange keys: this court's own keys (sealed under a passphrase), where it reports, and the basic courts it receives from.
import type { Migration } from './types';

export const migration0014: Migration = {
  version: 14,
  name: 'exchange keys: own keys, reporting recipient, registered basic courts',
  up(db) {
    db.exec(`
      -- This court's own keys: a basic court's minisign signing key, an intermediate court's age identity. The
      -- private half is stored only as an age passphrase file (sealed); public_text is the minisign public key
      -- line or the age1 recipient, fingerprint its SHA-256 fingerprint in hex. A replaced key is kept, retired.
      CREATE TABLE exchange_own_keys (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind = 'minisign' OR kind = 'age'),
        public_text TEXT NOT NULL CHECK (length(public_text) BETWEEN 1 AND 200),
        fingerprint TEXT NOT NULL CHECK (length(fingerprint) = 64),
        sealed BLOB NOT NULL CHECK (length(sealed) BETWEEN 1 AND 4096),
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL,
        retired_at TEXT
      );
      CREATE UNIQUE INDEX exchange_own_keys_current ON exchange_own_keys(kind) WHERE retired_at IS NULL;

      -- A basic court: the intermediate court it reports to, its age recipient checked by phone. A replaced one is kept.
      CREATE TABLE exchange_recipients (
        id INTEGER PRIMARY KEY,
        court_code TEXT NOT NULL CHECK (length(court_code) BETWEEN 1 AND 10),
        court_name TEXT NOT NULL CHECK (length(court_name) BETWEEN 1 AND 60),
        recipient TEXT NOT NULL CHECK (recipient LIKE 'age1%' AND length(recipient) = 62),
        -- The intermediate court's minisign public key line (from its card), which verifies its return files.
        signing_key TEXT CHECK (signing_key IS NULL OR length(signing_key) = 56),
        fingerprint TEXT NOT NULL CHECK (length(fingerprint) = 64),
        set_at TEXT NOT NULL,
        set_by TEXT NOT NULL,
        replaced_at TEXT
      );
      CREATE UNIQUE INDEX exchange_recipients_current ON exchange_recipients((replaced_at IS NULL)) WHERE replaced_at IS NULL;

      -- An intermediate court: the basic courts whose cards it registered after the phone check, one key each.
      CREATE TABLE exchange_senders (
        id INTEGER PRIMARY KEY,
        court_code TEXT NOT NULL UNIQUE CHECK (length(court_code) BETWEEN 1 AND 10),
        court_name TEXT NOT NULL CHECK (length(court_name) BETWEEN 1 AND 60),
        public_key TEXT NOT NULL CHECK (length(public_key) = 56),
        fingerprint TEXT NOT NULL CHECK (length(fingerprint) = 64),
        registered_at TEXT NOT NULL,
        registered_by TEXT NOT NULL,
        revoked_at TEXT
      );
    `);
  },
};
