// The 隐性超审限 and 长期未动 lists of 审限预警: each case number opens the case; the thresholds in force are named above.
import { useStore } from 'zustand';
import { Link } from '../../components/Link';
import { formatCount, formatDate } from '../../lib/format';
import { stores } from '../../stores';
import { STATUS_LABELS } from '../../../../shared/deadlines/engine';
import type { AlertCaseRow, AlertList } from '../../../../shared/deadlines/api';
import type { AlertView } from './alerts';
import './alerts.css';

const TITLES: Record<AlertView, (l: AlertList | undefined) => string> = {
  hidden: () => '隐性超审限：审限表面正常、实际可能已超期的案件（按剩余天数从少到多）',
  cold: (l) => `长期未动：${l ? l.thresholds.coldDays : '若干'} 天以上没有任何登记的未结案件（按最近登记从早到晚）`,
};

function thresholdText(view: AlertView, l: AlertList): string {
  return view === 'hidden'
    ? `列出：中止或扣除期间超过 ${l.thresholds.openPeriodDays} 天仍未结束；审限届满后才批准延长；逾期提出延长申请；扣除天数合计超过法定审限。`
    : `“登记”指案件信息的任何修改、扣除期间的登记或修改、延长审限申请及审批、先行调解的登记。已 ${l.thresholds.coldDays} 天以上均无的，列在这里。`;
}

const EMPTY: Record<AlertView, string> = {
  hidden: '没有发现隐性超审限的案件',
  cold: '没有长期未动的案件',
};

function remaining(r: AlertCaseRow): string {
  if (r.daysRemaining === null) return '—';
  if (r.status === 'suspended' || r.status === 'paused') return `${STATUS_LABELS[r.status]}，剩余 ${r.daysRemaining} 天`;
  return r.daysRemaining < 0 ? `已超 ${-r.daysRemaining} 天` : `剩余 ${r.daysRemaining} 天`;
}

export function AlertsPanel({ view }: { view: AlertView }) {
  const list = useStore(stores.deadlineAlerts, (s) => s.lists[view]);
  const loading = useStore(stores.deadlineAlerts, (s) => s.loading === view);
  const error = useStore(stores.deadlineAlerts, (s) => s.error);
  return (
    <>
      <div className="list-head">
        <h2>{TITLES[view](list)}</h2>
        <span className="muted" data-testid="alert-total">{list ? `共 ${formatCount(list.total)} 件${list.total > list.rows.length ? `，列出前 ${formatCount(list.rows.length)} 件` : ''}` : loading ? '正在查找…' : ''}</span>
      </div>
      {list ? <p className="muted alert-thresholds" data-testid="alert-thresholds">{thresholdText(view, list)}</p> : null}
      {error ? <div className="banner error" role="alert">{error}</div> : null}
      {list && list.rows.length === 0 ? (
        <div className="note-empty" data-testid="alert-empty">{EMPTY[view]}</div>
      ) : null}
      {list && list.rows.length > 0 ? (
        <div className="note-wrap">
          <table className="note-table alert-table" data-testid={`alert-table-${view}`}>
            <thead>
              <tr>
                <th scope="col">案号</th>
                <th scope="col">承办</th>
                <th scope="col" className="num">届满日</th>
                <th scope="col">审限</th>
                <th scope="col">{view === 'hidden' ? '发现的问题' : '最近登记'}</th>
              </tr>
            </thead>
            <tbody>
              {list.rows.map((r) => (
                <tr key={r.caseNumber} data-testid="alert-row" data-case-number={r.caseNumber}>
                  <td>
                    <Link to={{ name: 'case', caseNumber: r.caseNumber }} testId="alert-case-link">{r.caseNumber}</Link>
                  </td>
                  <td className="stacked">
                    <span>{r.division}</span>
                    <span className="sub">{r.judge}</span>
                  </td>
                  <td className="num">{r.dueOn ? formatDate(r.dueOn) : '—'}</td>
                  <td className={r.daysRemaining !== null && r.daysRemaining < 0 && r.status === 'overdue' ? 'danger' : undefined}>{remaining(r)}</td>
                  {view === 'hidden' ? (
                    <td className="note-lines">
                      <ul>
                        {r.findings.map((f, i) => (
                          <li key={i}><b>{f.label}</b>：{f.text}</li>
                        ))}
                      </ul>
                    </td>
                  ) : (
                    <td>{r.lastRecordedOn ? `${formatDate(r.lastRecordedOn)}（已 ${r.idleDays} 天）` : '—'}</td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </>
  );
}
