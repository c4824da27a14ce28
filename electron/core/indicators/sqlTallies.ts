// The tally step, plain SQL: one GROUP BY pass over the cases table (plus durations and 案-件 links) into per-group tallies.
import type { Database } from 'better-sqlite3';
import type { CaseScope } from '../../../shared/accounts/roles';
import { emptyTally, monthCutoff, type Period, type Tally } from '../../../shared/indicators/formulas';
import { AGE_BOUNDS } from '../../../shared/indicators/catalogue';
import type { GroupBy } from '../../../shared/indicators/api';
import { scopeClause } from '../cases/caseQueries';
import { SETTLED } from './caseConditions';

/** Narrowing within the reader's scope: ids resolved from names by the caller. */
export interface TallyFilter {
  divisionId?: number;
  judgeId?: number;
  typeCode?: string;
  procedure?: string;
  cause?: string;
}

/** The (judge, division) pairs every court, division and judge figure adds up from. */
export const PAIR = 'pair';

/** A group's key as SQL returns it: a division or judge id, a type code, a procedure (null: not recorded), a cause. */
export type GroupKey = number | string | null;

/** The SQL key of each grouping; the court figure groups by a constant. */
export const KEY: Record<GroupBy | 'court' | typeof PAIR, string> = {
  court: '0',
  // 'judge/division': the pre-aggregated source reads per pair and rolls up (preaggTallies.ts).
  pair: "c.judge_id || '/' || c.division_id",
  division: 'c.division_id',
  judge: 'c.judge_id',
  stage: 'c.type_code',
  procedure: 'c.procedure',
  cause: 'c.cause',
};

/**
 * What to GROUP BY for a key: the pair's two integer columns, so its text key is built once per group, not per row
 * (unary + keeps the planner from walking cases_judge_filed for the grouping instead of the period's index range).
 */
const groupOf = (by: GroupBy | 'court' | typeof PAIR): string => (by === PAIR ? '+c.judge_id, +c.division_id' : 'k');


/*
 * The main pass groups the period's docket by the case's shape: whatever the formulas ask of one case, each computed
 * once per case, so that SQLite counts cases per shape (a few thousand shapes) instead of evaluating forty SUM
 * conditions per case (2.5× slower). addShape below turns each shape's counts into the tally's counters.
 * Every case of the pass is on the docket (filed by `to`, open on a day of the period), so it is either resolved in
 * the period (closed by `to`) or pending at `to`, never both.
 */
const SHAPE_COLUMNS = [
  'c.judge_id AS judge',
  'c.filed_on >= @from AS received',
  'c.type_code AS type',
  'c.closed_on <= @to AS resolved',
  'c.closing_method AS method',
  'c.closed_overdue AS overdue',
  '(c.ext_months > 0 OR c.ext_days > 0) AS extended',
  // An appeal outcome implies an appeal, whether or not 是否上诉 was filled in; an unknown 是否上诉 is "not appealed"
  // (coalesce: a NULL here once dropped such cases from 服判息诉).
  '(coalesce(c.appealed, 0) = 1 OR c.appeal_outcome IS NOT NULL) AS appealed',
  'c.appeal_outcome AS outcome',
  'c.reviewed AS reviewed',
  'c.precedent_searched AS precedent',
  // Pending: the age bucket (how many of the bounds 3/6/12/18/36 months the case is past, by the month rule) and,
  // in the tens, the long-pending bits 12 (1), 18 (2), 36 (4); and whether it is past its stored due date.
  `CASE WHEN c.closed_on IS NULL OR c.closed_on > @to THEN
     (c.filed_on < @age0) + (c.filed_on < @age1) + (c.filed_on < @age2) + (c.filed_on < @age3) + (c.filed_on < @age4)
     + 10 * ((c.filed_on < @cut12) + 2 * (c.filed_on < @cut18) + 4 * (c.filed_on < @cut36)) END AS age`,
  'CASE WHEN c.closed_on IS NULL OR c.closed_on > @to THEN coalesce(c.due_on < @to, 0) END AS pastDue',
  // A received case whose 先行调解 ended settled by `to`: looked up for received cases only (CASE is lazy).
  `CASE WHEN c.filed_on >= @from THEN EXISTS (SELECT 1 FROM mediations m WHERE m.case_id = c.id AND ${SETTLED} AND m.ended_on <= @to) END AS advSettled`,
];
const SHAPE_KEYS = ['judge', 'received', 'type', 'resolved', 'method', 'overdue', 'extended', 'appealed', 'outcome', 'reviewed', 'precedent', 'age', 'pastDue', 'advSettled'];

