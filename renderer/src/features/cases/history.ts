// A case's history (cases.history) in words: who did what and when, and for each change the field's Chinese name
// with its value before and after, formatted as the case page shows it, never the stored JSON.
import type { AuditRow } from '../../../../shared/api/contract';
import { CAUSE_CATALOGS } from '../../../../shared/cases/caseWork';
import { STAGE_LABELS } from '../../../../shared/extensions/api';
import { ROUTE_LABELS } from '../../../../shared/extensions/rules';
import { LIMIT_VARIANT_TEXT, formatYuan } from '../../lib/format';
import { auditActionLabel } from '../audit/labels';

/** The actions of case work, in the words of the case page (the audit log's own labels for the rest). */
const ACTION_LABELS: Readonly<Record<string, string>> = {
  'case.create': '登记案件',
  'case.register': '登记案件',
  'case.update': '修改案件信息',
  'case.close': '结案',
  'case.reopen': '重开案件',
  'case.appeal': '登记上诉情况',
  'case.convert': '转为普通程序',
  'case.convertProcedure': '转为普通程序',
  'event.add': '登记期间',
  'event.end': '结束期间',
  'event.resume': '恢复审理',
  'mediation.start': '开始先行调解',
  'mediation.extend': '延长先行调解期限',
  'mediation.end': '结束先行调解',
  import: '导入',
};

export function historyActionLabel(action: string): string {
  return Object.prototype.hasOwnProperty.call(ACTION_LABELS, action) ? ACTION_LABELS[action] : auditActionLabel(action);
}

/** The stored keys in Chinese, as the case page names its fields. */
const FIELD_LABELS: Readonly<Record<string, string>> = {
  caseNumber: '案号',
  cause: '案由',
  causeCatalog: '案由目录',
  procedure: '审判程序',
  limitVariant: '审限情形',
  filedOn: '立案日期',
  division: '承办部门',
  judge: '承办法官',
  closedOn: '结案日期',
  closingMethod: '结案方式',
  claimAmount: '标的额',
  plaintiffs: '原告（申请人）',
  defendants: '被告（被申请人）',
  deductedDays: '扣除天数（导入）',
  extendedDays: '延长天数（导入）',
  appealed: '是否上诉',
  appealOutcome: '二审结果',
  originCaseNumber: '原审案号',
  enforcementClaim: '申请执行标的额',
  enforcementRecovered: '执行到位金额',
  reviewed: '是否阅核',
  precedentSearched: '是否类案检索',
  convertedOn: '转换程序日期',
  on: '日期',
  kind: '类型',
  fromOn: '开始日期',
  toOn: '结束日期',
  note: '备注',
  deductible: '扣除审限',
  dueOn: '审限届满日',
  reason: '理由',
  review: '阅核情况',
  precedent: '类案检索情况',
  reviewer: '阅核人',
  reviewerRole: '阅核人身份',
  reviewedOn: '阅核日期',
  action: '阅核意见',
  fourCategories: '四类案件',
  platforms: '检索平台',
  query: '检索内容',
  references: '参考案例',
  noneFound: '无类案',
  searchedOn: '检索日期',
  destination: '调解去向',
  mediator: '调解员或调解组织',
  receivedOn: '接收日期',
  days: '延长天数',
  extensionDays: '延长天数',
  consentOn: '双方同意日期',
  endedOn: '调解结束日期',
  outcome: '结果',
  resumedOn: '恢复日期',
  totalDays: '累计延长天数',
  mediationDueOn: '调解期限届满日',
  closedAs: '同时结案',
  from: '原审判程序',
  mediation: '先行调解结果',
  baseDays: '调解期限（天）',
  // 延长审限 (extension.request / opinion / forward / decide / higherCourt)
  asked: '申请延长',
  for: '为法官申请',
  enteredBy: '代为申请的法官助理',
  explanation: '具体理由',
  route: '审批权限',
  late: '逾期申请',
  stage: '所处环节',
  next: '下一环节',
  notes: '说明',
  attachments: '附件',
  name: '文件名',
  mime: '文件格式',
  size: '大小（字节）',
  sha256: '校验值',
  opinion: '庭长意见',
  comment: '意见',
  decision: '审批决定',
  approved: '批准延长',
  // 打印延长审限审批表 (extension.form)
  request: '申请编号',
  bytes: '文件大小（字节）',
};

/**
 * Keys that only the program reads (the clock's state is what the due date and days remaining already say), and the
 * case number, which the page the history stands on already shows.
 */
const INTERNAL_KEYS = new Set(['clock', 'id', 'eventId', 'rowVersion', 'row_version', 'caseNumber']);

