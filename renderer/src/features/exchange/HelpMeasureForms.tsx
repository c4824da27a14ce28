// The intermediate court's forms for a help measure (帮扶措施): add or edit (text, the basic court's weak points, leader, person, department, start, deadline, done day) and record progress (may mark it done); each mistake beside the box the core names.
import { useState, type FormEvent } from 'react';
import type { HelpMeasureView, ReceivedWeakPointView } from '../../../../shared/exchange/helpApi';
import { boxProps, FormField } from '../../components/FormField';
import { api } from '../../stores';
import { GeneralError, useAct } from './common';

const FIELDS = ['text', 'weakPointIds', 'leader', 'owner', 'division', 'startOn', 'dueOn', 'doneOn'] as const;

interface Props {
  courtCode: string;
  points: ReceivedWeakPointView[];
  today: string;
  /** null: a new measure. */
  editing: HelpMeasureView | null;
  onDone(): void;
  onCancel(): void;
}

export function HelpMeasureForm({ courtCode, points, today, editing, onDone, onCancel }: Props) {
  const [text, setText] = useState(editing?.text ?? '');
  const [chosen, setChosen] = useState<number[]>(editing?.weakPointIds ?? []);
  const [leader, setLeader] = useState(editing?.leader ?? '');
  const [owner, setOwner] = useState(editing?.owner ?? '');
  const [division, setDivision] = useState(editing?.division ?? '');
  const [startOn, setStartOn] = useState(editing?.startOn ?? today);
  const [dueOn, setDueOn] = useState(editing?.dueOn ?? '');
  const [doneOn, setDoneOn] = useState(editing?.doneOn ?? '');
  const act = useAct(FIELDS);
  const toggle = (id: number) => setChosen((c) => (c.includes(id) ? c.filter((x) => x !== id) : [...c, id]));
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (act.busy) return;
    // Said here in words rather than as the core's argument message, which names the field by its code.
    if (chosen.length === 0) return act.fail('weakPointIds', '请选择措施针对的薄弱点');
    if (!dueOn) return act.fail('dueOn', '请填写完成期限');
    const fields = { text, weakPointIds: chosen, leader, owner, division, startOn, dueOn };
    const r = editing
      ? await act.run(() => api['exchange.helpUpdate']({ id: editing.id, ...fields, doneOn: doneOn || null }))
      : await act.run(() => api['exchange.helpAdd']({ courtCode, ...fields }));
    if (r) onDone();
  }
  const box = (id: string, field: (typeof FIELDS)[number]) => boxProps(id, act.fieldError(field), `xl-form-${field}`);
  return (
    <form className="form xc-form xl-form" onSubmit={(e) => void submit(e)} noValidate data-testid="xl-help-form">
      <h3>{editing ? '修改帮扶措施' : '新增帮扶措施'}</h3>
      <FormField id="xl-text" label="措施内容" required error={act.fieldError('text')} testId="xl-form-text">
        <textarea {...box('xl-text', 'text')} value={text} onChange={(e) => setText(e.target.value)} maxLength={1000} rows={3} />
      </FormField>
      <fieldset className="xc-choices" aria-invalid={act.fieldError('weakPointIds') ? true : undefined} data-testid="xl-form-points">
        <legend>针对该院的薄弱点（可多选）</legend>
        {points.map((p) => (
          <label key={p.id}>
            <input type="checkbox" checked={chosen.includes(p.id)} onChange={() => toggle(p.id)} data-testid={`xl-form-point-${p.id}`} /> {p.id}. {p.text}
          </label>
        ))}
        {act.fieldError('weakPointIds') ? (
          <span className="field-error cw-error" role="alert" data-testid="xl-form-weakPointIds-error">
            {act.fieldError('weakPointIds')}
          </span>
        ) : null}
      </fieldset>
      <div className="form-row xl-row">
        <FormField id="xl-leader" label="责任领导" required error={act.fieldError('leader')} testId="xl-form-leader">
          <input {...box('xl-leader', 'leader')} value={leader} onChange={(e) => setLeader(e.target.value)} maxLength={50} />
        </FormField>
        <FormField id="xl-owner" label="责任人" required error={act.fieldError('owner')} testId="xl-form-owner">
          <input {...box('xl-owner', 'owner')} value={owner} onChange={(e) => setOwner(e.target.value)} maxLength={50} />
        </FormField>
        <FormField id="xl-division" label="责任部门" required error={act.fieldError('division')} testId="xl-form-division">
          <input {...box('xl-division', 'division')} value={division} onChange={(e) => setDivision(e.target.value)} maxLength={50} />
        </FormField>
      </div>
      <div className="form-row xl-row">
        <FormField id="xl-start" label="开始日期" required error={act.fieldError('startOn')} testId="xl-form-startOn">
          <input type="date" {...box('xl-start', 'startOn')} value={startOn} onChange={(e) => setStartOn(e.target.value)} />
        </FormField>
        <FormField id="xl-due" label="完成期限" required error={act.fieldError('dueOn')} testId="xl-form-dueOn">
          <input type="date" {...box('xl-due', 'dueOn')} value={dueOn} onChange={(e) => setDueOn(e.target.value)} />
        </FormField>
        {editing ? (
          <FormField id="xl-done" label="完成日期（未完成则留空）" error={act.fieldError('doneOn')} testId="xl-form-doneOn">
            <input type="date" {...box('xl-done', 'doneOn')} value={doneOn} onChange={(e) => setDoneOn(e.target.value)} />
          </FormField>
        ) : null}
      </div>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={act.busy} data-testid="xl-form-submit">
          {act.busy ? '正在保存…' : '保存'}
        </button>
        <button type="button" onClick={onCancel} disabled={act.busy}>
          取消
        </button>
      </div>
      <GeneralError message={act.general} testId="xl-form-error" />
    </form>
  );
}

