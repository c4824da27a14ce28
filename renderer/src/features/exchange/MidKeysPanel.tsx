// 密钥 at an intermediate court: its decryption key (age) and return-file signing key with their fingerprint digits,
// 生成密钥, 导入 age 私钥 (an age-keygen file, e.g. its key backup), 导出公钥卡, and 登记基层法院: a pasted card's
// fingerprint digits shown first, to compare by phone, then registered on confirmation.
import { useState, type FormEvent } from 'react';
import type { KeysView } from '../../../../shared/exchange/keysApi';
import { boxProps, FormField } from '../../components/FormField';
import { formatDateTime } from '../../lib/format';
import { api } from '../../stores';
import { CardExport, Digits, GeneralError, KeyInitForm, useAct } from './common';
import { byCourtCode, hexGroups, previewCard, type CardPreview } from './labels';

function ImportIdentity({ onDone }: { onDone(keys: KeysView): void }) {
  const [identityText, setText] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const act = useAct(['identityText', 'passphrase']);
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (act.busy) return;
    const keys = await act.run(() => api['exchange.keysImportIdentity']({ identityText, passphrase }));
    if (!keys) return;
    setText('');
    setPassphrase('');
    onDone(keys);
  }
  return (
    <form className="form xc-form" onSubmit={(e) => void submit(e)} noValidate data-testid="xc-identity-form">
      <FormField id="xc-identity" label="age-keygen 生成的私钥文件内容" required error={act.fieldError('identityText')} hint="粘贴整个文件（含 AGE-SECRET-KEY-1… 一行）；导入后以下面的口令加密保存" testId="xc-identity">
        <textarea {...boxProps('xc-identity', act.fieldError('identityText'), 'xc-identity')} value={identityText} onChange={(e) => setText(e.target.value)} maxLength={4000} rows={4} spellCheck={false} autoComplete="off" />
      </FormField>
      <div className="form-row path-row xc-inline xc-narrow">
        <FormField id="xc-identity-pass" label="密钥口令（至少 10 个字符）" required error={act.fieldError('passphrase')} testId="xc-identity-passphrase">
          <input type="password" {...boxProps('xc-identity-pass', act.fieldError('passphrase'), 'xc-identity-passphrase')} value={passphrase} onChange={(e) => setPassphrase(e.target.value)} maxLength={200} autoComplete="new-password" />
        </FormField>
        <button type="submit" disabled={act.busy} data-testid="xc-identity-submit">
          导入 age 私钥
        </button>
      </div>
      <GeneralError message={act.general} testId="xc-identity-error" />
    </form>
  );
}

function RegisterSender({ onDone }: { onDone(): void }) {
  const [card, setCard] = useState('');
  const [preview, setPreview] = useState<CardPreview | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const act = useAct(['card']);
  function check(e: FormEvent) {
    e.preventDefault();
    setDone(null);
    act.clear();
    if (!card.trim()) return act.fail('card', '请粘贴基层法院公钥卡的全部内容');
    setPreview(previewCard(card));
  }
  async function confirm() {
    if (act.busy) return;
    const s = await act.run(() => api['exchange.register']({ card }));
    if (!s) return;
    setPreview(null);
    setCard('');
    setDone(`已登记 ${s.courtName}（${s.courtCode}），指纹 ${s.digits}`);
    onDone();
  }
  return (
    <form className="form xc-form" onSubmit={check} noValidate data-testid="xc-register-form">
      <FormField id="xc-card" label="基层法院的公钥卡" required error={act.fieldError('card')} hint="用记事本打开基层法院交来的公钥卡文件，全选复制后粘贴到这里" testId="xc-card">
        <textarea
          {...boxProps('xc-card', act.fieldError('card'), 'xc-card')}
          value={card}
          onChange={(e) => {
            setCard(e.target.value);
            setPreview(null);
          }}
          maxLength={8000}
          rows={5}
          spellCheck={false}
          autoComplete="off"
        />
      </FormField>
      {preview && !preview.ok ? <GeneralError message={preview.message} testId="xc-card-preview-error" /> : null}
      {preview && preview.ok ? (
        <div className="xc-confirm" data-testid="xc-card-preview">
          <p>
            <strong>{preview.courtName}</strong>（{preview.courtCode}）的签名公钥指纹：
          </p>
          <Digits digits={preview.digits} testId="xc-card-preview-digits" />
          <p className="tone-warn">请打电话给该院，由对方逐组念出其屏幕上的指纹数字；六组全部一致才确认登记，任何一组不同都不要登记。</p>
          <div className="form-actions">
            <button type="button" className="primary" disabled={act.busy} onClick={() => void confirm()} data-testid="xc-register-confirm">
              指纹一致，确认登记
            </button>
            <button type="button" onClick={() => setPreview(null)} disabled={act.busy}>
              取消
            </button>
          </div>
        </div>
      ) : (
        <div className="form-actions">
          <button type="submit" data-testid="xc-register-check">
            显示指纹以便核对
          </button>
        </div>
      )}
      <GeneralError message={act.general} testId="xc-register-error" />
      {done ? (
        <p className="form-message tone-ok" role="status" data-testid="xc-register-done">
          {done}
        </p>
      ) : null}
    </form>
  );
}

