// 先行调解 on a 民初 case filed since 2025-01-01: sending it to a mediator (where, who, when received), its period
// watched like a time limit (due day, days left, amber and red as it runs out), an extension both parties consented
// to (at most 30 days, not counted in the time limit: the case's due date moves by exactly those days), and its end
// (调解成功, 撤诉 and 当场履行 close the case; 调解不成转审理 continues it).
import { useState, type FormEvent } from 'react';
import { useStore } from 'zustand';
import type { CaseDetail } from '../../../../shared/api/contract';
import { MEDIATION_DESTINATIONS, MEDIATION_MAX_EXTENSION_DAYS, MEDIATION_OUTCOMES, type MediationDestination, type MediationOutcome } from '../../../../shared/cases/caseWork';
import { Dialog } from '../../components/Dialog';
import { FormField, boxProps } from '../../components/FormField';
import { formatDate } from '../../lib/format';
import { session, stores } from '../../stores';
import { userCan } from '../auth/session';
import { DialogActions, FormMessage } from './EventDialogs';
import { Choice, DateBox } from './WorkFields';
import { useWorkForm } from './useWorkForm';
import {
  MEDIATION_CLOSING_OUTCOMES, MEDIATION_END_BOXES, MEDIATION_EXTEND_BOXES, MEDIATION_START_BOXES, dateValue, extensionRoom, mediationDays,
  mediationEndProblems, mediationExtendProblems, mediationRemainingText, mediationStartProblems, mediationTone, type MediationEndValues,
  type MediationExtendValues, type MediationStartValues,
} from './workForms';

function StartForm({ c }: { c: CaseDetail }) {
  const today = useStore(stores.app, (a) => a.info?.today ?? null);
  const f = useWorkForm<MediationStartValues, keyof MediationStartValues>({ destination: '', mediator: '', receivedOn: today ?? '' }, (v) => mediationStartProblems(v, c, today));
  const v = f.values;
  const e = f.errors;
  async function submit(ev: FormEvent) {
    ev.preventDefault();
    await f.submit(
      (x) =>
        stores.caseWork.getState().run(
          'cases.startMediation',
          { caseNumber: c.caseNumber, destination: x.destination as MediationDestination, mediator: x.mediator.trim(), receivedOn: dateValue(x.receivedOn) },
          '开始先行调解',
        ),
      MEDIATION_START_BOXES,
    );
  }
  return (
    <form className="form" ref={f.root} onSubmit={(ev) => void submit(ev)} noValidate data-testid="mediation-start">
      <p className="muted small">
        立案后经当事人同意先行调解的，登记调解去向和调解员；调解期限普通程序 15 日、简易程序 7 日，自调解员收到材料之日起算。
      </p>
      <div className="form-row three">
        <FormField id="mediation-destination" label="调解去向" required error={e.destination} testId="mediation-destination">
          <Choice<MediationDestination>
            id="mediation-destination"
            testId="mediation-destination"
            value={v.destination}
            options={MEDIATION_DESTINATIONS}
            error={e.destination}
            onChange={(destination) => f.set({ destination })}
            onLeave={() => f.leave('destination')}
          />
        </FormField>
        <FormField id="mediation-mediator" label="调解员或调解组织" required error={e.mediator} testId="mediation-mediator">
          <input {...boxProps('mediation-mediator', e.mediator, 'mediation-mediator')} value={v.mediator} maxLength={50} onChange={(x) => f.set({ mediator: x.target.value })} onBlur={() => f.leave('mediator')} />
        </FormField>
        <FormField id="mediation-receivedOn" label="调解员收到材料日期" required error={e.receivedOn} testId="mediation-receivedOn">
          <DateBox id="mediation-receivedOn" testId="mediation-receivedOn" value={v.receivedOn} error={e.receivedOn} onChange={(t) => f.set({ receivedOn: t })} onLeave={(t) => f.leave('receivedOn', { receivedOn: t })} />
        </FormField>
      </div>
      <FormMessage text={f.formError} testId="mediation-start-error" />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={f.busy} data-testid="mediation-start-save">
          {f.busy ? '正在保存…' : '开始先行调解'}
        </button>
      </div>
    </form>
  );
}

