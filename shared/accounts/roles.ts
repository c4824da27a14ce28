// Roles and the permission matrix: who may do what, and which cases each role sees. Pure, shared by core and UI.

export const ROLES = ['clerk', 'assistant', 'judge', 'division_head', 'vice_president', 'president', 'statistician', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  clerk: '书记员',
  assistant: '法官助理',
  judge: '员额法官',
  division_head: '庭长',
  vice_president: '分管院领导',
  president: '院长',
  statistician: '审管办',
  admin: '管理员',
};

/** Accepts the id or the Chinese name, as the command line promises. */
export function parseRole(text: string): Role | null {
  const t = text.trim();
  if ((ROLES as readonly string[]).includes(t)) return t as Role;
  const hit = (Object.entries(ROLE_LABELS) as Array<[Role, string]>).find(([, label]) => label === t);
  return hit ? hit[0] : null;
}

export const ACTIONS = [
  'cases.view',
  'cases.register',
  'cases.reopen',
  'events.record',
  'extension.request',
  'extension.opinion',
  'extension.approve',
  'extension.settings',
  'indicators.view',
  'indicators.ranges',
  'exchange.export',
  'exchange.keys',
  'exchange.receive',
  'ledger.view',
  'ledger.manage',
  'reconciliation.view',
  'accounts.manage',
  'audit.view',
  'backup.manage',
  'settings.manage',
  'demo.seed',
] as const;
export type Action = (typeof ACTIONS)[number];

export const ACTION_LABELS: Record<Action, string> = {
  'cases.view': '查看案件',
  'cases.register': '登记、修改、导入案件',
  'cases.reopen': '重开误结的案件',
  'events.record': '登记扣除审限期间、中止与恢复',
  'extension.request': '申请延长审限',
  'extension.opinion': '签署延审意见',
  'extension.approve': '审批延长审限',
  'extension.settings': '设置延长审限的审批委托',
  'indicators.view': '查看质效指标',
  'indicators.ranges': '设置合理区间',
  'exchange.export': '生成报送中院的报送包',
  'exchange.keys': '管理报送密钥和对方法院',
  'exchange.receive': '接收和查看基层法院报送包',
  'ledger.view': '查看脱薄工作台账和预测',
  'ledger.manage': '维护脱薄工作台账',
  'reconciliation.view': '查看审限核对',
  'accounts.manage': '管理账号',
  'audit.view': '查阅审计日志',
  'backup.manage': '备份与恢复',
  'settings.manage': '修改设置',
  'demo.seed': '生成演示数据',
};

/**
 * The matrix. Case-bound actions are further limited by scope (caseScope): a judge acts on his own cases, a
 * division head and the staff of a division on that division's, court leaders and the trial management office
 * on all. The administrator is IT staff: accounts, backups, settings and the audit log, but no case data; a
 * person who needs both holds both roles.
 */
export const PERMISSIONS: Record<Role, ReadonlySet<Action>> = {
  clerk: new Set<Action>(['cases.view', 'cases.register', 'events.record']),
  // An assistant asks for an extension only for the judges he serves (users.setJudges), checked by the core.
  assistant: new Set<Action>(['cases.view', 'cases.register', 'events.record', 'extension.request']),
  judge: new Set<Action>(['cases.view', 'cases.register', 'events.record', 'extension.request', 'indicators.view']),
  division_head: new Set<Action>(['cases.view', 'cases.register', 'cases.reopen', 'events.record', 'extension.request', 'extension.opinion', 'indicators.view', 'ledger.view', 'reconciliation.view']),
  // A vice-president decides the requests of the divisions delegated to him (extension.approve, checked against the
  // delegation by the core); the opinion is the division head's, so he holds no extension.opinion.
  // The president, vice-presidents and the trial management office (审管办) keep the 脱薄 ledger; a division head reads
  // it (his division is often a measure's department); any owner records progress on his own measures (core check).
  vice_president: new Set<Action>(['cases.view', 'extension.approve', 'indicators.view', 'ledger.view', 'ledger.manage']),
  president: new Set<Action>(['cases.view', 'extension.approve', 'extension.settings', 'indicators.view', 'exchange.export', 'exchange.receive', 'ledger.view', 'ledger.manage', 'reconciliation.view', 'audit.view']),
  statistician: new Set<Action>(['cases.view', 'indicators.view', 'indicators.ranges', 'exchange.export', 'exchange.keys', 'exchange.receive', 'ledger.view', 'ledger.manage', 'reconciliation.view', 'audit.view']),
  admin: new Set<Action>(['accounts.manage', 'audit.view', 'backup.manage', 'settings.manage', 'extension.settings', 'exchange.keys', 'demo.seed']),
};

export function can(roles: readonly Role[], action: Action): boolean {
  return roles.some((r) => PERMISSIONS[r].has(action));
}

/** Which cases a person sees and acts on: the widest scope any of his roles gives. */
export type CaseScope = { kind: 'all' } | { kind: 'division'; divisionId: number } | { kind: 'own'; staffId: number } | { kind: 'none' };

const SCOPE_RANK = { none: 0, own: 1, division: 2, all: 3 } as const;

export function caseScope(roles: readonly Role[], person: { staffId: number; divisionId: number | null }): CaseScope {
  let best: CaseScope = { kind: 'none' };
  const consider = (s: CaseScope) => {
    if (SCOPE_RANK[s.kind] > SCOPE_RANK[best.kind]) best = s;
  };
  for (const r of roles) {
    if (!PERMISSIONS[r].has('cases.view')) continue;
    if (r === 'president' || r === 'vice_president' || r === 'statistician') consider({ kind: 'all' });
    else if (r === 'judge') consider({ kind: 'own', staffId: person.staffId });
    // Staff without a division (e.g. the filing clerks of 立案庭 registered court-wide) work on every case.
    else consider(person.divisionId === null ? { kind: 'all' } : { kind: 'division', divisionId: person.divisionId });
  }
  return best;
}

export function scopeLabel(scope: CaseScope): string {
  switch (scope.kind) {
    case 'all':
      return '全院案件';
    case 'division':
      return '本部门案件';
    case 'own':
      return '本人承办的案件';
    default:
      return '无权查看案件';
  }
}

export const MIN_PASSWORD_LENGTH = 8;
export const MAX_FAILED_SIGN_INS = 5;
export const LOCKOUT_MINUTES = 15;
export const DEFAULT_IDLE_LOCK_MINUTES = 15;
