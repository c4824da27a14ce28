// 质效指标 (#/indicators): every indicator for a period and scope, 日监测, per division and judge; and the cases behind
// any figure (#/indicators/cases?…); the page of one division or judge (#/indicators/division?name=…); their stores.
import type { Feature } from '../types';
import { session, stores } from '../../stores';
import { DrillPage } from './DrillPage';
import { GroupPage } from './GroupPage';
import { groupPeriod, pageNotice } from './groupFigures';
import { createGroupStore, type GroupStore } from './groupStore';
import { IndicatorsPage, periodOf } from './IndicatorsPage';
import { DEFAULT_INDICATORS_ROUTE, formatIndicatorsRoute, parseIndicatorsRoute, type IndicatorCasesRoute, type IndicatorGroupRoute, type IndicatorsRoute } from './routes';
import { previousWeek, weekPeriod } from '../../../../shared/indicators/weekly';
import { createBoardStore, createDrillStore, type BoardStore, type DrillStore } from './store';
import { createMonthlyStore, type MonthlyStore } from './monthlyStore';
import { lastFullMonth } from '../../../../shared/indicators/months';

export type { IndicatorCasesRoute, IndicatorGroupRoute, IndicatorsRoute };

export interface IndicatorsStores {
  indicatorBoard: BoardStore;
  indicatorCases: DrillStore;
  indicatorMonthly: MonthlyStore;
  indicatorGroup: GroupStore;
}

export const indicatorsFeature: Feature<'indicators', IndicatorsRoute | IndicatorCasesRoute | IndicatorGroupRoute, IndicatorsStores> = {
  id: 'indicators',
  routeNames: ['indicators', 'indicatorCases', 'indicatorGroup'],
  listRoutes: ['indicatorCases'],
  parse: parseIndicatorsRoute,
  format: formatIndicatorsRoute,
  nav: {
    label: '质效指标',
    order: 40,
    requires: ['indicators.view'],
    useTarget: () => DEFAULT_INDICATORS_ROUTE,
  },
  title: (route) => (route.name === 'indicatorCases' ? '质效指标 · 案件' : route.name === 'indicatorGroup' ? `${route.who} · 质效指标` : '质效指标'),
  page: (route) => (route.name === 'indicatorCases' ? <DrillPage route={route} /> : route.name === 'indicatorGroup' ? <GroupPage route={route} /> : <IndicatorsPage route={route} />),
  load: async (route, s, permissions) => {
    if (route.name === 'indicatorCases') return s.indicatorCases.getState().load(route);
    const app = s.app.getState();
    if (!app.info) await app.loadInfo();
    if (route.name === 'indicatorGroup') return loadGroup(route, s, permissions);
    void s.app.getState().loadDivisions();
    const today = s.app.getState().info?.today;
    if (!today) return;
    if (route.view === 'monthly') return s.indicatorMonthly.getState().load({ month: route.month ?? lastFullMonth(today), today, scope: route.scope });
    const p = periodOf(route, today);
    const mode = route.view === 'daily' ? 'daily' : route.view === 'groups' || route.view === 'weekly' ? route.by : 'period';
    const previous = route.view === 'weekly' ? weekPeriod(previousWeek(p.from)) : undefined;
    await Promise.all([
      s.indicatorBoard.getState().load({ ...p, scope: route.scope, mode, ...(previous ? { previous } : {}) }),
      // 日监测's due-soon and overdue counts are 审限预警's own (the reader's scope, today).
      route.view === 'daily' && permissions.includes('cases.view') ? stores.deadlineSummary.getState().load() : null,
    ]);
  },
  createStores: (api) => ({ indicatorBoard: createBoardStore(api), indicatorCases: createDrillStore(api), indicatorMonthly: createMonthlyStore(api), indicatorGroup: createGroupStore(api) }),
};

/** A division's or judge's page: nothing is asked when the reader may not see it (the page says why instead). */
async function loadGroup(route: IndicatorGroupRoute, s: IndicatorsStores & { app: typeof stores.app }, permissions: readonly string[]): Promise<void> {
  await s.app.getState().loadJudges(null);
  const today = s.app.getState().info?.today;
  const user = session.getState().user;
  const judges = s.app.getState().judges.all ?? null;
  if (!today || !user || pageNotice(route, user, judges ? judges.map((j) => j.name) : null)) return s.indicatorGroup.getState().reset();
  const judgeId = route.kind === 'judge' && permissions.includes('cases.view') ? (judges?.find((j) => j.name === route.who)?.id ?? null) : null;
  await s.indicatorGroup.getState().load({ kind: route.kind, who: route.who, ...groupPeriod(route, today), today, judgeId });
}
