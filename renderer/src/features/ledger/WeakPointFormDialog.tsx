// 新增/编辑薄弱点: the text, who found it and when, and up to ten indicator targets (an indicator with a better direction, the target typed as a percentage for a ratio, the date to reach it); every mistake, the form's own or the core's, is shown beside its box.
import { useState, type FormEvent } from 'react';
import { useStore } from 'zustand';
import { INDICATORS, type IndicatorId } from '../../../../shared/indicators/catalogue';
import { WEAK_POINT_TEXT_MAX, type WeakPointView } from '../../../../shared/ledger/api';
import { FOUND_BY, FOUND_BY_LABELS, TARGET_INDICATORS, targetText, type FoundBy } from '../../../../shared/ledger/rules';
import { Dialog } from '../../components/Dialog';
import { FormField, boxProps } from '../../components/FormField';
import { stores } from '../../stores';
import { DialogActions, FormMessage } from '../cases/EventDialogs';
import { Choice, DateBox } from '../cases/WorkFields';
import { boxOfField, readTarget, typedAsPercent, weakPointArgs, weakPointProblems, weakPointValues, type FormErrors, type TargetValues } from './ledgerForms';

const MAX_TARGETS = 10;
const INDICATOR_LABELS = Object.fromEntries(TARGET_INDICATORS.map((id) => [id, INDICATORS[id].name])) as Record<IndicatorId, string>;

export function WeakPointFormDialog({ point, onClose }: { point: WeakPointView | null; onClose(): void }) {
  const today = useStore(stores.app, (a) => a.info?.today ?? '');
  const [v, setV] = useState(() => weakPointValues(point, today));
  const [errors, setErrors] = useState<FormErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const clear = (...keys: string[]) => setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !keys.includes(k))));
  const setTarget = (i: number, patch: Partial<TargetValues>) => {
    setV((x) => ({ ...x, targets: x.targets.map((t, j) => (j === i ? { ...t, ...patch } : t)) }));
    clear(...Object.keys(patch).map((k) => `targets.${i}.${k}`), 'targets');
  };

  async function submit(ev: FormEvent) {
    ev.preventDefault();
    const e = weakPointProblems(v);
    setErrors(e);
    setFormError(null);
    if (Object.keys(e).length) return;
    setBusy(true);
    const args = weakPointArgs(v);
    const out = point ? await stores.ledger.getState().act('ledger.updateWeakPoint', { id: point.id, ...args }) : await stores.ledger.getState().act('ledger.addWeakPoint', args);
    setBusy(false);
    if (out.ok) return onClose();
    const boxes = ['text', 'foundBy', 'foundOn', 'targets', ...v.targets.flatMap((_t, i) => [`targets.${i}.indicator`, `targets.${i}.target`, `targets.${i}.dueOn`])];
    const box = boxOfField(out.field, boxes);
    if (box) setErrors({ [box]: out.message });
    else setFormError(out.message);
  }

  return (
    <Dialog title={point ? '编辑薄弱点' : '新增薄弱点'} onClose={onClose} testId="ledger-point-dialog" wide>
      <form className="form" onSubmit={(ev) => void submit(ev)} noValidate>
        <FormField id="lp-text" label="薄弱点" required error={errors.text} testId="lp-text">
          <textarea
            {...boxProps('lp-text', errors.text, 'lp-text')}
            rows={2}
            maxLength={WEAK_POINT_TEXT_MAX}
            value={v.text}
            placeholder="如：超12个月未结案件比偏高，长期未结案件清理不力"
            onChange={(x) => {
              setV({ ...v, text: x.target.value });
              clear('text');
            }}
          />
        </FormField>
        <div className="ledger-form-row">
          <FormField id="lp-found-by" label="发现者" required error={errors.foundBy} testId="lp-found-by">
            <Choice<FoundBy>
              id="lp-found-by"
              testId="lp-found-by"
              value={v.foundBy}
              options={FOUND_BY}
              labels={FOUND_BY_LABELS}
              error={errors.foundBy}
              onChange={(foundBy) => {
                setV({ ...v, foundBy });
                clear('foundBy');
              }}
            />
          </FormField>
          <FormField id="lp-found-on" label="发现日期" required error={errors.foundOn} testId="lp-found-on">
            <DateBox id="lp-found-on" testId="lp-found-on" value={v.foundOn} error={errors.foundOn} onChange={(foundOn) => setV({ ...v, foundOn })} onLeave={(foundOn) => { setV({ ...v, foundOn }); clear('foundOn'); }} />
          </FormField>
        </div>
        <fieldset className="ledger-targets-edit" data-testid="lp-targets">
          <legend>指标目标（反映这个薄弱点的指标，以及要达到的值和日期）</legend>
          {v.targets.map((t, i) => (
            <TargetRow key={i} i={i} t={t} errors={errors} removable={v.targets.length > 1} onChange={(p) => setTarget(i, p)} onRemove={() => setV({ ...v, targets: v.targets.filter((_x, j) => j !== i) })} />
          ))}
          {errors.targets ? (
            <span className="field-error cw-error" role="alert" data-testid="lp-targets-error">
              {errors.targets}
            </span>
          ) : null}
          {v.targets.length < MAX_TARGETS ? (
            <button type="button" className="link-button" data-testid="lp-target-add" onClick={() => setV({ ...v, targets: [...v.targets, { indicator: '', target: '', dueOn: v.targets.at(-1)?.dueOn ?? '' }] })}>
              再加一个指标
            </button>
          ) : null}
        </fieldset>
        <FormMessage text={formError} testId="lp-error" />
        <DialogActions busy={busy} label={point ? '保存' : '新增'} onClose={onClose} testId="lp" />
      </form>
    </Dialog>
  );
}

