// Every list shows exactly the cases its count promises, on every page, for every sort, filter and scope (sorting
// by 届满日 once dropped closed, suspended, paused and unlimited cases: "共 4,815 件" over an empty table).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshCourtDb } from '../helpers/tempDb';
import { seedDatabase } from '../../electron/core/setup/seed';
import { CaseQueries } from '../../electron/core/cases/caseQueries';
import { CASE_SORTS, CASE_STATUS_FILTERS, type CaseFilter } from '../../shared/cases/api';
import type { CaseScope } from '../../shared/accounts/roles';

const TODAY = '2026-11-20';
let t: ReturnType<typeof freshCourtDb>;
let q: CaseQueries;
let scopes: Array<[string, CaseScope]>;
let filters: Array<[string, CaseFilter]>;

beforeAll(() => {
  t = freshCourtDb(undefined, { demo: true });
  seedDatabase(t.db, t.store, { cases: 4000, seed: 5, today: TODAY, actor: 'tester', threads: 'thread' });
  q = new CaseQueries(t.db);
  const busiestDivision = t.db.prepare('SELECT division_id FROM cases GROUP BY division_id ORDER BY count(*) DESC LIMIT 1').pluck().get() as number;
  const busiestJudge = t.db.prepare("SELECT judge_id FROM cases WHERE clock IN ('suspended', 'paused') GROUP BY judge_id ORDER BY count(*) DESC LIMIT 1").pluck().get() as number;
  scopes = [['court', { kind: 'all' }], ['division', { kind: 'division', divisionId: busiestDivision }], ['judge', { kind: 'own', staffId: busiestJudge }]];
  filters = [
    ['none', {}],
    ...CASE_STATUS_FILTERS.map((status): [string, CaseFilter] => [status, { status }]),
    ['due within 7', { remainingMin: 0, remainingMax: 7 }],
    ['due within 30', { remainingMin: 0, remainingMax: 30 }],
    ['remaining at most 60', { remainingMax: 60 }],
    ['remaining at least 100', { remainingMin: 100 }],
    ['division', { divisionId: busiestDivision }],
    ['judge', { judgeId: busiestJudge }],
    ['procedure', { procedure: '简易程序' }],
    ['search', { search: '张' }],
    ['open in a division', { status: 'open', divisionId: busiestDivision }],
  ];
}, 120_000);
afterAll(() => t.close());

describe('list against count', () => {
  it('has every kind of clock to hold the lists to', () => {
    const clocks = Object.fromEntries(t.db.prepare('SELECT clock, count(*) AS n FROM cases GROUP BY clock').all().map((r) => [(r as { clock: string }).clock, (r as { n: number }).n]));
    for (const clock of ['running', 'suspended', 'paused', 'closed', 'no_limit']) expect(clocks[clock], clock).toBeGreaterThan(0);
  });

  it('shows every counted case once, on pages, in the order of the sort, for every sort, filter and scope', () => {
    let checked = 0;
    for (const [scopeName, scope] of scopes) {
      for (const [filterName, filter] of filters) {
        const count = q.count(filter, TODAY, scope);
        for (const sort of CASE_SORTS) {
          const seen: Array<{ caseNumber: string; filedOn: string; dueOn: string | null; status: string; daysRemaining: number | null }> = [];
          for (let offset = 0; ; offset += 500) {
            const page = q.list({ ...filter, sort, offset, limit: 500 }, TODAY, scope);
            seen.push(...page.rows);
            if (!page.hasMore) break;
          }
          const label = `${scopeName} · ${filterName} · ${sort}`;
          expect(seen.length, label).toBe(count);
          expect(new Set(seen.map((r) => r.caseNumber)).size, label).toBe(count);
          if (sort === 'filedOn_desc') for (let i = 1; i < seen.length; i++) expect(seen[i - 1].filedOn >= seen[i].filedOn, label).toBe(true);
          if (sort === 'dueOn_asc') {
            // Dated cases by due date, then stopped clocks by their frozen days remaining, then cases without a limit.
            const rank = (r: (typeof seen)[number]) => (r.status === 'no_limit' ? 2 : r.status === 'suspended' || r.status === 'paused' ? 1 : 0);
            for (let i = 1; i < seen.length; i++) {
              const [a, b] = [seen[i - 1], seen[i]];
              expect(rank(a) <= rank(b), `${label}: ${a.caseNumber} before ${b.caseNumber}`).toBe(true);
              if (rank(a) === rank(b) && rank(a) === 0) expect(a.dueOn! <= b.dueOn!, label).toBe(true);
              if (rank(a) === rank(b) && rank(a) === 1) expect(a.daysRemaining! <= b.daysRemaining!, label).toBe(true);
            }
          }
          checked++;
        }
      }
    }
    expect(checked).toBe(scopes.length * filters.length * CASE_SORTS.length);
  }, 120_000);

  it('puts stopped clocks into the due-soon lists by their frozen days remaining, and counts them apart', () => {
    const summary = q.summary(TODAY);
    expect(summary.stopped).toBe(summary.suspended + summary.paused);
    expect(summary.paused).toBeGreaterThan(0);
    const due30 = q.list({ remainingMin: 0, remainingMax: 30, sort: 'dueOn_asc', limit: 500 }, TODAY).rows;
    const pausedSoon = due30.filter((r) => r.status === 'paused' || r.status === 'suspended');
    const stoppedWithin30 = t.db.prepare("SELECT count(*) FROM cases WHERE clock IN ('suspended', 'paused') AND frozen_remaining BETWEEN 0 AND 30").pluck().get() as number;
    expect(pausedSoon.length).toBe(stoppedWithin30);
    for (const r of pausedSoon) expect(r.daysRemaining! >= 0 && r.daysRemaining! <= 30).toBe(true);
    expect(summary.dueWithin30).toBe(q.count({ remainingMin: 0, remainingMax: 30 }, TODAY));
  });
});
