// Whether one case is within a person's case scope: the row-level twin of the lists' scope clause (caseQueries.ts).
import type { CaseScope } from '../../../shared/accounts/roles';

export function inScope(scope: CaseScope, row: { division_id: number; judge_id: number }): boolean {
  return scope.kind === 'all' || (scope.kind === 'division' && row.division_id === scope.divisionId) || (scope.kind === 'own' && row.judge_id === scope.staffId);
}
