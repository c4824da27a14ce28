// 密钥与接收方 at a basic court: its package signing key (or 生成密钥), the intermediate court it reports to with both
// of its fingerprints (or 设置接收方 from its key card), and 导出公钥卡 for the intermediate court.
import { useState } from 'react';
import type { KeysView } from '../../../../shared/exchange/keysApi';
import { formatDateTime } from '../../lib/format';
import { CardExport, Digits, KeyInitForm } from './common';
import { Fingerprint, RecipientSetup } from './RecipientSetup';

export function BasicKeysPanel({ keys, onKeys }: { keys: KeysView; onKeys(keys: KeysView): void }) {
  const r = keys.recipient;
  const [again, setAgain] = useState(false);
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
                <span className="chip tone-ok">已设置</span> <strong>{r.courtName}</strong>（{r.courtCode}）<span className="muted"> · {formatDateTime(r.createdAt)}</span>
              </p>
              <Fingerprint label="加密公钥（age）指纹（与中院电话核对）" digits={r.digits} hex={r.fingerprint} testId="xc-recipient-age" />
              <p className="path muted xc-pub">{r.publicKey}</p>
              {r.signingDigits && r.signingFingerprint ? (
                <Fingerprint label="签名公钥（minisign）指纹：据此核验中院回执" digits={r.signingDigits} hex={r.signingFingerprint} testId="xc-recipient-sign" />
              ) : (
                <p data-testid="xc-recipient-nosign">
                  <span className="chip tone-warn">未登记中院签名公钥</span> 中院回执无法核验：请在下面重新设置接收方，读取中院的公钥卡。
                </p>
              )}
            </>
          ) : (
            <>
              <p>
                <span className="chip tone-warn">尚未设置</span> 报送包只加密给这里设置的中院，设置前不能生成报送包。
              </p>
              <RecipientSetup onDone={onKeys} />
            </>
          )}
        </div>
      </div>
      {r ? (
        <details className="xc-details" open={again || !r.signingKey} onToggle={(e) => setAgain(e.currentTarget.open)} data-testid="xc-recipient-again">
          <summary>重新设置接收方（补登中院签名公钥，或中院更换了密钥）</summary>
          <RecipientSetup
            onDone={(k) => {
              setAgain(false);
              onKeys(k);
            }}
          />
        </details>
      ) : null}
      {keys.signing ? <CardExport /> : null}
    </section>
  );
}
