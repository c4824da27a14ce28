// 审限预警: the counts of deadlines.summary.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { CourtDeskApi, DeadlineSummary } from '../../../../shared/api/contract';

export interface DeadlineSummaryState {
  summary: DeadlineSummary | null;
  loading: boolean;
  error: string | null;
  load(): Promise<void>;
  reset(): void;
}

export type DeadlineSummaryStore = StoreApi<DeadlineSummaryState>;

export function createDeadlineSummaryStore(api: Pick<CourtDeskApi, 'deadlines.summary'>): DeadlineSummaryStore {
  let seq = 0;
  return createStore<DeadlineSummaryState>()((set) => ({
    summary: null,
    loading: false,
    error: null,
    async load() {
      const mine = ++seq;
      set({ loading: true, error: null });
      const res = await api['deadlines.summary']({});
      if (mine !== seq) return;
      if (res.ok) set({ summary: res.value, loading: false, error: null });
      else set({ loading: false, error: res.error.message });
    },
    reset() {
      seq++;
      set({ summary: null, loading: false, error: null });
    },
  }));
}
