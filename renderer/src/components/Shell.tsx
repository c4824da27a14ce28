// The frame of every screen: the top bar (court, demo badge, today, who is signed in) and the left navigation, one
// entry per feature.
import { useState, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { Action } from '../../../shared/accounts/roles';
import { formatDate } from '../lib/format';
import { rolesText, userBadgeText } from '../lib/auth';
import { navAccess } from '../router/access';
import { features, isUnderListRoute, litSection, navSection, type AnyFeature } from '../router/routes';
import { router, session, signOut, stores } from '../stores';
import { ChangePasswordDialog } from './ChangePasswordDialog';
import { Link } from './Link';

function TopBar() {
  const info = useStore(stores.app, (s) => s.info);
  const infoError = useStore(stores.app, (s) => s.infoError);
  return (
    <header className="topbar">
      <div className="brand">法院质效台</div>
      <div className="court" title={info ? `${info.courtName}（${info.courtCode}）` : undefined}>
        {info ? (
          <>
            <span className="court-name">{info.courtName}</span>
            <span className="court-code">{info.courtCode}</span>
          </>
        ) : infoError ? (
          <span className="court-error">无法读取本院信息：{infoError}</span>
        ) : (
          <span className="court-loading">正在读取本院信息…</span>
        )}
      </div>
      {info?.demo ? (
        <span className="demo-badge" data-testid="demo-badge" title="当前使用的是程序生成的演示数据库，其中的案件和人员均为虚构，不是真实数据">
          演示数据
        </span>
      ) : null}
      <div className="topbar-right">
        {info ? <span className="today">今日 {formatDate(info.today)}</span> : null}
        <UserMenu />
      </div>
    </header>
  );
}

function UserMenu() {
  const user = useStore(session, (s) => s.user);
  const [changing, setChanging] = useState(false);
  const [leaving, setLeaving] = useState(false);
  if (!user) return null;
  const detail = [`角色：${rolesText(user.roles)}`, user.division ? `部门：${user.division}` : null, `查看范围：${user.scope}`].filter(Boolean).join('\n');
  return (
    <div className="user-menu">
      <span className="user-badge" data-testid="user-badge" title={detail}>
        {userBadgeText(user)}
      </span>
      <button type="button" className="link-button" data-testid="change-password" onClick={() => setChanging(true)}>
        修改口令
      </button>
      <button
        type="button"
        data-testid="signout"
        disabled={leaving}
        onClick={() => {
          setLeaving(true);
          void signOut().finally(() => setLeaving(false));
        }}
      >
        退出
      </button>
      {changing ? <ChangePasswordDialog onClose={() => setChanging(false)} /> : null}
    </div>
  );
}

const NO_PERMISSIONS: never[] = [];

/** The side navigation's entries: every feature, by the order of its entry. */
function navFeatures(): AnyFeature[] {
  return [...features()].sort((a, b) => a.nav.order - b.nav.order);
}

function NavItem({ feature, active, permissions }: { feature: AnyFeature; active: boolean; permissions: readonly Action[] }) {
  const { id, nav } = feature;
  // A hook: the 案件 entry re-renders when the list's filters change, so its link keeps them.
  const target = nav.useTarget();
  const testId = `nav-${id}`;
  const access = navAccess(id, permissions);
  if (!access.allowed) {
    return (
      <li>
        <span className="nav-link disabled" data-testid={testId} aria-disabled="true" title={access.reason ?? undefined}>
          <span className="nav-label">{nav.label}</span>
          <span className="nav-soon">无权限</span>
        </span>
      </li>
    );
  }
  return (
    <li>
      <Link to={target} className={`nav-link${active ? ' active' : ''}`} testId={testId} current={active}>
        <span className="nav-label">{nav.label}</span>
        {nav.soon ? <span className="nav-soon">即将推出</span> : null}
        {nav.useCount ? <NavCount useCount={nav.useCount} label={nav.label} testId={`${testId}-count`} /> : null}
      </Link>
    </li>
  );
}

/** The badge of an entry: how many wait for this person there. A component, so its hook runs only when allowed. */
function NavCount({ useCount, label, testId }: { useCount(): number | null; label: string; testId: string }) {
  const n = useCount();
  if (!n) return null;
  return (
    <span className="nav-count" data-testid={testId} title={`${label}：${n} 件等待您办理`}>
      {n > 99 ? '99+' : n}
    </span>
  );
}

function SideNav() {
  const route = useStore(router, (s) => s.route);
  const permissions = useStore(session, (s) => s.user?.permissions ?? NO_PERMISSIONS);
  const lastList = useStore(router, (s) => s.lastList);
  // A case opened from 审限预警 keeps that entry lit.
  const active = isUnderListRoute(route) ? navSection(lastList) : litSection(route);
  return (
    <nav className="sidenav" aria-label="主导航">
      <ul>
        {navFeatures().map((f) => (
          <NavItem key={f.id} feature={f} active={active === f.id} permissions={permissions} />
        ))}
      </ul>
      <div className="sidenav-foot">
        离线运行
        <br />
        数据只保存在本机
      </div>
    </nav>
  );
}

export function Shell({ children, inert }: { children: ReactNode; inert?: boolean }) {
  return (
    <div className="app" inert={inert} aria-hidden={inert ? true : undefined}>
      <TopBar />
      <SideNav />
      <main className="main">{children}</main>
    </div>
  );
}
