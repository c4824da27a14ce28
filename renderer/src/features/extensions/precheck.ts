// The request form's check before sending: the same rules the core applies (shared/extensions/rules.ts), fed from the
// case page's case and its requests, so the judge sees the route, 逾期申请 or the refusal while he fills the form.
import type { CaseDetail, ExtensionRow } from '../../../../shared/api/contract';
import type { SignedInUser } from '../../../../shared/accounts/api';
import { checkExtensionRequest, type ExtensionFacts, type ExtensionVerdict } from '../../../../shared/extensions/rules';

/** The case's facts as the core reads them, from what the window holds (the case, its requests with their routes). */
export function windowFacts(c: CaseDetail, requests: readonly ExtensionRow[]): ExtensionFacts {
  const approved = requests.filter((r) => r.status === 'approved' && r.approved);
  const span = (r: ExtensionRow) => ({ months: r.approved!.months, days: r.approved!.days });
  return {
    typeCode: c.typeCode,
    procedure: c.procedure,
    variant: c.limitVariant,
    filedOn: c.filedOn,
    closedOn: c.closedOn,
    // A 中止 with no end stops the clock: nothing to extend until the case resumes (as the core says).
    dueOn: c.deadline.status === 'suspended' ? null : c.deadline.dueOn,
    granted: approved.filter((r) => r.route === null || r.route === 'president').map(span),
    grantedByHigher: approved.filter((r) => r.route === 'higher_court' || r.route === 'high_court').map(span),
    pending: requests.some((r) => r.stage !== null && r.stage !== 'decided'),
  };
}

/** The verdict for what the form now asks; the core's answer still decides. */
export function precheck(
  c: CaseDetail,
  requests: readonly ExtensionRow[],
  ask: { months: number; days: number; explanation: string },
  today: string,
  refuseLate: boolean,
): ExtensionVerdict {
  return checkExtensionRequest(windowFacts(c, requests), { ...ask, requestedOn: today }, { refuseLate });
}

/**
 * Whether the window offers 申请延长审限 on an open case: to its own judge, or to an assistant who serves that judge
 * (账号管理 · 对应法官). The core checks the same again and has the last word.
 */
export function mayAskExtension(user: Pick<SignedInUser, 'name' | 'roles' | 'permissions' | 'servesJudges'> | null, c: Pick<CaseDetail, 'judge' | 'closedOn'>): boolean {
  if (!user || !user.permissions.includes('extension.request') || c.closedOn || !c.judge) return false;
  return user.name === c.judge || (user.roles.includes('assistant') && user.servesJudges.includes(c.judge));
}
