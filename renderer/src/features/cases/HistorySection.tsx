// 修改记录 on the case page: every change to the case (cases.history), newest first: when, who, what was done, and
// for each field its value before and after, in words.
import { useStore } from 'zustand';
import { formatDateTime } from '../../lib/format';
import { stores } from '../../stores';
import { historyEntries, type HistoryChange } from './history';

function Changes({ changes }: { changes: HistoryChange[] }) {
  // A new record (a case registered, a period recorded) has no "before": two columns, not an empty one.
  const diff = changes.some((x) => x.before !== null);
  return (
    <table className="plain-table history-changes">
      <colgroup>
        <col className="w-150" />
        {diff ? <col className="w-half" /> : null}
        <col />
      </colgroup>
      <thead>
        <tr>
          <th>项目</th>
          {diff ? <th>修改前</th> : null}
          <th>{diff ? '修改后' : '内容'}</th>
        </tr>
      </thead>
      <tbody>
        {changes.map((x) => (
          <tr key={x.key} data-testid="history-change" data-field={x.key}>
            <td>{x.label}</td>
            {diff ? (
              <td className={`history-before${x.before === '—' || x.before === '（空）' ? ' empty' : ''}`} title={x.before ?? ''}>
                {x.before ?? ''}
              </td>
            ) : null}
            <td className="history-after" title={x.after}>
              {x.after}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function HistorySection({ caseNumber }: { caseNumber: string }) {
  const h = useStore(stores.caseWork, (s) => s.history);
  const mine = h.caseNumber === caseNumber;
  const entries = mine ? historyEntries(h.rows) : [];
  return (
    <section className="panel" aria-label="修改记录" data-testid="case-history">
      <h2>
        修改记录 <span className="muted small">{entries.length ? `${entries.length} 条` : ''}</span>
      </h2>
      {mine && h.error ? (
        <div className="banner error" role="alert" data-testid="case-history-error">
          {h.error}{' '}
          <button type="button" className="link-button" onClick={() => void stores.caseWork.getState().loadHistory(caseNumber, { force: true })}>
            重试
          </button>
        </div>
      ) : !mine || (h.loading && !entries.length) ? (
        <p className="muted">正在读取修改记录…</p>
      ) : entries.length === 0 ? (
        <p className="muted">没有修改记录。</p>
      ) : (
        <ol className="history-list">
          {entries.map((e) => (
            <li key={e.id} className="history-entry" data-testid="history-entry" data-action={e.action}>
              <div className="history-head">
                <span className="num history-at">{formatDateTime(e.at)}</span>
                <span className="history-actor" title={e.actor}>
                  {e.actor}
                </span>
                <strong className="history-what">{e.label}</strong>
              </div>
              {e.hidden ? (
                <p className="muted small">内容不在您的查看范围内。</p>
              ) : e.changes.length ? (
                <Changes changes={e.changes} />
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
