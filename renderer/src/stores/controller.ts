// What each route loads and which stores a window holds, as plain functions over the features list: the glue
// between the router, the session and the data stores.
import type { Action } from '../../../shared/accounts/roles';
import type { CourtDeskApi } from '../../../shared/api/contract';
import type { AppFeature } from '../features';
import type { SharedStores, StoresOf, UnionToIntersection } from '../features/types';
import { routeAllowed } from '../router/access';
import { features, featureOf, type Route } from '../router/routes';
import { createAppStore } from './app';

/** Every store of a window: the shared ones and those each feature declares. */
export type Stores = SharedStores & UnionToIntersection<StoresOf<AppFeature>>;

/** The stores of one window, all bound to its API. */
export function createStores(api: CourtDeskApi): Stores {
  const stores: SharedStores & Record<string, unknown> = { app: createAppStore(api) };
  for (const f of features()) Object.assign(stores, f.createStores?.(api));
  return stores as Stores;
}

/**
 * Starts the fetches a route needs; stores skip what they already hold. Nothing is asked that the person's
 * permissions would refuse: a refused call is written to the audit log as an attempt.
 */
export function applyRoute(route: Route, stores: Stores, permissions: readonly Action[]): Promise<unknown> {
  if (!routeAllowed(route, permissions)) return Promise.resolve();
  const feature = featureOf(route);
  return feature?.load ? feature.load(route, stores, permissions) : Promise.resolve();
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
