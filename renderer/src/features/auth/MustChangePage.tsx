// Before the app: a password set by the administrator (or a new account's first one) must be replaced.
import { useStore } from 'zustand';
import { ChangePasswordForm } from '../../components/ChangePasswordForm';
import { userBadgeText } from '../../lib/auth';
import { session, signOut } from '../../stores';
import { AuthFrame, courtLine } from './AuthFrame';

export function MustChangePage() {
  const user = useStore(session, (s) => s.user);
  const status = useStore(session, (s) => s.status);
  return (
    <AuthFrame court={courtLine(status?.courtName, status?.courtCode)} demo={status?.demo} testId="must-change-screen">
      <div className="auth-box">
        <h1>请先修改口令</h1>
        <p className="muted">
          {user ? <strong className="text">{userBadgeText(user)}</strong> : null}
          ：您的口令由管理员设置，继续使用前请改为只有您本人知道的新口令。
        </p>
        <ChangePasswordForm onDone={() => undefined} submitLabel="修改口令并继续" />
        <div className="lock-switch">
          <button type="button" className="link-button" data-testid="signout" onClick={() => void signOut()}>
            退出登录
          </button>
        </div>
      </div>
    </AuthFrame>
  );
}
