// 导出 Excel beside a case list: exports what the list holds (its filters and sort, the person's scope) as .xlsx,
// with its count in the button's title and the long job's progress while it runs.
import { useState } from 'react';
import { JobProgress } from '../../components/JobProgress';
import { formatCount } from '../../lib/format';
import { api } from '../../stores';
import { toFilterArgs, type CaseFilters } from './filters';
import { base64ToBytes, downloadBytes, exportFileName } from './exportXlsx';

export function ExportButton({ filters, total, title, filePrefix, className }: { filters: CaseFilters; total: number | null; title: string; filePrefix: string; className?: string }) {
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  async function run() {
    setBusy(true);
    setMessage(null);
    try {
      const made = await api['cases.exportXlsx']({ ...toFilterArgs(filters), sort: filters.sort, title });
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
        return setMessage({ ok: false, text: '此窗口不允许下载文件。请改用命令行 courtdesk cases --out 文件.xlsx 导出，或联系信息技术人员。' });
      }
      setMessage({ ok: true, text: `已导出 ${formatCount(made.value.count)} 件案件到“${name}”。文件含当事人姓名，仅供本院内部使用。` });
    } finally {
      setBusy(false);
    }
  }

  const empty = total === 0;
  const hint = empty
    ? '列表中没有案件'
    : `把当前列表${total === null ? '' : `的 ${formatCount(total)} 件案件`}按当前筛选和排序导出为 Excel 文件（含当事人姓名）`;
  return (
    <span className={`export-xlsx${className ? ` ${className}` : ''}`}>
      <button type="button" data-testid="export-xlsx" data-count={total ?? undefined} title={hint} disabled={busy || empty} onClick={() => void run()}>
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
