// Bulk loading: secondary indexes and the search index are rebuilt once after many inserts instead of row by row.
import type { Database } from 'better-sqlite3';
import { SEARCH_DOCUMENT_SQL } from './searchDocument';

const BULK_TABLES = ['cases', 'case_events', 'extension_requests'];

/**
 * Runs fn (inside the caller's transaction) with the secondary indexes of the case tables dropped, then rebuilds
 * them from their own stored SQL and indexes the new cases for search in one pass: one sort per index beats a
 * b-tree insert per row once a load at least doubles the table. New cases must not be put in case_search by fn,
 * unless opts.searchIndexed says fn did it for every one (the seed does, overlapping it with the generator's thread).
 * opts.tables narrows the tables whose indexes are dropped, for a writer that reads some of them row by row.
 */
export function withBulkLoad<T>(db: Database, fn: () => T, opts: { searchIndexed?: boolean; tables?: readonly string[] } = {}): T {
  const maxIdBefore = (db.prepare('SELECT coalesce(max(id), 0) FROM cases').pluck().get() as number);
  const tables = opts.tables ?? BULK_TABLES;
  const indexes = db
    .prepare(`SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (${tables.map(() => '?').join(', ')})`)
    .all(...tables) as Array<{ name: string; sql: string }>;
  const previousCache = db.pragma('cache_size', { simple: true }) as number;
  // The rebuilds sort whole tables: 256 MB of page cache for the duration, then back to normal.
  db.pragma('cache_size = -262144');
  try {
    for (const i of indexes) db.exec(`DROP INDEX "${i.name}"`);
    const result = fn();
    for (const i of indexes) db.exec(i.sql);
    if (!opts.searchIndexed) {
      db.prepare(`INSERT INTO case_search (rowid, doc) SELECT id, ${SEARCH_DOCUMENT_SQL} FROM cases WHERE id > ?`).run(maxIdBefore);
    }
    return result;
  } finally {
    db.pragma(`cache_size = ${previousCache}`);
  }
}

/** Whether a load of n new rows is large enough, against the table as it is, for withBulkLoad to pay off. */
export function worthBulkLoading(db: Database, newRows: number): boolean {
  if (newRows < 5000) return false;
  const existing = db.prepare('SELECT count(*) FROM cases').pluck().get() as number;
  return newRows >= existing;
}
