// 报送中院: what the section reads (this court's keys, the packages it wrote, the basic courts it received from), each
// read only when the signed-in person's permissions allow its call; the forms' acts put what they return back here.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Action } from '../../../../shared/accounts/roles';
import type { CourtDeskApi } from '../../../../shared/api/contract';
import type { PastExportView, ReceivedCourtView } from '../../../../shared/exchange/api';
import type { KeysView } from '../../../../shared/exchange/keysApi';

export type ExchangeApi = Pick<CourtDeskApi, 'exchange.keysShow' | 'exchange.exports' | 'exchange.courts'>;

/** One read: its value (null before it answered), its error. */
interface Read<T> {
  value: T | null;
  error: string | null;
}
const none = <T>(): Read<T> => ({ value: null, error: null });

export interface ExchangeState {
  keys: Read<KeysView>;
  exports: Read<PastExportView[]>;
  courts: Read<ReceivedCourtView[]>;
  /** Reads what these permissions allow (keys: exchange.keys; packages written: exchange.export; courts: exchange.receive). */
  load(permissions: readonly Action[]): Promise<void>;
  loadKeys(): Promise<void>;
  loadExports(): Promise<void>;
  loadCourts(): Promise<void>;
  /** What a keys act answered (init, import, recipient set). */
  setKeys(keys: KeysView): void;
  reset(): void;
}

export type ExchangeStore = StoreApi<ExchangeState>;

export function createExchangeStore(api: ExchangeApi): ExchangeStore {
  // A read answered after a reset (another person signed in) is dropped.
  let generation = 0;
  return createStore<ExchangeState>()((set, get) => {
    async function read<K extends 'keys' | 'exports' | 'courts'>(key: K, call: () => ReturnType<ExchangeApi[keyof ExchangeApi]>) {
      const gen = generation;
      const res = await call();
      if (gen !== generation) return;
      set({ [key]: res.ok ? { value: res.value, error: null } : { value: get()[key].value, error: res.error.message } } as Partial<ExchangeState>);
    }
    return {
      keys: none(),
      exports: none(),
      courts: none(),
      async load(permissions) {
        const reads: Array<Promise<void>> = [];
        if (permissions.includes('exchange.keys')) reads.push(get().loadKeys());
        if (permissions.includes('exchange.export')) reads.push(get().loadExports());
        if (permissions.includes('exchange.receive')) reads.push(get().loadCourts());
        await Promise.all(reads);
      },
      loadKeys: () => read('keys', () => api['exchange.keysShow']({})),
      loadExports: () => read('exports', () => api['exchange.exports']({})),
      loadCourts: () => read('courts', () => api['exchange.courts']({})),
      setKeys(keys) {
        set({ keys: { value: keys, error: null } });
      },
      reset() {
        generation++;
        set({ keys: none(), exports: none(), courts: none() });
      },
    };
  });
}
