// Numbers, dates, statuses and days remaining as the screens show them (zh-CN grouping, YYYY-MM-DD, plain Chinese).
import type { CaseListRow, DeadlineView, ExtensionView } from '../../../shared/api/contract';
import { STATUS_LABELS, type DeadlineStatus } from '../../../shared/deadlines/engine';
import type { AppealOutcome, LimitVariant } from '../../../shared/cases/types';

const integerFormat = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 0 });
const moneyFormat = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** 1234567 → "1,234,567". */
export function formatCount(n: number | null | undefined): string {
  return typeof n === 'number' && Number.isFinite(n) ? integerFormat.format(n) : '—';
}

/** Yuan with two decimals and zh-CN grouping: 12345.5 → "12,345.50 元". */
export function formatYuan(n: number | null | undefined): string {
  return typeof n === 'number' && Number.isFinite(n) ? `${moneyFormat.format(n)} 元` : '—';
}

/** An ISO date or timestamp as YYYY-MM-DD; "—" when absent. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[1]}-${m[2]}-${m[3]}` : iso;
}

/** A timestamp as YYYY-MM-DD HH:MM in this computer's local time (stored timestamps are UTC, with Z). */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  if (/(Z|[+-]\d{2}:?\d{2})$/.test(iso)) {
    const d = new Date(iso);
    if (!Number.isNaN(d.getTime())) {
      const p = (n: number) => String(n).padStart(2, '0');
      return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
    }
  }
  const m = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})/.exec(iso);
  return m ? `${m[1]} ${m[2]}` : formatDate(iso);
}

function isoToUtcDays(iso: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return null;
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / 86_400_000;
}

/** Calendar days from one ISO date to another (end minus start), null when either is not a date. */
export function daysBetween(fromOn: string, toOn: string): number | null {
  const a = isoToUtcDays(fromOn);
  const b = isoToUtcDays(toOn);
  return a === null || b === null ? null : b - a;
}

export type Tone = 'normal' | 'warn' | 'danger' | 'muted' | 'info' | 'ok';

/** The engine's own words for each status, so the list, the case page and the command line say the same. */
export const STATUS_TEXT: Record<DeadlineStatus, string> = STATUS_LABELS;

/** Days remaining at or below which an open case is flagged as due soon. */
export const DUE_SOON_DAYS = 7;

export interface StatusLabel {
  text: string;
  tone: Tone;
}

/** The 状态 column: whether the case is open or closed, and how it stands against its time limit. */
export function statusLabel(row: Pick<CaseListRow, 'status' | 'closedOn' | 'daysRemaining'>): StatusLabel {
  switch (row.status) {
    case 'overdue':
      return { text: '已超审限', tone: 'danger' };
    case 'suspended':
      return { text: '中止', tone: 'info' };
    case 'paused':
      return { text: STATUS_LABELS.paused, tone: 'info' };
    case 'closed_in_time':
      return { text: '已结·审限内', tone: 'muted' };
    case 'closed_overdue':
      return { text: '已结·超审限', tone: 'danger' };
    case 'no_limit':
      return { text: row.closedOn ? '已结·无审限' : '未结·无审限', tone: 'muted' };
    case 'in_time':
    default: {
      const d = row.daysRemaining;
      if (d !== null && d <= DUE_SOON_DAYS) return { text: d === 0 ? '今日届满' : '即将到期', tone: 'warn' };
      return { text: '审限内', tone: 'ok' };
    }
  }
}

export interface RemainingCell {
  text: string;
  tone: Tone;
  /** The longer explanation for the tooltip. */
  title: string;
}

/** The 剩余天数 column: a number for running limits (negative when overdue), a word otherwise. */
export function remainingCell(row: Pick<CaseListRow, 'status' | 'daysRemaining' | 'closedOn'>): RemainingCell {
  const d = row.daysRemaining;
  switch (row.status) {
    // A stopped clock keeps the days it had left: shown, so that it is sorted and seen beside the running ones.
    case 'suspended':
      return d === null
        ? { text: '中止', tone: 'info', title: '诉讼中止，审限暂停计算' }
        : { text: `${formatCount(d)}·停`, tone: 'info', title: `诉讼中止，审限暂停计算，剩余 ${formatCount(d)} 天不变` };
    case 'paused':
      return d === null
        ? { text: '暂停', tone: 'info', title: '扣除审限的期间（如鉴定）尚未结束，审限暂停计算' }
        : { text: `${formatCount(d)}·停`, tone: 'info', title: `扣除审限的期间（如鉴定）尚未结束，审限暂停计算，剩余 ${formatCount(d)} 天不变` };
    case 'no_limit':
      return { text: '无审限', tone: 'muted', title: '此类案件无法定审限' };
    case 'closed_in_time':
    case 'closed_overdue':
      return {
        text: '已结',
        tone: row.status === 'closed_overdue' ? 'danger' : 'muted',
        title: row.status === 'closed_overdue' && d !== null ? `已结案，超审限 ${formatCount(-d)} 天结案` : '已结案',
      };
    case 'overdue':
      return d === null
        ? { text: '超审限', tone: 'danger', title: '已超审限' }
        : { text: formatCount(d), tone: 'danger', title: `已超审限 ${formatCount(-d)} 天` };
    case 'in_time':
    default:
      if (d === null) return { text: '—', tone: 'muted', title: '' };
      if (d < 0) return { text: formatCount(d), tone: 'danger', title: `已超审限 ${formatCount(-d)} 天` };
      if (d === 0) return { text: '0', tone: 'warn', title: '今日届满' };
      return { text: formatCount(d), tone: d <= DUE_SOON_DAYS ? 'warn' : 'normal', title: `剩余 ${formatCount(d)} 天` };
  }
}

