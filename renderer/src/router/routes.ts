// Hash routes (#/cases?…, #/case/<案号>, #/deadlines?…, #/settings/…): each feature parses and formats its own;
// this asks them in turn, so back/forward and reloads keep the screen.
import { FEATURES, type AppFeature, type NavKey } from '../features';
import { DEFAULT_ROUTE } from '../features/cases/routes';
import type { Feature, RouteOf } from '../features/types';
import { safeDecode, splitHash } from './hash';

/** An address no feature knows: the window says so and offers the case list. */
export interface NotFoundRoute {
  name: 'notFound';
  path: string;
}

export type Route = RouteOf<AppFeature> | NotFoundRoute;
export type RouteName = Route['name'];

export { DEFAULT_ROUTE };

/** A feature as the loops below see it: serving any route, its own stores unknown. */
export type AnyFeature = Feature<NavKey, Route, object>;

/** The features, read when asked: never while modules load (see features/index.ts). */
export function features(): readonly AnyFeature[] {
  return FEATURES;
}

/** The feature that serves a route; null for notFound. */
export function featureOf(route: Route): AnyFeature | null {
  return features().find((f) => f.routeNames.includes(route.name)) ?? null;
}

export function featureById(id: NavKey): AnyFeature {
  const f = features().find((x) => x.id === id);
  if (!f) throw new Error(`no feature ${id}`);
  return f;
}

/** The route named by a location hash ("#/cases?status=open", "#/case/%EF%BC%882024…", "" for the start). */
export function parseHash(hash: string): Route {
  const path = splitHash(hash);
  if (path === null) return { ...DEFAULT_ROUTE, filters: { ...DEFAULT_ROUTE.filters } };
  for (const f of features()) {
    const route = f.parse(path);
    if (route) return route;
  }
  return { name: 'notFound', path: safeDecode(path.path) ?? path.path };
}

/** The hash of a route, starting with "#/". parseHash(formatRoute(r)) gives r back; an unknown address is not kept. */
export function formatRoute(route: Route): string {
  if (route.name === 'notFound') return formatRoute(DEFAULT_ROUTE);
  const f = featureOf(route);
  return f ? f.format(route) : formatRoute(DEFAULT_ROUTE);
}

/** Which navigation entry a route belongs to (the case page is part of 案件); null for notFound. */
export function navSection(route: Route): NavKey | null {
  return featureOf(route)?.id ?? null;
}

/** The entry the side navigation lights for a route: its feature's, unless the feature names another. */
export function litSection(route: Route): string | null {
  const f = featureOf(route);
  return f ? (f.litEntry?.(route) ?? f.id) : null;
}

/** The case lists: the case page's 返回列表 goes back to the last one shown. */
export function isListRoute(route: Route): boolean {
  return featureOf(route)?.listRoutes?.includes(route.name) ?? false;
}

/** Routes shown under the list they were opened from (the case page): that list's entry stays lit. */
export function isUnderListRoute(route: Route): boolean {
  return featureOf(route)?.underListRoutes?.includes(route.name) ?? false;
}

export function routeTitle(route: Route): string {
  return featureOf(route)?.title(route) ?? '页面不存在';
}
