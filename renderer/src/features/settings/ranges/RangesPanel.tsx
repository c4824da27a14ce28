// 合理区间: every indicator's range in catalogue order with its better direction and source (默认 marked); the statistician edits one inline, restores the default, or imports the intermediate court's file.
import { useEffect, useRef, useState } from 'react';
import { useStore } from 'zustand';
import type { IndicatorId } from '../../../../../shared/indicators/catalogue';
import { INDICATORS } from '../../../../../shared/indicators/catalogue';
import { RANGE_SOURCE_LABELS, rangeText, type RangeEntry } from '../../../../../shared/indicators/ranges';
import { formatDateTime } from '../../../lib/format';
import { api, session } from '../../../stores';
import { userCan } from '../../auth/session';
import { checkDraft, draftOf, sourceDetail, unitOf, type RangeDraft } from './rangeForm';
import './ranges.css';

type Message = { ok: boolean; text: string } | null;
const BETTER = { higher: '越高越好', lower: '越低越好', none: '无优劣方向' } as const;
const SOURCE_TONE = { default: 'muted', court: 'info', higherCourt: 'ok' } as const;
const FILE_MAX_BYTES = 256 * 1024;

function toBase64(buf: ArrayBuffer): string {
  const bytes = new Uint8Array(buf);
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}

const bound = (e: RangeEntry, n: number | null) => (n === null ? <span className="muted">不设</span> : rangeText(INDICATORS[e.id], { low: n, high: n }).replace(/^= /, ''));

function EditRow({ entry, onSaved, onCancel }: { entry: RangeEntry; onSaved(e: RangeEntry): void; onCancel(): void }) {
  const [draft, setDraft] = useState<RangeDraft>(draftOf(entry));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const unit = unitOf(entry.id);

  async function save() {
    const checked = checkDraft(entry.id, draft);
    if (!checked.ok) return setError(checked.error);
    setBusy(true);
    const r = await api['indicators.setRange']({ id: entry.id, ...checked.value });
    setBusy(false);
    if (!r.ok) return setError(r.error.message);
    onSaved(r.value);
  }

  const box = (key: keyof RangeDraft, label: string) => (
    <span className="range-box">
      <input
        type="text"
        inputMode="decimal"
        aria-label={`${entry.name}${label}`}
        data-testid={`range-${key}`}
        value={draft[key]}
        placeholder="不设"
        disabled={busy}
        onChange={(e) => {
          setDraft({ ...draft, [key]: e.target.value });
          setError(null);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') void save();
          if (e.key === 'Escape') onCancel();
        }}
      />
      <span className="muted small">{unit}</span>
    </span>
  );

  return (
    <>
      <tr data-testid="range-row" data-id={entry.id} className="editing">
        <td title={INDICATORS[entry.id].formula}>{entry.name}</td>
        <td>{box('low', '下限')}</td>
        <td>{box('high', '上限')}</td>
        <td>{BETTER[entry.better]}</td>
        <td />
        <td className="row-actions">
          <button type="button" className="link-button" data-testid="range-save" disabled={busy} onClick={() => void save()}>
            保存
          </button>
          <button type="button" className="link-button" data-testid="range-cancel" disabled={busy} onClick={onCancel}>
            取消
          </button>
        </td>
      </tr>
      {error ? (
        <tr className="range-error-row">
          <td colSpan={6}>
            <p className="form-message tone-danger" role="alert" data-testid="range-error">
              {entry.name}：{error}
            </p>
          </td>
        </tr>
      ) : null}
    </>
  );
}

