// The intermediate court's store of received packages: the package log, the received rows per sender (full replaces, incremental upserts and deletes), lookups for the freshness checks, and the refusal log.
import type { Database } from 'better-sqlite3';
import { parseCaseNumber } from '../../../../shared/cases/caseNumber';
import type { ReceivedRows } from '../../../../shared/exchange/parts';
import { nowStamp } from '../../db/clock';
import { storeReceivedLedger } from '../../ledger/receivedLedger';

export interface ReceivedPackageRecord {
  packageId: string;
  senderCode: string;
  senderName: string;
  sequence: number;
  kind: 'full' | 'incremental';
  baseSequence: number | null;
  periodFrom: string;
  periodTo: string;
  payloadSha256: string;
  manifestJson: string;
  createdAt: string;
  includesPartyNames: boolean;
  receivedBy: string;
  warning: string | null;
}

export function findReceivedByPackageId(db: Database, packageId: string): { sequence: number; payloadSha256: string; senderCode: string } | null {
  const r = db.prepare('SELECT sequence, payload_sha256 AS payloadSha256, sender_code AS senderCode FROM received_packages WHERE package_id = ?').get(packageId);
  return (r as { sequence: number; payloadSha256: string; senderCode: string } | undefined) ?? null;
}

export function findReceivedBySequence(db: Database, senderCode: string, sequence: number): { packageId: string } | null {
  const r = db.prepare('SELECT package_id AS packageId FROM received_packages WHERE sender_code = ? AND sequence = ?').get(senderCode, sequence);
  return (r as { packageId: string } | undefined) ?? null;
}

export function lastReceived(db: Database, senderCode: string): { sequence: number; packageId: string; payloadSha256: string; receivedAt: string; periodFrom: string; periodTo: string } | null {
  const r = db.prepare(`SELECT sequence, package_id AS packageId, payload_sha256 AS payloadSha256, received_at AS receivedAt,
      period_from AS periodFrom, period_to AS periodTo
    FROM received_packages WHERE sender_code = ? ORDER BY sequence DESC LIMIT 1`).get(senderCode);
  return (r as ReturnType<typeof lastReceived> | undefined) ?? null;
}

const typeCode = (caseNumber: string) => {
  const p = parseCaseNumber(caseNumber);
  return p.ok ? p.value.typeCode : '';
};

/**
 * Writes one checked package; the caller holds the one transaction, so a failure anywhere leaves nothing. A full
 * package replaces every row of that sender; an incremental one upserts its rows and applies its deletions (a
 * deleted case takes its events and extensions with it). The indicators replace those of the package's period and of
 * its 12 months only.
 * The package row goes first: UNIQUE(sender_code, sequence) and UNIQUE(package_id) stop a replay before any row.
 */
