// 查看范围: above each case list, so a judge knows why he sees only his own cases.
import { useStore } from 'zustand';
import { scopeExplanation, scopeText } from '../lib/auth';
import { session } from '../stores';

export function ScopeLine() {
  const user = useStore(session, (s) => s.user);
  if (!user) return null;
  return (
    <span className="scope-line" data-testid="case-scope" title={`${scopeExplanation(user.scope)}查看范围由账号的角色决定。`}>
      查看范围：<strong>{scopeText(user)}</strong>
    </span>
  );
}
