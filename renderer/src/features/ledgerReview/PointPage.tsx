// The weak point page (#/ledger/point?id=N): "did it move" in words, then per target indicator a chart with the target and the measures' dates and a table of the months; each point opens its cases.
import { useStore } from 'zustand';
import { ClickChart } from '../../components/ClickChart';
import { Link } from '../../components/Link';
import { router, stores } from '../../stores';
import type { IndicatorTrend, TrendDrill, TrendMeasure, TrendView } from '../../../../shared/ledger/trendApi';
import { monthLabel } from '../../../../shared/indicators/months';
import type { IndicatorCasesRoute } from '../indicators/routes';
import { MEETINGS_ROUTE, ledgerHref, type LedgerPointRoute } from './routes';
import { trendChartConfig } from './trendChart';
import { VerdictLine } from './VerdictLine';
import './ledgerReview.css';

export function drillRoute(d: TrendDrill): IndicatorCasesRoute {
  return { name: 'indicatorCases', id: d.id, part: d.part, from: d.from, to: d.to, scope: {}, page: 1 };
}

const PART_WORDS: Record<string, string> = { numerator: '分子案件', denominator: '分母案件', count: '案件' };

function MonthsTable({ t }: { t: IndicatorTrend }) {
  const ratio = t.kind === 'ratio' || t.kind === 'ratioPair';
  return (
    <div className="note-wrap">
      <table className="note-table lr-months" data-testid={`lr-months-${t.indicator}`}>
        <caption className="lr-sr-only">{t.name}逐月数值</caption>
        <thead>
          <tr>
            <th scope="col">月份</th>
            <th scope="col" className="num">{t.name}</th>
            {ratio ? <th scope="col" className="num">分子</th> : null}
            {ratio ? <th scope="col" className="num">分母</th> : null}
            <th scope="col">与目标相比</th>
            <th scope="col">案件</th>
          </tr>
        </thead>
        <tbody>
          {t.points.map((p) => {
            const met = p.value === null ? null : t.better === 'lower' ? p.value <= t.target : p.value >= t.target;
            return (
              <tr key={p.month} data-testid="lr-month-row" data-month={p.month}>
                <th scope="row">{p.label}</th>
                <td className="num">{p.value === null ? '—' : p.text.replace(/（.*$/, '')}</td>
                {ratio ? <td className="num">{p.numerator ?? '—'}</td> : null}
                {ratio ? <td className="num">{p.denominator ?? '—'}</td> : null}
                <td>{met === null ? '无数值' : met ? '✓ 已达到' : '✗ 未达到'}</td>
                <td>
                  {p.drill ? (
                    <Link to={drillRoute(p.drill)} testId="lr-month-drill">
                      {PART_WORDS[p.drill.part] ?? '案件'}
                    </Link>
                  ) : '—'}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function IndicatorSection({ t, view }: { t: IndicatorTrend; view: TrendView }) {
  return (
    <section className="lr-indicator" data-testid={`lr-indicator-${t.indicator}`}>
      <h2>
        {t.name} <span className="muted lr-target">目标 {t.targetText}，{t.dueOn} 前达到</span>
      </h2>
      <VerdictLine verdict={t.verdict} testId={`lr-verdict-${t.indicator}`} />
      <p className="muted lr-note">
        {monthLabel(view.fromMonth)}至{monthLabel(view.toMonth)}全院逐月数值；措施实施前取首项措施开始前最多 6 个完整月合计，实施后取开始当月起的完整月合计，本月截至今日的数值不计入判断。
        粗虚线为目标；竖实线（▶）为措施开始，竖点线为措施完成（■）或截止（◆）；菱形点为本月截至今日的数值。<span className="no-print">点击一个点可打开当月背后的案件。</span>
      </p>
      <ClickChart
        config={() => trendChartConfig(t, view.measures)}
        version={JSON.stringify([view.weakPoint.id, t.indicator, view.today, t.points.length])}
        height={320}
        label={`${t.name}逐月走势，${t.verdict.sentence}`}
        testId={`lr-chart-${t.indicator}`}
        onPick={(_d, i) => {
          const d = t.points[i]?.drill;
          if (d) router.getState().navigate(drillRoute(d));
        }}
      />
      <MonthsTable t={t} />
    </section>
  );
}

function MeasuresTable({ measures }: { measures: TrendMeasure[] }) {
  if (!measures.length) return <p className="muted" data-testid="lr-no-measures">这一薄弱点还没有整改措施。在台账页新增措施后，这里按措施开始前后判断指标是否改善。</p>;
  return (
    <div className="note-wrap">
      <table className="note-table" data-testid="lr-measures">
        <thead>
          <tr>
            <th scope="col">措施</th>
            <th scope="col">类别</th>
            <th scope="col">开始</th>
            <th scope="col">截止</th>
            <th scope="col">完成</th>
            <th scope="col">状态</th>
          </tr>
        </thead>
        <tbody>
          {measures.map((m) => (
            <tr key={m.id} data-testid="lr-measure-row">
              <td>{m.text}</td>
              <td>{m.kindLabel}</td>
              <td>{m.startOn}</td>
              <td>{m.dueOn}</td>
              <td>{m.doneOn ?? '—'}</td>
              <td>{m.statusLabel}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function PointPage({ route }: { route: LedgerPointRoute }) {
  const data = useStore(stores.ledgerTrend, (s) => s.data);
  const loading = useStore(stores.ledgerTrend, (s) => s.loading);
  const error = useStore(stores.ledgerTrend, (s) => s.error);
  const view = data && data.weakPoint.id === route.id ? data : null;
  return (
    <div className="page page-scroll lr-page" data-testid="ledger-point-page">
      <div className="page-head">
        <h1>{view ? `薄弱点：${view.weakPoint.text}` : '薄弱点'}</h1>
        <span className="muted">{view ? `${view.weakPoint.foundByLabel}发现于 ${view.weakPoint.foundOn} · ${view.scope}` : loading ? '正在读取…' : ''}</span>
        <a className="link-button push-right" href={ledgerHref()} data-testid="lr-back-ledger">返回台账</a>
        <Link to={MEETINGS_ROUTE} className="link-button">月分析会</Link>
      </div>
      {error ? <div className="banner error" role="alert">{error}</div> : null}
      {view ? (
        <>
          <section className="lr-summary" aria-label="是否改善" data-testid="lr-summary">
            <h2 className="lr-sr-only">是否改善</h2>
            {view.indicators.length === 0 ? <p className="muted">这一薄弱点没有设定指标目标。</p> : null}
            <ul className="lr-verdicts">
              {view.indicators.map((t) => (
                <li key={t.indicator}>
                  <strong>{t.name}</strong>：<VerdictLine verdict={t.verdict} inline />
                </li>
              ))}
            </ul>
            <p className="muted">
              {view.firstStartOn ? `首项措施 ${view.firstStartOn} 开始实施。` : '尚无措施，走势自发现薄弱点前 6 个月起。'}
            </p>
          </section>
          {view.indicators.map((t) => <IndicatorSection key={t.indicator} t={t} view={view} />)}
          <section className="lr-indicator">
            <h2>针对这一薄弱点的措施</h2>
            <MeasuresTable measures={view.measures} />
          </section>
        </>
      ) : null}
    </div>
  );
}
