// Migration 8 on a version-7 fixture: two new columns on cases, case_events rebuilt for one more kind with every row
// and id kept, five new empty tables with their CHECKs, and the indexes for scoped lists and the next case number.
import { afterEach, describe, expect, it } from 'vitest';
import BetterSqlite3 from 'better-sqlite3';
import { openDatabase } from '../../../electron/core/db/connection';
import { CaseQueries } from '../../../electron/core/cases/caseQueries';
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

const NEW_TABLES = ['case_reopenings', 'case_reviews', 'mediations', 'precedent_searches', 'saved_filters'];
const NEW_INDEXES = [
  'case_reopenings_case', 'case_reviews_case', 'case_reviews_row_version',
  'cases_number_seq', 'cases_open_division_due', 'cases_open_division_filed', 'cases_open_judge_due', 'cases_open_judge_filed',
  'mediations_open', 'mediations_row_version', 'precedent_searches_case', 'precedent_searches_row_version',
  'sqlite_autoindex_mediations_1', 'sqlite_autoindex_saved_filters_1',
];
const T = '2026-12-04T00:00:00.000Z';

/*
 * v7-b82a452.sqlite was written by commit b82a452, the last code with seven migrations (see the fixtures' README):
 * three cases, one closed, with due_order filled by that code's engine, and on （2024）辽0421民初102号 a 公告 period and
 * a 中止 with its resumption, ids 1 and 2 of case_events.
 */
function atVersion7(): { file: string; before: Db } {
  const f = fixtureCopy('v7-b82a452.sqlite');
  cleanups.push(f.cleanup);
  const before = new BetterSqlite3(f.file, { readonly: true });
  cleanups.unshift(() => before.close());
  return { file: f.file, before };
}

function upgraded(): Db {
  const { file, before } = atVersion7();
  before.close();
  const { db } = openDatabase(file, { migrations: migrationsUpTo(8) });
  cleanups.unshift(() => db.close());
  return db;
}

