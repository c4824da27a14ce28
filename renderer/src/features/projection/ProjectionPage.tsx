// 脱薄预测: the assumptions as a form, the four indicators' curves (baseline dashed, what-if solid, target lines), the month table and the model in words.
import { useEffect, useState, type FormEvent } from 'react';
import { useStore } from 'zustand';
import { ClickChart } from '../../components/ClickChart';
import { FormField, boxProps } from '../../components/FormField';
import { formatCount } from '../../lib/format';
import { router, stores } from '../../stores';
import { MAX_MONTHS } from '../../../../shared/ledger/projection';
import { PROJECTED_IDS, PROJECTED_LABELS, type LedgerProjectionResult } from '../../../../shared/ledger/projectionApi';
import { chartLabel, projectionChart, textOf } from './projectionChart';
import { DEFAULT_PROJECTION_ROUTE, type ProjectionRoute } from './routes';
import './projection.css';

type Draft = Record<'closeMore' | 'clearOldest' | 'by' | 'judgesDelta' | 'asOf', string> & { months: number };
const draftOf = (r: ProjectionRoute): Draft => ({
  months: r.months, closeMore: String(r.closeMore), clearOldest: String(r.clearOldest), by: r.by ?? '', judgesDelta: r.judgesDelta > 0 ? `+${r.judgesDelta}` : String(r.judgesDelta), asOf: r.asOf ?? '',
});

/** The form's text as a route, or the box at fault with its message. */
function routeOf(d: Draft): { route: ProjectionRoute } | { field: keyof Draft; message: string } {
  const int = (s: string, signed: boolean) => (new RegExp(signed ? '^[+-]?\\d{1,8}$' : '^\\d{1,8}$').test(s.trim()) ? Number(s.trim()) : null);
  const closeMore = int(d.closeMore || '0', false);
  if (closeMore === null) return { field: 'closeMore', message: '每月多结案件数应为 0 或正整数' };
  const clearOldest = int(d.clearOldest || '0', false);
  if (clearOldest === null) return { field: 'clearOldest', message: '清理最久未结案件数应为 0 或正整数' };
  if (clearOldest > 0 && !d.by) return { field: 'by', message: '清理最久未结案件需要填写完成日期' };
  const judgesDelta = int(d.judgesDelta || '0', true);
  if (judgesDelta === null) return { field: 'judgesDelta', message: '增减法官人数应为整数，如 +1、-1' };
  return { route: { name: 'projection', months: d.months, closeMore, clearOldest, by: clearOldest > 0 ? d.by : null, judgesDelta, asOf: d.asOf || null } };
}

export function ProjectionPage({ route }: { route: ProjectionRoute }) {
  const result = useStore(stores.projection, (s) => s.result);
  const loading = useStore(stores.projection, (s) => s.loading);
  const error = useStore(stores.projection, (s) => s.error);
  const apiField = useStore(stores.projection, (s) => s.field);
  const [draft, setDraft] = useState<Draft>(() => draftOf(route));
  const [local, setLocal] = useState<{ field: keyof Draft; message: string } | null>(null);
  useEffect(() => setDraft(draftOf(route)), [route]);
  const fieldError = (f: keyof Draft) => (local?.field === f ? local.message : apiField === f ? error : null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const r = routeOf(draft);
    if ('field' in r) return setLocal(r);
    setLocal(null);
    router.getState().navigate(r.route);
  };
  const set = (k: keyof Draft) => (e: { target: { value: string } }) => setDraft({ ...draft, [k]: k === 'months' ? Number(e.target.value) : e.target.value });
  return (
    <div className="page page-scroll projection-page" data-testid="projection-page">
      <div className="page-head">
        <h1>脱薄预测</h1>
        <span className="muted" data-testid="projection-scope">
          {result ? `${result.scope} · 起点 ${result.start}（截至 ${result.asOf} 最近的月末）` : loading ? '正在计算…' : ''}
        </span>
      </div>
      <form className="projection-form" onSubmit={submit} data-testid="projection-form" noValidate>
        <FormField id="pj-months" label="预测月数" testId="projection-months">
          <select {...boxProps('pj-months', fieldError('months'), 'projection-months')} value={draft.months} onChange={set('months')}>
            {Array.from({ length: MAX_MONTHS }, (_, i) => i + 1).map((n) => <option key={n} value={n}>{n} 个月</option>)}
          </select>
        </FormField>
        <FormField id="pj-close" label="每月多结（件）" error={fieldError('closeMore')} testId="projection-close-more">
          <input {...boxProps('pj-close', fieldError('closeMore'), 'projection-close-more')} inputMode="numeric" value={draft.closeMore} onChange={set('closeMore')} />
        </FormField>
        <FormField id="pj-clear" label="清理最久未结（件）" error={fieldError('clearOldest')} testId="projection-clear-oldest">
          <input {...boxProps('pj-clear', fieldError('clearOldest'), 'projection-clear-oldest')} inputMode="numeric" value={draft.clearOldest} onChange={set('clearOldest')} />
        </FormField>
        <FormField id="pj-by" label="清理完成日期" error={fieldError('by')} testId="projection-by">
          <input type="date" {...boxProps('pj-by', fieldError('by'), 'projection-by')} value={draft.by} onChange={set('by')} />
        </FormField>
        <FormField id="pj-judges" label="增减法官（人）" error={fieldError('judgesDelta')} testId="projection-judges">
          <input {...boxProps('pj-judges', fieldError('judgesDelta'), 'projection-judges')} value={draft.judgesDelta} onChange={set('judgesDelta')} />
        </FormField>
        <FormField id="pj-asof" label="预测起点（空为今天）" error={fieldError('asOf')} testId="projection-as-of">
          <input type="date" {...boxProps('pj-asof', fieldError('asOf'), 'projection-as-of')} value={draft.asOf} onChange={set('asOf')} />
        </FormField>
        <div className="projection-buttons">
          <button type="submit" className="primary" data-testid="projection-apply">计算</button>
          <button type="button" onClick={() => { setLocal(null); router.getState().navigate(DEFAULT_PROJECTION_ROUTE); }}>不作假设</button>
        </div>
      </form>
      {error && !apiField ? <p className="field-error" role="alert" data-testid="projection-error">{error}</p> : null}
      {result ? <Answer r={result} /> : null}
    </div>
  );
}

