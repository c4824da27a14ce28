// The audit log in the window's words: Chinese names of actions and objects, their colours, the stored JSON indented.
import { AUDIT_ACTION_LABELS } from '../../../../shared/audit/actions';

export { AUDIT_ACTION_LABELS };

/** The Chinese name of a known audit action; an unknown one as it is stored. */
export function auditActionLabel(action: string): string {
  return Object.prototype.hasOwnProperty.call(AUDIT_ACTION_LABELS, action) ? AUDIT_ACTION_LABELS[action as keyof typeof AUDIT_ACTION_LABELS] : action;
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
  weak_point: '薄弱点',
  measure: '整改措施',
  help_measure: '帮扶措施（中院）',
  meeting: '月分析会',
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