/** The days-remaining phrase of the case page's summary. */
export function remainingPhrase(d: Pick<DeadlineView, 'status' | 'daysRemaining'>): string {
  const n = d.daysRemaining;
  switch (d.status) {
    case 'suspended':
      return n === null ? '中止（审限暂停计算）' : `中止（审限暂停计算，剩余 ${formatCount(n)} 天不变）`;
    case 'paused':
      return n === null ? '暂停计算（扣除审限的期间尚未结束）' : `暂停计算（扣除审限的期间尚未结束，剩余 ${formatCount(n)} 天不变）`;
    case 'no_limit':
      return '无审限';
    case 'overdue':
      return n === null ? '已超审限' : `已超审限 ${formatCount(Math.abs(n))} 天`;
    case 'closed_in_time':
      if (n === null) return '审限内结案';
      return n === 0 ? '审限内结案（届满当日结案）' : `审限内结案（提前 ${formatCount(n)} 天）`;
    case 'closed_overdue':
      return n === null ? '超审限结案' : `超审限结案（超 ${formatCount(Math.abs(n))} 天）`;
    case 'in_time':
    default:
      if (n === null) return '—';
      if (n < 0) return `已超审限 ${formatCount(-n)} 天`;
      return n === 0 ? '今日届满（剩余 0 天）' : `剩余 ${formatCount(n)} 天`;
  }
}

export interface DeadlineSummaryText {
  /** "审限 6个月", or "无审限". */
  limit: string;
  /** "已延长 6个月", or null. */
  extension: string | null;
  /** The due date, or "—" without a limit. */
  dueOn: string;
  /** "剩余 60 天", "已超审限 91 天", "中止（审限暂停计算）"… */
  remaining: string;
  tone: Tone;
  /** The whole line, e.g. "审限 6个月 · 届满日 2025-03-01 · 剩余 60 天". */
  line: string;
}

/** The prominent summary of the case page: limit, due date and days remaining. */
export function deadlineSummary(d: DeadlineView): DeadlineSummaryText {
  if (d.status === 'no_limit' || !d.limit) {
    return { limit: '无审限', extension: null, dueOn: '不适用', remaining: '此类案件无法定审限', tone: 'muted', line: '无审限 · 届满日 不适用 · 此类案件无法定审限' };
  }
  const limit = `审限 ${d.limit}`;
  const extension = d.extension ? `已延长 ${d.extension}` : null;
  const dueOn = formatDate(d.dueOn);
  const remaining = remainingPhrase(d);
  const line = [limit, extension, `届满日 ${dueOn}`, remaining].filter((x): x is string => !!x).join(' · ');
  return { limit, extension, dueOn, remaining, tone: remainingTone(d), line };
}

function remainingTone(d: Pick<DeadlineView, 'status' | 'daysRemaining'>): Tone {
  switch (d.status) {
    case 'overdue':
    case 'closed_overdue':
      return 'danger';
    case 'suspended':
    case 'paused':
      return 'info';
    case 'closed_in_time':
    case 'no_limit':
      return 'muted';
    default:
      return d.daysRemaining !== null && d.daysRemaining <= DUE_SOON_DAYS ? 'warn' : 'ok';
  }
}

export const EXTENSION_STATUS_TEXT: Record<ExtensionView['status'], string> = {
  pending: '待审批',
  approved: '已批准',
  rejected: '未批准',
  higher_court: '已报请上级法院',
};

export const LIMIT_VARIANT_TEXT: Record<LimitVariant, string> = {
  ruling_appeal: '对裁定提起的上诉',
  heavy_sentence: '可能判处的刑罚超过适用程序的界限',
};

export function formatSpan(months: number, days: number): string {
  const parts: string[] = [];
  if (months) parts.push(`${months}个月`);
  if (days) parts.push(`${days}天`);
  return parts.length ? parts.join('') : '0天';
}

export function yesNo(v: boolean | null | undefined): string {
  return v === true ? '是' : v === false ? '否' : '未记录';
}

export function appealText(appealed: boolean | null, outcome: AppealOutcome | null): string {
  if (appealed === null) return outcome ? `二审结果：${outcome}` : '未记录';
  if (!appealed) return '未上诉';
  return outcome ? `已上诉 · 二审结果：${outcome}` : '已上诉 · 二审结果未录入';
}

export function joinNames(names: readonly string[]): string {
  return names.length ? names.join('、') : '—';
}
