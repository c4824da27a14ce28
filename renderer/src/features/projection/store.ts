// 预测: the answer of ledger.project for the assumptions in the address, with the argument at fault when it is refused.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { CourtDeskApi, LedgerProjectionResult } from '../../../../shared/api/contract';
import type { ProjectionRoute } from './routes';

export interface ProjectionState {
  result: LedgerProjectionResult | null;
  loading: boolean;
  error: string | null;
  /** The argument the error names (months, closeMore, clearOldest, by, judgesDelta, asOf), so the form marks its box. */
  field: string | null;
  load(route: ProjectionRoute): Promise<void>;
  reset(): void;
}

export type ProjectionStore = StoreApi<ProjectionState>;

export function argsOf(r: ProjectionRoute) {
  return {
    months: r.months,
    closeMore: r.closeMore,
    judgesDelta: r.judgesDelta,
    ...(r.clearOldest > 0 && r.by ? { clearOldest: r.clearOldest, by: r.by } : {}),
    ...(r.asOf ? { asOf: r.asOf } : {}),
  };
}

export function createProjectionStore(api: Pick<CourtDeskApi, 'ledger.project'>): ProjectionStore {
  let seq = 0;
  return createStore<ProjectionState>()((set) => ({
    result: null,
    loading: false,
    error: null,
    field: null,
    async load(route) {
      const mine = ++seq;
      set({ loading: true, error: null, field: null });
      const res = await api['ledger.project'](argsOf(route));
      if (mine !== seq) return;
      // A refused what-if keeps the last answer on the screen beside the message.
      if (res.ok) set({ result: res.value, loading: false });
      else set({ loading: false, error: res.error.message, field: res.error.field ?? null });
    },
    reset() {
      seq++;
      set({ result: null, loading: false, error: null, field: null });
    },
  }));
}
