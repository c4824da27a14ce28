// The tally step, plain SQL: one GROUP BY pass over the cases table (plus durations and 案-件 links) into per-group tallies.
import type { Database } from 'better-sqlite3';
import type { CaseScope } from '../../../shared/accounts/roles';
import { emptyTally, monthCutoff, type Period, type Tally } from '../../../shared/indicators/formulas';
import { AGE_BOUNDS } from '../../../shared/indicators/catalogue';
import type { GroupBy } from '../../../shared/indicators/api';
import { scopeClause } from '../cases/caseQueries';

/** Narrowing within the reader's scope: ids resolved from names by the caller. */
export interface TallyFilter {
  divisionId?: number;
  judgeId?: number;
  typeCode?: string;
  procedure?: string;
  cause?: string;
}

/** A group's key as SQL returns it: a division or judge id, a type code, a procedure (null: not recorded), a cause. */
export type GroupKey = number | string | null;

/** The SQL key of each grouping; the court figure groups by a constant. */
const KEY: Record<GroupBy | 'court', string> = {
  court: '0',
  division: 'c.division_id',
  judge: 'c.judge_id',
  stage: 'c.type_code',
  procedure: 'c.procedure',
  cause: 'c.cause',
};

export const FIRST = "c.type_code IN ('民初', '刑初', '行初')";
export const RES = 'c.closed_on BETWEEN @from AND @to';
const PEND = '(c.closed_on IS NULL OR c.closed_on > @to)';
// An appeal outcome implies an appeal, whether or not 是否上诉 was filled in. Never NULL: an unknown 是否上诉 is "not
// appealed", and NOT of a NULL would drop the case from 服判息诉 instead.
const APPEALED = '(coalesce(c.appealed, 0) = 1 OR c.appeal_outcome IS NOT NULL)';
const EXTENDED = '(c.ext_months > 0 OR c.ext_days > 0)';
/** A 先行调解 ended settled: any ending but 调解不成转审理 (调解成功, 撤诉, 当场履行). */
export const SETTLED = "(m.ended_on IS NOT NULL AND m.outcome <> '调解不成转审理')";
/** Whether a received case's 先行调解 ended settled by `to`: looked up only for received cases (CASE is lazy). */
const SETTLED_BY_TO = `CASE WHEN c.filed_on >= @from THEN EXISTS (SELECT 1 FROM mediations m WHERE m.case_id = c.id AND ${SETTLED} AND m.ended_on <= @to) END`;
const CIVIL = "substr(c.type_code, 1, 1) = '民'";

/*
 * Every tally counter as one SUM over the cases of the period; SQLite's comparisons are 0/1 (NULL counts nothing).
 * The order of the columns is the order of the names: the row is read back by name.
 */
export const COUNTERS: Record<string, string> = {
  received: 'c.filed_on >= @from',
  receivedAdvanceSettled: SETTLED_BY_TO,
  carriedOver: 'c.filed_on < @from AND (c.closed_on IS NULL OR c.closed_on >= @from)',
  resolved: RES,
  pending: PEND,
  resolvedWithLimit: `${RES} AND c.closed_overdue IS NOT NULL`,
  resolvedOnTime: `${RES} AND c.closed_overdue = 0`,
  resolvedExtended: `${RES} AND c.closed_overdue IS NOT NULL AND ${EXTENDED}`,
  resolvedNormalOnTime: `${RES} AND c.closed_overdue = 0 AND NOT ${EXTENDED}`,
  longPending12: `${PEND} AND c.filed_on < @cut12`,
  longPending18: `${PEND} AND c.filed_on < @cut18`,
  longPending36: `${PEND} AND c.filed_on < @cut36`,
  age0: `${PEND} AND c.filed_on >= @age0`,
  age1: `${PEND} AND c.filed_on < @age0 AND c.filed_on >= @age1`,
  age2: `${PEND} AND c.filed_on < @age1 AND c.filed_on >= @age2`,
  age3: `${PEND} AND c.filed_on < @age2 AND c.filed_on >= @age3`,
  age4: `${PEND} AND c.filed_on < @age3 AND c.filed_on >= @age4`,
  age5: `${PEND} AND c.filed_on < @age4`,
  overduePending: `${PEND} AND c.due_on < @to`,
  firstResolved: `${RES} AND ${FIRST}`,
  firstByJudgmentOrRuling: `${RES} AND ${FIRST} AND c.closing_method IN ('判决', '裁定', '驳回起诉')`,
  firstAppealed: `${RES} AND ${FIRST} AND ${APPEALED}`,
  firstReversed: `${RES} AND ${FIRST} AND c.appeal_outcome = '改判'`,
  firstRemanded: `${RES} AND ${FIRST} AND c.appeal_outcome = '发回重审'`,
  firstNotAppealed: `${RES} AND ${FIRST} AND NOT ${APPEALED}`,
  civilResolved: `${RES} AND ${CIVIL}`,
  civilMediated: `${RES} AND ${CIVIL} AND c.closing_method = '调解'`,
  civilWithdrawn: `${RES} AND ${CIVIL} AND c.closing_method = '撤诉'`,
  preMediationClosed: `${RES} AND c.type_code = '诉前调'`,
  preMediationSettled: `${RES} AND c.type_code = '诉前调' AND c.closing_method IN ('调解', '撤诉')`,
  caseCount: `c.filed_on >= @from AND ${FIRST}`,
  enforcementResolved: `${RES} AND c.type_code = '执'`,
  enforcementCompleted: `${RES} AND c.type_code = '执' AND c.closing_method = '执行完毕'`,
  judgmentResolved: `${RES} AND c.closing_method = '判决'`,
  judgmentReviewed: `${RES} AND c.closing_method = '判决' AND c.reviewed = 1`,
  judgmentPrecedent: `${RES} AND c.closing_method = '判决' AND c.precedent_searched = 1`,
};

