// 申请延长审限 on the case page: how long, the reason, the written explanation and up to three letters of up to 10 MB
// each, uploaded in pieces as they are picked; the rules' check runs as the judge types (route, 逾期申请, refusal in
// the core's words) and the core's answer decides.
import { useEffect, useState, type FormEvent } from 'react';
import { useStore } from 'zustand';
import type { CaseDetail } from '../../../../shared/api/contract';
import { EXTENSION_TEXT_MAX } from '../../../../shared/extensions/api';
import { EXTENSION_REASONS, ROUTE_LABELS, type ExtensionReason } from '../../../../shared/extensions/rules';
import { Dialog } from '../../components/Dialog';
import { FormField, boxProps } from '../../components/FormField';
import { api, stores } from '../../stores';
import { DialogActions, FormMessage } from '../cases/EventDialogs';
import { Choice } from '../cases/WorkFields';
import { parseSpan } from './format';
import { precheck } from './precheck';
import { sizeText } from './letters';
import { useLetterUploads } from './useLetterUploads';

const ACCEPT = '.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png';

type Box = 'months' | 'reason' | 'explanation' | 'attachments';

/** Which box a refusal belongs to, by the argument the core names. */
function boxOf(field: string | null): Box | null {
  if (!field) return null;
  if (field === 'months' || field === 'days') return 'months';
  if (field === 'reason' || field === 'explanation') return field;
  return field.startsWith('attachments') ? 'attachments' : null;
}

