// 设置: the tabs this person may open, and the panel of the chosen one (本机与安全 for everyone; 合理区间, accounts, the
// audit log and backups for those whose roles allow them).
import type { ComponentType } from 'react';
import { useStore } from 'zustand';
import { Link } from '../../components/Link';
import { permissionHint } from '../../lib/auth';
import { session } from '../../stores';
import { AccountsPanel } from '../accounts/AccountsPanel';
import { AuditPanel } from '../audit/AuditPanel';
import { BackupPanel } from '../backup/BackupPanel';
import { InfoTab } from './InfoTab';
import { RangesPanel } from './ranges/RangesPanel';
import { SETTINGS_TABS, settingsTabRoute, tabAllowed, type SettingsTab } from './routes';

/** Every tab of SETTINGS_TABS has its panel here (the type says so). */
const PANELS: Record<SettingsTab, ComponentType> = {
  info: InfoTab,
  ranges: RangesPanel,
  accounts: AccountsPanel,
  audit: AuditPanel,
  backup: BackupPanel,
};

export function SettingsPage({ tab }: { tab: SettingsTab }) {
  const permissions = useStore(session, (s) => s.user?.permissions) ?? [];
  const tabs = SETTINGS_TABS.filter((t) => tabAllowed(t, permissions));
  const allowed = tabs.some((t) => t.tab === tab);
  const Panel = PANELS[tab];
  return (
    <div className="page page-scroll" data-testid="settings-page">
      <div className="page-head">
        <h1>设置</h1>
      </div>
      {tabs.length > 1 ? (
        <nav className="tabs" aria-label="设置分类">
          {tabs.map((t) => (
            <Link key={t.tab} to={settingsTabRoute(t.tab)} className={`tab${t.tab === tab ? ' active' : ''}`} current={t.tab === tab} testId={`settings-tab-${t.tab}`}>
              {t.label}
            </Link>
          ))}
        </nav>
      ) : null}
      {!allowed ? (
        <div className="notice" data-testid="no-access">
          <p>您的角色不能使用这部分设置：{permissionHint([SETTINGS_TABS.find((t) => t.tab === tab)?.requires ?? 'settings.manage'])}。</p>
          <Link to={{ name: 'settings' }}>返回设置</Link>
        </div>
      ) : (
        <Panel />
      )}
    </div>
  );
}
