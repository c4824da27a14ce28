// Migration 7 on a version-6 fixture: cases gains frozen_remaining and due_order with their two indexes, empty until
// the time-limit engine fills them; every other row, id and schema entry stays as it was.
import { afterEach, describe, expect, it } from 'vitest';
import BetterSqlite3 from 'better-sqlite3';
import { openDatabase } from '../../../electron/core/db/connection';
import { CaseQueries } from '../../../electron/core/cases/caseQueries';
import { DEADLINE_RULES_VERSION, storedRulesVersion } from '../../../electron/core/deadlines/rulesVersion';
import { fixtureCopy, migrationsUpTo, schemaOf } from '../../helpers/migrationFixtures';

const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((f) => f()));

type Db = BetterSqlite3.Database;
/** The tables that hold rows, the search index's shadow tables included (the contentless index itself holds no text). */
const tablesOf = (db: Db) => db
  .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name")
  .pluck().all() as string[];
const columnsOf = (db: Db, table: string) => (db.pragma(`table_info("${table}")`) as Array<{ name: string }>).map((c) => c.name);
/** Every row of a table in the given columns, ids included, in a stable order. */
const rowsOf = (db: Db, table: string, columns: string[]) => db
  .prepare(`SELECT ${columns.map((c) => `"${c}"`).join(', ')} FROM "${table}" ORDER BY ${columns.map((_, i) => i + 1).join(', ')}`)
  .all();
const plan = (db: Db, sql: string, ...params: unknown[]) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as Array<{ detail: string }>)
  .map((r) => r.detail).join(' / ');

const NEW_INDEXES = [
  { name: 'cases_due_order', tbl_name: 'cases', sql: 'CREATE INDEX cases_due_order ON cases(due_order, id)' },
  { name: 'cases_stopped_remaining', tbl_name: 'cases', sql: "CREATE INDEX cases_stopped_remaining ON cases(frozen_remaining) WHERE clock = 'suspended' OR clock = 'paused'" },
];

/*
 * v6-4f805ad.sqlite was written by commit 4f805ad, the last code with six migrations (5 and 6 shipped there, 7 came
 * with b82a452; see the fixtures' README): three cases, one closed, and on （2024）辽0421民初102号 a 公告 period and a
 * 中止 with its resumption.
 */
function atVersion6(): { file: string; before: Db } {
  const f = fixtureCopy('v6-4f805ad.sqlite');
  cleanups.push(f.cleanup);
  const before = new BetterSqlite3(f.file, { readonly: true });
  cleanups.unshift(() => before.close());
  return { file: f.file, before };
}

