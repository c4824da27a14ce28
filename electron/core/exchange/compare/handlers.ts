// Handlers of the intermediate court's comparison calls (各院对比): refused at a basic court, read-only, against this court's own ranges in force.
import { exchangeCompareApi } from '../../../../shared/exchange/compareApi';
import { createDomain } from '../../kernel/domain';
import { CoreError } from '../../kernel/errors';
import type { CoreServices } from '../../app/services';
import { rangesInForce } from '../../indicators/rangeSettings';
import { courtLevel } from '../keys/keyStore';
import { compareCourts, courtCases, courtExtensions, courtTrends } from './compareQueries';

export const exchangeCompareDomain = createDomain('exchange', exchangeCompareApi, (s: CoreServices) => {
  const intermediate = () => {
    if (courtLevel(s.db) !== 'intermediate') throw new CoreError('CONFLICT', '本院设置为基层法院：各院对比是中级法院的功能');
  };
  return {
    'exchange.compare': () => {
      intermediate();
      return compareCourts(s.db, rangesInForce(s.settings));
    },
    'exchange.trends': (a) => {
      intermediate();
      return courtTrends(s.db, rangesInForce(s.settings), a.indicator);
    },
    'exchange.courtCases': (a) => {
      intermediate();
      return courtCases(s.db, a);
    },
    'exchange.courtExtensions': (a) => {
      intermediate();
      return courtExtensions(s.db, a.courtCode);
    },
  };
});
