// After closing: 重开 (a division head undoes a closing made by mistake, with the reason, kept in the case's record)
// and 上诉 (whether a closed first-instance case was appealed, and the second instance's outcome once known).
import type { FormEvent } from 'react';
import type { CaseDetail } from '../../../../shared/api/contract';
import { APPEAL_OUTCOMES, type AppealOutcome } from '../../../../shared/cases/types';
import { Dialog } from '../../components/Dialog';
import { FormField } from '../../components/FormField';
import { stores } from '../../stores';
import { DialogActions, FormMessage } from './EventDialogs';
import { Choice } from './WorkFields';
import { useWorkForm } from './useWorkForm';
import { reopenProblem } from './workForms';

export function ReopenDialog({ c, onClose }: { c: CaseDetail; onClose(): void }) {
  const f = useWorkForm<{ reason: string }, 'reason'>({ reason: '' }, (v) => {
    const p = reopenProblem(v.reason);
    return p ? { reason: p } : {};
  });
  async function submit(ev: FormEvent) {
    ev.preventDefault();
    const done = await f.submit((x) => stores.caseWork.getState().run('cases.reopen', { caseNumber: c.caseNumber, reason: x.reason.trim() }, '重开案件'), { reason: 'reason', 理由: 'reason' });
    if (done) onClose();
  }
  return (
    <Dialog title="重开案件" onClose={onClose} testId="reopen-dialog">
      <form className="form" ref={f.root} onSubmit={(ev) => void submit(ev)} noValidate>
        <p className="muted small">
          本案已于 {c.closedOn}以“{c.closingMethod ?? '未记录'}”结案。重开后案件恢复为未结、审限继续计算，原结案日期和方式保留在重开记录中，并记入审计日志。
        </p>
        <FormField id="reopen-reason" label="重开理由" required error={f.errors.reason} testId="reopen-reason">
          <textarea
            id="reopen-reason"
            data-testid="reopen-reason"
            className={f.errors.reason ? 'invalid' : undefined}
            aria-invalid={f.errors.reason ? true : undefined}
            aria-describedby={f.errors.reason ? 'reopen-reason-error' : undefined}
            rows={3}
            maxLength={500}
            value={f.values.reason}
            placeholder="如：误将未宣判的案件登记为结案"
            onChange={(x) => f.set({ reason: x.target.value })}
            onBlur={() => f.leave('reason')}
          />
        </FormField>
        <FormMessage text={f.formError} testId="reopen-error" />
        <DialogActions busy={f.busy} label="重开" onClose={onClose} testId="reopen" />
      </form>
    </Dialog>
  );
}

interface AppealValues {
  appealed: 'yes' | 'no' | '';
  outcome: AppealOutcome | '';
}

export function AppealDialog({ c, onClose }: { c: CaseDetail; onClose(): void }) {
  const f = useWorkForm<AppealValues, keyof AppealValues>(
    { appealed: c.appealed === null ? '' : c.appealed ? 'yes' : 'no', outcome: c.appealOutcome ?? '' },
    (v) => (v.appealed === '' ? { appealed: '请选择是否上诉' } : v.appealed === 'no' && v.outcome ? { outcome: '未上诉的案件没有二审结果' } : {}),
  );
  const v = f.values;
  async function submit(ev: FormEvent) {
    ev.preventDefault();
    const done = await f.submit(
      (x) =>
        stores.caseWork.getState().run(
          'cases.recordAppeal',
          { caseNumber: c.caseNumber, appealed: x.appealed === 'yes', outcome: x.appealed === 'yes' && x.outcome ? x.outcome : null },
          '登记上诉情况',
        ),
      { appealed: 'appealed', outcome: 'outcome' },
    );
    if (done) onClose();
  }
  return (
    <Dialog title="上诉情况" onClose={onClose} testId="appeal-dialog">
      <form className="form" ref={f.root} onSubmit={(ev) => void submit(ev)} noValidate>
        <div className="cw-field form-field">
          <span className="cw-label">
            是否上诉<span className="cw-required">*</span>
          </span>
          <div className="check-row" role="radiogroup" aria-label="是否上诉">
            <label className="check">
              <input type="radio" name="appealed" value="yes" data-testid="appeal-yes" checked={v.appealed === 'yes'} aria-invalid={f.errors.appealed ? true : undefined} onChange={() => f.set({ appealed: 'yes' }, ['appealed', 'outcome'])} />
              已上诉
            </label>
            <label className="check">
              <input type="radio" name="appealed" value="no" data-testid="appeal-no" checked={v.appealed === 'no'} onChange={() => f.set({ appealed: 'no', outcome: '' }, ['appealed', 'outcome'])} />
              未上诉（判决已生效）
            </label>
          </div>
          {f.errors.appealed ? (
            <span className="field-error cw-error" role="alert" data-testid="appeal-appealed-error">
              {f.errors.appealed}
            </span>
          ) : null}
        </div>
        <FormField id="appeal-outcome" label="二审结果" error={f.errors.outcome} testId="appeal-outcome" hint="二审尚未审结的，先不选">
          <Choice<AppealOutcome>
            id="appeal-outcome"
            testId="appeal-outcome"
            value={v.outcome}
            options={APPEAL_OUTCOMES}
            empty="二审尚未审结"
            disabled={v.appealed !== 'yes'}
            error={f.errors.outcome}
            onChange={(outcome) => f.set({ outcome })}
          />
        </FormField>
        <FormMessage text={f.formError} testId="appeal-error" />
        <DialogActions busy={f.busy} label="保存" onClose={onClose} testId="appeal" />
      </form>
    </Dialog>
  );
}
