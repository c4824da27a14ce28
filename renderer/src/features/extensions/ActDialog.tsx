// One act on a request, in a dialog with its comment: the division head's opinion, the decision (approve, approve for
// a shorter time, reject), sending it to the higher court, and entering the higher court's answer.
import { useState, type FormEvent } from 'react';
import type { ExtensionRow } from '../../../../shared/api/contract';
import { EXTENSION_TEXT_MAX } from '../../../../shared/extensions/api';
import { Dialog } from '../../components/Dialog';
import { FormField, boxProps } from '../../components/FormField';
import { formatSpan } from '../../lib/format';
import { stores } from '../../stores';
import { DialogActions, FormMessage } from '../cases/EventDialogs';
import { parseSpan } from './format';

export type ActKind = 'agree' | 'disagree' | 'approve' | 'shorter' | 'reject' | 'forward' | 'higherApprove' | 'higherReject';

const TITLES: Record<ActKind, string> = {
  agree: '庭长意见：同意',
  disagree: '庭长意见：不同意',
  approve: '批准延长',
  shorter: '缩短期限批准',
  reject: '不予批准',
  forward: '报送上级法院',
  higherApprove: '登记上级法院答复：批准',
  higherReject: '登记上级法院答复：不予批准',
};

const PLACEHOLDERS: Partial<Record<ActKind, string>> = {
  agree: '如：鉴定确未完成，同意延长',
  disagree: '写明不同意的理由',
  approve: '如：同意延长，请抓紧推进鉴定',
  shorter: '写明缩短期限的理由',
  reject: '写明不予批准的理由',
  forward: '可写明报送的文号等（可不填）',
  higherApprove: '如：上级法院（2024）辽04 号批复同意延长',
  higherReject: '写明上级法院的答复',
};

type Box = 'months' | 'comment';

export function ActDialog({ r, kind, onClose }: { r: ExtensionRow; kind: ActKind; onClose(): void }) {
  const withSpan = kind === 'shorter' || kind === 'higherApprove';
  // The higher court's answer is entered as it came: a record, not this court's own opinion.
  const higher = kind === 'higherApprove' || kind === 'higherReject';
  const [months, setMonths] = useState(kind === 'higherApprove' ? String(r.asked.months || '') : '');
  const [days, setDays] = useState(kind === 'higherApprove' ? String(r.asked.days || '') : '');
  const [comment, setComment] = useState('');
  const [errors, setErrors] = useState<Partial<Record<Box, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(ev: FormEvent) {
    ev.preventDefault();
    const e: Partial<Record<Box, string>> = {};
    const span = withSpan ? parseSpan(months, days) : null;
    if (withSpan && (!span || span.months + span.days === 0)) e.months = '请填写批准延长的月数或天数';
    if (kind !== 'forward' && !comment.trim()) e.comment = '请填写意见';
    setErrors(e);
    setFormError(null);
    if (Object.keys(e).length) return;
    const text = comment.trim();
    const s = stores.extensions.getState();
    setBusy(true);
    const out =
      kind === 'agree' || kind === 'disagree'
        ? await s.act('extensions.opinion', { id: r.id, agree: kind === 'agree', comment: text })
        : kind === 'forward'
          ? await s.act('extensions.forward', { id: r.id, ...(text ? { comment: text } : {}) })
          : kind === 'higherApprove' || kind === 'higherReject'
            ? await s.act('extensions.higherCourt', { id: r.id, approve: kind === 'higherApprove', ...(span ?? {}), comment: text })
            : await s.act('extensions.decide', { id: r.id, approve: kind !== 'reject', ...(span ?? {}), comment: text });
    setBusy(false);
    if (out.ok) {
      onClose();
      return;
    }
    if (out.field === 'months' || out.field === 'days') setErrors({ months: out.message });
    else if (out.field === 'comment') setErrors({ comment: out.message });
    else setFormError(out.message);
  }

  return (
    <Dialog title={TITLES[kind]} onClose={onClose} testId="ext-act-dialog">
      <form className="form" onSubmit={(ev) => void submit(ev)} noValidate>
        <p className="muted small">
          {r.caseNumber}：申请延长 {formatSpan(r.asked.months, r.asked.days)}（{r.reason}）。
          {kind === 'agree' || kind === 'disagree'
            ? '签署后送院领导审批。'
            : kind === 'forward'
              ? '报送后，待上级法院答复回来时在此登记。'
              : '审批一经作出不能修改；如需再延长，应由承办法官重新申请。'}
        </p>
        {withSpan ? (
          <div className="ext-span-row">
            <FormField id="act-months" label="批准月数" error={errors.months} testId="act-months">
              <input {...boxProps('act-months', errors.months, 'act-months')} inputMode="numeric" value={months} onChange={(x) => setMonths(x.target.value)} placeholder="0" />
            </FormField>
            <FormField id="act-days" label="批准天数" testId="act-days">
              <input {...boxProps('act-days', null, 'act-days')} inputMode="numeric" value={days} onChange={(x) => setDays(x.target.value)} placeholder="0" />
            </FormField>
          </div>
        ) : null}
        <FormField id="act-comment" label={kind === 'forward' ? '说明' : higher ? '上级法院的答复' : '意见'} required={kind !== 'forward'} error={errors.comment} testId="act-comment">
          <textarea
            {...boxProps('act-comment', errors.comment, 'act-comment')}
            rows={3}
            maxLength={EXTENSION_TEXT_MAX}
            value={comment}
            placeholder={PLACEHOLDERS[kind]}
            onChange={(x) => setComment(x.target.value)}
          />
        </FormField>
        <FormMessage text={formError} testId="act-error" />
        <DialogActions busy={busy} label={kind === 'forward' ? '报送' : higher ? '登记' : '签署'} onClose={onClose} testId="act" />
      </form>
    </Dialog>
  );
}
