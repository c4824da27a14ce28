// The page of one division or judge (#/indicators/division?name=…, #/indicators/judge?name=…): its key indicators
// against their ranges, the court's value and the groups' median; its 12-month trend; a division's judges in name
// order, or a judge's due-soon and overdue cases. A page the reader may not see says so instead.
import { useStore } from 'zustand';
import { INDICATORS, type IndicatorId } from '../../../../shared/indicators/catalogue';
import type { FlaggedIndicatorsResult } from '../../../../shared/indicators/api';
import { ClickChart } from '../../components/ClickChart';
import { Link } from '../../components/Link';
import { formatCount } from '../../lib/format';
import { router, session, stores } from '../../stores';
import { mainPart, noMedianNote, numberText, rangeBadge, spread, valueOf, valueText } from '../../../../shared/indicators/figures';
import { groupBars } from './GroupsView';
import { GroupLink } from './GroupLink';
import { dueLists, groupPeriod, JUDGE_TABLE_IDS, keyRows, KIND_WORDS, ownPage, pageNotice } from './groupFigures';
import type { GroupData } from './groupStore';
import { Trend } from './MonthlyView';
import { PeriodBar } from './PeriodBar';
import { columnName } from '../../../../shared/indicators/weekly';
import { DEFAULT_INDICATORS_ROUTE, groupRoute, type IndicatorCasesRoute, type IndicatorGroupRoute, type IndicatorScope } from './routes';
import './indicators.css';

type Cases = (id: IndicatorId, scope: IndicatorScope) => IndicatorCasesRoute | null;

/** A figure that opens the cases behind it (its main part), with its range mark when out of range. */
function Figure({ id, values, cases, scope, testId, mark = true }: { id: IndicatorId; values: FlaggedIndicatorsResult['total']; cases: Cases; scope: IndicatorScope; testId?: string; mark?: boolean }) {
  const to = cases(id, scope);
  const badge = mark ? rangeBadge(id, values) : null;
  return (
    <>
      {to ? <Link to={to} testId={testId} title="打开这个数字背后的案件">{valueText(id, values)}</Link> : <span data-testid={testId}>{valueText(id, values)}</span>}
      {/* Only the arrow in a table (the caption says what it means); the phrase is its tooltip. */}
      {badge?.outside ? <span className={`ind-range${badge.worse ? ' tone-danger' : ' tone-info'}`} title={badge.phrase}>{badge.mark.slice(0, 1)}</span> : null}
    </>
  );
}

