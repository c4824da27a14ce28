// Shown instead of the app when the database could not be opened (code STARTUP_FAILED): the reason, what to do, and
// for a damaged database the latest good backup, restored on one click after a confirmation.
import { useEffect, useState } from 'react';
import type { StartupStatus } from '../../../../shared/api/contract';
import { BACKUP_REASON_LABELS } from '../../../../shared/backup/backupLabels';
import { formatCount, formatDateTime } from '../../lib/format';
import { api, session, stores } from '../../stores';

/** Asks again: who is signed in (the database opens first), then the court. */
async function retry() {
  await session.getState().loadStatus();
  if (session.getState().phase === 'ready') await stores.app.getState().loadInfo();
}

function BackupOffer({ backup }: { backup: NonNullable<StartupStatus['latestGoodBackup']> }) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function restore() {
    setBusy(true);
    setError(null);
    const res = await api['startup.restoreLatest']({});
    if (!res.ok) {
      setBusy(false);
      return setError(res.error.message);
    }
    const r = res.value;
    const aside = r.movedAsideTo ? `损坏的数据库没有删除，已改名保留为 ${r.movedAsideTo}。` : '';
    await session.getState().databaseReplaced(`已从 ${formatDateTime(backup.createdAt)} 的备份恢复（${formatCount(r.cases)} 件案件）。${aside}此后录入的内容需要重新录入。请登录。`);
    // The start-up error that app.info met is history now.
    stores.app.getState().reset();
  }

  return (
    <div className="startup-backup" data-testid="startup-backup">
      <p>
        找到一份完好的备份：{formatDateTime(backup.createdAt)}（{BACKUP_REASON_LABELS[backup.reason]}备份
        {backup.cases !== null ? `，${formatCount(backup.cases)} 件案件` : ''}）。
      </p>
      <p className="path">{backup.file}</p>
      {confirming ? (
        <>
          <p>
            恢复后，数据库回到这份备份时的样子，此后录入和修改的内容需要重新录入。损坏的数据库文件不会删除，会改名保留，供信息技术人员查看。
          </p>
          <div className="startup-actions">
            <button type="button" className="danger" disabled={busy} onClick={() => void restore()} data-testid="startup-restore-confirm">
              {busy ? '正在恢复…' : '确认恢复'}
            </button>
            <button type="button" disabled={busy} onClick={() => setConfirming(false)}>
              取消
            </button>
          </div>
        </>
      ) : (
        <div className="startup-actions">
          <button type="button" className="primary" onClick={() => setConfirming(true)} data-testid="startup-restore">
            从这份备份恢复…
          </button>
        </div>
      )}
      {error ? (
        <p className="tone-danger" role="alert" data-testid="startup-restore-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}

export function StartupFailure({ message }: { message: string }) {
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  const [status, setStatus] = useState<StartupStatus | null>(null);
  useEffect(() => {
    let live = true;
    void api['startup.status']({}).then((res) => {
      if (live && res.ok) setStatus(res.value);
    });
    return () => {
      live = false;
    };
  }, [message]);
  const text = ['法院质效台无法启动', `错误代码：${status?.code ?? '—'}`, `错误信息：${message}`, `数据库文件：${status?.dbPath ?? '—'}`].join('\n');
  const backup = status?.latestGoodBackup ?? null;
  return (
    <div className="startup-failure" data-testid="startup-error" role="alert">
      <div className="startup-box">
        <h1>法院质效台无法启动</h1>
        <p className="startup-message" data-testid="startup-error-message">
          {message}
        </p>
        <p>本程序没有修改或删除数据库文件。{backup ? '可以从下面的备份恢复；' : ''}请将错误信息发给信息技术人员。</p>
        {backup ? <BackupOffer backup={backup} /> : null}
        <div className="startup-actions">
          <button
            type="button"
            onClick={() => {
              navigator.clipboard?.writeText(text).then(
                () => setCopied('yes'),
                () => setCopied('no'),
              ) ?? setCopied('no');
            }}
          >
            复制错误信息
          </button>
          <button type="button" onClick={() => void retry()}>
            重试
          </button>
          {copied === 'yes' ? <span className="muted">已复制</span> : null}
          {copied === 'no' ? <span className="muted">无法访问剪贴板，请手动选中上面的文字复制</span> : null}
        </div>
      </div>
    </div>
  );
}
