// 生成报送包: period (this year to today unless changed), 全量 or 增量, party names off unless ticked, 报送前检查 before
// anything is written, then the folder and the passphrase; the written package's card, or the mistake by its field.
import { useState, type FormEvent } from 'react';
import type { ExportView, PreflightView } from '../../../../shared/exchange/api';
import { formatSize } from '../../../../shared/backup/backupLabels';
import { boxProps, FormField } from '../../components/FormField';
import { JobProgress } from '../../components/JobProgress';
import { api } from '../../stores';
import { GeneralError, useAct } from './common';
import { countsText, kindText, shortHash } from './labels';
import { PreflightList } from './PreflightList';

export function ExportResult({ view, title, testId }: { view: ExportView; title: string; testId: string }) {
  return (
    <div className="xc-result" role="status" data-testid={testId}>
      <p className="tone-ok">
        <strong>{title}</strong>
      </p>
      <dl className="xc-facts">
        <dt>文件</dt>
        <dd className="path" data-testid={`${testId}-file`}>
          {view.file}
        </dd>
        <dt>序号</dt>
        <dd data-testid={`${testId}-sequence`}>第 {view.sequence} 号</dd>
        <dt>类型</dt>
        <dd>{kindText(view.kind, view.baseSequence)}</dd>
        <dt>期间</dt>
        <dd>
          {view.from} 至 {view.to}
        </dd>
        <dt>内容</dt>
        <dd>
          {countsText(view.counts)}；{view.includesPartyNames ? '含当事人姓名' : '不含当事人姓名'}
        </dd>
        <dt>SHA-256</dt>
        <dd className="path" title={view.packageSha256}>
          {shortHash(view.packageSha256)}…
        </dd>
        <dt>大小</dt>
        <dd>{formatSize(view.bytes)}</dd>
      </dl>
    </div>
  );
}

export function ExportPanel({ today, hasPast, onWritten }: { today: string; hasPast: boolean; onWritten(): void }) {
  const [from, setFrom] = useState(`${today.slice(0, 4)}-01-01`);
  const [to, setTo] = useState(today);
  const [incremental, setIncremental] = useState(false);
  const [names, setNames] = useState(false);
  const [outDir, setOutDir] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [preflight, setPreflight] = useState<PreflightView | null>(null);
  const [written, setWritten] = useState<ExportView | null>(null);
  const check = useAct(['from', 'to']);
  const act = useAct(['from', 'to', 'outDir', 'passphrase', 'incremental']);
  const err = (f: string) => act.fieldError(f) ?? check.fieldError(f);

  async function runPreflight() {
    if (check.busy) return;
    setPreflight(null);
    const v = await check.run(() => api['exchange.preflight']({ from, to }));
    if (v) setPreflight(v);
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (act.busy) return;
    setWritten(null);
    if (!outDir.trim()) return act.fail('outDir', '请填写 U 盘或文件夹的完整路径');
    const v = await act.run(() => api['exchange.export']({ from, to, incremental: incremental && hasPast, includePartyNames: names, outDir: outDir.trim(), passphrase }));
    if (!v) return;
    setPassphrase('');
    setWritten(v);
    onWritten();
  }

  return (
    <section className="panel xc-panel" data-testid="xc-export">
      <h2>生成报送包</h2>
      <form className="form xc-form" onSubmit={(e) => void submit(e)} noValidate>
        <div className="form-row xc-row">
          <FormField id="xc-from" label="期间自" required error={err('from')} testId="xc-from">
            <input type="date" {...boxProps('xc-from', err('from'), 'xc-from')} value={from} onChange={(e) => setFrom(e.target.value)} />
          </FormField>
          <FormField id="xc-to" label="期间至" required error={err('to')} testId="xc-to">
            <input type="date" {...boxProps('xc-to', err('to'), 'xc-to')} value={to} onChange={(e) => setTo(e.target.value)} />
          </FormField>
        </div>
        <fieldset className="xc-choices">
          <legend>报送内容</legend>
          <label>
            <input type="radio" name="xc-kind" checked={!incremental || !hasPast} onChange={() => setIncremental(false)} data-testid="xc-full" /> 全量（期间内的全部案件）
          </label>
          <label className={hasPast ? undefined : 'muted'}>
            <input type="radio" name="xc-kind" checked={incremental && hasPast} disabled={!hasPast} onChange={() => setIncremental(true)} data-testid="xc-incremental" /> 增量（上一个报送包以来的变化）
            {hasPast ? null : <span className="xc-note">（本院尚未生成过报送包，第一次须全量报送）</span>}
          </label>
          {err('incremental') ? (
            <span className="field-error cw-error" role="alert" data-testid="xc-incremental-error">
              {err('incremental')}
            </span>
          ) : null}
          <label className="xc-names">
            <input type="checkbox" checked={names} onChange={(e) => setNames(e.target.checked)} data-testid="xc-party-names" /> 包含当事人姓名
          </label>
          <p className={names ? 'tone-warn xc-warning' : 'muted xc-warning'} data-testid="xc-names-note">
            {names
              ? '报送包将含原告、被告等当事人的姓名。只有中院确实需要时才勾选；报送包加密后只有中院能读。'
              : '默认不含当事人姓名。中院看指标和案件情况不需要姓名。'}
          </p>
        </fieldset>
        <div className="form-actions">
          <button type="button" onClick={() => void runPreflight()} disabled={check.busy} data-testid="xc-preflight-run">
            {check.busy ? '正在检查…' : '报送前检查'}
          </button>
          <span className="muted">先看看将报送什么、中院会质疑什么；检查不写入任何文件。</span>
        </div>
        <GeneralError message={check.general} testId="xc-preflight-error" />
        {preflight ? <PreflightList view={preflight} names={names} /> : null}
        <div className="form-row xc-row xc-row-wide">
          <FormField id="xc-outdir" label="写入到" required error={err('outDir')} hint="U 盘或文件夹的完整路径，例如 E:\报送 或 /media/usb" testId="xc-outdir">
            <input {...boxProps('xc-outdir', err('outDir'), 'xc-outdir')} value={outDir} onChange={(e) => setOutDir(e.target.value)} maxLength={1000} autoComplete="off" spellCheck={false} />
          </FormField>
          <FormField id="xc-pass" label="签名密钥口令" required error={err('passphrase')} testId="xc-passphrase">
            <input type="password" {...boxProps('xc-pass', err('passphrase'), 'xc-passphrase')} value={passphrase} onChange={(e) => setPassphrase(e.target.value)} maxLength={200} autoComplete="off" />
          </FormField>
        </div>
        <div className="form-actions">
          <button type="submit" className="primary" disabled={act.busy} data-testid="xc-export-submit">
            {act.busy ? '正在生成、加密并核验…' : '生成报送包'}
          </button>
          {act.busy ? <span className="muted">大的法院需要几秒钟，请勿拔出 U 盘。</span> : null}
        </div>
        <JobProgress active={act.busy} />
        <GeneralError message={act.general} testId="xc-export-error" />
      </form>
      {written ? <ExportResult view={written} title="报送包已生成并通过核验" testId="xc-written" /> : null}
    </section>
  );
}
