// Reads the projection's inputs from SQLite: open cases per filing day at the start, monthly filings and closings from tally_month, the closing-age profile and the judges of the last 12 months.
import type { Database } from 'better-sqlite3';
import { prepared } from '../../indicators/statements';
import { AGE_BANDS, monthEndOf, shiftMonthOf, type BandProfile, type OpenCohort, type ProjectionInputs } from '../../../../shared/ledger/projection';
import type { CaseScope } from '../../../../shared/accounts/roles';
import { CoreError } from '../../kernel/errors';
import { PROJECTED_IDS, type ProjectedId, type ProjectionTarget } from '../../../../shared/ledger/projectionApi';

/** The last month end on or before `day`: the projection's start. */
export function startOf(day: string): string {
  const end = monthEndOf(day.slice(0, 7));
  return end === day ? day : monthEndOf(shiftMonthOf(day.slice(0, 7), -1));
}

/** The reader's part of the court: all of it, or a division head's division; a judge's own docket has no projection. */
function scopeFilter(scope: CaseScope): { sql: string; division: number | null } {
  if (scope.kind === 'all') return { sql: '', division: null };
  if (scope.kind === 'division') return { sql: ' AND division_id = @division', division: scope.divisionId };
  throw new CoreError('FORBIDDEN', '预测按全院或本部门计算，您的角色没有可预测的案件范围');
}

/**
 * Completed months between filed_on and closed_on by the month rule (filedOn + m months < closedOn), as
 * shared/ledger/projection.ts's ageMonths counts them, and its band of AGE_BANDS.
 */
const AGE_SQL = `max(0, (CAST(substr(closed_on, 1, 4) AS INTEGER) - CAST(substr(filed_on, 1, 4) AS INTEGER)) * 12
  + CAST(substr(closed_on, 6, 2) AS INTEGER) - CAST(substr(filed_on, 6, 2) AS INTEGER)
  - (CAST(substr(filed_on, 9, 2) AS INTEGER) >= CAST(substr(closed_on, 9, 2) AS INTEGER)))`;
const BAND_SQL = `((a >= 3) + (a >= 6) + (a >= 12) + (a >= 18) + (a >= 36))`;

/**
 * Everything the model needs as it stood at `start` (a month end), for the reader's scope. Filings and closings per
 * month come from tally_month (kept by triggers, one row per judge and division); the open cases are grouped by
 * filing day through the partial index of open cases (cases_open_stock) plus the ones closed since `start`
 * (cases_closed); the profile reads the last 12 months' closings through cases_closed.
 */
export function readInputs(db: Database, start: string, scope: CaseScope): ProjectionInputs {
  const f = scopeFilter(scope);
  const p = f.division === null ? {} : { division: f.division };
  const startMonth = start.slice(0, 7);
  const first = prepared(db, `SELECT min(filed_on) FROM cases WHERE 1${f.sql}`).pluck().get(p) as string | null;
  const history: ProjectionInputs['history'] = [];
  if (first !== null && first <= start) {
    const firstMonth = first.slice(0, 7);
    const fromMonth = shiftMonthOf(startMonth, -11) > firstMonth ? shiftMonthOf(startMonth, -11) : firstMonth;
    const rows = prepared(db, `SELECT month, sum(received) AS received, sum(resolved) AS resolved FROM tally_month WHERE month BETWEEN @from AND @to${f.sql} GROUP BY month`)
      .all({ ...p, from: fromMonth, to: startMonth }) as Array<{ month: string; received: number; resolved: number }>;
    const byMonth = new Map(rows.map((r) => [r.month, r]));
    for (let m = fromMonth; m <= startMonth; m = shiftMonthOf(m, 1)) history.push({ month: m, received: byMonth.get(m)?.received ?? 0, resolved: byMonth.get(m)?.resolved ?? 0 });
  }
  const fromMonth = history[0]?.month ?? startMonth;
  const judges = prepared(db, `SELECT count(DISTINCT judge_id) FROM tally_month WHERE month BETWEEN @from AND @to AND resolved > 0${f.sql}`)
    .pluck().get({ ...p, from: fromMonth, to: startMonth }) as number;
  const cohorts = new Map<string, number>();
  const openRows = prepared(db, `SELECT filed_on AS filedOn, count(*) AS count FROM cases WHERE closed_on IS NULL AND filed_on <= @start${f.sql} GROUP BY filed_on
    UNION ALL SELECT filed_on AS filedOn, count(*) AS count FROM cases WHERE closed_on > @start AND filed_on <= @start${f.sql} GROUP BY filed_on`)
    .all({ ...p, start }) as OpenCohort[];
  for (const r of openRows) cohorts.set(r.filedOn, (cohorts.get(r.filedOn) ?? 0) + r.count);
  const open = [...cohorts].map(([filedOn, count]) => ({ filedOn, count })).sort((a, b) => (a.filedOn < b.filedOn ? -1 : 1));
  const profile: BandProfile[] = AGE_BANDS.map(() => ({ closed: 0, withLimit: 0, onTime: 0 }));
  if (history.length) {
    const after = monthEndOf(shiftMonthOf(fromMonth, -1));
    const bands = prepared(db, `SELECT ${BAND_SQL} AS band, count(*) AS closed, sum(o IS NOT NULL) AS withLimit, sum(coalesce(o = 0, 0)) AS onTime
      FROM (SELECT ${AGE_SQL} AS a, closed_overdue AS o FROM cases WHERE closed_on > @after AND closed_on <= @start${f.sql}) GROUP BY band`)
      .all({ ...p, after, start }) as Array<BandProfile & { band: number }>;
    for (const b of bands) profile[b.band] = { closed: b.closed, withLimit: b.withLimit, onTime: b.onTime };
  }
  return { start, open, history, profile, judges };
}

/**
 * The lines the chart draws: the weak points' targets for the four indicators (ledger_targets, migration 18), and
 * the reasonable ranges' bounds (合理区间) where an indicator has one.
 */
export function readTargets(db: Database, ranges: Array<{ id: string; low: number | null; high: number | null }>): ProjectionTarget[] {
  const out: ProjectionTarget[] = [];
  const ids = new Set<string>(PROJECTED_IDS);
  const rows = prepared(db, `SELECT t.indicator, t.target, t.due_on AS dueOn, w.text FROM ledger_targets t JOIN ledger_weak_points w ON w.id = t.weak_point_id ORDER BY t.due_on, w.id`)
    .all() as Array<{ indicator: string; target: number; dueOn: string; text: string }>;
  for (const r of rows) {
    if (!ids.has(r.indicator)) continue;
    out.push({ indicator: r.indicator as ProjectedId, value: r.target, kind: 'target', dueOn: r.dueOn, label: `目标 ${r.target}（${r.dueOn} 前）：${r.text.slice(0, 30)}` });
  }
  for (const r of ranges) {
    if (!ids.has(r.id)) continue;
    if (r.low !== null) out.push({ indicator: r.id as ProjectedId, value: r.low, kind: 'low', dueOn: null, label: `合理区间下限 ${r.low}` });
    if (r.high !== null) out.push({ indicator: r.id as ProjectedId, value: r.high, kind: 'high', dueOn: null, label: `合理区间上限 ${r.high}` });
  }
  return out;
}
