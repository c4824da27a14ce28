// Court settings kept in the settings table: values as JSON, each change stamped and audited.
import type { Database } from 'better-sqlite3';
import { DEFAULT_IDLE_LOCK_MINUTES } from '../../../shared/accounts/roles';
import { nextRowVersion, nowStamp } from '../db/clock';
import { auditAppender } from '../audit/auditLog';
import type { AuditAction } from '../../../shared/audit/actions';

export class SettingsStore {
  private audit: ReturnType<typeof auditAppender>;
  private read;

  constructor(private db: Database) {
    this.audit = auditAppender(db);
    this.read = db.prepare('SELECT value_json FROM settings WHERE key = ?').pluck();
  }

  get<T>(key: string, fallback: T): T {
    const v = this.read.get(key) as string | undefined;
    return v === undefined ? fallback : (JSON.parse(v) as T);
  }

  set(key: string, value: unknown, actor: string, action: AuditAction): void {
    this.db.transaction(() => {
      const before = this.read.get(key) as string | undefined;
      const now = nowStamp();
      this.db.prepare(
        `INSERT INTO settings (key, value_json, row_version, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (key) DO UPDATE SET value_json = excluded.value_json, row_version = excluded.row_version, updated_at = excluded.updated_at`,
      ).run(key, JSON.stringify(value), nextRowVersion(this.db), now);
      this.audit({ actor, action, entity: 'setting', entityKey: key, before: before === undefined ? null : JSON.parse(before), after: value }, now);
    }).immediate();
  }

  idleLockMinutes(): number {
    return this.get('idleLockMinutes', DEFAULT_IDLE_LOCK_MINUTES);
  }

  setIdleLockMinutes(minutes: number, actor: string): number {
    this.set('idleLockMinutes', minutes, actor, 'settings.idleLock');
    return minutes;
  }
}
