// The SQL tally pass and the pre-aggregated one against a recomputation from scratch in plain JS (row by row, the spec's words), on random courts and periods.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshCourtDb } from '../helpers/tempDb';
import { randomCourt, rng } from '../helpers/randomCourt';
import { countValues } from '../helpers/countedValues';
import { sqlDocketJudges, sqlTallies } from '../../electron/core/indicators/sqlTallies';
import { preaggTallies } from '../../electron/core/indicators/preaggTallies';
import { emptyTally, type Period, type Tally } from '../../shared/indicators/formulas';
import { AGE_BOUNDS } from '../../shared/indicators/catalogue';
import { addDays, addMonths } from '../../shared/dates/calendar';
import type { CaseScope } from '../../shared/accounts/roles';

const TODAY = '2024-12-31';

interface Row {
  id: number; case_number: string; type_code: string; division_id: number; judge_id: number; filed_on: string; closed_on: string | null;
  closing_method: string | null; appealed: number | null; appeal_outcome: string | null; origin_case_number: string | null;
  enforcement_claim_fen: number | null; enforcement_recovered_fen: number | null; reviewed: number | null; precedent_searched: number | null;
  due_on: string | null; ext_months: number; ext_days: number; duration_days: number | null; closed_overdue: number | null;
  m_ended: string | null; m_outcome: string | null;
}

/**
 * The tally of the spec's words, one case at a time; nothing shared with the SQL but the stored engine columns. The
 * 件 of a 案 follow its links through every case of the court (`all`), in scope or not: they are what the 案 became.
 */
function reference(rows: Row[], p: Period, keyOf: (r: Row) => number | string, all: Row[] = rows): Map<number | string, Tally> {
  const out = new Map<number | string, Tally>();
  const judges = new Map<number | string, Set<number>>();
  const durations = new Map<number | string, number[]>();
  const older = (filed: string, months: number) => addMonths(filed, months) < p.to;
  const byNumber = new Map<string, Row[]>();
  for (const r of all) if (r.origin_case_number) byNumber.set(r.origin_case_number, [...(byNumber.get(r.origin_case_number) ?? []), r]);
  for (const r of rows) {
    if (r.filed_on > p.to) continue;
    const k = keyOf(r);
    const t = out.get(k) ?? emptyTally();
    const first = ['民初', '刑初', '行初'].includes(r.type_code);
    const received = r.filed_on >= p.from;
    const resolved = r.closed_on !== null && r.closed_on >= p.from && r.closed_on <= p.to;
    const pending = r.closed_on === null || r.closed_on > p.to;
    const carried = r.filed_on < p.from && (r.closed_on === null || r.closed_on >= p.from);
    const settled = r.m_ended !== null && r.m_outcome !== '调解不成转审理';
    const mediationEnded = r.type_code === '民初' && r.m_ended !== null && r.m_ended >= p.from && r.m_ended <= p.to;
    if (!received && !resolved && !pending && !carried && !mediationEnded) continue;
    const appealed = r.appealed === 1 || r.appeal_outcome !== null;
    const extended = r.ext_months > 0 || r.ext_days > 0;
    const civil = r.type_code.startsWith('民');
    const n = (b: boolean) => (b ? 1 : 0);
    t.received += n(received);
    t.receivedAdvanceSettled += n(received && settled && r.m_ended! <= p.to);
    t.carriedOver += n(carried);
    t.resolved += n(resolved);
    t.pending += n(pending);
    if (resolved) {
      t.resolvedWithLimit += n(r.closed_overdue !== null);
      t.resolvedOnTime += n(r.closed_overdue === 0);
      t.resolvedExtended += n(r.closed_overdue !== null && extended);
      t.resolvedNormalOnTime += n(r.closed_overdue === 0 && !extended);
      t.durationSum += r.duration_days!;
      if (!durations.has(k)) durations.set(k, []);
      durations.get(k)!.push(r.duration_days!);
      t.firstResolved += n(first);
      t.firstByJudgmentOrRuling += n(first && ['判决', '裁定', '驳回起诉'].includes(r.closing_method!));
      t.firstAppealed += n(first && appealed);
      t.firstReversed += n(first && r.appeal_outcome === '改判');
      t.firstRemanded += n(first && r.appeal_outcome === '发回重审');
      t.firstNotAppealed += n(first && !appealed);
      t.civilResolved += n(civil);
      t.civilMediated += n(civil && r.closing_method === '调解');
      t.civilWithdrawn += n(civil && r.closing_method === '撤诉');
      t.preMediationClosed += n(r.type_code === '诉前调');
      t.preMediationSettled += n(r.type_code === '诉前调' && ['调解', '撤诉'].includes(r.closing_method!));
      if (r.type_code === '执') {
        t.enforcementResolved += 1;
        t.enforcementCompleted += n(r.closing_method === '执行完毕');
        if (r.enforcement_claim_fen !== null) {
          t.enforcementClaimFen += r.enforcement_claim_fen;
          t.enforcementRecoveredFen += r.enforcement_recovered_fen ?? 0;
        }
      }
      t.judgmentResolved += n(r.closing_method === '判决');
      t.judgmentReviewed += n(r.closing_method === '判决' && r.reviewed === 1);
      t.judgmentPrecedent += n(r.closing_method === '判决' && r.precedent_searched === 1);
    }
    if (pending) {
      t.longPending12 += n(older(r.filed_on, 12));
      t.longPending18 += n(older(r.filed_on, 18));
      t.longPending36 += n(older(r.filed_on, 36));
      const bucket = AGE_BOUNDS.filter((m) => older(r.filed_on, m)).length;
      t.age[bucket] += 1;
      t.overduePending += n(r.due_on !== null && r.due_on < p.to);
    }
    t.advanceMediationEnded += n(mediationEnded);
    t.advanceMediationSettled += n(mediationEnded && settled);
    if (first && received) {
      t.caseCount += 1;
      // 件: the case and everything reached from it by 原审案号 links.
      const seen = new Set<string>([r.case_number]);
      const queue = [r.case_number];
      while (queue.length) for (const d of byNumber.get(queue.pop()!) ?? []) if (!seen.has(d.case_number)) (seen.add(d.case_number), queue.push(d.case_number));
      t.itemCount += seen.size;
    }
    if (r.closed_on === null || r.closed_on >= p.from) judges.set(k, (judges.get(k) ?? new Set()).add(r.judge_id));
    out.set(k, t);
  }
  for (const [k, t] of out) {
    t.durationCounts = countValues(durations.get(k) ?? []);
    t.judges = judges.get(k)?.size ?? 0;
  }
  return out;
}

