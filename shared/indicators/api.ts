// The indicators domain's calls: every indicator of the spec for a period and a scope, for the court or per group.
import { z } from 'zod';
import { defineCalls, returns } from '../api/define';
import { isoDate } from '../api/fields';
import type { IndicatorValues } from './formulas';

export const GROUP_BY = ['division', 'judge', 'stage', 'procedure', 'cause'] as const;
export type GroupBy = (typeof GROUP_BY)[number];
export const GROUP_BY_LABELS: Record<GroupBy, string> = { division: '部门', judge: '承办法官', stage: '案件类型', procedure: '审判程序', cause: '案由' };

/** The longest period one call computes: long enough for any report (ten years), short enough to stay a period. */
export const MAX_PERIOD_DAYS = 3700;

export const indicatorsComputeArgs = z
  .object({
    from: isoDate,
    to: isoDate,
    by: z.enum(GROUP_BY, { error: '分组方式应为 division、judge、stage、procedure 或 cause' }).optional(),
    /** Scope filters within the reader's own case scope: a division or judge by name, a case type (民初), a procedure, a cause. */
    division: z.string().trim().min(1, '请填写部门名称').max(50, '部门名称最多 50 个字').optional(),
    judge: z.string().trim().min(1, '请填写法官姓名').max(20, '法官姓名最多 20 个字').optional(),
    stage: z.string().trim().min(1, '请填写案件类型代字').max(8, '案件类型代字最多 8 个字').optional(),
    procedure: z.enum(['普通程序', '简易程序', '小额诉讼程序', '速裁程序'], { error: '审判程序应为普通程序、简易程序、小额诉讼程序或速裁程序' }).optional(),
    cause: z.string().trim().min(1, '请填写案由').max(100, '案由最多 100 个字').optional(),
  })
  .strict()
  .superRefine((a, ctx) => {
    // Both dates are real days here (isoDate); only their order and distance are left to check.
    if (typeof a.from !== 'string' || typeof a.to !== 'string') return;
    if (a.from > a.to) ctx.addIssue({ code: 'custom', path: ['to'], message: `截止日期 ${a.to} 早于起始日期 ${a.from}` });
    else if ((Date.parse(a.to) - Date.parse(a.from)) / 86_400_000 + 1 > MAX_PERIOD_DAYS) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: `期间最长 ${MAX_PERIOD_DAYS} 天，请缩短起止日期` });
    }
  });
export type IndicatorsComputeArgs = z.infer<typeof indicatorsComputeArgs>;

export interface IndicatorGroup {
  /** The group's name: a division's or judge's name, a case type (民初), a procedure, a cause. */
  name: string;
  values: IndicatorValues;
}

export interface IndicatorsResult {
  from: string;
  to: string;
  /** Whose cases: 全院案件 / 本部门案件 / 本人承办的案件, and the filters asked for. */
  scope: string;
  /** The whole scope's figures. */
  total: IndicatorValues;
  by?: GroupBy;
  /** With `by`: one per group that has any case in the period, in name order (never ranked). */
  groups?: IndicatorGroup[];
}

export const indicatorsApi = defineCalls({
  'indicators.compute': { args: indicatorsComputeArgs, access: 'indicators.view', result: returns<IndicatorsResult>() },
});
