// Damages a database file the way a failing disk would, where SQLite does not notice on open: one index page zeroed.
import BetterSqlite3 from 'better-sqlite3';
import { readFileSync, writeFileSync } from 'node:fs';

/** Zeroes the header of an index's root page: the file opens and reads, only a check (or a lookup by it) sees it. */
export function breakIndexPage(file: string, indexName: string): void {
  const d = new BetterSqlite3(file, { readonly: true });
  const root = d.prepare('SELECT rootpage FROM sqlite_schema WHERE name = ?').pluck().get(indexName) as number;
  d.close();
  const buf = readFileSync(file);
  buf.fill(0x00, (root - 1) * 4096, (root - 1) * 4096 + 16);
  writeFileSync(file, buf);
}
