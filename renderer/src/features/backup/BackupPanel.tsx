// 备份与恢复 (backup.manage): a checked copy on demand (to the backups folder or a USB stick), the list of copies,
// and restoring one after checking it; the current database is backed up first and everyone signs in again.
import { useEffect, useState, type FormEvent } from 'react';
import type { BackupCheckView, BackupList, BackupView } from '../../../../shared/api/contract';
import { BACKUP_REASON_LABELS, formatSize } from '../../../../shared/backup/backupLabels';
import { Dialog } from '../../components/Dialog';
import { formatCount, formatDateTime } from '../../lib/format';
import { api, session } from '../../stores';

type Message = { ok: boolean; text: string } | null;

function FormMessage({ message, testId }: { message: Message; testId: string }) {
  if (!message) return null;
  return (
    <p className={`form-message ${message.ok ? 'tone-ok' : 'tone-danger'}`} role={message.ok ? 'status' : 'alert'} data-testid={testId}>
      {message.text}
    </p>
  );
}

function BackupNow({ dir, onMade }: { dir: string | null; onMade(): void }) {
  const [to, setTo] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Message>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setMessage(null);
    const res = await api['backup.create'](to.trim() ? { to: to.trim() } : {});
    setBusy(false);
    if (!res.ok) return setMessage({ ok: false, text: res.error.message });
    const b = res.value;
    setMessage({ ok: true, text: `已备份到 ${b.file}（${formatSize(b.bytes)}，${formatCount(b.cases)} 件案件，已通过完整性检查）` });
    onMade();
  }

  return (
    <form className="form backup-now" onSubmit={(e) => void submit(e)} noValidate data-testid="backup-form">
      <div className="form-row path-row">
        <label className="form-field">
          <span>保存到文件夹（可不填）</span>
          <input
            data-testid="backup-to"
            value={to}
            onChange={(e) => setTo(e.target.value)}
            placeholder={dir ? `不填则存入 ${dir}` : '不填则存入数据库旁的备份文件夹'}
            maxLength={1000}
            autoComplete="off"
          />
        </label>
        <button type="submit" className="primary" disabled={busy} data-testid="backup-now">
          {busy ? '正在备份…' : '立即备份'}
        </button>
      </div>
      <p className="muted">备份时可以继续工作。报送或异地保存时，可填写U盘上的文件夹，例如 E:\法院质效台备份。</p>
      <FormMessage message={message} testId="backup-message" />
    </form>
  );
}

/** The confirmation before a restore: the file's check first, then what will happen, in words. */
function RestoreDialog({ file, onClose }: { file: string; onClose(): void }) {
  const [check, setCheck] = useState<BackupCheckView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    void api['backup.check']({ file }).then((res) => {
      if (!live) return;
      if (res.ok) setCheck(res.value);
      else setError(res.error.message);
    });
    return () => {
      live = false;
    };
  }, [file]);

  async function restore() {
    setBusy(true);
    setError(null);
    const res = await api['backup.restore']({ file });
    if (!res.ok) {
      setBusy(false);
      return setError(res.error.message);
    }
    const r = res.value;
    const parts = [`已从备份恢复 ${r.courtName}的数据库（${formatCount(r.cases)} 件案件）：${r.restoredFrom}。`];
    if (r.beforeRestoreBackup) parts.push(`恢复前的数据库已备份到 ${r.beforeRestoreBackup}。`);
    if (r.movedAsideTo) parts.push(`原数据库已损坏，已改名保留为 ${r.movedAsideTo}。`);
    parts.push('请重新登录。');
    await session.getState().databaseReplaced(parts.join(''));
  }

  return (
    <Dialog title="从备份恢复" onClose={busy ? () => undefined : onClose} testId="restore-dialog" wide>
      <p className="path">{file}</p>
      {!check && !error ? <p className="muted">正在检查备份文件的完整性…（大的数据库需要几秒钟）</p> : null}
      {check ? (
        check.ok ? (
          <>
            <p className="tone-ok" data-testid="restore-check">
              备份完好：{check.courtName}（{check.courtCode}），{formatCount(check.cases ?? 0)} 件案件，数据结构版本 {check.schemaVersion}。
            </p>
            <p>
              恢复后，数据库回到这份备份时的样子，此后录入和修改的内容将不在其中。恢复前程序会先把当前数据库备份一份；恢复后所有人需要重新登录。
            </p>
          </>
        ) : (
          <p className="tone-danger" role="alert" data-testid="restore-check">
            不能恢复：{check.message}
          </p>
        )
      ) : null}
      {error ? (
        <p className="tone-danger" role="alert" data-testid="restore-error">
          {error}
        </p>
      ) : null}
      <div className="form-actions dialog-actions">
        <button type="button" onClick={onClose} disabled={busy}>
          取消
        </button>
        <button type="button" className="danger" disabled={!check?.ok || busy} onClick={() => void restore()} data-testid="restore-confirm">
          {busy ? '正在恢复…' : '确认恢复'}
        </button>
      </div>
    </Dialog>
  );
}

