// Pieces both courts' screens share: a form's call with its mistake beside the field the core names, the fingerprint
// digits as groups to read aloud, making this court's keys (passphrase twice), and downloading its public key card.
import { useState, type FormEvent } from 'react';
import type { ApiResponse } from '../../../../shared/api/contract';
import type { KeysView } from '../../../../shared/exchange/keysApi';
import { boxProps, FormField } from '../../components/FormField';
import { downloadBytes } from '../../lib/download';
import { api } from '../../stores';
import { bareMessage } from '../cases/formFields';

interface ActErrors {
  fields: Record<string, string>;
  general: string | null;
}
const NO_ERRORS: ActErrors = { fields: {}, general: null };

/**
 * One form's calls: busy while one runs; an error the core ties to one of `fields` (its `field`, first segment) is
 * shown by that box, any other under the form. Resolves to the value, or null after an error.
 */
export function useAct(fields: readonly string[]) {
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<ActErrors>(NO_ERRORS);
  async function run<T>(call: () => Promise<ApiResponse<T>>): Promise<T | null> {
    setBusy(true);
    setErrors(NO_ERRORS);
    const res = await call();
    setBusy(false);
    if (res.ok) return res.value;
    const f = res.error.field?.split('.')[0];
    // Beside its box the message goes without the core's "参数“leader”：" prefix, which names the field by its code.
    setErrors(f && fields.includes(f) ? { fields: { [f]: bareMessage(res.error.message) }, general: null } : { fields: {}, general: res.error.message });
    return null;
  }
  return {
    busy,
    run,
    fieldError: (f: string): string | null => errors.fields[f] ?? null,
    general: errors.general,
    /** A mistake found before calling (two passphrases that differ). */
    fail: (field: string | null, message: string) => setErrors(field ? { fields: { [field]: message }, general: null } : { fields: {}, general: message }),
    clear: () => setErrors(NO_ERRORS),
  };
}

export function GeneralError({ message, testId }: { message: string | null; testId: string }) {
  return message ? (
    <p className="form-error" role="alert" data-testid={testId}>
      {message}
    </p>
  ) : null;
}

/** "04127 88310 …": six groups of five, spaced so that they are read one group at a time. */
export function Digits({ digits, testId }: { digits: string; testId: string }) {
  return (
    <span className="xc-digits" data-testid={testId} aria-label={`指纹 ${digits}`}>
      {digits.split(' ').map((g, i) => (
        <span key={i}>{g}</span>
      ))}
    </span>
  );
}

/** 生成密钥: the passphrase twice; the private key is kept only sealed under it. */
export function KeyInitForm({ what, onDone }: { what: string; onDone(keys: KeysView): void }) {
  const [p1, setP1] = useState('');
  const [p2, setP2] = useState('');
  const act = useAct(['passphrase']);
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (act.busy) return;
    if (p1 !== p2) return act.fail('passphrase2', '两次输入的口令不一致');
    const keys = await act.run(() => api['exchange.keysInit']({ passphrase: p1 }));
    if (keys) onDone(keys);
  }
  return (
    <form className="form xc-form" onSubmit={(e) => void submit(e)} noValidate data-testid="xc-keys-init">
      <p className="muted">{what}口令至少 10 个字符，遗失后无法找回，请按本院保密制度另行保管。</p>
      <div className="form-row xc-row">
        <FormField id="xc-init-p1" label="密钥口令" required error={act.fieldError('passphrase')} testId="xc-init-passphrase">
          <input type="password" {...boxProps('xc-init-p1', act.fieldError('passphrase'), 'xc-init-passphrase')} value={p1} onChange={(e) => setP1(e.target.value)} maxLength={200} autoComplete="new-password" />
        </FormField>
        <FormField id="xc-init-p2" label="再次输入口令" required error={act.fieldError('passphrase2')} testId="xc-init-passphrase2">
          <input type="password" {...boxProps('xc-init-p2', act.fieldError('passphrase2'), 'xc-init-passphrase2')} value={p2} onChange={(e) => setP2(e.target.value)} maxLength={200} autoComplete="new-password" />
        </FormField>
      </div>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={act.busy} data-testid="xc-init-submit">
          {act.busy ? '正在生成…（约需数秒）' : '生成密钥'}
        </button>
      </div>
      <GeneralError message={act.general} testId="xc-init-error" />
    </form>
  );
}

/** 导出公钥卡: the card is signed by the key it carries, so the passphrase opens that key for one signature. */
export function CardExport() {
  const [passphrase, setPassphrase] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const act = useAct(['passphrase']);
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (act.busy) return;
    setDone(null);
    const card = await act.run(() => api['exchange.keysExportPublic']({ passphrase }));
    if (!card) return;
    setPassphrase('');
    if (!downloadBytes([card.text], card.fileName, 'text/plain;charset=utf-8')) return act.fail(null, '本窗口不允许下载文件；请用命令行 courtdesk keys export-public --out 文件');
    setDone(`已下载“${card.fileName}”。交给对方后，请电话核对指纹：${card.digits}`);
  }
  return (
    <form className="form xc-form" onSubmit={(e) => void submit(e)} noValidate data-testid="xc-card-form">
      <div className="form-row path-row xc-inline xc-narrow">
        <FormField id="xc-card-pass" label="导出公钥卡（需输入密钥口令）" error={act.fieldError('passphrase')} testId="xc-card-passphrase">
          <input type="password" {...boxProps('xc-card-pass', act.fieldError('passphrase'), 'xc-card-passphrase')} value={passphrase} onChange={(e) => setPassphrase(e.target.value)} maxLength={200} autoComplete="off" />
        </FormField>
        <button type="submit" disabled={act.busy} data-testid="xc-card-submit">
          {act.busy ? '正在导出…' : '导出公钥卡'}
        </button>
      </div>
      <GeneralError message={act.general} testId="xc-card-error" />
      {done ? (
        <p className="form-message tone-ok" role="status" data-testid="xc-card-done">
          {done}
        </p>
      ) : null}
    </form>
  );
}
