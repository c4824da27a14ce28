// Shown instead of a section the person's roles do not open: what is missing, and where to go instead.
import { useStore } from 'zustand';
import type { NavKey } from '../features';
import { rolesText } from '../lib/auth';
import { navAccess } from '../router/access';
import { featureById } from '../router/routes';
import { session } from '../stores';
import { Link } from './Link';

export function NoAccess({ section }: { section: NavKey }) {
  const user = useStore(session, (s) => s.user);
  const permissions = user?.permissions ?? [];
  const nav = featureById(section).nav;
  const reason = navAccess(section, permissions).reason ?? '';
  // Sections of case data (they need 查看案件): an administrator's account is told why it never sees them.
  const caseData = nav.requires.includes('cases.view');
  const adminOnly = !!user && user.roles.includes('admin') && !permissions.includes('cases.view');
  return (
    <div className="page page-scroll" data-testid="no-access">
      <div className="notice">
        <h1>{nav.label}</h1>
        {caseData && adminOnly ? (
          <>
            <p>管理员账号不查看案件数据。</p>
            <p className="muted">
              管理员负责账号、备份、设置和审计日志，不接触案件内容。需要查看或办理案件的人员，请使用本人的法官、书记员等账号登录；同一人确需兼任的，可在“设置 · 账号管理”中为其账号增加相应角色。
            </p>
            <p>
              <Link to={{ name: 'settings', tab: 'accounts' }}>前往账号管理</Link>
            </p>
          </>
        ) : (
          <>
            <p>
              您的角色（{user ? rolesText(user.roles) : '未登录'}）不能使用此功能：{reason}。
            </p>
            <p className="muted">如工作需要，请联系本院管理员调整账号的角色。</p>
          </>
        )}
      </div>
    </div>
  );
}
