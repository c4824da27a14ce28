// Reads the projection's inputs from SQLite: open cases per filing day at the start, monthly filings and closings from tally_month, the closing-age profile and the judges of the last 12 months.
import type { Database } from 'better-sqlite3';
import { prepared } from '../../indicators/statements';
import { addDays, addMonths } from '../../../../shared/dates/calendar';
import { AGE_BANDS, monthEndOf, shiftMonthOf, type BandProfile, type OpenCohort, type ProjectionInputs } from '../../../../shared/ledger/projection';
import type { CaseScope } from '../../../../shared/accounts/roles';
import { CoreError } from '../../kernel/errors';
import { INDICATORS } from '../../../../shared/indicators/catalogue';
import { targetText } from '../../../../shared/ledger/rules';
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
 * For a closing day c, the last filing day f of each band's lower bound m (3, 6, 12, 18, 36 months) with
 * f + m months < c (the month rule, as ageMonths counts): a case filed on or before it was open more than m months.
 */
function bandBounds(c: string): string[] {
  return [3, 6, 12, 18, 36].map((m) => {
    let f = addMonths(c, -m);
    while (addMonths(addDays(f, 1), m) < c) f = addDays(f, 1);
    while (addMonths(f, m) >= c) f = addDays(f, -1);
    return f;
  });
}

/**
 * Everything the model needs as it stood at `start` (a month end), for the reader's scope. Filings and closings per
 * month come from tally_month (kept by triggers, one row per judge and division); the open cases are grouped by
 * filing day through the partial index of open cases (cases_open_stock) plus the ones closed since `start`
 * (cases_closed); the profile reads the last 12 months' closings through cases_closed alone. About 100 ms at 1M
 * cases, mostly the profile (npm run bench); keptInputs spares it for the next what-if.
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
    UNION ALL SELECT filed_on AS filedOn, count(*) AS count FROM cases INDEXED BY cases_closed WHERE closed_on > @start AND filed_on <= @start${f.sql} GROUP BY filed_on`)
    .all({ ...p, start }) as OpenCohort[];
  for (const r of openRows) cohorts.set(r.filedOn, (cohorts.get(r.filedOn) ?? 0) + r.count);
  const open = [...cohorts].map(([filedOn, count]) => ({ filedOn, count })).sort((a, b) => (a.filedOn < b.filedOn ? -1 : 1));
  const profile: BandProfile[] = AGE_BANDS.map(() => ({ closed: 0, withLimit: 0, onTime: 0 }));
  if (history.length) {
    const after = monthEndOf(shiftMonthOf(fromMonth, -1));
    // Through the covering index of closed cases (closed_on, filed_on, …, due_on): a closed case has a statutory
    // limit exactly when it has a due date, and closed within it exactly when closed_on <= due_on (caseRow.ts's
    // closed_overdue), so no row of the table is read; the bands are counted here per closing day.
    const rows = prepared(db, `SELECT closed_on AS c, filed_on AS f, count(*) AS n, sum(due_on IS NOT NULL) AS l, sum(coalesce(closed_on <= due_on, 0)) AS t
      FROM cases WHERE closed_on > @after AND closed_on <= @start${f.sql} GROUP BY closed_on, filed_on`).raw().all({ ...p, after, start }) as Array<[string, string, number, number, number]>;
    let day = '';
    let bounds: string[] = [];
    for (const [c, filed, n, l, t] of rows) {
      if (c !== day) [day, bounds] = [c, bandBounds(c)];
      let b = 0;
      while (b < bounds.length && filed <= bounds[b]) b++;
      profile[b].closed += n;
      profile[b].withLimit += l;
      profile[b].onTime += t;
    }
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
    const id = r.indicator as ProjectedId;
    // The ledger keeps a ratio's target as a fraction (0.02 for 2 %, shared/ledger/rules.ts); the curves are percentages.
    const value = INDICATORS[id].kind === 'ratio' ? Math.round(r.target * 100_000) / 1000 : r.target;
    const text = r.text.length > 20 ? `${r.text.slice(0, 20)}…` : r.text;
    out.push({ indicator: id, value, kind: 'target', dueOn: r.dueOn, label: `目标 ${targetText(id, r.target)}（${r.dueOn} 前）：${text}` });
  }
  for (const r of ranges) {
    if (!ids.has(r.id)) continue;
    if (r.low !== null) out.push({ indicator: r.id as ProjectedId, value: r.low, kind: 'low', dueOn: null, label: `合理区间下限 ${r.low}` });
    if (r.high !== null) out.push({ indicator: r.id as ProjectedId, value: r.high, kind: 'high', dueOn: null, label: `合理区间上限 ${r.high}` });
  }
  return out;
}

/*
 * The president tries one what-if after another from the same start: the inputs are kept per start and scope until
 * anything is written on this connection (total_changes, triggers' rows included) or committed by another
 * (data_version), as the indicators' pair figures are (preaggTallies.ts).
 */
const KEPT = 8;
const kept = new WeakMap<Database, Map<string, { stamp: string; inputs: ProjectionInputs }>>();
const stampOf = (db: Database) => `${prepared(db, 'SELECT total_changes()').pluck().get()}:${prepared(db, 'PRAGMA data_version').pluck().get()}`;

export function keptInputs(db: Database, start: string, scope: CaseScope): ProjectionInputs {
  let map = kept.get(db);
  if (!map) kept.set(db, (map = new Map()));
  const key = `${start}|${JSON.stringify(scope)}`;
  const stamp = stampOf(db);
  const hit = map.get(key);
  if (hit && hit.stamp === stamp) return hit.inputs;
  const inputs = readInputs(db, start, scope);
  if (map.size >= KEPT) map.clear();
  map.set(key, { stamp, inputs });
  return inputs;
}
