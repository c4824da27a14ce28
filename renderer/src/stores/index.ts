// The stores of this window, bound to the API of this window. Tests use the factories directly.
import { useStore } from 'zustand';
import type { StoreApi } from 'zustand/vanilla';
import { api } from '../api/instance';
import { createAppStore } from './app';
import { createCaseDetailStore } from './caseDetail';
import { createCaseListStore } from './caseList';
import { createDeadlineSummaryStore } from './deadlines';
import { createRouterStore } from './router';
import type { Stores } from './controller';

export const stores: Stores = {
  app: createAppStore(api),
  cases: createCaseListStore(api),
  deadlineList: createCaseListStore(api),
  deadlineSummary: createDeadlineSummaryStore(api),
  caseDetail: createCaseDetailStore(api),
};

export const router = createRouterStore({
  read: () => window.location.hash,
  write: (hash, replace) => {
    if (replace) window.history.replaceState(null, '', hash);
    else window.history.pushState(null, '', hash);
  },
});

/** Reads a slice of a vanilla store in a component. */
export function useSlice<S, T>(store: StoreApi<S>, pick: (s: S) => T): T {
  return useStore(store, pick);
}
