// The case page's period dialogs: 登记期间 (a deducted period, or a suspension without an end), ending an open period
// or resuming after a suspension, and converting a simple or small-claims case to 普通程序. Each refusal of the core
// is shown beside the box it is about.
import type { FormEvent } from 'react';
import { useStore } from 'zustand';
import type { CaseDetail, CaseEventView } from '../../../../shared/api/contract';
import type { RecordableEventKind } from '../../../../shared/cases/types';
import { Dialog } from '../../components/Dialog';
import { FormField, boxProps } from '../../components/FormField';
import { stores } from '../../stores';
import { Choice, DateBox } from './WorkFields';
import { useWorkForm } from './useWorkForm';
import { EVENT_BOXES, dateValue, endDateProblem, eventArgs, eventKindsFor, eventProblems, type EventValues } from './workForms';

function Actions({ busy, label, onClose, testId }: { busy: boolean; label: string; onClose(): void; testId: string }) {
  return (
    <div className="form-actions dialog-actions">
      <button type="button" onClick={onClose} data-testid={`${testId}-cancel`}>
        取消
      </button>
      <button type="submit" className="primary" disabled={busy} data-testid={`${testId}-save`}>
        {busy ? '正在保存…' : label}
      </button>
    </div>
  );
}

export function FormMessage({ text, testId }: { text: string | null; testId: string }) {
  return text ? (
    <p className="form-error" role="alert" data-testid={testId}>
      {text}
    </p>
  ) : null;
}

export function AddEventDialog({ c, onClose }: { c: CaseDetail; onClose(): void }) {
  const today = useStore(stores.app, (a) => a.info?.today ?? null);
  const kinds = eventKindsFor(c.typeCode);
  const f = useWorkForm<EventValues, keyof EventValues>({ kind: '', fromOn: today ?? '', toOn: '', note: '' }, (v) => eventProblems(v, c, today));
  const v = f.values;
  const e = f.errors;
  async function submit(ev: FormEvent) {
    ev.preventDefault();
    const done = await f.submit((x) => stores.caseWork.getState().run('cases.addEvent', eventArgs(c.caseNumber, x), `登记${x.kind}期间`), EVENT_BOXES);
    if (done) onClose();
  }
  const suspension = v.kind === '中止';
  return (
    <Dialog title="登记期间" onClose={onClose} testId="event-dialog">
      <form className="form" ref={f.root} onSubmit={(ev) => void submit(ev)} noValidate>
        <p className="muted small">登记不计入审限的期间（公告、鉴定等），或诉讼中止。列表只含本类案件可扣除的期间类型。</p>
        <FormField id="event-kind" label="类型" required error={e.kind} testId="event-kind">
          <Choice<RecordableEventKind>
            id="event-kind"
            testId="event-kind"
            value={v.kind}
            options={kinds}
            error={e.kind}
            onChange={(kind) => f.set({ kind }, ['kind', 'toOn'])}
            onLeave={() => f.leave('kind')}
          />
        </FormField>
        <div className="form-row two">
          <FormField id="event-from" label={suspension ? '中止日期' : '开始日期'} required error={e.fromOn} testId="event-from">
            <DateBox id="event-from" testId="event-from" value={v.fromOn} error={e.fromOn} onChange={(t) => f.set({ fromOn: t }, ['fromOn', 'toOn'])} onLeave={(t) => f.leave('fromOn', { fromOn: t })} />
          </FormField>
          <FormField
            id="event-to"
            label={suspension ? '恢复日期' : '结束日期'}
            error={e.toOn}
            testId="event-to"
            hint={suspension ? '尚未恢复的不填，恢复时再登记' : '尚未结束的不填，结束时再登记'}
          >
            <DateBox id="event-to" testId="event-to" value={v.toOn} error={e.toOn} placeholder="尚未结束" onChange={(t) => f.set({ toOn: t })} onLeave={(t) => f.leave('toOn', { toOn: t })} />
          </FormField>
        </div>
        <FormField id="event-note" label="备注" error={e.note} testId="event-note">
          <input {...boxProps('event-note', e.note, 'event-note')} value={v.note} maxLength={200} onChange={(x) => f.set({ note: x.target.value })} onBlur={() => f.leave('note')} />
        </FormField>
        <FormMessage text={f.formError} testId="event-error" />
        <Actions busy={f.busy} label="登记" onClose={onClose} testId="event" />
      </form>
    </Dialog>
  );
}

