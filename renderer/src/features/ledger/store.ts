// 脱薄台账 in the window: the ledger (ledger.list), the meeting a new measure comes from (ledger.meeting, for #/ledger?meeting=N), the pickers' people (ledger.people, keepers only), the signed-in person's own measures (ledger.mine, the start page's panel), the filters, and each form's act, after which what is shown is read again.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ApiArgs, ApiResponse, CourtDeskApi } from '../../../../shared/api/contract';
import type { LedgerPeople, LedgerView, MeasureView, MyMeasures } from '../../../../shared/ledger/api';
import { bareMessage } from '../cases/formFields';
import { NO_FILTER, type LedgerFilter } from './ledgerForms';

export type LedgerApi = Pick<
  CourtDeskApi,
  'ledger.list' | 'ledger.meeting' | 'ledger.mine' | 'ledger.people' | 'ledger.addWeakPoint' | 'ledger.updateWeakPoint' | 'ledger.addMeasure' | 'ledger.updateMeasure' | 'ledger.progress'
>;

export type LedgerAct = 'ledger.addWeakPoint' | 'ledger.updateWeakPoint' | 'ledger.addMeasure' | 'ledger.updateMeasure';

/** A form's answer: the id written, or the core's refusal with the argument it names (its box). */
export type ActOutcome = { ok: true; id: number } | { ok: false; message: string; field: string | undefined };
export type ProgressOutcome = { ok: true; measure: MeasureView } | { ok: false; message: string; field: string | undefined };

/** The monthly analysis meeting a new measure comes from, as the form names it. */
export interface MeasureOrigin {
  id: number;
  title: string;
  heldOn: string;
}

export interface LedgerState {
  view: LedgerView | null;
  loading: boolean;
  error: string | null;
  people: LedgerPeople | null;
  peopleError: string | null;
  mine: MyMeasures | null;
  mineError: string | null;
  filter: LedgerFilter;
  /** The meeting of #/ledger?meeting=N once read; originError when it could not be (the page stays plain). */
  origin: MeasureOrigin | null;
  originError: string | null;
  load(): Promise<void>;
  /** Reads the meeting a new measure comes from; null forgets it (the plain #/ledger). */
  loadOrigin(id: number | null): Promise<void>;
  loadPeople(): Promise<void>;
  loadMine(): Promise<void>;
  setFilter(patch: Partial<LedgerFilter>): void;
  act<M extends LedgerAct>(method: M, args: ApiArgs<M>): Promise<ActOutcome>;
  progress(args: ApiArgs<'ledger.progress'>): Promise<ProgressOutcome>;
  /** A measure as last read, wherever it was read (the ledger or the person's own), for the detail dialog. */
  measure(id: number): MeasureView | null;
  reset(): void;
}

export type LedgerStore = StoreApi<LedgerState>;

const refused = (r: Extract<ApiResponse<unknown>, { ok: false }>) => ({ ok: false as const, message: r.error.field ? bareMessage(r.error.message) : r.error.message, field: r.error.field });

export function createLedgerStore(api: LedgerApi): LedgerStore {
  // A read answered after a reset (another person signed in) is dropped; so is one overtaken by a newer read.
  let generation = 0;
  let listSeq = 0;
  let originSeq = 0;
  const initial = { view: null, loading: false, error: null, people: null, peopleError: null, mine: null, mineError: null, filter: NO_FILTER, origin: null, originError: null };
  const store = createStore<LedgerState>()((set, get) => ({
    ...initial,
    async load() {
      const gen = generation;
      const seq = ++listSeq;
      set({ loading: true, error: null });
      const r = await api['ledger.list']({});
      if (gen !== generation || seq !== listSeq) return;
      set(r.ok ? { view: r.value, loading: false } : { loading: false, error: r.error.message });
      if (r.ok && r.value.canManage && !get().people) await get().loadPeople();
    },
    async loadOrigin(id) {
      const gen = generation;
      const seq = ++originSeq;
      if (id === null) return set({ origin: null, originError: null });
      if (get().origin?.id === id) return;
      set({ origin: null, originError: null });
      const r = await api['ledger.meeting']({ id });
      if (gen !== generation || seq !== originSeq) return;
      set(r.ok ? { origin: { id: r.value.id, title: r.value.title, heldOn: r.value.heldOn } } : { originError: r.error.message });
    },
    async loadPeople() {
      const gen = generation;
      const r = await api['ledger.people']({});
      if (gen !== generation) return;
      set(r.ok ? { people: r.value, peopleError: null } : { peopleError: r.error.message });
    },
    async loadMine() {
      const gen = generation;
      const r = await api['ledger.mine']({});
      if (gen !== generation) return;
      set(r.ok ? { mine: r.value, mineError: null } : { mineError: r.error.message });
    },
    setFilter(patch) {
      set({ filter: { ...get().filter, ...patch } });
    },
    async act(method, args) {
      const call = api[method] as (a: ApiArgs<typeof method>) => Promise<ApiResponse<{ id: number }>>;
      const r = await call(args);
      if (!r.ok) return refused(r);
      await refresh();
      return { ok: true, id: r.value.id };
    },
    async progress(args) {
      const r = await api['ledger.progress'](args);
      if (!r.ok) return refused(r);
      await refresh();
      return { ok: true, measure: r.value };
    },
    measure(id) {
      const s = get();
      return s.view?.measures.find((m) => m.id === id) ?? s.mine?.measures.find((m) => m.id === id) ?? null;
    },
    reset() {
      generation++;
      set({ ...initial });
    },
  }));
  /** What this window shows is read again: the ledger if it was read, the person's own measures if they were. */
  async function refresh() {
    const s = store.getState();
    await Promise.all([s.view ? s.load() : null, s.mine ? s.loadMine() : null]);
  }
  return store;
}
