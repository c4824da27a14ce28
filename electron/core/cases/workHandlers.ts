// Handlers of case work in the window (shared/cases/workApi.ts): each checks the person's scope on the case it names,
// does the work in one transaction (cases/caseWork.ts, cases/mediation.ts) and answers the case as the page shows it.
import { caseWorkApi } from '../../../shared/cases/workApi';
import type { AuditRow } from '../../../shared/audit/api';
import { inScope } from './caseQueries';
import { createDomain } from '../kernel/domain';
import type { CallContext } from '../kernel/context';
import { caseInScope } from './caseAccess';
import { CaseWork, closingRules } from './caseWork';
import { Mediations } from './mediation';
import { searchCauses } from './causeCatalog';
import { deleteFilter, saveFilter, savedFilters } from './savedFilters';
import type { CoreServices } from '../app/services';

export const caseWorkDomain = createDomain('caseWork', caseWorkApi, (s: CoreServices) => {
  const work = new CaseWork(s.db, s.cases);
  const mediations = new Mediations(s.db, s.cases);
  const write = (ctx: CallContext) => ({ actor: ctx.actor, today: s.today(), inScope: (divisionId: number, judgeId: number) => inScope(ctx.scope, { division_id: divisionId, judge_id: judgeId }) });
  const detail = (caseNumber: string, ctx: CallContext) => s.caseQueries.get(caseNumber, s.today(), ctx.scope)!;
  const row = (ctx: CallContext, caseNumber: string) => caseInScope(s.cases, ctx, caseNumber);

  return {
    'cases.checkNumber': (a) => work.checkNumber(a.caseNumber),
    'cases.nextNumber': (a) => ({ caseNumber: work.nextNumber(a.typeCode, a.year) }),
    'cases.register': (a, ctx) => {
      const { caseNumber, ...fields } = a;
      return detail(work.register(caseNumber, fields, write(ctx)), ctx);
    },
    'cases.update': (a, ctx) => detail(work.update(row(ctx, a.caseNumber).case_number, a.fields, write(ctx)), ctx),
    'cases.history': (a, ctx) => {
      const number = row(ctx, a.caseNumber).case_number;
      return s.db.prepare(
        `SELECT id, at, actor, action, entity, entity_key AS entityKey, before_json AS before, after_json AS after, 0 AS contentHidden
         FROM audit_log WHERE entity = 'case' AND entity_key = ? ORDER BY id`,
      ).all(number).map((r) => ({ ...(r as AuditRow), contentHidden: false }));
    },
    'catalog.causes': (a) => searchCauses(a.kind, a.query, a.limit),
    'cases.endEvent': (a, ctx) => detail(work.endEvent(row(ctx, a.caseNumber).case_number, a.eventId, a.toOn, write(ctx)), ctx),
    'cases.convertProcedure': (a, ctx) => detail(work.convertProcedure(row(ctx, a.caseNumber).case_number, a.on, write(ctx)), ctx),
    'cases.close': (a, ctx) => detail(work.close({ ...a, caseNumber: row(ctx, a.caseNumber).case_number }, { ...write(ctx), rules: closingRules(s.settings) }), ctx),
    'cases.reopen': (a, ctx) => {
      const r = row(ctx, a.caseNumber);
      // The head of the case's own division: a wider scope from another role (a vice-president who also heads a
      // division) does not make him the head of every division.
      if (ctx.person?.divisionId !== r.division_id) ctx.deny(`误结案件由其所在部门的庭长重开；${ctx.actor}不是该案所在部门的庭长`);
      return detail(work.reopen(r.case_number, a.reason, write(ctx)), ctx);
    },
    'cases.recordAppeal': (a, ctx) => {
      const r = row(ctx, a.caseNumber);
      // An outcome not given keeps the one recorded (the appeal is often recorded before its outcome comes back).
      const outcome = a.outcome === undefined ? (a.appealed ? r.appeal_outcome : null) : a.outcome;
      return detail(work.recordAppeal(r.case_number, a.appealed, outcome, write(ctx)), ctx);
    },
    'cases.startMediation': (a, ctx) => {
      const r = row(ctx, a.caseNumber);
      mediations.start(r.case_number, a, write(ctx));
      return detail(r.case_number, ctx);
    },
    'cases.extendMediation': (a, ctx) => {
      const r = row(ctx, a.caseNumber);
      mediations.extend(r.case_number, a.days, a.consentOn, write(ctx));
      return detail(r.case_number, ctx);
    },
    'cases.endMediation': (a, ctx) => {
      const r = row(ctx, a.caseNumber);
      mediations.end(r.case_number, a.endedOn, a.outcome, write(ctx));
      return detail(r.case_number, ctx);
    },
    'cases.savedFilters': (_a, ctx) => savedFilters(s.db, ctx.person!.staffId),
    'cases.saveFilter': (a, ctx) => saveFilter(s.db, ctx.person!.staffId, a.name, a.filters),
    'cases.deleteFilter': (a, ctx) => deleteFilter(s.db, ctx.person!.staffId, a.name),
  };
});
