// 各院对比's reads: the side-by-side figures, the chosen indicator's 12 months per court, and one court's cases (a page of a filter) and extension requests; a read answered after a newer one, or after a reset, is dropped.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { CourtDeskApi } from '../../../../shared/api/contract';
import type { CompareView, CourtCaseFilter, CourtCasesView, CourtExtensionsView, TrendsView } from '../../../../shared/exchange/compareApi';
import type { IndicatorId } from '../../../../shared/indicators/catalogue';
import { COURT_PAGE_SIZE } from './compareRoutes';

export type CompareApi = Pick<CourtDeskApi, 'exchange.compare' | 'exchange.trends' | 'exchange.courtCases' | 'exchange.courtExtensions'>;

export interface CompareState {
  compare: CompareView | null;
  trends: TrendsView | null;
  cases: CourtCasesView | null;
  extensions: CourtExtensionsView | null;
  loading: boolean;
  error: string | null;
  loadCompare(ind: IndicatorId): Promise<void>;
  loadCourt(code: string, filter: CourtCaseFilter, page: number): Promise<void>;
  reset(): void;
}
export type CompareStore = StoreApi<CompareState>;

const EMPTY = { compare: null, trends: null, cases: null, extensions: null, loading: false, error: null };

export function createCompareStore(api: CompareApi): CompareStore {
  let generation = 0;
  return createStore<CompareState>()((set) => ({
    ...EMPTY,
    async loadCompare(indicator) {
      const gen = ++generation;
      set({ loading: true, error: null });
      const [c, t] = await Promise.all([api['exchange.compare']({}), api['exchange.trends']({ indicator })]);
      if (gen !== generation) return;
      const error = !c.ok ? c.error.message : !t.ok ? t.error.message : null;
      set({ loading: false, error, compare: c.ok ? c.value : null, trends: t.ok ? t.value : null });
    },
    async loadCourt(courtCode, filter, page) {
      const gen = ++generation;
      set({ loading: true, error: null });
      const [c, e] = await Promise.all([
        api['exchange.courtCases']({ courtCode, filter, limit: COURT_PAGE_SIZE, offset: (page - 1) * COURT_PAGE_SIZE }),
        api['exchange.courtExtensions']({ courtCode }),
      ]);
      if (gen !== generation) return;
      const error = !c.ok ? c.error.message : !e.ok ? e.error.message : null;
      set({ loading: false, error, cases: c.ok ? c.value : null, extensions: e.ok ? e.value : null });
    },
    reset() {
      generation++;
      set(EMPTY);
    },
  }));
}
