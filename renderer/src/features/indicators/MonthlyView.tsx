// 月分析: one month against the same month last year and the year to date against last year's, a chosen indicator's
// twelve-month trend with its range, and the indicators out of range this month with each division's value in name order.
import { useStore } from 'zustand';
import type { ChartConfiguration, Plugin } from 'chart.js';
import { INDICATORS, type IndicatorId } from '../../../../shared/indicators/catalogue';
import type { FlaggedValues } from '../../../../shared/indicators/api';
import type { IndicatorRange } from '../../../../shared/indicators/ranges';
import { RANGED_IDS } from '../../../../shared/indicators/ranges';
import { ClickChart } from '../../components/ClickChart';
import { Link } from '../../components/Link';
import { GroupLink } from './GroupLink';
import { Chart, LINE_STYLES, valueLabels } from '../../lib/chartSetup';
import { router, stores } from '../../stores';
import { change, mainPart, numberText, partFigures, rangeBadge, valueOf, valueText } from '../../../../shared/indicators/figures';
import { lastFullMonth, monthLabel, monthOf, MONTHLY_IDS, outsideCaption, shiftMonth, type Period } from '../../../../shared/indicators/months';
import { totalName } from '../../../../shared/indicators/weekly';
import type { MonthlyData } from './monthlyStore';
import { ReportButtons } from './ReportButtons';
import type { IndicatorCasesRoute, IndicatorScope, IndicatorsRoute } from './routes';


const casesOf = (id: IndicatorId, part: IndicatorCasesRoute['part'], p: Period, scope: IndicatorScope): IndicatorCasesRoute => ({ name: 'indicatorCases', id, part, from: p.from, to: p.to, scope, page: 1 });

function Figure({ id, values, period, scope, testId }: { id: IndicatorId; values: FlaggedValues; period: Period; scope: IndicatorScope; testId: string }) {
  const main = mainPart(id);
  const badge = rangeBadge(id, values);
  return (
    <>
      {main ? <Link to={casesOf(id, main, period, scope)} testId={testId} title="打开这个数字背后的案件">{valueText(id, values)}</Link> : <span data-testid={testId}>{valueText(id, values)}</span>}
      {/* Only the arrow in the table (the caption says what it means); the phrase is its tooltip. */}
      {badge?.outside ? <span className={`ind-range${badge.worse ? ' tone-danger' : ' tone-info'}`} title={badge.phrase}>{badge.mark.slice(0, 1)}</span> : null}
    </>
  );
}

function Change({ id, now, before }: { id: IndicatorId; now: FlaggedValues; before: FlaggedValues }) {
  const c = change(id, valueOf(id, now), valueOf(id, before));
  return <span className={`ind-change${c.better === true ? ' tone-ok' : c.better === false ? ' tone-danger' : ''}`}>{c.arrow} {c.text}</span>;
}

function Comparison({ data, scope }: { data: MonthlyData; scope: IndicatorScope }) {
  const p = data.periods;
  return (
    <div className="ind-monthly-wrap">
    <table className="note-table study-table ind-table ind-monthly-table" data-testid="ind-monthly-table">
      <caption>本月与去年同月、本年累计与去年同期累计（▼/▲ 为超出合理区间，红色为不利一侧）</caption>
      <thead>
        <tr>
          <th scope="col">指标</th>
          <th scope="col" className="num" title={`${p.month.from} 至 ${p.month.to}`}>本月</th>
          <th scope="col" className="num" title={`${p.lastYear.from} 至 ${p.lastYear.to}`}>去年同月</th>
          <th scope="col" className="num">同比</th>
          <th scope="col" className="num" title={`${p.ytd.from} 至 ${p.ytd.to}`}>本年累计</th>
          <th scope="col" className="num" title={`${p.lastYtd.from} 至 ${p.lastYtd.to}`}>去年同期累计</th>
          <th scope="col" className="num">同比</th>
        </tr>
      </thead>
      <tbody>
        {MONTHLY_IDS.map((id) => (
          <tr key={id} data-testid={`ind-month-row-${id}`}>
            <th scope="row" title={INDICATORS[id].formula}>{INDICATORS[id].name}</th>
            <td className="num"><Figure id={id} values={data.month.total} period={p.month} scope={scope} testId={`ind-month-${id}`} /></td>
            <td className="num"><Figure id={id} values={data.lastYear.total} period={p.lastYear} scope={scope} testId={`ind-lastyear-${id}`} /></td>
            <td className="num"><Change id={id} now={data.month.total} before={data.lastYear.total} /></td>
            <td className="num"><Figure id={id} values={data.ytd.total} period={p.ytd} scope={scope} testId={`ind-ytd-${id}`} /></td>
            <td className="num"><Figure id={id} values={data.lastYtd.total} period={p.lastYtd} scope={scope} testId={`ind-lastytd-${id}`} /></td>
            <td className="num"><Change id={id} now={data.ytd.total} before={data.lastYtd.total} /></td>
          </tr>
        ))}
      </tbody>
    </table>
    </div>
  );
}

