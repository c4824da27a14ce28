// 已生成的报送包: newest first, each with its sequence, kind (and base), period, file, when and by whom; 重新写出 puts
// the very bytes kept at export into a folder again (the intermediate court sees the same package).
import { useState } from 'react';
import type { ExportView, PastExportView } from '../../../../shared/exchange/api';
import { boxProps, FormField } from '../../components/FormField';
import { formatDateTime } from '../../lib/format';
import { api } from '../../stores';
import { GeneralError, useAct } from './common';
import { ExportResult } from './ExportPanel';
import { kindText } from './labels';

export function PastExports({ rows, error }: { rows: PastExportView[] | null; error: string | null }) {
  const [outDir, setOutDir] = useState('');
  const [again, setAgain] = useState<ExportView | null>(null);
  const act = useAct(['outDir', 'sequence']);

  async function rewrite(sequence: number) {
    if (act.busy) return;
    setAgain(null);
    if (!outDir.trim()) return act.fail('outDir', '请先填写要写入的 U 盘或文件夹的完整路径');
    const v = await act.run(() => api['exchange.rewrite']({ sequence, outDir: outDir.trim() }));
    if (v) setAgain(v);
  }

  return (
    <section className="panel xc-panel" data-testid="xc-past">
      <h2>已生成的报送包</h2>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      {rows && rows.length === 0 ? (
        <p className="muted" data-testid="xc-past-empty">
          本院尚未生成过报送包。
        </p>
      ) : null}
      {rows && rows.length > 0 ? (
        <>
          <div className="note-wrap xc-table-wrap">
            <table className="note-table">
              <thead>
                <tr>
                  <th scope="col" className="num">序号</th>
                  <th scope="col">类型</th>
                  <th scope="col">期间</th>
                  <th scope="col">文件名</th>
                  <th scope="col">生成时间</th>
                  <th scope="col">生成人</th>
                  <th scope="col">操作</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.sequence} data-testid="xc-past-row" data-sequence={r.sequence}>
                    <td className="num">{r.sequence}</td>
                    <td className="xc-nowrap">{kindText(r.kind, r.baseSequence)}</td>
                    <td className="xc-nowrap">
                      {r.periodFrom} 至 {r.periodTo}
                    </td>
                    <td className="path">{r.fileName}</td>
                    <td className="xc-nowrap">{formatDateTime(r.createdAt)}</td>
                    <td>{r.createdBy}</td>
                    <td>
                      <button type="button" className="link-button" disabled={act.busy} onClick={() => void rewrite(r.sequence)} data-testid="xc-rewrite">
                        重新写出
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="form-row path-row xc-inline">
            <FormField id="xc-rewrite-dir" label="重新写出到" error={act.fieldError('outDir')} hint="U 盘或文件夹的完整路径；写出的文件与当初生成的逐字节相同" testId="xc-rewrite-dir">
              <input {...boxProps('xc-rewrite-dir', act.fieldError('outDir'), 'xc-rewrite-dir')} value={outDir} onChange={(e) => setOutDir(e.target.value)} maxLength={1000} autoComplete="off" spellCheck={false} />
            </FormField>
          </div>
          <GeneralError message={act.general ?? act.fieldError('sequence')} testId="xc-rewrite-error" />
          {again ? <ExportResult view={again} title="已重新写出" testId="xc-rewritten" /> : null}
        </>
      ) : null}
    </section>
  );
}
