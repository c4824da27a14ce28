// The ledger projection's call: ledger.project, the what-if of the 脱薄 ledger beside the baseline, with the inputs it used and the model in words.
import { z } from 'zod';
import { defineCalls, returns } from '../api/define';
import { isoDate } from '../api/fields';
import { DEFAULT_MONTHS, MAX_MONTHS, type Assumptions, type ProjectedMonth, type ProjectionRates } from './projection';

/** The four indicators the projection follows, in the order the screen shows them. */
export const PROJECTED_IDS = ['pending', 'longPending12Ratio', 'clearanceRate', 'onTimeRate'] as const;
export type ProjectedId = (typeof PROJECTED_IDS)[number];
export const PROJECTED_LABELS: Record<ProjectedId, string> = {
  pending: '未结案件数',
  longPending12Ratio: '超12个月未结案件比',
  clearanceRate: '结收比',
  onTimeRate: '法定审限内结案率',
};

/** Beyond these, a what-if stops being a plan: a court of 1M cases closes about 8,000 a month. */
export const MAX_CLOSE_MORE = 100_000;
export const MAX_CLEAR_OLDEST = 10_000_000;
export const MAX_JUDGES_DELTA = 1000;

const int = (label: string, min: number, max: number) =>
  z.number({ error: `${label}应为整数` }).int(`${label}应为整数`).min(min, `${label}不能小于 ${min}`).max(max, `${label}不能大于 ${max}`);

export const ledgerProjectArgs = z
  .object({
    months: int('预测月数', 1, MAX_MONTHS).default(DEFAULT_MONTHS),
    closeMore: int('每月多结案件数', 0, MAX_CLOSE_MORE).default(0),
    clearOldest: int('清理最久未结案件数', 0, MAX_CLEAR_OLDEST).default(0),
    by: isoDate.optional(),
    judgesDelta: int('增减法官人数', -MAX_JUDGES_DELTA, MAX_JUDGES_DELTA).default(0),
    /** The day the projection looks from (default today): it starts at the last month end on or before it. */
    asOf: isoDate.optional(),
  })
  .strict()
  .superRefine((a, ctx) => {
    if (typeof a.clearOldest === 'number' && a.clearOldest > 0 && a.by === undefined) {
      ctx.addIssue({ code: 'custom', path: ['by'], message: '清理最久未结案件需要填写完成日期' });
    }
    if (typeof a.asOf === 'string' && a.asOf < '1900-01-01') ctx.addIssue({ code: 'custom', path: ['asOf'], message: `预测起点 ${a.asOf} 早于 1900 年，没有可用的数据` });
  });
export type LedgerProjectArgs = z.input<typeof ledgerProjectArgs>;

/** A line the chart draws across an indicator: a weak point's target with its date, or the reasonable range's bound. */
export interface ProjectionTarget {
  indicator: ProjectedId;
  value: number;
  /** 目标 (a weak point's, with its date) or 合理区间下限 / 合理区间上限. */
  kind: 'target' | 'low' | 'high';
  dueOn: string | null;
  label: string;
}

export interface LedgerProjectionResult {
  asOf: string;
  /** The month end the projection starts from. */
  start: string;
  /** 全院案件 or 本部门案件: a division head sees his division's projection. */
  scope: string;
  assumptions: Assumptions;
  rates: ProjectionRates;
  /** Without any assumption. */
  baseline: ProjectedMonth[];
  /** With the assumptions asked for. */
  months: ProjectedMonth[];
  targets: ProjectionTarget[];
  statement: readonly string[];
}

export const ledgerProjectionApi = defineCalls({
  'ledger.project': { args: ledgerProjectArgs, access: 'ledger.view', result: returns<LedgerProjectionResult>() },
});
