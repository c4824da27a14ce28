// Handlers of ledger.trend ("did it move"): the weak point's indicators month by month for the whole court, with the verdict.
import { ledgerTrendApi } from '../../../../shared/ledger/trendApi';
import { createDomain } from '../../kernel/domain';
import type { CoreServices } from '../../app/services';
import { ledgerTrend } from './trendQueries';

export const ledgerTrendDomain = createDomain('ledgerTrend', ledgerTrendApi, (s: CoreServices) => ({
  'ledger.trend': (a) => ledgerTrend(s.db, a.weakPointId, s.today()),
}));
