// Migration 12 on a version-11 court with cases: the tally tables are filled from them (equal to the plain pass), and the triggers keep them from then on.
import { afterEach, describe, expect, it } from 'vitest';
import path from 'node:path';
import { openDatabase } from '../../../electron/core/db/connection';
import { initCourt } from '../../../electron/core/setup/initCourt';
import { CaseStore } from '../../../electron/core/cases/caseStore';
import { CourtDirectory, getSelfCourt } from '../../../electron/core/court/courtStore';
import { nextRowVersion } from '../../../electron/core/db/clock';
import { sqlDocketJudges, sqlTallies } from '../../../electron/core/indicators/sqlTallies';
import { preaggDocketJudges, preaggTallies } from '../../../electron/core/indicators/preaggTallies';
import { tempDir } from '../../helpers/tempDb';
import { migrationsUpTo } from '../../helpers/migrationFixtures';
import { LATEST_SCHEMA_VERSION } from '../../../electron/core/db/migrations';
import { randomCourt } from '../../helpers/randomCourt';

const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((f) => f()));

/** A court written by the code with eleven migrations: 300 random cases, no tally table yet. */
function atVersion11(): string {
  const t = tempDir();
  cleanups.push(t.cleanup);
  const file = path.join(t.dir, 'court.sqlite');
  const { db } = openDatabase(file, { create: true, migrations: migrationsUpTo(11) });
  initCourt(db, '辽0421', '测试县人民法院', 'tester', false);
  const store = new CaseStore(db);
  db.transaction(() => {
    const dir = new CourtDirectory(db, getSelfCourt(db)!.id);
    const v = nextRowVersion(db);
    for (const r of randomCourt(1212, 300)) store.upsert(r, dir, v, { actor: 'tester', today: '2024-12-31' });
  })();
  expect(db.pragma('user_version', { simple: true })).toBe(11);
  expect(db.prepare("SELECT count(*) FROM sqlite_schema WHERE name LIKE 'tally%'").pluck().get()).toBe(0);
  db.close();
  return file;
}

describe('migration 0012: pre-aggregated indicator tallies', () => {
  it('creates the tables, the index and the four triggers, and fills the flow from the cases there are', () => {
    const { db } = openDatabase(atVersion11());
    cleanups.unshift(() => db.close());
    // On to the latest version: the readers compared below use later migrations' indexes (migration 13).
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    const names = (type: string) => db.prepare('SELECT name FROM sqlite_schema WHERE type = ? ORDER BY name').pluck().all(type);
    expect(names('table')).toEqual(expect.arrayContaining(['tally_day', 'tally_durations', 'tally_stock', 'tally_stock_days']));
    expect(names('trigger')).toEqual(expect.arrayContaining(['cases_tally_delete', 'cases_tally_flow', 'cases_tally_insert', 'cases_tally_stock']));
    expect(names('index')).toContain('mediations_ended');
    const [received, resolved] = db.prepare('SELECT sum(received), sum(resolved) FROM tally_day').raw().get() as number[];
    expect(received).toBe(300);
    expect(resolved).toBe(db.prepare('SELECT count(*) FROM cases WHERE closed_on IS NOT NULL').pluck().get());
    expect(db.prepare('SELECT count(*) FROM tally_stock_days').pluck().get()).toBe(0);
    for (const p of [{ from: '2024-01-01', to: '2024-12-31' }, { from: '2021-03-31', to: '2023-02-28' }, { from: '2022-06-01', to: '2022-06-30' }]) {
      for (const by of ['court', 'division', 'judge'] as const) expect(preaggTallies(db, p, { kind: 'all' }, {}, by)).toEqual(sqlTallies(db, p, { kind: 'all' }, {}, by));
      expect(preaggDocketJudges(db, p, { kind: 'all' }, {})).toBe(sqlDocketJudges(db, p, { kind: 'all' }, {}));
    }
  });

  it('an update of a column no figure reads fires no tally trigger; one of a column that matters does', () => {
    const { db } = openDatabase(atVersion11());
    cleanups.unshift(() => db.close());
    const before = db.prepare('SELECT * FROM tally_day ORDER BY 1, 2, 3').all();
    const changes = (sql: string) => {
      const start = db.prepare('SELECT total_changes()').pluck().get() as number;
      db.prepare(sql).run();
      return (db.prepare('SELECT total_changes()').pluck().get() as number) - start;
    };
    expect(changes("UPDATE cases SET row_version = row_version + 1, plaintiffs = plaintiffs || '甲' WHERE id = 1")).toBe(1);
    expect(changes('UPDATE cases SET judge_id = judge_id WHERE id = 1')).toBe(1);
    expect(db.prepare('SELECT * FROM tally_day ORDER BY 1, 2, 3').all()).toEqual(before);
    expect(changes("UPDATE cases SET filed_on = date(filed_on, '-1 day') WHERE id = 1")).toBeGreaterThan(1);
    expect(db.prepare('SELECT * FROM tally_day ORDER BY 1, 2, 3').all()).not.toEqual(before);
  });
});
