// 报送中院 (#/exchange): a basic court writes its signed, encrypted packages for the intermediate court; an
// intermediate court verifies and imports them, compares its basic courts (#/exchange/compare) and opens one court's
// received cases and extension requests (#/exchange/court?code=…). Open to those who send, receive or manage the keys.
import { plainRoute, type HashPath } from '../../router/hash';
import type { Feature } from '../types';
import { ExchangePage } from './ExchangePage';
import { ComparePage } from './ComparePage';
import { CourtPage } from './CourtPage';
import { formatCompareRoute, parseCompareRoute, type ExchangeCompareRoute, type ExchangeCourtRoute } from './compareRoutes';
import { createCompareStore, type CompareStore } from './compareStore';
import { createExchangeStore, type ExchangeStore } from './store';

export interface ExchangeRoute {
  name: 'exchange';
}
export type { ExchangeCompareRoute, ExchangeCourtRoute };

export interface ExchangeStores {
  exchange: ExchangeStore;
  exchangeCompare: CompareStore;
}

const ROUTE: ExchangeRoute = { name: 'exchange' };
const route = plainRoute('exchange');
type Routes = ExchangeRoute | ExchangeCompareRoute | ExchangeCourtRoute;

export const exchangeFeature: Feature<'exchange', Routes, ExchangeStores> = {
  id: 'exchange',
  routeNames: [...route.routeNames, 'exchangeCompare', 'exchangeCourt'],
  parse: (path: HashPath) => route.parse(path) ?? parseCompareRoute(path),
  format: (r) => (r.name === 'exchange' ? route.format() : formatCompareRoute(r)),
  nav: {
    label: '报送中院',
    order: 50,
    requires: ['exchange.export', 'exchange.receive', 'exchange.keys'],
    useTarget: () => ROUTE,
  },
  title: (r) => (r.name === 'exchangeCompare' ? '各院对比' : r.name === 'exchangeCourt' ? `${r.code} · 各院对比` : '报送中院'),
  page: (r) => (r.name === 'exchangeCompare' ? <ComparePage route={r} /> : r.name === 'exchangeCourt' ? <CourtPage route={r} /> : <ExchangePage />),
  load: async (r, s, permissions) => {
    if (r.name === 'exchange') return s.exchange.getState().load(permissions);
    const app = s.app.getState();
    if (!app.info) await app.loadInfo();
    // A basic court, or a reader who may not receive, is told so by the page; nothing is asked.
    if (!permissions.includes('exchange.receive') || s.app.getState().info?.courtLevel !== 'intermediate') return;
    if (r.name === 'exchangeCompare') return s.exchangeCompare.getState().loadCompare(r.ind);
    return s.exchangeCompare.getState().loadCourt(r.code, r.filter, r.page);
  },
  createStores: (api) => ({ exchange: createExchangeStore(api), exchangeCompare: createCompareStore(api) }),
};
