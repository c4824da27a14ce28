// 延审原因分析 in SQL: the requests of a period counted by reason, division, judge and month in one grouped read, and
// the WHERE terms of the list filter behind each figure, built from the same outcome definitions so both agree.
import type { Database } from 'better-sqlite3';
import type { CaseScope } from '../../../shared/accounts/roles';
import {
  IMPORTED_REASON, periodMonths, STUDY_MAX_MONTHS, STUDY_REASON_KEYS, studyRate, studyReasonLabel,
  type ExtensionFilter, type ExtensionStudy, type StudyCounts, type StudyOutcome, type StudyReasonKey,
} from '../../../shared/extensions/study';
import { InputError } from '../kernel/errors';
import { scopeTerms, STAGE_SQL } from './extensionViews';

/** An approval for less than was asked (asked_* is null on rows written before the workflow: granted as asked). */
const SHORTER = "(r.status = 'approved' AND (r.months <> coalesce(r.asked_months, r.months) OR r.days <> coalesce(r.asked_days, r.days)))";

/** Each outcome as a condition on extension_requests r; every request meets exactly one of the first five. */
export const OUTCOME_SQL: Record<StudyOutcome, string> = {
  approved: `(r.status = 'approved' AND NOT ${SHORTER})`,
  shorter: SHORTER,
  rejected: "(r.status = 'rejected')",
  waiting: `(${STAGE_SQL} IN ('opinion', 'decision', 'forwarding'))`,
  higher_court: `(${STAGE_SQL} = 'higher_court')`,
  decided: "(r.status IN ('approved', 'rejected'))",
};

/** The reason bucket of a request: its code, or 'imported' for one without (an imported request's free text). */
const REASON_SQL = `coalesce(r.reason_code, '${IMPORTED_REASON}')`;

/** The terms of a list filter over r (extension_requests) and c (cases); the request date decides the period. */
export function filterTerms(f: ExtensionFilter): { sql: string[]; params: unknown[] } {
  const sql: string[] = [];
  const params: unknown[] = [];
  if (f.from !== undefined) sql.push('r.requested_on >= ?'), params.push(f.from);
  if (f.to !== undefined) sql.push('r.requested_on <= ?'), params.push(f.to);
  if (f.reason !== undefined) sql.push(`${REASON_SQL} = ?`), params.push(f.reason);
  if (f.divisionId !== undefined) sql.push('c.division_id = ?'), params.push(f.divisionId);
  if (f.judgeId !== undefined) sql.push('c.judge_id = ?'), params.push(f.judgeId);
  if (f.outcome !== undefined) sql.push(OUTCOME_SQL[f.outcome]);
  if (f.late !== undefined) sql.push('r.late = ?'), params.push(f.late ? 1 : 0);
  return { sql, params };
}

