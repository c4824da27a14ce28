// Migration 21 on a court one version older: simple re-derived for root 案 whose tree of linked cases (any depth) holds no first-instance case, kept by triggers up every chain, the figures those of the plain pass.
import { afterEach, describe, expect, it } from 'vitest';
import type { Database } from 'better-sqlite3';
import { openDatabase } from '../../../electron/core/db/connection';
import { CaseStore } from '../../../electron/core/cases/caseStore';
import { CourtDirectory, getSelfCourt } from '../../../electron/core/court/courtStore';
import { nextRowVersion } from '../../../electron/core/db/clock';
import { sqlTallies } from '../../../electron/core/indicators/sqlTallies';
import { preaggTallies } from '../../../electron/core/indicators/preaggTallies';
import { fillMonths } from '../../../electron/core/db/migrations/0019-duration-year-tallies';
import { DEEP_LINKS_VERSION, fillDeepLinkSimple } from '../../../electron/core/db/migrations/0021-deep-link-simple';
import type { CaseRecord } from '../../../shared/cases/types';
import { record } from '../../helpers/tempDb';
import { migrationsUpTo } from '../../helpers/migrationFixtures';
import { randomCourt } from '../../helpers/randomCourt';
import { olderCourtFile } from '../../helpers/olderCourt';

const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((f) => f()));
const BEFORE = DEEP_LINKS_VERSION - 1;

const n = (type: string, seq: number) => `（2024）辽0421${type}${5000 + seq}号`;
const first = (seq: number, filedOn = '2024-03-01') => record({ caseNumber: n('民初', seq), division: '民一庭', judge: '王法官', filedOn });
const linked = (type: string, seq: number, origin: string) =>
  record({ caseNumber: n(type, seq), division: '执行局', judge: '赵法官', procedure: null, filedOn: '2024-04-01', originCaseNumber: origin });

/** Roots of chains of depth 1, 2 and 3 (民初 → 执 → 执异 → 执恢), and a root whose chain holds a 重审 民初 (walked). */
const CHAINS: CaseRecord[] = [
  first(1), linked('执', 1, n('民初', 1)),
  first(2), linked('执', 2, n('民初', 2)), linked('执异', 2, n('执', 2)),
  first(3), linked('执', 3, n('民初', 3)), linked('执异', 3, n('执', 3)), linked('执恢', 3, n('执异', 3)),
  first(4), linked('执', 4, n('民初', 4)), linked('执', 5, n('民初', 4)), linked('执异', 4, n('执', 4)), linked('执恢', 4, n('执异', 4)),
  first(5), linked('执', 6, n('民初', 5)), record({ ...first(6, '2024-05-01'), originCaseNumber: n('执', 6) }), linked('执', 7, n('民初', 6)),
];

const olderCourt = (extra: CaseRecord[]) => olderCourtFile(BEFORE, [...randomCourt(2020, 400), ...extra], cleanups);

/**
 * Upgraded through this migration and any later one: the live code comparing the figures at every step reads every
 * migration's tables, and no later migration changes simple's rule (this one's test would tell).
 */
function open(file: string): Database {
  const { db } = openDatabase(file);
  cleanups.unshift(() => db.close());
  return db;
}

const PERIODS = [{ from: '2024-01-01', to: '2024-12-31' }, { from: '2024-03-01', to: '2024-03-31' }, { from: '2022-01-01', to: '2024-12-31' }, { from: '2023-06-15', to: '2024-06-14' }];
function expectPlain(db: Database, label: string): void {
  for (const p of PERIODS) {
    for (const by of ['court', 'division', 'judge'] as const) expect(preaggTallies(db, p, { kind: 'all' }, {}, by), `${label} ${p.from} ${by}`).toEqual(sqlTallies(db, p, { kind: 'all' }, {}, by));
  }
}
const simpleOf = (db: Database, num: string) => db.prepare('SELECT simple FROM tally_links WHERE case_number = ?').pluck().get(num);
/** tally_links and its month rows (a row of zeros is as good as none) against a refill from scratch (simple 0, the fill, month rows summed anew). */
function expectRefilled(db: Database): void {
  const read = () => ['tally_links', 'tally_links_month WHERE simple <> 0'].map((x) => db.prepare(`SELECT * FROM ${x} ORDER BY 1, 2, 3`).raw().all());
  const kept = read();
  db.exec('SAVEPOINT refill; UPDATE tally_links SET simple = 0;');
  try {
    fillDeepLinkSimple(db);
    db.exec('DELETE FROM tally_links_month; DELETE FROM tally_mediation_month;');
    fillMonths(db);
    expect(read()).toEqual(kept);
  } finally {
    db.exec('ROLLBACK TO refill; RELEASE refill');
  }
}

