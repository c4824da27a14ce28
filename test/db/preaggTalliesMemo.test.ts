// The kept pair figures of the pre-aggregated tallies when another connection commits while they are being computed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import BetterSqlite3 from 'better-sqlite3';
import { freshCourtDb } from '../helpers/tempDb';
import { randomCourt } from '../helpers/randomCourt';
import { sqlTallies } from '../../electron/core/indicators/sqlTallies';
import { preaggTallies } from '../../electron/core/indicators/preaggTallies';
import type { CaseScope } from '../../shared/accounts/roles';

let t: ReturnType<typeof freshCourtDb>;

beforeAll(() => {
  t = freshCourtDb();
  t.put(randomCourt(20251205, 300), '2024-12-31');
});
afterAll(() => t.close());

describe('pre-aggregated tallies memo and a commit by another connection', () => {
  /*
   * The computation is many statements, each its own read: a job's connection (a worker thread) may commit between
   * two of them. The figures are then a mix of before and after; they must not be kept under the stamp of "after",
   * or the dashboard keeps showing the mix until the next write.
   */
  it('figures computed across another connection commit are not reused, and the answer equals the plain pass', () => {
    const p = { from: '2024-01-01', to: '2024-06-30' };
    const all: CaseScope = { kind: 'all' };
    // A case resolved in the period with a duration: moving it changes both the flow and the durations of two judges.
    const id = t.db.prepare("SELECT id FROM cases WHERE closed_on BETWEEN '2024-02-01' AND '2024-06-30' AND duration_days IS NOT NULL LIMIT 1").pluck().get() as number;
    const judges = t.db.prepare('SELECT DISTINCT judge_id FROM cases ORDER BY judge_id').pluck().all() as number[];
    const now = t.db.prepare('SELECT judge_id FROM cases WHERE id = ?').pluck().get(id) as number;
    const other = new BetterSqlite3(t.file);
    const prepare = t.db.prepare.bind(t.db);
    let armed = true;
    // The other connection commits just before the durations are read, after the flow and the stock were.
    t.db.prepare = ((sql: string) => {
      if (armed && sql.includes('FROM tally_durations')) {
        armed = false;
        other.prepare('UPDATE cases SET judge_id = ? WHERE id = ?').run(judges.find((j) => j !== now), id);
      }
      return prepare(sql);
    }) as typeof t.db.prepare;
    try {
      const first = preaggTallies(t.db, p, all, {}, 'judge');
      expect(armed).toBe(false);
      t.db.prepare = prepare;
      // Redone on the data as committed, not a mix of before and after.
      expect(first).toEqual(sqlTallies(t.db, p, all, {}, 'judge'));
      expect(preaggTallies(t.db, p, all, {}, 'judge')).toEqual(sqlTallies(t.db, p, all, {}, 'judge'));
    } finally {
      t.db.prepare = prepare;
      other.close();
    }
  });
});
