// 设置接收方 at a basic court: read the intermediate court's public key card (a chosen file or its pasted text), show
// both of its fingerprints to compare by phone, then record its age recipient and its signing key; or type them in.
import { useRef, useState, type FormEvent } from 'react';
import type { KeysView, RecipientCardView } from '../../../../shared/exchange/keysApi';
import { boxProps, FormField } from '../../components/FormField';
import { api } from '../../stores';
import { Digits, GeneralError, useAct } from './common';
import { hexGroups } from './labels';

/** A key card is a few hundred bytes; the call refuses more than 8,000 characters, so a larger file is no card. */
const CARD_MAX_BYTES = 16_000;

/** One key's fingerprint as staff compare it: the digit groups read aloud, the hex digits as files carry them. */
export function Fingerprint({ label, digits, hex, testId }: { label: string; digits: string; hex: string; testId: string }) {
  return (
    <div className="xc-fp" data-testid={testId}>
      <p className="xc-label">{label}</p>
      <Digits digits={digits} testId={`${testId}-digits`} />
      <p className="path muted xc-pub xc-hex" data-testid={`${testId}-hex`}>
        {hexGroups(hex)}
      </p>
    </div>
  );
}

function CardReader({ onDone }: { onDone(keys: KeysView): void }) {
  const input = useRef<HTMLInputElement>(null);
  const [text, setText] = useState('');
  const [preview, setPreview] = useState<RecipientCardView | null>(null);
  // The card's mistake is said by the box it came from: the pasted text's, or else the file's.
  const [fromText, setFromText] = useState(false);
  const act = useAct(['card']);
  async function read(e: FormEvent) {
    e.preventDefault();
    if (act.busy) return;
    setPreview(null);
    let card = text;
    const file = input.current?.files?.[0];
    setFromText(!file && text.trim() !== '');
    if (file) {
      if (file.size > CARD_MAX_BYTES) return act.fail('card', `“${file.name}”太大，不是公钥卡（公钥卡只有十几行）`);
      try {
        card = await file.text();
      } catch {
        return act.fail('card', `无法读取“${file.name}”`);
      }
    }
    if (!card.trim()) return act.fail('card', '请选择中院的公钥卡文件，或把公钥卡全文粘贴到下面的框里');
    const v = await act.run(() => api['exchange.recipientCardCheck']({ card }));
    if (v) setPreview(v);
  }
  async function confirm() {
    if (act.busy || !preview) return;
    const keys = await act.run(() => api['exchange.recipientSet']({ recipient: preview.recipient, courtCode: preview.courtCode, courtName: preview.courtName, signingKey: preview.signingKey }));
    if (keys) onDone(keys);
  }
  const reset = () => {
    setPreview(null);
    act.clear();
  };
  const fileError = fromText ? null : act.fieldError('card');
  const textError = fromText ? act.fieldError('card') : null;
  return (
    <form className="form xc-form" onSubmit={(e) => void read(e)} noValidate data-testid="xc-rcard-form">
      <FormField id="xc-rcard-file" label="中院的公钥卡文件" error={fileError} hint="中院用“导出公钥卡”得到的文本文件（如 辽04-公钥卡.txt）；选了文件时以文件为准" testId="xc-rcard">
        <input ref={input} type="file" accept=".txt,text/plain" {...boxProps('xc-rcard-file', fileError, 'xc-rcard-file')} onChange={reset} />
      </FormField>
      <FormField id="xc-rcard-text" label="或粘贴公钥卡全文" error={textError} testId="xc-rcard-text">
        <textarea {...boxProps('xc-rcard-text', textError, 'xc-rcard-text')} value={text} onChange={(e) => { setText(e.target.value); reset(); }} maxLength={8000} rows={3} spellCheck={false} autoComplete="off" />
      </FormField>
      {preview ? (
        <div className="xc-confirm" data-testid="xc-rcard-preview">
          <p>
            <strong>{preview.courtName}</strong>（{preview.courtCode}）的公钥卡，{preview.date} 导出，签名有效。
          </p>
          <Fingerprint label="加密公钥（age）指纹：报送包加密给这把钥匙" digits={preview.digits} hex={preview.fingerprint} testId="xc-rcard-age" />
          <Fingerprint label="签名公钥（minisign）指纹：据此核验中院回执" digits={preview.signingDigits} hex={preview.signingFingerprint} testId="xc-rcard-signing" />
          <p className="tone-warn">请打电话给中院，由对方逐组念出其屏幕上的两组指纹数字；全部一致才设为接收方，任何一组不同都不要设置。</p>
          <div className="form-actions">
            <button type="button" className="primary" disabled={act.busy} onClick={() => void confirm()} data-testid="xc-rcard-confirm">
              指纹一致，设为接收方
            </button>
            <button type="button" onClick={() => setPreview(null)} disabled={act.busy}>
              取消
            </button>
          </div>
        </div>
      ) : (
        <div className="form-actions">
          <button type="submit" className="primary" disabled={act.busy} data-testid="xc-rcard-read">
            读取公钥卡并显示指纹
          </button>
        </div>
      )}
      <GeneralError message={act.general} testId="xc-rcard-error" />
    </form>
  );
}

