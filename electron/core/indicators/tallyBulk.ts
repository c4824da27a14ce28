// Bulk loads with the tally triggers off: the flow tables are rebuilt once, set-based, after the load instead of upserted per row.
import type { Database } from 'better-sqlite3';
import { fillFlowTallies } from '../db/migrations/0012-tallies';
import { fillLinkMediationTallies } from '../db/migrations/0016-link-mediation-tallies';
import { forgetStockDays } from './stockDays';

/**
 * Runs fn (inside the caller's transaction) with the triggers on cases that keep the indicator tallies dropped,
 * then recreates them from their stored SQL and rebuilds the flow tables from the whole cases table with the fills
 * of the migrations whose rules are in force (migration 12; migration 16's 先行调解 and link tables). Kept stock days are dropped: they come back on the next
 * read. Per row the triggers cost the seed as much again as the load itself; the rebuild is one GROUP BY pass. For
 * loads that at least double the table (the seed, a large import into a young court), like withBulkLoad's indexes.
 */
export function withTalliesRebuilt<T>(db: Database, fn: () => T): T {
  const triggers = db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'cases' AND name LIKE 'cases_tally_%'")
    .all() as Array<{ name: string; sql: string }>;
  // No triggers, no upkeep (the bench's baseline drops them): nothing to rebuild either.
  if (triggers.length === 0) return fn();
  for (const t of triggers) db.exec(`DROP TRIGGER "${t.name}"`);
  const result = fn();
  for (const t of triggers) db.exec(t.sql);
  db.exec('DELETE FROM tally_day; DELETE FROM tally_durations; DELETE FROM tally_mediation; DELETE FROM tally_advance; DELETE FROM tally_links;');
  forgetStockDays(db);
  fillFlowTallies(db);
  fillLinkMediationTallies(db);
  return result;
}
