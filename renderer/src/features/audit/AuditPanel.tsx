// 审计日志 (audit.view): who did what and when, newest first; the before/after of each change; the chain check; CSV.
import { Fragment, useState, type FormEvent } from 'react';
import { useStore } from 'zustand';
import type { AuditRow } from '../../../../shared/api/contract';
import { CSV_MAX_ROWS } from '../../lib/csv';
import { auditCsv, auditCsvFileName } from './csv';
import { auditActionLabel, auditActionTone, auditEntityLabel, prettyJson } from './labels';
import { formatCount, formatDateTime } from '../../lib/format';
import { AUDIT_PAGE_SIZE, EMPTY_AUDIT_FILTERS, auditFilterProblem, type AuditFilters } from './store';
import { stores } from '../../stores';
import { downloadBytes } from '../../lib/download';

function FilterForm({ onApply }: { onApply(): void }) {
  const applied = useStore(stores.audit, (s) => s.filters);
  const [f, setF] = useState<AuditFilters>(applied);
  const [problem, setProblem] = useState<string | null>(null);
  const set = (patch: Partial<AuditFilters>) => setF((x) => ({ ...x, ...patch }));
  function submit(e: FormEvent) {
    e.preventDefault();
    const p = auditFilterProblem(f);
    setProblem(p);
    if (!p) {
      onApply();
      void stores.audit.getState().load(f, 1);
    }
  }
  return (
    <form className="filter-bar" onSubmit={submit} role="search" noValidate>
      <label className="filter">
        <span>操作人</span>
        <input data-testid="audit-actor" value={f.actor} onChange={(e) => set({ actor: e.target.value })} maxLength={20} className="w-judge-select" />
      </label>
      <label className="filter">
        <span>案号或账号</span>
        <input data-testid="audit-entity" value={f.entityKey} onChange={(e) => set({ entityKey: e.target.value })} maxLength={60} className="w-entity" placeholder="完整案号或账号姓名" />
      </label>
      <label className="filter">
        <span>起</span>
        <input type="date" data-testid="audit-from" value={f.from} onChange={(e) => set({ from: e.target.value })} />
      </label>
      <label className="filter">
        <span>止</span>
        <input type="date" data-testid="audit-to" value={f.to} onChange={(e) => set({ to: e.target.value })} />
      </label>
      <button type="submit" data-testid="audit-search">
        查询
      </button>
      <button
        type="button"
        className="link-button"
        onClick={() => {
          setF({ ...EMPTY_AUDIT_FILTERS });
          setProblem(null);
          onApply();
          void stores.audit.getState().load({ ...EMPTY_AUDIT_FILTERS }, 1);
        }}
      >
        清除
      </button>
      {problem ? (
        <span className="tone-danger" role="alert">
          {problem}
        </span>
      ) : null}
    </form>
  );
}

function Change({ label, text }: { label: string; text: string | null }) {
  return (
    <div className="audit-change">
      <div className="audit-change-label">{label}</div>
      {text ? <pre className="json">{prettyJson(text)}</pre> : <div className="muted">（无）</div>}
    </div>
  );
}

function Row({ r, open, onToggle }: { r: AuditRow; open: boolean; onToggle(): void }) {
  const hasDetail = r.before !== null || r.after !== null || r.contentHidden;
  const tone = auditActionTone(r.action);
  const label = auditActionLabel(r.action);
  const entity = auditEntityLabel(r.entity);
  return (
    <Fragment>
      <tr data-testid="audit-row" data-action={r.action} className={hasDetail ? 'expandable' : undefined} onClick={hasDetail ? onToggle : undefined}>
        <td className="time" title={r.at}>
          {formatDateTime(r.at)}
        </td>
        <td title={r.actor}>{r.actor}</td>
        <td title={label === r.action ? r.action : `${label}（${r.action}）`} className={tone ? `tone-${tone}` : undefined}>
          {label}
        </td>
        <td title={[entity, r.entityKey].filter(Boolean).join(' ')}>
          {entity ? <span className="muted">{entity} </span> : null}
          {r.entityKey ?? (entity ? '' : '—')}
        </td>
        <td>
          {hasDetail ? (
            <button
              type="button"
              className="link-button"
              aria-expanded={open}
              data-testid="audit-expand"
              onClick={(e) => {
                e.stopPropagation();
                onToggle();
              }}
            >
              {open ? '收起' : '详情'}
            </button>
          ) : null}
        </td>
      </tr>
      {open ? (
        <tr className="audit-detail" data-testid="audit-detail">
          <td colSpan={5}>
            {r.contentHidden ? (
              <p className="muted" data-testid="audit-hidden">该案件不在您的查看范围内，修改内容不显示。</p>
            ) : (
              <div className="audit-changes">
                <Change label="修改前" text={r.before} />
                <Change label="修改后" text={r.after} />
              </div>
            )}
          </td>
        </tr>
      ) : null}
    </Fragment>
  );
}

