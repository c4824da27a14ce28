// Handlers of the indicators domain: every indicator of a period for the reader's case scope, court-wide or per group,
// flagged against the reasonable ranges; the cases behind a figure; and the ranges themselves (rangeSettings.ts).
import { indicatorsApi } from '../../../shared/indicators/api';
import { flagResult } from '../../../shared/indicators/ranges';
import { createDomain } from '../kernel/domain';
import type { CoreServices } from '../app/services';
import { IndicatorQueries } from './indicatorQueries';
import { CaseDrill } from './caseDrill';
import { importRanges, rangesInForce, resetRange, setRange } from './rangeSettings';

export const indicatorsDomain = createDomain('indicators', indicatorsApi, (s: CoreServices) => {
  const queries = new IndicatorQueries(s.db);
  const drill = new CaseDrill(s.db, queries, s.caseQueries);
  return {
    'indicators.compute': (a, ctx) => flagResult(queries.compute(a, ctx.scope), rangesInForce(s.settings)),
    'indicators.cases': (a, ctx) => drill.cases(a, ctx.scope, s.today()),
    'indicators.ranges': () => rangesInForce(s.settings),
    'indicators.setRange': (a, ctx) => setRange(s.settings, a, ctx.actor),
    'indicators.resetRange': (a, ctx) => resetRange(s.settings, a.id, ctx.actor),
    'indicators.importRanges': (a, ctx) => importRanges(s.settings, a, ctx.actor),
  };
});
