// 审限核对: each case whose exchange source states another time limit or due date than CourtDesk computes, with both
// dates, the difference, and CourtDesk's arithmetic; every case number opens the case.
import { useStore } from 'zustand';
import { Link } from '../../components/Link';
import { ScopeLine } from '../../components/ScopeLine';
import { formatCount, formatDate } from '../../lib/format';
import { api, stores } from '../../stores';
import { XlsxExportButton } from '../cases/ExportButton';
import type { ReconciliationRow } from '../../../../shared/cases/reconciliation';
import './reconciliation.css';

/** CourtDesk's due date minus the source's: earlier here means the source shows days the law does not give. */
function differenceText(r: ReconciliationRow): { text: string; tone: 'danger' | 'warn' | 'normal' } {
  if (r.differenceDays === null) return { text: r.dueOn ? '来源未载届满日' : '本程序无法定审限', tone: 'normal' };
  if (r.differenceDays === 0) return { text: '届满日相同（法定审限天数不同）', tone: 'normal' };
  return r.differenceDays < 0
    ? { text: `早 ${-r.differenceDays} 天`, tone: 'danger' }
    : { text: `晚 ${r.differenceDays} 天`, tone: 'warn' };
}

export function ReconciliationPage() {
  const rows = useStore(stores.reconciliation, (s) => s.rows);
  const loading = useStore(stores.reconciliation, (s) => s.loading);
  const error = useStore(stores.reconciliation, (s) => s.error);
  return (
    <div className="page page-list" data-testid="reconciliation-page">
      <div className="page-head">
        <h1>审限核对</h1>
        <span className="muted">{rows ? `不一致 ${formatCount(rows.length)} 件` : loading ? '正在读取…' : ''}</span>
        <ScopeLine />
        <button type="button" className="link-button push-right" onClick={() => void stores.reconciliation.getState().load()}>
          刷新
        </button>
        <XlsxExportButton
          start={() => api['cases.reconciliationExport']({})}
          total={rows ? rows.length : null}
          hint={`把审限核对的${rows ? ` ${formatCount(rows.length)} 件` : ''}案件导出为 Excel 文件，含两个届满日、相差天数和本程序的计算过程`}
          filePrefix="审限核对"
          notice="文件仅供本院内部核对审限使用。"
          commandLine="courtdesk reconcile --out 文件.xlsx"
        />
      </div>
      <p className="muted reconciliation-lead">
        每次导入审判管理系统的数据交换 XML 时，本程序把文件所载的“法定审限天数”“审限届满日期”与本程序按审限规则计算的结果逐案比对，
        列出不一致的案件（以最近一次导入为准）。本程序一方按案件现在登记的情况计算，改正后已一致的案件不再列出。“本程序届满日”早于来源的，可能是来源系统未发现的超审限案件。
      </p>
      {error ? (
        <div className="banner error" role="alert">
          {error}
        </div>
      ) : null}
      {rows && rows.length === 0 ? (
        <div className="note-empty" data-testid="reconciliation-empty">
          <p>没有需要核对的案件。</p>
          <p className="muted">在“案件 → 导入”中导入审判管理系统的数据交换 XML（或命令行 courtdesk import 文件.zip）后，来源审限与本程序计算不一致的案件会列在这里。</p>
        </div>
      ) : null}
      {rows && rows.length > 0 ? (
        <div className="note-wrap">
          <table className="note-table" data-testid="reconciliation-table">
            <thead>
              <tr>
                <th scope="col">案号</th>
                <th scope="col">承办</th>
                <th scope="col" className="num">来源届满日</th>
                <th scope="col" className="num">本程序届满日</th>
                <th scope="col">相差</th>
                <th scope="col">本程序的计算</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => {
                const diff = differenceText(r);
                return (
                  <tr key={r.caseNumber} data-testid="reconciliation-row" data-case-number={r.caseNumber}>
                    <td className="stacked">
                      <Link to={{ name: 'case', caseNumber: r.caseNumber }} testId="reconciliation-case-link">
                        {r.caseNumber}
                      </Link>
                      <span className="sub">{r.cause}</span>
                    </td>
                    <td className="stacked">
                      <span>{r.division}</span>
                      <span className="sub">{r.judge}</span>
                    </td>
                    <td className="num stacked">
                      <span>{r.sourceDueOn ? formatDate(r.sourceDueOn) : '—'}</span>
                      <span className="sub">{r.sourceLimitDays !== null ? `法定 ${r.sourceLimitDays} 天` : '未载天数'}</span>
                    </td>
                    <td className="num stacked">
                      <span>{r.dueOn ? formatDate(r.dueOn) : '—'}</span>
                      <span className="sub">{r.limit ? `法定 ${r.limit}（${r.limitDays} 天）` : '无法定审限'}</span>
                    </td>
                    <td>
                      <span className={`chip tone-${diff.tone}`} data-testid="reconciliation-difference">{diff.text}</span>
                    </td>
                    <td className="note-lines">
                      <ol>
                        {r.steps.map((s, i) => (
                          <li key={i}>{s}</li>
                        ))}
                      </ol>
                      <span className="sub">来自 {r.importFile}</span>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}
    </div>
  );
}
