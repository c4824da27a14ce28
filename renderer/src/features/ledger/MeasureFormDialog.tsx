// 新增/编辑措施: 整改措施 or 帮扶措施, its text, the weak points it answers, the responsible leader, person and department (picked from this court's staff and divisions for a 整改措施, typed for the intermediate court's 帮扶措施), and its start and deadline.
import { useState, type FormEvent } from 'react';
import { useStore } from 'zustand';
import { MEASURE_TEXT_MAX, type LedgerPeople, type MeasureView } from '../../../../shared/ledger/api';
import { MEASURE_KINDS, MEASURE_KIND_LABELS, type MeasureKind } from '../../../../shared/ledger/rules';
import { Dialog } from '../../components/Dialog';
import { FormField, boxProps } from '../../components/FormField';
import { stores } from '../../stores';
import { DialogActions, FormMessage } from '../cases/EventDialogs';
import { DateBox } from '../cases/WorkFields';
import type { MeasureOrigin } from './store';
import { boxOfField, measureArgs, measureProblems, measureValues, type FormErrors, type MeasureValues } from './ledgerForms';

const BOXES = ['kind', 'text', 'weakPointIds', 'leader', 'owner', 'division', 'startOn', 'dueOn', 'doneOn'];

interface Props {
  measure: MeasureView | null;
  pointId: number | null;
  /** The monthly analysis meeting a new measure comes from (由此新增措施); null otherwise. */
  origin: MeasureOrigin | null;
  /** saved: the form was closed by a successful save. */
  onClose(saved?: boolean): void;
}

