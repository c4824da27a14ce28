// Handlers of the indicators domain: every indicator of a period for the reader's case scope, court-wide or per group.
import { indicatorsApi } from '../../../shared/indicators/api';
import { createDomain } from '../kernel/domain';
import type { CoreServices } from '../app/services';
import { IndicatorQueries } from './indicatorQueries';

export const indicatorsDomain = createDomain('indicators', indicatorsApi, (s: CoreServices) => {
  const queries = new IndicatorQueries(s.db);
  return {
    'indicators.compute': (a, ctx) => queries.compute(a, ctx.scope),
  };
});
