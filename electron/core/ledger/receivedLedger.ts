// At an intermediate court: the ledger part of each basic court's latest package (ledger_received), written inside the package's one transaction, and read back for the court page.
import type { Database } from 'better-sqlite3';
import { ledgerPartSchema, type LedgerPart } from '../../../shared/ledger/exchangePart';
import { nextRowVersion, nowStamp } from '../db/clock';

/**
 * The courts row of a basic court at its intermediate court: the ledger tables name a court by id, and a basic court is
 * otherwise known here only by its code (exchange_senders, received_packages). Made on first need, never renamed here.
 */
export function courtIdFor(db: Database, code: string, name: string): number {
  const found = db.prepare('SELECT id FROM courts WHERE code = ?').pluck().get(code) as number | undefined;
  if (found !== undefined) return found;
  const info = db
    .prepare("INSERT INTO courts (code, name, level, is_self, row_version, updated_at) VALUES (?, ?, 'basic', 0, ?, ?)")
    .run(code, [...name].slice(0, 50).join('') || code, nextRowVersion(db), nowStamp());
  return Number(info.lastInsertRowid);
}

/** Replaces what is held for the court: the newer package's ledger is the whole ledger (the caller holds the transaction). */
export function storeReceivedLedger(db: Database, court: { code: string; name: string }, pkg: { packageId: string; sequence: number }, ledger: LedgerPart): void {
  const courtId = courtIdFor(db, court.code, court.name);
  db.prepare(`INSERT INTO ledger_received (court_id, package_id, sequence, received_at, ledger) VALUES (?, ?, ?, ?, ?)
    ON CONFLICT(court_id) DO UPDATE SET package_id = excluded.package_id, sequence = excluded.sequence, received_at = excluded.received_at, ledger = excluded.ledger
    WHERE excluded.sequence > ledger_received.sequence`).run(courtId, pkg.packageId, pkg.sequence, nowStamp(), JSON.stringify(ledger));
}

export interface HeldLedger {
  packageId: string;
  sequence: number;
  receivedAt: string;
  ledger: LedgerPart;
}

/** The ledger held for a court, or null before its first package with one; a row that no longer reads is a damaged database. */
export function receivedLedger(db: Database, code: string): HeldLedger | null {
  const r = db
    .prepare('SELECT r.package_id AS packageId, r.sequence, r.received_at AS receivedAt, r.ledger FROM ledger_received r JOIN courts c ON c.id = r.court_id WHERE c.code = ?')
    .get(code) as { packageId: string; sequence: number; receivedAt: string; ledger: string } | undefined;
  if (!r) return null;
  const parsed = ledgerPartSchema.safeParse(JSON.parse(r.ledger));
  if (!parsed.success) return null;
  return { packageId: r.packageId, sequence: r.sequence, receivedAt: r.receivedAt, ledger: parsed.data };
}
