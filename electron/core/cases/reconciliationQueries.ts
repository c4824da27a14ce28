// The 审限核对 list: the disagreements the latest exchange imports found, within the reader's case scope, each held
// against CourtDesk's computation of today, and the comparison itself, which the import uses as well.
//
// CourtDesk's side is computed when the list is read, not taken from what the import stored: a case edited after
// the import (a period, an extension, a closing) would otherwise show a due date CourtDesk no longer gives, and a case
// corrected here until both agree would stay listed as a disagreement. Reading is the one place that sees every kind
// of change, whatever call made it; refreshing stored rows would need a hook in each. The rows are the cases the
// latest import found differing: the source's figures are as that import recorded them, and a case that agreed then
// but was changed here since is not listed, because it is not the source that says otherwise (the next import
// compares it again). The list is small (the disagreements only), so computing it on each read costs little.
import type { Database } from 'better-sqlite3';
import type { CaseScope } from '../../../shared/accounts/roles';
import type { ReconciliationRow } from '../../../shared/cases/reconciliation';
import type { Deadline } from '../../../shared/deadlines/engine';
import { computeDeadline } from '../../../shared/deadlines/engine';
import { daysBetween } from '../../../shared/dates/calendar';
import { DeadlineRules } from '../deadlines/deadlineRules';
import { deadlineInputOf, type CaseRow, type EngineFacts } from './caseRow';

/** CourtDesk's figures beside the source's, as one 审限核对 row stores and shows them. */
export interface Comparison {
  source_due_on: string | null;
  source_limit_days: number | null;
  courtdesk_due_on: string | null;
  courtdesk_limit: string | null;
  courtdesk_limit_days: number | null;
  difference_days: number | null;
}

/** CourtDesk's deadline against the source's figures, or null when they agree (or the source states neither). */
export function compareWithSource(filedOn: string, d: Deadline, source: { dueOn: string | null; limitDays: number | null }): Comparison | null {
  if (source.dueOn === null && source.limitDays === null) return null;
  const ours = d.rule && d.statutoryDueOn ? daysBetween(filedOn, d.statutoryDueOn) : null;
  // A limit in months is also commonly stated as 30 days a month (6个月 → 180天): that is the same limit, not a disagreement.
  const conventional = d.rule ? d.rule.limit.months * 30 + d.rule.limit.days : null;
  const limitDiffers = source.limitDays !== null && source.limitDays !== ours && source.limitDays !== conventional;
  const dueDiffers = source.dueOn !== null && source.dueOn !== d.dueOn;
  if (!limitDiffers && !dueDiffers) return null;
  return {
    source_due_on: source.dueOn, source_limit_days: source.limitDays, courtdesk_due_on: d.dueOn, courtdesk_limit: d.limit, courtdesk_limit_days: ours,
    difference_days: source.dueOn && d.dueOn ? daysBetween(source.dueOn, d.dueOn) : null,
  };
}

type Stored = CaseRow & { division_name: string; judge_name: string; source_due_on: string | null; source_limit_days: number | null; import_file: string; recorded_at: string };

/** The list for the reader's scope, CourtDesk's side as of `today`: the earliest CourtDesk due date against the source's first. */
export function listReconciliations(db: Database, scope: CaseScope, today: string): ReconciliationRow[] {
  if (scope.kind === 'none') return [];
  const where = scope.kind === 'division' ? 'WHERE c.division_id = @scope' : scope.kind === 'own' ? 'WHERE c.judge_id = @scope' : '';
  const params = scope.kind === 'division' ? { scope: scope.divisionId } : scope.kind === 'own' ? { scope: scope.staffId } : {};
  const stored = db.prepare(
    `SELECT c.*, d.name AS division_name, s.name AS judge_name, r.source_due_on, r.source_limit_days, i.file AS import_file, r.recorded_at
       FROM reconciliations r
       JOIN cases c ON c.id = r.case_id
       JOIN divisions d ON d.id = c.division_id
       JOIN staff s ON s.id = c.judge_id
       JOIN exchange_imports i ON i.id = r.import_id
       ${where}`,
  ).all(params) as Stored[];
  const events = db.prepare('SELECT kind, from_on AS fromOn, to_on AS toOn FROM case_events WHERE case_id = ? ORDER BY from_on, id');
  const extensions = db.prepare('SELECT status, months, days FROM extension_requests WHERE case_id = ?');
  const restDays = new DeadlineRules(db).restDays();
  const rows: ReconciliationRow[] = [];
  for (const c of stored) {
    const facts = { events: events.all(c.id), extensions: extensions.all(c.id) } as EngineFacts;
    const d = computeDeadline(deadlineInputOf(c, facts), today, true, restDays);
    const cmp = compareWithSource(c.filed_on, d, { dueOn: c.source_due_on, limitDays: c.source_limit_days });
    if (!cmp) continue;
    rows.push({
      caseNumber: c.case_number, cause: c.cause, division: c.division_name, judge: c.judge_name, filedOn: c.filed_on, closedOn: c.closed_on,
      sourceDueOn: cmp.source_due_on, sourceLimitDays: cmp.source_limit_days, dueOn: cmp.courtdesk_due_on, limit: cmp.courtdesk_limit,
      limitDays: cmp.courtdesk_limit_days, differenceDays: cmp.difference_days, steps: d.steps, importFile: c.import_file, recordedAt: c.recorded_at,
    });
  }
  // As before: the most days the source gives beyond the law first, those without a difference in days last.
  return rows.sort((a, b) =>
    (a.differenceDays === null ? 1 : 0) - (b.differenceDays === null ? 1 : 0)
    || (a.differenceDays ?? 0) - (b.differenceDays ?? 0)
    || (a.caseNumber < b.caseNumber ? -1 : a.caseNumber > b.caseNumber ? 1 : 0));
}
