// 申请延长审限 on the case page: how long, the reason, the written explanation and up to three small letters; the rules'
// check runs as the judge types (route, 逾期申请, refusal in the core's words) and the core's answer decides.
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

/**
 * The loopback host takes at most 1 MB per call and letters travel inline as base64 (a third larger), so the window
 * sends at most 700 KB of letters in all; larger scans go through the command line (--attach), up to the core's 10 MB.
 */
export const WINDOW_ATTACHMENTS_MAX_BYTES = 700 * 1024;
const ACCEPT = '.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png';

interface Letter {
  name: string;
  size: number;
  base64: string;
}

type Box = 'months' | 'reason' | 'explanation' | 'attachments';

function toBase64(buf: ArrayBuffer): string {
  const bytes = new Uint8Array(buf);
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}

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
  const [letters, setLetters] = useState<Letter[]>([]);
  const [errors, setErrors] = useState<Partial<Record<Box, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void api['extensions.settings']({}).then((r) => {
      if (r.ok) setRefuseLate(r.value.refuseLate);
    });
  }, []);

  const span = parseSpan(months, days);
  const verdict = span && today && span.months + span.days > 0 ? precheck(c, requests, { ...span, explanation }, today, refuseLate) : null;

  async function addFiles(files: FileList | null) {
    if (!files) return;
    const next = [...letters];
    for (const f of Array.from(files)) {
      if (next.length >= 3) {
        setErrors((e) => ({ ...e, attachments: '附件最多 3 个' }));
        break;
      }
      next.push({ name: f.name, size: f.size, base64: toBase64(await f.arrayBuffer()) });
    }
    const total = next.reduce((n, l) => n + l.size, 0);
    if (total > WINDOW_ATTACHMENTS_MAX_BYTES) {
      setErrors((e) => ({ ...e, attachments: '在本窗口中附件合计不能超过 700 KB；更大的扫描件请用命令行 courtdesk extension request … --attach 提交' }));
      return;
    }
    setErrors(({ attachments: _gone, ...rest }) => rest);
    setLetters(next);
  }

  async function submit(ev: FormEvent) {
    ev.preventDefault();
    const e: Partial<Record<Box, string>> = {};
    if (!span || span.months + span.days === 0) e.months = '请填写延长的月数或天数';
    if (!reason) e.reason = '请选择延长理由';
    if (!explanation.trim()) e.explanation = '请写明申请延长的具体理由';
    if (verdict && !verdict.ok && verdict.field) e[verdict.field] = verdict.message;
    setErrors(e);
    setFormError(verdict && !verdict.ok && !verdict.field ? verdict.message : null);
    if (Object.keys(e).length || !span || !reason || (verdict && !verdict.ok)) return;
    setBusy(true);
    const out = await stores.extensions.getState().act('extensions.request', {
      caseNumber: c.caseNumber, months: span.months, days: span.days, reason, explanation: explanation.trim(),
      attachments: letters.map((l) => ({ name: l.name, base64: l.base64 })),
    });
    setBusy(false);
    if (out.ok) {
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
        <FormField id="ext-files" label="附件（PDF、JPG、PNG，可选）" error={errors.attachments} testId="ext-files" hint="最多 3 个，本窗口中合计不超过 700 KB；程序按文件内容核对格式。较大的扫描件请用命令行提交。">
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
                void addFiles(x.target.files);
                x.target.value = '';
              }}
            />
          </label>
          {letters.length ? null : <span className="muted small"> 未选择附件</span>}
        </FormField>
        {letters.length ? (
          <ul className="ext-letters" data-testid="ext-letters">
            {letters.map((l, i) => (
              <li key={`${l.name}-${i}`}>
                <span className="ellipsis" title={l.name}>{l.name}</span>
                <span className="muted">{Math.ceil(l.size / 1024)} KB</span>
                <button
                  type="button"
                  className="link-button"
                  data-testid="ext-letter-remove"
                  onClick={() => {
                    setLetters(letters.filter((_, j) => j !== i));
                    setErrors(({ attachments: _gone, ...rest }) => rest);
                  }}
                >
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
