// One basic court at the intermediate court (#/exchange/court?code=…): its received cases (未结, 超审限未结 at its latest package's end, or all; 50 a page), its extension requests with their opinions and decisions, as its latest package sent them, and its 脱薄台账 with this court's help measures.
import { useStore } from 'zustand';
import type { CourtCaseFilter, ReceivedExtensionView } from '../../../../shared/exchange/compareApi';
import { Link } from '../../components/Link';
import { stores } from '../../stores';
import { COURT_PAGE_SIZE, type ExchangeCourtRoute } from './compareRoutes';
import { CourtLedgerSection } from './CourtLedgerSection';
import { CompareGate } from './ComparePage';

const FILTER_LABELS: Record<CourtCaseFilter, string> = { open: '未结', overdue: '超审限未结', all: '全部' };
const CLOCK_LABELS: Record<string, string> = { running: '计算中', suspended: '中止/扣除中', paused: '暂停', no_limit: '无法定审限', closed: '已结' };
const STATUS_LABELS: Record<ReceivedExtensionView['status'], string> = { pending: '待审批', approved: '已批准', rejected: '未批准', higher_court: '报上级法院' };
const STEP_LABELS: Record<string, string> = { opinion: '审核意见', decision: '审批', higher_court: '上级法院' };
const OUTCOME_LABELS: Record<string, string> = { agree: '同意', disagree: '不同意', approved: '批准', rejected: '不批准', forwarded: '报上级' };
const term = (m: number | null, d: number | null) => [m ? `${m} 个月` : '', d ? `${d} 日` : ''].filter(Boolean).join(' ') || '—';

export function CourtPage({ route }: { route: ExchangeCourtRoute }) {
  const s = useStore(stores.exchangeCompare);
  const info = useStore(stores.app, (x) => x.info);
  const c = s.cases;
  const x = s.extensions;
  const pages = c ? Math.max(1, Math.ceil(c.total / COURT_PAGE_SIZE)) : 1;
  const at = (over: Partial<ExchangeCourtRoute>) => ({ ...route, ...over });
  return (
    <div className="page page-scroll xc-page" data-testid="xc-court-page">
      <div className="page-head">
        <h1>{c ? `${c.courtName}（${c.courtCode}）` : route.code}</h1>
        <Link to={{ name: 'exchangeCompare', ind: 'clearanceRate' }} className="muted">
          返回各院对比
        </Link>
      </div>
      <CompareGate loaded={Boolean(c) || Boolean(s.error)} />
      {s.error && info?.courtLevel === 'intermediate' ? (
        <p className="form-error" role="alert" data-testid="xc-court-error">
          {s.error}
        </p>
      ) : null}
      {c ? (
        <section className="panel xc-panel" data-testid="xc-court-cases">
          <h2>案件</h2>
          <p className="muted">该院最近一个报送包中的案件；“超审限未结”指未结且审限届满日早于报送期末（{c.asOf}）。</p>
          <div className="xc-filters" role="group" aria-label="案件筛选">
            {(['open', 'overdue', 'all'] as const).map((f) => (
              <Link key={f} to={at({ filter: f, page: 1 })} current={route.filter === f} className={route.filter === f ? 'xc-filter current' : 'xc-filter'} testId={`xc-filter-${f}`}>
                {FILTER_LABELS[f]}
              </Link>
            ))}
            <span className="muted" data-testid="xc-court-total">
              共 {c.total.toLocaleString('zh-CN')} 件
            </span>
          </div>
          {c.rows.length === 0 ? (
            <p className="muted" data-testid="xc-court-cases-empty">没有{FILTER_LABELS[route.filter]}的案件。</p>
          ) : (
            <div className="note-wrap xc-table-wrap">
              <table className="note-table">
                <thead>
                  <tr>
                    <th scope="col">案号</th>
                    <th scope="col">案由</th>
                    <th scope="col">承办部门</th>
                    <th scope="col">承办法官</th>
                    <th scope="col">立案日期</th>
                    <th scope="col">结案日期</th>
                    <th scope="col">审限届满日</th>
                    <th scope="col">审限状态</th>
                  </tr>
                </thead>
                <tbody>
                  {c.rows.map((r) => (
                    <tr key={r.caseNumber} data-testid="xc-court-case">
                      <td className="xc-nowrap">{r.caseNumber}</td>
                      <td>{r.cause}</td>
                      <td>{r.division}</td>
                      <td>{r.judge}</td>
                      <td className="xc-nowrap">{r.filedOn}</td>
                      <td className="xc-nowrap">{r.closedOn ?? '—'}</td>
                      <td className="xc-nowrap">{r.dueOn ?? '—'}</td>
                      <td>
                        {r.closedOn === null && r.dueOn !== null && r.dueOn < c.asOf ? <strong>已超审限</strong> : (CLOCK_LABELS[r.clock] ?? r.clock)}
                        {r.closedOverdue ? '（超审限结案）' : ''}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {pages > 1 ? (
            <div className="xc-pager" data-testid="xc-court-pager">
              {route.page > 1 ? <Link to={at({ page: route.page - 1 })}>上一页</Link> : null}
              <span>
                第 {route.page} / {pages} 页
              </span>
              {route.page < pages ? <Link to={at({ page: route.page + 1 })} testId="xc-court-next">下一页</Link> : null}
            </div>
          ) : null}
        </section>
      ) : null}
      {x ? (
        <section className="panel xc-panel" data-testid="xc-court-extensions">
          <h2>延长审限申请</h2>
          {x.rows.length === 0 ? (
            <p className="muted">该院报送的数据中没有延长审限申请。</p>
          ) : (
            <div className="note-wrap xc-table-wrap">
              <table className="note-table">
                <thead>
                  <tr>
                    <th scope="col">案号</th>
                    <th scope="col">承办部门 · 法官</th>
                    <th scope="col">申请日期</th>
                    <th scope="col">申请延长</th>
                    <th scope="col">理由</th>
                    <th scope="col">状态</th>
                    <th scope="col">审核与审批</th>
                  </tr>
                </thead>
                <tbody>
                  {x.rows.map((r, i) => (
                    <tr key={`${r.caseNumber}-${i}`} data-testid="xc-court-extension">
                      <td className="xc-nowrap">{r.caseNumber}</td>
                      <td>{[r.division, r.judge].filter(Boolean).join(' · ') || '—'}</td>
                      <td className="xc-nowrap">
                        {r.requestedOn}
                        {r.late ? '（逾期申请）' : ''}
                      </td>
                      <td className="xc-nowrap">{term(r.months, r.days)}</td>
                      <td>{r.reason}</td>
                      <td className="xc-nowrap">{STATUS_LABELS[r.status]}</td>
                      <td>
                        {r.decisions.length === 0
                          ? '—'
                          : r.decisions.map((d, k) => (
                              <div key={k}>
                                {d.decidedOn} {STEP_LABELS[d.step] ?? d.step}：{OUTCOME_LABELS[d.outcome] ?? d.outcome}
                                {d.months !== null || d.days !== null ? `（${term(d.months, d.days)}）` : ''}
                                {d.comment ? ` ${d.comment}` : ''}
                              </div>
                            ))}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      ) : null}
      {c ? <CourtLedgerSection code={c.courtCode} /> : null}
    </div>
  );
}
