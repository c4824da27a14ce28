// 中院回执 in the window: the intermediate court makes one for a basic court (passphrase → a .cdret download saying
// which package it confirms and that it carries this court's ranges); the basic court chooses the file and imports it.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { ReturnImportView, ReturnMadeView } from '../../../../shared/exchange/api';
import { boxProps, FormField } from '../../components/FormField';
import { downloadBytes } from '../../lib/download';
import { formatDateTime } from '../../lib/format';
import { api } from '../../stores';
import { GeneralError, useAct } from './common';

/** The call refuses more than this; the renderer says so before reading a larger file. */
export const RETURN_MAX_BYTES = 3 * 98_304;

function receiptText(r: ReturnMadeView['lastImported']): string {
  return r ? `确认收到该院第 ${r.sequence} 号报送包（${formatDateTime(r.receivedAt)} 导入）` : '尚未收到该院的报送包';
}

/** 制作回执 (intermediate court): which court (from those received or registered), the decryption key's passphrase. */
export function ReturnMakePanel({ courts }: { courts: Array<{ code: string; name: string }> }) {
  const [courtCode, setCourtCode] = useState(courts[0]?.code ?? '');
  const [passphrase, setPassphrase] = useState('');
  const [made, setMade] = useState<ReturnMadeView | null>(null);
  const act = useAct(['courtCode', 'passphrase']);
  const chosen = courtCode || courts[0]?.code || '';
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (act.busy) return;
    setMade(null);
    const r = await act.run(() => api['exchange.returnMake']({ courtCode: chosen, passphrase }));
    if (!r) return;
    setPassphrase('');
    if (!downloadBytes([r.text], r.fileName, 'text/plain;charset=utf-8')) return act.fail(null, '本窗口不允许下载文件；请用命令行 courtdesk return make');
    setMade(r);
  }
  return (
    <section className="panel xc-panel" data-testid="xc-return-make">
      <h2>制作中院回执</h2>
      <p className="muted">回执告诉基层法院本院已收到其哪一个报送包，并附本院现行的合理区间；用 U 盘交给该院，在其“报送中院”中导入。</p>
      <form className="form xc-form" onSubmit={(e) => void submit(e)} noValidate>
        <div className="form-row xc-row">
          <FormField id="xc-ret-court" label="基层法院" required error={act.fieldError('courtCode')} testId="xc-return-court">
            <select {...boxProps('xc-ret-court', act.fieldError('courtCode'), 'xc-return-court')} value={chosen} onChange={(e) => { setCourtCode(e.target.value); setMade(null); }}>
              {courts.length === 0 ? <option value="">（尚未登记基层法院）</option> : null}
              {courts.map((c) => (
                <option key={c.code} value={c.code}>
                  {c.code} {c.name}
                </option>
              ))}
            </select>
          </FormField>
          <FormField id="xc-ret-pass" label="本院密钥口令" required error={act.fieldError('passphrase')} testId="xc-return-passphrase">
            <input type="password" {...boxProps('xc-ret-pass', act.fieldError('passphrase'), 'xc-return-passphrase')} value={passphrase} onChange={(e) => setPassphrase(e.target.value)} maxLength={200} autoComplete="off" />
          </FormField>
        </div>
        <div className="form-actions">
          <button type="submit" className="primary" disabled={act.busy || courts.length === 0} data-testid="xc-return-make-submit">
            {act.busy ? '正在制作…' : '制作回执'}
          </button>
        </div>
        <GeneralError message={act.general} testId="xc-return-make-error" />
      </form>
      {made ? (
        <p className="form-message tone-ok" role="status" data-testid="xc-return-made">
          已下载“{made.fileName}”：{receiptText(made.lastImported)}；附本院合理区间{made.helpMeasures > 0 ? `和 ${made.helpMeasures} 项帮扶措施` : ''}。
        </p>
      ) : null}
    </section>
  );
}

