// The row clock: one new row_version per writing transaction, so incremental exports can take "everything since".
import type { Database } from 'better-sqlite3';

export function nextRowVersion(db: Database): number {
  const row = db.prepare('UPDATE row_clock SET version = version + 1 WHERE id = 1 RETURNING version').get() as { version: number };
  return row.version;
}

/** Wall-clock timestamp for created_at/updated_at and the audit log (UTC, ISO 8601). */
export function nowStamp(): string {
  return new Date().toISOString();
}