export function RangesPanel() {
  const canEdit = useStore(session, (s) => userCan(s.user, 'indicators.ranges'));
  const [list, setList] = useState<RangeEntry[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [editing, setEditing] = useState<IndicatorId | null>(null);
  const [message, setMessage] = useState<Message>(null);
  const [busy, setBusy] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);

  async function load() {
    const r = await api['indicators.ranges']({});
    if (r.ok) setList(r.value);
    else setLoadError(r.error.message);
  }
  useEffect(() => void load(), []);

  const replace = (e: RangeEntry) => setList((l) => l?.map((x) => (x.id === e.id ? e : x)) ?? l);

  async function reset(e: RangeEntry) {
    setBusy(true);
    setMessage(null);
    const r = await api['indicators.resetRange']({ id: e.id });
    setBusy(false);
    if (!r.ok) return setMessage({ ok: false, text: r.error.message });
    replace(r.value);
    setMessage({ ok: true, text: `${e.name} 已恢复默认：${rangeText(INDICATORS[e.id], r.value)}` });
  }

  async function importFile(files: FileList | null) {
    const f = files?.[0];
    if (fileInput.current) fileInput.current.value = '';
    if (!f) return;
    setMessage(null);
    if (f.size > FILE_MAX_BYTES) return setMessage({ ok: false, text: `文件“${f.name}”超过 256 KB，不是合理区间文件` });
    setBusy(true);
    const r = await api['indicators.importRanges']({ fileName: f.name, base64: toBase64(await f.arrayBuffer()) });
    setBusy(false);
    if (!r.ok) return setMessage({ ok: false, text: r.error.message });
    setList(r.value.ranges);
    setEditing(null);
    const from = [r.value.court, r.value.issuedOn ? `${r.value.issuedOn} 下发` : null].filter(Boolean).join('，');
    setMessage({ ok: true, text: `已从“${f.name}”导入 ${r.value.imported.length} 项指标的合理区间${from ? `（${from}）` : ''}：${r.value.imported.map((id) => INDICATORS[id].name).join('、')}` });
  }

  return (
    <section className="panel ranges-panel" data-testid="ranges-panel">
      <div className="ranges-head">
        <h2>合理区间</h2>
        {canEdit ? (
          <div className="form-actions">
            <input ref={fileInput} type="file" accept=".json,.xlsx,application/json" hidden data-testid="ranges-file" onChange={(e) => void importFile(e.target.files)} />
            <button type="button" data-testid="ranges-import" disabled={busy} onClick={() => fileInput.current?.click()}>
              从文件导入…
            </button>
          </div>
        ) : null}
      </div>
      <p className="muted small">
        指标超出合理区间时，各页面和报表都会标出，并注明哪个方向更好。标为<span className="chip tone-muted">默认</span>的是程序自带的初始值，
        {canEdit ? '可逐项修改或恢复默认，也可导入中院下发的合理区间文件（JSON，或含“指标、下限、上限”列的 .xlsx；有一项错误则全部不导入）。' : '由审管办在此设定或导入中院下发的文件。'}
        {canEdit ? '修改会记入审计日志。' : null}
      </p>
      {message ? (
        <p className={`form-message ${message.ok ? 'tone-ok' : 'tone-danger'}`} role={message.ok ? 'status' : 'alert'} data-testid="ranges-message">
          {message.text}
        </p>
      ) : null}
      {loadError ? (
        <div className="banner error" role="alert">
          {loadError}
        </div>
      ) : null}
      {list ? (
        <table className="plain-table ranges-table" data-testid="ranges-table">
          <colgroup>
            <col className="w-range-name" />
            <col className="w-range-bound" />
            <col className="w-range-bound" />
            <col className="w-range-better" />
            <col />
            {canEdit ? <col className="w-range-actions" /> : null}
          </colgroup>
          <thead>
            <tr>
              <th>指标</th>
              <th>下限</th>
              <th>上限</th>
              <th>优劣方向</th>
              <th>来源</th>
              {canEdit ? <th>操作</th> : null}
            </tr>
          </thead>
          <tbody>
            {list.map((e) =>
              editing === e.id ? (
                <EditRow
                  key={e.id}
                  entry={e}
                  onCancel={() => setEditing(null)}
                  onSaved={(saved) => {
                    replace(saved);
                    setEditing(null);
                    setMessage({ ok: true, text: `已设定 ${saved.name} 的合理区间：${rangeText(INDICATORS[saved.id], saved)}` });
                  }}
                />
              ) : (
                <tr key={e.id} data-testid="range-row" data-id={e.id} data-source={e.source.kind}>
                  <td title={`${e.name}：${INDICATORS[e.id].formula}`}>{e.name}</td>
                  <td data-testid="range-low">{bound(e, e.low)}</td>
                  <td data-testid="range-high">{bound(e, e.high)}</td>
                  <td>{BETTER[e.better]}</td>
                  <td title={sourceDetail(e.source, formatDateTime)}>
                    <span className={`chip tone-${SOURCE_TONE[e.source.kind]}`} data-testid="range-source">
                      {RANGE_SOURCE_LABELS[e.source.kind]}
                    </span>
                    {e.source.kind !== 'default' ? <span className="muted small range-detail">{sourceDetail(e.source, formatDateTime)}</span> : null}
                  </td>
                  {canEdit ? (
                    <td className="row-actions">
                      <button type="button" className="link-button" data-testid="range-edit" disabled={busy} onClick={() => setEditing(e.id)}>
                        修改
                      </button>
                      {e.source.kind !== 'default' ? (
                        <button type="button" className="link-button" data-testid="range-reset" disabled={busy} onClick={() => void reset(e)} title={`默认：${rangeText(INDICATORS[e.id], e.defaultRange)}`}>
                          恢复默认
                        </button>
                      ) : null}
                    </td>
                  ) : null}
                </tr>
              ),
            )}
          </tbody>
        </table>
      ) : loadError ? null : (
        <p className="muted">正在读取合理区间…</p>
      )}
    </section>
  );
}