interface Shape {
  k: GroupKey;
  judge: number;
  received: number;
  type: string;
  resolved: number | null;
  method: string | null;
  overdue: number | null;
  extended: number;
  appealed: number;
  outcome: string | null;
  reviewed: number | null;
  precedent: number | null;
  age: number | null;
  pastDue: number | null;
  advSettled: number | null;
  n: number;
  duration: number | null;
  claim: number | null;
  recovered: number | null;
}

const FIRST_INSTANCE = new Set(['民初', '刑初', '行初']);

/** One shape's n cases into the counters of its group's tally. */
function addShape(t: Tally, s: Shape): void {
  const n = s.n;
  const first = FIRST_INSTANCE.has(s.type);
  if (s.received) {
    t.received += n;
    if (s.advSettled) t.receivedAdvanceSettled += n;
    if (first) t.caseCount += n;
  } else t.carriedOver += n;
  if (!s.resolved) {
    t.pending += n;
    const age = s.age ?? 0;
    t.age[age % 10] += n;
    const long = Math.floor(age / 10);
    if (long & 1) t.longPending12 += n;
    if (long & 2) t.longPending18 += n;
    if (long & 4) t.longPending36 += n;
    if (s.pastDue) t.overduePending += n;
    return;
  }
  t.resolved += n;
  t.durationSum += s.duration ?? 0;
  if (s.overdue !== null) {
    t.resolvedWithLimit += n;
    if (s.extended) t.resolvedExtended += n;
    if (s.overdue === 0) {
      t.resolvedOnTime += n;
      if (!s.extended) t.resolvedNormalOnTime += n;
    }
  }
  if (first) {
    t.firstResolved += n;
    if (s.method === '判决' || s.method === '裁定' || s.method === '驳回起诉') t.firstByJudgmentOrRuling += n;
    if (s.appealed) t.firstAppealed += n;
    else t.firstNotAppealed += n;
    if (s.outcome === '改判') t.firstReversed += n;
    if (s.outcome === '发回重审') t.firstRemanded += n;
  }
  if (s.type.startsWith('民')) {
    t.civilResolved += n;
    if (s.method === '调解') t.civilMediated += n;
    if (s.method === '撤诉') t.civilWithdrawn += n;
  }
  if (s.type === '诉前调') {
    t.preMediationClosed += n;
    if (s.method === '调解' || s.method === '撤诉') t.preMediationSettled += n;
  }
  if (s.type === '执') {
    t.enforcementResolved += n;
    if (s.method === '执行完毕') t.enforcementCompleted += n;
    t.enforcementClaimFen += s.claim ?? 0;
    t.enforcementRecoveredFen += s.recovered ?? 0;
  }
  if (s.method === '判决') {
    t.judgmentResolved += n;
    if (s.reviewed === 1) t.judgmentReviewed += n;
    if (s.precedent === 1) t.judgmentPrecedent += n;
  }
}

/** The query's fixed parameters for a period: its dates and the month-rule cutoffs (filed before the cutoff = older). */
export function periodParams(p: Period): Record<string, string> {
  const params: Record<string, string> = { from: p.from, to: p.to };
  for (const n of [12, 18, 36]) params[`cut${n}`] = monthCutoff(p.to, n);
  AGE_BOUNDS.forEach((n, i) => (params[`age${i}`] = monthCutoff(p.to, n)));
  return params;
}

