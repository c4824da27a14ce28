// 列的对应: each headed column of a spreadsheet, the import column it fills, and for the headers the import does not know a choice of column (or 不导入), remembered for the next file with the same headers.
import type { ColumnMatch, ImportField, ImportPreview } from '../../../../../shared/api/contract';
import { IMPORT_COLUMNS } from '../../../../../shared/cases/importColumns';

const HEADER_OF = new Map(IMPORT_COLUMNS.map((c) => [c.field, c.header]));
const REQUIRED = new Set(IMPORT_COLUMNS.filter((c) => c.required).map((c) => c.field));

const HOW: Record<ColumnMatch['how'], { text: string; tone: string }> = {
  exact: { text: '已识别', tone: 'tone-ok' },
  alias: { text: '已识别（别名）', tone: 'tone-ok' },
  mapped: { text: '手动对应', tone: 'tone-info' },
  ignored: { text: '不导入', tone: 'tone-muted' },
  unknown: { text: '未识别，不导入', tone: 'tone-warn' },
};

export function ImportColumns({ preview, busy, onMap }: { preview: ImportPreview; busy: boolean; onMap: (header: string, field: ImportField | null) => void }) {
  const filled = new Set(preview.columns.map((c) => c.field).filter((f): f is ImportField => f !== null));
  const missing = IMPORT_COLUMNS.filter((c) => c.required && !filled.has(c.field));
  return (
    <section className="panel import-section" data-testid="import-columns">
      <h2>列的对应</h2>
      <p className="muted small">
        文件中的列按表头名称对应到本程序的导入列。无法识别的表头，请选择它对应的列或“不导入”；选择会记住，下次导入表头相同的文件时自动套用。
        {preview.remembered ? <strong className="tone-info">（已套用上次对相同表头的选择）</strong> : null}
      </p>
      {missing.length > 0 ? (
        <p className="form-message tone-danger" role="alert">
          缺少必填列：{missing.map((c) => `“${c.header}”`).join('、')}。如文件中有这些内容而表头不同，请在下表中选择对应。
        </p>
      ) : null}
      <div className="import-table-wrap">
        <table className="plain-table import-columns-table">
          <colgroup>
            <col className="w-import-col" />
            <col />
            <col className="w-import-how" />
          </colgroup>
          <thead>
            <tr>
              <th scope="col">文件中的列</th>
              <th scope="col">导入为</th>
              <th scope="col">状态</th>
            </tr>
          </thead>
          <tbody>
            {preview.columns.map((c) => (
              <tr key={c.index} data-testid={`import-column-${c.header}`}>
                <td title={c.header}>{c.header}</td>
                <td>
                  {c.how === 'exact' || c.how === 'alias' ? (
                    HEADER_OF.get(c.field!)
                  ) : (
                    <select
                      aria-label={`“${c.header}”对应的列`}
                      value={c.field ?? ''}
                      disabled={busy}
                      onChange={(e) => onMap(c.header, (e.target.value || null) as ImportField | null)}
                    >
                      <option value="">不导入</option>
                      {IMPORT_COLUMNS.map((col) => (
                        <option key={col.field} value={col.field} disabled={filled.has(col.field) && c.field !== col.field}>
                          {col.header}
                          {REQUIRED.has(col.field) ? '（必填）' : ''}
                          {c.suggestion === col.field ? '（建议）' : ''}
                        </option>
                      ))}
                    </select>
                  )}
                </td>
                <td className={HOW[c.how].tone}>{HOW[c.how].text}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