function ExtendDialog({ c, onClose }: { c: CaseDetail; onClose(): void }) {
  const today = useStore(stores.app, (a) => a.info?.today ?? null);
  const room = extensionRoom(c.mediation?.extensionDays ?? 0);
  const f = useWorkForm<MediationExtendValues, keyof MediationExtendValues>({ days: '', consentOn: today ?? '' }, (v) => mediationExtendProblems(v, c, today));
  async function submit(ev: FormEvent) {
    ev.preventDefault();
    const done = await f.submit(
      (x) => stores.caseWork.getState().run('cases.extendMediation', { caseNumber: c.caseNumber, days: mediationDays(x.days), consentOn: dateValue(x.consentOn) }, `延长先行调解 ${mediationDays(x.days)} 天`),
      MEDIATION_EXTEND_BOXES,
    );
    if (done) onClose();
  }
  return (
    <Dialog title="延长调解期限" onClose={onClose} testId="mediation-extend-dialog">
      <form className="form" ref={f.root} onSubmit={(ev) => void submit(ev)} noValidate>
        <p className="muted small">
          经双方当事人同意，可以延长调解期限，合计不超过 {MEDIATION_MAX_EXTENSION_DAYS} 天（还可延长 {room} 天）。延长的天数不计入审限：案件的审限届满日相应顺延同样的天数。
        </p>
        <div className="form-row two">
          <FormField id="mediation-days" label="延长天数" required error={f.errors.days} testId="mediation-days">
            <input {...boxProps('mediation-days', f.errors.days, 'mediation-days')} value={f.values.days} inputMode="numeric" maxLength={6} onChange={(x) => f.set({ days: x.target.value })} onBlur={() => f.leave('days')} />
          </FormField>
          <FormField id="mediation-consentOn" label="双方同意日期" required error={f.errors.consentOn} testId="mediation-consentOn">
            <DateBox id="mediation-consentOn" testId="mediation-consentOn" value={f.values.consentOn} error={f.errors.consentOn} onChange={(t) => f.set({ consentOn: t })} onLeave={(t) => f.leave('consentOn', { consentOn: t })} />
          </FormField>
        </div>
        <FormMessage text={f.formError} testId="mediation-extend-error" />
        <DialogActions busy={f.busy} label="延长" onClose={onClose} testId="mediation-extend" />
      </form>
    </Dialog>
  );
}

function EndDialog({ c, onClose }: { c: CaseDetail; onClose(): void }) {
  const today = useStore(stores.app, (a) => a.info?.today ?? null);
  const f = useWorkForm<MediationEndValues, keyof MediationEndValues>({ endedOn: today ?? '', outcome: '' }, (v) => mediationEndProblems(v, c, today));
  const closes = f.values.outcome !== '' && MEDIATION_CLOSING_OUTCOMES.has(f.values.outcome);
  async function submit(ev: FormEvent) {
    ev.preventDefault();
    const done = await f.submit(
      (x) => stores.caseWork.getState().run('cases.endMediation', { caseNumber: c.caseNumber, endedOn: dateValue(x.endedOn), outcome: x.outcome as MediationOutcome }, `先行调解结束：${x.outcome}`),
      MEDIATION_END_BOXES,
    );
    if (done) onClose();
  }
  return (
    <Dialog title="结束先行调解" onClose={onClose} testId="mediation-end-dialog">
      <form className="form" ref={f.root} onSubmit={(ev) => void submit(ev)} noValidate>
        <div className="form-row two">
          <FormField id="mediation-endedOn" label="结束日期" required error={f.errors.endedOn} testId="mediation-endedOn">
            <DateBox id="mediation-endedOn" testId="mediation-endedOn" value={f.values.endedOn} error={f.errors.endedOn} onChange={(t) => f.set({ endedOn: t })} onLeave={(t) => f.leave('endedOn', { endedOn: t })} />
          </FormField>
          <FormField id="mediation-outcome" label="调解结果" required error={f.errors.outcome} testId="mediation-outcome">
            <Choice<MediationOutcome> id="mediation-outcome" testId="mediation-outcome" value={f.values.outcome} options={MEDIATION_OUTCOMES} error={f.errors.outcome} onChange={(outcome) => f.set({ outcome })} onLeave={() => f.leave('outcome')} />
          </FormField>
        </div>
        {f.values.outcome ? (
          <p className={`banner ${closes ? 'info' : 'ok'}`} data-testid="mediation-end-effect">
            {closes ? `以“${f.values.outcome}”结束先行调解，本案同时结案（结案日期为调解结束日期）。` : '调解不成，本案转入审理，审限继续计算。'}
          </p>
        ) : null}
        <FormMessage text={f.formError} testId="mediation-end-error" />
        <DialogActions busy={f.busy} label="结束调解" onClose={onClose} testId="mediation-end" />
      </form>
    </Dialog>
  );
}