/** A period the study can draw: from on or before to, at most ten years of months. */
export function checkPeriod(from: string, to: string): void {
  if (to < from) throw new InputError('统计期间的结束日期不能早于开始日期', 'to');
  const months = (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(to.slice(5, 7)) - Number(from.slice(5, 7)) + 1;
  if (months > STUDY_MAX_MONTHS) throw new InputError(`统计期间最长 ${STUDY_MAX_MONTHS / 12} 年`, 'to');
}

interface Group {
  reason: StudyReasonKey;
  division_id: number;
  division: string;
  judge_id: number;
  judge: string;
  month: string;
  requests: number;
  approved: number;
  shorter: number;
  rejected: number;
  waiting: number;
  higher_court: number;
  late: number;
}

type Tally = Omit<StudyCounts, 'approvalRate'>;
const zero = (): Tally => ({ requests: 0, approved: 0, shorter: 0, rejected: 0, waiting: 0, higherCourt: 0, late: 0 });
function add(t: Tally, g: Group): void {
  t.requests += g.requests;
  t.approved += g.approved;
  t.shorter += g.shorter;
  t.rejected += g.rejected;
  t.waiting += g.waiting;
  t.higherCourt += g.higher_court;
  t.late += g.late;
}
function counts(t: Tally): StudyCounts {
  return { ...t, approvalRate: studyRate(t.approved + t.shorter, t.approved + t.shorter + t.rejected) };
}

// Pinyin order where the runtime has the Chinese collation (Node and Electron ship full ICU); code points otherwise.
const byName = new Intl.Collator('zh-Hans-CN').compare;

/**
 * One grouped read over the period's requests in the scope: a row per reason, division, judge and month with its
 * outcome counts (a court's year is a few hundred groups at most), rolled up here into each view.
 */
export function extensionStudy(db: Database, scope: CaseScope, args: { from?: string; to?: string; divisionId?: number; judgeId?: number }, today: string): ExtensionStudy {
  const to = args.to ?? (args.from !== undefined && args.from > today ? args.from : today);
  const a = { ...args, from: args.from ?? `${to.slice(0, 4)}-01-01`, to };
  checkPeriod(a.from, a.to);
  const where = scopeTerms(scope);
  const f = filterTerms({ from: a.from, to: a.to, divisionId: a.divisionId, judgeId: a.judgeId });
  const groups = db.prepare(
    `SELECT ${REASON_SQL} AS reason, c.division_id, d.name AS division, c.judge_id, s.name AS judge, substr(r.requested_on, 1, 7) AS month,
       count(*) AS requests,
       sum(${OUTCOME_SQL.approved}) AS approved, sum(${OUTCOME_SQL.shorter}) AS shorter, sum(${OUTCOME_SQL.rejected}) AS rejected,
       sum(${OUTCOME_SQL.waiting}) AS waiting, sum(${OUTCOME_SQL.higher_court}) AS higher_court, sum(r.late = 1) AS late
     FROM extension_requests r JOIN cases c ON c.id = r.case_id JOIN divisions d ON d.id = c.division_id JOIN staff s ON s.id = c.judge_id
     WHERE ${[where.sql, ...f.sql].join(' AND ')}
     GROUP BY 1, c.division_id, c.judge_id, month`,
  ).all(...where.params, ...f.params) as Group[];

  const total = zero();
  const reasons = new Map<StudyReasonKey, Tally>(STUDY_REASON_KEYS.map((k) => [k, zero()]));
  const divisions = new Map<number, { division: string; t: Tally }>();
  const judges = new Map<number, { judge: string; division: string; t: Tally }>();
  const months = new Map<string, { t: Tally; byReason: Map<StudyReasonKey, number> }>();
  for (const g of groups) {
    add(total, g);
    add(reasons.get(g.reason)!, g);
    const d = divisions.get(g.division_id) ?? { division: g.division, t: zero() };
    add(d.t, g);
    divisions.set(g.division_id, d);
    // A judge who moved divisions is one row, named with the division of his latest request's case in the period.
    const j = judges.get(g.judge_id) ?? { judge: g.judge, division: g.division, t: zero() };
    add(j.t, g);
    judges.set(g.judge_id, j);
    const m = months.get(g.month) ?? { t: zero(), byReason: new Map() };
    add(m.t, g);
    m.byReason.set(g.reason, (m.byReason.get(g.reason) ?? 0) + g.requests);
    months.set(g.month, m);
  }
  return {
    from: a.from, to: a.to, divisionId: a.divisionId ?? null, judgeId: a.judgeId ?? null,
    total: counts(total),
    // Every reason a judge can pick, even at 0 (the chart keeps its shape); the imported bucket only when it holds some.
    byReason: STUDY_REASON_KEYS.filter((k) => k !== IMPORTED_REASON || reasons.get(k)!.requests > 0)
      .map((k) => ({ reason: k, label: studyReasonLabel(k), ...counts(reasons.get(k)!) })),
    byDivision: [...divisions].map(([divisionId, d]) => ({ divisionId, division: d.division, ...counts(d.t) })).sort((x, y) => byName(x.division, y.division) || x.divisionId - y.divisionId),
    byJudge: [...judges].map(([judgeId, j]) => ({ judgeId, judge: j.judge, division: j.division, ...counts(j.t) })).sort((x, y) => byName(x.judge, y.judge) || x.judgeId - y.judgeId),
    months: periodMonths(a.from, a.to).map((p) => {
      const m = months.get(p.month);
      const t = counts(m?.t ?? zero());
      return {
        ...p, requests: t.requests, approvalRate: t.approvalRate,
        byReason: Object.fromEntries(STUDY_REASON_KEYS.map((k) => [k, m?.byReason.get(k) ?? 0])) as Record<StudyReasonKey, number>,
      };
    }),
  };
}