describe('migration 0007: stopped clocks', () => {
  it('adds frozen_remaining and due_order, empty, and keeps every row, id and schema entry', () => {
    const { file, before } = atVersion6();
    expect(before.pragma('user_version', { simple: true })).toBe(6);
    const tables = tablesOf(before);
    const columns = Object.fromEntries(tables.map((t) => [t, columnsOf(before, t)]));
    const data = Object.fromEntries(tables.map((t) => [t, rowsOf(before, t, columns[t])]));
    const schema = schemaOf(before).rows;
    before.close();
    expect(data.cases).toHaveLength(3);
    expect(data.case_events).toHaveLength(2);
    expect(columns.cases).not.toContain('frozen_remaining');

    const { db, previousVersion } = openDatabase(file, { migrations: migrationsUpTo(7) });
    try {
      expect([previousVersion, db.pragma('user_version', { simple: true })]).toEqual([6, 7]);
      // No table is added or dropped; every row of every table, in the columns it had, with its id, is as it was.
      expect(tablesOf(db)).toEqual(tables);
      for (const t of tables) expect(rowsOf(db, t, columns[t]), t).toEqual(data[t]);
      // Every schema entry but the cases table itself (which gained two columns) is untouched; two indexes are new.
      const after = schemaOf(db).rows;
      expect(after).toEqual(expect.arrayContaining(schema.filter((r) => !(r.type === 'table' && r.name === 'cases'))));
      expect(after.filter((r) => !schema.some((s) => s.name === r.name)).map((r) => ({ name: r.name, tbl_name: r.tbl_name, sql: r.sql })))
        .toEqual(NEW_INDEXES);

      // The new columns come last, typed as the engine stores them, and empty: the migration only makes room.
      const cols = db.pragma('table_info(cases)') as Array<{ name: string; type: string; notnull: number; dflt_value: unknown }>;
      expect(cols.map((c) => c.name)).toEqual([...columns.cases, 'frozen_remaining', 'due_order']);
      expect(cols.slice(-2).map(({ name, type, notnull, dflt_value }) => ({ name, type, notnull, dflt_value }))).toEqual([
        { name: 'frozen_remaining', type: 'INTEGER', notnull: 0, dflt_value: null },
        { name: 'due_order', type: 'TEXT', notnull: 0, dflt_value: null },
      ]);
      expect(db.prepare('SELECT id, frozen_remaining, due_order FROM cases ORDER BY id').all()).toEqual([
        { id: 1, frozen_remaining: null, due_order: null },
        { id: 2, frozen_remaining: null, due_order: null },
        { id: 3, frozen_remaining: null, due_order: null },
      ]);
      // They are filled by the engine at the first open of the app: the file still carries the old rules version.
      expect(storedRulesVersion(db)).toBe(1);
      expect(storedRulesVersion(db)).toBeLessThan(DEADLINE_RULES_VERSION);

      expect(db.pragma('foreign_key_check')).toEqual([]);
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      // The list still reads the cases.
      const q = new CaseQueries(db);
      expect(q.list({}, '2024-12-31').rows.map((r) => r.caseNumber)).toEqual([
        '（2024）辽0421民初102号', '（2024）辽0421民初100号', '（2023）辽0421执1234号',
      ]);
      expect(q.list({ search: '张三丰' }, '2024-12-31').rows.map((r) => r.caseNumber)).toEqual(['（2024）辽0421民初102号']);
    } finally {
      db.close();
    }
  });

  it('answers the stopped clocks and the sort by due date from the new indexes', () => {
    const { file, before } = atVersion6();
    before.close();
    const { db } = openDatabase(file, { migrations: migrationsUpTo(7) });
    try {
      const index = (name: string) => (db.pragma(`index_info(${name})`) as Array<{ name: string }>).map((c) => c.name);
      expect(index('cases_due_order')).toEqual(['due_order', 'id']);
      expect(index('cases_stopped_remaining')).toEqual(['frozen_remaining']);

      // The 中止·暂停 lists: only stopped clocks are in the partial index, by their frozen days remaining.
      const stopped = "SELECT id FROM cases WHERE (clock = 'suspended' OR clock = 'paused') AND frozen_remaining <= ? ORDER BY frozen_remaining";
      expect(plan(db, stopped, 15)).toMatch(/USING (COVERING )?INDEX cases_stopped_remaining \(frozen_remaining<\?\)/);
      expect(plan(db, stopped, 15)).not.toMatch(/TEMP B-TREE/);

      // The engine's values fit the columns: a case whose clock is stopped is found through the index.
      db.prepare("UPDATE cases SET clock = 'suspended', frozen_remaining = 12, due_on = NULL, due_order = 'S500012' WHERE id = 2").run();
      expect(db.prepare(stopped).pluck().all(15)).toEqual([2]);
      expect(db.prepare(stopped).pluck().all(11)).toEqual([]);

      // Sorting by due date walks cases_due_order without a sort, once the planner has statistics for the new index,
      // which PRAGMA optimize writes when the app closes the database (closeDatabase).
      db.pragma('optimize');
      const byDue = 'SELECT id FROM cases ORDER BY due_order, id LIMIT 50';
      expect(plan(db, byDue)).toMatch(/SCAN cases USING (COVERING )?INDEX cases_due_order/);
      expect(plan(db, byDue)).not.toMatch(/TEMP B-TREE/);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      db.close();
    }
  });
});
