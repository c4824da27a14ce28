// Handlers of the ledger projection domain: ledger.project reads the inputs as they stood at the start, projects the baseline and the what-if, and adds the target lines.
import { ledgerProjectionApi, type LedgerProjectionResult } from '../../../../shared/ledger/projectionApi';
import { MODEL_STATEMENT, NO_ASSUMPTIONS, project, type Assumptions } from '../../../../shared/ledger/projection';
import { scopeLabel } from '../../../../shared/accounts/roles';
import { createDomain } from '../../kernel/domain';
import { InputError } from '../../kernel/errors';
import type { CoreServices } from '../../app/services';
import { rangesInForce } from '../../indicators/rangeSettings';
import { keptInputs, readTargets, startOf } from './inputs';

export const ledgerProjectionDomain = createDomain('ledgerProjection', ledgerProjectionApi, (s: CoreServices) => ({
  'ledger.project': (a, ctx): LedgerProjectionResult => {
    const today = s.today();
    const asOf = a.asOf ?? today;
    if (asOf > today) throw new InputError(`预测起点 ${asOf} 晚于今天 ${today}，只能从已有的数据预测`, 'asOf');
    const start = startOf(asOf);
    if (a.by !== undefined && a.clearOldest > 0 && a.by <= start) throw new InputError(`完成日期 ${a.by} 应晚于预测起点 ${start}`, 'by');
    const inputs = keptInputs(s.db, start, ctx.scope);
    if (inputs.judges > 0 && inputs.judges + a.judgesDelta < 1) {
      throw new InputError(`近 12 个月有结案的法官 ${inputs.judges} 人，减少 ${-a.judgesDelta} 人后不足 1 人`, 'judgesDelta');
    }
    const assumptions: Assumptions = { months: a.months, closeMore: a.closeMore, clearOldest: a.clearOldest, by: a.clearOldest > 0 ? (a.by ?? null) : null, judgesDelta: a.judgesDelta };
    const whatIf = project(inputs, assumptions);
    const baseline = project(inputs, { ...NO_ASSUMPTIONS, months: a.months });
    return {
      asOf, start, scope: scopeLabel(ctx.scope), assumptions, rates: whatIf.rates,
      baseline: baseline.months, months: whatIf.months,
      targets: readTargets(s.db, rangesInForce(s.settings)), statement: MODEL_STATEMENT,
    };
  },
}));
