// The case a call names, if the signed-in person's scope reaches it; otherwise a refusal written to the audit log.
import { scopeLabel } from '../../../shared/accounts/roles';
import { inScope } from './caseQueries';
import type { CaseStore } from './caseStore';
import type { CaseRow } from './caseRow';
import type { CallContext } from '../kernel/context';
import { CoreError } from '../kernel/errors';

export function caseInScope(store: CaseStore, ctx: CallContext, caseNumber: string): CaseRow {
  const canonical = store.resolveOwnNumber(caseNumber);
  const row = store.getRow(canonical);
  if (!row) throw new CoreError('NOT_FOUND', `找不到案件 ${canonical}`);
  if (!inScope(ctx.scope, row)) ctx.deny(`${ctx.actor}无权处理案件 ${canonical}：可查看和处理的范围是${scopeLabel(ctx.scope)}`);
  return row;
}
