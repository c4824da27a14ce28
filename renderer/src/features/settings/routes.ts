// 设置 addresses (#/settings, #/settings/accounts, …) and its tabs in order, each with the permission it needs.
// Pure data (the tabs' panels are mapped in SettingsPage), so the router can read it without loading any page.
import type { Action } from '../../../../shared/accounts/roles';
import type { CourtDeskApi } from '../../../../shared/api/contract';
import type { HashPath } from '../../router/hash';
import type { SharedStores, StoresOf, UnionToIntersection } from '../types';
import { accountsTab } from '../accounts/tab';
import { auditTab } from '../audit/tab';
import { backupTab } from '../backup/tab';
import { rangesTab } from './ranges/tab';

/** One tab of 设置: its address segment, label and permission, what opening it loads, the stores it owns. */
export interface SettingsTabEntry<T extends string, S extends object = object> {
  tab: T;
  label: string;
  /** null: everyone. A tab the person may not open is not offered, and its address says why. */
  requires: Action | null;
  /** Without it, opening the tab reads app.info again (本机信息, the holiday switch). */
  load?(stores: S & SharedStores): Promise<unknown>;
  createStores?(api: CourtDeskApi): S;
}

/** 本机与安全: this installation and the person's own account; the tab of #/settings itself. */
const infoTab: SettingsTabEntry<'info'> = { tab: 'info', label: '本机与安全', requires: null };

/** The tabs in the order shown. A new tab: its folder, one line here, and its panel in SettingsPage. */
export const SETTINGS_TABS = [infoTab, rangesTab, accountsTab, auditTab, backupTab] as const;

export type SettingsTab = (typeof SETTINGS_TABS)[number]['tab'];
/** The tabs with an address of their own (#/settings/accounts …); none means 本机与安全. */
export type SettingsSubpage = Exclude<SettingsTab, 'info'>;
export type SettingsStores = UnionToIntersection<StoresOf<(typeof SETTINGS_TABS)[number]>>;

export interface SettingsRoute {
  name: 'settings';
  tab?: SettingsSubpage;
}

function isSubpage(s: string): s is SettingsSubpage {
  return s !== 'info' && SETTINGS_TABS.some((t) => t.tab === s);
}

export function parseSettingsRoute({ head, parts }: HashPath): SettingsRoute | null {
  if (head !== 'settings') return null;
  if (parts.length === 1) return { name: 'settings' };
  if (parts.length === 2 && isSubpage(parts[1])) return { name: 'settings', tab: parts[1] };
  return null;
}

export function formatSettingsRoute(route: SettingsRoute): string {
  return route.tab ? `#/settings/${route.tab}` : '#/settings';
}

export function settingsTabRoute(tab: SettingsTab): SettingsRoute {
  return tab === 'info' ? { name: 'settings' } : { name: 'settings', tab };
}

export function settingsTabEntry(tab: SettingsTab): (typeof SETTINGS_TABS)[number] {
  return SETTINGS_TABS.find((t) => t.tab === tab) ?? infoTab;
}

export function tabAllowed(entry: { requires: Action | null }, permissions: readonly Action[]): boolean {
  return entry.requires === null || permissions.includes(entry.requires);
}

/** The settings tabs this person may open. */
export function visibleSettingsTabs(permissions: readonly Action[]): SettingsTab[] {
  return SETTINGS_TABS.filter((t) => tabAllowed(t, permissions)).map((t) => t.tab);
}
