// Shown instead of the app when the database could not be opened (code STARTUP_FAILED): the reason, and what to do.
import { useState } from 'react';
import { session, stores } from '../stores';

/** Asks again: who is signed in (the database opens first), then the court. */
async function retry() {
  await session.getState().loadStatus();
  if (session.getState().phase === 'ready') await stores.app.getState().loadInfo();
}

export function StartupFailure({ message }: { message: string }) {
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  const text = `法院质效台无法启动\n${message}`;
  return (
    <div className="startup-failure" data-testid="startup-error" role="alert">
      <div className="startup-box">
        <h1>法院质效台无法启动</h1>
        <p className="startup-message" data-testid="startup-error-message">
          {message}
        </p>
        <p>本程序没有修改或删除数据库文件。请将错误信息发给信息技术人员；如有备份，可由信息技术人员从备份恢复。</p>
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
