// 修改口令 from the top bar: the form in a dialog, and a word when it is done.
import { useState } from 'react';
import { ChangePasswordForm } from './ChangePasswordForm';
import { Dialog } from './Dialog';

export function ChangePasswordDialog({ onClose }: { onClose(): void }) {
  const [done, setDone] = useState(false);
  return (
    <Dialog title="修改口令" onClose={onClose} testId="change-password-dialog">
      {done ? (
        <div className="form">
          <p className="banner ok" role="status" data-testid="password-changed">
            口令已修改。下次登录和解锁时请使用新口令。
          </p>
          <div className="form-actions">
            <button type="button" className="primary" onClick={onClose} autoFocus data-testid="password-changed-close">
              关闭
            </button>
          </div>
        </div>
      ) : (
        <ChangePasswordForm onDone={() => setDone(true)} />
      )}
    </Dialog>
  );
}
