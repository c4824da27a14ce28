// 延审审批 (#/extensions): the division head's opinions, the president's desk and the decided requests; its entry
// carries how many requests wait for the signed-in person.
import { useEffect } from 'react';
import { useStore } from 'zustand';
import type { HashPath } from '../../router/hash';
import { session, stores } from '../../stores';
import type { Feature } from '../types';
import { ExtensionsPage } from './ExtensionsPage';
import { createExtensionsStore, type ExtensionsStore } from './store';

export interface ExtensionsRoute {
  name: 'extensions';
}

export interface ExtensionsStores {
  extensions: ExtensionsStore;
}

const ROUTE: ExtensionsRoute = { name: 'extensions' };

/** The badge: read once per person signed in (and again after each act in this window). */
function useWaitingCount(): number | null {
  const name = useStore(session, (s) => s.user?.name ?? null);
  const mine = useStore(stores.extensions, (s) => s.mine);
  useEffect(() => {
    if (name) void stores.extensions.getState().loadCount(name);
  }, [name]);
  return mine;
}

export const extensionsFeature: Feature<'extensions', ExtensionsRoute, ExtensionsStores> = {
  id: 'extensions',
  routeNames: ['extensions'],
  parse: ({ head, parts }: HashPath) => (head === 'extensions' && parts.length === 1 ? ROUTE : null),
  format: () => '#/extensions',
  nav: {
    label: '延审审批',
    order: 30,
    requires: ['extension.request', 'extension.opinion', 'extension.approve'],
    useTarget: () => ROUTE,
    useCount: useWaitingCount,
  },
  title: () => '延审审批',
  page: () => <ExtensionsPage />,
  load: (_route, s) => s.extensions.getState().load(),
  createStores: (api) => ({
    // The person and the case page are read when called, not now: the stores are made before anyone signs in.
    extensions: createExtensionsStore(api, () => session.getState().user?.name ?? null, (caseNumber) => {
      // The case page shows the case as it now is: its due date, and its history with this step.
      const d = stores.caseDetail.getState();
      const w = stores.caseWork.getState();
      return Promise.all([
        d.caseNumber === caseNumber ? d.load(caseNumber, { force: true }) : null,
        w.history.caseNumber === caseNumber ? w.loadHistory(caseNumber, { force: true }) : null,
      ]).then(() => undefined);
    }),
  }),
};