export function MeasureFormDialog({ measure, pointId, origin, onClose }: Props) {
  const today = useStore(stores.app, (a) => a.info?.today ?? '');
  const points = useStore(stores.ledger, (s) => s.view?.weakPoints ?? []);
  const people = useStore(stores.ledger, (s) => s.people);
  const peopleError = useStore(stores.ledger, (s) => s.peopleError);
  const [v, setV] = useState<MeasureValues>(() => measureValues(measure, today, pointId, origin?.id ?? null));
  const [errors, setErrors] = useState<FormErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  /** A measure marked done by mistake is reopened by its keeper (doneOn null); its progress entries stay. */
  const [reopen, setReopen] = useState(false);

  const put = (patch: Partial<MeasureValues>) => {
    setV((x) => ({ ...x, ...patch }));
    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !(k in patch))));
  };

  async function submit(ev: FormEvent) {
    ev.preventDefault();
    const e = measureProblems(v);
    setErrors(e);
    setFormError(null);
    if (Object.keys(e).length) return;
    setBusy(true);
    const args = measureArgs(v);
    const out = measure
      ? await stores.ledger.getState().act('ledger.updateMeasure', { id: measure.id, ...args, ...(reopen ? { doneOn: null } : {}) })
      : await stores.ledger.getState().act('ledger.addMeasure', args);
    setBusy(false);
    if (out.ok) return onClose(true);
    const box = boxOfField(out.field, BOXES);
    if (box) setErrors({ [box]: out.message });
    else setFormError(out.message);
  }

  const help = v.kind === 'help';
  return (
    <Dialog title={measure ? '编辑措施' : '新增措施'} onClose={() => onClose()} testId="ledger-measure-dialog" wide>
      <form className="form" onSubmit={(ev) => void submit(ev)} noValidate>
        {origin ? (
          <p className="ledger-origin" data-testid="lm-origin">
            来自：{origin.title}（{origin.heldOn}）
          </p>
        ) : null}
        <div className="segmented ledger-seg" role="radiogroup" aria-label="措施类别" data-testid="lm-kind">
          {MEASURE_KINDS.map((k) => (
            <button type="button" role="radio" key={k} aria-checked={v.kind === k} className={v.kind === k ? 'active' : undefined} data-testid={`lm-kind-${k}`} onClick={() => put({ kind: k as MeasureKind })}>
              {MEASURE_KIND_LABELS[k]}
            </button>
          ))}
        </div>
        <FormField id="lm-text" label="措施内容" required error={errors.text} testId="lm-text">
          <textarea {...boxProps('lm-text', errors.text, 'lm-text')} rows={3} maxLength={MEASURE_TEXT_MAX} value={v.text} onChange={(x) => put({ text: x.target.value })} placeholder="如：对超12个月未结案件逐案建立清理台账，每周通报" />
        </FormField>
        <fieldset className="ledger-points-pick" data-testid="lm-points" aria-describedby={errors.weakPointIds ? 'lm-points-error' : undefined}>
          <legend>针对的薄弱点（可多选）<span className="cw-required" aria-label="必填">*</span></legend>
          {points.map((p) => (
            <label key={p.id} className="ledger-point-check">
              <input
                type="checkbox"
                data-testid="lm-point"
                data-id={p.id}
                checked={v.weakPointIds.includes(p.id)}
                onChange={(x) => put({ weakPointIds: x.target.checked ? [...v.weakPointIds, p.id] : v.weakPointIds.filter((id) => id !== p.id) })}
              />
              <span className="clamp2">{p.text}</span>
            </label>
          ))}
          {errors.weakPointIds ? (
            <span className="field-error cw-error" id="lm-points-error" role="alert" data-testid="lm-points-error">
              {errors.weakPointIds}
            </span>
          ) : null}
        </fieldset>
        {peopleError && !help ? <div className="banner error" role="alert">{peopleError}</div> : null}
        <div className="ledger-form-row">
          <PersonBox id="lm-leader" label="责任领导" help={help} value={v.leader} error={errors.leader} options={leaderOptions(people)} onChange={(leader) => put({ leader })} />
          <PersonBox
            id="lm-owner"
            label="责任人"
            help={help}
            value={v.owner}
            error={errors.owner}
            options={people?.staff.map((s) => ({ name: s.name, label: s.division ? `${s.name}（${s.division}）` : s.name })) ?? []}
            onChange={(owner) => {
              // The owner's own division is the usual department: filled in when the box is still empty.
              const division = people?.staff.find((s) => s.name === owner)?.division;
              put(division && !v.division ? { owner, division } : { owner });
            }}
          />
          <PersonBox id="lm-division" label="责任部门" help={help} value={v.division} error={errors.division} options={people?.divisions.map((d) => ({ name: d, label: d })) ?? []} onChange={(division) => put({ division })} />
        </div>
        <div className="ledger-form-row">
          <FormField id="lm-start" label="开始日期" required error={errors.startOn} testId="lm-start">
            <DateBox id="lm-start" testId="lm-start" value={v.startOn} error={errors.startOn} onChange={(startOn) => put({ startOn })} onLeave={(startOn) => setV((x) => ({ ...x, startOn }))} />
          </FormField>
          <FormField id="lm-due" label="完成期限" required error={errors.dueOn} testId="lm-due">
            <DateBox id="lm-due" testId="lm-due" value={v.dueOn} error={errors.dueOn} onChange={(dueOn) => put({ dueOn })} onLeave={(dueOn) => setV((x) => ({ ...x, dueOn }))} />
          </FormField>
        </div>
        {measure?.doneOn ? (
          <label className="ledger-done-check ledger-reopen" title="误将措施标为已完成时使用；进展记录保留">
            <input type="checkbox" checked={reopen} data-testid="lm-reopen" onChange={(x) => setReopen(x.target.checked)} />
            撤销“已完成”（{measure.doneOn} 标记完成），恢复为未完成
          </label>
        ) : null}
        {errors.doneOn ? (
          <span className="field-error cw-error" role="alert" data-testid="lm-done-error">
            {errors.doneOn}
          </span>
        ) : null}
        {help ? <p className="muted small">帮扶措施由中院承担，责任领导、责任人和部门按中院的安排填写。</p> : null}
        <FormMessage text={formError} testId="lm-error" />
        <DialogActions busy={busy} label={measure ? '保存' : '新增'} onClose={() => onClose()} testId="lm" />
      </form>
    </Dialog>
  );
}

function leaderOptions(people: LedgerPeople | null) {
  return people?.leaders.map((l) => ({ name: l.name, label: `${l.name}（${l.roleLabel}）` })) ?? [];
}

interface PersonBoxProps {
  id: string;
  label: string;
  /** A 帮扶措施 names the intermediate court's people, who are in no list here: typed. */
  help: boolean;
  value: string;
  error?: string;
  options: Array<{ name: string; label: string }>;
  onChange(v: string): void;
}

function PersonBox({ id, label, help, value, error, options, onChange }: PersonBoxProps) {
  // A measure agreed with someone who has since left keeps his name: shown as a choice of its own.
  const all = value && !options.some((o) => o.name === value) ? [{ name: value, label: `${value}（不在当前名单中）` }, ...options] : options;
  return (
    <FormField id={id} label={label} required error={error} testId={id}>
      {help ? (
        <input {...boxProps(id, error, id)} maxLength={50} value={value} onChange={(x) => onChange(x.target.value)} />
      ) : (
        <select {...boxProps(id, error, id)} value={value} onChange={(x) => onChange(x.target.value)}>
          <option value="">请选择</option>
          {all.map((o) => (
            <option key={o.name} value={o.name}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </FormField>
  );
}
