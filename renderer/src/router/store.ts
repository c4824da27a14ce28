// The current route, kept in step with the address bar's hash; navigation pushes history entries so back/forward work.
import { createStore, type StoreApi } from 'zustand/vanilla';
import { DEFAULT_ROUTE, formatRoute, isListRoute, parseHash, type Route } from './routes';

export interface HashAdapter {
  read(): string;
  write(hash: string, replace: boolean): void;
}

export interface RouterState {
  route: Route;
  /** The list the user came from (a route of a feature's listRoutes), for 返回列表 on the case page. */
  lastList: Route;
  navigate(route: Route, opts?: { replace?: boolean }): void;
  /** Re-reads the hash (after back/forward or a typed address). */
  sync(): void;
}

export type RouterStore = StoreApi<RouterState>;

export function createRouterStore(adapter: HashAdapter): RouterStore {
  /** The hash the address bar shows now, as far as this store knows. */
  let current = adapter.read();
  const initial = canonicalize(parseHash(current));

  /** Rewrites an address that is not in canonical form in place (no extra history entry). */
  function canonicalize(route: Route): Route {
    if (route.name === 'notFound') return route;
    const hash = formatRoute(route);
    if (hash !== current) {
      current = hash;
      adapter.write(hash, true);
    }
    return route;
  }

  return createStore<RouterState>()((set, get) => {
    function show(route: Route): void {
      set({ route, lastList: isListRoute(route) ? route : get().lastList });
    }
    return {
      route: initial,
      lastList: isListRoute(initial) ? initial : DEFAULT_ROUTE,
      navigate(route, opts) {
        const hash = formatRoute(route);
        if (hash !== current) {
          current = hash;
          adapter.write(hash, opts?.replace === true);
        }
        show(parseHash(hash));
      },
      sync() {
        const raw = adapter.read();
        if (raw === current) return;
        current = raw;
        show(canonicalize(parseHash(raw)));
      },
    };
  });
}
