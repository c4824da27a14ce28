// The numbers under each chart of 延审原因分析, as a table that reads aloud and prints: every count a link to the
// requests behind it, the approval rate with its numerator and denominator (— when nothing was decided).
import type { ReactNode } from 'react';
import type { ExtensionFilter, StudyCounts, StudyOutcome, StudyRate } from '../../../../../shared/extensions/study';
import { Link } from '../../../components/Link';
import { formatCount } from '../../../lib/format';

export function rateText(r: StudyRate): string {
  return r.value === null ? '—' : `${r.value.toFixed(1)}%`;
}

/** The outcome columns in stack order, each with the filter value its link carries. */
export const OUTCOME_COLUMNS: ReadonlyArray<{ key: 'approved' | 'shorter' | 'rejected' | 'waiting' | 'higherCourt'; outcome: StudyOutcome; label: string }> = [
  { key: 'approved', outcome: 'approved', label: '批准' },
  { key: 'shorter', outcome: 'shorter', label: '缩短期限批准' },
  { key: 'rejected', outcome: 'rejected', label: '不予批准' },
  { key: 'waiting', outcome: 'waiting', label: '审批中' },
  { key: 'higherCourt', outcome: 'higher_court', label: '已报上级法院' },
];

export interface StudyTableRow {
  key: string;
  /** The first cells: the name, and for judges the division. */
  cells: ReactNode[];
  counts: StudyCounts;
  filter: ExtensionFilter;
}

function CountLink({ n, filter, testId }: { n: number; filter: ExtensionFilter; testId: string }) {
  if (n === 0) return <span className="muted">0</span>;
  return (
    <Link to={{ name: 'extensions', view: 'all', filter }} testId={testId}>
      {formatCount(n)}
    </Link>
  );
}

export function StudyTable(props: { caption: string; heads: string[]; rows: StudyTableRow[]; total?: StudyTableRow; testId: string }) {
  const line = (r: StudyTableRow, total: boolean) => (
    <tr key={r.key} className={total ? 'study-total' : undefined} data-testid={`${props.testId}-row`} data-key={r.key}>
      {r.cells.map((c, i) => (i === 0 ? <th key={i} scope="row">{c}</th> : <td key={i}>{c}</td>))}
      <td className="num">
        <CountLink n={r.counts.requests} filter={r.filter} testId="study-count" />
      </td>
      {OUTCOME_COLUMNS.map((c) => (
        <td key={c.key} className="num">
          <CountLink n={r.counts[c.key]} filter={{ ...r.filter, outcome: c.outcome }} testId={`study-count-${c.outcome}`} />
        </td>
      ))}
      <td className="num">
        <CountLink n={r.counts.late} filter={{ ...r.filter, late: true }} testId="study-count-late" />
      </td>
      <td className="num" data-testid="study-rate">
        {rateText(r.counts.approvalRate)}
        {r.counts.approvalRate.denominator > 0 ? <span className="muted">（{r.counts.approvalRate.numerator}/{r.counts.approvalRate.denominator}）</span> : null}
      </td>
    </tr>
  );
  return (
    <table className="note-table study-table" data-testid={props.testId}>
      <caption>{props.caption}</caption>
      <thead>
        <tr>
          {props.heads.map((h) => (
            <th key={h} scope="col">{h}</th>
          ))}
          <th scope="col" className="num">申请</th>
          {OUTCOME_COLUMNS.map((c) => (
            <th key={c.key} scope="col" className="num">{c.label}</th>
          ))}
          <th scope="col" className="num">逾期申请</th>
          <th scope="col" className="num" title="已批准（含缩短期限）÷ 已审批">批准率</th>
        </tr>
      </thead>
      <tbody>{props.rows.map((r) => line(r, false))}</tbody>
      {props.total ? <tfoot>{line(props.total, true)}</tfoot> : null}
    </table>
  );
}