/** Sums that are not counts: Σ duration, and the enforcement amounts (fen) of 执 cases resolved with an amount applied for. */
const SUMS: Record<string, string> = {
  durationSum: `CASE WHEN ${RES} THEN c.duration_days END`,
  enforcementClaimFen: `CASE WHEN ${RES} AND c.type_code = '执' AND c.enforcement_claim_fen IS NOT NULL THEN c.enforcement_claim_fen END`,
  enforcementRecoveredFen: `CASE WHEN ${RES} AND c.type_code = '执' AND c.enforcement_claim_fen IS NOT NULL THEN coalesce(c.enforcement_recovered_fen, 0) END`,
};

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
  const cols = [
    ...Object.entries(COUNTERS).map(([k, e]) => `SUM(${e}) AS ${k}`),
    ...Object.entries(SUMS).map(([k, e]) => `SUM(${e}) AS ${k}`),
    // Judges with a case on their docket in the period: every case of the pass.
    'COUNT(DISTINCT c.judge_id) AS judges',
  ];
  const where = extra.length ? ` AND ${extra.join(' AND ')}` : '';
  /*
   * Every counter but the 先行调解 ones concerns a case on the docket in the period: filed by `to` and open on some day
   * of it (received, carried over, resolved, pending are all such cases). Those are the open cases and the cases
   * closed from `from` on: two ranges of the partial indexes cases_open_filed and cases_closed, so a period reads
   * its own cases, not the court's whole history.
   */
  return `SELECT ${KEY[by]} AS k, ${cols.join(', ')}
    FROM (SELECT * FROM cases WHERE closed_on IS NULL AND filed_on <= @to
          UNION ALL SELECT * FROM cases WHERE closed_on >= @from AND filed_on <= @to) c
    WHERE 1${where}
    GROUP BY k`;
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

/** 先行调解 that ended in the period, of 民初 cases, whenever the case was filed or closed. */
function mediationSql(by: GroupBy | 'court', extra: string[]): string {
  const where = extra.length ? ` AND ${extra.join(' AND ')}` : '';
  return `SELECT ${KEY[by]} AS k, count(*) AS ended, SUM(${SETTLED}) AS settled
    FROM mediations m JOIN cases c ON c.id = m.case_id
    WHERE m.ended_on BETWEEN @from AND @to AND c.type_code = '民初'${where}
    GROUP BY k`;
}

/**
 * Per-group tallies of one period from the cases table: the reference source of the formulas. Counts and sums in
 * one GROUP BY pass; the resolved cases' durations in a second, ordered pass (median and p90 need them); 件 of
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
  for (const row of db.prepare(tallySql(by, w.clauses)).all(params) as Array<Record<string, number | string | null>>) {
    const t = tally(row.k as GroupKey);
    for (const k of [...Object.keys(COUNTERS), ...Object.keys(SUMS), 'judges']) {
      if (k.startsWith('age')) continue;
      (t as unknown as Record<string, number>)[k] = Number(row[k] ?? 0);
    }
    t.age = [0, 1, 2, 3, 4, 5].map((i) => Number(row[`age${i}`] ?? 0));
  }
  for (const [k, ended, settled] of db.prepare(mediationSql(by, w.clauses)).raw().all(params) as Array<[GroupKey, number, number]>) {
    const t = tally(k);
    t.advanceMediationEnded = ended;
    t.advanceMediationSettled = settled;
  }
  const where = [RES, ...w.clauses].join(' AND ');
  const durations = db.prepare(`SELECT ${KEY[by]} AS k, c.duration_days AS d FROM cases c WHERE ${where}`).raw().all(params) as Array<[GroupKey, number | null]>;
  for (const [k, d] of durations) if (d !== null) tally(k).durations.push(d);
  for (const t of out.values()) t.durations.sort((a, b) => a - b);
  const items = db.prepare(`
    WITH RECURSIVE linked(case_number, k) AS (
      SELECT c.case_number, ${KEY[by]} FROM cases c WHERE c.filed_on BETWEEN @from AND @to AND ${FIRST}${w.clauses.length ? ` AND ${w.clauses.join(' AND ')}` : ''}
      UNION
      SELECT d.case_number, l.k FROM linked l JOIN cases d ON d.origin_case_number = l.case_number
    )
    SELECT k, COUNT(*) AS n FROM linked GROUP BY k`).raw().all(params) as Array<[GroupKey, number]>;
  for (const [k, n] of items) tally(k).itemCount = n;
  return out;
}
