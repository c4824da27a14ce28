// The schema of a fresh database against a committed snapshot, and every older fixture upgraded to exactly that schema.
import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { openDatabase } from '../../electron/core/db/connection';
import { LATEST_SCHEMA_VERSION } from '../../electron/core/db/migrations';
import { SEARCH_DOCUMENT_SQL, searchDocument } from '../../electron/core/cases/searchDocument';
import { tempDir } from '../helpers/tempDb';
import { FIXTURES, fixtureCopy, schemaOf, searchIndexOf } from '../helpers/migrationFixtures';

const SNAPSHOT = path.join(FIXTURES, 'schema.sql');
const REFRESH = 'UPDATE_SCHEMA_SNAPSHOT=1 npx vitest run --project unit test/db/schemaSnapshot.test.ts';

const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((f) => f()));

function fresh(): Database {
  const t = tempDir();
  cleanups.push(t.cleanup);
  const { db } = openDatabase(path.join(t.dir, 'court.sqlite'), { create: true });
  cleanups.unshift(() => db.close());
  return db;
}

function upgraded(fixture: string): Database {
  const f = fixtureCopy(fixture);
  cleanups.push(f.cleanup);
  const { db } = openDatabase(f.file);
  cleanups.unshift(() => db.close());
  return db;
}

function snapshotText(db: Database): string {
  const { userVersion, rows } = schemaOf(db);
  const entries = rows.map((r) => r.sql === null
    ? `-- ${r.type} ${r.name} on ${r.tbl_name}: made by SQLite for a UNIQUE or PRIMARY KEY constraint\n`
    : `-- ${r.type} ${r.name} on ${r.tbl_name}\n${r.sql};\n`);
  return [
    '-- The schema of a fresh CourtDesk database, as sqlite_schema holds it (test/db/schemaSnapshot.test.ts).',
    `-- Never edited by hand: a schema change is a new migration, then: ${REFRESH}`,
    `PRAGMA user_version = ${userVersion};`,
    '',
    ...entries,
  ].join('\n');
}

describe('schema snapshot', () => {
  it('a fresh database has the schema of test/fixtures/schema.sql', () => {
    const db = fresh();
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    const actual = snapshotText(db);
    if (process.env.UPDATE_SCHEMA_SNAPSHOT === '1') writeFileSync(SNAPSHOT, actual);
    const expected = existsSync(SNAPSHOT) ? readFileSync(SNAPSHOT, 'utf8') : '';
    expect(
      actual,
      'The schema of a fresh database is not the one in test/fixtures/schema.sql. A shipped migration is never edited: add '
        + 'electron/core/db/migrations/NNNN-….ts (and list it in index.ts) for the change, with a test and a fixture, then '
        + `refresh the snapshot: ${REFRESH}`,
    ).toBe(expected);
  });

  it.each([
    ['v1-0001.sqlite', 1],
    ['v2-12f8b11.sqlite', 2],
    ['v3-bc5f22e.sqlite', 3],
    ['v4-d733a91.sqlite', 4],
    ['v6-4f805ad.sqlite', 6],
    ['v7-b82a452.sqlite', 7],
    ['v8-01b5e5c.sqlite', 8],
    ['v9-d623e0f.sqlite', 9],
    ['v10-045941a.sqlite', 10],
  ])('%s, upgraded from version %i, ends with exactly the schema of a fresh database', (fixture, from) => {
    const db = upgraded(fixture);
    expect(from).toBeLessThan(LATEST_SCHEMA_VERSION);
    expect(schemaOf(db), 'the migrations and a fresh install disagree').toEqual(schemaOf(fresh()));
  });
});

describe('the search document of the migrations is the live one', () => {
  it('an index written by the migrations equals one written by cases/searchDocument.ts, in JavaScript and in SQL', () => {
    const db = upgraded('v1-0001.sqlite');
    const migrated = searchIndexOf(db);
    expect(migrated.length).toBeGreaterThan(0);
    const message = 'cases/searchDocument.ts no longer writes the document the migrations leave in case_search: add a '
      + 'migration that rebuilds the index with the new document, as db/migrations/0004-search-document.ts did';

    db.exec("INSERT INTO case_search (case_search) VALUES ('delete-all')");
    const insert = db.prepare('INSERT INTO case_search (rowid, doc) VALUES (?, ?)');
    const cases = db.prepare('SELECT id, case_number, court_code, plaintiffs, defendants FROM cases').all() as Array<{ id: number; case_number: string; court_code: string; plaintiffs: string; defendants: string }>;
    for (const c of cases) insert.run(c.id, searchDocument(c.case_number, c.court_code, c.plaintiffs, c.defendants));
    expect(searchIndexOf(db), message).toEqual(migrated);

    db.exec("INSERT INTO case_search (case_search) VALUES ('delete-all')");
    db.exec(`INSERT INTO case_search (rowid, doc) SELECT id, ${SEARCH_DOCUMENT_SQL} FROM cases`);
    expect(searchIndexOf(db), message).toEqual(migrated);
  });
});
