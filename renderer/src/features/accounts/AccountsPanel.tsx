// 账号管理 (accounts.manage): who may sign in, with which roles; add, disable or enable, reset a password.
// Nobody is ever deleted: a disabled account's name stays in the case records and the audit log.
import { useState, type FormEvent } from 'react';
import { useStore } from 'zustand';
import type { UserView } from '../../../../shared/api/contract';
import { MIN_PASSWORD_LENGTH, ROLES, ROLE_LABELS, type Role } from '../../../../shared/accounts/roles';
import { Dialog } from '../../components/Dialog';
import { newPasswordProblem, rolesText } from '../../lib/auth';
import { passwordNameProblem } from '../../../../shared/accounts/passwordRules';
import { userStatus } from './userStatus';
import { AssistantJudgesDialog } from './AssistantJudgesDialog';
import { session, stores } from '../../stores';

/** Roles that wrap between one role and the next, never inside a role's name (审管 / 办). */
function RolesText({ roles }: { roles: readonly Role[] }) {
  const parts = rolesText(roles).split('、');
  return (
    <>
      {parts.map((p, i) => (
        <span key={p} className="nobr">
          {p}
          {i < parts.length - 1 ? '、' : ''}
        </span>
      ))}
    </>
  );
}

type Pending = { kind: 'toggle' | 'reset' | 'judges'; user: UserView } | null;

type Message = { ok: boolean; text: string } | null;

/** One message at a time: a new attempt's error replaces the last success, and a success the last error. */
function AddAccountForm() {
  const divisions = useStore(stores.app, (s) => s.divisions);
  const divisionsError = useStore(stores.app, (s) => s.divisionsError);
  const [name, setName] = useState('');
  const [roles, setRoles] = useState<Role[]>([]);
  const [division, setDivision] = useState('');
  const [password, setPassword] = useState('');
  const [message, setMessage] = useState<Message>(null);
  const [busy, setBusy] = useState(false);
  const setError = (text: string) => setMessage({ ok: false, text });

  const toggle = (r: Role) => setRoles((rs) => (rs.includes(r) ? rs.filter((x) => x !== r) : [...rs, r]));

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    if (!name.trim()) return setError('请输入姓名');
    if (roles.length === 0) return setError('至少选择一个角色');
    if ([...password].length < MIN_PASSWORD_LENGTH) return setError(`初始口令至少 ${MIN_PASSWORD_LENGTH} 个字符`);
    const named = passwordNameProblem(password, name.trim());
    if (named) return setError(named);
    setBusy(true);
    setMessage(null);
    const ordered = ROLES.filter((r) => roles.includes(r));
    const message = await stores.accounts.getState().add({ name: name.trim(), roles: ordered, password, ...(division ? { division } : {}) });
    setBusy(false);
    if (message) return setError(message);
    const added = stores.accounts.getState().users.find((u) => u.name === name.trim());
    setMessage({
      ok: true,
      text: added?.mustChangePassword
        ? `已新增账号“${name.trim()}”。请将初始口令当面告知本人；首次登录时须修改口令。`
        : `已新增账号“${name.trim()}”。请将初始口令当面告知本人，并提醒其登录后在“设置”中修改口令。`,
    });
    setName('');
    setRoles([]);
    setDivision('');
    setPassword('');
  }

  return (
    <form className="form add-account" onSubmit={(e) => void submit(e)} noValidate data-testid="user-add-form">
      <div className="form-row">
        <label className="form-field">
          <span>姓名</span>
          <input data-testid="user-add-name" value={name} onChange={(e) => setName(e.target.value)} maxLength={20} autoComplete="off" />
        </label>
        <label className="form-field">
          <span>部门（可不选）</span>
          {divisionsError ? (
            <input data-testid="user-add-division" value={division} onChange={(e) => setDivision(e.target.value)} placeholder="部门名称" maxLength={50} />
          ) : (
            <select data-testid="user-add-division" value={division} onChange={(e) => setDivision(e.target.value)}>
              <option value="">（不属于某个部门）</option>
              {divisions.map((d) => (
                <option key={d.id} value={d.name}>
                  {d.name}
                </option>
              ))}
            </select>
          )}
        </label>
        <label className="form-field">
          <span>初始口令</span>
          <input type="password" data-testid="user-add-password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="new-password" />
        </label>
      </div>
      <fieldset className="role-boxes">
        <legend>角色（可多选）</legend>
        {ROLES.map((r) => (
          <label key={r} className="check">
            <input type="checkbox" data-testid={`user-add-role-${r}`} checked={roles.includes(r)} onChange={() => toggle(r)} />
            {ROLE_LABELS[r]}
          </label>
        ))}
      </fieldset>
      <p className="form-hint">
        员额法官看本人承办的案件；庭长、法官助理、书记员看本部门的案件（不选部门则为全院）；院领导、审管办看全院案件。管理员只管理账号、备份、设置和审计日志，不查看案件。
      </p>
      {message && !message.ok ? (
        <p className="form-error" role="alert" data-testid="user-add-error">
          {message.text}
        </p>
      ) : null}
      {message?.ok ? (
        <p className="banner ok" role="status" data-testid="user-add-message">
          {message.text}
        </p>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy} data-testid="user-add-submit">
          {busy ? '正在保存…' : '新增账号'}
        </button>
      </div>
    </form>
  );
}

