// Per division or per judge: one chosen indicator for each, in name order (never ranked), against the groups' median
// and range, as a table and a horizontal bar chart whose bars open the cases behind them.
import type { ChartConfiguration, Plugin } from 'chart.js';
import { INDICATOR_IDS, INDICATORS, type IndicatorId } from '../../../../shared/indicators/catalogue';
import type { IndicatorGroup, IndicatorsResult } from '../../../../shared/indicators/api';
import { ClickChart } from '../../components/ClickChart';
import { Link } from '../../components/Link';
import { GroupLink } from './GroupLink';
import { Chart, OUTCOME_SHADES, shadeFill, valueLabels } from '../../lib/chartSetup';
import { router } from '../../stores';
import { againstMedian, mainPart, noMedianNote, numberText, partFigures, spread, valueOf, valueText } from '../../../../shared/indicators/figures';
import type { IndicatorCasesRoute, IndicatorsRoute } from './routes';

/** A dashed line across the chart at the median, labelled, so a bar's position against it reads without colour. */
function medianLine(value: number | null, text: string): Plugin<'bar'> {
  return {
    id: 'indMedianLine',
    afterDatasetsDraw(chart) {
      if (value === null) return;
      const x = chart.scales.x.getPixelForValue(value);
      const { top, bottom } = chart.chartArea;
      const { ctx } = chart;
      ctx.save();
      ctx.strokeStyle = '#1f2933';
      ctx.lineWidth = 1.5;
      ctx.setLineDash([6, 4]);
      ctx.beginPath();
      ctx.moveTo(x, top);
      ctx.lineTo(x, bottom);
      ctx.stroke();
      ctx.setLineDash([]);
      ctx.font = `12px ${Chart.defaults.font.family}`;
      ctx.fillStyle = '#1f2933';
      // Beside the line, or before it where the canvas ends (a median at the axis' end).
      const flip = x + 4 + ctx.measureText(text).width > chart.width;
      ctx.textAlign = flip ? 'right' : 'left';
      ctx.fillText(text, flip ? x - 4 : x + 4, top + 10);
      ctx.restore();
    },
  };
}

export function groupBars(id: IndicatorId, groups: readonly IndicatorGroup[], med: number | null): ChartConfiguration<'bar'> {
  return {
    type: 'bar',
    data: {
      labels: groups.map((g) => `${g.name}（${valueText(id, g.values)}）`),
      datasets: [{ label: INDICATORS[id].name, data: groups.map((g) => valueOf(id, g.values)), backgroundColor: shadeFill(OUTCOME_SHADES[1]), borderColor: '#3e4c59', borderWidth: 1, maxBarThickness: 28 }],
    },
    options: {
      indexAxis: 'y',
      scales: { x: { beginAtZero: true, ticks: { precision: INDICATORS[id].kind === 'count' || INDICATORS[id].kind === 'distribution' ? 0 : undefined }, title: { display: true, text: INDICATORS[id].name } }, y: { grid: { display: false } } },
      // Room at the right for the median's label when the median is the axis' end (every judge at 100%).
      layout: { padding: { right: 64 } },
      plugins: { legend: { display: false } },
    },
    plugins: [valueLabels([OUTCOME_SHADES[1].label], [], (v) => numberText(id, v)), medianLine(med, `中位数 ${numberText(id, med)}`)],
  };
}

export function GroupsView({ route, result }: { route: IndicatorsRoute; result: IndicatorsResult }) {
  const id = route.ind;
  const groups = result.groups ?? [];
  const s = spread(groups.map((g) => valueOf(id, g.values)));
  const who = route.by === 'division' ? '部门' : '承办法官';
  const go = (patch: Partial<IndicatorsRoute>) => router.getState().navigate({ ...route, ...patch });
  const casesOf = (g: IndicatorGroup, part: IndicatorCasesRoute['part']): IndicatorCasesRoute => ({
    name: 'indicatorCases', id, part, from: result.from, to: result.to, scope: { ...route.scope, [route.by]: g.name }, page: 1,
  });
  const main = mainPart(id);
  return (
    <section className="ind-groups-view" data-testid="ind-groups-view">
      <div className="ind-controls no-print">
        <span role="group" aria-label="分组">
          {(['division', 'judge'] as const).map((b) => (
            <button key={b} type="button" className={`seg${route.by === b ? ' selected' : ''}`} aria-pressed={route.by === b} data-testid={`ind-by-${b}`} onClick={() => go({ by: b })}>
              {b === 'division' ? '按部门' : '按法官'}
            </button>
          ))}
        </span>
        <label>
          指标{' '}
          <select value={id} data-testid="ind-choose" onChange={(e) => go({ ind: e.target.value as IndicatorId })}>
            {INDICATOR_IDS.map((k) => (
              <option key={k} value={k}>{INDICATORS[k].name}</option>
            ))}
          </select>
        </label>
      </div>
      <p className="study-lead" data-testid="ind-spread">
        {INDICATORS[id].name}：全部 {valueText(id, result.total)}；各{who}中位数 <strong>{numberText(id, s.median)}</strong>，区间 {numberText(id, s.min)} 至 {numberText(id, s.max)}（{s.n} 个{who}有数值）。按名称排列，不作排名。
        {s.median === null && s.n > 0 ? <span data-testid="ind-no-median">{noMedianNote(who)}</span> : null}
      </p>
      {groups.length === 0 ? (
        <p className="muted" data-testid="ind-groups-empty">这段期间没有任何{who}有案件。</p>
      ) : (
        <>
          <ClickChart
            config={() => groupBars(id, groups, s.median)}
            version={JSON.stringify([id, route.by, result.from, result.to, result.scope, groups.length])}
            height={90 + 30 * groups.length}
            label={`各${who}的${INDICATORS[id].name}与中位数`}
            testId="ind-chart"
            onPick={(_d, i) => {
              if (main && groups[i]) router.getState().navigate(casesOf(groups[i], main));
            }}
          />
          <table className="note-table study-table ind-table" data-testid="ind-groups-table">
            <caption>各{who}的{INDICATORS[id].name}（按名称排列）</caption>
            <thead>
              <tr>
                <th scope="col">{who}</th>
                <th scope="col" className="num">{INDICATORS[id].name}</th>
                <th scope="col">组成</th>
                <th scope="col">与中位数比较</th>
              </tr>
            </thead>
            <tbody>
              {groups.map((g) => (
                <tr key={g.name}>
                  <th scope="row"><GroupLink kind={route.by} who={g.name} from={result.from} to={result.to} /></th>
                  <td className="num">{main ? <Link to={casesOf(g, main)}>{valueText(id, g.values)}</Link> : valueText(id, g.values)}</td>
                  <td>
                    {partFigures(id, g.values).map((p, i) => (
                      <span key={i} className="ind-part">
                        {p.label} {p.opens ? <Link to={casesOf(g, p.part)}>{p.text}</Link> : p.text}
                      </span>
                    ))}
                  </td>
                  <td>{againstMedian(id, valueOf(id, g.values), s.median)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
