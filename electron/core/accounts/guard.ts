// Records refused calls: whatever the window sent, a call the role does not allow leaves a trace in the audit log.
import type { Database } from 'better-sqlite3';
import { auditAppender } from '../audit/auditLog';

export class Guard {
  private audit: ReturnType<typeof auditAppender>;

  constructor(private db: Database) {
    this.audit = auditAppender(db);
  }

  /** Its own small transaction: the refused call itself writes nothing. */
  denied(actor: string, what: string, reason: string): void {
    this.db.transaction(() => this.audit({ actor, action: 'denied', entity: 'api', entityKey: what, after: { reason } })).immediate();
  }
}