function Answer({ r }: { r: LedgerProjectionResult }) {
  const a = r.assumptions;
  const asked = [
    a.closeMore > 0 ? `每月多结 ${formatCount(a.closeMore)} 件` : '',
    a.clearOldest > 0 ? `${a.by} 前清理最久未结的 ${formatCount(a.clearOldest)} 件` : '',
    a.judgesDelta !== 0 ? `法官${a.judgesDelta > 0 ? '增加' : '减少'} ${Math.abs(a.judgesDelta)} 人` : '',
  ].filter(Boolean);
  const version = JSON.stringify([r.start, r.assumptions, r.months.length, r.targets.length]);
  return (
    <>
      <p className="projection-inputs" data-testid="projection-inputs">
        依据：近 {r.rates.historyMonths} 个月月均新收 <b>{formatCount(r.rates.filingsPerMonth)}</b> 件、结案 <b>{formatCount(r.rates.closingsPerMonth)}</b> 件；
        有结案的法官 {r.rates.judges} 人；起点未结 <b>{formatCount(r.rates.openAtStart)}</b> 件。
        假设：{asked.length ? asked.join('；') : '不作任何假设（两条线重合）'}。
      </p>
      <div className="projection-charts">
        {PROJECTED_IDS.map((id) => (
          <section key={id} className="projection-chart" data-testid={`projection-chart-${id}`}>
            <h2>{PROJECTED_LABELS[id]}</h2>
            <ClickChart config={() => projectionChart(id, r)} version={`${id}${version}`} height={230} label={chartLabel(id)} testId={`projection-canvas-${id}`} onPick={() => undefined} />
          </section>
        ))}
      </div>
      <div className="table-wrap">
        <table className="data-table projection-table" data-testid="projection-table">
          <caption className="muted">每月月末的预测值；括号内为不作假设时的值。“超12个月未结案件比”后为件数，“结收比”后为结案/新收，“法定审限内结案率”后为审限内/有审限（估计值）。</caption>
          <thead>
            <tr><th scope="col">月份</th>{PROJECTED_IDS.map((id) => <th key={id} scope="col" className="num">{PROJECTED_LABELS[id]}</th>)}</tr>
          </thead>
          <tbody>
            {r.months.map((m, i) => {
              const b = r.baseline[i];
              return (
                <tr key={m.month} data-testid={`projection-row-${m.month}`}>
                  <th scope="row">{m.month}</th>
                  <td className="num">{formatCount(m.pending)} <span className="muted">（{formatCount(b.pending)}）</span>{m.capped ? <span className="muted" title="可结的案件已不足计划结案数"> ＊</span> : null}</td>
                  <td className="num">{textOf('longPending12Ratio', m.longPending12Ratio)} <span className="muted">{m.longPending12} 件（{textOf('longPending12Ratio', b.longPending12Ratio)}）</span></td>
                  <td className="num">{textOf('clearanceRate', m.clearanceRate)} <span className="muted">{m.resolved}/{m.received}（{textOf('clearanceRate', b.clearanceRate)}）</span></td>
                  <td className="num">{textOf('onTimeRate', m.onTimeRate)} <span className="muted">{m.resolvedOnTime}/{m.resolvedWithLimit}（{textOf('onTimeRate', b.onTimeRate)}）</span></td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {r.months.some((m) => m.capped) ? <p className="muted">＊ 该月可结的案件已少于计划结案数，全部结完。</p> : null}
      <section className="projection-model" data-testid="projection-model">
        <h2>预测模型说明</h2>
        <ol>{r.statement.map((s) => <li key={s}>{s}</li>)}</ol>
        <p className="muted">预测是按过去一年的平均情况推算的，不是承诺；目标线为脱薄工作台账中薄弱点的目标（注明期限），虚线为合理区间。</p>
      </section>
    </>
  );
}
