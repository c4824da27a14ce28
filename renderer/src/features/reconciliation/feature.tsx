// 审限核对 (#/reconciliation): the cases whose exchange-XML source figures disagree with CourtDesk's computation.
import type { Feature } from '../types';
import type { HashPath } from '../../router/hash';
import { ReconciliationPage } from './ReconciliationPage';
import { createReconciliationStore, type ReconciliationStore } from './store';

export interface ReconciliationRoute {
  name: 'reconciliation';
}

export interface ReconciliationStores {
  reconciliation: ReconciliationStore;
}

const ROUTE: ReconciliationRoute = { name: 'reconciliation' };

export const reconciliationFeature: Feature<'reconciliation', ReconciliationRoute, ReconciliationStores> = {
  id: 'reconciliation',
  routeNames: ['reconciliation'],
  parse: ({ head, parts }: HashPath) => (head === 'reconciliation' && parts.length === 1 ? ROUTE : null),
  format: () => '#/reconciliation',
  nav: {
    label: '审限核对',
    order: 25,
    requires: ['reconciliation.view'],
    useTarget: () => ROUTE,
  },
  title: () => '审限核对',
  page: () => <ReconciliationPage />,
  load: (_route, s) => s.reconciliation.getState().load(),
  createStores: (api) => ({ reconciliation: createReconciliationStore(api) }),
};
