// The words of 延审审批: each step of a request as a line (who, when, what, the comment), days remaining, and the
// span asked or granted, shared by the queue and the case page.
import type { ExtensionRow, ExtensionStepView } from '../../../../shared/api/contract';
import type { DeadlineStatus } from '../../../../shared/deadlines/engine';
import { formatCount, formatSpan } from '../../lib/format';
import { EXTENSION_LIST_LIMIT } from '../../../../shared/extensions/api';

export const STEP_LABELS: Record<ExtensionStepView['step'], string> = {
  opinion: '庭长意见',
  decision: '院领导审批',
  forwarded: '报送上级法院',
  higher_court: '上级法院答复',
};

export const OUTCOME_LABELS: Record<ExtensionStepView['outcome'], string> = {
  agree: '同意',
  disagree: '不同意',
  approved: '批准',
  rejected: '不予批准',
  forwarded: '已报送',
};

/** 批准 3个月 when the step names a span, else the outcome alone. */
export function stepOutcome(s: Pick<ExtensionStepView, 'outcome' | 'months' | 'days'>): string {
  const span = s.outcome === 'approved' && (s.months || s.days) ? ` ${formatSpan(s.months ?? 0, s.days ?? 0)}` : '';
  return `${OUTCOME_LABELS[s.outcome]}${span}`;
}

/** 剩余 12 天 / 今日届满 / 已超 3 天; for a closed case how it closed, and 无法定审限 when the engine gives none. */
export function remainingText(days: number | null, status?: DeadlineStatus): { text: string; tone: 'danger' | 'warn' | 'normal' } {
  if (status === 'closed_in_time') return { text: '已结案（审限内）', tone: 'normal' };
  if (status === 'closed_overdue') return { text: '已结案（超审限）', tone: 'danger' };
  if (status === 'suspended' || status === 'paused') return { text: '审限暂停计算', tone: 'normal' };
  if (days === null) return { text: '无法定审限', tone: 'normal' };
  if (days < 0) return { text: `已超 ${-days} 天`, tone: 'danger' };
  if (days === 0) return { text: '今日届满', tone: 'danger' };
  return { text: `剩余 ${days} 天`, tone: days <= 15 ? 'warn' : 'normal' };
}

/** What was asked, and what was granted where it differs. */
export function spanText(r: Pick<ExtensionRow, 'asked' | 'approved' | 'status'>): string {
  const asked = formatSpan(r.asked.months, r.asked.days);
  if (r.status !== 'approved' || !r.approved) return asked;
  const granted = formatSpan(r.approved.months, r.approved.days);
  return granted === asked ? asked : `申请 ${asked}，批准 ${granted}`;
}

/** A step's months/days boxes as numbers: empty boxes are 0; null when either is not a whole number ≥ 0. */
export function parseSpan(months: string, days: string): { months: number; days: number } | null {
  const m = months.trim() === '' ? 0 : Number(months);
  const d = days.trim() === '' ? 0 : Number(days);
  if (!Number.isInteger(m) || !Number.isInteger(d) || m < 0 || d < 0) return null;
  return { months: m, days: d };
}

/** The line above the desk's list; a list cut at the answer's limit says so, so no request looks absent. */
export function listSummary(tab: 'waiting' | 'decided' | 'all', count: number, mine: number): string {
  const text = tab === 'waiting' ? `审批中 ${formatCount(count)} 件，待您办理 ${formatCount(mine)} 件` : tab === 'all' ? `共 ${formatCount(count)} 件` : `已审批 ${formatCount(count)} 件`;
  return count >= EXTENSION_LIST_LIMIT ? `${text}（只列出前 ${formatCount(EXTENSION_LIST_LIMIT)} 件，请缩短期间或加筛选）` : text;
}