export function writeReceivedPackage(db: Database, pkg: ReceivedPackageRecord, rows: ReceivedRows): void {
  const s = pkg.senderCode;
  db.prepare(`INSERT INTO received_packages (package_id, sender_code, sender_name, sequence, kind, base_sequence, period_from, period_to,
      payload_sha256, manifest_json, created_at, includes_party_names, received_at, received_by, warning)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(
    pkg.packageId, s, pkg.senderName, pkg.sequence, pkg.kind, pkg.baseSequence, pkg.periodFrom, pkg.periodTo, pkg.payloadSha256,
    pkg.manifestJson, pkg.createdAt, pkg.includesPartyNames ? 1 : 0, nowStamp(), pkg.receivedBy, pkg.warning);

  if (pkg.kind === 'full') {
    for (const t of ['received_cases', 'received_events', 'received_extension_requests', 'received_extension_decisions', 'received_ranges']) {
      db.prepare(`DELETE FROM ${t} WHERE sender_code = ?`).run(s);
    }
  } else {
    const del = {
      cases: [
        db.prepare('DELETE FROM received_extension_decisions WHERE sender_code = @s AND request_id IN (SELECT source_id FROM received_extension_requests WHERE sender_code = @s AND case_number = @k)'),
        db.prepare('DELETE FROM received_extension_requests WHERE sender_code = @s AND case_number = @k'),
        db.prepare('DELETE FROM received_events WHERE sender_code = @s AND case_number = @k'),
        db.prepare('DELETE FROM received_cases WHERE sender_code = @s AND case_number = @k'),
      ],
      case_events: [db.prepare('DELETE FROM received_events WHERE sender_code = @s AND source_id = @k')],
      extension_requests: [
        db.prepare('DELETE FROM received_extension_decisions WHERE sender_code = @s AND request_id = @k'),
        db.prepare('DELETE FROM received_extension_requests WHERE sender_code = @s AND source_id = @k'),
      ],
      extension_decisions: [db.prepare('DELETE FROM received_extension_decisions WHERE sender_code = @s AND source_id = @k')],
    };
    for (const d of rows.deletions) {
      const k = d.entity === 'cases' ? d.key : Number(d.key);
      for (const stmt of del[d.entity]) stmt.run({ s, k });
    }
  }

  const upCase = db.prepare(`INSERT OR REPLACE INTO received_cases (sender_code, case_number, type_code, filed_on, closed_on, division, judge,
      clock, due_on, closed_overdue, row_json, package_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  for (const c of rows.cases) {
    upCase.run(s, c.caseNumber, typeCode(c.caseNumber), c.filedOn, c.closedOn, c.division, c.judge, c.clock, c.dueOn,
      c.closedOverdue === null ? null : c.closedOverdue ? 1 : 0, JSON.stringify(c), pkg.packageId);
  }
  const upEvent = db.prepare(`INSERT OR REPLACE INTO received_events (sender_code, source_id, case_number, kind, from_on, to_on, row_json)
    VALUES (?, ?, ?, ?, ?, ?, ?)`);
  for (const e of rows.events) upEvent.run(s, e.id, e.caseNumber, e.kind, e.fromOn, e.toOn, JSON.stringify(e));
  const upRequest = db.prepare(`INSERT OR REPLACE INTO received_extension_requests (sender_code, source_id, case_number, status, requested_on, row_json)
    VALUES (?, ?, ?, ?, ?, ?)`);
  for (const r of rows.extensionRequests) upRequest.run(s, r.id, r.caseNumber, r.status, r.requestedOn, JSON.stringify(r));
  const upDecision = db.prepare(`INSERT OR REPLACE INTO received_extension_decisions (sender_code, source_id, request_id, decided_on, row_json)
    VALUES (?, ?, ?, ?, ?)`);
  for (const d of rows.extensionDecisions) upDecision.run(s, d.id, d.requestId, d.decidedOn, JSON.stringify(d));

  // The ranges in force at the sender: the latest package's, whole.
  db.prepare('DELETE FROM received_ranges WHERE sender_code = ?').run(s);
  const upRange = db.prepare('INSERT INTO received_ranges (sender_code, indicator_id, low, high, row_json) VALUES (?, ?, ?, ?, ?)');
  for (const r of rows.ranges) upRange.run(s, r.id, r.low, r.high, JSON.stringify(r));

  const ind = rows.indicators;
  // The months first, court scope only: the period's own rows below replace every scope of their period, so a package
  // whose period is one calendar month leaves that month's division and judge figures as well.
  const delMonth = db.prepare("DELETE FROM received_indicators WHERE sender_code = ? AND period_from = ? AND period_to = ? AND scope = 'court'");
  const upMonth = db.prepare(`INSERT INTO received_indicators (sender_code, period_from, period_to, scope, group_name, indicator_id, value, value_json, package_id)
    VALUES (?, ?, ?, 'court', '', ?, ?, ?, ?)`);
  for (const m of ind.months) {
    delMonth.run(s, m.from, m.to);
    for (const [id, v] of Object.entries(m.values)) upMonth.run(s, m.from, m.to, id, v.value, JSON.stringify(v), pkg.packageId);
  }
  db.prepare('DELETE FROM received_indicators WHERE sender_code = ? AND period_from = ? AND period_to = ?').run(s, ind.from, ind.to);
  const upInd = db.prepare(`INSERT INTO received_indicators (sender_code, period_from, period_to, scope, group_name, indicator_id, value, value_json, package_id)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  for (const g of ind.groups) {
    for (const [id, v] of Object.entries(g.values)) upInd.run(s, ind.from, ind.to, g.scope, g.name, id, v.value, JSON.stringify(v), pkg.packageId);
  }
  // The 脱薄 ledger, whole, in place of the one held (the ledger domain's table).
  storeReceivedLedger(db, { code: s, name: pkg.senderName }, pkg, rows.ledger);
}

export interface ReceivedCourt {
  senderCode: string;
  senderName: string;
  lastSequence: number;
  lastPackageId: string;
  periodFrom: string;
  periodTo: string;
  receivedAt: string;
  packages: number;
}

/** Each sender with its latest package (highest sequence) and how many it sent, in court-code order. */
export function listReceivedCourts(db: Database): ReceivedCourt[] {
  return db.prepare(`
    SELECT p.sender_code AS senderCode, p.sender_name AS senderName, p.sequence AS lastSequence, p.package_id AS lastPackageId,
           p.period_from AS periodFrom, p.period_to AS periodTo, p.received_at AS receivedAt,
           (SELECT count(*) FROM received_packages q WHERE q.sender_code = p.sender_code) AS packages
    FROM received_packages p
    WHERE p.sequence = (SELECT max(sequence) FROM received_packages q WHERE q.sender_code = p.sender_code)
    ORDER BY p.sender_code`).all() as ReceivedCourt[];
}

/** A refused package, logged in its own small transaction (after the import's has rolled back), messages capped. */
export function logRefusal(db: Database, r: { fileName: string; senderCode: string | null; sequence: number | null; packageId: string | null; code: string; message: string; by: string }): void {
  const cap = (v: string | null, n: number) => (v === null ? null : v.slice(0, n));
  db.transaction(() => {
    db.prepare(`INSERT INTO package_refusals (at, file_name, sender_code, sequence, package_id, code, message, refused_by)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?)`).run(nowStamp(), cap(r.fileName, 255), cap(r.senderCode, 10), Number.isSafeInteger(r.sequence) ? r.sequence : null,
      cap(r.packageId, 64), cap(r.code, 40), cap(r.message, 1000), cap(r.by, 40));
  })();
}
