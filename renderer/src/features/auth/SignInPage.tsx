// 登录: name and password; on a demonstration database, the demo accounts to try, one click to fill the form.
import { useState, type FormEvent } from 'react';
import { useStore } from 'zustand';
import type { DemoAccount } from '../../../../shared/api/contract';
import { rolesText } from '../../lib/auth';
import { session } from '../../stores';
import { AuthFrame, courtLine } from './AuthFrame';

function DemoAccounts({ accounts, onPick }: { accounts: DemoAccount[]; onPick(a: DemoAccount): void }) {
  return (
    <section className="demo-box" data-testid="demo-accounts" aria-label="演示账号">
      <div className="demo-box-head">
        <span className="demo-badge">演示数据</span>
        <span>本数据库由程序生成，案件和人员均为虚构。以下演示账号每个角色一个，点击一行即可填入。</span>
      </div>
      <table className="plain-table demo-table">
        <colgroup>
          <col className="w-120" />
          <col />
          <col className="w-150" />
        </colgroup>
        <thead>
          <tr>
            <th>姓名</th>
            <th>角色</th>
            <th>口令</th>
          </tr>
        </thead>
        <tbody>
          {accounts.map((a) => (
            <tr
              key={a.name}
              className="demo-row"
              tabIndex={0}
              data-testid="demo-account"
              data-name={a.name}
              title="点击填入姓名和口令"
              onClick={() => onPick(a)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' || e.key === ' ') {
                  e.preventDefault();
                  onPick(a);
                }
              }}
            >
              <td>{a.name}</td>
              <td title={rolesText(a.roles)}>{rolesText(a.roles)}</td>
              <td className="mono">{a.password}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

export function SignInPage() {
  const status = useStore(session, (s) => s.status);
  const notice = useStore(session, (s) => s.notice);
  // Always empty, the cursor in 姓名: the next person at a shared workstation types his own name. A name kept from
  // the last person, with the cursor in 口令, made a new name typed there a wrong password against that account.
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    if (!name.trim()) return setError('请输入姓名');
    if (!password) return setError('请输入口令');
    setBusy(true);
    setError(null);
    const message = await session.getState().signIn(name.trim(), password);
    setBusy(false);
    if (message) {
      setError(message);
      setPassword('');
    }
  }

  const demoAccounts = status?.demo ? status.demoAccounts : [];
  return (
    <AuthFrame
      court={courtLine(status?.courtName, status?.courtCode)}
      demo={status?.demo}
      testId="signin-screen"
      side={
        demoAccounts.length ? (
          <DemoAccounts
            accounts={demoAccounts}
            onPick={(a) => {
              setName(a.name);
              setPassword(a.password);
              setError(null);
            }}
          />
        ) : undefined
      }
    >
      <form className="auth-box form" onSubmit={(e) => void submit(e)} noValidate>
        <h1>登录</h1>
        {notice ? (
          <p className="banner info" role="status" data-testid="signin-notice">
            {notice}
          </p>
        ) : null}
        <label className="form-field">
          <span>姓名</span>
          <input data-testid="signin-name" value={name} onChange={(e) => setName(e.target.value)} autoComplete="username" maxLength={20} autoFocus />
        </label>
        <label className="form-field">
          <span>口令</span>
          <input
            type="password"
            data-testid="signin-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            autoComplete="current-password"
          />
        </label>
        {error ? (
          <p className="form-error" role="alert" data-testid="signin-error">
            {error}
          </p>
        ) : null}
        <div className="form-actions">
          <button type="submit" className="primary wide" disabled={busy} data-testid="signin-submit">
            {busy ? '正在登录…' : '登录'}
          </button>
        </div>
        <p className="form-hint">忘记口令或账号被锁定，请联系本院管理员。</p>
      </form>
    </AuthFrame>
  );
}