/** 导入中院回执 (basic court): a chosen file read here as text (at most 288 KiB on disk, 96 Ki characters), checked and applied by the core. */
/**
 * signingKey: the intermediate court's key as the keys panel last read it. A refusal under an old key is cleared when
 * it changes; the panel itself stays mounted (a remount, e.g. when the keys first arrive, would drop a chosen file).
 */
export function ReturnImportPanel({ onImported, noSigningKey, signingKey }: { onImported(): void; noSigningKey: boolean; signingKey: string | null }) {
  const input = useRef<HTMLInputElement>(null);
  const [result, setResult] = useState<ReturnImportView | null>(null);
  const act = useAct(['text', 'fileName']);
  const lastKey = useRef(signingKey);
  useEffect(() => {
    if (lastKey.current === signingKey) return;
    lastKey.current = signingKey;
    act.clear();
    setResult(null);
  }, [signingKey, act]);
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (act.busy) return;
    setResult(null);
    const file = input.current?.files?.[0];
    if (!file) return act.fail('text', '请选择中院回执文件（.cdret）');
    if (file.size > RETURN_MAX_BYTES) return act.fail('text', `“${file.name}”大于 288 KiB，不是中院回执`);
    let text: string;
    try {
      text = await file.text();
    } catch {
      return act.fail('text', `无法读取“${file.name}”`);
    }
    const r = await act.run(() => api['exchange.returnImport']({ fileName: file.name, text }));
    if (!r) return;
    setResult(r);
    onImported();
  }
  const err = act.fieldError('text') ?? act.fieldError('fileName');
  return (
    <section className="panel xc-panel" data-testid="xc-return-import">
      <h2>导入中院回执</h2>
      <p className="muted">中院回执（.cdret）由中院签名：核对无误后，本院改用中院设定的合理区间，记下中院已收到的报送包，并把中院的帮扶措施记入本院脱薄台账。</p>
      {noSigningKey ? (
        <p className="tone-warn" data-testid="xc-return-no-key">
          本院尚未登记中院的签名公钥，回执无法核验：请由审管办或系统管理员在“密钥与接收方”中读取中院的公钥卡，设置接收方。
        </p>
      ) : null}
      <form className="form xc-form" onSubmit={(e) => void submit(e)} noValidate>
        <div className="form-row path-row xc-inline">
          <FormField id="xc-ret-file" label="回执文件" required error={err} testId="xc-return-file">
            <input ref={input} type="file" accept=".cdret,text/plain" {...boxProps('xc-ret-file', err, 'xc-return-file')} onChange={() => { setResult(null); act.clear(); }} />
          </FormField>
          <button type="submit" className="primary" disabled={act.busy} data-testid="xc-return-import-submit">
            {act.busy ? '正在导入…' : '导入回执'}
          </button>
        </div>
        <GeneralError message={act.general} testId="xc-return-import-error" />
      </form>
      {result ? (
        <div className="xc-result" role="status" data-testid="xc-return-imported">
          <p className="tone-ok" data-testid="xc-return-status">
            <strong>{result.status === 'imported' ? '已导入' : '已导入，无需重复导入'}</strong>：来自 {result.from.courtName}（{result.from.courtCode}），{formatDateTime(result.issuedAt)} 签发
          </p>
          <dl className="xc-facts" data-testid="xc-return-facts">
            <dt>合理区间</dt>
            <dd>{result.rangesImported} 项（本院现按中院设定的区间显示）</dd>
            <dt>帮扶措施</dt>
            <dd data-testid="xc-return-help">{result.helpMeasures > 0 ? `${result.helpMeasures} 项（已记入本院脱薄台账，只读）` : '无'}</dd>
            <dt>中院已收到</dt>
            <dd>{result.lastImported ? `第 ${result.lastImported.sequence} 号` : '尚未收到本院的报送包'}</dd>
            <dt>下一个报送包</dt>
            <dd>第 {result.nextSequence} 号</dd>
          </dl>
          {result.warnings.length > 0 ? (
            <ul className="xc-warnings tone-warn" data-testid="xc-return-warnings">
              {result.warnings.map((w, i) => (
                <li key={i}>{w}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