/** Typed in from the card by hand: the age recipient, the court, and the signing key (needed for return files). */
function RecipientForm({ onDone }: { onDone(keys: KeysView): void }) {
  const [recipient, setRecipient] = useState('');
  const [courtCode, setCourtCode] = useState('');
  const [courtName, setCourtName] = useState('');
  const [signingKey, setSigningKey] = useState('');
  const act = useAct(['recipient', 'courtCode', 'courtName', 'signingKey']);
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (act.busy) return;
    const sk = signingKey.trim();
    const keys = await act.run(() => api['exchange.recipientSet']({ recipient: recipient.trim(), courtCode: courtCode.trim(), courtName: courtName.trim(), ...(sk ? { signingKey: sk } : {}) }));
    if (keys) onDone(keys);
  }
  const err = act.fieldError;
  return (
    <form className="form xc-form" onSubmit={(e) => void submit(e)} noValidate data-testid="xc-recipient-form">
      <FormField id="xc-rcp" label="中院的 age 公钥" required error={err('recipient')} hint="从中院公钥卡上 age-recipient: 后面复制，以 age1 开头" testId="xc-recipient">
        <input {...boxProps('xc-rcp', err('recipient'), 'xc-recipient')} className={`path${err('recipient') ? ' invalid' : ''}`} value={recipient} onChange={(e) => setRecipient(e.target.value)} maxLength={2000} autoComplete="off" spellCheck={false} placeholder="age1…" />
      </FormField>
      <FormField id="xc-rcp-sign" label="中院的签名公钥" error={err('signingKey')} hint="从中院公钥卡上 minisign-public-key: 后面复制，以 RW 开头；不填则无法导入中院回执" testId="xc-recipient-signing">
        <input {...boxProps('xc-rcp-sign', err('signingKey'), 'xc-recipient-signing')} className={`path${err('signingKey') ? ' invalid' : ''}`} value={signingKey} onChange={(e) => setSigningKey(e.target.value)} maxLength={200} autoComplete="off" spellCheck={false} placeholder="RW…" />
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
        <button type="submit" disabled={act.busy} data-testid="xc-recipient-submit">
          设置接收方
        </button>
      </div>
      <GeneralError message={act.general} testId="xc-recipient-error" />
    </form>
  );
}

/** The card first (both keys, checked signature); typing the keys in is the fallback, folded away. */
export function RecipientSetup({ onDone }: { onDone(keys: KeysView): void }) {
  const [manual, setManual] = useState(false);
  return (
    <div data-testid="xc-recipient-setup">
      <CardReader onDone={onDone} />
      <details className="xc-details" open={manual} onToggle={(e) => setManual(e.currentTarget.open)} data-testid="xc-recipient-manual">
        <summary>没有公钥卡文件时：手工填写中院公钥</summary>
        <RecipientForm onDone={onDone} />
      </details>
    </div>
  );
}
