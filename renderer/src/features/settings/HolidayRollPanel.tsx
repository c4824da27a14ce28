// 审限计算: whether a due date on a weekend or holiday moves to the next working day (off by default, as the
// time-limits spec says); shown to everyone, switched by those with settings.manage after a confirmation that says
// how many due dates will change (counted by running the switch and rolling it back), every stored due date follows.
import { useRef, useState, type RefObject } from 'react';
import { useStore } from 'zustand';
import type { HolidayRollPreview } from '../../../../shared/settings/api';
import { formatCount } from '../../lib/format';
import { api, session, stores } from '../../stores';
import { userCan } from '../auth/session';
import { Dialog } from '../../components/Dialog';
import { JobProgress } from '../../components/JobProgress';
import { calendarCoverageText, calendarEndsSoon, previewText } from './holidayRoll';

type Phase = 'idle' | 'previewing' | 'confirming' | 'switching';

interface ConfirmProps {
  preview: HolidayRollPreview;
  onConfirm(): void;
  onClose(): void;
  opener: RefObject<HTMLButtonElement | null>;
}

function ConfirmDialog({ preview, onConfirm, onClose, opener }: ConfirmProps) {
  const t = previewText(preview);
  return (
    // The toggle was disabled while the count ran, so it no longer had focus when this opened: name it.
    <Dialog title={t.title} onClose={onClose} testId="holiday-roll-confirm" returnFocusTo={opener}>
      <div className="form">
        <p data-testid="holiday-roll-confirm-count">{t.change}</p>
        {t.calendar ? (
          <p className="banner info" data-testid="holiday-roll-confirm-calendar">
            {t.calendar}
          </p>
        ) : null}
        <p className="muted">切换会记入审计日志，可随时再切换回来，届满日随之恢复。</p>
        <div className="form-actions dialog-actions">
          <button type="button" onClick={onClose} data-autofocus data-testid="holiday-roll-cancel">
            取消
          </button>
          <button type="button" className="primary" onClick={onConfirm} data-testid="holiday-roll-confirm-go">
            {t.confirm}
          </button>
        </div>
      </div>
    </Dialog>
  );
}

export function HolidayRollPanel() {
  const info = useStore(stores.app, (s) => s.info);
  const allowed = useStore(session, (s) => userCan(s.user, 'settings.manage'));
  const [phase, setPhase] = useState<Phase>('idle');
  const [preview, setPreview] = useState<HolidayRollPreview | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const toggleButton = useRef<HTMLButtonElement>(null);
  if (!info) return null;
  const on = info.holidayRoll;
  const cal = info.holidayCalendar;

  async function ask() {
    setPhase('previewing');
    setMessage(null);
    const res = await api['settings.previewHolidayRoll']({ enabled: !on });
    if (!res.ok) {
      setPhase('idle');
      // Cancelled: nothing was asked of the database, which is what the person wanted.
      return setMessage({ ok: res.error.code === 'CANCELLED', text: res.error.code === 'CANCELLED' ? '已取消，设置未改变' : res.error.message });
    }
    setPreview(res.value);
    setPhase('confirming');
  }

  async function toggle(enabled: boolean) {
    setPhase('switching');
    setPreview(null);
    const res = await api['settings.setHolidayRoll']({ enabled });
    setPhase('idle');
    // Cancelled: nothing changed, which is what the person asked for.
    if (!res.ok) return setMessage({ ok: res.error.code === 'CANCELLED', text: res.error.message });
    // Every list and case page counted with the old rule: they read again when next shown.
    for (const s of [stores.cases, stores.deadlineList, stores.deadlineSummary, stores.caseDetail]) s.getState().reset();
    await stores.app.getState().loadInfo();
    setMessage({
      ok: true,
      text: `已${res.value.holidayRoll ? '开启' : '关闭'}节假日顺延，已重新计算 ${formatCount(res.value.casesChanged)} 件案件的审限届满日。`,
    });
  }

  const busy = phase === 'previewing' || phase === 'switching';
  return (
    <section className="panel" data-testid="holiday-roll-panel">
      <h2>审限计算</h2>
      <dl className="kv">
        <dt>节假日顺延</dt>
        <dd data-testid="holiday-roll-state">
          {on ? <span className="chip tone-warn">已开启</span> : <span className="chip">未开启（默认）</span>}
        </dd>
        <dt>节假日日历</dt>
        <dd data-testid="holiday-roll-calendar">
          {cal.firstYear}–{cal.lastYear} 年
          <span className="muted small">（{cal.source}）</span>
          {calendarEndsSoon(cal, info.today) ? (
            <span className="chip tone-warn calendar-chip" title={calendarCoverageText(cal)}>
              {cal.lastYear + 1} 年起只按周末顺延
            </span>
          ) : null}
        </dd>
      </dl>
      <p className="muted">
        开启后，审限届满日为周末或法定节假日的，顺延至其后第一个工作日（调休上班日视为工作日）。法律关于期间届满日遇节假日顺延的规定，本院默认不适用于审理期限；是否开启由本院决定。
      </p>
      <p className="muted" data-testid="holiday-roll-coverage">
        {calendarCoverageText(cal)}
      </p>
      {allowed ? (
        <button type="button" disabled={busy} onClick={() => void ask()} data-testid="holiday-roll-toggle" ref={toggleButton}>
          {phase === 'previewing' ? '正在统计受影响的案件…' : phase === 'switching' ? '正在重新计算…' : on ? '关闭节假日顺延…' : '开启节假日顺延…'}
        </button>
      ) : null}
      <JobProgress active={busy} />
      {message && !busy ? (
        <p className={`form-message ${message.ok ? 'tone-ok' : 'tone-danger'}`} role={message.ok ? 'status' : 'alert'} data-testid="holiday-roll-message">
          {message.text}
        </p>
      ) : null}
      {phase === 'confirming' && preview ? (
        <ConfirmDialog
          preview={preview}
          opener={toggleButton}
          onConfirm={() => void toggle(preview.enabled)}
          onClose={() => {
            setPreview(null);
            setPhase('idle');
          }}
        />
      ) : null}
    </section>
  );
}
