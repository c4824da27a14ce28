// The audit chain's anchors on both sides: the length and head the basic court's last package carried (where the next
// package's digests start), and the head the intermediate court holds per basic court, checked against each package.
import type { Database } from 'better-sqlite3';
import type { AuditChainPart } from '../../../../shared/exchange/parts';
import { checkChain, type ChainVerdict } from '../../audit/chainDigests';

/**
 * Basic court: where the next package's digests start: the audit length its last package carried, or the head the
 * intermediate court said (in its last return file) it holds, whichever is earlier; null before the first package.
 */
export function digestsSince(db: Database, heldByIntermediate: number | null): number | null {
  const v = (db.prepare('SELECT audit_length FROM exchange_exports ORDER BY sequence DESC LIMIT 1').pluck().get() as number | null | undefined) ?? null;
  if (heldByIntermediate === null) return v;
  return v === null ? heldByIntermediate : Math.min(v, heldByIntermediate);
}

/** Basic court, inside the export's transaction: what the package just recorded carried. */
export function recordExportAnchor(db: Database, sequence: number, chain: { length: number; head: string }): void {
  db.prepare('UPDATE exchange_exports SET audit_length = ?, audit_head = ? WHERE sequence = ?').run(chain.length, chain.head, sequence);
}

/** Intermediate court: the head it holds for a basic court, from the latest package that carried one. */
export function heldAnchor(db: Database, senderCode: string): { length: number; head: string } | null {
  const r = db.prepare(`SELECT audit_length AS length, audit_head AS head FROM received_packages
    WHERE sender_code = ? AND audit_length IS NOT NULL ORDER BY sequence DESC LIMIT 1`).get(senderCode) as { length: number; head: string } | undefined;
  return r ?? null;
}

export function judgeChain(db: Database, senderCode: string, chain: AuditChainPart): ChainVerdict {
  return checkChain(heldAnchor(db, senderCode), { ...chain, digests: Buffer.from(chain.digests, 'base64') });
}

/** Intermediate court, inside the receive's transaction: the package's head becomes the one held, with its verdict. */
export function recordReceivedAnchor(db: Database, packageId: string, chain: AuditChainPart, verdict: ChainVerdict): void {
  // A head that could not be checked is not held: the next package is judged against the last head that was, until a
  // return file tells the basic court where to start its digests.
  const held = verdict.status !== 'unverifiable';
  db.prepare('UPDATE received_packages SET audit_length = ?, audit_head = ?, chain_status = ?, chain_message = ? WHERE package_id = ?')
    .run(held ? chain.length : null, held ? chain.head : null, verdict.status, 'message' in verdict ? verdict.message : null, packageId);
}

/**
 * The loudest word on a basic court's chain: the latest package found cut or rewritten stays flagged in the list;
 * otherwise a latest package whose chain could not be checked.
 */
export function chainAlert(db: Database, senderCode: string): { status: string; message: string; sequence: number } | null {
  const broken = db.prepare(`SELECT chain_status AS status, chain_message AS message, sequence FROM received_packages
    WHERE sender_code = ? AND chain_status IN ('cut', 'rewritten') ORDER BY sequence DESC LIMIT 1`).get(senderCode) as { status: string; message: string; sequence: number } | undefined;
  if (broken) return broken;
  const last = db.prepare(`SELECT chain_status AS status, chain_message AS message, sequence FROM received_packages
    WHERE sender_code = ? ORDER BY sequence DESC LIMIT 1`).get(senderCode) as { status: string | null; message: string; sequence: number } | undefined;
  return last?.status === 'unverifiable' ? { status: last.status, message: last.message, sequence: last.sequence } : null;
}
