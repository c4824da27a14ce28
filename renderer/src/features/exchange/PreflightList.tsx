// 报送前检查's answer: what will go (counts), and each question the intermediate court would raise, by case number
// (a case number opens the case); at most 1,000 are listed.
import type { PreflightView } from '../../../../shared/exchange/api';
import { Link } from '../../components/Link';
import { formatCount } from '../../lib/format';
import { countsText, fieldLabel } from './labels';

export function PreflightList({ view, names }: { view: PreflightView; names: boolean }) {
  const total = view.issues.length + view.more;
  return (
    <div className="xc-preflight" data-testid="xc-preflight">
      <p data-testid="xc-preflight-counts">
        <strong>将报送</strong>（{view.from} 至 {view.to}）：{countsText(view.counts)}；{names ? '含当事人姓名' : '不含当事人姓名'}
      </p>
      {total === 0 ? (
        <p className="tone-ok" data-testid="xc-preflight-none">
          未发现中院会质疑的问题。
        </p>
      ) : (
        <>
          <p className="tone-warn" data-testid="xc-preflight-total">
            发现 {formatCount(total)} 个中院可能质疑的问题{view.more > 0 ? `，只列出前 ${view.issues.length} 个` : ''}。可以先在案件中改正，也可以照常报送。
          </p>
          <div className="note-wrap xc-issues">
            <table className="note-table">
              <thead>
                <tr>
                  <th scope="col">案号</th>
                  <th scope="col">项目</th>
                  <th scope="col">问题</th>
                </tr>
              </thead>
              <tbody>
                {view.issues.map((i, n) => (
                  <tr key={n} data-testid="xc-issue">
                    <td>
                      <Link to={{ name: 'case', caseNumber: i.caseNumber }} testId="xc-issue-case">
                        {i.caseNumber}
                      </Link>
                    </td>
                    <td>{fieldLabel(i.field)}</td>
                    <td>{i.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </div>
  );
}
