// Hidden-overdue rules (隐性超审限): from one case's facts, the findings a court now hunts by hand, each explained in Chinese.
import { daysBetween, maxDate, type IsoDate } from '../dates/calendar';
import type { ExtensionStatus } from '../cases/types';
import { computeDeadline, type Deadline, type DeadlineInput } from './engine';
import { isDeductibleKind, spanLabel } from './limits';
import type { RestDays } from './restDays';

export type HiddenRule = 'open_period' | 'extension_after_due' | 'late_request' | 'deductions_exceed_limit';

export const HIDDEN_RULE_LABELS: Record<HiddenRule, string> = {
  open_period: '扣除期间长期未结束',
  extension_after_due: '届满后才批准延长',
  late_request: '逾期申请延长',
  deductions_exceed_limit: '扣除天数超过法定审限',
};

/** One extension request as stored (extension_requests): what the engine needs, and the dates the rules look at. */
export interface RequestFact {
  status: ExtensionStatus;
  months: number;
  days: number;
  requestedOn: IsoDate;
  decidedOn: IsoDate | null;
  /** Marked 逾期申请 when it was made (shared/extensions/rules.ts), or so imported. */
  late: boolean;
}

export interface HiddenFinding {
  rule: HiddenRule;
  label: string;
  text: string;
}

export interface AlertThresholds {
  /** A 中止 or deducted period still open after this many days is listed. */
  openPeriodDays: number;
  /** An open case with nothing recorded for this many days is cold. */
  coldDays: number;
}

/** Defaults: two months for an open period (a 鉴定 or 公告 usually ends well within that), one month of silence. */
export const DEFAULT_ALERT_THRESHOLDS: AlertThresholds = { openPeriodDays: 60, coldDays: 30 };
/** The settings row holding the court's thresholds, { openPeriodDays, coldDays }, set by administrators. */
export const ALERTS_KEY = 'alerts';

/** The shortest limit in the time-limit table (刑事速裁 10 days): fewer deducted days cannot exceed any limit. */
export const SHORTEST_LIMIT_DAYS = 10;

export type CaseFacts = Omit<DeadlineInput, 'extensions'> & { requests: readonly RequestFact[] };

function engineInput(f: CaseFacts, requests: readonly RequestFact[]): DeadlineInput {
  const { requests: _all, ...rest } = f;
  void _all;
  return { ...rest, extensions: requests.map((r) => ({ status: r.status, months: r.months, days: r.days })) };
}

/**
 * The facts as they stood at the end of `day`: periods begun later dropped, periods ended later still open, only the
 * extensions decided before it. The engine counted on that day gives the due date the decision was taken against.
 */
function asOf(f: CaseFacts, day: IsoDate, earlier: readonly RequestFact[]): DeadlineInput {
  const events = f.events.filter((e) => e.fromOn <= day).map((e) => ({ ...e, toOn: e.toOn !== null && e.toOn <= day ? e.toOn : null }));
  return { ...engineInput(f, earlier), events };
}

const decisionDay = (r: RequestFact): IsoDate => r.decidedOn ?? r.requestedOn;

/** The findings for one open case on `today`, in the order of HIDDEN_RULE_LABELS; none for a case without a limit. */
export function hiddenOverdueFindings(f: CaseFacts, today: IsoDate, t: Pick<AlertThresholds, 'openPeriodDays'>, restDays: RestDays | null = null): HiddenFinding[] {
  return hiddenOverdue(f, today, t, restDays).findings;
}

/** The findings, and the engine's figures for today they were measured against (the list shows its days remaining). */
export function hiddenOverdue(f: CaseFacts, today: IsoDate, t: Pick<AlertThresholds, 'openPeriodDays'>, restDays: RestDays | null = null): { deadline: Deadline; findings: HiddenFinding[] } {
  const now = computeDeadline(engineInput(f, f.requests), today, false, restDays);
  if (!now.rule || f.closedOn !== null) return { deadline: now, findings: [] };
  const out: HiddenFinding[] = [];
  const add = (rule: HiddenRule, text: string) => out.push({ rule, label: HIDDEN_RULE_LABELS[rule], text });

  for (const e of f.events) {
    if (e.toOn !== null || !isDeductibleKind(e.kind, f.typeCode)) continue;
    const days = daysBetween(maxDate(e.fromOn, f.filedOn), today);
    if (days > t.openPeriodDays) add('open_period', `${e.kind}自 ${e.fromOn} 起至今（${today}）尚未结束，已 ${days}天，超过 ${t.openPeriodDays}天`);
  }

  // In the order they were decided: each is measured against the due date the extensions before it left.
  const approved = f.requests.filter((r) => r.status === 'approved').sort((a, b) => (decisionDay(a) < decisionDay(b) ? -1 : decisionDay(a) > decisionDay(b) ? 1 : 0));
  approved.forEach((r, i) => {
    const day = decisionDay(r);
    const before = computeDeadline(asOf(f, day, approved.slice(0, i)), day, false, restDays);
    if (before.dueOn !== null && day > before.dueOn) {
      add('extension_after_due', `${day} 批准延长 ${spanLabel(r)}，此前审限已于 ${before.dueOn} 届满，届满后 ${daysBetween(before.dueOn, day)}天才批准`);
    }
  });

  for (const r of f.requests) {
    if (r.late) add('late_request', `${r.requestedOn} 申请延长 ${spanLabel(r)}，晚于规定的申请期限（逾期申请）`);
  }

  const limitDays = daysBetween(f.filedOn, now.statutoryDueOn!);
  if (now.deductedDays > limitDays) {
    add('deductions_exceed_limit', `扣除期间合计 ${now.deductedDays}天，超过法定审限 ${now.limit}（${limitDays}天）`);
  }
  return { deadline: now, findings: out };
}

/** Days since the latest record, for the cold-case list: `lastAt` is an ISO timestamp, cut to its date. */
export function idleDays(lastAt: string, today: IsoDate): number {
  return daysBetween(lastAt.slice(0, 10), today);
}
