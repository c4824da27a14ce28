// The screens: before the app, who is signing in (setup, sign-in, lock, new password); then the one the route names.
import { useEffect } from 'react';
import { useStore } from 'zustand';
import { Shell } from './components/Shell';
import { Link } from './components/Link';
import { NoAccess } from './components/NoAccess';
import { useIdleLock } from './components/useIdleLock';
import { routeAllowed, routeNavKey } from './lib/auth';
import { SetupPage } from './pages/auth/SetupPage';
import { SignInPage } from './pages/auth/SignInPage';
import { LockScreen } from './pages/auth/LockScreen';
import { MustChangePage } from './pages/auth/MustChangePage';
import { ConnectFailure } from './pages/ConnectFailure';
import { CasePage } from './pages/CasePage';
import { CasesPage } from './pages/CasesPage';
import { ComingSoonPage } from './pages/ComingSoonPage';
import { DeadlinesPage } from './pages/DeadlinesPage';
import { SettingsPage } from './pages/SettingsPage';
import { DEFAULT_ROUTE, type Route } from './lib/route';
import { router, session, stores } from './stores';
import type { SessionPhase } from './stores/session';
import { StartupFailure } from './pages/StartupFailure';

const TITLES: Record<Route['name'], string> = {
  cases: '案件',
  case: '案件详情',
  deadlines: '审限预警',
  extensions: '延审审批',
  indicators: '质效指标',
  exchange: '报送中院',
  settings: '设置',
  notFound: '页面不存在',
};

const PHASE_TITLES: Partial<Record<SessionPhase, string>> = {
  loading: '正在启动',
  failed: '无法启动',
  setup: '建立本院数据库',
  signIn: '登录',
  locked: '已锁定',
  mustChange: '修改口令',
};

function Screen({ route }: { route: Route }) {
  const permissions = useStore(session, (s) => s.user?.permissions);
  if (!routeAllowed(route, permissions ?? [])) {
    const key = routeNavKey(route);
    if (key) return <NoAccess section={key} />;
  }
  switch (route.name) {
    case 'cases':
      return <CasesPage />;
    case 'case':
      return <CasePage caseNumber={route.caseNumber} />;
    case 'deadlines':
      return <DeadlinesPage view={route.view} />;
    case 'extensions':
    case 'indicators':
    case 'exchange':
      return <ComingSoonPage section={route.name} />;
    case 'settings':
      return <SettingsPage tab={route.tab ?? 'info'} />;
    case 'notFound':
      return (
        <div className="page page-scroll">
          <div className="notice" role="alert">
            <h1>页面不存在</h1>
            <p>地址“{route.path}”没有对应的页面。</p>
            <Link to={DEFAULT_ROUTE}>返回案件列表</Link>
          </div>
        </div>
      );
  }
}

export function App() {
  const route = useStore(router, (s) => s.route);
  const phase = useStore(session, (s) => s.phase);
  const failure = useStore(session, (s) => s.failure);
  const underLock = useStore(session, (s) => s.underLock);
  const idleMinutes = useStore(session, (s) => s.idleLockMinutes);
  const infoErrorCode = useStore(stores.app, (s) => s.infoErrorCode);
  const infoError = useStore(stores.app, (s) => s.infoError);
  useIdleLock(phase === 'ready' || phase === 'mustChange', idleMinutes);
  useEffect(() => {
    const title = PHASE_TITLES[phase] ?? (route.name === 'case' ? route.caseNumber : TITLES[route.name]);
    document.title = `${title} - 法院质效台`;
  }, [route, phase]);

  if (phase === 'failed' && failure) {
    return failure.code === 'STARTUP_FAILED' ? <StartupFailure message={failure.message} /> : <ConnectFailure message={failure.message} />;
  }
  if (infoErrorCode === 'STARTUP_FAILED') return <StartupFailure message={infoError ?? ''} />;
  switch (phase) {
    case 'loading':
      return <div className="boot muted">正在启动法院质效台…</div>;
    case 'setup':
      return <SetupPage />;
    case 'signIn':
      return <SignInPage />;
    case 'mustChange':
      return <MustChangePage />;
    default: {
      // Locked: the page the person was on stays mounted behind the lock (hidden, unreachable), so unlocking
      // continues exactly there, half-filled forms included.
      const locked = phase === 'locked';
      const showApp = !locked || underLock === 'ready';
      return (
        <>
          {showApp ? (
            <Shell inert={locked}>
              <Screen route={route} />
            </Shell>
          ) : null}
          {locked ? <LockScreen /> : null}
        </>
      );
    }
  }
}