describe('migration 0021: the 案 whose whole tree of linked cases holds no first-instance case need no walk', () => {
  it('re-derives the old rows: chains of depth 1, 2 and 3 summed, a chain holding a 重审 民初 walked, figures those of the plain pass', () => {
    const file = olderCourt(CHAINS);
    const { db: old } = openDatabase(file, { migrations: migrationsUpTo(BEFORE) });
    // Migration 19 summed depth 1 only.
    expect([1, 2, 3, 4].map((i) => old.prepare('SELECT simple FROM tally_links WHERE case_number = ?').pluck().get(n('民初', i)))).toEqual([1, 0, 0, 0]);
    const deepBefore = old.prepare('SELECT count(*) FROM tally_links WHERE simple > 0').pluck().get() as number;
    old.close();
    const db = open(file);
    expect(db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(DEEP_LINKS_VERSION);
    expect([1, 2, 3, 4, 5, 6].map((i) => simpleOf(db, n('民初', i)))).toEqual([1, 2, 3, 4, 0, 0]);
    expect(db.prepare('SELECT count(*) FROM tally_links WHERE simple > 0').pluck().get()).toBeGreaterThan(deepBefore);
    expectRefilled(db);
    expectPlain(db, 'migrated');
    // The walk's seeds are read from the partial index of the 案 with simple 0.
    const plan = db.prepare(`EXPLAIN QUERY PLAN SELECT c.case_number FROM tally_links c JOIN cases d ON d.origin_case_number = c.case_number
      WHERE c.filed_on BETWEEN '2024-01-01' AND '2024-12-31' AND c.simple = 0`).all() as Array<{ detail: string }>;
    expect(plan.map((r) => r.detail).join('\n')).toContain('tally_links_walk');
  });

  it('re-derives the root when a case is added, edited or deleted mid-chain, in the writer\'s transaction', () => {
    const db = open(olderCourt(CHAINS));
    const root = n('民初', 3);
    const write = (sql: string, ...args: unknown[]) => db.transaction(() => db.prepare(sql).run(...args))();
    const steps: Array<[string, () => void, number]> = [
      // The middle link cut off: the root keeps its 执 only.
      ['middle link cut', () => write('UPDATE cases SET origin_case_number = NULL WHERE case_number = ?', n('执异', 3)), 1],
      ['middle link back', () => write('UPDATE cases SET origin_case_number = ? WHERE case_number = ?', n('执', 3), n('执异', 3)), 3],
      // A 民初 deep in the tree (a 重审): the root is walked.
      ['middle type 民初', () => write("UPDATE cases SET type_code = '民初' WHERE case_number = ?", n('执异', 3)), 0],
      ['middle type back', () => write("UPDATE cases SET type_code = '执异' WHERE case_number = ?", n('执异', 3)), 3],
      // A depth-1 root's tree grafted under the depth-3 chain's last case: one more level, two more cases.
      ['graft', () => write('UPDATE cases SET origin_case_number = ? WHERE case_number = ?', n('执恢', 3), n('民初', 2)), 0],
      ['graft as 执', () => write("UPDATE cases SET type_code = '执' WHERE case_number = ?", n('民初', 2)), 6],
      // Renumbered, the middle case keeps its 原审案号 but no longer carries the cases naming its old number.
      ['middle renumbered', () => write('UPDATE cases SET case_number = ? WHERE case_number = ?', n('执异', 99), n('执异', 3)), 2],
      ['renumbered back', () => write('UPDATE cases SET case_number = ? WHERE case_number = ?', n('执异', 3), n('执异', 99)), 6],
      ['leaf deleted', () => write('DELETE FROM cases WHERE case_number = ?', n('执异', 2)), 5],
      ['middle deleted', () => write('DELETE FROM cases WHERE case_number = ?', n('执异', 3)), 1],
    ];
    for (const [label, step, simple] of steps) {
      step();
      expect(simpleOf(db, root), label).toBe(simple);
      expectRefilled(db);
      expectPlain(db, label);
    }
    // A case registered at the end of a chain, and one registered first that a chain names later (an import's order).
    const t = { actor: 'tester', today: '2024-12-31' };
    const put = (r: CaseRecord) => db.transaction(() => new CaseStore(db).upsert(r, new CourtDirectory(db, getSelfCourt(db)!.id), nextRowVersion(db), t))();
    put(linked('执异', 10, n('执', 3)));
    expect(simpleOf(db, root)).toBe(2);
    put(linked('执恢', 11, n('执异', 12)));
    expect(simpleOf(db, root)).toBe(2);
    put(linked('执异', 12, n('执异', 10)));
    expect(simpleOf(db, root)).toBe(4);
    expectRefilled(db);
    expectPlain(db, 'registered');
  });

  it('a cycle of origins, around a chain or through its root, ends', () => {
    const db = open(olderCourt(CHAINS));
    const write = (sql: string, ...args: unknown[]) => db.transaction(() => db.prepare(sql).run(...args))();
    // A 执 hung under the end of a chain, then that end naming it: the two name each other, cut off from the root.
    write('UPDATE cases SET origin_case_number = ? WHERE case_number = ?', n('执恢', 4), n('执', 5));
    expect(simpleOf(db, n('民初', 4))).toBe(4);
    write('UPDATE cases SET origin_case_number = ? WHERE case_number = ?', n('执', 5), n('执恢', 4));
    expect(simpleOf(db, n('民初', 4))).toBe(2);
    expectRefilled(db);
    expectPlain(db, 'cycle below');
    // The root named by the last case of its own chain: a cycle through every case of it.
    write('UPDATE cases SET origin_case_number = ? WHERE case_number = ?', n('执恢', 3), n('民初', 3));
    expect(simpleOf(db, n('民初', 3))).toBe(0);
    expectRefilled(db);
    expectPlain(db, 'cycle through the root');
    write('UPDATE cases SET origin_case_number = NULL WHERE case_number = ?', n('民初', 3));
    expect(simpleOf(db, n('民初', 3))).toBe(3);
    write('UPDATE cases SET origin_case_number = case_number WHERE case_number = ?', n('执', 1));
    expect(simpleOf(db, n('民初', 1))).toBeUndefined();
    expectRefilled(db);
    expectPlain(db, 'self-named');
  });
});