describe('migration 0008: case work', () => {
  it('keeps every row and id, case_events through its rebuild included, and adds empty columns and tables', () => {
    const { file, before } = atVersion7();
    expect(before.pragma('user_version', { simple: true })).toBe(7);
    const tables = tablesOf(before);
    const columns = Object.fromEntries(tables.map((t) => [t, columnsOf(before, t)]));
    const data = Object.fromEntries(tables.map((t) => [t, rowsOf(before, t, columns[t])]));
    const schema = schemaOf(before).rows;
    before.close();
    expect(data.cases).toHaveLength(3);
    expect((data.case_events as Array<{ id: number; kind: string }>).map((e) => [e.id, e.kind])).toEqual([[1, '公告'], [2, '中止']]);

    const { db, previousVersion } = openDatabase(file, { migrations: migrationsUpTo(8) });
    try {
      expect([previousVersion, db.pragma('user_version', { simple: true })]).toEqual([7, 8]);
      expect(tablesOf(db)).toEqual([...tables, ...NEW_TABLES].sort());
      for (const t of tables) expect(rowsOf(db, t, columns[t]), t).toEqual(data[t]);
      expect(columnsOf(db, 'case_events')).toEqual(columns.case_events);

      // Every schema entry but the two changed tables is as it was, case_events' indexes made again alike; the new
      // entries are the five tables and their indexes.
      const after = schemaOf(db).rows;
      expect(after).toEqual(expect.arrayContaining(schema.filter((r) => !(r.type === 'table' && (r.name === 'cases' || r.name === 'case_events')))));
      const added = after.filter((r) => !schema.some((s) => s.name === r.name));
      expect(added.filter((r) => r.type === 'table').map((r) => r.name)).toEqual(NEW_TABLES);
      expect(added.filter((r) => r.type === 'index').map((r) => r.name)).toEqual(NEW_INDEXES);
      expect(added.filter((r) => r.type !== 'table' && r.type !== 'index')).toEqual([]);
      const eventsTable = after.find((r) => r.type === 'table' && r.name === 'case_events')!;
      expect(eventsTable.sql).toContain("OR kind = '拍卖' OR kind = '先行调解延长')");

      // The two new columns of cases come last and are empty on every case; its other columns are as they were.
      expect(columnsOf(db, 'cases')).toEqual([...columns.cases, 'cause_catalog', 'converted_on']);
      expect(db.prepare('SELECT id, cause_catalog, converted_on FROM cases ORDER BY id').all()).toEqual([
        { id: 1, cause_catalog: null, converted_on: null },
        { id: 2, cause_catalog: null, converted_on: null },
        { id: 3, cause_catalog: null, converted_on: null },
      ]);
      for (const t of NEW_TABLES) expect(db.prepare(`SELECT count(*) FROM ${t}`).pluck().get(), t).toBe(0);

      expect(db.pragma('foreign_key_check')).toEqual([]);
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');

      // The list still reads the cases, and sorts them by the due_order b82a452 stored.
      const q = new CaseQueries(db);
      const list = (args: Parameters<CaseQueries['list']>[0]) => q.list(args, '2024-12-31').rows.map((r) => r.caseNumber);
      expect(list({})).toEqual(['（2024）辽0421民初102号', '（2024）辽0421民初100号', '（2023）辽0421执1234号']);
      expect(list({ sort: 'dueOn_asc' })).toEqual(['（2023）辽0421执1234号', '（2024）辽0421民初100号', '（2024）辽0421民初102号']);
      expect(list({ search: '张三丰' })).toEqual(['（2024）辽0421民初102号']);
    } finally {
      db.close();
    }
  });

  it('has the new indexes, and finds the next case number through cases_number_seq', () => {
    const db = upgraded();
    const indexes = db.prepare("SELECT name, tbl_name FROM sqlite_schema WHERE type = 'index' AND name IN (?, ?, ?, ?, ?, ?, ?) ORDER BY name")
      .all('mediations_open', 'mediations_row_version', 'cases_open_division_due', 'cases_open_judge_due', 'cases_open_division_filed', 'cases_open_judge_filed', 'cases_number_seq');
    expect(indexes).toEqual([
      { name: 'cases_number_seq', tbl_name: 'cases' },
      { name: 'cases_open_division_due', tbl_name: 'cases' },
      { name: 'cases_open_division_filed', tbl_name: 'cases' },
      { name: 'cases_open_judge_due', tbl_name: 'cases' },
      { name: 'cases_open_judge_filed', tbl_name: 'cases' },
      { name: 'mediations_open', tbl_name: 'mediations' },
      { name: 'mediations_row_version', tbl_name: 'mediations' },
    ]);
    const index = (name: string) => (db.pragma(`index_info(${name})`) as Array<{ name: string }>).map((c) => c.name);
    expect(index('cases_number_seq')).toEqual(['court_code', 'year', 'type_code', 'seq']);
    expect(index('cases_open_division_due')).toEqual(['division_id', 'due_order', 'id']);
    expect(index('cases_open_judge_due')).toEqual(['judge_id', 'due_order', 'id']);
    // The case_events indexes were dropped with the old table and made again on the new one.
    expect(index('case_events_case')).toEqual(['case_id']);
    expect(index('case_events_row_version')).toEqual(['row_version']);

    const nextSeq = 'SELECT max(seq) FROM cases WHERE court_code = ? AND year = ? AND type_code = ?';
    expect(plan(db, nextSeq, '辽0421', 2024, '民初')).toMatch(/SEARCH cases USING COVERING INDEX cases_number_seq \(court_code=\? AND year=\? AND type_code=\?\)/);
    expect(db.prepare(nextSeq).pluck().get('辽0421', 2024, '民初')).toBe(102);
    expect(db.prepare(nextSeq).pluck().get('辽0421', 2025, '民初')).toBeNull();
  });

  it('accepts 先行调解延长 in case_events and refuses what the new CHECKs refuse', () => {
    const db = upgraded();
    const event = db.prepare('INSERT INTO case_events (case_id, kind, from_on, to_on, note, row_version, created_at, updated_at) VALUES (2, ?, ?, ?, NULL, 100, ?, ?)');
    const id = Number(event.run('先行调解延长', '2024-09-01', '2024-09-10', T, T).lastInsertRowid);
    expect(id).toBe(3);
    expect(db.prepare('SELECT case_id, kind FROM case_events WHERE id = ?').get(id)).toEqual({ case_id: 2, kind: '先行调解延长' });
    expect(() => event.run('xyz', '2024-09-01', '2024-09-10', T, T)).toThrow(/CHECK constraint failed/);
    expect(() => event.run('中止', '2024-09-10', '2024-09-01', T, T)).toThrow(/CHECK constraint failed/);
    expect(() => db.prepare("INSERT INTO case_events (case_id, kind, from_on, row_version, created_at, updated_at) VALUES (99, '公告', '2024-09-01', 101, ?, ?)").run(T, T))
      .toThrow(/FOREIGN KEY constraint failed/);

    // cases: a catalogue id of at most 20 characters, a conversion date of ten.
    expect(() => db.prepare('UPDATE cases SET cause_catalog = ? WHERE id = 2').run('x'.repeat(21))).toThrow(/CHECK constraint failed/);
    expect(() => db.prepare('UPDATE cases SET converted_on = ? WHERE id = 2').run('2024-9-1')).toThrow(/CHECK constraint failed/);
    db.prepare('UPDATE cases SET cause_catalog = ?, converted_on = ? WHERE id = 2').run('civil-2020', '2024-09-15');

    // mediations: 7 or 15 base days, ended and outcome together, one per case, an existing case.
    const mediation = db.prepare(`INSERT INTO mediations (case_id, destination, mediator, received_on, base_days, ended_on, outcome, row_version, created_at, updated_at)
      VALUES (?, '特邀调解员', '调解员甲', '2024-09-01', ?, ?, ?, 102, ?, ?)`);
    expect(() => mediation.run(2, 10, null, null, T, T)).toThrow(/CHECK constraint failed/);
    expect(() => mediation.run(2, 15, '2024-09-10', null, T, T)).toThrow(/CHECK constraint failed/);
    expect(() => mediation.run(2, 15, null, '调解成功', T, T)).toThrow(/CHECK constraint failed/);
    expect(() => mediation.run(2, 15, '2024-09-10', '和好', T, T)).toThrow(/CHECK constraint failed/);
    expect(() => mediation.run(99, 15, null, null, T, T)).toThrow(/FOREIGN KEY constraint failed/);
    mediation.run(2, 15, null, null, T, T);
    expect(() => mediation.run(2, 7, null, null, T, T)).toThrow(/UNIQUE constraint failed: mediations.case_id/);
    expect(() => db.prepare('UPDATE mediations SET extension_days = 31').run()).toThrow(/CHECK constraint failed/);

    // 阅核, 类案检索, reopenings and saved filters.
    expect(() => db.prepare(`INSERT INTO case_reviews (case_id, reviewer, reviewer_role, reviewed_on, action, recorded_by, row_version, created_at)
      VALUES (1, '庭长甲', '法官', '2024-07-01', '同意', '书记员甲', 103, ?)`).run(T)).toThrow(/CHECK constraint failed/);
    expect(() => db.prepare(`INSERT INTO precedent_searches (case_id, platforms, query, none_found, searched_on, recorded_by, row_version, created_at)
      VALUES (1, '法答网', '民间借贷 利率', 2, '2024-07-01', '书记员甲', 103, ?)`).run(T)).toThrow(/CHECK constraint failed/);
    expect(() => db.prepare(`INSERT INTO case_reopenings (case_id, closed_on, closing_method, reason, reopened_by, reopened_on, row_version, created_at)
      VALUES (1, '2024-07-10', '判决', '', '庭长甲', '2024-07-20', 103, ?)`).run(T)).toThrow(/CHECK constraint failed/);
    const filter = db.prepare("INSERT INTO saved_filters (staff_id, name, filters_json, created_at, updated_at) VALUES (?, ?, '{}', ?, ?)");
    filter.run(2, '我的超期案件', T, T);
    expect(() => filter.run(2, '我的超期案件', T, T)).toThrow(/UNIQUE constraint failed/);
    expect(() => filter.run(99, '本庭15日内到期', T, T)).toThrow(/FOREIGN KEY constraint failed/);
    expect(() => filter.run(2, '', T, T)).toThrow(/CHECK constraint failed/);

    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  });
});
