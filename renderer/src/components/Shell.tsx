// The frame of every screen: the top bar (court, demo badge, today) and the left navigation.
import type { ReactNode } from 'react';
import { useStore } from 'zustand';
import { navSection, type Route } from '../lib/route';
import { formatDate } from '../lib/format';
import { router, stores } from '../stores';
import { Link } from './Link';

interface NavItem {
  key: 'cases' | 'deadlines' | 'extensions' | 'indicators' | 'exchange' | 'settings';
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
      <div className="topbar-right">{info ? <span className="today">今日 {formatDate(info.today)}</span> : null}</div>
    </header>
  );
}

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
  // Re-render when the list's filters change so the 案件 link keeps them.
  useStore(stores.cases, (s) => s.filters);
  const lastList = useStore(router, (s) => s.lastList);
  // A case opened from 审限预警 keeps that entry lit.
  const active = route.name === 'case' ? navSection(lastList) : navSection(route);
  return (
    <nav className="sidenav" aria-label="主导航">
      <ul>
        {NAV.map((item) => (
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

export function Shell({ children }: { children: ReactNode }) {
  return (
    <div className="app">
      <TopBar />
      <SideNav />
      <main className="main">{children}</main>
    </div>
  );
}
