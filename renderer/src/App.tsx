// The screens: before the app, who is signing in (setup, sign-in, lock, new password); then the page of the feature
// that serves the route.
import { useEffect } from 'react';
import { useStore } from 'zustand';
import { Shell } from './components/Shell';
import { Link } from './components/Link';
import { NoAccess } from './components/NoAccess';
import { useIdleLock } from './features/auth/useIdleLock';
import { SetupPage } from './features/auth/SetupPage';
import { SignInPage } from './features/auth/SignInPage';
import { LockScreen } from './features/auth/LockScreen';
import { MustChangePage } from './features/auth/MustChangePage';
import { ConnectFailure } from './features/auth/ConnectFailure';
import { StartupFailure } from './features/auth/StartupFailure';
import type { SessionPhase } from './features/auth/session';
import { routeAllowed, routeNavKey } from './router/access';
import { DEFAULT_ROUTE, featureOf, routeTitle, type Route } from './router/routes';
import { router, session, stores } from './stores';

const PHASE_TITLES: Partial<Record<SessionPhase, string>> = {
  loading: '正在启动',
  failed: '无法启动',
  setup: '建立本院数据库',
  signIn: '登录',
  locked: '已锁定',
  mustChange: '修改口令',
};

function NotFound({ path }: { path: string }) {
  return (
    <div className="page page-scroll">
      <div className="notice" role="alert">
        <h1>页面不存在</h1>
        <p>地址“{path}”没有对应的页面。</p>
        <Link to={DEFAULT_ROUTE}>返回案件列表</Link>
      </div>
    </div>
  );
}

function Screen({ route }: { route: Route }) {
  const permissions = useStore(session, (s) => s.user?.permissions);
  if (!routeAllowed(route, permissions ?? [])) {
    const key = routeNavKey(route);
    if (key) return <NoAccess section={key} />;
  }
  if (route.name === 'notFound') return <NotFound path={route.path} />;
  return featureOf(route)?.page(route) ?? null;
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
    document.title = `${PHASE_TITLES[phase] ?? routeTitle(route)} - 法院质效台`;
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
