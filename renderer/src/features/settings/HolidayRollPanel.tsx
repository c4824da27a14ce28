// 审限计算: whether a due date on a weekend or holiday moves to the next working day (off by default, as the
// time-limits spec says); shown to everyone, switched by those with settings.manage, every stored due date follows.
import { useState } from 'react';
import { useStore } from 'zustand';
import { formatCount } from '../../lib/format';
import { api, session, stores } from '../../stores';
import { userCan } from '../auth/session';
import { JobProgress } from '../../components/JobProgress';

export function HolidayRollPanel() {
  const info = useStore(stores.app, (s) => s.info);
  const allowed = useStore(session, (s) => userCan(s.user, 'settings.manage'));
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  if (!info) return null;
  const on = info.holidayRoll;
  const cal = info.holidayCalendar;

  async function toggle() {
    setBusy(true);
    setMessage(null);
    const res = await api['settings.setHolidayRoll']({ enabled: !on });
    setBusy(false);
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

  return (
    <section className="panel" data-testid="holiday-roll-panel">
      <h2>审限计算</h2>
      <dl className="kv">
        <dt>节假日顺延</dt>
        <dd data-testid="holiday-roll-state">
          {on ? <span className="chip tone-warn">已开启</span> : <span className="chip">未开启（默认）</span>}
        </dd>
      </dl>
      <p className="muted">
        开启后，审限届满日为周末或法定节假日的，顺延至其后第一个工作日（调休上班日视为工作日）。法律关于期间届满日遇节假日顺延的规定，本院默认不适用于审理期限；是否开启由本院决定。节假日日历：
        {cal.firstYear}–{cal.lastYear} 年（国务院办公厅节假日安排，{cal.source}），其后年份只按周末顺延。
      </p>
      {allowed ? (
        <button type="button" disabled={busy} onClick={() => void toggle()} data-testid="holiday-roll-toggle">
          {busy ? '正在重新计算…' : on ? '关闭节假日顺延' : '开启节假日顺延'}
        </button>
      ) : null}
      <JobProgress active={busy} />
      {message ? (
        <p className={`form-message ${message.ok ? 'tone-ok' : 'tone-danger'}`} role={message.ok ? 'status' : 'alert'} data-testid="holiday-roll-message">
          {message.text}
        </p>
      ) : null}
    </section>
  );
}
