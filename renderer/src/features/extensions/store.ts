// 延审审批: the queue (waiting or decided), how many wait for the signed-in person, one case's requests, and each act
// (request, opinion, decision, forwarding, the higher court's answer) sent one call at a time.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ApiArgs, ApiResponse, CourtDeskApi, ExtensionFilter, ExtensionRow } from '../../../../shared/api/contract';

/** 'all': every status, the list behind a figure of 延审原因分析 (with its filter). */
export type ExtensionsTab = 'waiting' | 'decided' | 'all';

export type ExtensionsApi = Pick<
  CourtDeskApi,
  'extensions.list' | 'extensions.request' | 'extensions.opinion' | 'extensions.decide' | 'extensions.forward' | 'extensions.higherCourt'
>;

export type ExtensionAct = 'extensions.request' | 'extensions.opinion' | 'extensions.decide' | 'extensions.forward' | 'extensions.higherCourt';

export type ActOutcome = { ok: true; row: ExtensionRow } | { ok: false; message: string; field: string | null };

/** What happened to one row of a decision taken on several at once. */
export interface BatchResult {
  id: number;
  caseNumber: string;
  ok: boolean;
  message: string;
}

/** The waiting requests whose next step is this person's: the queue names him (names joined by 、) as waitingFor. */
export function waitingForMe(rows: readonly ExtensionRow[], name: string | null | undefined): ExtensionRow[] {
  if (!name) return [];
  return rows.filter((r) => r.stage !== null && r.stage !== 'decided' && (r.waitingFor ?? '').split('、').includes(name));
}

/** Oldest request first (the president's desk), then by id so that the order never shifts between reads. */
export function oldestFirst(rows: readonly ExtensionRow[]): ExtensionRow[] {
  return [...rows].sort((a, b) => a.requestedOn.localeCompare(b.requestedOn) || a.id - b.id);
}

/** The queue as shown: what waits for this person first (a division head's opinions above the rest), each part oldest first. */
export function queueOrder(rows: readonly ExtensionRow[], name: string | null | undefined): ExtensionRow[] {
  const mine = new Set(waitingForMe(rows, name).map((r) => r.id));
  const sorted = oldestFirst(rows);
  return [...sorted.filter((r) => mine.has(r.id)), ...sorted.filter((r) => !mine.has(r.id))];
}

export interface ExtensionsState {
  tab: ExtensionsTab;
  /** The study figure's filter the list shows (null: none). */
  filter: ExtensionFilter | null;
  rows: ExtensionRow[] | null;
  loading: boolean;
  error: string | null;
  /** The waiting requests that wait for the signed-in person (the nav's badge); null before the first read. */
  mine: number | null;
  /** The sign-in notice (WaitingNotice) was closed: it stays closed until the next sign-in (reset). */
  noticeDismissed: boolean;
  /** The requests of the case page's case, every status. */
  caseRows: { caseNumber: string; rows: ExtensionRow[] } | null;
  busy: boolean;
  batch: BatchResult[] | null;
  /** `filter`: undefined keeps the current one, null clears it. */
  load(tab?: ExtensionsTab, filter?: ExtensionFilter | null): Promise<void>;
  loadCount(name: string): Promise<void>;
  loadCase(caseNumber: string): Promise<void>;
  act<M extends ExtensionAct>(method: M, args: ApiArgs<M>): Promise<ActOutcome>;
  /** One comment, approve or reject, for several requests: each is its own call (its own audit entry). */
  decideMany(ids: readonly number[], approve: boolean, comment: string): Promise<BatchResult[]>;
  dismissNotice(): void;
  reset(): void;
}

export type ExtensionsStore = StoreApi<ExtensionsState>;

/**
 * `me`: the signed-in person's name, read when needed; `caseChanged`: reloads the case page's case after an act on it
 * (an approval moves its due date).
 */
export function createExtensionsStore(
  api: ExtensionsApi,
  me: () => string | null = () => null,
  caseChanged: (caseNumber: string) => Promise<void> = () => Promise.resolve(),
): ExtensionsStore {
  let seq = 0;
    const initial = { tab: 'waiting' as ExtensionsTab, filter: null as ExtensionFilter | null, rows: null, loading: false, error: null, mine: null, noticeDismissed: false, caseRows: null, busy: false, batch: null };
  const store = createStore<ExtensionsState>()((set, get) => ({
    ...initial,
    async load(tab, filter) {
      const t = tab ?? get().tab;
      const f = filter === undefined ? get().filter : filter;
      const mine = ++seq;
      const same = t === get().tab && JSON.stringify(f) === JSON.stringify(get().filter);
      set({ tab: t, filter: f, loading: true, error: null, rows: same ? get().rows : null, batch: same ? get().batch : null });
      const res = await api['extensions.list']({ status: t, ...(f ?? {}) });
      if (mine !== seq) return;
      if (res.ok) {
        const name = me();
        // 已办: the latest first, as one looks back; the waiting queue: his own first, oldest first.
        const rows = t === 'decided' ? oldestFirst(res.value).reverse() : queueOrder(res.value, name);
        set({ rows, loading: false });
        if (t === 'waiting' && name) set({ mine: waitingForMe(rows, name).length });
      } else set({ loading: false, error: res.error.message });
    },
    async loadCount(name) {
      const res = await api['extensions.list']({ status: 'waiting' });
      if (res.ok) set({ mine: waitingForMe(res.value, name).length });
    },
    async loadCase(caseNumber) {
      const res = await api['extensions.list']({ status: 'all', caseNumber });
      if (res.ok) set({ caseRows: { caseNumber, rows: oldestFirst(res.value) } });
    },
    async act(method, args) {
      set({ busy: true, batch: null });
      const call = api[method] as (a: ApiArgs<typeof method>) => Promise<ApiResponse<ExtensionRow>>;
      const res = await call(args);
      set({ busy: false });
      if (!res.ok) return { ok: false, message: res.error.message, field: res.error.field ?? null };
      await refreshAfter(res.value.caseNumber);
      return { ok: true, row: res.value };
    },
    async decideMany(ids, approve, comment) {
      set({ busy: true, batch: null });
      const rows = get().rows ?? [];
      const out: BatchResult[] = [];
      // One after another, not at once: each decision is checked against the case as the one before left it.
      for (const id of ids) {
        const caseNumber = rows.find((r) => r.id === id)?.caseNumber ?? String(id);
        const res = await api['extensions.decide']({ id, approve, comment });
        out.push({ id, caseNumber, ok: res.ok, message: res.ok ? (approve ? '已批准' : '已不予批准') : res.error.message });
      }
      set({ busy: false, batch: out });
      for (const r of out) if (r.ok) await caseChanged(r.caseNumber);
      await get().load();
      return out;
    },
    dismissNotice() {
      set({ noticeDismissed: true });
    },
    reset() {
      seq++;
      set({ ...initial });
    },
  }));
  async function refreshAfter(caseNumber: string) {
    const s = store.getState();
    await caseChanged(caseNumber);
    if (s.caseRows?.caseNumber === caseNumber) await s.loadCase(caseNumber);
    if (s.rows) await s.load();
    else {
      const name = me();
      if (name) await s.loadCount(name);
    }
  }
  return store;
}
