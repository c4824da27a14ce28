// 导入案件 (#/cases/import): pick a CSV, .xlsx, exchange XML or ZIP; see its columns matched and mapped, a preview and every bad row; import all or nothing, or the good rows only with the rejected ones saved as Excel; progress and cancel while the worker runs, the window answering meanwhile.
import { useEffect } from 'react';
import { useStore } from 'zustand';
import { JobProgress } from '../../../components/JobProgress';
import { Link } from '../../../components/Link';
import { formatCount } from '../../../lib/format';
import { session, stores } from '../../../stores';
import { userCan } from '../../auth/session';
import { scopeLabel } from '../../../../../shared/accounts/roles';
import { IMPORT_EXTENSIONS } from '../../../../../shared/cases/importApi';
import { downloadBytes } from '../exportXlsx';
import { ImportColumns } from './ImportColumns';
import { ImportErrors, ImportSample, ImportWarnings } from './ImportIssues';
import type { ImportPreview, ImportResult } from '../../../../../shared/api/contract';
import './import.css';

/** A file's size as people read it: 12 KB, 3.4 MB, 28 MB. */
function sizeText(n: number): string {
  if (n < 1024 * 1024) return `${Math.max(1, Math.round(n / 1024))} KB`;
  return `${(n / 1024 / 1024).toFixed(n < 10 * 1024 * 1024 ? 1 : 0)} MB`;
}

const FORMAT_LABEL: Record<ImportPreview['format'], string> = { csv: 'CSV', xlsx: 'Excel 工作簿', xml: '数据交换 XML', zip: '数据交换 XML 压缩包' };

function Summary({ p }: { p: ImportPreview }) {
  if (p.fileLevel) return null;
  return (
    <p className="import-summary" data-testid="import-summary">
      共 <strong>{formatCount(p.rows)}</strong> 行：可导入 <strong className="tone-ok">{formatCount(p.good)}</strong> 行
      {`（新增 ${formatCount(p.willInsert)} 件，更新 ${formatCount(p.willUpdate)} 件，与已有记录相同 ${formatCount(p.unchanged)} 件）`}
      {p.badRows > 0 ? (
        <>
          ，有错误 <strong className="tone-danger">{formatCount(p.badRows)}</strong> 行
        </>
      ) : null}
      {p.skippedEmpty > 0 ? `，空行 ${formatCount(p.skippedEmpty)} 行已跳过` : ''}。
    </p>
  );
}

function Choices({ p }: { p: ImportPreview }) {
  const goodRowsOnly = useStore(stores.caseImport, (s) => s.goodRowsOnly);
  const createMissing = useStore(stores.caseImport, (s) => s.createMissing);
  const phase = useStore(stores.caseImport, (s) => s.phase);
  const s = stores.caseImport.getState();
  const busy = phase !== 'preview';
  const names = [...p.newDivisions.map((d) => `部门“${d}”`), ...p.newStaff.map((n) => `人员“${n}”`)];
  return (
    <section className="panel import-section" data-testid="import-choices">
      <h2>导入</h2>
      {names.length > 0 ? (
        <label className="check import-new-names">
          <input type="checkbox" checked={createMissing} disabled={busy} onChange={(e) => s.setCreateMissing(e.target.checked)} data-testid="import-create-missing" />
          <span>
            文件中有本院尚无的{names.slice(0, 12).join('、')}{names.length > 12 ? ` 等 ${names.length} 个` : ''}。确为新设部门或新来人员的，勾选后一并建立；
            不勾选，这些行被拒绝（多为错别字）。
          </span>
        </label>
      ) : null}
      <div className="import-modes" role="radiogroup" aria-label="导入方式">
        <label className="check">
          <input type="radio" name="import-mode" checked={!goodRowsOnly} disabled={busy} onChange={() => s.setGoodRowsOnly(false)} data-testid="import-all-or-nothing" />
          <span>全部导入：任何一行有错误，则一行也不导入</span>
        </label>
        <label className="check">
          <input type="radio" name="import-mode" checked={goodRowsOnly} disabled={busy} onChange={() => s.setGoodRowsOnly(true)} data-testid="import-good-rows-only" />
          <span>只导入正确的行：被拒绝的行连同原因另存为 Excel 文件，改正后可再导入</span>
        </label>
      </div>
      <div className="form-actions">
        <button type="button" className="primary" disabled={busy || p.good === 0} onClick={() => void s.run()} data-testid="import-run">
          开始导入
        </button>
        <span className="muted small">导入前自动备份数据库；导入在一个事务中完成，取消或出错时数据库保持原样。重复导入同一文件不会产生变化。</span>
      </div>
    </section>
  );
}

