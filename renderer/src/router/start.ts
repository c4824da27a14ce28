// Where the window opens after sign-in when the person came with no address of his own: 审限预警 (his own cases, his
// division's or the court's, as his scope gives) for everyone who may view cases; the others keep the case list's
// address, whose page tells an administrator why it shows him nothing.
import type { Action } from '../../../shared/accounts/roles';
import { DEFAULT_ROUTE, type Route } from './routes';

export function startRoute(permissions: readonly Action[]): Route {
  if (permissions.includes('cases.view')) return { name: 'deadlines', view: 'overdue', page: 1 };
  return { ...DEFAULT_ROUTE, filters: { ...DEFAULT_ROUTE.filters } };
}
