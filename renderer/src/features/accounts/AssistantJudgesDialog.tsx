// 对应法官: the judges an assistant (法官助理) serves, for whom he may ask an extension (users.setJudges); picked from the court's judges with accounts.
import { useState } from 'react';
import type { UserView } from '../../../../shared/api/contract';
import { Dialog } from '../../components/Dialog';
import { api, stores } from '../../stores';

export function AssistantJudgesDialog({ user, all, onClose, onDone }: { user: UserView; all: readonly UserView[]; onClose(): void; onDone(text: string): void }) {
  const judges = all.filter((u) => u.roles.includes('judge') && u.name !== user.name && (u.active || user.judges.includes(u.name)));
  const [picked, setPicked] = useState<ReadonlySet<string>>(new Set(user.judges));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function save() {
    setBusy(true);
    const r = await api['users.setJudges']({ name: user.name, judges: judges.map((j) => j.name).filter((n) => picked.has(n)) });
    setBusy(false);
    if (!r.ok) return setError(r.error.message);
    await stores.accounts.getState().load({ force: true });
    onDone(r.value.judges.length ? `法官助理“${user.name}”为以下法官服务：${r.value.judges.join('、')}。` : `法官助理“${user.name}”不再对应任何法官。`);
  }

  return (
    <Dialog title={`对应法官：${user.name}`} onClose={onClose} testId="assistant-judges-dialog">
      <div className="form">
        <p className="muted small">法官助理可以为所选法官承办的案件申请延长审限（记为“法官助理代为申请”），不能签署意见或审批。</p>
        {judges.length ? (
          <div className="check-col" data-testid="assistant-judges">
            {judges.map((j) => (
              <label key={j.name} className="check">
                <input
                  type="checkbox"
                  data-testid="assistant-judge"
                  value={j.name}
                  checked={picked.has(j.name)}
                  disabled={busy}
                  onChange={(e) => {
                    const next = new Set(picked);
                    if (e.target.checked) next.add(j.name);
                    else next.delete(j.name);
                    setPicked(next);
                  }}
                />
                <span>
                  {j.name}
                  {j.division ? <span className="muted small">（{j.division}）</span> : null}
                </span>
              </label>
            ))}
          </div>
        ) : (
          <p>本院还没有员额法官账号。</p>
        )}
        {error ? (
          <p className="form-error" role="alert">
            {error}
          </p>
        ) : null}
        <div className="form-actions">
          <button type="button" className="primary" disabled={busy} onClick={() => void save()} data-testid="assistant-judges-save">
            保存
          </button>
          <button type="button" onClick={onClose}>
            取消
          </button>
        </div>
      </div>
    </Dialog>
  );
}
