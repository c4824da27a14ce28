// One case list (the 案件 screen, or an 审限预警 list): its filters and page, the rows of that page, and the total.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { CaseListRow, CourtDeskApi } from '../../../../shared/api/contract';
import { DEFAULT_FILTERS, countKey, pageKey, toFilterArgs, toListArgs, type CaseFilters } from './filters';

export interface CaseListState {
  filters: CaseFilters;
  /** 1-based. */
  page: number;
  rows: CaseListRow[];
  hasMore: boolean;
  loading: boolean;
  /** True once a page for the current filters and sort has arrived (or failed). */
  loaded: boolean;
  error: string | null;
  /** From cases.count, which may answer after the page; null until then. */
  total: number | null;
  totalLoading: boolean;
  totalError: string | null;
  /** Shows the page for these filters, fetching it unless it is already shown or on its way. */
  load(filters: CaseFilters, page: number, opts?: { force?: boolean }): Promise<void>;
  /** Fetches the current page and the total again. */
  reload(): Promise<void>;
  /** Forgets the rows and filters (another person signs in); answers still on their way are dropped. */
  reset(): void;
}

export type CaseListStore = StoreApi<CaseListState>;
export type CaseListApi = Pick<CourtDeskApi, 'cases.list' | 'cases.count'>;

export function createCaseListStore(api: CaseListApi): CaseListStore {
  /** The page asked for last (shown or on its way). */
  let wantedKey: string | null = null;
  /** The filters whose total is shown or on its way. */
  let totalKey: string | null = null;
  let listSeq = 0;
  let countSeq = 0;

  const initial = () => ({
    filters: { ...DEFAULT_FILTERS },
    page: 1,
    rows: [] as CaseListRow[],
    hasMore: false,
    loading: false,
    loaded: false,
    error: null as string | null,
    total: null as number | null,
    totalLoading: false,
    totalError: null as string | null,
  });

  return createStore<CaseListState>()((set, get) => {
    async function fetchCount(ck: string, filters: CaseFilters): Promise<void> {
      totalKey = ck;
      const mine = ++countSeq;
      set({ total: null, totalLoading: true, totalError: null });
      const res = await api['cases.count'](toFilterArgs(filters));
      if (mine !== countSeq) return;
      if (res.ok) {
        set({ total: res.value.count, totalLoading: false, totalError: null });
      } else {
        totalKey = null;
        set({ total: null, totalLoading: false, totalError: res.error.message });
      }
    }

    async function fetchPage(key: string, filters: CaseFilters, page: number): Promise<void> {
      const mine = ++listSeq;
      const res = await api['cases.list'](toListArgs(filters, page));
      if (mine !== listSeq) return;
      if (res.ok) {
        set({ rows: res.value.rows, hasMore: res.value.hasMore, loading: false, loaded: true, error: null });
      } else {
        // A failed page is not kept: asking for the same page again fetches it again.
        if (wantedKey === key) wantedKey = null;
        set({ rows: [], hasMore: false, loading: false, loaded: true, error: res.error.message });
      }
    }

    return {
      ...initial(),

      async load(filters, page, opts) {
        const force = opts?.force === true;
        const key = pageKey(filters, page);
        if (key === wantedKey && !force) return;
        wantedKey = key;
        const ck = countKey(filters);
        const prev = get().filters;
        const listChanged = countKey(prev) !== ck || prev.sort !== filters.sort;
        set({ filters: { ...filters }, page, loading: true, error: null, ...(listChanged ? { loaded: false } : {}) });
        const counting = ck !== totalKey || force ? fetchCount(ck, filters) : Promise.resolve();
        await Promise.all([fetchPage(key, filters, page), counting]);
      },

      async reload() {
        const { filters, page } = get();
        await get().load(filters, page, { force: true });
      },

      reset() {
        wantedKey = null;
        totalKey = null;
        listSeq++;
        countSeq++;
        set(initial());
      },
    };
  });
}