let t: ReturnType<typeof freshCourtDb>;
let rows: Row[];

beforeAll(() => {
  t = freshCourtDb();
  t.put(randomCourt(20241231, 600), TODAY);
  const r = rng(7);
  const mediation = t.db.prepare(`INSERT INTO mediations (case_id, destination, mediator, received_on, base_days, ended_on, outcome, row_version, created_at, updated_at)
    VALUES (?, '特邀调解员', '调解员甲', ?, 15, ?, ?, 1, 'x', 'x')`);
  for (const c of t.db.prepare("SELECT id, filed_on FROM cases WHERE type_code = '民初'").all() as Array<{ id: number; filed_on: string }>) {
    if (r.next() < 0.3) {
      const ended = r.next() < 0.8 ? addDays(c.filed_on, 1 + r.int(40)) : null;
      mediation.run(c.id, addDays(c.filed_on, 1), ended, ended ? r.pick(['调解成功', '撤诉', '当场履行', '调解不成转审理']) : null);
    }
  }
  rows = t.db.prepare('SELECT c.*, m.ended_on AS m_ended, m.outcome AS m_outcome FROM cases c LEFT JOIN mediations m ON m.case_id = c.id').all() as Row[];
});
afterAll(() => t.close());

describe('the SQL tally pass equals a recomputation from scratch', () => {
  const r = rng(99);
  const periods: Period[] = [
    { from: '2024-01-01', to: '2024-12-31' }, { from: '2024-02-29', to: '2024-02-29' }, { from: '2023-01-31', to: '2023-03-31' },
    ...Array.from({ length: 12 }, () => {
      const from = addDays('2021-01-01', r.int(1400));
      return { from, to: addDays(from, r.int(400)) };
    }),
  ];
  const scopes: Array<[string, CaseScope]> = [['court', { kind: 'all' }], ['division 1', { kind: 'division', divisionId: 1 }]];

  it.each(periods.flatMap((p) => scopes.map(([name, s]) => [p.from, p.to, name, s] as const)))('%s … %s, %s', (from, to, _name, scope) => {
    const p = { from, to };
    const inScope = rows.filter((x) => scope.kind === 'all' || (scope.kind === 'division' && x.division_id === scope.divisionId));
    const court = reference(inScope, p, () => 0, rows).get(0) ?? emptyTally();
    expect(sqlTallies(t.db, p, scope, {}, 'court').get(0) ?? emptyTally()).toEqual(court);
    expect(sqlDocketJudges(t.db, p, scope, {})).toBe(court.judges);
    const byJudge = Object.fromEntries(sqlTallies(t.db, p, scope, {}, 'judge'));
    expect(byJudge).toEqual(Object.fromEntries(reference(inScope, p, (x) => x.judge_id, rows)));
    // The pre-aggregated tables (month and year count objects of the durations among them) give the same.
    expect(preaggTallies(t.db, p, scope, {}, 'court').get(0) ?? emptyTally()).toEqual(court);
    expect(Object.fromEntries(preaggTallies(t.db, p, scope, {}, 'judge'))).toEqual(byJudge);
    const byStage = Object.fromEntries(sqlTallies(t.db, p, scope, {}, 'stage'));
    expect(byStage).toEqual(Object.fromEntries(reference(inScope, p, (x) => x.type_code, rows)));
  });

  it('the random court has every kind of case the formulas ask about', () => {
    const year = sqlTallies(t.db, { from: '2021-01-01', to: TODAY }, { kind: 'all' }, {}, 'court').get(0)!;
    for (const k of ['firstAppealed', 'firstReversed', 'firstRemanded', 'preMediationSettled', 'advanceMediationSettled', 'enforcementCompleted', 'judgmentReviewed', 'resolvedExtended', 'longPending36'] as const) {
      expect(year[k], k).toBeGreaterThan(0);
    }
    expect(year.itemCount).toBeGreaterThan(year.caseCount);
  });
});