export function whereOf(scope: CaseScope, f: TallyFilter, params: Record<string, unknown>): { clauses: string[]; empty: boolean } {
  const clauses: string[] = [];
  const empty = !scopeClause(scope, clauses, params);
  const add = (clause: string, name: string, value: unknown) => {
    clauses.push(clause);
    params[name] = value;
  };
  if (f.divisionId !== undefined) add('c.division_id = @fDivision', 'fDivision', f.divisionId);
  if (f.judgeId !== undefined) add('c.judge_id = @fJudge', 'fJudge', f.judgeId);
  if (f.typeCode !== undefined) add('c.type_code = @fType', 'fType', f.typeCode);
  if (f.procedure !== undefined) add('c.procedure = @fProcedure', 'fProcedure', f.procedure);
  if (f.cause !== undefined) add('c.cause = @fCause', 'fCause', f.cause);
  return { clauses, empty };
}

/** The main pass as SQL text (also read by the bench and EXPLAIN tests). */
export function tallySql(by: GroupBy | 'court', extra: string[]): string {
  const where = extra.length ? ` AND ${extra.join(' AND ')}` : '';
  /*
   * Every counter but the 先行调解 ones concerns a case on the docket in the period: filed by `to` and open on some day
   * of it (received, carried over, resolved, pending are all such cases). Those are the open cases and the cases
   * closed from `from` on: two ranges of the partial indexes cases_open_filed and cases_closed, so a period reads
   * its own cases, not the court's whole history.
   */
  return `SELECT ${KEY[by]} AS k, ${SHAPE_COLUMNS.join(', ')}, count(*) AS n, sum(c.duration_days) AS duration,
      sum(c.enforcement_claim_fen) AS claim,
      sum(CASE WHEN c.enforcement_claim_fen IS NOT NULL THEN coalesce(c.enforcement_recovered_fen, 0) END) AS recovered
    FROM (SELECT * FROM cases WHERE closed_on IS NULL AND filed_on <= @to
          UNION ALL SELECT * FROM cases WHERE closed_on >= @from AND filed_on <= @to) c
    WHERE 1${where}
    GROUP BY k, ${SHAPE_KEYS.join(', ')}`;
}

/** Judges with a case on their docket in the period, over the whole scope (a judge may sit in several groups). */
export function sqlDocketJudges(db: Database, p: Period, scope: CaseScope, f: TallyFilter): number {
  const params: Record<string, unknown> = { from: p.from, to: p.to };
  const w = whereOf(scope, f, params);
  if (w.empty) return 0;
  return db.prepare(`SELECT COUNT(DISTINCT c.judge_id)
    FROM (SELECT judge_id, division_id, type_code, procedure, cause FROM cases WHERE closed_on IS NULL AND filed_on <= @to
          UNION ALL SELECT judge_id, division_id, type_code, procedure, cause FROM cases WHERE closed_on >= @from AND filed_on <= @to) c
    WHERE 1${w.clauses.length ? ` AND ${w.clauses.join(' AND ')}` : ''}`).pluck().get(params) as number;
}

/** The 案 of 案-件比 (alias c): the period's first-instance received cases within the reader's scope. */
export const itemSeed = (clauses: string[]): string => ['c.filed_on BETWEEN @from AND @to', "c.type_code IN ('民初', '刑初', '行初')", ...clauses].join(' AND ');

/**
 * 件 of 案-件比 per group: the period's first-instance received cases (案) and every case linked to them by 原审案号,
 * followed recursively (cycles stopped by UNION), each case once per group. Linked cases count whoever holds them and
 * whenever they were filed. Counted as the 案 (an index range) plus the cases reached from them that are not
 * themselves 案 of the same group: the walk starts from the few 案 that have a linked case instead of putting
 * every 案 through the UNION's dedup (a month at 1M: 9 ms to 3 ms).
 */
