// 延长审限设置 in 设置 · 本机与安全, for those who hold extension.settings (the president, the administrator on his instruction): refuse late requests or not, and per division who decides its requests — the president himself or a vice-president he delegated it to.
import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import type { DelegationOptions, ExtensionSettings } from '../../../../shared/extensions/api';
import { api, session } from '../../stores';
import { userCan } from '../auth/session';
import './extensions.css';

/** The divisions listed: the court's trial divisions, and any a stored delegation still names (renamed since). */
export function delegationRows(options: DelegationOptions, delegations: Record<string, string>): string[] {
  return [...options.divisions, ...Object.keys(delegations).filter((d) => !options.divisions.includes(d))];
}

/** What is sent: only divisions given to a vice-president; a division left to the president is not named. */
export function delegationsToSave(draft: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(draft).filter(([, name]) => name !== ''));
}

export function DelegationPanel() {
  const allowed = useStore(session, (s) => userCan(s.user, 'extension.settings'));
  const [options, setOptions] = useState<DelegationOptions | null>(null);
  const [saved, setSaved] = useState<ExtensionSettings | null>(null);
  const [draft, setDraft] = useState<ExtensionSettings | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  useEffect(() => {
    if (!allowed) return;
    void Promise.all([api['extensions.delegationOptions']({}), api['extensions.settings']({})]).then(([o, s]) => {
      if (!o.ok) return setMessage({ ok: false, text: o.error.message });
      if (!s.ok) return setMessage({ ok: false, text: s.error.message });
      setOptions(o.value);
      setSaved(s.value);
      setDraft(s.value);
    });
  }, [allowed]);
  if (!allowed) return null;

  const changed = draft && saved && (draft.refuseLate !== saved.refuseLate || JSON.stringify(delegationsToSave(draft.delegations)) !== JSON.stringify(delegationsToSave(saved.delegations)));

  async function save() {
    if (!draft) return;
    setBusy(true);
    setMessage(null);
    const res = await api['extensions.setSettings']({ refuseLate: draft.refuseLate, delegations: delegationsToSave(draft.delegations) });
    setBusy(false);
    if (!res.ok) return setMessage({ ok: false, text: res.error.message });
    setSaved(res.value);
    setDraft(res.value);
    const n = Object.keys(res.value.delegations).length;
    setMessage({ ok: true, text: `已保存：${n ? `${n} 个部门委托分管院领导审批` : '全部由院长审批'}；${res.value.refuseLate ? '不受理逾期申请' : '逾期申请标记后照常审批'}。` });
  }

  return (
    <section className="panel" data-testid="delegation-panel">
      <h2>延长审限设置</h2>
      {!draft || !options ? (
        message ? <p className="form-message tone-danger" role="alert">{message.text}</p> : <p className="muted">正在读取…</p>
      ) : (
        <>
          <label className="check delegation-check">
            <input type="checkbox" data-testid="delegation-refuse-late" checked={draft.refuseLate} disabled={busy} onChange={(e) => setDraft({ ...draft, refuseLate: e.target.checked })} />
            <span>不受理逾期申请（审限已届满后提出的申请，以及民事案件未在届满 15 日前提出的申请，直接退回；不勾选时标记“逾期申请”后照常审批）</span>
          </label>
          <p className="muted small delegation-hint">
            院长可将某一部门的延长审限审批委托给分管该部门的院领导；未委托的部门由院长审批。院长本人始终可以审批。
            {options.vicePresidents.length ? '' : ' 本院尚无分管院领导账号，请先由管理员建立。'}
          </p>
          <table className="note-table delegation-table" data-testid="delegation-table">
            <thead>
              <tr>
                <th>部门</th>
                <th>审批人</th>
              </tr>
            </thead>
            <tbody>
              {delegationRows(options, draft.delegations).map((division) => (
                <tr key={division} data-testid="delegation-row" data-division={division}>
                  <td>{division}</td>
                  <td>
                    <select
                      aria-label={`${division}的审批人`}
                      data-testid="delegation-select"
                      value={draft.delegations[division] ?? ''}
                      disabled={busy}
                      onChange={(e) => setDraft({ ...draft, delegations: { ...draft.delegations, [division]: e.target.value } })}
                    >
                      <option value="">院长本人</option>
                      {options.vicePresidents.map((v) => (
                        <option key={v} value={v}>
                          {v}（分管院领导）
                        </option>
                      ))}
                      {draft.delegations[division] && !options.vicePresidents.includes(draft.delegations[division]) ? (
                        <option value={draft.delegations[division]}>{draft.delegations[division]}（账号已停用）</option>
                      ) : null}
                    </select>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="form-actions">
            <button type="button" className="primary" data-testid="delegation-save" disabled={busy || !changed} onClick={() => void save()}>
              {busy ? '正在保存…' : '保存'}
            </button>
            <span className="muted small">只影响尚待审批的申请由谁办理，已作出的审批不变。修改会记入审计日志。</span>
          </div>
          {message ? (
            <p className={`form-message ${message.ok ? 'tone-ok' : 'tone-danger'}`} role={message.ok ? 'status' : 'alert'} data-testid="delegation-message">
              {message.text}
            </p>
          ) : null}
        </>
      )}
    </section>
  );
}
