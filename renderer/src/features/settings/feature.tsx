// 设置 (#/settings and #/settings/<tab>): open to everyone; each tab checks its own permission and loads its own data.
import type { Feature } from '../types';
import { SettingsPage } from './SettingsPage';
import {
  SETTINGS_TABS,
  formatSettingsRoute,
  parseSettingsRoute,
  settingsTabEntry,
  tabAllowed,
  type SettingsRoute,
  type SettingsStores,
} from './routes';

export const settingsFeature: Feature<'settings', SettingsRoute, SettingsStores> = {
  id: 'settings',
  routeNames: ['settings'],
  parse: parseSettingsRoute,
  format: formatSettingsRoute,
  nav: { label: '设置', order: 90, requires: [], useTarget: () => ({ name: 'settings' }) },
  title: () => '设置',
  page: (route) => <SettingsPage tab={route.tab ?? 'info'} />,
  load(route, stores, permissions) {
    const tab = settingsTabEntry(route.tab ?? 'info');
    if (!tab.load) return stores.app.getState().loadInfo();
    // A refused call is written to the audit log as an attempt: ask nothing the tab's permission would refuse.
    if (!tabAllowed(tab, permissions)) return Promise.resolve();
    return tab.load(stores);
  },
  createStores: (api) => Object.assign({}, ...SETTINGS_TABS.map((t) => t.createStores?.(api) ?? {})) as SettingsStores,
};
