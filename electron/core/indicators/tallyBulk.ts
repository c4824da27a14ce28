// Bulk loads with the tally triggers off: the tally tables are rebuilt once, set-based, after the load instead of upserted per row.
import type { Database } from 'better-sqlite3';
import { fillFlowTallies } from '../db/migrations/0012-tallies';
import { fillLinkMediationTallies, fillMonthTallies } from '../db/migrations/0017-link-mediation-tallies';
import { fillMonths } from '../db/migrations/0019-duration-year-tallies';
import { fillFlowYears } from '../db/migrations/0020-flow-year-tallies';
import { fillDeepLinkSimple } from '../db/migrations/0021-deep-link-simple';
import { fillAdvanceMonths } from '../db/migrations/0022-advance-month-tallies';
import { fillDurationCounts } from '../db/migrations/0023-duration-counts';
import { forgetStockDays } from './stockDays';

/** The triggers a bulk load drops: those on cases that keep the tallies, and those that keep the month and year rows. */
const TRIGGERS = `SELECT name, sql FROM sqlite_schema WHERE type = 'trigger'
  AND ((tbl_name = 'cases' AND name LIKE 'cases_tally_%') OR tbl_name IN ('tally_day', 'tally_month', 'tally_durations', 'tally_durations_month', 'tally_mediation', 'tally_advance', 'tally_links'))`;

/**
 * Runs fn (inside the caller's transaction) with the triggers on cases that keep the indicator tallies dropped,
 * then rebuilds every tally table from the whole cases table with the fills of the migrations whose rules are in
 * force (migration 12's flow, migration 17's 先行调解, links and month rows, migration 19's month rows of 先行调解 and simple, migration 20's year rows of the flow, migration 21's simple, migration 22's month rows of tally_advance, migration 23's counts of the durations by month and year) and recreates the triggers from their
 * stored SQL. Kept stock days are dropped: they come back on the next read. Per row the triggers cost the seed as
 * much again as the load itself; the rebuild is a few GROUP BY passes. For loads that at least double the table
 * (the seed, a large import into a young court), like withBulkLoad's indexes.
 */
export function withTalliesRebuilt<T>(db: Database, fn: () => T): T {
  const triggers = db.prepare(TRIGGERS).all() as Array<{ name: string; sql: string }>;
  // No triggers on cases, no upkeep (the bench's baseline drops them): nothing to rebuild either.
  if (!triggers.some((t) => t.name.startsWith('cases_tally_'))) return fn();
  for (const t of triggers) db.exec(`DROP TRIGGER "${t.name}"`);
  const result = fn();
  db.exec(`DELETE FROM tally_day; DELETE FROM tally_durations; DELETE FROM tally_month; DELETE FROM tally_durations_month;
    DELETE FROM tally_durations_month_counts; DELETE FROM tally_durations_year_counts; DELETE FROM tally_year;
    DELETE FROM tally_mediation_month; DELETE FROM tally_links_month; DELETE FROM tally_advance_month;
    DELETE FROM tally_mediation; DELETE FROM tally_advance; DELETE FROM tally_links;`);
  forgetStockDays(db);
  fillFlowTallies(db);
  fillLinkMediationTallies(db);
  fillDeepLinkSimple(db);
  fillMonthTallies(db);
  fillDurationCounts(db);
  fillMonths(db);
  fillFlowYears(db);
  fillAdvanceMonths(db);
  for (const t of triggers) db.exec(t.sql);
  return result;
}