/** Ends an open period (cases.endEvent), or resumes after a suspension (cases.resume). */
export function EndPeriodDialog({ c, event, onClose }: { c: CaseDetail; event: CaseEventView; onClose(): void }) {
  const today = useStore(stores.app, (a) => a.info?.today ?? null);
  const resume = event.kind === '中止';
  const what = resume ? '恢复日期' : '结束日期';
  const f = useWorkForm<{ date: string }, 'date'>({ date: today ?? '' }, (v) => {
    const p = endDateProblem(v.date, what, event.fromOn, today);
    return p ? { date: p } : {};
  });
  async function submit(ev: FormEvent) {
    ev.preventDefault();
    const done = await f.submit(
      (x) =>
        resume
          ? stores.caseWork.getState().run('cases.resume', { caseNumber: c.caseNumber, resumedOn: dateValue(x.date) }, '恢复审理')
          : stores.caseWork.getState().run('cases.endEvent', { caseNumber: c.caseNumber, eventId: event.id, toOn: dateValue(x.date) }, `结束${event.kind}期间`),
      { date: 'date', toOn: 'date', resumedOn: 'date', 结束日期: 'date', 恢复日期: 'date' },
    );
    if (done) onClose();
  }
  return (
    <Dialog title={resume ? '恢复审理' : `结束${event.kind}期间`} onClose={onClose} testId="end-period-dialog">
      <form className="form" ref={f.root} onSubmit={(ev) => void submit(ev)} noValidate>
        <p className="muted small">
          {event.kind}自 {event.fromOn} 起{resume ? '中止，恢复后审限继续计算。' : '，结束后审限继续计算。'}
        </p>
        <FormField id="end-period-date" label={what} required error={f.errors.date} testId="end-period-date">
          <DateBox id="end-period-date" testId="end-period-date" value={f.values.date} error={f.errors.date} onChange={(t) => f.set({ date: t })} onLeave={(t) => f.leave('date', { date: t })} />
        </FormField>
        <FormMessage text={f.formError} testId="end-period-error" />
        <Actions busy={f.busy} label={resume ? '恢复审理' : '结束期间'} onClose={onClose} testId="end-period" />
      </form>
    </Dialog>
  );
}

export function ConvertDialog({ c, onClose }: { c: CaseDetail; onClose(): void }) {
  const today = useStore(stores.app, (a) => a.info?.today ?? null);
  const f = useWorkForm<{ on: string }, 'on'>({ on: today ?? '' }, (v) => {
    const p = endDateProblem(v.on, '转换日期', c.filedOn, today);
    return p ? { on: p } : {};
  });
  async function submit(ev: FormEvent) {
    ev.preventDefault();
    const done = await f.submit((x) => stores.caseWork.getState().run('cases.convertProcedure', { caseNumber: c.caseNumber, on: dateValue(x.on) }, '转为普通程序'), { on: 'on', 转换日期: 'on' });
    if (done) onClose();
  }
  return (
    <Dialog title="转为普通程序" onClose={onClose} testId="convert-dialog">
      <form className="form" ref={f.root} onSubmit={(ev) => void submit(ev)} noValidate>
        <p className="muted small">
          本案现为{c.procedure}。转为普通程序后，适用普通程序的审限，仍自立案之日（{c.filedOn}）起计算。
        </p>
        <FormField id="convert-on" label="裁定转换日期" required error={f.errors.on} testId="convert-on">
          <DateBox id="convert-on" testId="convert-on" value={f.values.on} error={f.errors.on} onChange={(t) => f.set({ on: t })} onLeave={(t) => f.leave('on', { on: t })} />
        </FormField>
        <FormMessage text={f.formError} testId="convert-error" />
        <Actions busy={f.busy} label="转为普通程序" onClose={onClose} testId="convert" />
      </form>
    </Dialog>
  );
}

export { Actions as DialogActions };
