// 隐性超审限 and 长期未动: the alert lists of deadlines.hidden and deadlines.cold, loaded when their tab is opened.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { CourtDeskApi } from '../../../../shared/api/contract';
import type { AlertList } from '../../../../shared/deadlines/api';

export type AlertView = 'hidden' | 'cold';

export interface AlertListState {
  lists: Partial<Record<AlertView, AlertList>>;
  loading: AlertView | null;
  error: string | null;
  load(view: AlertView): Promise<void>;
  reset(): void;
}

export type AlertListStore = StoreApi<AlertListState>;

export function createAlertListStore(api: Pick<CourtDeskApi, 'deadlines.hidden' | 'deadlines.cold'>): AlertListStore {
  let seq = 0;
  return createStore<AlertListState>()((set) => ({
    lists: {},
    loading: null,
    error: null,
    async load(view) {
      const mine = ++seq;
      set({ loading: view, error: null });
      // The court's thresholds apply (settings alerts.openPeriodDays / alerts.coldDays); the answer names them.
      const res = view === 'hidden' ? await api['deadlines.hidden']({}) : await api['deadlines.cold']({});
      if (mine !== seq) return;
      if (res.ok) set((s) => ({ lists: { ...s.lists, [view]: res.value }, loading: null, error: null }));
      else set({ loading: null, error: res.error.message });
    },
    reset() {
      seq++;
      set({ lists: {}, loading: null, error: null });
    },
  }));
}
