// A measure's detail, from 脱薄台账 or the start page's 我的整改措施: who answers for it and by when, its progress entries with their evidence files (downloaded in pieces), and for its owner, leader or a keeper the form that records progress.
import { useState, type FormEvent } from 'react';
import { useStore } from 'zustand';
import { PROGRESS_TEXT_MAX, type EvidenceView, type MeasureView } from '../../../../shared/ledger/api';
import { Dialog } from '../../components/Dialog';
import { Link } from '../../components/Link';
import { FormField, boxProps } from '../../components/FormField';
import { downloadBytes } from '../../lib/download';
import { formatDate, formatDateTime } from '../../lib/format';
import { api, stores } from '../../stores';
import { FormMessage } from '../cases/EventDialogs';
import { DateBox } from '../cases/WorkFields';
import { sizeText } from '../extensions/letters';
import { fetchEvidence, useEvidenceUploads } from './evidence';
import { boxOfField, progressProblems, type FormErrors } from './ledgerForms';
import { normalizeDateText } from '../cases/formFields';
import { StatusChip } from './StatusChip';
import { meetingRoute } from '../ledgerReview/routes';

const ACCEPT = '.pdf,.png,.jpg,.jpeg,.doc,.docx,.xls,.xlsx';

export function MeasureDetailDialog({ id, onClose }: { id: number; onClose(): void }) {
  // Read from the store on every render: after progress is recorded the ledger (or the person's list) is read again.
  const m = useStore(stores.ledger, (s) => s.view?.measures.find((x) => x.id === id) ?? s.mine?.measures.find((x) => x.id === id) ?? null);
  return (
    <Dialog title="措施详情" onClose={onClose} testId="ledger-measure-detail" wide>
      {m ? <Detail m={m} /> : <p className="muted">这项措施已不在台账中。</p>}
    </Dialog>
  );
}

function Detail({ m }: { m: MeasureView }) {
  const entries = [...m.progress].sort((a, b) => b.onDate.localeCompare(a.onDate) || b.id - a.id);
  return (
    <div className="ledger-detail" data-testid="ledger-detail" data-id={m.id} data-status={m.status}>
      <p className="ledger-detail-text" data-testid="ledger-detail-text">
        <span className="chip tone-muted">{m.kindLabel}</span> {m.text}
      </p>
      <dl className="ledger-detail-facts">
        <dt>责任领导</dt>
        <dd>{m.leader.name}</dd>
        <dt>责任人</dt>
        <dd>{m.owner.name}</dd>
        <dt>责任部门</dt>
        <dd>{m.division.name}</dd>
        <dt>起止</dt>
        <dd>
          {formatDate(m.startOn)} 至 {formatDate(m.dueOn)}
          {m.doneOn ? `，${formatDate(m.doneOn)} 完成` : ''}
        </dd>
        <dt>状态</dt>
        <dd>
          <StatusChip m={m} />
        </dd>
        {m.meetingId !== null ? (
          <>
            <dt>来源</dt>
            <dd>
              {/* The meeting that decided it: its record says why the measure was taken. */}
              <Link to={meetingRoute(m.meetingId)} testId="ledger-detail-meeting">由月分析会决定，查看会议记录</Link>
            </dd>
          </>
        ) : null}
      </dl>
      <h3>进展情况</h3>
      {entries.length === 0 ? (
        <p className="muted small" data-testid="ledger-progress-none">尚无进展记录。</p>
      ) : (
        <ol className="ledger-progress" data-testid="ledger-progress">
          {entries.map((p) => (
            <li key={p.id} data-testid="ledger-progress-entry">
              <div className="ledger-progress-line">
                <strong>{formatDate(p.onDate)}</strong>
                {p.done ? <span className="chip tone-ok">● 已完成</span> : null}
                <span className="muted small push-right">
                  {p.recordedBy} 记录于 {formatDateTime(p.recordedAt)}
                </span>
              </div>
              <p className="ledger-progress-text">{p.text}</p>
              {p.evidence.length ? <EvidenceList files={p.evidence} /> : null}
            </li>
          ))}
        </ol>
      )}
      {m.canRecord && m.origin === 'local' ? <ProgressForm m={m} /> : m.origin === 'return' ? <p className="muted small">这是中院回执带来的帮扶措施，进展由中院填报。</p> : null}
    </div>
  );
}

