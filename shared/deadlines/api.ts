// The deadlines domain's calls: the counts of the 审限预警 board, and the shape of one case's time limit.
import { z } from 'zod';
import { defineCalls, returns } from '../api/define';
import { empty } from '../api/fields';
import type { DeadlineStatus } from './engine';
import type { AlertThresholds, HiddenFinding } from './hiddenOverdue';

export interface DeadlineView {
  limit: string | null;
  ruleLabel: string | null;
  basis: string | null;
  statutoryDueOn: string | null;
  deductedDays: number;
  extension: string | null;
  dueOn: string | null;
  daysRemaining: number | null;
  status: DeadlineStatus;
  steps: string[];
}

export interface DeadlineSummary {
  today: string;
  open: number;
  overdue: number;
  /** 中止 not yet resumed. */
  suspended: number;
  /** Another open deducted period (鉴定, 审计, 评估, 拍卖 …) stops the clock. */
  paused: number;
  /** Every stopped clock: suspended and paused. */
  stopped: number;
  dueWithin7: number;
  dueWithin15: number;
  dueWithin30: number;
  /** Open cases in 先行调解, and those whose mediation period ends within MEDIATION_WARN_DAYS or has ended. */
  mediating: number;
  mediationDue: number;
}

/** One case of an alert list: its number opens the case; days remaining as the time-limit engine counts them today. */
export interface AlertCaseRow {
  caseNumber: string;
  division: string;
  judge: string;
  filedOn: string;
  dueOn: string | null;
  daysRemaining: number | null;
  status: DeadlineStatus;
  /** 隐性超审限: what was found, in Chinese. */
  findings: HiddenFinding[];
  /** 长期未动: the date of the latest record and the days since. */
  lastRecordedOn: string | null;
  idleDays: number | null;
}

export interface AlertList {
  today: string;
  thresholds: AlertThresholds;
  /** All the cases found; rows holds at most ALERT_ROWS_MAX of them, the most urgent first. */
  total: number;
  rows: AlertCaseRow[];
}

export const ALERT_ROWS_MAX = 500;
const thresholdDays = z.number().int('天数应为整数').min(1, '天数至少为 1').max(3650, '天数最多 3650');

export const deadlinesApi = defineCalls({
  'deadlines.summary': { args: empty, access: 'cases.view', result: returns<DeadlineSummary>() },
  /** Without openPeriodDays: the court's setting (alerts.openPeriodDays, default 60). */
  'deadlines.hidden': { args: z.object({ openPeriodDays: thresholdDays.optional() }).strict(), access: 'cases.view', result: returns<AlertList>() },
  /** Without days: the court's setting (alerts.coldDays, default 30). */
  'deadlines.cold': { args: z.object({ days: thresholdDays.optional() }).strict(), access: 'cases.view', result: returns<AlertList>() },
});