export function MidKeysPanel({ keys, onKeys, onRegistered }: { keys: KeysView; onKeys(keys: KeysView): void; onRegistered(): void }) {
  const made = keys.age !== null || keys.signing !== null;
  const [importOpen, setImportOpen] = useState(false);
  return (
    <section className="panel xc-panel" data-testid="xc-mid-keys">
      <h2>密钥</h2>
      {!made ? (
        <>
          <p>
            <span className="chip tone-warn">尚未生成</span> 基层法院的报送包加密给本院的解密密钥（age）；另有一把签名密钥，用于下发回执和合理区间。
          </p>
          <KeyInitForm what="生成本院的解密密钥和签名密钥。" onDone={onKeys} />
        </>
      ) : (
        <div className="xc-keys-grid">
          <div className="xc-key" data-testid="xc-age">
            <h3>解密密钥（age）</h3>
            {keys.age ? (
              <>
                <p className="xc-label">
                  公钥（基层法院设置接收方时填写）<span className="muted"> · {formatDateTime(keys.age.createdAt)}</span>
                </p>
                <p className="path xc-pub" data-testid="xc-age-recipient">
                  {keys.age.publicKey}
                </p>
                <p className="xc-label">指纹（与基层法院电话核对）</p>
                <Digits digits={keys.age.digits} testId="xc-age-digits" />
                <p className="path muted xc-pub xc-hex" data-testid="xc-age-hex">
                  {hexGroups(keys.age.fingerprint)}
                </p>
              </>
            ) : (
              <p>
                <span className="chip tone-warn">尚未导入</span>
              </p>
            )}
          </div>
          <div className="xc-key" data-testid="xc-mid-signing">
            <h3>签名密钥（回执与合理区间）</h3>
            {keys.signing ? (
              <>
                <p className="xc-label">指纹（基层法院读取本院公钥卡时核对）</p>
                <Digits digits={keys.signing.digits} testId="xc-mid-signing-digits" />
                <p className="path muted xc-pub xc-hex" data-testid="xc-mid-signing-hex">
                  {hexGroups(keys.signing.fingerprint)}
                </p>
              </>
            ) : (
              <span className="chip tone-warn">尚未生成</span>
            )}
          </div>
        </div>
      )}
      {keys.age ? <CardExport /> : null}
      <details className="xc-details" open={importOpen} onToggle={(e) => setImportOpen(e.currentTarget.open)}>
        <summary>导入 age 私钥（代替程序生成的解密密钥，例如从密钥备份恢复）</summary>
        <ImportIdentity
          onDone={(k) => {
            setImportOpen(false);
            onKeys(k);
          }}
        />
      </details>
      <h3>登记基层法院</h3>
      <RegisterSender onDone={onRegistered} />
      {keys.senders.length > 0 ? (
        <div className="note-wrap xc-table-wrap">
          <table className="note-table" data-testid="xc-senders">
            <thead>
              <tr>
                <th scope="col">代码</th>
                <th scope="col">名称</th>
                <th scope="col">签名公钥指纹</th>
                <th scope="col">登记时间</th>
              </tr>
            </thead>
            <tbody>
              {[...keys.senders].sort(byCourtCode).map((s) => (
                <tr key={s.courtCode} data-testid="xc-sender">
                  <td className="xc-nowrap">{s.courtCode}</td>
                  <td>
                    {s.courtName}
                    {s.revokedAt ? <span className="chip tone-muted">已停用</span> : null}
                  </td>
                  <td className="path xc-nowrap">{s.digits}</td>
                  <td className="xc-nowrap">{formatDateTime(s.registeredAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="muted">尚未登记任何基层法院。</p>
      )}
    </section>
  );
}
