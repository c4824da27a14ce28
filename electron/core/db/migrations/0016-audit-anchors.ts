// Migration 16: the audit chain's anchors in the exchange: the length and head each package carried (export log), and
// at the intermediate court the head it holds per package and whether that package's chain extended the one before.
import type { Migration } from './types';

/*
 * Columns added with ALTER TABLE (nullable: packages written or received before this version carried no chain).
 * chain_status: 'first' (no head held before), 'extends', 'cut' (fewer entries than the head held), 'rewritten'
 * (the digests do not carry the held head to the new one), 'unverifiable' (the digests start after the held head,
 * or the package carried none).
 */
export const migration0016: Migration = {
  version: 16,
  name: 'audit chain anchors in the export log and the received packages',
  up(db) {
    db.exec(`
      ALTER TABLE exchange_exports ADD COLUMN audit_length INTEGER CHECK (audit_length IS NULL OR audit_length >= 0);
      ALTER TABLE exchange_exports ADD COLUMN audit_head TEXT CHECK (audit_head IS NULL OR length(audit_head) = 64);
      ALTER TABLE received_packages ADD COLUMN audit_length INTEGER CHECK (audit_length IS NULL OR audit_length >= 0);
      ALTER TABLE received_packages ADD COLUMN audit_head TEXT CHECK (audit_head IS NULL OR length(audit_head) = 64);
      ALTER TABLE received_packages ADD COLUMN chain_status TEXT CHECK (chain_status IS NULL OR chain_status IN ('first', 'extends', 'cut', 'rewritten', 'unverifiable'));
      ALTER TABLE received_packages ADD COLUMN chain_message TEXT;
    `);
  },
};
