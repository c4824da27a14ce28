// Prepared statements of the indicator reads kept per connection by their SQL text: a dashboard asks the same dozen again and again.
import type { Database, Statement } from 'better-sqlite3';

const LIMIT = 200;
const kept = new WeakMap<Database, Map<string, Statement>>();

/**
 * db.prepare(sql), once per connection and text (preparing is a tenth of a cold month's dashboard at 1M). Callers
 * set the statement's mode (raw, pluck) on every use, the same for a given text. A text made of a period's dates
 * would fill the map: the texts here carry their values as parameters, and the map is emptied past LIMIT anyway.
 */
export function prepared(db: Database, sql: string): Statement {
  let map = kept.get(db);
  if (!map) kept.set(db, (map = new Map()));
  let s = map.get(sql);
  if (!s) {
    if (map.size >= LIMIT) map.clear();
    map.set(sql, (s = db.prepare(sql)));
  }
  return s;
}
