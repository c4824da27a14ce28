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

/**
 * Whose cases a start page shows, from the scope the core applies (SignedInUser.scopeKind): 我的案件, 本庭案件（民一庭）,
 * 全院案件; '' for someone who sees no cases.
 */
export function whoseCasesTitle(user: Pick<SignedInUser, 'scopeKind' | 'division'>): string {
  switch (user.scopeKind) {
    case 'own':
      return '我的案件';
    case 'division':
      return user.division ? `本庭案件（${user.division}）` : '本庭案件';
    case 'all':
      return '全院案件';
    default:
      return '';
  }
}

/** The start page's words when the reader has no open case at all, said for his scope. */
export function noOpenCasesText(user: Pick<SignedInUser, 'scopeKind'>): string {
  switch (user.scopeKind) {
    case 'own':
      return '您目前没有承办的未结案件，审限预警暂无需要处理的事项。新分配给您的案件登记后会显示在这里。';
    case 'division':
      return '本庭目前没有未结案件，审限预警暂无需要处理的事项。';
    default:
      return '全院目前没有未结案件，审限预警暂无需要处理的事项。';
  }
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
