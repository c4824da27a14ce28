// What each route loads: the glue between the router and the data stores, as a plain function.
import { deadlineViewFilters, type Route } from '../lib/route';
import type { AppStore } from './app';
import type { CaseDetailStore } from './caseDetail';
import type { CaseListStore } from './caseList';
import type { DeadlineSummaryStore } from './deadlines';

export interface Stores {
  app: AppStore;
  cases: CaseListStore;
  deadlineList: CaseListStore;
  deadlineSummary: DeadlineSummaryStore;
  caseDetail: CaseDetailStore;
}

/** Starts the fetches a route needs; stores skip what they already hold. */
export function applyRoute(route: Route, stores: Stores): Promise<unknown> {
  switch (route.name) {
    case 'cases': {
      const jobs: Promise<unknown>[] = [stores.cases.getState().load(route.filters, route.page)];
      jobs.push(stores.app.getState().loadJudges(route.filters.divisionId));
      return Promise.all(jobs);
    }
    case 'deadlines':
      return Promise.all([
        stores.deadlineSummary.getState().load(),
        stores.deadlineList.getState().load(deadlineViewFilters(route.view), route.page, { force: false }),
      ]);
    case 'case':
      return stores.caseDetail.getState().load(route.caseNumber);
    case 'settings':
      return stores.app.getState().loadInfo();
    default:
      return Promise.resolve();
  }
}
