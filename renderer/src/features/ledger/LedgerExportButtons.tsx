// 导出台账 Excel / PDF on the 台账 page: asks the core for the whole 脱薄工作台账 as of today (ledger.export) and hands the file to the browser's download, as the printed reports do.
import { useState } from 'react';
import { downloadBytes, XLSX_MIME } from '../../lib/download';
import { base64ToBytes } from '../cases/exportXlsx';
import { api } from '../../stores';
import type { LedgerExportFormat } from '../../../../shared/ledger/exportApi';

const LABELS: Record<LedgerExportFormat, string> = { xlsx: '导出台账 Excel', pdf: '导出台账 PDF' };
const TITLES: Record<LedgerExportFormat, string> = {
  xlsx: '把脱薄工作台账导出为 Excel 表格：“台账”表按薄弱点分组，“措施明细”表每项措施一行，便于筛选',
  pdf: '把脱薄工作台账导出为可打印的 PDF（A4 横向，每页重复表头）',
};

export function LedgerExportButtons() {
  const [busy, setBusy] = useState<LedgerExportFormat | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  async function run(format: LedgerExportFormat) {
    setBusy(format);
    setMessage(null);
    try {
      const r = await api['ledger.export']({ format });
      if (!r.ok) return setMessage({ ok: false, text: `导出失败：${r.error.message}` });
      const type = format === 'pdf' ? 'application/pdf' : XLSX_MIME;
      if (!downloadBytes([base64ToBytes(r.value.base64)], r.value.fileName, type)) {
        return setMessage({ ok: false, text: `此窗口不允许下载文件。请改用命令行 courtdesk ledger export --out 台账.${format} 导出，或联系信息技术人员。` });
      }
      setMessage({ ok: true, text: `已导出“${r.value.fileName}”（薄弱点 ${r.value.weakPoints} 个，措施 ${r.value.measures} 项，${Math.ceil(r.value.bytes / 1024)} KB）。` });
    } finally {
      setBusy(null);
    }
  }

  return (
    <span className="export-xlsx ledger-export" data-testid="ledger-export">
      {(['xlsx', 'pdf'] as const).map((f) => (
        <button key={f} type="button" data-testid={`ledger-export-${f}`} disabled={busy !== null} title={TITLES[f]} onClick={() => void run(f)}>
          {busy === f ? '正在导出…' : LABELS[f]}
        </button>
      ))}
      {message ? (
        <span className="export-status">
          <span className={`export-message tone-${message.ok ? 'ok' : 'danger'}`} role={message.ok ? 'status' : 'alert'} data-testid="ledger-export-message">
            {message.text}
            <button type="button" className="link-button" aria-label="关闭" onClick={() => setMessage(null)}>
              ×
            </button>
          </span>
        </span>
      ) : null}
    </span>
  );
}
