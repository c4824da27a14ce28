// Migration test helpers: a copy of a committed fixture database to upgrade, the migrations up to a version, schema dumps.
import { copyFileSync } from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { MIGRATIONS, type Migration } from '../../electron/core/db/migrations';
import { tempDir } from './tempDb';

export const FIXTURES = path.resolve(__dirname, '..', 'fixtures');

/** A fixture under test/fixtures/migrations, copied into a temporary folder: the committed file is never opened for writing. */
export function fixtureCopy(name: string): { file: string; cleanup: () => void } {
  const t = tempDir('courtdesk-migration-');
  const file = path.join(t.dir, 'court.sqlite');
  copyFileSync(path.join(FIXTURES, 'migrations', name), file);
  return { file, cleanup: t.cleanup };
}

/** The migration list as it stood when `version` was the newest. */
export function migrationsUpTo(version: number): Migration[] {
  return MIGRATIONS.filter((m) => m.version <= version);
}

export interface SchemaRow {
  type: string;
  name: string;
  tbl_name: string;
  sql: string | null;
}

/**
 * The schema as SQLite stores it, in a stable order. sqlite_stat1 and sqlite_stat4 are left out: PRAGMA optimize
 * writes them when a database is closed (closeDatabase), so they depend on the file's history, not on the migrations.
 */
export function schemaOf(db: Database): { userVersion: number; rows: SchemaRow[] } {
  const rows = db
    .prepare("SELECT type, name, tbl_name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite_stat%' ORDER BY type, name")
    .all() as SchemaRow[];
  return { userVersion: db.pragma('user_version', { simple: true }) as number, rows };
}

/** Every token of every document in the search index, by rowid: what a contentless index holds, since it keeps no text. */
export function searchIndexOf(db: Database): string[] {
  db.exec("CREATE VIRTUAL TABLE IF NOT EXISTS temp.case_search_instances USING fts5vocab(main, 'case_search', 'instance')");
  return (db.prepare('SELECT doc, term, offset FROM temp.case_search_instances ORDER BY doc, offset').all() as Array<{ doc: number; term: string; offset: number }>)
    .map((r) => `${r.doc}:${r.offset}:${r.term}`);
}