export function itemCounts(db: Database, by: GroupBy | 'court' | typeof PAIR, clauses: string[], params: Record<string, unknown>): Array<[GroupKey, number]> {
  const seed = itemSeed(clauses);
  const out = new Map<GroupKey, number>(db.prepare(`SELECT ${KEY[by]} AS k, count(*) FROM cases c WHERE ${seed} GROUP BY ${groupOf(by)}`).raw().all(params) as Array<[GroupKey, number]>);
  const reached = db.prepare(`
    WITH RECURSIVE linked(case_number, k) AS (
      SELECT d.case_number, ${KEY[by]} FROM cases c JOIN cases d ON d.origin_case_number = c.case_number WHERE ${seed}
      UNION
      SELECT d.case_number, l.k FROM linked l JOIN cases d ON d.origin_case_number = l.case_number
    )
    SELECT l.k, COUNT(*) FROM linked l
    WHERE NOT EXISTS (SELECT 1 FROM cases c WHERE c.case_number = l.case_number AND ${seed} AND ${KEY[by]} IS l.k)
    GROUP BY l.k`).raw().all(params) as Array<[GroupKey, number]>;
  for (const [k, n] of reached) out.set(k, (out.get(k) ?? 0) + n);
  return [...out];
}

/** 先行调解 that ended in the period, of 民初 cases, whenever the case was filed or closed. */
export function mediationSql(by: GroupBy | 'court' | typeof PAIR, extra: string[]): string {
  const where = extra.length ? ` AND ${extra.join(' AND ')}` : '';
  return `SELECT ${KEY[by]} AS k, count(*) AS ended, SUM(${SETTLED}) AS settled
    FROM mediations m JOIN cases c ON c.id = m.case_id
    WHERE m.ended_on BETWEEN @from AND @to AND c.type_code = '民初'${where}
    GROUP BY ${groupOf(by)}`;
}

/**
 * Per-group tallies of one period from the cases table: the reference source of the formulas. Counts and sums in
 * one GROUP BY pass; the resolved cases' durations counted per value in a second pass (median and p90 need them); 件 of
 * 案-件比 by following 原审案号 links from the period's first-instance cases (a recursive query, cycles stopped by
 * UNION). Linked cases count whoever holds them and whenever they were filed: they are what the 案 became.
 */
export function sqlTallies(db: Database, p: Period, scope: CaseScope, f: TallyFilter, by: GroupBy | 'court'): Map<GroupKey, Tally> {
  const params: Record<string, unknown> = { ...periodParams(p) };
  const w = whereOf(scope, f, params);
  const out = new Map<GroupKey, Tally>();
  if (w.empty) return out;
  const tally = (k: GroupKey): Tally => {
    let t = out.get(k);
    if (!t) out.set(k, (t = emptyTally()));
    return t;
  };
  const judges = new Map<GroupKey, Set<number>>();
  for (const shape of db.prepare(tallySql(by, w.clauses)).all(params) as Shape[]) {
    addShape(tally(shape.k), shape);
    let set = judges.get(shape.k);
    if (!set) judges.set(shape.k, (set = new Set()));
    set.add(shape.judge);
  }
  for (const [k, set] of judges) out.get(k)!.judges = set.size;
  for (const [k, ended, settled] of db.prepare(mediationSql(by, w.clauses)).raw().all(params) as Array<[GroupKey, number, number]>) {
    const t = tally(k);
    t.advanceMediationEnded = ended;
    t.advanceMediationSettled = settled;
  }
  // Counted per group and value, in ascending order of value: each group's list comes out counted and ascending.
  const where = ['c.closed_on BETWEEN @from AND @to', 'c.duration_days IS NOT NULL', ...w.clauses].join(' AND ');
  const durations = db.prepare(`SELECT ${KEY[by]} AS k, c.duration_days AS d, count(*) FROM cases c WHERE ${where}
    GROUP BY k, d ORDER BY d`).raw().all(params) as Array<[GroupKey, number, number]>;
  for (const [k, d, n] of durations) tally(k).durationCounts.push(d, n);
  const items = itemCounts(db, by, w.clauses, params);
  for (const [k, n] of items) tally(k).itemCount = n;
  return out;
}
