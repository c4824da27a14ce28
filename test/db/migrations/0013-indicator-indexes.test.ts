// Migration 13 on a version-12 court with cases: the covering indexes exist, the dashboard's reads use them, and the figures stay those of the plain pass.
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
import { randomCourt } from '../../helpers/randomCourt';

const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((f) => f()));

function atVersion12(): string {
  const t = tempDir();
  cleanups.push(t.cleanup);
  const file = path.join(t.dir, 'court.sqlite');
  const { db } = openDatabase(file, { create: true, migrations: migrationsUpTo(12) });
  initCourt(db, '辽0421', '测试县人民法院', 'tester', false);
  const store = new CaseStore(db);
  db.transaction(() => {
    const dir = new CourtDirectory(db, getSelfCourt(db)!.id);
    const v = nextRowVersion(db);
    for (const r of randomCourt(1313, 300)) store.upsert(r, dir, v, { actor: 'tester', today: '2024-12-31' });
  })();
  expect(db.pragma('user_version', { simple: true })).toBe(12);
  db.close();
  return file;
}

const plan = (db: ReturnType<typeof openDatabase>['db'], sql: string) =>
  (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all({ from: '2024-01-01', to: '2024-12-31' }) as Array<{ detail: string }>).map((r) => r.detail).join(' | ');

describe('migration 0013: covering indexes for the indicator reads', () => {
  it('adds the indexes, widens cases_origin and cases_closed, and the 案-件比 walk and 先行调解 lookups read them alone', () => {
    const { db } = openDatabase(atVersion12(), { migrations: migrationsUpTo(13) });
    cleanups.unshift(() => db.close());
    expect(db.pragma('user_version', { simple: true })).toBe(13);
    const sqlOf = (name: string) => db.prepare('SELECT sql FROM sqlite_schema WHERE name = ?').pluck().get(name) as string;
    expect(sqlOf('cases_filed_cover')).toContain('(filed_on, type_code, case_number, judge_id, division_id)');
    expect(sqlOf('cases_origin')).toContain('(origin_case_number, case_number)');
    expect(sqlOf('mediations_case_ended')).toContain('(case_id, ended_on, outcome)');
    expect(sqlOf('cases_open_stock')).toContain('(filed_on, judge_id, division_id, due_on, closed_on) WHERE closed_on IS NULL');
    expect(sqlOf('cases_closed')).toContain('(closed_on, filed_on, judge_id, division_id, due_on) WHERE closed_on IS NOT NULL');
    // A stock day not kept is read from the two partial indexes alone.
    const stock = plan(db, `SELECT judge_id, division_id, due_on, filed_on FROM cases INDEXED BY cases_open_stock WHERE closed_on IS NULL AND filed_on <= @to
      UNION ALL SELECT judge_id, division_id, due_on, filed_on FROM cases WHERE closed_on > @to AND filed_on <= @to`);
    expect(stock).toContain('COVERING INDEX cases_open_stock');
    expect(stock).toContain('COVERING INDEX cases_closed');
    expect(plan(db, "SELECT c.judge_id, count(*) FROM cases c WHERE c.filed_on BETWEEN @from AND @to AND c.type_code IN ('民初', '刑初', '行初') GROUP BY 1"))
      .toContain('COVERING INDEX cases_filed_cover');
    expect(plan(db, 'SELECT d.case_number FROM cases d WHERE d.origin_case_number = @from')).toContain('COVERING INDEX cases_origin');
  });

  it('the figures on to the latest version equal the plain pass (the live readers use later migrations\' tables)', () => {
    const { db } = openDatabase(atVersion12());
    cleanups.unshift(() => db.close());
    for (const p of [{ from: '2024-01-01', to: '2024-12-31' }, { from: '2022-06-01', to: '2022-06-30' }]) {
      for (const by of ['court', 'division', 'judge'] as const) expect(preaggTallies(db, p, { kind: 'all' }, {}, by)).toEqual(sqlTallies(db, p, { kind: 'all' }, {}, by));
      expect(preaggDocketJudges(db, p, { kind: 'all' }, {})).toBe(sqlDocketJudges(db, p, { kind: 'all' }, {}));
    }
  });
});
