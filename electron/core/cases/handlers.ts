// Handlers of the cases domain: lists and counts within the person's scope, one case in full, the filters'
// catalogues, deducted periods and the 审限核对 list (imports: importHandlers.ts).
import { casesApi } from '../../../shared/cases/api';
import { createDomain } from '../kernel/domain';
import { InputError } from '../kernel/errors';
import { caseInScope } from './caseAccess';
import { listReconciliations } from './reconciliationQueries';
import type { CoreServices } from '../app/services';

export const casesDomain = createDomain('cases', casesApi, (s: CoreServices) => ({
  'cases.list': (a, ctx) => s.caseQueries.list(a, s.today(), ctx.scope),
  'cases.count': (a, ctx) => ({ count: s.caseQueries.count(a, s.today(), ctx.scope) }),
  'cases.get': (a, ctx) => s.caseQueries.get(caseInScope(s.cases, ctx, a.caseNumber).case_number, s.today(), ctx.scope)!,
  'catalog.divisions': (_a, ctx) => s.caseQueries.divisions(ctx.scope),
  'catalog.judges': (a, ctx) => s.caseQueries.judges(a.divisionId, ctx.scope),
  'cases.addEvent': (a, ctx) => argumentNames(() => {
    const row = caseInScope(s.cases, ctx, a.caseNumber);
    const r = s.cases.addEvent(row.case_number, a.kind, a.fromOn, a.toOn ?? null, a.note ?? null, { actor: ctx.actor, today: s.today() });
    return { id: r.id, caseNumber: row.case_number, dueOn: r.dueOn };
  }),
  'cases.reconciliation': (_a, ctx) => listReconciliations(s.db, ctx.scope, s.today()),
  'cases.resume': (a, ctx) => argumentNames(() => {
    const row = caseInScope(s.cases, ctx, a.caseNumber);
    const r = s.cases.resume(row.case_number, a.resumedOn, { actor: ctx.actor, today: s.today() });
    return { id: r.id, caseNumber: row.case_number, dueOn: r.dueOn };
  }),
}));

/** The store names fields as the import's columns do (开始日期); a form marks its boxes by argument name. */
const ARGUMENT_OF: Record<string, string> = { 案号: 'caseNumber', 类型: 'kind', 开始日期: 'fromOn', 结束日期: 'toOn', 恢复日期: 'resumedOn' };

function argumentNames<T>(run: () => T): T {
  try {
    return run();
  } catch (err) {
    if (err instanceof InputError && err.field && ARGUMENT_OF[err.field]) throw new InputError(err.message, ARGUMENT_OF[err.field]);
    throw err;
  }
}