function EvidenceList({ files }: { files: EvidenceView[] }) {
  const [loading, setLoading] = useState<{ id: number; percent: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  async function download(f: EvidenceView) {
    setError(null);
    setLoading({ id: f.id, percent: 0 });
    const got = await fetchEvidence(api, f.id, (n, total) => setLoading({ id: f.id, percent: Math.floor((n / Math.max(total, 1)) * 100) }));
    setLoading(null);
    if (!got.ok) setError(got.message);
    else if (!downloadBytes(got.pieces, f.name, got.mime || f.mime)) setError('本窗口不允许下载文件');
  }
  return (
    <div className="ledger-evidence">
      <span className="muted small">佐证材料：</span>
      <ul>
        {files.map((f) => (
          <li key={f.id}>
            <button type="button" className="link-button ellipsis" title={`下载 ${f.name}`} data-testid="ledger-evidence-download" disabled={loading?.id === f.id} onClick={() => void download(f)}>
              {f.name}
            </button>
            <span className="muted small">
              {sizeText(f.size)}
              {loading?.id === f.id ? ` · 正在下载 ${loading.percent}%` : ''}
            </span>
          </li>
        ))}
      </ul>
      {error ? <span className="text-danger small" role="alert">{error}</span> : null}
    </div>
  );
}

function ProgressForm({ m }: { m: MeasureView }) {
  const today = useStore(stores.app, (a) => a.info?.today ?? '');
  const [text, setText] = useState('');
  const [onDate, setOnDate] = useState(today);
  const [done, setDone] = useState(false);
  const [errors, setErrors] = useState<FormErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const uploads = useEvidenceUploads((message) => setErrors(({ evidence: _gone, ...rest }) => (message ? { ...rest, evidence: message } : rest)));

  async function submit(ev: FormEvent) {
    ev.preventDefault();
    setSaved(null);
    const e = progressProblems({ text, onDate, done }, today);
    if (!uploads.ready) e.evidence = uploads.files.some((f) => f.error) ? '有佐证材料未能上传，请移除后重新添加' : '佐证材料正在上传，请稍候';
    setErrors(e);
    setFormError(null);
    if (Object.keys(e).length) return;
    setBusy(true);
    const out = await stores.ledger.getState().progress({
      measureId: m.id,
      text: text.trim(),
      onDate: normalizeDateText(onDate),
      done,
      evidence: uploads.files.map((f) => ({ name: f.name, upload: f.upload! })),
    });
    setBusy(false);
    if (!out.ok) {
      const box = boxOfField(out.field, ['text', 'onDate', 'done', 'evidence']);
      if (box) setErrors({ [box]: out.message });
      else setFormError(out.message);
      return;
    }
    uploads.clear();
    setText('');
    setDone(false);
    setSaved(done ? '已记录进展，措施标为已完成。' : '已记录进展。');
  }

  return (
    <form className="form ledger-progress-form" onSubmit={(ev) => void submit(ev)} noValidate data-testid="ledger-progress-form">
      <h3>填报进展</h3>
      <FormField id="lpg-text" label="进展情况" required error={errors.text} testId="lpg-text">
        <textarea {...boxProps('lpg-text', errors.text, 'lpg-text')} rows={3} maxLength={PROGRESS_TEXT_MAX} value={text} onChange={(x) => setText(x.target.value)} placeholder="做了什么、取得了什么效果" />
      </FormField>
      <div className="ledger-form-row">
        <FormField id="lpg-date" label="日期" required error={errors.onDate} testId="lpg-date">
          <DateBox id="lpg-date" testId="lpg-date" value={onDate} error={errors.onDate} onChange={setOnDate} onLeave={setOnDate} />
        </FormField>
        {m.doneOn === null ? (
          <label className="ledger-done-check">
            <input type="checkbox" checked={done} data-testid="lpg-done" onChange={(x) => setDone(x.target.checked)} />
            这项措施已完成
          </label>
        ) : null}
      </div>
      <FormField id="lpg-files" label="佐证材料（可选）" error={errors.evidence} testId="lpg-files" hint="PDF、图片、Word 或 Excel，最多 5 个，每个不超过 10 MB；选择后即上传。">
        <label className="button-link ledger-pick" data-testid="lpg-files-pick">
          {uploads.files.length ? '再添加文件…' : '选择文件…'}
          <input
            id="lpg-files"
            className="ledger-file-input"
            data-testid="lpg-files"
            type="file"
            accept={ACCEPT}
            multiple
            onChange={(x) => {
              uploads.add(Array.from(x.target.files ?? []));
              x.target.value = '';
            }}
          />
        </label>
      </FormField>
      {uploads.files.length ? (
        <ul className="ledger-uploads" data-testid="lpg-uploads">
          {uploads.files.map((f) => (
            <li key={f.key} data-testid="lpg-upload" data-state={f.error ? 'error' : f.upload ? 'done' : 'sending'}>
              <span className="ellipsis" title={f.name}>{f.name}</span>
              <span className="muted">{sizeText(f.size)}</span>
              {f.error ? (
                <span className="text-danger small" role="alert">{f.error}</span>
              ) : f.upload ? (
                <span className="muted small">已上传</span>
              ) : (
                <progress max={f.size} value={f.sent} aria-label={`上传 ${f.name}`} />
              )}
              <button type="button" className="link-button" data-testid="lpg-upload-remove" onClick={() => uploads.remove(f.key)}>
                移除
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <FormMessage text={formError} testId="lpg-error" />
      {saved ? <p className="banner ok small" role="status" data-testid="lpg-saved">{saved}</p> : null}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy} data-testid="lpg-save">
          {busy ? '正在保存…' : '记录进展'}
        </button>
      </div>
    </form>
  );
}
