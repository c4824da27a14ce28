// 周通报: one week's key indicators for each division or judge in name order, then the whole scope and the groups'
// median, each value against its range and with the change from last week; every count or ratio opens its cases.
import { INDICATORS } from '../../../../shared/indicators/catalogue';
import type { IndicatorsResult } from '../../../../shared/indicators/api';
import { Link } from '../../components/Link';
import { GroupLink } from './GroupLink';
import { router } from '../../stores';
import type { IndicatorCasesRoute, IndicatorsRoute } from './routes';
import { ReportButtons } from './ReportButtons';
import { columnName, totalName, defaultWeek, nextWeek, previousWeek, weekOf, weekPeriod, weeklyMedianNote, weeklyRows, WEEKLY_IDS, type WeeklyCell, type WeeklyRow } from '../../../../shared/indicators/weekly';

function CellView({ c, to }: { c: WeeklyCell; to: IndicatorCasesRoute | null }) {
  const tone = c.change.better === null ? '' : c.change.better ? ' tone-ok' : ' tone-danger';
  return (
    <td className="num wk-cell" data-testid={`wk-cell-${c.id}`}>
      <span className="wk-value">{to ? <Link to={to} title="打开这些案件">{c.text}</Link> : c.text}</span>
      {c.badge?.outside ? (
        <span className={`wk-mark${c.badge.worse ? ' tone-danger' : ' tone-info'}`} title={c.badge.phrase} data-testid={`wk-mark-${c.id}`}>
          {c.badge.mark.slice(0, 1)}
        </span>
      ) : null}
      <span className={`wk-change${tone}`} data-testid={`wk-change-${c.id}`} title="与上周比较">
        {c.change.arrow === '↑' || c.change.arrow === '↓' ? `${c.change.arrow}${c.change.text.slice(1)}` : c.change.text}
      </span>
    </td>
  );
}

export function WeeklyView({ route, today, result, last }: { route: IndicatorsRoute; today: string; result: IndicatorsResult | null; last: IndicatorsResult | null }) {
  const monday = weekOf(route.week, today);
  const latest = defaultWeek(today);
  const go = (patch: Partial<IndicatorsRoute>) => router.getState().navigate({ ...route, ...patch });
  const who = route.by === 'division' ? '部门' : '承办法官';
  const { from, to } = weekPeriod(monday);
  const casesOf = (row: WeeklyRow, c: WeeklyCell): IndicatorCasesRoute | null =>
    row.kind === 'median' || !c.part
      ? null
      : { name: 'indicatorCases', id: c.id, part: c.part, from, to, scope: row.kind === 'group' ? { ...route.scope, [route.by]: row.name } : route.scope, page: 1 };
  const rows = result ? weeklyRows(result, last, totalName(result.scope)) : [];
  return (
    <section className="wk-view" data-testid="wk-view">
      <div className="ind-controls no-print">
        <button type="button" data-testid="wk-prev" onClick={() => go({ week: previousWeek(monday) })}>上一周</button>
        <strong data-testid="wk-week">{from} 至 {to}</strong>
        <button type="button" data-testid="wk-next" disabled={monday >= latest} title={monday >= latest ? '下一周尚未结束' : undefined} onClick={() => go({ week: nextWeek(monday) })}>下一周</button>
        <span role="group" aria-label="分组">
          {(['division', 'judge'] as const).map((b) => (
            <button key={b} type="button" className={`seg${route.by === b ? ' selected' : ''}`} aria-pressed={route.by === b} data-testid={`wk-by-${b}`} onClick={() => go({ by: b })}>
              {b === 'division' ? '按部门' : '按法官'}
            </button>
          ))}
        </span>
        <ReportButtons kind="weekly" date={monday} what={`${from} 至 ${to}`} />
      </div>
      {result ? (
        <table className="note-table study-table ind-table wk-table" data-testid="wk-table">
          <caption>
            周通报 · 各{who}（按名称排列）· 每格：本周数值、区间标记（▼ 低于合理区间，▲ 高于合理区间）、与上周相比的变化
          </caption>
          <thead>
            <tr>
              <th scope="col">{who}</th>
              {WEEKLY_IDS.map((id) => (
                <th key={id} scope="col" className="num" title={`${INDICATORS[id].name}：${INDICATORS[id].formula}`}>{columnName(id)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={`${row.kind}-${row.name}`} className={`wk-${row.kind}`} data-testid={row.kind === 'group' ? 'wk-row' : `wk-${row.kind}`} data-name={row.name}>
                <th scope="row">{row.kind === 'group' ? <GroupLink kind={route.by} who={row.name} from={from} to={to} /> : row.name}</th>
                {row.cells.map((c) => (
                  <CellView key={c.id} c={c} to={casesOf(row, c)} />
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {result && rows.length === 2 ? <p className="muted" data-testid="wk-empty">这一周没有任何{who}有案件。</p> : null}
      {result && weeklyMedianNote(rows, who) ? <p className="muted" data-testid="wk-no-median">{weeklyMedianNote(rows, who)}</p> : null}
    </section>
  );
}
