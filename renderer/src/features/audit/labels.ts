// The audit log in the window's words: Chinese names of actions and objects, their colours, the stored JSON indented.
export const AUDIT_ACTION_LABELS: Readonly<Record<string, string>> = {
  'case.create': '新建案件',
  'case.update': '修改案件',
  'cases.export': '导出案件列表（Excel）',
  'reconciliation.export': '导出审限核对（Excel）',
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
  'settings.extensions': '修改延长审限设置',
  'extension.request': '申请延长审限',
  'extension.opinion': '签署延长审限意见',
  'extension.approve': '批准延长审限',
  'extension.reject': '不批准延长审限',
  'extension.forward': '延长审限报上级法院',
  'extension.higherCourt.approved': '上级法院批准延长审限',
  'extension.higherCourt.rejected': '上级法院不批准延长审限',
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
