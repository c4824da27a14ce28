// 报送中院 (#/exchange): a basic court writes its signed, encrypted packages for the intermediate court; an
// intermediate court verifies and imports them. Open to those who send, receive or manage the exchange keys.
import { plainRoute } from '../../router/hash';
import type { Feature } from '../types';
import { ExchangePage } from './ExchangePage';
import { createExchangeStore, type ExchangeStore } from './store';

export interface ExchangeRoute {
  name: 'exchange';
}

export interface ExchangeStores {
  exchange: ExchangeStore;
}

const ROUTE: ExchangeRoute = { name: 'exchange' };
const route = plainRoute('exchange');

export const exchangeFeature: Feature<'exchange', ExchangeRoute, ExchangeStores> = {
  id: 'exchange',
  routeNames: route.routeNames,
  parse: route.parse,
  format: route.format,
  nav: {
    label: '报送中院',
    order: 50,
    requires: ['exchange.export', 'exchange.receive', 'exchange.keys'],
    useTarget: () => ROUTE,
  },
  title: () => '报送中院',
  page: () => <ExchangePage />,
  load: (_route, s, permissions) => s.exchange.getState().load(permissions),
  createStores: (api) => ({ exchange: createExchangeStore(api) }),
};
