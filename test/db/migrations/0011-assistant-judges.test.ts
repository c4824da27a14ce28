// Migration 11 on a version-10 fixture: the assistant–judge links and a request's entered_by arrive, every existing row and schema entry stays.
import { afterEach, describe, expect, it } from 'vitest';
import BetterSqlite3 from 'better-sqlite3';
import { openDatabase } from '../../../electron/core/db/connection';
import { fixtureCopy, migrationsUpTo, schemaOf } from '../../helpers/migrationFixtures';

const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((f) => f()));

type Db = BetterSqlite3.Database;
const tablesOf = (db: Db) => db
  .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name")
  .pluck().all() as string[];

/** v10-045941a.sqlite: the three cases and events of every fixture since v7, written by code with ten migrations (see the fixtures' README). */
function atVersion10(): string {
  const f = fixtureCopy('v10-045941a.sqlite');
  cleanups.push(f.cleanup);
  const db = new BetterSqlite3(f.file);
  expect(db.pragma('user_version', { simple: true })).toBe(10);
  const caseId = db.prepare("SELECT id FROM cases WHERE case_number = '（2024）辽0421民初102号'").pluck().get();
  db.prepare(
    `INSERT INTO extension_requests (case_id, months, days, reason, requested_on, status, decided_on, row_version, created_at, updated_at)
     VALUES (?, 3, 0, '案情复杂', '2024-10-01', 'approved', '2024-10-05', 1, 'x', 'x')`,
  ).run(caseId);
  db.close();
  return f.file;
}

describe('migration 0011: assistants serve judges', () => {
  it('adds assistant_judges and entered_by, keeping every row and schema entry of the others', () => {
    const file = atVersion10();
    const before = new BetterSqlite3(file, { readonly: true });
    const tables = tablesOf(before);
    const rows = Object.fromEntries(tables.map((t) => [t, before.prepare(`SELECT * FROM "${t}"`).all()]));
    const schemaBefore = schemaOf(before).rows;
    before.close();
    const { db } = openDatabase(file, { migrations: migrationsUpTo(11) });
    cleanups.unshift(() => db.close());
    expect(db.pragma('user_version', { simple: true })).toBe(11);
    expect(tablesOf(db)).toEqual([...tables, 'assistant_judges'].sort());
    const touched = ['extension_requests', 'assistant_judges'];
    for (const t of tables.filter((x) => !touched.includes(x))) {
      expect(db.prepare(`SELECT * FROM "${t}"`).all().slice(0, rows[t].length), t).toEqual(rows[t]);
    }
    expect(schemaOf(db).rows.filter((r) => !touched.includes(r.tbl_name))).toEqual(schemaBefore.filter((r) => !touched.includes(r.tbl_name)));
    expect(db.prepare('SELECT months, status, entered_by FROM extension_requests').all()).toEqual([{ months: 3, status: 'approved', entered_by: null }]);
  });

  it('holds its keys: no link to oneself, none twice, only to staff that exist', () => {
    const { db } = openDatabase(atVersion10());
    cleanups.unshift(() => db.close());
    const staff = db.prepare('SELECT id FROM staff ORDER BY id LIMIT 2').pluck().all() as number[];
    const link = (a: number, j: number) => () => db.prepare("INSERT INTO assistant_judges (assistant_id, judge_id, created_at) VALUES (?, ?, 'x')").run(a, j);
    expect(link(staff[0], staff[1])).not.toThrow();
    expect(link(staff[0], staff[1])).toThrow(/UNIQUE|PRIMARY/);
    expect(link(staff[0], staff[0])).toThrow(/CHECK/);
    expect(link(staff[0], 999999)).toThrow(/FOREIGN KEY/);
  });
});
