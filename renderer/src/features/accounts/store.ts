// 账号管理: the accounts of this court (users.list) and the administrator's changes to them. Nobody is ever deleted.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ApiArgs, CourtDeskApi, UserView } from '../../../../shared/api/contract';

export interface AccountsState {
  users: UserView[];
  loading: boolean;
  loaded: boolean;
  error: string | null;
  load(opts?: { force?: boolean }): Promise<void>;
  /** Each returns null on success or the server's message. */
  add(args: ApiArgs<'users.add'>): Promise<string | null>;
  setActive(name: string, active: boolean): Promise<string | null>;
  resetPassword(name: string, password: string): Promise<string | null>;
  /** Forgets everything (another person signs in). */
  reset(): void;
}

export type AccountsStore = StoreApi<AccountsState>;
export type AccountsApi = Pick<CourtDeskApi, 'users.list' | 'users.add' | 'users.setActive' | 'users.resetPassword'>;

/** One account replaced (or added) in the list, keeping the list's order. */
export function mergeUser(users: readonly UserView[], u: UserView): UserView[] {
  const i = users.findIndex((x) => x.name === u.name);
  if (i < 0) return [...users, u];
  const next = users.slice();
  next[i] = u;
  return next;
}

const INITIAL = { users: [] as UserView[], loading: false, loaded: false, error: null as string | null };

export function createAccountsStore(api: AccountsApi): AccountsStore {
  let seq = 0;
  return createStore<AccountsState>()((set, get) => ({
    ...INITIAL,

    async load(opts) {
      if (!opts?.force && (get().loading || get().loaded)) return;
      const mine = ++seq;
      set({ loading: true, error: null });
      const res = await api['users.list']({});
      if (mine !== seq) return;
      if (res.ok) set({ users: res.value, loading: false, loaded: true, error: null });
      else set({ loading: false, loaded: false, error: res.error.message });
    },

    async add(args) {
      const res = await api['users.add'](args);
      if (!res.ok) return res.error.message;
      set({ users: mergeUser(get().users, res.value) });
      return null;
    },

    async setActive(name, active) {
      const res = await api['users.setActive']({ name, active });
      if (!res.ok) return res.error.message;
      set({ users: mergeUser(get().users, res.value) });
      return null;
    },

    async resetPassword(name, password) {
      const res = await api['users.resetPassword']({ name, password });
      if (!res.ok) return res.error.message;
      set({ users: mergeUser(get().users, res.value) });
      return null;
    },

    reset() {
      seq++;
      set({ ...INITIAL });
    },
  }));
}
