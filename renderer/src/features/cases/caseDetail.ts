// The case page: one case in full, by case number.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ApiErrorCode, CaseDetail, CourtDeskApi } from '../../../../shared/api/contract';

export interface CaseDetailState {
  caseNumber: string | null;
  detail: CaseDetail | null;
  loading: boolean;
  error: { code: ApiErrorCode; message: string } | null;
  load(caseNumber: string, opts?: { force?: boolean }): Promise<void>;
  /** Shows the case as a call that changed it answered (cases.close, cases.update …): no second read needed. */
  replace(detail: CaseDetail): void;
  reset(): void;
}

export type CaseDetailStore = StoreApi<CaseDetailState>;

export function createCaseDetailStore(api: Pick<CourtDeskApi, 'cases.get'>): CaseDetailStore {
  let seq = 0;
  return createStore<CaseDetailState>()((set, get) => ({
    caseNumber: null,
    detail: null,
    loading: false,
    error: null,
    async load(caseNumber, opts) {
      if (!opts?.force && get().caseNumber === caseNumber && (get().loading || get().detail)) return;
      const mine = ++seq;
      set({ caseNumber, loading: true, error: null, detail: get().caseNumber === caseNumber ? get().detail : null });
      const res = await api['cases.get']({ caseNumber });
      if (mine !== seq) return;
      if (res.ok) set({ detail: res.value, loading: false, error: null });
      else set({ detail: null, loading: false, error: res.error });
    },
    replace(detail) {
      // An answer still on its way for the old state of this case would overwrite the newer one.
      seq++;
      set({ caseNumber: detail.caseNumber, detail, loading: false, error: null });
    },
    reset() {
      seq++;
      set({ caseNumber: null, detail: null, loading: false, error: null });
    },
  }));
}
