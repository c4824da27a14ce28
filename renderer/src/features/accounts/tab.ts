// 设置 · 账号管理 (#/settings/accounts, accounts.manage): the tab, its store, and what opening it loads.
import type { SettingsTabEntry } from '../settings/routes';
import { createAccountsStore, type AccountsStore } from './store';

export interface AccountsStores {
  accounts: AccountsStore;
}

export const accountsTab: SettingsTabEntry<'accounts', AccountsStores> = {
  tab: 'accounts',
  label: '账号管理',
  requires: 'accounts.manage',
  // The divisions fill the 部门 choice of a new account.
  load: (stores) => Promise.all([stores.accounts.getState().load(), stores.app.getState().loadDivisions()]),
  createStores: (api) => ({ accounts: createAccountsStore(api) }),
};
