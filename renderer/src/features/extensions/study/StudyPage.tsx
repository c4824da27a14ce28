// 延审原因分析 (#/extensions/study): a period's extension requests by reason, division, judge and month, as charts and
// tables; each bar, segment, point and count opens the requests behind it in 延审审批 (#/extensions?view=all&…).
import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import type { ExtensionFilter, ExtensionStudy } from '../../../../../shared/extensions/study';
import { Link } from '../../../components/Link';
import { ScopeLine } from '../../../components/ScopeLine';
import { formatCount, formatDate } from '../../../lib/format';
import { router, stores } from '../../../stores';
import { presetPeriod, type ExtensionStudyRoute } from '../routes';
import { ClickChart as StudyChart } from '../../../components/ClickChart';
import { baseFilter, outcomeBars, outcomeFilter, trendFilter, trendLine, trendReasons, type BarItem } from './studyCharts';
import { rateText, StudyTable, type StudyTableRow } from './StudyTable';
import { studyReasonLabel } from '../../../../../shared/extensions/study';
import './study.css';

const openList = (filter: ExtensionFilter | null) => {
  if (filter) router.getState().navigate({ name: 'extensions', view: 'all', filter });
};

const PRESETS = [['month', '本月'], ['quarter', '本季度'], ['year', '本年'], ['lastYear', '上一年']] as const;

function PeriodBar({ study, route }: { study: ExtensionStudy | null; route: ExtensionStudyRoute }) {
  const today = useStore(stores.app, (a) => a.info?.today ?? null) ?? study?.to ?? null;
  const divisions = useStore(stores.app, (a) => a.divisions);
  const [from, setFrom] = useState(study?.from ?? route.from ?? '');
  const [to, setTo] = useState(study?.to ?? route.to ?? '');
  useEffect(() => {
    if (study) {
      setFrom(study.from);
      setTo(study.to);
    }
  }, [study]);
  const go = (p: { from: string; to: string }, divisionId = route.divisionId) => router.getState().navigate({ name: 'extensionStudy', from: p.from, to: p.to, divisionId });
  const problem = from && to && to < from ? '结束日期不能早于开始日期' : null;
  return (
    <form
      className="study-controls no-print"
      onSubmit={(e) => {
        e.preventDefault();
        if (from && to && !problem) go({ from, to });
      }}
    >
      <label>
        统计期间 <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} data-testid="study-from" aria-label="开始日期" required />
      </label>
      <label>
        至 <input type="date" value={to} onChange={(e) => setTo(e.target.value)} data-testid="study-to" aria-label="结束日期" required />
      </label>
      <button type="submit" disabled={!!problem} data-testid="study-apply">查询</button>
      {problem ? <span className="tone-danger">{problem}</span> : null}
      <span className="study-presets">
        {PRESETS.map(([k, label]) => (
          <button key={k} type="button" className="link-button" data-testid={`study-preset-${k}`} disabled={!today} onClick={() => today && go(presetPeriod(k, today))}>
            {label}
          </button>
        ))}
      </span>
      {divisions.length > 1 ? (
        <label>
          部门{' '}
          <select
            value={route.divisionId ?? ''}
            data-testid="study-division"
            onChange={(e) => go({ from: study?.from ?? from, to: study?.to ?? to }, e.target.value ? Number(e.target.value) : null)}
          >
            <option value="">全部</option>
            {divisions.map((d) => (
              <option key={d.id} value={d.id}>{d.name}</option>
            ))}
          </select>
        </label>
      ) : null}
    </form>
  );
}

function Section(props: { title: string; children: React.ReactNode; testId: string }) {
  return (
    <section className="study-section" data-testid={props.testId}>
      <h2>{props.title}</h2>
      {props.children}
    </section>
  );
}

