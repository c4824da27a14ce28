// 导出 Excel beside a list: XlsxExportButton exports any list the core writes as .xlsx (fetched in pieces, saved as a
// download), with the long job's progress while it runs; ExportButton is it for a case list (its filters and sort).
import { useState } from 'react';
import { JobProgress } from '../../components/JobProgress';
import { formatCount } from '../../lib/format';
import { api } from '../../stores';
import { toFilterArgs, type CaseFilters } from './filters';
import { base64ToBytes, downloadBytes, exportFileName } from './exportXlsx';

type ExportAnswer = Awaited<ReturnType<(typeof api)['cases.exportXlsx']>>;

export interface XlsxExportProps {
  /** Asks the core to write the file into its exports folder (no file named): answers the token to fetch it by. */
  start: () => Promise<ExportAnswer>;
  /** Cases the list holds (null while unknown); none disables the button. */
  total: number | null;
  /** The button's title: what is exported. */
  hint: string;
  filePrefix: string;
  /** After the count in the message: what the file holds and how to treat it. */
  notice: string;
  /** The command line that does the same, offered when the window may not download. */
  commandLine: string;
  className?: string;
}

export function XlsxExportButton({ start, total, hint, filePrefix, notice, commandLine, className }: XlsxExportProps) {
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  async function run() {
    setBusy(true);
    setMessage(null);
    try {
      const made = await start();
      if (!made.ok) return setMessage({ ok: false, text: `导出失败：${made.error.message}` });
      if (!made.value.token) return setMessage({ ok: false, text: '导出失败：没有得到导出文件，请重试' });
      // The file in pieces (4 MB each), so no single answer carries a large export whole.
      const pieces: Array<Uint8Array<ArrayBuffer>> = [];
      for (let offset = 0, total = 1; offset < total; ) {
        const piece = await api['cases.exportFetch']({ token: made.value.token, offset });
        if (!piece.ok) return setMessage({ ok: false, text: `导出失败：${piece.error.message}` });
        pieces.push(base64ToBytes(piece.value.base64));
        offset = piece.value.next;
        total = piece.value.total;
      }
      const name = exportFileName(filePrefix, made.value.today);
      if (!downloadBytes(pieces, name)) {
        return setMessage({ ok: false, text: `此窗口不允许下载文件。请改用命令行 ${commandLine} 导出，或联系信息技术人员。` });
      }
      setMessage({ ok: true, text: `已导出 ${formatCount(made.value.count)} 件案件到“${name}”。${notice}` });
    } finally {
      setBusy(false);
    }
  }

  const empty = total === 0;
  return (
    <span className={`export-xlsx${className ? ` ${className}` : ''}`}>
      <button type="button" data-testid="export-xlsx" data-count={total ?? undefined} title={empty ? '列表中没有案件' : hint} disabled={busy || empty} onClick={() => void run()}>
        {busy ? '正在导出…' : '导出 Excel'}
      </button>
      {message || busy ? (
        <span className="export-status">
          {message ? (
            <span className={`export-message tone-${message.ok ? 'ok' : 'danger'}`} role={message.ok ? 'status' : 'alert'} data-testid="export-message">
              {message.text}
              <button type="button" className="link-button" aria-label="关闭" onClick={() => setMessage(null)}>
                ×
              </button>
            </span>
          ) : null}
          <JobProgress active={busy} />
        </span>
      ) : null}
    </span>
  );
}

export function ExportButton({ filters, total, title, filePrefix, className }: { filters: CaseFilters; total: number | null; title: string; filePrefix: string; className?: string }) {
  return (
    <XlsxExportButton
      start={() => api['cases.exportXlsx']({ ...toFilterArgs(filters), sort: filters.sort, title })}
      total={total}
      hint={`把当前列表${total === null ? '' : `的 ${formatCount(total)} 件案件`}按当前筛选和排序导出为 Excel 文件（含当事人姓名）`}
      filePrefix={filePrefix}
      notice="文件含当事人姓名，仅供本院内部使用。"
      commandLine="courtdesk cases --out 文件.xlsx"
      className={className}
    />
  );
}
