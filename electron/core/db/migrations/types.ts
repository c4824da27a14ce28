// What one schema migration is: a version (the PRAGMA user_version it leaves behind), a name, and its change.
import type { Database } from 'better-sqlite3';

export interface Migration {
  version: number;
  name: string;
  /** Runs inside the transaction of all pending migrations; it must not commit or open its own. */
  up(db: Database): void;
}
