// 延审审批 (#/extensions) and 延审原因分析 (#/extensions/study): the division head's opinions, the president's desk, the decided requests and the study of their reasons; its entry
// carries how many requests wait for the signed-in person.
import { useEffect } from 'react';
import { useStore } from 'zustand';
import type { HashPath } from '../../router/hash';
import { session, stores } from '../../stores';
import type { Feature } from '../types';
import { ExtensionsPage } from './ExtensionsPage';
import { formatExtensionsRoute, parseExtensionsRoute, type ExtensionsRoute, type ExtensionStudyRoute } from './routes';
import { createExtensionsStore, type ExtensionsStore } from './store';
import { StudyPage } from './study/StudyPage';
import { createStudyStore, type StudyStore } from './study/studyStore';

export type { ExtensionsRoute, ExtensionStudyRoute };

export interface ExtensionsStores {
  extensions: ExtensionsStore;
  extensionStudy: StudyStore;
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

export const extensionsFeature: Feature<'extensions', ExtensionsRoute | ExtensionStudyRoute, ExtensionsStores> = {
  id: 'extensions',
  routeNames: ['extensions', 'extensionStudy'],
  parse: (path: HashPath) => parseExtensionsRoute(path),
  format: (route) => formatExtensionsRoute(route),
  nav: {
    label: '延审审批',
    order: 30,
    // 审管办 (indicators.view) reads the requests and studies their reasons; the acts stay with those who hold them.
    requires: ['extension.request', 'extension.opinion', 'extension.approve', 'indicators.view'],
    useTarget: () => ROUTE,
    useCount: useWaitingCount,
  },
  title: (route) => (route.name === 'extensionStudy' ? '延审原因分析' : '延审审批'),
  page: (route) => (route.name === 'extensionStudy' ? <StudyPage route={route} /> : <ExtensionsPage />),
  load: (route, s) => {
    if (route.name === 'extensionStudy') return s.extensionStudy.getState().load({ from: route.from, to: route.to, divisionId: route.divisionId });
    // The plain address keeps the desk's last tab (a study list's 'all' goes back to the queue); a figure's address sets its own.
    const last = s.extensions.getState().tab;
    return s.extensions.getState().load(route.view ?? (last === 'all' ? 'waiting' : last), route.filter ?? null);
  },
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
    extensionStudy: createStudyStore(api),
  }),
};
