// 已锁定: idle too long; the same person unlocks with his password, or signs out to let someone else sign in.
import { useState, type FormEvent } from 'react';
import { useStore } from 'zustand';
import { rolesText } from '../../lib/auth';
import { session, signOut } from '../../stores';
import { courtLine } from './AuthFrame';

export function LockScreen() {
  const user = useStore(session, (s) => s.user);
  const status = useStore(session, (s) => s.status);
  const minutes = useStore(session, (s) => s.idleLockMinutes);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    if (!password) return setError('请输入口令');
    setBusy(true);
    setError(null);
    const message = await session.getState().unlock(password);
    setBusy(false);
    if (message) {
      setError(message);
      setPassword('');
    }
  }

  const court = courtLine(status?.courtName, status?.courtCode);
  return (
    <div className="lock-screen" data-testid="lock-screen" role="dialog" aria-modal="true" aria-label="已锁定">
      <form className="auth-box form lock-box" onSubmit={(e) => void submit(e)} noValidate>
        <div className="auth-brand">法院质效台</div>
        {court ? <div className="muted">{court}</div> : null}
        <h1>已锁定，请输入口令解锁</h1>
        <p className="lock-user" data-testid="lock-user">
          {user ? (
            <>
              <strong>{user.name}</strong>
              <span className="muted"> · {rolesText(user.roles)}</span>
            </>
          ) : null}
        </p>
        <p className="muted small">{minutes > 0 ? `超过 ${minutes} 分钟未操作，窗口已自动锁定；解锁后回到原来的页面。` : '窗口已锁定；解锁后回到原来的页面。'}</p>
        <label className="form-field">
          <span>口令</span>
          <input type="password" data-testid="lock-password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="current-password" autoFocus />
        </label>
        {error ? (
          <p className="form-error" role="alert" data-testid="lock-error">
            {error}
          </p>
        ) : null}
        <div className="form-actions">
          <button type="submit" className="primary wide" disabled={busy} data-testid="lock-submit">
            {busy ? '正在解锁…' : '解锁'}
          </button>
        </div>
        <div className="lock-switch">
          不是{user?.name ?? '本人'}？
          <button type="button" className="link-button" data-testid="lock-switch" onClick={() => void signOut()}>
            切换账号
          </button>
        </div>
      </form>
    </div>
  );
}