/** The range's bounds as dashed, labelled lines across the trend, so they read in black-and-white print. */
function rangeLines(range: IndicatorRange | null, id: IndicatorId): Plugin<'line'> {
  return {
    id: 'indRangeLines',
    afterDatasetsDraw(chart) {
      if (!range) return;
      const { ctx } = chart;
      const { left, right, top, bottom } = chart.chartArea;
      ctx.save();
      for (const [v, word] of [[range.low, '下限'], [range.high, '上限']] as const) {
        if (v === null) continue;
        const y = chart.scales.y.getPixelForValue(v);
        if (y < top || y > bottom) continue;
        ctx.strokeStyle = '#7a1d14';
        ctx.lineWidth = 1.5;
        ctx.setLineDash([6, 4]);
        ctx.beginPath();
        ctx.moveTo(left, y);
        ctx.lineTo(right, y);
        ctx.stroke();
        ctx.setLineDash([]);
        // Written at the left on a white plate, over the points' own labels that crowd the right end.
        const text = `合理区间${word} ${numberText(id, v)}`;
        ctx.font = `12px ${Chart.defaults.font.family}`;
        const w = ctx.measureText(text).width + 6;
        ctx.fillStyle = 'rgba(255, 255, 255, 0.9)';
        ctx.fillRect(left + 30, y - 18, w, 15);
        ctx.fillStyle = '#7a1d14';
        ctx.textAlign = 'left';
        ctx.fillText(text, left + 33, y - 6);
      }
      ctx.restore();
    },
  };
}

/** What the trend draws: twelve months of figures, and the last (whose range the dashed lines show). */
export type TrendData = Pick<MonthlyData, 'trend' | 'month'>;

export function trendChart(id: IndicatorId, data: TrendData): ChartConfiguration<'line'> {
  const values = data.trend.map((t) => valueOf(id, t.result.total));
  const range = (data.month.total[id] as { range?: IndicatorRange | null }).range ?? null;
  // The axis reaches the range's bounds, so a dashed bound is drawn even when every month lies on one side of it.
  const all = [...values, range?.low ?? null, range?.high ?? null].filter((x): x is number => x !== null);
  return {
    type: 'line',
    data: {
      labels: data.trend.map((t) => monthLabel(t.month)),
      datasets: [{ label: INDICATORS[id].name, data: values, borderColor: LINE_STYLES[0].grey, backgroundColor: LINE_STYLES[0].grey, pointStyle: LINE_STYLES[0].point, pointRadius: 5, pointHoverRadius: 7, spanGaps: false }],
    },
    options: {
      scales: {
        y: { suggestedMin: all.length ? Math.min(...all) : 0, suggestedMax: all.length ? Math.max(...all) : 1, beginAtZero: INDICATORS[id].kind === 'count', title: { display: true, text: INDICATORS[id].name } },
        x: { grid: { display: false } },
      },
      // Room above the highest point for its value.
      layout: { padding: { top: 22, right: 24 } },
      plugins: { legend: { display: false } },
    },
    plugins: [valueLabels([], [0], (v) => numberText(id, v)), rangeLines(range, id)],
  };
}

/** The twelve-month trend of a chosen indicator, each point opening its month's cases (月分析, a division's or judge's page). */
export function Trend({ id, data, scope, onChoose }: { id: IndicatorId; data: TrendData; scope: IndicatorScope; onChoose(id: IndicatorId): void }) {
  const main = mainPart(id);
  return (
    <section className="ind-group" data-testid="ind-trend">
      <h2>近12个月走势</h2>
      <div className="ind-controls no-print">
        <label>
          指标{' '}
          <select value={id} data-testid="ind-trend-choose" onChange={(e) => onChoose(e.target.value as IndicatorId)}>
            {RANGED_IDS.map((k) => (
              <option key={k} value={k}>{INDICATORS[k].name}</option>
            ))}
          </select>
        </label>
      </div>
      <p className="muted">{INDICATORS[id].name}，{monthLabel(data.trend[0].month)}至{monthLabel(data.trend[11].month)}，每点为当月数值，当月没有数值（如分母为 0）处断开；虚线为合理区间。<span className="no-print">点击一个点可打开当月背后的案件。</span></p>
      <ClickChart
        config={() => trendChart(id, data)}
        version={JSON.stringify([id, data.trend[11].period, data.month.scope])}
        height={300}
        label={`${INDICATORS[id].name}近12个月走势`}
        testId="ind-trend-chart"
        onPick={(_d, i) => {
          const t = data.trend[i];
          if (main && t) router.getState().navigate(casesOf(id, main, t.period, scope));
        }}
      />
    </section>
  );
}

