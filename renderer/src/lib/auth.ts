// Accounts in the window's words, for every screen: role names, permission hints, password checks, the viewing scope.
import type { SignedInUser } from '../../../shared/api/contract';
import { ACTION_LABELS, MIN_PASSWORD_LENGTH, ROLE_LABELS, ROLES, type Action, type Role } from '../../../shared/accounts/roles';
import { passwordNameProblem } from '../../../shared/accounts/passwordRules';

/** "员额法官、庭长"; unknown role ids are shown as they are. */
export function rolesText(roles: readonly Role[]): string {
  if (!roles.length) return '无角色';
  return [...roles]
    .sort((a, b) => ROLES.indexOf(a) - ROLES.indexOf(b))
    .map((r) => ROLE_LABELS[r] ?? r)
    .join('、');
}

/** The top bar's badge: "王法官 · 员额法官". */
export function userBadgeText(user: Pick<SignedInUser, 'name' | 'roles'>): string {
  return `${user.name} · ${rolesText(user.roles)}`;
}

/** "需要“查看案件”权限", or for several alternatives "需要“申请延长审限”或“审批延长审限”权限". */
export function permissionHint(actions: readonly Action[]): string {
  return `需要${actions.map((a) => `“${ACTION_LABELS[a]}”`).join('或')}权限`;
}

/**
 * The client-side check before a new password is sent (the server checks again and its message is shown): length,
 * the two entries alike, and not containing the name of the person it is for.
 */
export function newPasswordProblem(password: string, confirm: string, name?: string | null): string | null {
  if ([...password].length < MIN_PASSWORD_LENGTH) return `口令至少 ${MIN_PASSWORD_LENGTH} 个字符`;
  if (password !== confirm) return '两次输入的口令不一致';
  return passwordNameProblem(password, name);
}

/** Above the case lists: which cases this person sees, e.g. "本部门案件（民一庭）". */
export function scopeText(user: Pick<SignedInUser, 'scope' | 'division'>): string {
  return user.scope === '本部门案件' && user.division ? `${user.scope}（${user.division}）` : user.scope;
}

export function scopeExplanation(scope: string): string {
  switch (scope) {
    case '本人承办的案件':
      return '列表和统计只包括您本人承办的案件。';
    case '本部门案件':
      return '列表和统计只包括本部门的案件。';
    case '全院案件':
      return '列表和统计包括全院的案件。';
    default:
      return '您的账号没有查看案件的权限。';
  }
}
