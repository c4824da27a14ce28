// Accounts in the window's words: role names, what each section needs, password checks, audit actions and objects.
import type { SignedInUser, UserView } from '../../../shared/api/contract';
import { ACTION_LABELS, MIN_PASSWORD_LENGTH, ROLE_LABELS, ROLES, type Action, type Role } from '../../../shared/accounts/roles';
import { formatDateTime } from './format';
import type { Route } from './route';

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

export type NavKey = 'cases' | 'deadlines' | 'extensions' | 'indicators' | 'exchange' | 'settings';

/** What each navigation entry needs: any one of these permissions; an empty list means everyone. */
export const NAV_REQUIRES: Record<NavKey, readonly Action[]> = {
  cases: ['cases.view'],
  deadlines: ['cases.view'],
  extensions: ['extension.request', 'extension.opinion', 'extension.approve'],
  indicators: ['indicators.view'],
  exchange: ['exchange.export'],
  settings: [],
};

export interface NavAccess {
  allowed: boolean;
  /** The tooltip of a disabled entry. */
  reason: string | null;
}

export function navAccess(key: NavKey, permissions: readonly Action[]): NavAccess {
  const need = NAV_REQUIRES[key];
  if (need.length === 0 || need.some((a) => permissions.includes(a))) return { allowed: true, reason: null };
  return { allowed: false, reason: permissionHint(need) };
}

/** Which navigation entry's permission a route needs (the case page is part of 案件). */
export function routeNavKey(route: Route): NavKey | null {
  switch (route.name) {
    case 'case':
      return 'cases';
    case 'notFound':
      return null;
    default:
      return route.name;
  }
}

export function routeAllowed(route: Route, permissions: readonly Action[]): boolean {
  const key = routeNavKey(route);
  return key === null || navAccess(key, permissions).allowed;
}

export type SettingsTab = 'info' | 'accounts' | 'audit' | 'backup';

export const SETTINGS_TABS: ReadonlyArray<{ tab: SettingsTab; label: string; requires: Action | null }> = [
  { tab: 'info', label: '本机与安全', requires: null },
  { tab: 'accounts', label: '账号管理', requires: 'accounts.manage' },
  { tab: 'audit', label: '审计日志', requires: 'audit.view' },
  { tab: 'backup', label: '备份与恢复', requires: 'backup.manage' },
];

/** The settings tabs this person may open. */
export function visibleSettingsTabs(permissions: readonly Action[]): SettingsTab[] {
  return SETTINGS_TABS.filter((t) => t.requires === null || permissions.includes(t.requires)).map((t) => t.tab);
}

/** The client-side check before a new password is sent (the server checks again and its message is shown). */
export function newPasswordProblem(password: string, confirm: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `口令至少 ${MIN_PASSWORD_LENGTH} 个字符`;
  if (password !== confirm) return '两次输入的口令不一致';
  return null;
}

export interface StatusText {
  text: string;
  tone: 'ok' | 'muted' | 'danger';
}

/** 启用 / 停用 / 锁定至 2024-05-01 10:30 (a lock that has run out is no lock). */
export function userStatus(u: Pick<UserView, 'active' | 'lockedUntil'>, nowMs: number): StatusText {
  if (!u.active) return { text: '停用', tone: 'muted' };
  if (u.lockedUntil) {
    const until = Date.parse(u.lockedUntil);
    if (!Number.isNaN(until) && until > nowMs) return { text: `锁定至 ${formatDateTime(u.lockedUntil)}`, tone: 'danger' };
  }
  return { text: '启用', tone: 'ok' };
}

export const AUDIT_ACTION_LABELS: Readonly<Record<string, string>> = {
  'case.create': '新建案件',
  'case.update': '修改案件',
  'event.add': '登记期间',
  'event.resume': '恢复审理',
  import: '导入',
  seed: '生成演示数据',
  'court.init': '建立数据库',
  'account.create': '新增账号',
  'account.disable': '停用账号',
  'account.enable': '启用账号',
  'account.reset': '重置口令',
  'account.password': '修改口令',
  'account.locked': '账号锁定',
  signin: '登录',
  'signin.failed': '登录失败',
  denied: '越权操作被拒绝',
  'settings.idleLock': '修改自动锁定时间',
  'settings.holidayRoll': '修改节假日顺延设置',
  backup: '手动备份',
  restore: '从备份恢复',
};

/** The Chinese name of a known audit action; an unknown one as it is stored. */
export function auditActionLabel(action: string): string {
  return Object.prototype.hasOwnProperty.call(AUDIT_ACTION_LABELS, action) ? AUDIT_ACTION_LABELS[action] : action;
}

/** Actions worth a colour in the log: refusals and failures. */
export function auditActionTone(action: string): 'danger' | 'warn' | null {
  if (action === 'denied' || action === 'account.locked') return 'danger';
  if (action === 'signin.failed') return 'warn';
  return null;
}

export const AUDIT_ENTITY_LABELS: Readonly<Record<string, string>> = {
  case: '案件',
  account: '账号',
  file: '文件',
  database: '数据库',
  court: '法院',
  api: '调用',
  settings: '设置',
};

export function auditEntityLabel(entity: string | null): string {
  if (!entity) return '';
  return Object.prototype.hasOwnProperty.call(AUDIT_ENTITY_LABELS, entity) ? AUDIT_ENTITY_LABELS[entity] : entity;
}

/** The stored before/after JSON, indented for reading; text that is not JSON is shown as it is. */
export function prettyJson(text: string | null): string {
  if (text === null || text === '') return '';
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

export const IDLE_LOCK_MAX_MINUTES = 480;

/** The 自动锁定 input: whole minutes 0–480, or a message. */
export function parseIdleMinutes(text: string): { minutes: number } | { error: string } {
  const t = text.trim();
  if (!/^\d{1,3}$/.test(t)) return { error: `请输入 0–${IDLE_LOCK_MAX_MINUTES} 之间的整数分钟数` };
  const n = Number(t);
  if (n > IDLE_LOCK_MAX_MINUTES) return { error: `最长 ${IDLE_LOCK_MAX_MINUTES} 分钟` };
  return { minutes: n };
}

export function idleLockText(minutes: number): string {
  return minutes === 0 ? '不自动锁定' : `闲置 ${minutes} 分钟后自动锁定`;
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
