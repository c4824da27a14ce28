// 导出PDF / 导出Excel on the 周通报 and 月分析 tabs: asks the core for the printed report (a long job, with its progress
// and 取消 while it runs) and hands the file to the browser's download, as the case-list export and the 审批表 do.
import { useState } from 'react';
import { JobProgress } from '../../components/JobProgress';
import { downloadBytes, XLSX_MIME } from '../../lib/download';
import { base64ToBytes } from '../cases/exportXlsx';
import { api } from '../../stores';
import { REPORT_TITLES, type ReportFormat, type ReportKind } from '../../../../shared/reports/api';

const FORMAT_LABEL: Record<ReportFormat, string> = { pdf: '导出PDF', xlsx: '导出Excel' };

export function ReportButtons({ kind, date, what }: { kind: ReportKind; date: string; what: string }) {
  const [busy, setBusy] = useState<ReportFormat | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  async function run(format: ReportFormat) {
    setBusy(format);
    setMessage(null);
    try {
      const r = await api['reports.build']({ kind, date, format });
      if (!r.ok) return setMessage({ ok: false, text: `导出失败：${r.error.message}` });
      const type = format === 'pdf' ? 'application/pdf' : XLSX_MIME;
      if (!downloadBytes([base64ToBytes(r.value.base64)], r.value.fileName, type)) {
        const cli = `courtdesk report ${kind} --date ${date} --out 文件.${format}`;
        return setMessage({ ok: false, text: `此窗口不允许下载文件。请改用命令行 ${cli} 导出，或联系信息技术人员。` });
      }
      setMessage({ ok: true, text: `已导出“${r.value.fileName}”（${Math.ceil(r.value.bytes / 1024)} KB）。` });
    } finally {
      setBusy(null);
    }
  }

  return (
    <span className="export-xlsx ind-report" data-testid={`report-${kind}`}>
      {(['pdf', 'xlsx'] as const).map((f) => (
        <button key={f} type="button" data-testid={`report-${f}`} disabled={busy !== null}
          title={`把${what}的${REPORT_TITLES[kind]}导出为${f === 'pdf' ? '可打印的 PDF（含图表）' : 'Excel 表格'}；统计范围为您可查看的全部案件，各部门、法官按名称排列`}
          onClick={() => void run(f)}>
          {busy === f ? '正在导出…' : FORMAT_LABEL[f]}
        </button>
      ))}
      {message || busy ? (
        <span className="export-status">
          {message ? (
            <span className={`export-message tone-${message.ok ? 'ok' : 'danger'}`} role={message.ok ? 'status' : 'alert'} data-testid="report-message">
              {message.text}
              <button type="button" className="link-button" aria-label="关闭" onClick={() => setMessage(null)}>
                ×
              </button>
            </span>
          ) : null}
          <JobProgress active={busy !== null} />
        </span>
      ) : null}
    </span>
  );
}
