// 自动锁定 (settings.manage): minutes without mouse or keyboard before a window locks; 0 never locks.
import { useState, type FormEvent } from 'react';
import { useStore } from 'zustand';
import { IDLE_LOCK_MAX_MINUTES, idleLockText, parseIdleMinutes } from './idleLock';
import { api, session } from '../../stores';
import { userCan } from '../auth/session';

export function IdleLockPanel() {
  const minutes = useStore(session, (s) => s.idleLockMinutes);
  const allowed = useStore(session, (s) => userCan(s.user, 'settings.manage'));
  const [text, setText] = useState(String(minutes));
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  if (!allowed) return null;

  async function submit(e: FormEvent) {
    e.preventDefault();
    const parsed = parseIdleMinutes(text);
    if ('error' in parsed) return setMessage({ ok: false, text: parsed.error });
    setBusy(true);
    setMessage(null);
    const res = await api['settings.setIdleLock']({ minutes: parsed.minutes });
    setBusy(false);
    if (!res.ok) return setMessage({ ok: false, text: res.error.message });
    session.getState().setIdleLockMinutes(res.value.idleLockMinutes);
    setText(String(res.value.idleLockMinutes));
    setMessage({ ok: true, text: `已保存：${idleLockText(res.value.idleLockMinutes)}。对所有账号生效。` });
  }

  return (
    <section className="panel" data-testid="idle-lock-panel">
      <h2>自动锁定</h2>
      <form className="inline-form" onSubmit={(e) => void submit(e)} noValidate>
        <label className="filter">
          <span>闲置</span>
          <input className="num-input" data-testid="idle-lock-minutes" inputMode="numeric" value={text} onChange={(e) => setText(e.target.value)} aria-label="闲置分钟数" />
          <span>分钟后锁定</span>
        </label>
        <button type="submit" disabled={busy} data-testid="idle-lock-save">
          保存
        </button>
        <span className="muted">0 表示不自动锁定，最长 {IDLE_LOCK_MAX_MINUTES} 分钟。锁定后须输入本人口令解锁，防止离开座位时他人查看或操作。</span>
      </form>
      {message ? (
        <p className={`form-message ${message.ok ? 'tone-ok' : 'tone-danger'}`} role={message.ok ? 'status' : 'alert'} data-testid="idle-lock-message">
          {message.text}
        </p>
      ) : null}
    </section>
  );
}