function OutOfRange({ data, scope }: { data: MonthlyData; scope: IndicatorScope }) {
  const total = data.month.total;
  const ids = RANGED_IDS.filter((id) => rangeBadge(id, total)?.outside);
  const groups = data.month.groups ?? [];
  const p = data.periods.month;
  return (
    <section className="ind-group" data-testid="ind-outside">
      <h2>超出合理区间的指标</h2>
      {ids.length === 0 ? <p className="muted" data-testid="ind-outside-none">本月没有超出合理区间的指标。</p> : null}
      {ids.map((id) => {
        const badge = rangeBadge(id, total)!;
        const main = mainPart(id);
        return (
          <div key={id} className="ind-outside-item" data-testid={`ind-outside-${id}`}>
            <h3>
              {INDICATORS[id].name}：{main ? <Link to={casesOf(id, main, p, scope)} title="打开这个数字背后的案件">{valueText(id, total)}</Link> : valueText(id, total)}{' '}
              <span className={`ind-range${badge.worse ? ' tone-danger' : ' tone-info'}`}>{badge.mark.slice(0, 1)} {badge.phrase}</span>
            </h3>
            {groups.length ? (
              <table className="note-table study-table ind-table">
                <caption>{outsideCaption(INDICATORS[id].name, totalName(data.month.scope), valueText(id, total))}</caption>
                <thead>
                  <tr>
                    <th scope="col">部门</th>
                    <th scope="col" className="num">{INDICATORS[id].name}</th>
                    <th scope="col">组成</th>
                    <th scope="col">合理区间</th>
                  </tr>
                </thead>
                <tbody>
                  {groups.map((g) => {
                    const b = rangeBadge(id, g.values);
                    const gs = { ...scope, division: g.name };
                    return (
                      <tr key={g.name} className={b?.worse ? 'ind-row-worse' : ''}>
                        <th scope="row"><GroupLink kind="division" who={g.name} from={p.from} to={p.to} /></th>
                        <td className="num">{main ? <Link to={casesOf(id, main, p, gs)}>{valueText(id, g.values)}</Link> : valueText(id, g.values)}</td>
                        <td>
                          {partFigures(id, g.values).map((f, i) => (
                            <span key={i} className="ind-part">
                              {f.label} {f.opens ? <Link to={casesOf(id, f.part, p, gs)}>{f.text}</Link> : f.text}
                            </span>
                          ))}
                        </td>
                        <td>{b?.outside ? <span className={`ind-range${b.worse ? ' tone-danger' : ' tone-info'}`}>{b.mark}{b.worse ? '（不利一侧）' : ''}</span> : b ? '区间内' : '—'}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            ) : null}
          </div>
        );
      })}
    </section>
  );
}

export function MonthlyView({ route, today }: { route: IndicatorsRoute; today: string }) {
  const m = useStore(stores.indicatorMonthly);
  const month = route.month ?? lastFullMonth(today);
  const go = (n: number) => router.getState().navigate({ ...route, month: shiftMonth(month, n) });
  const data = m.data;
  return (
    <div className="ind-monthly" data-testid="ind-monthly">
      <div className="ind-presets no-print">
        <button type="button" className="seg" data-testid="ind-month-prev" onClick={() => go(-1)}>上月</button>
        <strong className="seg-label selected" data-testid="ind-month">{monthLabel(month)}</strong>
        <button type="button" className="seg" data-testid="ind-month-next" disabled={shiftMonth(month, 1) > monthOf(today)} onClick={() => go(1)}>下月</button>
        <ReportButtons kind="monthly" date={`${month}-01`} what={monthLabel(month)} />
      </div>
      {m.error ? <div className="banner error" role="alert" data-testid="ind-error">{m.error}</div> : null}
      {data ? (
        <>
          <p className="study-lead" data-testid="ind-summary">
            {monthLabel(month)}（{data.periods.month.from} 至 {data.periods.month.to}{month === monthOf(today) ? '，本月尚未结束，去年同期也截至同一天' : ''}）· {data.month.scope}。<span className="no-print">点击任一数字可打开其背后的案件；</span>指标只作分析，不作排名。
          </p>
          <Comparison data={data} scope={route.scope} />
          <Trend id={route.ind} data={data} scope={route.scope} onChoose={(ind) => router.getState().navigate({ ...route, ind })} />
          <OutOfRange data={data} scope={route.scope} />
        </>
      ) : m.loading ? (
        <p className="muted">正在计算…</p>
      ) : null}
    </div>
  );
}
