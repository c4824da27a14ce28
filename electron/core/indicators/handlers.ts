// Handlers of the indicators domain: every indicator of a period for the reader's case scope, and the cases behind a figure.
import { indicatorsApi } from '../../../shared/indicators/api';
import { createDomain } from '../kernel/domain';
import type { CoreServices } from '../app/services';
import { IndicatorQueries } from './indicatorQueries';
import { CaseDrill } from './caseDrill';

export const indicatorsDomain = createDomain('indicators', indicatorsApi, (s: CoreServices) => {
  const queries = new IndicatorQueries(s.db);
  const drill = new CaseDrill(s.db, queries, s.caseQueries);
  return {
    'indicators.compute': (a, ctx) => queries.compute(a, ctx.scope),
    'indicators.cases': (a, ctx) => drill.cases(a, ctx.scope, s.today()),
  };
});
