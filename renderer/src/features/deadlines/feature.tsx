// 审限预警: the counts of deadlines.summary and the cases behind each (#/deadlines?view=…), with their stores.
import { useStore } from 'zustand';
import type { Feature } from '../types';
import { router } from '../../stores';
import { createCaseListStore, type CaseListStore } from '../cases/caseList';
import { DeadlinesPage } from './DeadlinesPage';
import { createDeadlineSummaryStore, type DeadlineSummaryStore } from './summary';
import { deadlineViewFilters, formatDeadlinesRoute, isAlertView, parseDeadlinesRoute, type DeadlinesRoute } from './routes';
import { createAlertListStore, type AlertListStore } from './alerts';

export interface DeadlinesStores {
  /** The list under the cards: a case list of its own, so the 案件 list keeps its filters. */
  deadlineList: CaseListStore;
  deadlineSummary: DeadlineSummaryStore;
  /** 隐性超审限 and 长期未动, each loaded when its tab is opened. */
  deadlineAlerts: AlertListStore;
}

export const deadlinesFeature: Feature<'deadlines', DeadlinesRoute, DeadlinesStores> = {
  id: 'deadlines',
  routeNames: ['deadlines'],
  listRoutes: ['deadlines'],
  parse: parseDeadlinesRoute,
  format: formatDeadlinesRoute,
  nav: {
    label: '审限预警',
    order: 20,
    requires: ['cases.view'],
    // The list last shown here, else 超审限未结.
    useTarget(): DeadlinesRoute {
      const last = useStore(router, (s) => s.lastList);
      return last.name === 'deadlines' ? last : { name: 'deadlines', view: 'overdue', page: 1 };
    },
  },
  title: () => '审限预警',
  page: (route) => <DeadlinesPage view={route.view} />,
  load: (route, s) =>
    Promise.all([
      s.deadlineSummary.getState().load(),
      isAlertView(route.view) ? s.deadlineAlerts.getState().load(route.view) : s.deadlineList.getState().load(deadlineViewFilters(route.view), route.page, { force: false }),
    ]),
  createStores: (api) => ({ deadlineList: createCaseListStore(api), deadlineSummary: createDeadlineSummaryStore(api), deadlineAlerts: createAlertListStore(api) }),
};
