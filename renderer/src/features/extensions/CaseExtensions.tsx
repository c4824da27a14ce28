// The case page's 延长审限申请: the case's requests, each with its steps (who, when, opinion or decision, comment), and
// 申请延长审限 for the case's own judge.
import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import type { CaseDetail, ExtensionRow } from '../../../../shared/api/contract';
import { EXTENSION_STATUS_TEXT, formatDate } from '../../lib/format';
import { session, stores } from '../../stores';
import { mayAskExtension } from './precheck';
import { spanText, STEP_LABELS, stepOutcome } from './format';
import { PrintFormButton } from './PrintFormButton';
import { RequestExtensionDialog } from './RequestDialog';
import { LettersList } from './LettersList';
import './extensions.css';

function statusTone(r: Pick<ExtensionRow, 'status'>): string {
  return r.status === 'approved' ? 'ok' : r.status === 'rejected' ? 'danger' : 'info';
}

/** The steps of one request, in order, as short lines. */
export function ExtensionSteps({ r }: { r: ExtensionRow }) {
  return (
    <ol className="ext-steps" data-testid="ext-steps">
      <li>
        <span className="ext-step-head">申请</span>
        <span>
          {r.requestedBy ?? '—'}
          {r.enteredBy ? <span className="muted small" data-testid="ext-entered-by">（法官助理 {r.enteredBy} 代为申请）</span> : null}
        </span>
        <span className="muted">{formatDate(r.requestedOn)}</span>
        <span>
          {spanText({ ...r, status: 'pending' })} · {r.reason}
          {r.late ? <span className="chip tone-danger ext-late">逾期申请</span> : null}
        </span>
      </li>
      {r.steps.map((s, i) => (
        <li key={i} data-testid="ext-step" data-step={s.step}>
          <span className="ext-step-head">{STEP_LABELS[s.step]}</span>
          <span>{s.by ?? '—'}</span>
          <span className="muted">{formatDate(s.on)}</span>
          <span>
            <strong className={s.outcome === 'disagree' || s.outcome === 'rejected' ? 'text-danger' : undefined}>{stepOutcome(s)}</strong>
            {s.comment ? <span className="ext-comment">：{s.comment}</span> : null}
          </span>
        </li>
      ))}
    </ol>
  );
}

export function CaseExtensionsSection({ c }: { c: CaseDetail }) {
  const user = useStore(session, (s) => s.user);
  const held = useStore(stores.extensions, (s) => s.caseRows);
  const [asking, setAsking] = useState(false);
  useEffect(() => {
    void stores.extensions.getState().loadCase(c.caseNumber);
  }, [c.caseNumber, c.deadline.dueOn, c.extensions.length]);
  const rows = held?.caseNumber === c.caseNumber ? held.rows : null;
  const mayAsk = mayAskExtension(user, c);
  return (
    <section className="panel" aria-label="延长审限申请" data-testid="case-extensions-section">
      <div className="panel-head">
        <h2>延长审限申请</h2>
        {mayAsk ? (
          <button type="button" className="push-right" data-testid="ext-request-open" onClick={() => setAsking(true)}>
            申请延长审限
          </button>
        ) : null}
      </div>
      {rows === null ? (
        <p className="muted">正在读取…</p>
      ) : rows.length === 0 ? (
        <p className="muted" data-testid="case-extensions-empty">没有延长审限的申请。</p>
      ) : (
        <ul className="ext-case-list" data-testid="case-extensions">
          {[...rows].reverse().map((r) => (
            <li key={r.id} data-testid="case-extension" data-id={r.id} data-status={r.status}>
              <div className="ext-case-head">
                <span className={`chip tone-${statusTone(r)}`} data-testid="case-extension-status">
                  {r.stage && r.stage !== 'decided' ? r.stageLabel : EXTENSION_STATUS_TEXT[r.status]}
                </span>
                <span>{spanText(r)}</span>
                {r.routeLabel ? <span className="muted">审批：{r.routeLabel}</span> : null}
                {r.waitingFor ? <span className="muted">待 {r.waitingFor} 办理</span> : null}
                <PrintFormButton id={r.id} caseNumber={r.caseNumber} />
              </div>
              {r.explanation ? <p className="ext-explanation">{r.explanation}</p> : null}
              <LettersList r={r} />
              <ExtensionSteps r={r} />
            </li>
          ))}
        </ul>
      )}
      {asking ? <RequestExtensionDialog c={c} onClose={() => setAsking(false)} /> : null}
    </section>
  );
}
