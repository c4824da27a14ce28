// 质效指标 (#/indicators): the period and scope, then 指标总览 (every indicator in its group), 日监测 (today against
// yesterday, with due-soon and overdue cases), 分部门·分法官 (one indicator per group against the median) or 月分析.
import { useStore } from 'zustand';
import { Link } from '../../components/Link';
import { ScopeLine } from '../../components/ScopeLine';
import { formatCount } from '../../lib/format';
import { presetPeriod } from '../../lib/period';
import { router, session, stores } from '../../stores';
import { ownPage } from './groupFigures';
import { GroupsView } from './GroupsView';
import { IndicatorGrid } from './IndicatorGrid';
import { MonthlyView } from './MonthlyView';
import { PeriodBar } from './PeriodBar';
import { WeeklyView } from './WeeklyView';
import { weekLead, weekOf, weekPeriod } from '../../../../shared/indicators/weekly';
import { groupRoute, INDICATOR_VIEWS, VIEW_LABELS, type IndicatorsRoute } from './routes';
import './indicators.css';

/** The period a route shows: its own, or this month to date; 日监测 is today; 周通报 its week (Monday to Sunday). */
export function periodOf(route: IndicatorsRoute, today: string): { from: string; to: string } {
  if (route.view === 'daily') return { from: today, to: today };
  if (route.view === 'weekly') return weekPeriod(weekOf(route.week, today));
  return route.from && route.to && route.from <= route.to ? { from: route.from, to: route.to } : presetPeriod('month', today);
}

function DueCards() {
  const summary = useStore(stores.deadlineSummary, (s) => s.summary);
  const cards = [
    ['overdue', '超审限未结', summary?.overdue],
    ['due7', '7日内到期', summary?.dueWithin7],
    ['due15', '15日内到期', summary?.dueWithin15],
    ['due30', '30日内到期', summary?.dueWithin30],
  ] as const;
  return (
    <section className="ind-group" data-testid="ind-due">
      <h2>审限</h2>
      <div className="ind-grid">
        {cards.map(([view, label, n]) => (
          <div key={view} className="ind-tile">
            <div className="ind-name">{label}</div>
            <div className="ind-value">
              <Link to={{ name: 'deadlines', view, page: 1 }} testId={`ind-due-${view}`} title="在审限预警中查看">{n === undefined ? '—' : formatCount(n)}</Link>
            </div>
            <div className="ind-parts muted">您查看范围内的未结案件，按今日计算</div>
          </div>
        ))}
      </div>
    </section>
  );
}

export function IndicatorsPage({ route }: { route: IndicatorsRoute }) {
  const board = useStore(stores.indicatorBoard);
  const user = useStore(session, (u) => u.user);
  const own = user ? ownPage(user) : null;
  const today = useStore(stores.app, (a) => a.info?.today ?? null);
  const r = board.result;
  const p = today ? periodOf(route, today) : null;
  return (
    <div className="page page-scroll ind-page" data-testid="ind-page">
      <div className="page-head">
        <h1>质效指标</h1>
        <ScopeLine />
        {own ? <Link className="push-right no-print" to={groupRoute(own.kind, own.who, route.from, route.to)} testId="ind-own-page" title="本人或本部门的指标页：主要指标、近12个月走势">{own.label}</Link> : null}
        <button type="button" className={`${own ? '' : 'push-right '}no-print`} onClick={() => window.print()}>打印</button>
      </div>
      <div className="ind-tabs no-print" role="tablist" aria-label="视图">
        {INDICATOR_VIEWS.map((v) => (
          <button key={v} type="button" role="tab" aria-selected={route.view === v} className={`seg${route.view === v ? ' selected' : ''}`} data-testid={`ind-view-${v}`} onClick={() => router.getState().navigate({ ...route, view: v })}>
            {VIEW_LABELS[v]}
          </button>
        ))}
      </div>
      {route.view === 'monthly' ? (today ? <MonthlyView route={route} today={today} /> : null) : <>
      {p && today && route.view !== 'weekly' ? (
        <PeriodBar from={p.from} to={p.to} today={today} scope={route.scope} daily={route.view === 'daily'} onChange={(n) => router.getState().navigate({ ...route, ...n })} />
      ) : null}
      {board.error ? (
        <div className="banner error" role="alert" data-testid="ind-error">
          {board.error}
        </div>
      ) : null}
      {r ? (
        <p className="study-lead" data-testid="ind-summary">
          {route.view === 'weekly' ? weekLead(r.from) : route.view === 'daily' ? `${r.to}（今日）与前一日` : `统计期间 ${r.from} 至 ${r.to}`} · {r.scope}。<span className="no-print">点击任一数字可打开其背后的案件；</span>{route.view === 'weekly' ? '指标只作分析。' : '指标只作分析，不作排名。'}
        </p>
      ) : board.loading ? (
        <p className="muted">正在计算…</p>
      ) : null}
      {r && route.view === 'overview' && r.total.received.value + r.total.carriedOver.value === 0 ? (
        <div className="notice" data-testid="ind-empty">这段期间{r.scope.startsWith('本人') ? '您' : '所选范围内'}没有在办案件，各比率显示为“—”。可以换一个统计期间，例如点击“本年”。</div>
      ) : null}
      {r && route.view === 'groups' ? <GroupsView route={route} result={r} /> : null}
      {route.view === 'weekly' && today ? <WeeklyView route={route} today={today} result={r} last={board.yesterday} /> : null}
      {r && route.view === 'daily' ? <DueCards /> : null}
      {r && route.view !== 'groups' && route.view !== 'weekly' ? (
        <IndicatorGrid values={r.total} from={r.from} to={r.to} scope={route.scope} yesterday={route.view === 'daily' ? (board.yesterday?.total ?? null) : undefined} />
      ) : null}
      </>}
    </div>
  );
}
