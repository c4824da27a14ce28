// 结案要求: whether a case closed by judgment must carry 阅核 and 类案检索 (settings.setClosingRules); shown to
// everyone (a judge learns why his closing asks for them), changed by those with settings.manage.
import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import { api, session, stores } from '../../stores';
import { userCan } from '../auth/session';
import { closingRulesOf, type ClosingRules } from '../cases/workForms';

function rulesText(r: ClosingRules): string {
  const need = [r.reviewRequired ? '阅核' : null, r.precedentRequired ? '类案检索' : null].filter(Boolean);
  return need.length ? `以判决方式结案须记录${need.join('和')}` : '结案时不强制要求阅核或类案检索（可自愿记录）';
}

export function ClosingRulesPanel() {
  const info = useStore(stores.app, (s) => s.info);
  const allowed = useStore(session, (s) => userCan(s.user, 'settings.manage'));
  const rules = closingRulesOf(info);
  const [draft, setDraft] = useState<ClosingRules>(rules);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  // Read again (another administrator, the command line): the boxes follow unless something unsaved is in them.
  useEffect(() => setDraft(rules), [rules.reviewRequired, rules.precedentRequired]);
  if (!info) return null;
  const changed = draft.reviewRequired !== rules.reviewRequired || draft.precedentRequired !== rules.precedentRequired;

  async function save() {
    setBusy(true);
    setMessage(null);
    const res = await api['settings.setClosingRules'](draft);
    setBusy(false);
    if (!res.ok) return setMessage({ ok: false, text: res.error.message });
    await stores.app.getState().loadInfo();
    setMessage({ ok: true, text: `已保存：${rulesText(res.value)}。对全院所有案件的结案生效。` });
  }

  return (
    <section className="panel" data-testid="closing-rules-panel">
      <h2>结案要求</h2>
      {allowed ? (
        <>
          <div className="check-col">
            <label className="check">
              <input type="checkbox" data-testid="closing-rules-review" checked={draft.reviewRequired} disabled={busy} onChange={(e) => setDraft({ ...draft, reviewRequired: e.target.checked })} />
              <span>
                判决结案须记录<strong>阅核</strong>（阅核人、身份、日期和意见）
              </span>
            </label>
            <label className="check">
              <input type="checkbox" data-testid="closing-rules-precedent" checked={draft.precedentRequired} disabled={busy} onChange={(e) => setDraft({ ...draft, precedentRequired: e.target.checked })} />
              <span>
                判决结案须记录<strong>类案检索</strong>（法答网或人民法院案例库的检索情况）
              </span>
            </label>
          </div>
          <div className="form-actions">
            <button type="button" className="primary" data-testid="closing-rules-save" disabled={busy || !changed} onClick={() => void save()}>
              {busy ? '正在保存…' : '保存'}
            </button>
            <span className="muted small">要求只影响以后的结案，已结案件不受影响。修改会记入审计日志。</span>
          </div>
          {message ? (
            <p className={`form-message ${message.ok ? 'tone-ok' : 'tone-danger'}`} role={message.ok ? 'status' : 'alert'} data-testid="closing-rules-message">
              {message.text}
            </p>
          ) : null}
        </>
      ) : (
        <p data-testid="closing-rules-current">
          本院当前要求：{rulesText(rules)}。<span className="muted">由管理员在此设置。</span>
        </p>
      )}
    </section>
  );
}
