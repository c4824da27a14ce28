// The stores of this window, bound to the API of this window. Tests use the factories directly.
import { useStore } from 'zustand';
import type { StoreApi } from 'zustand/vanilla';
import { rawApi } from '../api/instance';
import { guardApi } from '../api/guard';
import { createAccountsStore } from './accounts';
import { createAppStore } from './app';
import { createAuditStore } from './audit';
import { createCaseDetailStore } from './caseDetail';
import { createCaseListStore } from './caseList';
import { createDeadlineSummaryStore } from './deadlines';
import { createRouterStore } from './router';
import { DEFAULT_ROUTE } from '../lib/route';
import { createSessionStore, type SessionStore } from './session';
import type { Stores } from './controller';

let lastAnswered = Date.now();

/** Every call goes through here: a SIGNED_OUT or LOCKED answer, whichever screen asked, switches the window. */
export const api = guardApi(rawApi, {
  onAuthLost: (code) => session.getState().authLost(code),
  // auth.status then answers STARTUP_FAILED too, and the window shows why, with the backup to restore.
  onStartupFailed: () => void session.getState().loadStatus(),
  onAnswered: (_m, at) => {
    lastAnswered = at;
  },
});

/** When a call last succeeded (the server's idle clock restarted then). */
export function lastAnsweredAt(): number {
  return lastAnswered;
}

export const session: SessionStore = createSessionStore(api);

export const stores: Stores = {
  app: createAppStore(api),
  cases: createCaseListStore(api),
  deadlineList: createCaseListStore(api),
  deadlineSummary: createDeadlineSummaryStore(api),
  caseDetail: createCaseDetailStore(api),
  accounts: createAccountsStore(api),
  audit: createAuditStore(api),
};

export const router = createRouterStore({
  read: () => window.location.hash,
  write: (hash, replace) => {
    if (replace) window.history.replaceState(null, '', hash);
    else window.history.pushState(null, '', hash);
  },
});

/** 退出 / 切换账号: the next person starts on the case list, not on the page (or case) the last one had open. */
export async function signOut(): Promise<void> {
  await session.getState().signOut();
  router.getState().navigate(DEFAULT_ROUTE, { replace: true });
}

/** The permissions of the person signed in (none when nobody is). */
export function currentPermissions() {
  return session.getState().user?.permissions ?? [];
}

/** Reads a slice of a vanilla store in a component. */
export function useSlice<S, T>(store: StoreApi<S>, pick: (s: S) => T): T {
  return useStore(store, pick);
}