function KeyTable({ route, data, cases, wide }: { route: IndicatorGroupRoute; data: GroupData; cases: Cases; wide: string | null }) {
  const peers = (data.court.groups ?? []).map((g) => g.values);
  const rows = keyRows(data.group.total, data.court.total, peers);
  const mine = { [route.kind]: route.who };
  return (
    <section className="ind-group" data-testid="grp-key">
      <h2>主要指标</h2>
      <div className="ind-monthly-wrap">
      <table className={`note-table study-table ind-table grp-key-table${wide ? '' : ' grp-narrow'}`} data-testid="grp-key-table">
        <caption>{route.who}的主要指标{wide ? `，与${wide}数值和各${KIND_WORDS[route.kind]}中位数比较` : ''}（▼/▲ 为超出合理区间，红色为不利一侧）</caption>
        <thead>
          <tr>
            <th scope="col">指标</th>
            <th scope="col" className="num">该{KIND_WORDS[route.kind]}</th>
            <th scope="col">合理区间</th>
            {wide ? <th scope="col" className="num">{wide}</th> : null}
            {wide ? <th scope="col" className="num">各{KIND_WORDS[route.kind]}中位数</th> : null}
            {wide ? <th scope="col">与中位数比较</th> : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} data-testid={`grp-row-${r.id}`} className={r.badge?.worse ? 'ind-row-worse' : ''}>
              <th scope="row" title={INDICATORS[r.id].formula}>{r.name}</th>
              <td className="num"><Figure id={r.id} values={data.group.total} cases={cases} scope={mine} testId={`grp-value-${r.id}`} /></td>
              <td className="grp-range" title={r.badge?.phrase}>{r.range}</td>
              {wide ? <td className="num"><Figure id={r.id} values={data.court.total} cases={cases} scope={{}} testId={`grp-court-${r.id}`} mark={false} /></td> : null}
              {wide ? <td className="num" data-testid={`grp-median-${r.id}`}>{r.median}</td> : null}
              {wide ? <td>{r.against}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
      </div>
    </section>
  );
}

function Judges({ route, data, cases }: { route: IndicatorGroupRoute; data: GroupData; cases: Cases }) {
  const groups = data.judges?.groups ?? [];
  const id = route.ind;
  const s = spread(groups.map((g) => valueOf(id, g.values)));
  const main = mainPart(id);
  const p = data.group;
  return (
    <section className="ind-group" data-testid="grp-judges">
      <h2>本部门法官</h2>
      {groups.length === 0 ? (
        <p className="muted" data-testid="grp-judges-empty">这段期间本部门没有法官有案件。</p>
      ) : (
        <>
          <p className="muted">
            {INDICATORS[id].name}：各法官中位数 {numberText(id, s.median)}。{s.median === null ? noMedianNote('法官') : ''}按姓名排列，不作排名。<span className="no-print">点击柱条可打开该法官的案件，点击姓名可打开其指标页。</span>
          </p>
          <ClickChart
            config={() => groupBars(id, groups, s.median)}
            version={JSON.stringify([id, p.from, p.to, route.who, groups.length])}
            height={90 + 30 * groups.length}
            label={`本部门各法官的${INDICATORS[id].name}与中位数`}
            testId="grp-judges-chart"
            onPick={(_d, i) => {
              const to = main && groups[i] ? cases(id, { division: route.who, judge: groups[i].name }) : null;
              if (to) router.getState().navigate(to);
            }}
          />
          <div className="ind-monthly-wrap">
            <table className="note-table study-table ind-table" data-testid="grp-judges-table">
              <caption>本部门各法官的主要指标（按姓名排列；▼/▲ 为超出合理区间）</caption>
              <thead>
                <tr>
                  <th scope="col">法官</th>
                  {JUDGE_TABLE_IDS.map((k) => (
                    <th key={k} scope="col" className="num" title={INDICATORS[k].formula}>{columnName(k)}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {groups.map((g) => (
                  <tr key={g.name} data-testid="grp-judge-row" data-name={g.name}>
                    <th scope="row"><GroupLink kind="judge" who={g.name} from={p.from} to={p.to} /></th>
                    {JUDGE_TABLE_IDS.map((k) => (
                      <td key={k} className="num"><Figure id={k} values={g.values} cases={cases} scope={{ division: route.who, judge: g.name }} /></td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}

function Due({ route, data }: { route: IndicatorGroupRoute; data: GroupData }) {
  const judges = useStore(stores.app, (a) => a.judges.all ?? []);
  const judge = judges.find((j) => j.name === route.who);
  if (!judge || !data.due) return null;
  return (
    <section className="ind-group" data-testid="grp-due">
      <h2>审限</h2>
      <div className="ind-grid">
        {dueLists(judge.id).map((l) => (
          <div key={l.key} className="ind-tile">
            <div className="ind-name">{l.label}</div>
            <div className="ind-value">
              <Link to={{ name: 'cases', filters: l.filters, page: 1 }} testId={`grp-due-${l.key}`} title="在案件列表中查看">
                {data.due![l.key] < 0 ? '查看' : formatCount(data.due![l.key])}
              </Link>
            </div>
            <div className="ind-parts muted">{route.who}承办的未结案件，按今日计算</div>
          </div>
        ))}
      </div>
    </section>
  );
}

export function GroupPage({ route }: { route: IndicatorGroupRoute }) {
  const g = useStore(stores.indicatorGroup);
  const user = useStore(session, (s) => s.user);
  const today = useStore(stores.app, (a) => a.info?.today ?? null);
  const visible = useStore(stores.app, (a) => a.judges.all ?? null);
  const notice = user ? pageNotice(route, user, visible ? visible.map((j) => j.name) : null) : null;
  const own = user ? ownPage(user) : null;
  const p = today ? groupPeriod(route, today) : null;
  const data = g.data;
  const go = (patch: Partial<IndicatorGroupRoute>) => router.getState().navigate({ ...route, ...patch });
  const cases: Cases = (id, scope) => {
    const part = mainPart(id);
    return part && data ? { name: 'indicatorCases', id, part, from: data.group.from, to: data.group.to, scope, page: 1 } : null;
  };
  // The wider figure beside the group's, where there is one: the court's; for a head, his division's beside a judge's.
  const wide = user?.scopeKind === 'all' ? '全院' : user?.scopeKind === 'division' && route.kind === 'judge' ? '本部门' : null;
  const empty = data ? data.group.total.received.value + data.group.total.carriedOver.value === 0 : false;
  return (
    <div className="page page-scroll ind-page grp-page" data-testid="grp-page">
      <div className="page-head">
        <h1 data-testid="grp-title">{KIND_WORDS[route.kind]}指标 · {route.who}</h1>
        <Link className="push-right no-print" to={{ ...DEFAULT_INDICATORS_ROUTE, from: route.from, to: route.to }} testId="grp-back">返回质效指标</Link>
        {notice ? null : <button type="button" className="no-print" onClick={() => window.print()}>打印</button>}
      </div>
      {notice ? (
        <div className="notice" data-testid="grp-notice">
          <p>{notice}</p>
          {own ? <p><Link to={groupRoute(own.kind, own.who, route.from, route.to)} testId="grp-notice-own">打开{own.label}</Link></p> : null}
        </div>
      ) : (
        <>
          {p && today ? <PeriodBar from={p.from} to={p.to} today={today} scope={{}} daily={false} periodOnly onChange={(n) => go({ from: n.from, to: n.to })} /> : null}
          {g.error ? <div className="banner error" role="alert" data-testid="grp-error">{g.error}</div> : null}
          {data ? (
            <>
              <p className="study-lead" data-testid="grp-summary">
                统计期间 {data.group.from} 至 {data.group.to} · {data.group.scope}。<span className="no-print">点击任一数字可打开其背后的案件；</span>指标只作分析，不作排名。
              </p>
              {empty ? <div className="notice" data-testid="grp-empty">这段期间{route.who}没有在办案件，各比率显示为“—”。可以换一个统计期间，例如点击“本年”。</div> : null}
              <KeyTable route={route} data={data} cases={cases} wide={wide} />
              {route.kind === 'judge' ? <Due route={route} data={data} /> : null}
              <Trend id={route.ind} data={{ trend: data.trend, month: data.trend[data.trend.length - 1].result }} scope={{ [route.kind]: route.who }} onChoose={(ind) => go({ ind })} />
              {route.kind === 'division' ? <Judges route={route} data={data} cases={cases} /> : null}
            </>
          ) : g.loading ? (
            <p className="muted">正在计算…</p>
          ) : null}
        </>
      )}
    </div>
  );
}

