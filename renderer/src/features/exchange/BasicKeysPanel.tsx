// 密钥与接收方 at a basic court: its package signing key (or 生成密钥), the intermediate court it reports to (or 设置接收方,
// the recipient's checksum mistake shown by its box), and 导出公钥卡 for the intermediate court.
import { useState, type FormEvent } from 'react';
import type { KeysView } from '../../../../shared/exchange/keysApi';
import { boxProps, FormField } from '../../components/FormField';
import { formatDateTime } from '../../lib/format';
import { api } from '../../stores';
import { CardExport, Digits, GeneralError, KeyInitForm, useAct } from './common';

function RecipientForm({ onDone }: { onDone(keys: KeysView): void }) {
  const [recipient, setRecipient] = useState('');
  const [courtCode, setCourtCode] = useState('');
  const [courtName, setCourtName] = useState('');
  const act = useAct(['recipient', 'courtCode', 'courtName']);
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (act.busy) return;
    const keys = await act.run(() => api['exchange.recipientSet']({ recipient: recipient.trim(), courtCode: courtCode.trim(), courtName: courtName.trim() }));
    if (keys) onDone(keys);
  }
  const err = act.fieldError;
  return (
    <form className="form xc-form" onSubmit={(e) => void submit(e)} noValidate data-testid="xc-recipient-form">
      <FormField id="xc-rcp" label="中院的 age 公钥" required error={err('recipient')} hint="从中院公钥卡上 age-recipient: 后面复制，以 age1 开头" testId="xc-recipient">
        <input {...boxProps('xc-rcp', err('recipient'), 'xc-recipient')} className={`path${err('recipient') ? ' invalid' : ''}`} value={recipient} onChange={(e) => setRecipient(e.target.value)} maxLength={2000} autoComplete="off" spellCheck={false} placeholder="age1…" />
      </FormField>
      <div className="form-row xc-row">
        <FormField id="xc-rcp-code" label="中院法院代码" required error={err('courtCode')} testId="xc-recipient-code">
          <input {...boxProps('xc-rcp-code', err('courtCode'), 'xc-recipient-code')} value={courtCode} onChange={(e) => setCourtCode(e.target.value)} maxLength={10} autoComplete="off" placeholder="如 辽04" />
        </FormField>
        <FormField id="xc-rcp-name" label="中院名称" required error={err('courtName')} testId="xc-recipient-name">
          <input {...boxProps('xc-rcp-name', err('courtName'), 'xc-recipient-name')} value={courtName} onChange={(e) => setCourtName(e.target.value)} maxLength={50} autoComplete="off" />
        </FormField>
      </div>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={act.busy} data-testid="xc-recipient-submit">
          设置接收方
        </button>
      </div>
      <GeneralError message={act.general} testId="xc-recipient-error" />
    </form>
  );
}

export function BasicKeysPanel({ keys, onKeys }: { keys: KeysView; onKeys(keys: KeysView): void }) {
  const r = keys.recipient;
  return (
    <section className="panel xc-panel" data-testid="xc-basic-keys">
      <h2>密钥与接收方</h2>
      <div className="xc-keys-grid">
        <div className="xc-key" data-testid="xc-signing">
          <h3>本院签名密钥</h3>
          {keys.signing ? (
            <>
              <p>
                <span className="chip tone-ok">已生成</span> <span className="muted">{formatDateTime(keys.signing.createdAt)}</span>
              </p>
              <p className="xc-label">指纹（与中院电话核对时逐组念出）</p>
              <Digits digits={keys.signing.digits} testId="xc-signing-digits" />
            </>
          ) : (
            <>
              <p>
                <span className="chip tone-warn">尚未生成</span> 报送包要用本院的签名密钥签名，中院据此确认报送包确由本院生成、未被改动。
              </p>
              <KeyInitForm what="生成本院的签名密钥。" onDone={onKeys} />
            </>
          )}
        </div>
        <div className="xc-key" data-testid="xc-recipient-state">
          <h3>接收方（中级法院）</h3>
          {r ? (
            <>
              <p>
                <span className="chip tone-ok">已设置</span> <strong>{r.courtName}</strong>（{r.courtCode}）
              </p>
              <p className="xc-label">中院公钥指纹（与中院电话核对）</p>
              <Digits digits={r.digits} testId="xc-recipient-digits" />
              <p className="path muted xc-pub">{r.publicKey}</p>
            </>
          ) : (
            <>
              <p>
                <span className="chip tone-warn">尚未设置</span> 报送包只加密给这里设置的中院，设置前不能生成报送包。
              </p>
              <RecipientForm onDone={onKeys} />
            </>
          )}
        </div>
      </div>
      {keys.signing ? <CardExport /> : null}
    </section>
  );
}
