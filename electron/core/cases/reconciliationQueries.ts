// The 审限核对 list: the disagreements the latest exchange imports stored, within the reader's case scope.
import type { Database } from 'better-sqlite3';
import type { CaseScope } from '../../../shared/accounts/roles';
import type { ReconciliationRow } from '../../../shared/cases/reconciliation';

export function listReconciliations(db: Database, scope: CaseScope): ReconciliationRow[] {
  if (scope.kind === 'none') return [];
  const where = scope.kind === 'division' ? 'WHERE c.division_id = @scope' : scope.kind === 'own' ? 'WHERE c.judge_id = @scope' : '';
  const params = scope.kind === 'division' ? { scope: scope.divisionId } : scope.kind === 'own' ? { scope: scope.staffId } : {};
  const rows = db.prepare(
    `SELECT c.case_number AS caseNumber, c.cause, d.name AS division, s.name AS judge, c.filed_on AS filedOn, c.closed_on AS closedOn,
            r.source_due_on AS sourceDueOn, r.source_limit_days AS sourceLimitDays, r.courtdesk_due_on AS dueOn, r.courtdesk_limit AS "limit",
            r.courtdesk_limit_days AS limitDays, r.difference_days AS differenceDays, r.steps, i.file AS importFile, r.recorded_at AS recordedAt
       FROM reconciliations r
       JOIN cases c ON c.id = r.case_id
       JOIN divisions d ON d.id = c.division_id
       JOIN staff s ON s.id = c.judge_id
       JOIN exchange_imports i ON i.id = r.import_id
       ${where}
      ORDER BY r.difference_days IS NULL, r.difference_days ASC, c.case_number`,
  ).all(params) as Array<Omit<ReconciliationRow, 'steps'> & { steps: string }>;
  return rows.map((r) => ({ ...r, steps: JSON.parse(r.steps) as string[] }));
}