/** Where one action's key means something else than the case's field of that name. */
const ACTION_FIELD_LABELS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  // The due day of the mediation, not of the case.
  'mediation.start': { dueOn: '调解期限届满日' },
};

const MONEY_KEYS = new Set(['claimAmount', 'enforcementClaim', 'enforcementRecovered']);

export function fieldLabel(key: string): string {
  return Object.prototype.hasOwnProperty.call(FIELD_LABELS, key) ? FIELD_LABELS[key] : key;
}

/** One stored value as the page shows it: names joined with 、, money in yuan, 是/否, nested facts in words. */
export function formatValue(key: string, v: unknown): string {
  if (v === null || v === undefined || v === '') return '（空）';
  if (Array.isArray(v)) return v.length ? v.map((x) => formatValue(key, x)).join('、') : '（无）';
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (typeof v === 'number') return MONEY_KEYS.has(key) ? formatYuan(v) : String(v);
  if (typeof v === 'object') {
    return Object.entries(v as Record<string, unknown>)
      .filter(([k]) => !INTERNAL_KEYS.has(k))
      .map(([k, x]) => `${fieldLabel(k)}：${formatValue(k, x)}`)
      .join('；');
  }
  const s = String(v);
  if (key === 'causeCatalog' && Object.prototype.hasOwnProperty.call(CAUSE_CATALOGS, s)) return CAUSE_CATALOGS[s as keyof typeof CAUSE_CATALOGS];
  if ((key === 'stage' || key === 'next') && Object.prototype.hasOwnProperty.call(STAGE_LABELS, s)) return STAGE_LABELS[s as keyof typeof STAGE_LABELS];
  if (key === 'route' && Object.prototype.hasOwnProperty.call(ROUTE_LABELS, s)) return ROUTE_LABELS[s as keyof typeof ROUTE_LABELS];
  if (key === 'limitVariant' && Object.prototype.hasOwnProperty.call(LIMIT_VARIANT_TEXT, s)) return LIMIT_VARIANT_TEXT[s as keyof typeof LIMIT_VARIANT_TEXT];
  return s;
}

export interface HistoryChange {
  key: string;
  label: string;
  /** null: the entry records only what it set (a new case, a period recorded). */
  before: string | null;
  after: string;
}

export interface HistoryEntry {
  id: number;
  at: string;
  actor: string;
  action: string;
  label: string;
  changes: HistoryChange[];
  /** The entry is about this case but its content is outside the reader's scope (never for the case page's own). */
  hidden: boolean;
}

function parse(text: string | null): Record<string, unknown> | null {
  if (text === null || text === '') return null;
  try {
    const v: unknown = JSON.parse(text);
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : { value: v };
  } catch {
    return { value: text };
  }
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The changes of one entry: what differs between before and after, or (without a before) what was set. */
export function entryChanges(row: Pick<AuditRow, 'before' | 'after'> & { action?: string }): HistoryChange[] {
  const labels = (row.action && ACTION_FIELD_LABELS[row.action]) || {};
  const label = (k: string) => labels[k] ?? fieldLabel(k);
  const before = parse(row.before);
  const after = parse(row.after);
  if (!after && !before) return [];
  const keys: string[] = [];
  for (const k of [...Object.keys(after ?? {}), ...Object.keys(before ?? {})]) if (!keys.includes(k) && !INTERNAL_KEYS.has(k)) keys.push(k);
  const out: HistoryChange[] = [];
  for (const k of keys) {
    const b = before?.[k];
    const a = after?.[k];
    if (before) {
      if (same(a, b)) continue;
      // A fact the entry records only afterwards (the due date a change led to) had no "before" to show.
      out.push({ key: k, label: label(k), before: k in before ? formatValue(k, b) : '—', after: formatValue(k, a) });
    } else {
      // A new record: what it was given, leaving out what is empty.
      if (a === null || a === undefined || a === '' || (Array.isArray(a) && a.length === 0) || (k !== 'deductible' && a === false)) continue;
      if ((k === 'deductedDays' || k === 'extendedDays') && a === 0) continue;
      out.push({ key: k, label: label(k), before: null, after: formatValue(k, a) });
    }
  }
  return out;
}

/** The entries, newest first (the log's order, whatever order they arrive in). */
export function historyEntries(rows: readonly AuditRow[]): HistoryEntry[] {
  return [...rows].sort((a, b) => b.id - a.id).map((r) => ({
    id: r.id,
    at: r.at,
    actor: r.actor,
    action: r.action,
    label: historyActionLabel(r.action),
    changes: r.contentHidden ? [] : entryChanges(r),
    hidden: r.contentHidden,
  }));
}