function ToggleDialog({ user, onClose, onDone }: { user: UserView; onClose(): void; onDone(text: string): void }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const disabling = user.active;
  async function go() {
    setBusy(true);
    const message = await stores.accounts.getState().setActive(user.name, !disabling);
    setBusy(false);
    if (message) return setError(message);
    onDone(disabling ? `已停用账号“${user.name}”。其已登录的窗口已退出；历史记录仍可查阅。` : `已启用账号“${user.name}”。`);
  }
  return (
    <Dialog title={disabling ? '停用账号' : '启用账号'} onClose={onClose} testId="user-toggle-dialog">
      <div className="form">
        {disabling ? (
          <p>
            确定停用账号“<strong>{user.name}</strong>”（{rolesText(user.roles)}）吗？停用后不能再登录，已登录的窗口会立即退出。账号不会被删除，其办理的案件和审计记录保持不变，可随时重新启用。
          </p>
        ) : (
          <p>
            确定重新启用账号“<strong>{user.name}</strong>”（{rolesText(user.roles)}）吗？启用后可用原口令登录。
          </p>
        )}
        {error ? (
          <p className="form-error" role="alert">
            {error}
          </p>
        ) : null}
        <div className="form-actions">
          <button type="button" className={disabling ? 'danger' : 'primary'} disabled={busy} onClick={() => void go()} data-testid="user-toggle-confirm">
            {disabling ? '停用' : '启用'}
          </button>
          {/* Focus on 取消: Enter right after opening must not disable an account. */}
          <button type="button" onClick={onClose} data-autofocus data-testid="user-toggle-cancel">
            取消
          </button>
        </div>
      </div>
    </Dialog>
  );
}

function ResetDialog({ user, onClose, onDone }: { user: UserView; onClose(): void; onDone(text: string): void }) {
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function submit(e: FormEvent) {
    e.preventDefault();
    const problem = newPasswordProblem(password, confirm, user.name);
    if (problem) return setError(problem);
    setBusy(true);
    const message = await stores.accounts.getState().resetPassword(user.name, password);
    setBusy(false);
    if (message) return setError(message);
    onDone(`已重置“${user.name}”的口令。请将新口令当面告知本人；其下次登录时须修改口令，已登录的窗口已退出。`);
  }
  return (
    <Dialog title={`重置“${user.name}”的口令`} onClose={onClose} testId="user-reset-dialog">
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        <p className="muted">用于本人忘记口令或账号被锁定。重置后账号解除锁定，本人下次登录时须改为新的口令。</p>
        <label className="form-field">
          <span>新口令</span>
          <input type="password" data-testid="user-reset-password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="new-password" autoFocus />
        </label>
        <label className="form-field">
          <span>确认新口令</span>
          <input type="password" data-testid="user-reset-password2" value={confirm} onChange={(e) => setConfirm(e.target.value)} autoComplete="new-password" />
        </label>
        {error ? (
          <p className="form-error" role="alert" data-testid="user-reset-error">
            {error}
          </p>
        ) : null}
        <div className="form-actions">
          <button type="submit" className="primary" disabled={busy} data-testid="user-reset-submit">
            重置口令
          </button>
          <button type="button" onClick={onClose}>
            取消
          </button>
        </div>
      </form>
    </Dialog>
  );
}

