// The frame of every screen: the top bar (court, demo badge, today, who is signed in) and the left navigation.
import { useState, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { navSection, type Route } from '../lib/route';
import { formatDate } from '../lib/format';
import { navAccess, rolesText, userBadgeText, type NavKey } from '../lib/auth';
import { router, session, signOut, stores } from '../stores';
import { ChangePasswordDialog } from './ChangePasswordDialog';
import { Link } from './Link';

interface NavItem {
  key: NavKey;
  label: string;
  testId: string;
  soon?: boolean;
}

const NAV: NavItem[] = [
  { key: 'cases', label: '案件', testId: 'nav-cases' },
  { key: 'deadlines', label: '审限预警', testId: 'nav-deadlines' },
  { key: 'extensions', label: '延审审批', testId: 'nav-extensions', soon: true },
  { key: 'indicators', label: '质效指标', testId: 'nav-indicators', soon: true },
  { key: 'exchange', label: '报送中院', testId: 'nav-exchange', soon: true },
  { key: 'settings', label: '设置', testId: 'nav-settings' },
];

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

function navTarget(key: NavItem['key']): Route {
  if (key === 'cases') {
    const { filters, page } = stores.cases.getState();
    return { name: 'cases', filters, page };
  }
  if (key === 'deadlines') {
    const last = router.getState().lastList;
    return last.name === 'deadlines' ? last : { name: 'deadlines', view: 'overdue', page: 1 };
  }
  return { name: key };
}

function SideNav() {
  const route = useStore(router, (s) => s.route);
  const permissions = useStore(session, (s) => s.user?.permissions ?? NO_PERMISSIONS);
  // Re-render when the list's filters change so the 案件 link keeps them.
  useStore(stores.cases, (s) => s.filters);
  const lastList = useStore(router, (s) => s.lastList);
  // A case opened from 审限预警 keeps that entry lit.
  const active = route.name === 'case' ? navSection(lastList) : navSection(route);
  return (
    <nav className="sidenav" aria-label="主导航">
      <ul>
        {NAV.map((item) => {
          const access = navAccess(item.key, permissions);
          if (!access.allowed) {
            return (
              <li key={item.key}>
                <span className="nav-link disabled" data-testid={item.testId} aria-disabled="true" title={access.reason ?? undefined}>
                  <span className="nav-label">{item.label}</span>
                  <span className="nav-soon">无权限</span>
                </span>
              </li>
            );
          }
          return (
            <li key={item.key}>
              <Link
                to={navTarget(item.key)}
                className={`nav-link${active === item.key ? ' active' : ''}`}
                testId={item.testId}
                current={active === item.key}
              >
                <span className="nav-label">{item.label}</span>
                {item.soon ? <span className="nav-soon">即将推出</span> : null}
              </Link>
            </li>
          );
        })}
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
