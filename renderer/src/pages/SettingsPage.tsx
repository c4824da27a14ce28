// 设置: this installation and the person's own account for everyone; accounts, the audit log, backups and the idle
// lock for those whose roles allow them.
import { useState } from 'react';
import { useStore } from 'zustand';
import { Link } from '../components/Link';
import { ChangePasswordDialog } from '../components/ChangePasswordDialog';
import { SETTINGS_TABS, idleLockText, permissionHint, rolesText, scopeText, type SettingsTab } from '../lib/auth';
import { formatCount, formatDate } from '../lib/format';
import type { Route } from '../lib/route';
import { session, stores } from '../stores';
import { AccountsPanel } from './settings/AccountsPanel';
import { AuditPanel } from './settings/AuditPanel';
import { IdleLockPanel } from './settings/IdleLockPanel';
import { BackupPanel } from './settings/BackupPanel';
import { HolidayRollPanel } from './settings/HolidayRollPanel';

function tabRoute(tab: SettingsTab): Route {
  return tab === 'info' ? { name: 'settings' } : { name: 'settings', tab };
}

function InfoPanel() {
  const info = useStore(stores.app, (s) => s.info);
  const error = useStore(stores.app, (s) => s.infoError);
  return (
    <section className="panel">
      <h2>本机信息</h2>
      {error ? (
        <div className="banner error" role="alert">
          {error}
        </div>
      ) : null}
      {info ? (
        <dl className="kv">
          <dt>法院代码</dt>
          <dd data-testid="settings-court-code">{info.courtCode}</dd>
          <dt>法院名称</dt>
          <dd data-testid="settings-court-name">{info.courtName}</dd>
          <dt>数据类型</dt>
          <dd>{info.demo ? <span className="chip tone-warn">演示数据（程序生成，非真实案件）</span> : '正式数据'}</dd>
          <dt>数据库文件</dt>
          <dd className="path" data-testid="settings-db-path" title={info.dbPath}>
            {info.dbPath}
          </dd>
          <dt>数据结构版本</dt>
          <dd className="num">{info.schemaVersion}</dd>
          <dt>案件数</dt>
          <dd className="num" data-testid="settings-case-count">
            {formatCount(info.caseCount)} 件
          </dd>
          <dt>运行方式</dt>
          <dd>{info.host === 'electron' ? 'Electron 桌面程序' : '本机浏览器（本机服务）'}</dd>
          <dt>程序版本</dt>
          <dd className="num">{info.appVersion}</dd>
          <dt>系统日期</dt>
          <dd className="num">{formatDate(info.today)}</dd>
        </dl>
      ) : error ? null : (
        <p className="muted">正在读取…</p>
      )}
    </section>
  );
}

function MyAccountPanel() {
  const user = useStore(session, (s) => s.user);
  const minutes = useStore(session, (s) => s.idleLockMinutes);
  const [changing, setChanging] = useState(false);
  if (!user) return null;
  return (
    <section className="panel">
      <h2>我的账号</h2>
      <dl className="kv">
        <dt>姓名</dt>
        <dd data-testid="settings-user-name">{user.name}</dd>
        <dt>角色</dt>
        <dd>{rolesText(user.roles)}</dd>
        <dt>部门</dt>
        <dd>{user.division ?? '—'}</dd>
        <dt>查看范围</dt>
        <dd>{scopeText(user)}</dd>
        <dt>自动锁定</dt>
        <dd>{idleLockText(minutes)}</dd>
        <dt>口令</dt>
        <dd>
          <button type="button" data-testid="settings-change-password" onClick={() => setChanging(true)}>
            修改口令
          </button>
        </dd>
      </dl>
      {changing ? <ChangePasswordDialog onClose={() => setChanging(false)} /> : null}
    </section>
  );
}

export function SettingsPage({ tab }: { tab: SettingsTab }) {
  const permissions = useStore(session, (s) => s.user?.permissions) ?? [];
  const tabs = SETTINGS_TABS.filter((t) => t.requires === null || permissions.includes(t.requires));
  const allowed = tabs.some((t) => t.tab === tab);
  return (
    <div className="page page-scroll" data-testid="settings-page">
      <div className="page-head">
        <h1>设置</h1>
      </div>
      {tabs.length > 1 ? (
        <nav className="tabs" aria-label="设置分类">
          {tabs.map((t) => (
            <Link key={t.tab} to={tabRoute(t.tab)} className={`tab${t.tab === tab ? ' active' : ''}`} current={t.tab === tab} testId={`settings-tab-${t.tab}`}>
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
      ) : tab === 'accounts' ? (
        <AccountsPanel />
      ) : tab === 'audit' ? (
        <AuditPanel />
      ) : tab === 'backup' ? (
        <BackupPanel />
      ) : (
        <>
          <MyAccountPanel />
          <IdleLockPanel />
          <HolidayRollPanel />
          <InfoPanel />
          <section className="panel">
            <h2>更多设置</h2>
            <p className="muted">指标合理区间等，将在后续版本中提供。</p>
          </section>
        </>
      )}
    </div>
  );
}
