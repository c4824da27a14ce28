// 各基层法院: each basic court's last package received, in court-code order (代码, 名称, 最后序号, 期间, 导入时间,
// 距今天数, 报送包数) and an audit-log alert under a court whose log was cut or rewritten after reporting; no rank
// and no ordering by any figure.
import { Fragment } from 'react';
import type { ReceivedCourtView } from '../../../../shared/exchange/api';
import { formatDateTime } from '../../lib/format';
import { Link } from '../../components/Link';
import { byCourtCode, daysSince } from './labels';

export function CourtsTable({ rows, error, today }: { rows: ReceivedCourtView[] | null; error: string | null; today: string }) {
  return (
    <section className="panel xc-panel" data-testid="xc-courts">
      <h2>各基层法院</h2>
      {rows && rows.length > 0 ? (
        <p>
          <Link to={{ name: 'exchangeCompare', ind: 'clearanceRate' }} testId="xc-open-compare">
            各院对比：指标与合理区间、各院中位数、近12个月走势
          </Link>
        </p>
      ) : null}
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      {rows && rows.length === 0 ? (
        <p className="muted" data-testid="xc-courts-empty">
          尚未导入任何报送包。在上面“接收报送包”中导入基层法院的报送包后，这里列出各院最后一次报送的情况。
        </p>
      ) : null}
      {rows && rows.length > 0 ? (
        <div className="note-wrap xc-table-wrap">
          <table className="note-table">
            <thead>
              <tr>
                <th scope="col">代码</th>
                <th scope="col">名称</th>
                <th scope="col" className="num">最后序号</th>
                <th scope="col">期间</th>
                <th scope="col">导入时间</th>
                <th scope="col" className="num">距今天数</th>
                <th scope="col" className="num">报送包数</th>
              </tr>
            </thead>
            <tbody>
              {[...rows].sort(byCourtCode).map((r) => {
                // A clock set back (or a test's fixed today) gives no negative age: received today at the latest.
                const since = daysSince(r.receivedAt, today);
                const days = since === null ? null : Math.max(0, since);
                const alert = r.chainAlert;
                return (
                  <Fragment key={r.senderCode}>
                    <tr data-testid="xc-court" data-code={r.senderCode}>
                      <td className="xc-nowrap">{r.senderCode}</td>
                      <td>{r.senderName}</td>
                      <td className="num">{r.lastSequence}</td>
                      <td className="xc-nowrap">
                        {r.periodFrom} 至 {r.periodTo}
                      </td>
                      <td className="xc-nowrap">{formatDateTime(r.receivedAt)}</td>
                      <td className="num" data-testid="xc-court-days">
                        {days === null ? '—' : `${days} 天`}
                      </td>
                      <td className="num">{r.packages}</td>
                    </tr>
                    {alert ? (
                      <tr data-testid="xc-court-alert" data-code={r.senderCode}>
                        <td colSpan={7} className={alert.status === 'unverifiable' ? 'muted' : 'form-error'} role={alert.status === 'unverifiable' ? undefined : 'alert'}>
                          {alert.status === 'unverifiable' ? '审计日志无法核对' : '审计日志异常'}（序号 {alert.sequence}）：{alert.message}
                        </td>
                      </tr>
                    ) : null}
                  </Fragment>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
