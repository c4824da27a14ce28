// What each route loads: the glue between the router, the session and the data stores, as plain functions.
import type { Action } from '../../../shared/accounts/roles';
import { routeAllowed } from '../lib/auth';
import { deadlineViewFilters, type Route } from '../lib/route';
import type { AccountsStore } from './accounts';
import type { AppStore } from './app';
import type { AuditStore } from './audit';
import type { CaseDetailStore } from './caseDetail';
import type { CaseListStore } from './caseList';
import type { DeadlineSummaryStore } from './deadlines';

export interface Stores {
  app: AppStore;
  cases: CaseListStore;
  deadlineList: CaseListStore;
  deadlineSummary: DeadlineSummaryStore;
  caseDetail: CaseDetailStore;
  accounts: AccountsStore;
  audit: AuditStore;
}

/**
 * Starts the fetches a route needs; stores skip what they already hold. Nothing is asked that the person's
 * permissions would refuse: a refused call is written to the audit log as an attempt.
 */
export function applyRoute(route: Route, stores: Stores, permissions: readonly Action[]): Promise<unknown> {
  if (!routeAllowed(route, permissions)) return Promise.resolve();
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
      if (route.tab === 'accounts') {
        if (!permissions.includes('accounts.manage')) return Promise.resolve();
        return Promise.all([stores.accounts.getState().load(), stores.app.getState().loadDivisions()]);
      }
      if (route.tab === 'audit') return permissions.includes('audit.view') ? stores.audit.getState().ensure() : Promise.resolve();
      return stores.app.getState().loadInfo();
    default:
      return Promise.resolve();
  }
}

/** The app is shown (signed in, or unlocked): what every screen needs, then the current route's data. */
export function startData(route: Route, stores: Stores, permissions: readonly Action[]): Promise<unknown> {
  const app = stores.app.getState();
  const jobs: Promise<unknown>[] = [app.loadInfo(), app.loadDivisions()];
  if (permissions.includes('cases.view')) jobs.push(app.loadJudges(null));
  jobs.push(applyRoute(route, stores, permissions));
  return Promise.all(jobs);
}

/** Signed out: nothing of the previous person's data stays in this window. */
export function resetData(stores: Stores): void {
  for (const s of Object.values(stores) as Array<{ getState(): { reset(): void } }>) s.getState().reset();
}
