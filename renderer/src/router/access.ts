// Who may open what: each navigation entry needs one of its feature's permissions, and every route needs its entry's.
import type { Action } from '../../../shared/accounts/roles';
import type { NavKey } from '../features';
import { permissionHint } from '../lib/auth';
import { featureById, navSection, type Route } from './routes';

export interface NavAccess {
  allowed: boolean;
  /** The tooltip of a disabled entry. */
  reason: string | null;
}

export function navAccess(key: NavKey, permissions: readonly Action[]): NavAccess {
  const need = featureById(key).nav.requires;
  if (need.length === 0 || need.some((a) => permissions.includes(a))) return { allowed: true, reason: null };
  return { allowed: false, reason: permissionHint(need) };
}

/** Which navigation entry's permission a route needs (the case page is part of 案件); null for an unknown address. */
export function routeNavKey(route: Route): NavKey | null {
  return navSection(route);
}

export function routeAllowed(route: Route, permissions: readonly Action[]): boolean {
  const key = routeNavKey(route);
  return key === null || navAccess(key, permissions).allowed;
}
