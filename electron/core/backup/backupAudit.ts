// The audit-log entries for copies of the court's data taken on request and for restores, from the window or the command line.
import type { Database } from 'better-sqlite3';
import { auditAppender, type AuditEntry } from '../audit/auditLog';
import { getSelfCourt } from '../court/courtStore';
import type { BackupInfo } from './backupWrite';
import type { RestoreResult } from './backupRestore';

/** In a write transaction: reading the last hash and appending must not be split by another writer (the CLI). */
function appendAlone(db: Database, entry: AuditEntry): void {
  const append = auditAppender(db);
  db.transaction(() => append(entry)).immediate();
}

/** A manual backup takes the court's data out of the database (often to a USB stick): who, where, how much. */
export function recordManualBackup(db: Database, actor: string, info: BackupInfo): void {
  appendAlone(db, {
    actor,
    action: 'backup',
    entity: 'database',
    entityKey: getSelfCourt(db)?.code ?? null,
    after: { file: info.file, bytes: info.bytes, cases: info.cases, schemaVersion: info.schemaVersion },
  });
}

/**
 * Written into the restored database, which continues its own hash chain: the entries made after the backup are in
 * the copy taken before the restore (or the file moved aside), which this entry names.
 */
export function recordRestore(db: Database, actor: string, result: RestoreResult): void {
  appendAlone(db, {
    actor,
    action: 'restore',
    entity: 'database',
    entityKey: result.courtCode,
    after: {
      restoredFrom: result.restoredFrom,
      cases: result.cases,
      previous: result.previous,
      beforeRestoreBackup: result.beforeRestoreBackup?.file ?? null,
      movedAsideTo: result.movedAsideTo,
    },
  });
}
