// What one schema migration is: a version (the PRAGMA user_version it leaves behind), a name, and its change.
import type { Database } from 'better-sqlite3';

export interface Migration {
  version: number;
  name: string;
  /** Runs inside the transaction of all pending migrations; it must not commit or open its own. */
  up(db: Database): void;
  /**
   * The migration rebuilds tables (SQLite's way to add a CHECK): foreign keys are switched off around the
   * transaction, since dropping a referenced table would otherwise fail, and every reference is checked before commit.
   */
  rebuildsTables?: boolean;
}
