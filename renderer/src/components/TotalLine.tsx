// 共 N 件 beside a case list's title: from cases.count, which may answer after the page (or fail without hiding it).
import { formatCount } from '../lib/format';

export function TotalLine({ total, loading, error }: { total: number | null; loading: boolean; error: string | null }) {
  if (total !== null) {
    return (
      <span className="total" data-testid="case-total" data-count={total}>
        共 {formatCount(total)} 件
      </span>
    );
  }
  if (error) {
    return (
      <span className="total muted" data-testid="case-total-error" title={error}>
        总数暂不可用
      </span>
    );
  }
  return loading ? <span className="total muted">正在统计总数…</span> : null;
}
