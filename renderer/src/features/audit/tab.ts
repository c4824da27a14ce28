// 设置 · 审计日志 (#/settings/audit, audit.view): the tab, its store, and what opening it loads.
import type { SettingsTabEntry } from '../settings/routes';
import { createAuditStore, type AuditStore } from './store';

export interface AuditStores {
  audit: AuditStore;
}

export const auditTab: SettingsTabEntry<'audit', AuditStores> = {
  tab: 'audit',
  label: '审计日志',
  requires: 'audit.view',
  // The first page once; later visits keep the filters and page the person left.
  load: (stores) => stores.audit.getState().ensure(),
  createStores: (api) => ({ audit: createAuditStore(api) }),
};