export function AccountsPanel() {
  const s = useStore(stores.accounts);
  const me = useStore(session, (x) => x.user?.name ?? null);
  const [pending, setPending] = useState<Pending>(null);
  const [message, setMessage] = useState<string | null>(null);
  const now = Date.now();
  const done = (text: string) => {
    setPending(null);
    setMessage(text);
  };

  return (
    <>
      <section className="panel" data-testid="accounts-panel">
        <div className="panel-head">
          <h2>账号</h2>
          <span className="muted">共 {s.users.length} 个账号</span>
          <button
            type="button"
            className="link-button push-right"
            onClick={() => {
              setMessage(null);
              void stores.accounts.getState().load({ force: true });
            }}
          >
            刷新
          </button>
        </div>
        <p className="hint-line">账号不会被删除，停用后历史记录仍可查阅。</p>
        {message && !s.error ? (
          <p className="banner ok" role="status" data-testid="accounts-message">
            {message}
          </p>
        ) : null}
        {s.error ? (
          <div className="banner error" role="alert" data-testid="accounts-error">
            {s.error}
          </div>
        ) : null}
        <table className="plain-table users-table" data-testid="users-table">
          <colgroup>
            <col className="w-user-name" />
            <col />
            <col className="w-user-division" />
            <col className="w-user-status" />
            <col className="w-user-change" />
            <col className="w-user-actions" />
          </colgroup>
          <thead>
            <tr>
              <th>姓名</th>
              <th>角色</th>
              <th>部门</th>
              <th>状态</th>
              <th>需改口令</th>
              <th>操作</th>
            </tr>
          </thead>
          <tbody>
            {s.users.map((u) => {
              const st = userStatus(u, now);
              const self = u.name === me;
              return (
                <tr key={u.name} data-testid="user-row" data-name={u.name} className={u.active ? undefined : 'inactive'}>
                  <td title={u.name}>
                    {u.name}
                    {self ? <span className="muted small">（本人）</span> : null}
                  </td>
                  <td className="wrap" title={rolesText(u.roles)} data-testid="user-roles">
                    <RolesText roles={u.roles} />
                    {u.judges.length ? <div className="muted small" data-testid="user-judges">服务法官：{u.judges.join('、')}</div> : null}
                  </td>
                  <td className="wrap" title={u.division ?? ''}>
                    {u.division ?? '—'}
                  </td>
                  <td title={st.text}>
                    <span className={`chip tone-${st.tone}`} data-testid="user-status">
                      {st.text}
                    </span>
                  </td>
                  <td>{u.mustChangePassword ? '是' : '—'}</td>
                  <td className="row-actions">
                    <button
                      type="button"
                      className="link-button"
                      data-testid="user-toggle"
                      disabled={self && u.active}
                      title={self && u.active ? '不能停用自己正在使用的账号' : undefined}
                      onClick={() => setPending({ kind: 'toggle', user: u })}
                    >
                      {u.active ? '停用' : '启用'}
                    </button>
                    <button type="button" className="link-button" data-testid="user-reset" onClick={() => setPending({ kind: 'reset', user: u })}>
                      重置口令
                    </button>
                    {u.roles.includes('assistant') ? (
                      <button type="button" className="link-button" data-testid="user-judges-open" onClick={() => setPending({ kind: 'judges', user: u })}>
                        对应法官
                      </button>
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {s.loading && !s.loaded ? <p className="muted">正在读取账号…</p> : null}
      </section>
      <section className="panel">
        <h2>新增账号</h2>
        <AddAccountForm />
      </section>
      {pending?.kind === 'toggle' ? <ToggleDialog user={pending.user} onClose={() => setPending(null)} onDone={done} /> : null}
      {pending?.kind === 'reset' ? <ResetDialog user={pending.user} onClose={() => setPending(null)} onDone={done} /> : null}
      {pending?.kind === 'judges' ? <AssistantJudgesDialog user={pending.user} all={s.users} onClose={() => setPending(null)} onDone={done} /> : null}
    </>
  );
}