function BackupRow({ b, onRestore }: { b: BackupView; onRestore(): void }) {
  return (
    <tr data-testid="backup-row">
      <td className="time">{formatDateTime(b.createdAt)}</td>
      <td>{BACKUP_REASON_LABELS[b.reason]}</td>
      <td className="num">{formatSize(b.bytes)}</td>
      <td className="path" title={b.file}>
        {b.name}
      </td>
      <td>
        <button type="button" className="link-button" onClick={onRestore} data-testid="backup-restore">
          恢复…
        </button>
      </td>
    </tr>
  );
}

function RestoreOther({ onPick }: { onPick(file: string): void }) {
  const [file, setFile] = useState('');
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      className="form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (!file.trim()) return setError('请填写备份文件的完整路径');
        setError(null);
        onPick(file.trim());
      }}
    >
      <div className="form-row path-row">
        <label className="form-field">
          <span>其他位置的备份文件（如U盘上的 .sqlite 文件）</span>
          <input data-testid="restore-file" value={file} onChange={(e) => setFile(e.target.value)} maxLength={1000} autoComplete="off" placeholder="完整路径，例如 E:\法院质效台备份\courtdesk-20261123-094501-manual.sqlite" />
        </label>
        <button type="submit" data-testid="restore-file-go">
          检查并恢复…
        </button>
      </div>
      {error ? (
        <p className="form-message tone-danger" role="alert">
          {error}
        </p>
      ) : null}
    </form>
  );
}

export function BackupPanel() {
  const [list, setList] = useState<BackupList | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [restoring, setRestoring] = useState<string | null>(null);

  async function load() {
    const res = await api['backup.list']({});
    if (res.ok) {
      setList(res.value);
      setError(null);
    } else setError(res.error.message);
  }
  useEffect(() => {
    void load();
  }, []);

  return (
    <>
      <section className="panel" data-testid="backup-panel">
        <div className="panel-head">
          <h2>立即备份</h2>
          <span className="muted">程序每天自动备份一次，导入和升级前也会自动备份。</span>
        </div>
        <BackupNow dir={list?.dir ?? null} onMade={() => void load()} />
      </section>
      <section className="panel">
        <div className="panel-head">
          <h2>备份列表</h2>
          {list ? (
            <span className="muted path" title={list.dir}>
              {list.dir}
            </span>
          ) : null}
        </div>
        {error ? (
          <div className="banner error" role="alert">
            {error}
          </div>
        ) : null}
        {!list && !error ? <p className="muted">正在读取…</p> : null}
        {list && list.backups.length === 0 ? (
          <p className="table-state" data-testid="backup-empty">
            还没有备份。点击上面的“立即备份”做第一份；程序也会在今天稍后自动备份。
          </p>
        ) : null}
        {list && list.backups.length > 0 ? (
          <div className="table-scroll backup-list">
            <table className="plain-table" data-testid="backup-table">
              <colgroup>
                <col className="w-150" />
                <col className="w-90" />
                <col className="w-90" />
                <col />
                <col className="w-90" />
              </colgroup>
              <thead>
                <tr>
                  <th>备份时间</th>
                  <th>类型</th>
                  <th className="num">大小</th>
                  <th>文件</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {list.backups.map((b) => (
                  <BackupRow key={b.file} b={b} onRestore={() => setRestoring(b.file)} />
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </section>
      <section className="panel">
        <h2>从其他位置恢复</h2>
        <RestoreOther onPick={setRestoring} />
      </section>
      {restoring ? <RestoreDialog file={restoring} onClose={() => setRestoring(null)} /> : null}
    </>
  );
}
