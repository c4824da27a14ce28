// 件 of 案-件比 (sqlTallies.itemCounts) against the plain recursive walk it replaced, on links a real court may hold: a 案 linked to another 案, cycles, links across groups.
import { afterEach, describe, expect, it } from 'vitest';
import type { Database } from 'better-sqlite3';
import { freshCourtDb, record } from '../helpers/tempDb';
import { randomCourt, rng } from '../helpers/randomCourt';
import { itemCounts, KEY, PAIR, whereOf, type GroupKey } from '../../electron/core/indicators/sqlTallies';
import type { CaseScope } from '../../shared/accounts/roles';
import { addDays } from '../../shared/dates/calendar';

const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((f) => f()));

/** The rule as stated: the period's first-instance received cases and every case reached from them, once per group. */
function reference(db: Database, by: keyof typeof KEY, clauses: string[], params: Record<string, unknown>): Map<GroupKey, number> {
  const rows = db.prepare(`
    WITH RECURSIVE linked(case_number, k) AS (
      SELECT c.case_number, ${KEY[by]} FROM cases c WHERE c.filed_on BETWEEN @from AND @to AND c.type_code IN ('民初', '刑初', '行初')${clauses.length ? ` AND ${clauses.join(' AND ')}` : ''}
      UNION
      SELECT d.case_number, l.k FROM linked l JOIN cases d ON d.origin_case_number = l.case_number
    )
    SELECT k, COUNT(*) FROM linked GROUP BY k`).raw().all(params) as Array<[GroupKey, number]>;
  return new Map(rows);
}

function counts(db: Database, by: keyof typeof KEY, scope: CaseScope, from: string, to: string) {
  const params: Record<string, unknown> = { from, to };
  const { clauses } = whereOf(scope, {}, params);
  return { fast: new Map(itemCounts(db, by, clauses, { ...params })), ref: reference(db, by, clauses, { ...params }) };
}

const N = (type: string, seq: number) => `（2024）辽0421${type}${seq}号`;
const WANG = { division: '民一庭', judge: '王法官' };
const CHEN = { division: '刑事审判庭', judge: '陈法官' };

describe('件 of 案-件比', () => {
  it('counts a 案 reached from another 案 once in its own group, and in the other 案’s group too', () => {
    const c = freshCourtDb();
    cleanups.push(() => c.close());
    c.put([
      record({ caseNumber: N('民初', 1), ...WANG, filedOn: '2024-03-01' }),
      // A 案 of the period linked to 民初1 in the same group: one 件 there, not two.
      record({ caseNumber: N('民初', 2), ...WANG, filedOn: '2024-03-02', originCaseNumber: N('民初', 1) }),
      // A 案 of another group linked to 民初1: its own 案 there, and a 件 of 民初1's group.
      record({ caseNumber: N('刑初', 1), ...CHEN, procedure: '普通程序', cause: '危险驾驶罪', filedOn: '2024-03-03', originCaseNumber: N('民初', 1) }),
      // Reached along two paths (from 民初1 through 民初2, and from 民初2): once.
      record({ caseNumber: N('执', 1), ...WANG, procedure: null, filedOn: '2024-03-04', originCaseNumber: N('民初', 2) }),
      // A cycle of two 案.
      record({ caseNumber: N('民初', 3), ...WANG, filedOn: '2024-03-05', originCaseNumber: N('民初', 4) }),
      record({ caseNumber: N('民初', 4), ...WANG, filedOn: '2024-03-06', originCaseNumber: N('民初', 3) }),
    ]);
    const judge = (name: string) => c.db.prepare('SELECT id FROM staff WHERE name = ?').pluck().get(name) as number;
    const { fast, ref } = counts(c.db, 'judge', { kind: 'all' }, '2024-03-01', '2024-03-31');
    expect(fast).toEqual(ref);
    // 王: 民初1–4 and 执1 and 刑初1 (reached from 民初1) = 6; 陈: 刑初1 = 1.
    expect(fast.get(judge('王法官'))).toBe(6);
    expect(fast.get(judge('陈法官'))).toBe(1);
    // The court is one group: 刑初1 is a 案 there and reached from 民初1, once.
    const court = counts(c.db, 'court', { kind: 'all' }, '2024-03-01', '2024-03-31');
    expect(court.fast).toEqual(court.ref);
    expect(court.fast.get(0)).toBe(6);
  });

  it('equals the plain walk on a random court with random links (cycles, 案 to 案), for every grouping, scope and period', () => {
    const c = freshCourtDb();
    cleanups.push(() => c.close());
    c.put(randomCourt(1313, 400));
    const r = rng(1313);
    const numbers = c.db.prepare('SELECT case_number FROM cases').pluck().all() as string[];
    const link = c.db.prepare('UPDATE cases SET origin_case_number = ? WHERE case_number = ?');
    for (const n of numbers) if (r.next() < 0.35) link.run(r.pick(numbers), n);
    const division = c.db.prepare("SELECT id FROM divisions WHERE name = '民一庭'").pluck().get() as number;
    const staff = c.db.prepare("SELECT id FROM staff WHERE name = '王法官'").pluck().get() as number;
    const scopes: CaseScope[] = [{ kind: 'all' }, { kind: 'division', divisionId: division }, { kind: 'own', staffId: staff }];
    let nonEmpty = 0;
    for (let i = 0; i < 12; i++) {
      const from = addDays('2021-01-01', r.int(1400));
      const to = addDays(from, r.int(400));
      for (const by of ['court', 'division', 'judge', PAIR, 'stage', 'procedure', 'cause'] as const)
        for (const scope of scopes) {
          const { fast, ref } = counts(c.db, by, scope, from, to);
          expect(fast, `${by} ${scope.kind} ${from}…${to}`).toEqual(ref);
          if (ref.size) nonEmpty++;
        }
    }
    expect(nonEmpty).toBeGreaterThan(100);
  });
});
