// The sign-in notice on the start page: how many extension requests wait for the division head or the president who
// just signed in (the same count as the 延审审批 badge), with a link to them; closable for the rest of the session.
import { useStore } from 'zustand';
import { Link } from '../../components/Link';
import { formatCount } from '../../lib/format';
import { session, stores } from '../../stores';
import './extensions.css';

/** Those who act on requests: a division head signs opinions, the president (or the delegated vice-president) decides. */
export function actsOnRequests(permissions: readonly string[]): boolean {
  return permissions.includes('extension.opinion') || permissions.includes('extension.approve');
}

export function WaitingNotice() {
  const acts = useStore(session, (s) => actsOnRequests(s.user?.permissions ?? []));
  const mine = useStore(stores.extensions, (s) => s.mine);
  const dismissed = useStore(stores.extensions, (s) => s.noticeDismissed);
  if (!acts || dismissed || !mine) return null;
  return (
    <div className="banner info waiting-notice" role="status" data-testid="waiting-notice">
      <span data-testid="waiting-notice-text">有 {formatCount(mine)} 件延长审限申请等待您处理</span>
      <Link to={{ name: 'extensions' }} testId="waiting-notice-link">
        去处理
      </Link>
      <button type="button" className="link-button push-right" aria-label="关闭提示" data-testid="waiting-notice-close" onClick={() => stores.extensions.getState().dismissNotice()}>
        知道了
      </button>
    </div>
  );
}
