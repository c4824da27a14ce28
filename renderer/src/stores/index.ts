// The stores of this window, bound to its API. Tests use the factories directly.
// They are made by startWindow(), which main.tsx calls first, not on import: importing a page then touches no DOM
// (the unit tests load the features list, and with it every page, in Node), and the features, the router and these
// stores may import one another, because nothing reads them while modules load.
import { useStore } from 'zustand';
import type { StoreApi } from 'zustand/vanilla';
import type { CourtDeskApi } from '../../../shared/api/contract';
import { createApi, type BrowserEnv } from '../api/client';
import { guardApi } from '../api/guard';
import { createSessionStore, type SessionStore } from '../features/auth/session';
import { DEFAULT_ROUTE } from '../router/routes';
import { splitHash } from '../router/hash';
import { createRouterStore, type RouterStore } from '../router/store';
import { createStores, type Stores } from './controller';

let lastAnswered = Date.now();
/** The window shows no address of the person's choosing (it opened on the start, or he signed out): see takeLanding. */
let landing = false;

/** Every call goes through here: a SIGNED_OUT or LOCKED answer, whichever screen asked, switches the window. */
export let api: CourtDeskApi;
export let session: SessionStore;
export let stores: Stores;
export let router: RouterStore;

/** Makes this window's API and stores; once, before anything is rendered or subscribed. */
export function startWindow(): void {
  // First: this is where the loopback token is read and taken out of the address, before the router reads it.
  const rawApi = createApi(window as unknown as BrowserEnv);
  api = guardApi(rawApi, {
    onAuthLost: (code) => session.getState().authLost(code),
    // auth.status then answers STARTUP_FAILED too, and the window shows why, with the backup to restore.
    onStartupFailed: () => void session.getState().loadStatus(),
    // auth.status says mustChangePassword, and the window shows the new-password screen.
    onPasswordChangeRequired: () => void session.getState().loadStatus(),
    onAnswered: (_m, at) => {
      lastAnswered = at;
    },
  });
  // Opened on the start ("", "#/"): the next sign-in lands on the start page; a deep link or a reload is kept.
  landing = splitHash(window.location.hash) === null;
  session = createSessionStore(api);
  stores = createStores(api);
  router = createRouterStore({
    read: () => window.location.hash,
    write: (hash, replace) => {
      if (replace) window.history.replaceState(null, '', hash);
      else window.history.pushState(null, '', hash);
    },
  });
}

/** When a call last succeeded (the server's idle clock restarted then). */
export function lastAnsweredAt(): number {
  return lastAnswered;
}

/**
 * 退出 / 切换账号: the next person does not see the page (or case) the last one had open; once signed in he lands on
 * his own start page.
 */
export async function signOut(): Promise<void> {
  await session.getState().signOut();
  router.getState().navigate(DEFAULT_ROUTE, { replace: true });
  landing = true;
}

/** Whether this sign-in should open the start page (router/start.ts) rather than the address shown; asked once. */
export function takeLanding(): boolean {
  const l = landing;
  landing = false;
  return l;
}

/** The permissions of the person signed in (none when nobody is). */
export function currentPermissions() {
  return session.getState().user?.permissions ?? [];
}

/** Reads a slice of a vanilla store in a component. */
export function useSlice<S, T>(store: StoreApi<S>, pick: (s: S) => T): T {
  return useStore(store, pick);
}