export function HelpProgressForm({ measure, today, onDone, onCancel }: { measure: HelpMeasureView; today: string; onDone(): void; onCancel(): void }) {
  const [text, setText] = useState('');
  const [onDate, setOnDate] = useState(today);
  const [done, setDone] = useState(false);
  const act = useAct(['text', 'onDate']);
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (act.busy) return;
    const r = await act.run(() => api['exchange.helpProgress']({ id: measure.id, text, onDate, done }));
    if (r) onDone();
  }
  return (
    <form className="form xc-form xl-form" onSubmit={(e) => void submit(e)} noValidate data-testid="xl-progress-form">
      <h3>登记进展：{measure.text}</h3>
      <div className="form-row xl-row">
        <FormField id="xl-p-date" label="日期" required error={act.fieldError('onDate')} testId="xl-progress-onDate">
          <input type="date" {...boxProps('xl-p-date', act.fieldError('onDate'), 'xl-progress-onDate')} value={onDate} onChange={(e) => setOnDate(e.target.value)} />
        </FormField>
      </div>
      <FormField id="xl-p-text" label="进展情况" required error={act.fieldError('text')} testId="xl-progress-text">
        <textarea {...boxProps('xl-p-text', act.fieldError('text'), 'xl-progress-text')} value={text} onChange={(e) => setText(e.target.value)} maxLength={2000} rows={3} />
      </FormField>
      <label className="xl-check">
        <input type="checkbox" checked={done} onChange={(e) => setDone(e.target.checked)} data-testid="xl-progress-done" /> 措施已完成（以上日期为完成日期）
      </label>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={act.busy} data-testid="xl-progress-submit">
          {act.busy ? '正在保存…' : '保存进展'}
        </button>
        <button type="button" onClick={onCancel} disabled={act.busy}>
          取消
        </button>
      </div>
      <GeneralError message={act.general} testId="xl-progress-error" />
    </form>
  );
}
