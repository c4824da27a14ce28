// The screens, chosen by the route.
import { useEffect } from 'react';
import { useStore } from 'zustand';
import { Shell } from './components/Shell';
import { Link } from './components/Link';
import { CasePage } from './pages/CasePage';
import { CasesPage } from './pages/CasesPage';
import { ComingSoonPage } from './pages/ComingSoonPage';
import { DeadlinesPage } from './pages/DeadlinesPage';
import { SettingsPage } from './pages/SettingsPage';
import { DEFAULT_ROUTE, type Route } from './lib/route';
import { router, stores } from './stores';
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

function Screen({ route }: { route: Route }) {
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
      return <SettingsPage />;
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
  const infoErrorCode = useStore(stores.app, (s) => s.infoErrorCode);
  const infoError = useStore(stores.app, (s) => s.infoError);
  useEffect(() => {
    document.title = `${route.name === 'case' ? route.caseNumber : TITLES[route.name]} - 法院质效台`;
  }, [route]);
  if (infoErrorCode === 'STARTUP_FAILED') return <StartupFailure message={infoError ?? ''} />;
  return (
    <Shell>
      <Screen route={route} />
    </Shell>
  );
}
