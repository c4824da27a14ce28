// Which 部门 and 法官 choices the case-list filters offer a person: only what his viewing scope can show. A judge who
// sees his own cases is not offered other judges (each would list nothing, without a word); a division's staff are
// shown their division as fixed. The core answers catalog.divisions and catalog.judges within the scope; this
// decides, from those answers and the scope, whether a choice is a list, a fixed value with its reason, or absent.
import type { DivisionView, JudgeView, SignedInUser } from '../../../../shared/api/contract';
import { scopeLabel, type CaseScope } from '../../../../shared/accounts/roles';

export type ScopeKind = CaseScope['kind'];

/** The scope's kind from the label the core sends (scopeLabel of shared/accounts/roles.ts). */
export function scopeKindOf(label: string | null | undefined): ScopeKind {
  for (const kind of ['all', 'division', 'own'] as const) {
    const probe: CaseScope = kind === 'all' ? { kind } : kind === 'division' ? { kind, divisionId: 0 } : { kind, staffId: 0 };
    if (scopeLabel(probe) === label) return kind;
  }
  return 'none';
}

export type Choice<T> =
  | { kind: 'select'; options: T[] }
  /** One value, shown as text; `note` says in a few words why there is nothing to choose, `why` in full. */
  | { kind: 'fixed'; text: string; note: string; why: string }
  | { kind: 'hidden' };

export interface ScopeChoices {
  division: Choice<DivisionView>;
  /** The division whose judges the 法官 list shows when none is chosen (the person's own, for a division scope). */
  judgesOf: number | null;
  judge: Choice<JudgeView>;
}

/**
 * The choices for one person. `divisions` and `judges` are the catalogues as the core answered them (within the
 * scope once the core narrows them); `chosenDivisionId` the division picked in the filter, if any.
 */
export function scopeChoices(
  user: Pick<SignedInUser, 'name' | 'scope' | 'division'> | null,
  divisions: readonly DivisionView[],
  judges: readonly JudgeView[] | undefined,
  chosenDivisionId: number | null,
): ScopeChoices {
  const kind = scopeKindOf(user?.scope);
  let division: Choice<DivisionView>;
  let judgesOf: number | null = chosenDivisionId;
  if (kind === 'division' && user?.division) {
    // Only this division's cases can be listed: naming it is all the filter can do.
    division = { kind: 'fixed', text: user.division, note: '仅本部门', why: `您的查看范围是本部门案件：只能查看${user.division}的案件` };
    judgesOf = divisions.find((d) => d.name === user.division)?.id ?? chosenDivisionId;
  } else if (divisions.length === 0) {
    division = { kind: 'hidden' };
  } else if (divisions.length === 1 && kind !== 'all') {
    division = { kind: 'fixed', text: divisions[0].name, note: '仅此部门', why: `您查看范围内的案件都属于${divisions[0].name}` };
  } else {
    division = { kind: 'select', options: [...divisions] };
  }
  const judge: Choice<JudgeView> =
    kind === 'own' && user
      ? { kind: 'fixed', text: user.name, note: '仅本人承办', why: '您的查看范围是本人承办的案件：列表只有您本人承办的案件，不能选择其他法官' }
      : { kind: 'select', options: [...(judges ?? [])] };
  return { division, judgesOf, judge };
}
