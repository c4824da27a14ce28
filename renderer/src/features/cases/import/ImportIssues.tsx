// The preview's findings: the good rows' first lines, every bad row with row, column and reason, and the warnings.
import type { ImportIssue, ImportPreview } from '../../../../../shared/api/contract';
import { formatCount } from '../../../lib/format';

function IssueTable({ issues, testId }: { issues: ImportIssue[]; testId: string }) {
  return (
    <div className="import-table-wrap">
      <table className="plain-table import-issues" data-testid={testId}>
        <colgroup>
          <col className="w-import-row" />
          <col className="w-import-col" />
          <col />
        </colgroup>
        <thead>
          <tr>
            <th scope="col" className="num">行</th>
            <th scope="col">列</th>
            <th scope="col">原因</th>
          </tr>
        </thead>
        <tbody>
          {issues.map((e, i) => (
            <tr key={i}>
              <td className="num">{e.row ?? '—'}</td>
              <td title={e.column ?? ''}>{e.column ?? '—'}</td>
              <td className="wrap">{e.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function ImportErrors({ preview }: { preview: ImportPreview }) {
  if (preview.errorCount === 0) return null;
  const unlisted = preview.errorCount - preview.errors.length;
  const rowLevel = preview.errors.some((e) => e.row !== null);
  return (
    <section className="panel import-section" data-testid="import-errors">
      <h2 className="tone-danger">
        {preview.fileLevel ? '文件无法导入' : `有错误的行：${formatCount(preview.badRows)} 行`}
      </h2>
      {rowLevel ? <p className="muted small">行号即文件中的行号（含表头行）。可以只导入正确的行，被拒绝的行连同原因另存为 Excel，改正后再导入。</p> : null}
      <IssueTable issues={preview.errors} testId="import-error-table" />
      {unlisted > 0 ? <p className="muted small">另有 {formatCount(unlisted)} 条未列出；导入后下载的“被拒绝的行”含全部原因。</p> : null}
    </section>
  );
}

export function ImportWarnings({ preview }: { preview: ImportPreview }) {
  if (preview.warningCount === 0) return null;
  return (
    <details className="panel import-section" data-testid="import-warnings">
      <summary>提示 {formatCount(preview.warningCount)} 条（不影响导入）</summary>
      <IssueTable issues={preview.warnings} testId="import-warning-table" />
    </details>
  );
}

export function ImportSample({ preview }: { preview: ImportPreview }) {
  if (preview.sample.length === 0) return null;
  return (
    <section className="panel import-section" data-testid="import-sample">
      <h2>预览（前 {preview.sample.length} 行正确的行）</h2>
      <div className="import-table-wrap">
        <table className="plain-table import-sample">
          <colgroup>
            <col className="w-import-row" />
            <col className="w-import-number" />
            <col />
            <col className="w-import-date" />
            <col />
            <col />
            <col className="w-import-date" />
            <col />
            <col />
          </colgroup>
          <thead>
            <tr>
              <th scope="col" className="num">行</th>
              <th scope="col">案号</th>
              <th scope="col">案由</th>
              <th scope="col">立案日期</th>
              <th scope="col">承办部门</th>
              <th scope="col">承办法官</th>
              <th scope="col">结案日期</th>
              <th scope="col">原告</th>
              <th scope="col">被告</th>
            </tr>
          </thead>
          <tbody>
            {preview.sample.map((r) => (
              <tr key={r.row}>
                <td className="num">{r.row}</td>
                <td title={r.caseNumber}>{r.caseNumber}</td>
                <td title={r.cause}>{r.cause}</td>
                <td>{r.filedOn}</td>
                <td title={r.division}>{r.division}</td>
                <td title={r.judge}>{r.judge}</td>
                <td>{r.closedOn ?? ''}</td>
                <td title={r.plaintiffs}>{r.plaintiffs}</td>
                <td title={r.defendants}>{r.defendants}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
