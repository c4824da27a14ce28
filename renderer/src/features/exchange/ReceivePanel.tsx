// 接收: a package's path → 核验 (the checks that need no key: ok or the reason, and what the manifest says) → the
// passphrase → 导入 (已导入, or 已导入，无需重复导入, with any warnings); a failure names its check in Chinese.
import { useState, type FormEvent } from 'react';
import type { ReceiveView, VerifyView } from '../../../../shared/exchange/api';
import { boxProps, FormField } from '../../components/FormField';
import { formatDateTime } from '../../lib/format';
import { api } from '../../stores';
import { GeneralError, useAct } from './common';
import { countsText, kindText, shortHash } from './labels';

function Warnings({ warnings, testId }: { warnings: string[]; testId: string }) {
  if (warnings.length === 0) return null;
  return (
    <ul className="xc-warnings tone-warn" data-testid={testId}>
      {warnings.map((w, i) => (
        <li key={i}>{w}</li>
      ))}
    </ul>
  );
}

function Manifest({ v }: { v: VerifyView }) {
  if (!v.senderCode) return null;
  return (
    <dl className="xc-facts" data-testid="xc-manifest">
      <dt>发送法院</dt>
      <dd>
        {v.senderName}（{v.senderCode}）
      </dd>
      <dt>序号</dt>
      <dd>第 {v.sequence} 号</dd>
      <dt>类型</dt>
      <dd>{kindText(v.kind, v.baseSequence)}</dd>
      <dt>期间</dt>
      <dd>
        {v.from} 至 {v.to}
      </dd>
      <dt>生成时间</dt>
      <dd>{formatDateTime(v.createdAt)}</dd>
      <dt>内容</dt>
      <dd>{countsText(v.counts)}</dd>
      <dt>当事人姓名</dt>
      <dd>{v.includesPartyNames ? <span className="tone-warn">含当事人姓名</span> : '不含'}</dd>
      <dt>SHA-256</dt>
      <dd className="path" title={v.payloadSha256 ?? ''}>
        {shortHash(v.payloadSha256)}…（加密内容）
      </dd>
    </dl>
  );
}

export function ReceivePanel({ onReceived }: { onReceived(): void }) {
  const [file, setFile] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [verified, setVerified] = useState<VerifyView | null>(null);
  const [received, setReceived] = useState<ReceiveView | null>(null);
  const check = useAct(['file']);
  const act = useAct(['file', 'passphrase']);

  async function verify(e: FormEvent) {
    e.preventDefault();
    if (check.busy) return;
    setVerified(null);
    setReceived(null);
    act.clear();
    if (!file.trim()) return check.fail('file', '请填写报送包（.cdpkg 文件）的完整路径');
    const v = await check.run(() => api['exchange.verify']({ file: file.trim() }));
    if (v) setVerified(v);
  }

  async function receive(e: FormEvent) {
    e.preventDefault();
    if (act.busy || !verified) return;
    const r = await act.run(() => api['exchange.receive']({ file: file.trim(), passphrase }));
    if (!r) return;
    setPassphrase('');
    setReceived(r);
    onReceived();
  }

  return (
    <section className="panel xc-panel" data-testid="xc-receive">
      <h2>接收报送包</h2>
      <form className="form xc-form" onSubmit={(e) => void verify(e)} noValidate>
        <div className="form-row path-row xc-inline">
          <FormField id="xc-file" label="报送包文件" required error={check.fieldError('file') ?? act.fieldError('file')} hint="U 盘上 .cdpkg 文件的完整路径，例如 E:\辽0421-20250101-20250630-000001.cdpkg" testId="xc-file">
            <input
              {...boxProps('xc-file', check.fieldError('file') ?? act.fieldError('file'), 'xc-file')}
              value={file}
              onChange={(e) => {
                setFile(e.target.value);
                setVerified(null);
                setReceived(null);
              }}
              maxLength={1000}
              autoComplete="off"
              spellCheck={false}
            />
          </FormField>
          <button type="submit" disabled={check.busy} data-testid="xc-verify">
            {check.busy ? '正在核验…' : '核验'}
          </button>
        </div>
        <GeneralError message={check.general} testId="xc-verify-error" />
      </form>
      {verified ? (
        <div className={`xc-verdict ${verified.ok ? 'ok' : 'bad'}`} data-testid="xc-verdict" data-ok={verified.ok ? '1' : '0'}>
          {verified.ok ? (
            <p className="tone-ok" data-testid="xc-verdict-text">
              <strong>核验通过</strong>：签名有效，是报送给本院的，内容与清单一致。{verified.alreadyImported ? '此报送包已导入过。' : ''}
            </p>
          ) : (
            <p className="tone-danger" role="alert" data-testid="xc-verdict-text">
              <strong>核验未通过</strong>：{verified.reason}
            </p>
          )}
          <Manifest v={verified} />
          <Warnings warnings={verified.warnings} testId="xc-verify-warnings" />
        </div>
      ) : null}
      {verified?.ok && !received ? (
        <form className="form xc-form" onSubmit={(e) => void receive(e)} noValidate>
          <div className="form-row path-row xc-inline xc-narrow">
            <FormField id="xc-recv-pass" label="本院解密密钥口令" required error={act.fieldError('passphrase')} testId="xc-receive-passphrase">
              <input type="password" {...boxProps('xc-recv-pass', act.fieldError('passphrase'), 'xc-receive-passphrase')} value={passphrase} onChange={(e) => setPassphrase(e.target.value)} maxLength={200} autoComplete="off" />
            </FormField>
            <button type="submit" className="primary" disabled={act.busy} data-testid="xc-receive-submit">
              {act.busy ? '正在解密并导入…' : '导入'}
            </button>
          </div>
          <p className="muted">导入时逐项检查；任何一项不通过，什么也不写入。</p>
          <GeneralError message={act.general} testId="xc-receive-error" />
        </form>
      ) : null}
      {received ? (
        <div className="xc-result" role="status" data-testid="xc-received">
          <p className="tone-ok" data-testid="xc-received-status">
            <strong>{received.status === 'imported' ? '已导入' : '已导入，无需重复导入'}</strong>：{received.senderName}（{received.senderCode}）第 {received.sequence} 号，
            {kindText(received.kind)}，{received.from} 至 {received.to}
          </p>
          <p>{countsText(received.counts)}</p>
          <Warnings warnings={received.warnings} testId="xc-received-warnings" />
        </div>
      ) : null}
    </section>
  );
}
