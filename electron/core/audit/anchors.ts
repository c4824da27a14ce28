// Anchors of the audit chain outside the database file: at every backup (and restore) the chain's length and head
// hash are appended to a log beside the backups, so that a chain rewritten or cut in the file no longer meets them.
import type { Database } from 'better-sqlite3';
import BetterSqlite3 from 'better-sqlite3';
import { appendFileSync, chmodSync, existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { backupDirFor } from '../backup/backupNames';
import { GENESIS_HASH } from './auditLog';

/**
 * `backup`: a copy of the database held this chain; `restore`: the database was replaced by a copy whose chain this
 * is, and the anchors before it belong to a history the court left behind (they are no longer checked).
 */
export interface Anchor {
  kind: 'backup' | 'restore';
  entries: number;
  head: string;
  at: string;
  file: string | null;
}

export interface AnchorCheck {
  /** How many anchors of the current history the log was checked against. */
  checked: number;
  /** The log falls short of an anchor: the number of entries up to which it still agrees with every anchor. */
  shortAfter: number | null;
  /** The first anchor it falls short of. */
  failed: Anchor | null;
}

/** One log per database, beside its backups: `courtdesk.audit-anchors.jsonl`. */
export function anchorLogPath(dbPath: string): string {
  return path.join(backupDirFor(dbPath), `${path.basename(dbPath, path.extname(dbPath))}.audit-anchors.jsonl`);
}

/** The chain of a database: how many entries, and the hash of the last. */
export function chainHead(db: Database): { entries: number; head: string } {
  const r = db.prepare('SELECT count(*) AS entries, (SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1) AS head FROM audit_log').get() as { entries: number; head: string | null };
  return { entries: r.entries, head: r.head ?? GENESIS_HASH };
}

/** The chain a backup file holds, read from the file itself; null when it has no audit log to read. */
export function chainHeadOfFile(file: string): { entries: number; head: string } | null {
  try {
    const db = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
    try {
      return chainHead(db);
    } finally {
      db.close();
    }
  } catch {
    return null;
  }
}

/**
 * Appends an anchor. Never fails the backup or restore it follows: a missing anchor only weakens a later check,
 * while a failed backup would lose a copy of court data.
 */
export function recordAnchor(dbPath: string, kind: Anchor['kind'], file: string, now = new Date()): void {
  const head = chainHeadOfFile(file);
  if (!head) return;
  const log = anchorLogPath(dbPath);
  try {
    const anchor: Anchor = { kind, ...head, at: now.toISOString(), file };
    appendFileSync(log, `${JSON.stringify(anchor)}\n`, { mode: 0o600 });
    if (process.platform !== 'win32') chmodSync(log, 0o600);
  } catch {
    // Out of space or no permission: the backup itself stands.
  }
}

/** The anchors of the current history: from the last restore on (a torn last line, from a crash, is skipped). */
export function readAnchors(dbPath: string): Anchor[] {
  const log = anchorLogPath(dbPath);
  if (!existsSync(log)) return [];
  const anchors: Anchor[] = [];
  for (const line of readFileSync(log, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    try {
      const a = JSON.parse(line) as Anchor;
      if ((a.kind === 'backup' || a.kind === 'restore') && Number.isInteger(a.entries) && typeof a.head === 'string') {
        if (a.kind === 'restore') anchors.length = 0;
        anchors.push(a);
      }
    } catch {
      // Not an anchor.
    }
  }
  return anchors;
}

/** Holds the live chain against each anchor: its entry number N must exist and carry the anchor's hash. */
export function checkAnchors(db: Database, anchors: Anchor[]): AnchorCheck {
  const hashAt = db.prepare('SELECT hash FROM audit_log ORDER BY id LIMIT 1 OFFSET ?').pluck();
  const agrees = (a: Anchor) => (a.entries === 0 ? true : (hashAt.get(a.entries - 1) as string | undefined) === a.head);
  const sorted = [...anchors].sort((x, y) => x.entries - y.entries);
  let agreedUpTo = 0;
  for (const a of sorted) {
    if (!agrees(a)) return { checked: anchors.length, shortAfter: agreedUpTo, failed: a };
    agreedUpTo = a.entries;
  }
  return { checked: anchors.length, shortAfter: null, failed: null };
}
