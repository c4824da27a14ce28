// The case a call names, if the signed-in person's scope reaches it; otherwise the same answer as for no such case.
import { scopeLabel } from '../../../shared/accounts/roles';
import { inScope } from './caseQueries';
import type { CaseStore } from './caseStore';
import type { CaseRow } from './caseRow';
import type { CallContext } from '../kernel/context';
import { CoreError } from '../kernel/errors';

/**
 * Serves cases.get, cases.addEvent and cases.resume. A case outside the person's scope answers exactly as a case that
 * does not exist (NOT_FOUND, one message): answering FORBIDDEN for the one and NOT_FOUND for the other would tell a
 * judge which numbers exist in other judges' lists. Both are written to the audit log as a refusal, each with its true
 * reason for the auditor: the same answer after the same work, so not even the time taken tells them apart. A
 * court-wide scope hides nothing, so for it a missing case is simply missing and nothing is logged.
 */
export function caseInScope(store: CaseStore, ctx: CallContext, caseNumber: string): CaseRow {
  const canonical = store.resolveOwnNumber(caseNumber);
  const row = store.getRow(canonical);
  if (row && inScope(ctx.scope, row)) return row;
  if (ctx.scope.kind === 'all') throw new CoreError('NOT_FOUND', `找不到案件 ${canonical}`);
  const scope = scopeLabel(ctx.scope);
  const answer = `找不到案件 ${canonical}，或不在您可查看的范围（${scope}）内`;
  const reason = row
    ? `${ctx.actor}无权处理案件 ${canonical}：可查看和处理的范围是${scope}`
    : `${ctx.actor}查找的案件 ${canonical} 不存在（可查看和处理的范围是${scope}）`;
  try {
    // deny() writes the refusal to the audit log, then throws its FORBIDDEN: the answer is replaced, the entry stays.
    ctx.deny(reason);
  } catch (err) {
    if (err instanceof CoreError && err.code === 'FORBIDDEN') throw new CoreError('NOT_FOUND', answer);
    throw err;
  }
}
