// The tally step from the pre-aggregated tables (migration 12): flow per day, durations per day, stock per kept day; the plain pass where they cannot answer.
import type { Database } from 'better-sqlite3';
import type { CaseScope } from '../../../shared/accounts/roles';
import { addDays } from '../../../shared/dates/calendar';
import { emptyTally, type Period, type Tally } from '../../../shared/indicators/formulas';
import type { GroupBy } from '../../../shared/indicators/api';
import { SETTLED } from './caseConditions';
import { itemCounts, KEY, mediationSql, sqlDocketJudges, sqlTallies, whereOf, type GroupKey, type TallyFilter } from './sqlTallies';
import { stockAt } from './stockDays';

/** The tally_day columns and the Tally counters they fill. */
const FLOW: Array<[string, keyof Tally]> = [
  ['received', 'received'], ['case_count', 'caseCount'], ['resolved', 'resolved'], ['duration_sum', 'durationSum'],
  ['with_limit', 'resolvedWithLimit'], ['on_time', 'resolvedOnTime'], ['extended', 'resolvedExtended'], ['normal_on_time', 'resolvedNormalOnTime'],
  ['first_resolved', 'firstResolved'], ['first_judgment_or_ruling', 'firstByJudgmentOrRuling'], ['first_appealed', 'firstAppealed'],
  ['first_not_appealed', 'firstNotAppealed'], ['first_reversed', 'firstReversed'], ['first_remanded', 'firstRemanded'],
  ['civil_resolved', 'civilResolved'], ['civil_mediated', 'civilMediated'], ['civil_withdrawn', 'civilWithdrawn'],
  ['pre_mediation_closed', 'preMediationClosed'], ['pre_mediation_settled', 'preMediationSettled'],
  ['enforcement_resolved', 'enforcementResolved'], ['enforcement_completed', 'enforcementCompleted'],
  ['enforcement_claim_fen', 'enforcementClaimFen'], ['enforcement_recovered_fen', 'enforcementRecoveredFen'],
  ['judgment_resolved', 'judgmentResolved'], ['judgment_reviewed', 'judgmentReviewed'], ['judgment_precedent', 'judgmentPrecedent'],
];
const FLOW_SQL = `SELECT c.judge_id, c.division_id, ${FLOW.map(([c]) => `sum(c.${c})`).join(', ')} FROM tally_day c`;

/** Whether the tables can answer: they are kept per judge and division, not per case type, procedure or cause. */
export function preaggregated(f: TallyFilter, by: GroupBy | 'court'): boolean {
  return (by === 'court' || by === 'division' || by === 'judge') && f.typeCode === undefined && f.procedure === undefined && f.cause === undefined;
}

interface Pair {
  judge: number;
  division: number;
  t: Tally;
}

/**
 * Per-(judge, division) tallies of the period: flow summed over its days, stock at `to` (pending, ages, past due) and
 * at the day before `from` (carried over). The pairs with nobody on their docket are dropped, as the plain pass never
 * sees them.
 */
function pairs(db: Database, p: Period, clauses: string[], params: Record<string, unknown>): Map<string, Pair> {
  const out = new Map<string, Pair>();
  const pair = (judge: number, division: number): Pair => {
    const id = `${judge}/${division}`;
    let x = out.get(id);
    if (!x) out.set(id, (x = { judge, division, t: emptyTally() }));
    return x;
  };
  const where = clauses.length ? ` AND ${clauses.join(' AND ')}` : '';
  const rows = db.prepare(`${FLOW_SQL} WHERE c.day BETWEEN @from AND @to${where} GROUP BY c.judge_id, c.division_id`).raw().all(params) as number[][];
  for (const r of rows) {
    const t = pair(r[0], r[1]).t;
    FLOW.forEach(([, k], i) => ((t[k] as number) += r[i + 2]));
  }
  for (const s of stockAt(db, p.to, clauses, params)) {
    const t = pair(s.judge, s.division).t;
    t.pending += s.pending;
    s.age.forEach((n, i) => (t.age[i] += n));
    t.longPending12 += s.age[3] + s.age[4] + s.age[5];
    t.longPending18 += s.age[4] + s.age[5];
    t.longPending36 += s.age[5];
    t.overduePending += s.overdue;
  }
  for (const s of stockAt(db, addDays(p.from, -1), clauses, params)) pair(s.judge, s.division).t.carriedOver += s.pending;
  for (const [id, x] of out) if (x.t.carriedOver + x.t.received === 0) out.delete(id);
  return out;
}

