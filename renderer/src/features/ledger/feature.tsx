// 脱薄台账 (#/ledger): the weak points, their indicator targets then and now, and the measures answering them with owners, deadlines, status and progress; keepers add and edit. Only the exact address is this feature's: #/ledger/… belongs to the trend, meetings and projection sections.
import { plainRoute, type HashPath } from '../../router/hash';
import type { Feature } from '../types';
import { LedgerPage } from './LedgerPage';
import { createLedgerStore, type LedgerStore } from './store';

export interface LedgerRoute {
  name: 'ledger';
}

export interface LedgerStores {
  ledger: LedgerStore;
}

const ROUTE: LedgerRoute = { name: 'ledger' };
const route = plainRoute('ledger');

export const ledgerFeature: Feature<'ledger', LedgerRoute, LedgerStores> = {
  id: 'ledger',
  routeNames: route.routeNames,
  parse: (path: HashPath) => route.parse(path),
  format: () => route.format(),
  nav: {
    label: '脱薄台账',
    order: 60,
    requires: ['ledger.view'],
    useTarget: () => ROUTE,
  },
  title: () => '脱薄台账',
  page: () => <LedgerPage />,
  load: (_r, s) => s.ledger.getState().load(),
  createStores: (api) => ({ ledger: createLedgerStore(api) }),
};
