// The record sections of the case page: what its closings left (阅核, 类案检索, reopenings).
import type { CaseDetail } from '../../../../shared/api/contract';
import { formatDate } from '../../lib/format';

/** 阅核, 类案检索 and 重开 as recorded at and after closing. */
export function ClosingRecordSection({ c }: { c: CaseDetail }) {
  const reviews = c.reviews ?? [];
  const searches = c.precedentSearches ?? [];
  const reopenings = c.reopenings ?? [];
  if (!reviews.length && !searches.length && !reopenings.length) return null;
  return (
    <section className="panel" aria-label="结案记录" data-testid="closing-record">
      <h2>阅核、类案检索与重开记录</h2>
      {reviews.length ? (
        <>
          <h3>阅核</h3>
          <table className="plain-table" data-testid="case-reviews">
            <colgroup>
              <col className="w-120" />
              <col className="w-120" />
              <col className="w-110" />
              <col className="w-150" />
              <col className="w-110" />
              <col />
            </colgroup>
            <thead>
              <tr>
                <th>阅核人</th>
                <th>身份</th>
                <th className="num">阅核日期</th>
                <th>意见</th>
                <th>四类案件</th>
                <th>登记人</th>
              </tr>
            </thead>
            <tbody>
              {reviews.map((r, i) => (
                <tr key={i} data-testid="case-review">
                  <td className="ellipsis" title={r.reviewer}>
                    {r.reviewer}
                  </td>
                  <td>{r.reviewerRole}</td>
                  <td className="num">{formatDate(r.reviewedOn)}</td>
                  <td>{r.action}</td>
                  <td>{r.fourCategories ? '是' : '否'}</td>
                  <td className="ellipsis" title={r.recordedBy}>
                    {r.recordedBy}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
      {searches.length ? (
        <>
          <h3>类案检索</h3>
          <table className="plain-table" data-testid="case-precedents">
            <colgroup>
              <col className="w-150" />
              <col />
              <col />
              <col className="w-110" />
              <col className="w-110" />
            </colgroup>
            <thead>
              <tr>
                <th>平台</th>
                <th>检索内容</th>
                <th>参考案例</th>
                <th className="num">检索日期</th>
                <th>登记人</th>
              </tr>
            </thead>
            <tbody>
              {searches.map((p, i) => (
                <tr key={i} data-testid="case-precedent">
                  <td>{p.platforms.join('、')}</td>
                  <td className="ellipsis" title={p.query}>
                    {p.query}
                  </td>
                  <td className="wrap" title={p.references.join('、')}>
                    {p.noneFound ? <span className="muted">无类案</span> : p.references.join('、') || '—'}
                  </td>
                  <td className="num">{formatDate(p.searchedOn)}</td>
                  <td className="ellipsis" title={p.recordedBy}>
                    {p.recordedBy}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
      {reopenings.length ? (
        <>
          <h3>重开</h3>
          <table className="plain-table" data-testid="case-reopenings">
            <colgroup>
              <col className="w-110" />
              <col className="w-120" />
              <col />
              <col className="w-120" />
              <col className="w-110" />
            </colgroup>
            <thead>
              <tr>
                <th className="num">原结案日期</th>
                <th>原结案方式</th>
                <th>重开理由</th>
                <th>重开人</th>
                <th className="num">重开日期</th>
              </tr>
            </thead>
            <tbody>
              {reopenings.map((r, i) => (
                <tr key={i} data-testid="case-reopening">
                  <td className="num">{formatDate(r.closedOn)}</td>
                  <td>{r.closingMethod}</td>
                  <td className="wrap" title={r.reason}>
                    {r.reason}
                  </td>
                  <td className="ellipsis" title={r.reopenedBy}>
                    {r.reopenedBy}
                  </td>
                  <td className="num">{formatDate(r.reopenedOn)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
    </section>
  );
}
