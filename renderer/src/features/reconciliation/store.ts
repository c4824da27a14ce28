// 审限核对: the rows of cases.reconciliation.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { CourtDeskApi } from '../../../../shared/api/contract';
import type { ReconciliationRow } from '../../../../shared/cases/reconciliation';

export interface ReconciliationState {
  rows: ReconciliationRow[] | null;
  loading: boolean;
  error: string | null;
  load(): Promise<void>;
  reset(): void;
}

export type ReconciliationStore = StoreApi<ReconciliationState>;

export function createReconciliationStore(api: Pick<CourtDeskApi, 'cases.reconciliation'>): ReconciliationStore {
  let seq = 0;
  return createStore<ReconciliationState>()((set) => ({
    rows: null,
    loading: false,
    error: null,
    async load() {
      const mine = ++seq;
      set({ loading: true, error: null });
      const res = await api['cases.reconciliation']({});
      if (mine !== seq) return;
      if (res.ok) set({ rows: res.value, loading: false, error: null });
      else set({ loading: false, error: res.error.message });
    },
    reset() {
      seq++;
      set({ rows: null, loading: false, error: null });
    },
  }));
}
