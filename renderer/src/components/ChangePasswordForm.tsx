// 修改口令: the old password, the new one twice; checked here for length and match, then by the server.
import { useState, type FormEvent } from 'react';
import { MIN_PASSWORD_LENGTH } from '../../../shared/accounts/roles';
import { newPasswordProblem } from '../lib/auth';
import { session } from '../stores';

export function ChangePasswordForm({ onDone, submitLabel = '修改口令' }: { onDone(): void; submitLabel?: string }) {
  const [oldPassword, setOld] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    if (!oldPassword) return setError('请输入原口令');
    const problem = newPasswordProblem(password, confirm, session.getState().user?.name);
    if (problem) return setError(problem);
    setBusy(true);
    setError(null);
    const message = await session.getState().changePassword(oldPassword, password);
    setBusy(false);
    if (message) setError(message);
    else onDone();
  }

  return (
    <form className="form" onSubmit={(e) => void submit(e)} noValidate>
      <label className="form-field">
        <span>原口令</span>
        <input type="password" autoComplete="current-password" data-testid="password-old" value={oldPassword} onChange={(e) => setOld(e.target.value)} autoFocus />
      </label>
      <label className="form-field">
        <span>新口令</span>
        <input type="password" autoComplete="new-password" data-testid="password-new" value={password} onChange={(e) => setPassword(e.target.value)} />
      </label>
      <label className="form-field">
        <span>确认新口令</span>
        <input type="password" autoComplete="new-password" data-testid="password-new2" value={confirm} onChange={(e) => setConfirm(e.target.value)} />
      </label>
      <p className="form-hint">口令至少 {MIN_PASSWORD_LENGTH} 个字符，不能与原口令相同，不能包含本人姓名。请勿使用生日等容易猜到的内容。</p>
      {error ? (
        <p className="form-error" role="alert" data-testid="password-error">
          {error}
        </p>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy} data-testid="password-submit">
          {busy ? '正在保存…' : submitLabel}
        </button>
      </div>
    </form>
  );
}
