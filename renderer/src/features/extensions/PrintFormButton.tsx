// 打印审批表: asks the core for a request's 延长审理期限审批表 as PDF and hands it to the browser's download, named after the case and the request.
import { useState } from 'react';
import { downloadBytes } from '../../lib/download';
import { base64ToBytes } from '../cases/exportXlsx';
import { api } from '../../stores';

export function PrintFormButton({ id, caseNumber }: { id: number; caseNumber: string }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function print() {
    setBusy(true);
    setError(null);
    try {
      const form = await api['extensions.form']({ id });
      if (!form.ok) return setError(`未能生成审批表：${form.error.message}`);
      if (!downloadBytes([base64ToBytes(form.value.base64)], form.value.fileName, 'application/pdf')) {
        setError(`此窗口不允许下载文件。请改用命令行 courtdesk extension form ${id} --out 审批表.pdf 生成，或联系信息技术人员。`);
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <span className="ext-print">
      <button type="button" className="link-button" data-testid="ext-print-form" title={`下载 ${caseNumber} 的延长审理期限审批表（PDF），打印后签字`} disabled={busy} onClick={() => void print()}>
        {busy ? '正在生成…' : '打印审批表'}
      </button>
      {error ? (
        <span className="tone-danger small" role="alert" data-testid="ext-print-error">
          {error}
        </span>
      ) : null}
    </span>
  );
}
