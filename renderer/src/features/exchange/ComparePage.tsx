// 各院对比 (#/exchange/compare): every basic court's latest figures side by side against this court's ranges, with the courts' median and 偏高/偏低 marks in words and symbol; then one chosen indicator's 12 months per court as small multiples on one axis. Court-code order, never a rank (不得通报排名).
import { useState } from 'react';
import { useStore } from 'zustand';
import { INDICATORS, type IndicatorId } from '../../../../shared/indicators/catalogue';
import { numberText } from '../../../../shared/indicators/figures';
import { RANGED_IDS, rangeText } from '../../../../shared/indicators/ranges';
import { monthLabel } from '../../../../shared/indicators/months';
import { COMPARE_ALL_IDS, COMPARE_KEY_IDS, COMPARE_MARKS } from '../../../../shared/exchange/compareText';
import type { CompareView, TrendsView } from '../../../../shared/exchange/compareApi';
import { ClickChart } from '../../components/ClickChart';
import { Link } from '../../components/Link';
import { router, session, stores } from '../../stores';
import { latestText, sharedAxis, smallMultiple } from './compareCharts';
import type { ExchangeCompareRoute } from './compareRoutes';

/**
 * What stands instead of the figures when none are asked for (a basic court, an account without 接收报送包) or while
 * they are read: the page is never left blank.
 */
export function CompareGate({ loaded }: { loaded: boolean }) {
  const info = useStore(stores.app, (x) => x.info);
  const mayReceive = useStore(session, (x) => x.user?.permissions.includes('exchange.receive') ?? false);
  if (!info) return <p className="muted">正在读取…</p>;
  if (info.courtLevel !== 'intermediate')
    return (
      <p className="muted" data-testid="xc-compare-basic">
        本院设置为基层法院：各院对比是中级法院的功能。
      </p>
    );
  if (!mayReceive)
    return (
      <p className="panel muted" data-testid="xc-compare-denied">
        查看各院对比需要“接收报送包”权限（审管办、院领导）；本账号没有这项权限，请向系统管理员申请。
      </p>
    );
  return loaded ? null : <p className="muted">正在读取…</p>;
}

const courtRoute = (code: string) => ({ name: 'exchangeCourt' as const, code, filter: 'open' as const, page: 1 });

