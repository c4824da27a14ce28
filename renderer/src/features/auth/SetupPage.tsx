// 建立本院数据库: the first start on an empty database asks for the court and its first administrator.
import { useState, type FormEvent } from 'react';
import { MIN_PASSWORD_LENGTH } from '../../../../shared/accounts/roles';
import { newPasswordProblem } from '../../lib/auth';
import { session } from '../../stores';
import { AuthFrame } from './AuthFrame';

export function SetupPage() {
  const [courtCode, setCourtCode] = useState('');
  const [courtName, setCourtName] = useState('');
  const [adminName, setAdminName] = useState('');
  const [password, setPassword] = useState('');
  const [password2, setPassword2] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    if (!courtCode.trim()) return setError('请输入法院代码，例如 辽0421');
    if (!courtName.trim()) return setError('请输入法院名称');
    if (!adminName.trim()) return setError('请输入首个管理员的姓名');
    const problem = newPasswordProblem(password, password2, adminName.trim());
    if (problem) return setError(problem);
    setBusy(true);
    setError(null);
    const message = await session.getState().setup({ courtCode: courtCode.trim(), courtName: courtName.trim(), adminName: adminName.trim(), password });
    setBusy(false);
    if (message) setError(message);
  }

  return (
    <AuthFrame court={null} testId="setup-screen">
      <form className="auth-box form" onSubmit={(e) => void submit(e)} noValidate>
        <h1>建立本院数据库</h1>
        <p className="muted">这是本机第一次使用法院质效台。请填写本院信息，并设置首个管理员账号；管理员登录后可为其他人员建立账号。</p>
        <label className="form-field">
          <span>法院代码</span>
          <input data-testid="setup-court-code" value={courtCode} onChange={(e) => setCourtCode(e.target.value)} placeholder="例如 辽0421" maxLength={10} autoFocus />
        </label>
        <label className="form-field">
          <span>法院名称</span>
          <input data-testid="setup-court-name" value={courtName} onChange={(e) => setCourtName(e.target.value)} placeholder="例如 某某县人民法院" maxLength={50} />
        </label>
        <label className="form-field">
          <span>首个管理员姓名</span>
          <input data-testid="setup-admin" value={adminName} onChange={(e) => setAdminName(e.target.value)} autoComplete="username" maxLength={20} />
        </label>
        <label className="form-field">
          <span>口令</span>
          <input type="password" data-testid="setup-password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="new-password" />
        </label>
        <label className="form-field">
          <span>确认口令</span>
          <input type="password" data-testid="setup-password2" value={password2} onChange={(e) => setPassword2(e.target.value)} autoComplete="new-password" />
        </label>
        <p className="form-hint">
          法院代码将用于案号，建立后不能更改。口令至少 {MIN_PASSWORD_LENGTH} 个字符，不能包含姓名，请妥善保管：管理员账号负责账号、备份和设置，不查看案件数据。
        </p>
        {error ? (
          <p className="form-error" role="alert" data-testid="setup-error">
            {error}
          </p>
        ) : null}
        <div className="form-actions">
          <button type="submit" className="primary" disabled={busy} data-testid="setup-submit">
            {busy ? '正在建立…' : '建立数据库并登录'}
          </button>
        </div>
      </form>
    </AuthFrame>
  );
}
