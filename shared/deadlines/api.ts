// The deadlines domain's calls: the counts of the 审限预警 board, and the shape of one case's time limit.
import { defineCalls, returns } from '../api/define';
import { empty } from '../api/fields';
import type { DeadlineStatus } from './engine';

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

export const deadlinesApi = defineCalls({
  'deadlines.summary': { args: empty, access: 'cases.view', result: returns<DeadlineSummary>() },
});