export function RequestExtensionDialog({ c, onClose }: { c: CaseDetail; onClose(): void }) {
  const today = useStore(stores.app, (a) => a.info?.today ?? null);
  const requests = useStore(stores.extensions, (s) => (s.caseRows?.caseNumber === c.caseNumber ? s.caseRows.rows : []));
  const [refuseLate, setRefuseLate] = useState(false);
  const [months, setMonths] = useState('');
  const [days, setDays] = useState('');
  const [reason, setReason] = useState<ExtensionReason | ''>('');
  const [explanation, setExplanation] = useState('');
  const [errors, setErrors] = useState<Partial<Record<Box, string>>>({});
  const uploads = useLetterUploads((message) => setErrors(({ attachments: _gone, ...rest }) => (message ? { ...rest, attachments: message } : rest)));
  const letters = uploads.letters;
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void api['extensions.settings']({}).then((r) => {
      if (r.ok) setRefuseLate(r.value.refuseLate);
    });
  }, []);

  const span = parseSpan(months, days);
  const verdict = span && today && span.months + span.days > 0 ? precheck(c, requests, { ...span, explanation }, today, refuseLate) : null;

  async function submit(ev: FormEvent) {
    ev.preventDefault();
    const e: Partial<Record<Box, string>> = {};
    if (!span || span.months + span.days === 0) e.months = '请填写延长的月数或天数';
    if (!reason) e.reason = '请选择延长理由';
    if (!explanation.trim()) e.explanation = '请写明申请延长的具体理由';
    if (verdict && !verdict.ok && verdict.field) e[verdict.field] = verdict.message;
    if (!uploads.ready) e.attachments = letters.some((l) => l.error) ? '有附件未能上传，请移除后重新添加' : '附件正在上传，请稍候';
    setErrors(e);
    setFormError(verdict && !verdict.ok && !verdict.field ? verdict.message : null);
    if (Object.keys(e).length || !span || !reason || (verdict && !verdict.ok)) return;
    setBusy(true);
    const out = await stores.extensions.getState().act('extensions.request', {
      caseNumber: c.caseNumber, months: span.months, days: span.days, reason, explanation: explanation.trim(),
      attachments: letters.map((l) => ({ name: l.name, upload: l.upload! })),
    });
    setBusy(false);
    if (out.ok) {
      uploads.markSent();
      onClose();
      return;
    }
    const box = boxOf(out.field);
    if (box) setErrors({ [box]: out.message });
    else setFormError(out.message);
  }

  return (
    <Dialog title="申请延长审限" onClose={onClose} testId="extension-request-dialog" wide>
      <form className="form" onSubmit={(ev) => void submit(ev)} noValidate>
        <p className="muted small">
          本案届满日 {c.deadline.dueOn ?? '—'}。申请提交后依次由庭长签署意见、院长（或受委托的分管院领导）审批；超出本院院长权限的，由院长报请上级法院批准。
        </p>
        <div className="ext-span-row">
          <FormField id="ext-months" label="延长月数" error={errors.months} testId="ext-months">
            <input {...boxProps('ext-months', errors.months, 'ext-months')} inputMode="numeric" value={months} onChange={(x) => setMonths(x.target.value)} placeholder="0" />
          </FormField>
          <FormField id="ext-days" label="延长天数" testId="ext-days">
            <input {...boxProps('ext-days', null, 'ext-days')} inputMode="numeric" value={days} onChange={(x) => setDays(x.target.value)} placeholder="0" />
          </FormField>
        </div>
        <FormField id="ext-reason" label="延长理由" required error={errors.reason} testId="ext-reason">
          <Choice id="ext-reason" testId="ext-reason" value={reason} options={EXTENSION_REASONS} error={errors.reason} onChange={(v) => setReason(v as ExtensionReason | '')} />
        </FormField>
        <FormField id="ext-explanation" label="具体理由（书面说明）" required error={errors.explanation} testId="ext-explanation">
          <textarea
            {...boxProps('ext-explanation', errors.explanation, 'ext-explanation')}
            rows={4}
            maxLength={EXTENSION_TEXT_MAX}
            value={explanation}
            placeholder="写明需要延长的具体原因和预计完成的时间；逾期申请还须说明逾期的原因"
            onChange={(x) => setExplanation(x.target.value)}
          />
        </FormField>
        <FormField id="ext-files" label="附件（PDF、JPG、PNG，可选）" error={errors.attachments} testId="ext-files" hint="最多 3 个，每个不超过 10 MB；选择后即上传，程序按文件内容核对格式。">
          {/* The browser's own file box speaks the system's language: a button of ours, the box hidden (as on 导入). */}
          <label className="button-link ext-pick" data-testid="ext-files-pick">
            {letters.length ? '再添加附件…' : '选择附件…'}
            <input
              id="ext-files"
              className="ext-file-input"
              data-testid="ext-files"
              type="file"
              accept={ACCEPT}
              multiple
              onChange={(x) => {
                uploads.add(Array.from(x.target.files ?? []));
                x.target.value = '';
              }}
            />
          </label>
          {letters.length ? null : <span className="muted small"> 未选择附件</span>}
        </FormField>
        {letters.length ? (
          <ul className="ext-letters" data-testid="ext-letters">
            {letters.map((l) => (
              <li key={l.key} data-testid="ext-letter-upload" data-state={l.error ? 'error' : l.upload ? 'done' : 'sending'}>
                <span className="ellipsis" title={l.name}>{l.name}</span>
                <span className="muted">{sizeText(l.size)}</span>
                {l.error ? (
                  <span className="text-danger small" role="alert">{l.error}</span>
                ) : l.upload ? (
                  <span className="muted small">已上传</span>
                ) : (
                  <>
                    <progress max={l.size} value={l.sent} aria-label={`上传 ${l.name}`} />
                    <span className="muted small">{Math.floor((l.sent / l.size) * 100)}%</span>
                  </>
                )}
                <button type="button" className="link-button" data-testid="ext-letter-remove" onClick={() => uploads.remove(l.key)}>
                  移除
                </button>
              </li>
            ))}
          </ul>
        ) : null}
        {verdict ? (
          verdict.ok ? (
            <div className={`banner ${verdict.late ? 'warn' : 'info'}`} data-testid="ext-verdict" data-route={verdict.route}>
              <strong>审批：{ROUTE_LABELS[verdict.route]}</strong>
              {verdict.late ? <span className="chip tone-danger ext-late">逾期申请</span> : null}
              <span className="muted small"> {verdict.rule}（{verdict.basis}）</span>
              {verdict.notes.map((n) => (
                <div key={n} className="small">{n}</div>
              ))}
            </div>
          ) : (
            <div className="banner error" role="alert" data-testid="ext-refusal">
              {verdict.message}
            </div>
          )
        ) : null}
        <FormMessage text={formError} testId="ext-request-error" />
        <DialogActions busy={busy} label="提交申请" onClose={onClose} testId="ext-request" />
      </form>
    </Dialog>
  );
}
