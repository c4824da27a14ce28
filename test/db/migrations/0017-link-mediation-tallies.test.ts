// Migration 16 on a version-13 court with 先行调解 and 原审案号 links: the month, 先行调解 and link tables filled as a rebuild would, the walk read from the widened index, the figures those of the plain pass.
import { afterEach, describe, expect, it } from 'vitest';
import path from 'node:path';
import { openDatabase } from '../../../electron/core/db/connection';
import { initCourt } from '../../../electron/core/setup/initCourt';
import { CaseStore } from '../../../electron/core/cases/caseStore';
import { CourtDirectory, getSelfCourt } from '../../../electron/core/court/courtStore';
import { nextRowVersion } from '../../../electron/core/db/clock';
import { sqlDocketJudges, sqlTallies } from '../../../electron/core/indicators/sqlTallies';
import { preaggDocketJudges, preaggTallies } from '../../../electron/core/indicators/preaggTallies';
import { fillLinkMediationTallies, fillMonthTallies } from '../../../electron/core/db/migrations/0017-link-mediation-tallies';
import { addDays } from '../../../shared/dates/calendar';
import { tempDir } from '../../helpers/tempDb';
import { migrationsUpTo } from '../../helpers/migrationFixtures';
import { randomCourt, rng } from '../../helpers/randomCourt';

const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((f) => f()));

function atVersion13(): string {
  const t = tempDir();
  cleanups.push(t.cleanup);
  const file = path.join(t.dir, 'court.sqlite');
  const { db } = openDatabase(file, { create: true, migrations: migrationsUpTo(13) });
  initCourt(db, '辽0421', '测试县人民法院', 'tester', false);
  const store = new CaseStore(db);
  db.transaction(() => {
    const dir = new CourtDirectory(db, getSelfCourt(db)!.id);
    const v = nextRowVersion(db);
    for (const r of randomCourt(1616, 400)) store.upsert(r, dir, v, { actor: 'tester', today: '2024-12-31' });
    const r = rng(16);
    const mediation = db.prepare(`INSERT INTO mediations (case_id, destination, mediator, received_on, base_days, ended_on, outcome, row_version, created_at, updated_at)
      VALUES (?, '特邀调解员', '调解员甲', ?, 15, ?, ?, 1, 'x', 'x')`);
    for (const c of db.prepare('SELECT id, filed_on FROM cases').all() as Array<{ id: number; filed_on: string }>) {
      if (r.next() < 0.3) {
        const ended = r.next() < 0.8 ? addDays(c.filed_on, r.int(60) - 10) : null;
        mediation.run(c.id, c.filed_on, ended, ended ? r.pick(['调解成功', '撤诉', '当场履行', '调解不成转审理']) : null);
      }
    }
  })();
  expect(db.pragma('user_version', { simple: true })).toBe(13);
  expect(db.prepare('SELECT count(*) FROM cases WHERE origin_case_number IS NOT NULL').pluck().get()).toBeGreaterThan(20);
  db.close();
  return file;
}

const TABLES = ['tally_month', 'tally_durations_month', 'tally_mediation', 'tally_advance', 'tally_links'];

describe('migration 0017: month rows, 先行调解 and link tallies', () => {
  it('fills the tables as a rebuild would, widens cases_origin, and the figures equal the plain pass', () => {
    const file = atVersion13();
    const { db: at17 } = openDatabase(file, { migrations: migrationsUpTo(17) });
    let db = at17;
    cleanups.unshift(() => db.close());
    expect(db.pragma('user_version', { simple: true })).toBe(17);
    const read = () => TABLES.map((x) => db.prepare(`SELECT * FROM ${x}`).raw().all());
    const filled = read();
    for (const rows of filled) expect(rows.length).toBeGreaterThan(0);
    db.exec(TABLES.map((x) => `DELETE FROM ${x};`).join(' '));
    fillLinkMediationTallies(db);
    fillMonthTallies(db);
    expect(read()).toEqual(filled);
    // Month rows are the sums of their days.
    expect(db.prepare("SELECT sum(received), sum(resolved), sum(duration_sum) FROM tally_day WHERE day LIKE '2024-03-%'").raw().get())
      .toEqual(db.prepare("SELECT sum(received), sum(resolved), sum(duration_sum) FROM tally_month WHERE month = '2024-03'").raw().get());
    // The walk's step reads whether a reached case is a 案 of the period, and whose, from the index alone.
    const plan = (db.prepare(`EXPLAIN QUERY PLAN SELECT d.case_number, d.filed_on, d.type_code, d.judge_id, d.division_id FROM cases d WHERE d.origin_case_number = ?`)
      .all('x') as Array<{ detail: string }>).map((r) => r.detail).join(' | ');
    expect(plan).toContain('COVERING INDEX cases_origin');
    // The figures are read by the live code, which needs the later migrations' tables too (migration 18's).
    db.close();
    db = openDatabase(file).db;
    cleanups.unshift(() => db.close());
    for (const p of [{ from: '2024-01-01', to: '2024-12-31' }, { from: '2022-06-15', to: '2023-02-14' }, { from: '2023-03-01', to: '2023-03-31' }]) {
      for (const by of ['court', 'division', 'judge'] as const) expect(preaggTallies(db, p, { kind: 'all' }, {}, by), by).toEqual(sqlTallies(db, p, { kind: 'all' }, {}, by));
      expect(preaggDocketJudges(db, p, { kind: 'all' }, {})).toBe(sqlDocketJudges(db, p, { kind: 'all' }, {}));
    }
    expect(preaggTallies(db, { from: '2021-01-01', to: '2024-12-31' }, { kind: 'all' }, {}, 'court').get(0)!.advanceMediationEnded).toBeGreaterThan(0);
  });

  it('keeps the tables through a 先行调解 edit and a move of a mediated case, in the writer\'s transaction', () => {
    // Migrated on to the latest version: the live figures read later migrations' tables; these triggers are kept.
    const { db } = openDatabase(atVersion13());
    cleanups.unshift(() => db.close());
    const id = db.prepare("SELECT m.case_id FROM mediations m JOIN cases c ON c.id = m.case_id WHERE c.type_code = '民初' AND m.ended_on IS NOT NULL LIMIT 1").pluck().get() as number;
    const judge = db.prepare('SELECT max(judge_id) FROM cases').pluck().get() as number;
    db.transaction(() => {
      db.prepare("UPDATE mediations SET ended_on = '2024-06-01', outcome = '调解成功' WHERE case_id = ?").run(id);
      db.prepare('UPDATE cases SET judge_id = ? WHERE id = ?').run(judge, id);
    })();
    const p = { from: '2024-05-01', to: '2024-06-30' };
    for (const by of ['court', 'division', 'judge'] as const) expect(preaggTallies(db, p, { kind: 'all' }, {}, by), by).toEqual(sqlTallies(db, p, { kind: 'all' }, {}, by));
    expect(db.prepare("SELECT sum(ended) FROM tally_mediation WHERE day = '2024-06-01' AND judge_id = ?").pluck().get(judge)).toBeGreaterThan(0);
  });
});