const keyOf = (by: GroupBy | 'court', x: { judge: number; division: number }): GroupKey =>
  by === 'court' ? 0 : by === 'division' ? x.division : x.judge;

function add(into: Tally, t: Tally): void {
  for (const k of Object.keys(into) as Array<keyof Tally>) {
    if (k === 'durations' || k === 'age') continue;
    into[k] += t[k];
  }
  t.age.forEach((n, i) => (into.age[i] += n));
}

/** Per-group tallies, equal to sqlTallies' for every period, scope and grouping (test/db/preaggTallies*.test.ts). */
export function preaggTallies(db: Database, p: Period, scope: CaseScope, f: TallyFilter, by: GroupBy | 'court'): Map<GroupKey, Tally> {
  if (!preaggregated(f, by)) return sqlTallies(db, p, scope, f, by);
  const params: Record<string, unknown> = { from: p.from, to: p.to };
  const w = whereOf(scope, f, params);
  const out = new Map<GroupKey, Tally>();
  if (w.empty) return out;
  const tally = (k: GroupKey): Tally => {
    let t = out.get(k);
    if (!t) out.set(k, (t = emptyTally()));
    return t;
  };
  const judges = new Map<GroupKey, Set<number>>();
  for (const x of pairs(db, p, w.clauses, params).values()) {
    const k = keyOf(by, x);
    add(tally(k), x.t);
    let set = judges.get(k);
    if (!set) judges.set(k, (set = new Set()));
    set.add(x.judge);
  }
  for (const [k, set] of judges) out.get(k)!.judges = set.size;
  const where = w.clauses.length ? ` AND ${w.clauses.join(' AND ')}` : '';
  const durations = db.prepare(`SELECT c.judge_id, c.division_id, c.duration, sum(c.n) FROM tally_durations c
    WHERE c.day BETWEEN @from AND @to${where} GROUP BY c.judge_id, c.division_id, c.duration`).raw().all(params) as number[][];
  for (const [judge, division, d, n] of durations) {
    const list = tally(keyOf(by, { judge, division })).durations;
    for (let i = 0; i < n; i++) list.push(d);
  }
  for (const t of out.values()) t.durations.sort((a, b) => a - b);
  // 先行调解 and 案-件比 read the few rows they concern by index, as the plain pass does.
  for (const [k, ended, settled] of db.prepare(mediationSql(by, w.clauses)).raw().all(params) as Array<[GroupKey, number, number]>) {
    const t = tally(k);
    t.advanceMediationEnded = ended;
    t.advanceMediationSettled = settled;
  }
  const advance = db.prepare(`SELECT ${KEY[by]} AS k, count(*) FROM mediations m JOIN cases c ON c.id = m.case_id
    WHERE ${SETTLED} AND m.ended_on <= @to AND c.filed_on BETWEEN @from AND @to${where} GROUP BY k`).raw().all(params) as Array<[GroupKey, number]>;
  for (const [k, n] of advance) tally(k).receivedAdvanceSettled = n;
  for (const [k, n] of itemCounts(db, by, w.clauses, params)) tally(k).itemCount = n;
  return out;
}

/** Judges with a case on their docket over the whole scope, from the same pairs. */
export function preaggDocketJudges(db: Database, p: Period, scope: CaseScope, f: TallyFilter): number {
  if (!preaggregated(f, 'court')) return sqlDocketJudges(db, p, scope, f);
  const params: Record<string, unknown> = { from: p.from, to: p.to };
  const w = whereOf(scope, f, params);
  if (w.empty) return 0;
  return new Set([...pairs(db, p, w.clauses, params).values()].map((x) => x.judge)).size;
}
