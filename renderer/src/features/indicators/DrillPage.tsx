// The cases behind one figure (#/indicators/cases?…): the figure in words, then its cases in the shared case table,
// each opening the case page; back to the page the figure stood on.
import { useStore } from 'zustand';
import { CaseTable } from '../../components/CaseTable';
import { Link } from '../../components/Link';
import { TotalLine } from '../../components/TotalLine';
import { formatCount } from '../../lib/format';
import { partTitle } from '../../../../shared/indicators/parts';
import { router, stores } from '../../stores';
import type { IndicatorCasesRoute } from './routes';

export function DrillPage({ route }: { route: IndicatorCasesRoute }) {
  const drill = useStore(stores.indicatorCases);
  const list = drill.list;
  const total = useStore(list, (s) => s.total);
  const totalLoading = useStore(list, (s) => s.totalLoading);
  const totalError = useStore(list, (s) => s.totalError);
  // The title in words is known before the answer; the core's (the same words) replaces it.
  const title = drill.title ?? partTitle(route.id, route.part, route.from, route.to);
  const narrowed = [route.scope.division, route.scope.judge, route.scope.stage, route.scope.procedure, route.scope.cause].filter(Boolean).join(' · ');
  return (
    <div className="page page-list" data-testid="ind-cases-page">
      <div className="page-head">
        <h1 data-testid="ind-cases-title">{title}</h1>
        <Link className="push-right no-print" to={{ name: 'indicators', view: 'overview', from: route.from, to: route.to, scope: route.scope, by: 'division', ind: route.id }} testId="ind-cases-back">
          返回质效指标
        </Link>
      </div>
      <div className="list-head">
        <span className="muted" data-testid="ind-cases-scope">{drill.scope ?? ''}{narrowed && !drill.scope ? narrowed : ''}</span>
        <TotalLine total={total} loading={totalLoading} error={totalError} />
        {drill.outOfScope > 0 ? (
          <span className="muted" data-testid="ind-cases-outside">另有 {formatCount(drill.outOfScope)} 件后续案件由其他部门或法官承办，计入指标但不在您的查看范围内。</span>
        ) : null}
      </div>
      <CaseTable store={list} onPage={(page) => router.getState().navigate({ ...route, page })} emptyText="这个数字背后没有案件" />
    </div>
  );
}