function CompareTable({ v, ids }: { v: CompareView; ids: readonly IndicatorId[] }) {
  const ranges = new Map(v.ranges.map((r) => [r.id, r]));
  return (
    <div className="note-wrap xc-table-wrap">
      <table className="note-table xc-compare" data-testid="xc-compare-table">
        <thead>
          <tr>
            <th scope="col">法院</th>
            <th scope="col">报送期间</th>
            {ids.map((id) => (
              <th key={id} scope="col" className="num">
                {INDICATORS[id].name}
              </th>
            ))}
          </tr>
          <tr className="xc-range-row">
            {/* One column each, not a span of two: a sticky span would cover the first column scrolled under it. */}
            <th scope="row">本院合理区间</th>
            <td />
            {ids.map((id) => {
              const r = ranges.get(id);
              return (
                <td key={id} className="num muted">
                  {r ? rangeText(INDICATORS[id], r) : '—'}
                </td>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {v.courts.map((c) => (
            <tr key={c.courtCode} data-testid="xc-compare-court" data-code={c.courtCode}>
              <th scope="row">
                <Link to={courtRoute(c.courtCode)} testId="xc-compare-open">
                  {c.courtName}
                </Link>
                <span className="muted xc-code">{c.courtCode}</span>
              </th>
              <td className="xc-nowrap">
                {c.periodFrom}
                <br />至 {c.periodTo}
              </td>
              {ids.map((id) => {
                const x = c.values[id];
                const mark = COMPARE_MARKS[x.status];
                return (
                  <td key={id} className={`num${mark ? ' xc-out' : ''}`} data-id={id} data-status={x.status}>
                    {numberText(id, x.value)}
                    {mark ? <span className="xc-mark">{mark}</span> : null}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr data-testid="xc-compare-median">
            <th scope="row">各院中位数</th>
            <td />
            {ids.map((id) => (
              <td key={id} className="num">
                {numberText(id, v.medians[id])}
              </td>
            ))}
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

function SmallMultiples({ t, onChoose }: { t: TrendsView; onChoose(id: IndicatorId): void }) {
  const axis = sharedAxis(t);
  const range = t.range ? rangeText(INDICATORS[t.indicator], t.range) : '未设区间';
  return (
    <section className="panel xc-panel" data-testid="xc-trends">
      <h2>近12个月走势</h2>
      <div className="ind-controls no-print">
        <label>
          指标{' '}
          <select value={t.indicator} data-testid="xc-trend-choose" onChange={(e) => onChoose(e.target.value as IndicatorId)}>
            {RANGED_IDS.map((k) => (
              <option key={k} value={k}>
                {INDICATORS[k].name}
              </option>
            ))}
          </select>
        </label>
      </div>
      {t.months.length > 0 ? (
        <p className="muted">
          {INDICATORS[t.indicator].name}，{monthLabel(t.months[0]!)}至{monthLabel(t.months.at(-1)!)}。各图纵轴相同；实线为该院每月数值（缺月处断开），虚线为各院中位数，灰带为本院合理区间（{range}）。
        </p>
      ) : null}
      <div className="xc-multiples">
        {t.courts.map((c, i) => {
          return (
            <figure key={c.courtCode} className="xc-multiple" data-testid="xc-multiple" data-code={c.courtCode}>
              <figcaption title={c.courtName}>
                <strong>{c.courtName}</strong>
                <span className="muted" data-testid="xc-multiple-latest">
                  最近 {latestText(t, i)}
                </span>
              </figcaption>
              <ClickChart
                config={() => smallMultiple(t, i, axis)}
                version={JSON.stringify([t.indicator, t.months.at(-1), c.values, t.medians])}
                height={170}
                label={`${c.courtName}${INDICATORS[t.indicator].name}近12个月走势`}
                testId="xc-multiple-chart"
                onPick={() => router.getState().navigate(courtRoute(c.courtCode))}
              />
            </figure>
          );
        })}
      </div>
    </section>
  );
}

export function ComparePage({ route }: { route: ExchangeCompareRoute }) {
  const s = useStore(stores.exchangeCompare);
  const info = useStore(stores.app, (x) => x.info);
  const v = s.compare;
  const [all, setAll] = useState(false);
  const intermediate = info?.courtLevel === 'intermediate';
  return (
    <div className="page page-scroll xc-page" data-testid="xc-compare-page">
      <div className="page-head">
        <h1>各院对比</h1>
        <Link to={{ name: 'exchange' }} className="muted">
          返回接收报送包
        </Link>
      </div>
      <p className="muted xc-lead">
        各基层法院最近一个报送包的指标，与本院的合理区间比较（▲偏高、▼偏低），并列出各院中位数。按法院代码排列，不排名次。点击法院名称查看该院的案件和延长审限申请。
      </p>
      {s.error && intermediate ? (
        <p className="form-error" role="alert" data-testid="xc-compare-error">
          {s.error}
        </p>
      ) : null}
      <CompareGate loaded={Boolean(v) || Boolean(s.error)} />
      {v && v.courts.length === 0 ? (
        <section className="panel xc-panel" data-testid="xc-compare-empty">
          <p>尚未导入任何基层法院的报送包。</p>
          <p className="muted">在“接收报送包”页核验并导入基层法院交来的报送包后，这里并排列出各院的指标和近12个月走势。</p>
        </section>
      ) : null}
      {v && v.courts.length > 0 ? (
        <section className="panel xc-panel">
          <div className="xc-table-head">
            <h2>{all ? '全部指标' : '主要指标'}</h2>
            <div className="xc-switch" role="group" aria-label="显示的指标">
              <button type="button" aria-pressed={!all} className={all ? '' : 'current'} onClick={() => setAll(false)} data-testid="xc-compare-key">
                主要指标（{COMPARE_KEY_IDS.length} 项）
              </button>
              <button type="button" aria-pressed={all} className={all ? 'current' : ''} onClick={() => setAll(true)} data-testid="xc-compare-all">
                全部指标（{COMPARE_ALL_IDS.length} 项）
              </button>
            </div>
          </div>
          {v.mixedPeriods ? <p className="muted" data-testid="xc-compare-mixed">注意：各院最近一个报送包的期间不同，对比时请留意各行的报送期间。</p> : null}
          <CompareTable v={v} ids={all ? COMPARE_ALL_IDS : COMPARE_KEY_IDS} />
        </section>
      ) : null}
      {v && v.courts.length > 0 && s.trends ? <SmallMultiples t={s.trends} onChoose={(ind) => router.getState().navigate({ ...route, ind })} /> : null}
    </div>
  );
}