export function MediationPanel({ c }: { c: CaseDetail }) {
  const may = useStore(session, (s) => userCan(s.user, 'events.record'));
  const [dialog, setDialog] = useState<'extend' | 'end' | null>(null);
  const m = c.mediation;
  const tone = m ? mediationTone(m.daysRemaining) : 'muted';
  return (
    <section className="panel" aria-label="先行调解" data-testid="mediation-panel">
      <div className="panel-head">
        <h2>先行调解</h2>
        {m && m.daysRemaining !== null ? (
          <span className={`chip tone-${tone}`} data-testid="mediation-remaining">
            {mediationRemainingText(m.daysRemaining)}
          </span>
        ) : m?.outcome ? (
          <span className="chip tone-muted" data-testid="mediation-outcome-chip">
            {m.outcome}
          </span>
        ) : null}
      </div>
      {!m ? (
        c.closedOn ? (
          <p className="muted">本案未进行先行调解。</p>
        ) : may ? (
          <StartForm c={c} />
        ) : (
          <p className="muted">本案尚未先行调解。</p>
        )
      ) : (
        <>
          <dl className={`fields mediation-facts tone-${tone}`} data-testid="mediation-facts">
            <div className="field">
              <dt>调解去向</dt>
              <dd>{m.destination}</dd>
            </div>
            <div className="field">
              <dt>调解员或调解组织</dt>
              <dd title={m.mediator}>{m.mediator}</dd>
            </div>
            <div className="field">
              <dt>收到材料日期</dt>
              <dd className="num">{formatDate(m.receivedOn)}</dd>
            </div>
            <div className="field">
              <dt>调解期限</dt>
              <dd>{m.baseDays} 天</dd>
            </div>
            {m.extensionDays ? (
              <div className="field" data-testid="mediation-extension">
                <dt>经双方同意延长</dt>
                <dd title={`${formatDate(m.consentOn)} 双方同意，延长的天数不计入审限`}>
                  {m.extensionDays} 天（{formatDate(m.consentOn)} 同意）
                </dd>
              </div>
            ) : null}
            <div className="field">
              <dt>调解期限届满日</dt>
              <dd className="num">
                <strong data-testid="mediation-due">{formatDate(m.dueOn)}</strong>
              </dd>
            </div>
            <div className="field">
              <dt>{m.endedOn ? '调解结束' : '剩余'}</dt>
              <dd className={m.endedOn ? undefined : `tone-${tone}`}>{m.endedOn ? `${formatDate(m.endedOn)} · ${m.outcome ?? ''}` : mediationRemainingText(m.daysRemaining)}</dd>
            </div>
          </dl>
          {!m.endedOn && may ? (
            <div className="form-actions">
              <button type="button" data-testid="mediation-extend" disabled={extensionRoom(m.extensionDays) === 0} title={extensionRoom(m.extensionDays) === 0 ? `已延长 ${MEDIATION_MAX_EXTENSION_DAYS} 天，不能再延长` : undefined} onClick={() => setDialog('extend')}>
                延长调解期限（双方同意）
              </button>
              <button type="button" data-testid="mediation-end" onClick={() => setDialog('end')}>
                结束调解
              </button>
            </div>
          ) : null}
        </>
      )}
      {dialog === 'extend' ? <ExtendDialog c={c} onClose={() => setDialog(null)} /> : null}
      {dialog === 'end' ? <EndDialog c={c} onClose={() => setDialog(null)} /> : null}
    </section>
  );
}