function Result({ r }: { r: ImportResult }) {
  const mayReconcile = useStore(session, (s) => userCan(s.user, 'reconciliation.view'));
  async function download() {
    const pieces = await stores.caseImport.getState().fetchRejected();
    if (pieces && r.rejectedFile && !downloadBytes(pieces, r.rejectedFile)) {
      stores.caseImport.setState({ error: '此窗口不允许下载文件。请改用命令行 courtdesk import --good-rows-only 导入，被拒绝的行会写在文件旁边。' });
    }
  }
  return (
    <section className="panel import-section" data-testid="import-result" role="status">
      {r.aborted ? (
        <p className="tone-danger">
          <strong>未导入任何案件：</strong>有 {formatCount(r.rejected)} 行错误。可改正后重新导入，或选择“只导入正确的行”。
        </p>
      ) : (
        <p>
          <strong className="tone-ok">导入完成：</strong>新增 {formatCount(r.inserted)} 件，更新 {formatCount(r.updated)} 件，未变 {formatCount(r.unchanged)} 件
          {r.rejected > 0 ? `，拒绝 ${formatCount(r.rejected)} 行` : ''}
          {r.addedDivisions.length + r.addedStaff.length > 0 ? `；新建部门 ${r.addedDivisions.length} 个、人员 ${r.addedStaff.length} 名` : ''}
          {r.disagreements ? `；审限与本程序计算不一致 ${formatCount(r.disagreements)} 件${mayReconcile ? '' : '（院长、审管办在“审限核对”中查看）'}` : ''}。
        </p>
      )}
      <div className="form-actions">
        {r.rejectedToken ? (
          <button type="button" onClick={() => void download()} data-testid="import-download-rejected">
            下载被拒绝的行（Excel）
          </button>
        ) : null}
        {r.disagreements && mayReconcile ? <Link to={{ name: 'reconciliation' }}>查看审限核对</Link> : null}
        <Link to={{ name: 'cases', filters: { ...stores.cases.getState().filters }, page: 1 }}>查看案件列表</Link>
        <button type="button" className="link-button" onClick={() => stores.caseImport.getState().reset()} data-testid="import-again">
          导入另一个文件
        </button>
      </div>
    </section>
  );
}

/** Importing is for court-wide accounts with the right to register cases (立案庭): others are told so, not refused later. */
export function ImportPage() {
  const user = useStore(session, (s) => s.user);
  const allowed = userCan(user, 'cases.register') && user?.scope === scopeLabel({ kind: 'all' });
  if (!allowed) {
    return (
      <div className="page import-page" data-testid="import-page">
        <div className="page-head">
          <h1>导入案件</h1>
        </div>
        <div className="notice" data-testid="import-not-allowed">
          <p>批量导入案件需要全院范围、可以登记案件的账号（如立案庭书记员）。</p>
          <p className="muted">{user ? `${user.name}的账号只能处理${user.scope}。` : ''}如需导入，请联系本院立案庭或系统管理员。</p>
        </div>
      </div>
    );
  }
  return <ImportScreen />;
}

function ImportScreen() {
  const phase = useStore(stores.caseImport, (s) => s.phase);
  const fileName = useStore(stores.caseImport, (s) => s.fileName);
  const fileSize = useStore(stores.caseImport, (s) => s.fileSize);
  const sent = useStore(stores.caseImport, (s) => s.sent);
  const preview = useStore(stores.caseImport, (s) => s.preview);
  const result = useStore(stores.caseImport, (s) => s.result);
  const error = useStore(stores.caseImport, (s) => s.error);
  // Leaving the screen discards the uploaded copy: it holds party names and nobody will import it from here.
  useEffect(() => () => stores.caseImport.getState().reset(), []);
  const working = phase === 'uploading' || phase === 'checking' || phase === 'importing';
  return (
    <div className="page page-scroll import-page" data-testid="import-page">
      <div className="page-head">
        <h1>导入案件</h1>
        <Link to={{ name: 'cases', filters: { ...stores.cases.getState().filters }, page: 1 }} className="push-right">
          返回案件列表
        </Link>
      </div>
      <section className="panel import-section">
        <h2>选择文件</h2>
        <p className="muted small">
          支持审判管理系统导出的 CSV、Excel 工作簿（.xlsx）、数据交换 XML 文件，或装有多个 XML 文件的 ZIP 压缩包。表格的第一行为表头，列名见《导入列说明》。
        </p>
        <div className="import-pick">
          {/* The browser's own file box says "Choose File" in the system's language: a button of ours, the box hidden. */}
          <label className={`button-link${preview || result ? '' : ' primary'}${working ? ' is-disabled' : ''}`} data-testid="import-pick">
            {fileName ? '选择其他文件…' : '选择文件…'}
            <input
                className="import-file-input"
              type="file"
              accept={IMPORT_EXTENSIONS.join(',')}
              disabled={working}
              data-testid="import-file"
              aria-label="选择要导入的文件"
              onChange={(e) => {
                const f = e.target.files?.[0];
                if (f) void stores.caseImport.getState().pick(f);
                e.target.value = '';
              }}
            />
          </label>
          {fileName && phase !== 'uploading' ? (
            <span className="import-file-name" title={fileName}>
              {fileName}（{sizeText(fileSize)}{preview ? `，${FORMAT_LABEL[preview.format]}${preview.encoding ? `，${preview.encoding.toUpperCase()}` : ''}` : ''}）
            </span>
          ) : null}
        </div>
        {phase === 'uploading' ? (
          <div className="job-progress" role="status" data-testid="import-uploading">
            <div className="job-progress-line">
              <span>正在读取“{fileName}”：{sizeText(sent)} / {sizeText(fileSize)}</span>
              <button type="button" onClick={() => stores.caseImport.getState().reset()}>取消</button>
            </div>
            <progress max={fileSize} value={sent} />
          </div>
        ) : null}
        <JobProgress active={phase === 'checking' || phase === 'importing'} />
      </section>
      {error ? (
        <div className="banner error" role="alert" data-testid="import-error">
          {error}
        </div>
      ) : null}
      {preview && phase !== 'done' ? (
        <>
          <Summary p={preview} />
          {preview.columns.length > 0 ? <ImportColumns preview={preview} busy={working} onMap={(h, f) => void stores.caseImport.getState().mapColumn(h, f)} /> : null}
          <ImportErrors preview={preview} />
          {!preview.fileLevel ? <Choices p={preview} /> : null}
          <ImportWarnings preview={preview} />
          <ImportSample preview={preview} />
        </>
      ) : null}
      {result && phase === 'done' ? <Result r={result} /> : null}
    </div>
  );
}