function VerifyResult() {
  const verifying = useStore(stores.audit, (s) => s.verifying);
  const result = useStore(stores.audit, (s) => s.verifyResult);
  const error = useStore(stores.audit, (s) => s.verifyError);
  if (verifying) return <span className="muted">正在校验…</span>;
  if (error) {
    return (
      <span className="verify-result tone-danger" data-testid="audit-verify-result" data-ok="false" role="alert">
        {error}
      </span>
    );
  }
  if (!result) return null;
  return result.ok ? (
    <span className="verify-result ok" data-testid="audit-verify-result" data-ok="true" role="status">
      审计链完整（共 {formatCount(result.entries)} 条）
    </span>
  ) : (
    <span className="verify-result broken" data-testid="audit-verify-result" data-ok="false" role="alert">
      {result.message}
    </span>
  );
}

export function AuditPanel() {
  const s = useStore(stores.audit);
  const [openId, setOpenId] = useState<number | null>(null);
  const [exportMessage, setExportMessage] = useState<{ ok: boolean; text: string } | null>(null);

  async function exportCsv() {
    setExportMessage(null);
    const res = await stores.audit.getState().collectForExport();
    if ('error' in res) return setExportMessage({ ok: false, text: `导出失败：${res.error}` });
    if (res.rows.length === 0) return setExportMessage({ ok: false, text: '没有符合条件的记录，未生成文件。' });
    const name = auditCsvFileName(new Date());
    if (!downloadBytes([auditCsv(res.rows)], name, 'text/csv;charset=utf-8')) {
      return setExportMessage({ ok: false, text: '此窗口不允许下载文件。请改用命令行导出审计日志，或联系信息技术人员。' });
    }
    setExportMessage({
      ok: true,
      text: `已导出 ${formatCount(res.rows.length)} 条记录到“${name}”${res.truncated ? `（一次最多导出 ${formatCount(CSV_MAX_ROWS)} 条，请缩小日期范围分批导出）` : ''}。`,
    });
  }

  const from = (s.page - 1) * AUDIT_PAGE_SIZE + 1;
  const to = (s.page - 1) * AUDIT_PAGE_SIZE + s.rows.length;
  const go = (page: number) => {
    setOpenId(null);
    void stores.audit.getState().load(s.filters, page);
  };

  return (
    <section className="panel audit-panel" data-testid="audit-panel">
      <div className="panel-head">
        <h2>审计日志</h2>
        <span className="muted">每一次登录、修改和被拒绝的越权操作都会记录，记录不能修改或删除。</span>
      </div>
      <FilterForm
        onApply={() => {
          setOpenId(null);
          setExportMessage(null);
        }}
      />
      <div className="audit-tools">
        <button type="button" data-testid="audit-verify" disabled={s.verifying} onClick={() => void stores.audit.getState().verify()}>
          校验审计链
        </button>
        <button type="button" data-testid="audit-export" disabled={s.exporting !== null} onClick={() => void exportCsv()}>
          {s.exporting !== null ? `正在导出…已读取 ${formatCount(s.exporting)} 条` : '导出 CSV'}
        </button>
        <VerifyResult />
      </div>
      {exportMessage ? (
        <p className={`form-message ${exportMessage.ok ? 'tone-ok' : 'tone-danger'}`} data-testid="audit-export-message" role={exportMessage.ok ? 'status' : 'alert'}>
          {exportMessage.text}
        </p>
      ) : null}
      {s.error ? (
        <div className="banner error" role="alert" data-testid="audit-error">
          {s.error}
        </div>
      ) : null}
      <table className={`plain-table audit-table${s.loading && s.loaded ? ' is-loading' : ''}`} data-testid="audit-table" aria-busy={s.loading}>
        <colgroup>
          <col className="w-150" />
          <col className="w-120" />
          <col className="w-150" />
          <col />
          <col className="w-90" />
        </colgroup>
        <thead>
          <tr>
            <th>时间</th>
            <th>操作人</th>
            <th>操作</th>
            <th>对象</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {s.rows.map((r) => (
            <Row key={r.id} r={r} open={openId === r.id} onToggle={() => setOpenId(openId === r.id ? null : r.id)} />
          ))}
        </tbody>
      </table>
      {s.loading && !s.loaded ? <p className="muted">正在读取审计日志…</p> : null}
      {s.loaded && !s.error && s.rows.length === 0 ? <p className="table-state">没有符合条件的记录</p> : null}
      <div className="pager audit-pager">
        <div className="pager-info">{s.rows.length ? <span>第 {formatCount(from)}–{formatCount(to)} 条</span> : null}</div>
        <div className="pager-pages">
          <button type="button" disabled={s.page <= 1 || s.loading} onClick={() => go(s.page - 1)} data-testid="audit-prev">
            上一页
          </button>
          <span className="pager-current">第 {formatCount(s.page)} 页</span>
          <button type="button" disabled={!s.hasMore || s.loading} onClick={() => go(s.page + 1)} data-testid="audit-next">
            下一页
          </button>
        </div>
        <div className="pager-info muted">时间为本机时间</div>
      </div>
    </section>
  );
}
