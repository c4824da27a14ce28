// The basic court's export log: each package written, with its sequence, id, hashes, row clock and exact bytes (re-writing copies them), and the next sequence number.
import type { Database } from 'better-sqlite3';
import type { DataPart } from '../../../../shared/exchange/parts';
import { nowStamp } from '../../db/clock';
import type { PastExportView } from '../../../../shared/exchange/api';

/** The settings row a return file raises after a restore from backup, so numbers already received are never reused. */
export const SEQUENCE_FLOOR_KEY = 'exchangeSequenceFloor';

function floor(db: Database): number {
  const raw = db.prepare('SELECT value_json FROM settings WHERE key = ?').pluck().get(SEQUENCE_FLOOR_KEY) as string | undefined;
  if (raw === undefined) return 0;
  try {
    const v: unknown = JSON.parse(raw);
    return typeof v === 'number' && Number.isSafeInteger(v) && v > 0 ? v : 0;
  } catch {
    return 0;
  }
}

export function nextSequence(db: Database): number {
  const max = db.prepare('SELECT coalesce(max(sequence), 0) FROM exchange_exports').pluck().get() as number;
  return Math.max(max, floor(db)) + 1;
}

export function lastExport(db: Database): { sequence: number; packageId: string; highRowVersion: number; periodTo: string } | null {
  const r = db.prepare(`SELECT sequence, package_id AS packageId, high_row_version AS highRowVersion, period_to AS periodTo
    FROM exchange_exports ORDER BY sequence DESC LIMIT 1`).get();
  return (r as ReturnType<typeof lastExport> | undefined) ?? null;
}

export interface ExportRecord {
  sequence: number;
  packageId: string;
  kind: 'full' | 'incremental';
  baseSequence: number | null;
  periodFrom: string;
  periodTo: string;
  fileName: string;
  payloadSha256: string;
  packageSha256: string;
  bytes: Buffer;
  highRowVersion: number;
  includesPartyNames: boolean;
  counts: Record<DataPart, number>;
  by: string;
}

/** Called only once the file is on the stick, read back and verified; UNIQUE(sequence) refuses a number used twice. */
export function recordExport(db: Database, e: ExportRecord): void {
  db.prepare(`INSERT INTO exchange_exports (sequence, package_id, kind, base_sequence, period_from, period_to, file_name, payload_sha256,
      package_sha256, size, bytes, high_row_version, includes_party_names, counts_json, created_at, created_by)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(
    e.sequence, e.packageId, e.kind, e.baseSequence, e.periodFrom, e.periodTo, e.fileName, e.payloadSha256, e.packageSha256,
    e.bytes.length, e.bytes, e.highRowVersion, e.includesPartyNames ? 1 : 0, JSON.stringify(e.counts), nowStamp(), e.by);
}


/** Newest first; the bytes stay in the table (exportBytes). */
export function listExports(db: Database): PastExportView[] {
  return db.prepare(`SELECT sequence, package_id AS packageId, kind, base_sequence AS baseSequence, period_from AS periodFrom,
      period_to AS periodTo, file_name AS fileName, payload_sha256 AS payloadSha256, package_sha256 AS packageSha256, size,
      created_at AS createdAt, created_by AS createdBy
    FROM exchange_exports ORDER BY sequence DESC`).all() as PastExportView[];
}

export function exportBytes(db: Database, sequence: number): { fileName: string; bytes: Buffer } | null {
  const r = db.prepare('SELECT file_name AS fileName, bytes FROM exchange_exports WHERE sequence = ?').get(sequence);
  return (r as { fileName: string; bytes: Buffer } | undefined) ?? null;
}