function TargetRow({ i, t, errors, removable, onChange, onRemove }: { i: number; t: TargetValues; errors: FormErrors; removable: boolean; onChange(p: Partial<TargetValues>): void; onRemove(): void }) {
  const k = (f: string) => `targets.${i}.${f}`;
  const id = t.indicator || null;
  const percent = id ? typedAsPercent(id) : false;
  const value = id ? readTarget(id, t.target) : null;
  return (
    <div className="ledger-target-row" data-testid="lp-target">
      <FormField id={`lp-ind-${i}`} label="指标" required error={errors[k('indicator')]} testId={`lp-indicator-${i}`}>
        <Choice<IndicatorId> id={`lp-ind-${i}`} testId={`lp-indicator-${i}`} value={t.indicator} options={TARGET_INDICATORS} labels={INDICATOR_LABELS} error={errors[k('indicator')]} onChange={(indicator) => onChange({ indicator })} />
      </FormField>
      <FormField
        id={`lp-target-${i}`}
        label={percent ? '目标值（%）' : id && INDICATORS[id].kind === 'days' ? '目标值（天）' : '目标值'}
        required
        error={errors[k('target')]}
        testId={`lp-target-${i}`}
        hint={id && value !== null ? `即 ${targetText(id, value)}` : percent ? '填百分数，如 2 表示 2%' : undefined}
      >
        <input {...boxProps(`lp-target-${i}`, errors[k('target')], `lp-target-${i}`)} inputMode="decimal" maxLength={20} value={t.target} onChange={(x) => onChange({ target: x.target.value })} />
      </FormField>
      <FormField id={`lp-due-${i}`} label="目标日期" required error={errors[k('dueOn')]} testId={`lp-due-${i}`}>
        <DateBox id={`lp-due-${i}`} testId={`lp-due-${i}`} value={t.dueOn} error={errors[k('dueOn')]} onChange={(dueOn) => onChange({ dueOn })} onLeave={(dueOn) => onChange({ dueOn })} />
      </FormField>
      {removable ? (
        <button type="button" className="link-button ledger-target-remove" data-testid="lp-target-remove" onClick={onRemove}>
          移除
        </button>
      ) : null}
    </div>
  );
}
