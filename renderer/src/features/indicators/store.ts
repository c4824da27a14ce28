// 质效指标's stores: the figures of the period asked (indicators.compute), yesterday's beside today's for 日监测, the
// figures per division or judge; and the cases behind one figure, served to the shared case table.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { CourtDeskApi } from '../../../../shared/api/contract';
import type { IndicatorsComputeArgs, IndicatorsResult } from '../../../../shared/indicators/api';
import { addDays } from '../../../../shared/dates/calendar';
import { createCaseListStore, type CaseListStore } from '../cases/caseList';
import { DEFAULT_FILTERS } from '../cases/filters';
import type { IndicatorCasesRoute, IndicatorScope } from './routes';
import { PAGE_SIZE } from '../../lib/paging';

export type IndicatorsApi = Pick<CourtDeskApi, 'indicators.compute' | 'indicators.cases'>;

export interface BoardAsk {
  from: string;
  to: string;
  scope: IndicatorScope;
  /** daily: today and yesterday (from = to = today); groups: per division or judge. */
  mode: 'period' | 'daily' | 'division' | 'judge';
  /** 周通报: the week before, computed the same way, for the change (kept in `yesterday`). */
  previous?: { from: string; to: string };
}

export interface BoardState {
  ask: BoardAsk | null;
  result: IndicatorsResult | null;
  /** 日监测: yesterday's figures; 周通报: last week's; for the change. */
  yesterday: IndicatorsResult | null;
  loading: boolean;
  error: string | null;
  load(ask: BoardAsk): Promise<void>;
  reset(): void;
}

export type BoardStore = StoreApi<BoardState>;

export function createBoardStore(api: Pick<IndicatorsApi, 'indicators.compute'>): BoardStore {
  let seq = 0;
  const initial = { ask: null, result: null, yesterday: null, loading: false, error: null };
  return createStore<BoardState>()((set, get) => ({
    ...initial,
    async load(ask) {
      const same = JSON.stringify(ask) === JSON.stringify(get().ask);
      const mine = ++seq;
      set({ ask, loading: true, error: null, ...(same ? {} : { result: null, yesterday: null }) });
      const args: IndicatorsComputeArgs = { from: ask.from, to: ask.to, ...ask.scope };
      if (ask.mode === 'division' || ask.mode === 'judge') args.by = ask.mode;
      const day = addDays(ask.to, -1);
      const before = ask.mode === 'daily' ? { from: day, to: day } : (ask.previous ?? null);
      const [res, prev] = await Promise.all([
        api['indicators.compute'](args),
        before ? api['indicators.compute']({ ...args, ...before }) : Promise.resolve(null),
      ]);
      if (mine !== seq) return;
      if (!res.ok) set({ result: null, yesterday: null, loading: false, error: res.error.message });
      else if (prev && !prev.ok) set({ result: res.value, yesterday: null, loading: false, error: prev.error.message });
      else set({ result: res.value, yesterday: prev ? prev.value : null, loading: false });
    },
    reset() {
      seq++;
      set({ ...initial });
    },
  }));
}

export interface DrillState {
  route: IndicatorCasesRoute | null;
  title: string | null;
  scope: string | null;
  outOfScope: number;
  /** The page of cases, in the shared case table's store. */
  list: CaseListStore;
  load(route: IndicatorCasesRoute): Promise<void>;
  reset(): void;
}

export type DrillStore = StoreApi<DrillState>;

/**
 * The cases behind a figure through the case list's own store: its cases.list and cases.count are answered from
 * indicators.cases for the figure asked last, so the table, its pager and its states are the case list's.
 */
export function createDrillStore(api: Pick<IndicatorsApi, 'indicators.cases'>): DrillStore {
  let current: IndicatorCasesRoute | null = null;
  const argsOf = (r: IndicatorCasesRoute) => ({ id: r.id, part: r.part, from: r.from, to: r.to, ...r.scope });
  const store = createStore<DrillState>()((set) => {
    const list = createCaseListStore({
      'cases.list': async (a) => {
        const r = current!;
        const res = await api['indicators.cases']({ ...argsOf(r), offset: a.offset ?? 0, limit: a.limit ?? PAGE_SIZE });
        if (!res.ok) return res;
        if (r === current) set({ title: res.value.title, scope: res.value.scope, outOfScope: res.value.outOfScope });
        return { ok: true, value: { rows: res.value.rows, offset: res.value.offset, hasMore: res.value.hasMore } };
      },
      'cases.count': async () => {
        const res = await api['indicators.cases']({ ...argsOf(current!), limit: 1 });
        return res.ok ? { ok: true, value: { count: res.value.total } } : res;
      },
    });
    return {
      route: null,
      title: null,
      scope: null,
      outOfScope: 0,
      list,
      async load(route) {
        const figure = JSON.stringify(argsOf(route));
        const changed = !current || JSON.stringify(argsOf(current)) !== figure;
        current = route;
        set({ route, ...(changed ? { title: null, scope: null, outOfScope: 0 } : {}) });
        await list.getState().load({ ...DEFAULT_FILTERS }, route.page, { force: changed });
      },
      reset() {
        current = null;
        list.getState().reset();
        set({ route: null, title: null, scope: null, outOfScope: 0 });
      },
    };
  });
  return store;
}
