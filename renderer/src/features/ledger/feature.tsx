// 脱薄台账 (#/ledger, #/ledger?meeting=N): the weak points, their indicator targets then and now, and the measures answering them with owners, deadlines, status and progress; keepers add and edit. Only the exact address is this feature's: #/ledger/… belongs to the trend, meetings and projection sections.
import type { Feature } from '../types';
import { LedgerPage } from './LedgerPage';
import { LEDGER_ROUTE, formatLedgerRoute, parseLedgerRoute, type LedgerRoute } from './routes';
import { createLedgerStore, type LedgerStore } from './store';

export type { LedgerRoute };

export interface LedgerStores {
  ledger: LedgerStore;
}


export const ledgerFeature: Feature<'ledger', LedgerRoute, LedgerStores> = {
  id: 'ledger',
  routeNames: ['ledger'],
  parse: parseLedgerRoute,
  format: formatLedgerRoute,
  nav: {
    label: '脱薄台账',
    order: 60,
    requires: ['ledger.view'],
    useTarget: () => LEDGER_ROUTE,
  },
  title: () => '脱薄台账',
  page: (r) => <LedgerPage route={r} />,
  // The meeting is read beside the ledger so that the form can say where the measure comes from.
  load: (r, s) => Promise.all([s.ledger.getState().load(), s.ledger.getState().loadOrigin(r.meeting ?? null)]),
  createStores: (api) => ({ ledger: createLedgerStore(api) }),
};
