// Migration 18 on a version-17 court: the ledger tables arrive empty, every existing row and schema entry stays, and their CHECKs and references hold.
import { afterEach, describe, expect, it } from 'vitest';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { openDatabase } from '../../../electron/core/db/connection';
import { initCourt } from '../../../electron/core/setup/initCourt';
import { tempDir } from '../../helpers/tempDb';
import { migrationsUpTo, schemaOf } from '../../helpers/migrationFixtures';

const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((f) => f()));

const NEW = ['ledger_evidence', 'ledger_help_measures', 'ledger_help_progress', 'ledger_measure_points', 'ledger_measures', 'ledger_meetings', 'ledger_progress', 'ledger_received', 'ledger_targets', 'ledger_weak_points'];
const tablesOf = (db: BetterSqlite3.Database) => db
  .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name")
  .pluck().all() as string[];

function atVersion17(): string {
  const t = tempDir();
  cleanups.push(t.cleanup);
  const file = path.join(t.dir, 'court.sqlite');
  const { db } = openDatabase(file, { create: true, migrations: migrationsUpTo(17) });
  initCourt(db, '辽0421', '测试县人民法院', 'tester', false);
  expect(db.pragma('user_version', { simple: true })).toBe(17);
  db.close();
  return file;
}

describe('migration 0018: the 脱薄 ledger', () => {
  it('adds the ledger tables empty and changes nothing else', () => {
    const file = atVersion17();
    const before = new BetterSqlite3(file, { readonly: true });
    const tables = tablesOf(before);
    const rows = Object.fromEntries(tables.map((t) => [t, before.prepare(`SELECT * FROM "${t}"`).all()]));
    const schemaBefore = schemaOf(before).rows;
    before.close();
    const { db } = openDatabase(file, { migrations: migrationsUpTo(18) });
    cleanups.unshift(() => db.close());
    expect(db.pragma('user_version', { simple: true })).toBe(18);
    expect(tablesOf(db)).toEqual([...tables, ...NEW].sort());
    for (const t of tables) expect(db.prepare(`SELECT * FROM "${t}"`).all(), t).toEqual(rows[t]);
    expect(schemaOf(db).rows.filter((r) => !NEW.includes(r.tbl_name))).toEqual(schemaBefore);
    for (const t of NEW) expect(db.prepare(`SELECT count(*) FROM ${t}`).pluck().get()).toBe(0);
  });

  it('holds its CHECKs and references', () => {
    const { db } = openDatabase(atVersion17(), { migrations: migrationsUpTo(18) });
    cleanups.unshift(() => db.close());
    const point = (foundBy: string, text = '超12个月未结案件多') => () =>
      db.prepare("INSERT INTO ledger_weak_points (text, found_by, found_on, created_by, created_at, row_version, updated_at) VALUES (?, ?, '2025-01-10', 'x', 'x', 1, 'x')").run(text, foundBy);
    expect(point('intermediate')).not.toThrow();
    expect(point('province')).toThrow(/CHECK/);
    expect(point('self', '')).toThrow(/CHECK/);
    const target = (wp: number) => () => db.prepare("INSERT INTO ledger_targets (weak_point_id, indicator, target, due_on) VALUES (?, 'longPending12Ratio', 0.02, '2025-06-30')").run(wp);
    expect(target(1)).not.toThrow();
    expect(target(1)).toThrow(/UNIQUE|PRIMARY/);
    expect(target(99)).toThrow(/FOREIGN KEY/);
    const measure = (start: string, due: string, origin = 'local', key: string | null = null) => () =>
      db.prepare(`INSERT INTO ledger_measures (kind, text, leader_name, owner_name, division_name, start_on, due_on, origin, origin_key, created_by, created_at, row_version, updated_at)
        VALUES ('rectify', '每周清理长期未结案件', '院长甲', '庭长乙', '民事审判庭', ?, ?, ?, ?, 'x', 'x', 1, 'x')`).run(start, due, origin, key);
    expect(measure('2025-01-01', '2025-03-31')).not.toThrow();
    expect(measure('2025-04-01', '2025-03-31')).toThrow(/CHECK/);
    expect(measure('2025-01-01', '2025-03-31', 'return')).toThrow(/CHECK/);
    expect(measure('2025-01-01', '2025-03-31', 'local', '辽04:1')).toThrow(/CHECK/);
    expect(measure('2025-01-01', '2025-03-31', 'return', '辽04:1')).not.toThrow();
    expect(measure('2025-01-01', '2025-03-31', 'return', '辽04:1')).toThrow(/UNIQUE/);
    expect(() => db.prepare('INSERT INTO ledger_measure_points (measure_id, weak_point_id) VALUES (1, 2)').run()).toThrow(/FOREIGN KEY/);
    expect(() => db.prepare("INSERT INTO ledger_progress (measure_id, on_date, text, done, recorded_by, recorded_at, row_version) VALUES (1, '2025-02-01', '已清理 12 件', 2, 'x', 'x', 1)").run()).toThrow(/CHECK/);
    db.prepare("INSERT INTO ledger_progress (measure_id, on_date, text, recorded_by, recorded_at, row_version) VALUES (1, '2025-02-01', '已清理 12 件', 'x', 'x', 1)").run();
    const evidence = (size: number, bytes: Buffer) => () =>
      db.prepare("INSERT INTO ledger_evidence (progress_id, name, mime, size, sha256, bytes, created_at, row_version) VALUES (1, '会议纪要.pdf', 'application/pdf', ?, ?, ?, 'x', 1)").run(size, 'a'.repeat(64), bytes);
    expect(evidence(3, Buffer.from('abcd'))).toThrow(/CHECK/);
    expect(evidence(4, Buffer.from('abcd'))).not.toThrow();
    expect(() => db.prepare("INSERT INTO ledger_meetings (held_on, title, attendees, decisions, period_from, period_to, snapshot, created_by, created_at, row_version, updated_at) VALUES ('2025-02-05', '1月分析会', '院长甲、庭长乙', '', '2025-01-01', '2025-01-31', 'not json', 'x', 'x', 1, 'x')").run()).toThrow(/CHECK|JSON/);
    expect(() => db.prepare("INSERT INTO ledger_received (court_id, package_id, sequence, received_at, ledger) VALUES (99, 'p', 1, 'x', '{}')").run()).toThrow(/FOREIGN KEY/);
  });
});