function Figures({ s }: { s: ExtensionStudy }) {
  const base = baseFilter(s);
  const version = JSON.stringify([s.from, s.to, s.divisionId, s.total]);
  const reasons: BarItem[] = s.byReason.map((r) => ({ name: r.label, counts: r, filter: { ...base, reason: r.reason } }));
  const divisions: BarItem[] = s.byDivision.map((d) => ({ name: d.division, counts: d, filter: { ...base, divisionId: d.divisionId } }));
  const judges: BarItem[] = s.byJudge.map((j) => ({ name: j.judge, counts: j, filter: { ...base, judgeId: j.judgeId } }));
  const rows = (items: BarItem[], extra: (i: number) => React.ReactNode[] = () => []): StudyTableRow[] =>
    items.map((b, i) => ({ key: b.name + i, cells: [b.name, ...extra(i)], counts: b.counts, filter: b.filter }));
  const total: StudyTableRow = { key: 'total', cells: ['合计'], counts: s.total, filter: base };
  const months = trendReasons(s);
  return (
    <>
      <Section title="按延长理由" testId="study-reasons">
        <StudyChart config={() => outcomeBars(reasons, false)} version={version} height={320} label="按延长理由的申请件数与审批结果" testId="study-chart-reasons" onPick={(d, i) => openList(outcomeFilter(reasons, d, i))} />
        <StudyTable caption="按延长理由" heads={['延长理由']} rows={rows(reasons)} total={total} testId="study-table-reasons" />
      </Section>
      <Section title="按部门" testId="study-divisions">
        <StudyChart config={() => outcomeBars(divisions, true)} version={version} height={120 + 34 * divisions.length} label="按部门的申请件数与审批结果" testId="study-chart-divisions" onPick={(d, i) => openList(outcomeFilter(divisions, d, i))} />
        <StudyTable caption="按部门（按名称排列）" heads={['部门']} rows={rows(divisions)} total={total} testId="study-table-divisions" />
      </Section>
      <Section title="按承办法官" testId="study-judges">
        <StudyChart config={() => outcomeBars(judges, true)} version={version} height={120 + 30 * judges.length} label="按承办法官的申请件数与审批结果" testId="study-chart-judges" onPick={(d, i) => openList(outcomeFilter(judges, d, i))} />
        <StudyTable caption="按承办法官（按姓名排列）" heads={['承办法官', '部门']} rows={rows(judges, (i) => [s.byJudge[i].division])} total={total} testId="study-table-judges" />
      </Section>
      <Section title="按月趋势" testId="study-trend">
        <StudyChart config={() => trendLine(s)} version={version} height={320} label="每月申请件数（按理由）与批准率" testId="study-chart-trend" onPick={(d, i) => openList(trendFilter(s, d, i))} />
        <table className="note-table study-table" data-testid="study-table-trend">
          <caption>按月趋势</caption>
          <thead>
            <tr>
              <th scope="col">月份</th>
              <th scope="col" className="num">申请</th>
              {months.map((k) => (
                <th key={k} scope="col" className="num">{studyReasonLabel(k)}</th>
              ))}
              <th scope="col" className="num">批准率</th>
            </tr>
          </thead>
          <tbody>
            {s.months.map((m) => {
              const f: ExtensionFilter = { ...base, from: m.from, to: m.to };
              const cell = (n: number, filter: ExtensionFilter) => (n ? <Link to={{ name: 'extensions', view: 'all', filter }}>{formatCount(n)}</Link> : <span className="muted">0</span>);
              return (
                <tr key={m.month}>
                  <th scope="row">{m.month}</th>
                  <td className="num">{cell(m.requests, f)}</td>
                  {months.map((k) => (
                    <td key={k} className="num">{cell(m.byReason[k], { ...f, reason: k })}</td>
                  ))}
                  <td className="num">
                    {rateText(m.approvalRate)}
                    {m.approvalRate.denominator ? <span className="muted">（{m.approvalRate.numerator}/{m.approvalRate.denominator}）</span> : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </Section>
    </>
  );
}

export function StudyPage({ route }: { route: ExtensionStudyRoute }) {
  const st = useStore(stores.extensionStudy);
  const divisions = useStore(stores.app, (a) => a.divisions);
  const s = st.study;
  const divisionName = s?.divisionId ? (divisions.find((d) => d.id === s.divisionId)?.name ?? '所选部门') : null;
  return (
    <div className="page page-scroll study-page" data-testid="study-page">
      <div className="page-head">
        <h1>延审原因分析</h1>
        <ScopeLine />
        <Link to={{ name: 'extensions' }} className="no-print" testId="study-back">返回延审审批</Link>
        <button type="button" className="push-right no-print" onClick={() => window.print()}>打印</button>
      </div>
      <PeriodBar study={s} route={route} />
      {st.error ? (
        <div className="banner error" role="alert">
          {st.error}
        </div>
      ) : null}
      {s ? (
        <p className="study-lead" data-testid="study-summary">
          统计期间 {formatDate(s.from)} 至 {formatDate(s.to)}（按申请日期）{divisionName ? `，${divisionName}` : ''}：申请 <strong>{formatCount(s.total.requests)}</strong> 件，
          已审批 {formatCount(s.total.approvalRate.denominator)} 件，批准率 <strong>{rateText(s.total.approvalRate)}</strong>
          {s.total.approvalRate.denominator ? `（${s.total.approvalRate.numerator}/${s.total.approvalRate.denominator}）` : ''}，审批中 {formatCount(s.total.waiting)} 件，
          已报上级法院 {formatCount(s.total.higherCourt)} 件，逾期申请 {formatCount(s.total.late)} 件。部门和法官按名称排列，不作排名。
        </p>
      ) : st.loading ? (
        <p className="muted">正在统计…</p>
      ) : null}
      {s && s.total.requests === 0 ? (
        <div className="ext-empty" data-testid="study-empty">
          <p>这段期间没有延长审限申请。</p>
          <p className="muted">可以换一个统计期间，例如点击“上一年”；导入的申请按申请日期计入所在期间。</p>
        </div>
      ) : null}
      {s && s.total.requests > 0 ? <Figures s={s} /> : null}
    </div>
  );
}
