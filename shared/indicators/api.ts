// The indicators domain's calls: every indicator of the spec for a period and a scope, for the court or per group.
import { z } from 'zod';
import { defineCalls, returns } from '../api/define';
import { isoDate } from '../api/fields';
import type { IndicatorValues } from './formulas';
import { INDICATOR_IDS, type IndicatorId } from './catalogue';
import { DRILL_PARTS } from './parts';
import type { CaseListRow } from '../cases/api';
import type { RangeEntry, RangeFlag } from './ranges';

export const GROUP_BY = ['division', 'judge', 'stage', 'procedure', 'cause'] as const;
export type GroupBy = (typeof GROUP_BY)[number];
export const GROUP_BY_LABELS: Record<GroupBy, string> = { division: '部门', judge: '承办法官', stage: '案件类型', procedure: '审判程序', cause: '案由' };

/** The earliest day a period may start on. */
export const EARLIEST_DATE = '1900-01-01';

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
    // A court's data starts no earlier than 1900 (as the reports' and 月分析's dates do); the month rule's cutoffs
    // 36 months before a year-1 date would leave the calendar altogether.
    if (a.from < EARLIEST_DATE) ctx.addIssue({ code: 'custom', path: ['from'], message: `起始日期 ${a.from} 早于 1900 年，没有可统计的数据` });
    else if (a.from > a.to) ctx.addIssue({ code: 'custom', path: ['to'], message: `截止日期 ${a.to} 早于起始日期 ${a.from}` });
    else if ((Date.parse(a.to) - Date.parse(a.from)) / 86_400_000 + 1 > MAX_PERIOD_DAYS) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: `期间最长 ${MAX_PERIOD_DAYS} 天，请缩短起止日期` });
    }
  });
export type IndicatorsComputeArgs = z.infer<typeof indicatorsComputeArgs>;

/** Each indicator's value as computed, with its reasonable range and where the value lies beside it (ranges.ts). */
export type FlaggedValues = { [K in keyof IndicatorValues]: IndicatorValues[K] & RangeFlag };

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

/** indicators.cases: the cases behind one part of one indicator, with compute's period and filters (no grouping). */
const { by: _by, ...periodShape } = indicatorsComputeArgs.shape;
export const indicatorsCasesArgs = z
  .object({
    ...periodShape,
    id: z.enum(INDICATOR_IDS, { error: '没有这个指标' }),
    part: z.enum(DRILL_PARTS, { error: '指标的组成部分应为分子、分母、案件数或一个时长区间' }),
    offset: z.number().int().min(0).max(10_000_000).default(0),
    limit: z.number().int().min(1).max(500).default(100),
  })
  .strict()
  .superRefine((a, ctx) => {
    // The period's own checks, said once in indicatorsComputeArgs.
    const { id: _i, part: _p, offset: _o, limit: _l, ...period } = a;
    const r = indicatorsComputeArgs.safeParse(period);
    if (!r.success) for (const i of r.error.issues) if (i.code === 'custom') ctx.addIssue({ code: 'custom', path: i.path, message: i.message });
  });
export type IndicatorsCasesArgs = z.input<typeof indicatorsCasesArgs>;

export interface IndicatorCasesResult {
  /** In words: "法定审限内结案率 · 分母：已结且有法定审限的案件 · 2026-01-01 至 2026-11-30". */
  title: string;
  scope: string;
  /** Cases of the part the reader may see; this page of them in 立案日期 order, newest first. */
  total: number;
  rows: CaseListRow[];
  offset: number;
  hasMore: boolean;
  /** 件 linked to the reader's 案 but held outside his case scope: counted in the figure, not listed. */
  outOfScope: number;
}

const indicatorId = z.enum(INDICATOR_IDS, { error: '没有这个指标' });
/** A bound: a number, or null for an open end (checked against the indicator's kind by the handler). */
const bound = z.number({ error: '应为数字，或不设（null）' }).finite('应为数字').nullable();
/** A ranges file travels inline as base64: a JSON document or an .xlsx sheet, at most 256 KB. */
export const RANGES_FILE_MAX_BYTES = 256 * 1024;

/** What indicators.compute answers: the result above with each value flagged against its range. */
export interface FlaggedIndicatorsResult extends Omit<IndicatorsResult, 'total' | 'groups'> {
  total: FlaggedValues;
  groups?: Array<{ name: string; values: FlaggedValues }>;
}

export const indicatorsApi = defineCalls({
  'indicators.compute': { args: indicatorsComputeArgs, access: 'indicators.view', result: returns<FlaggedIndicatorsResult>() },
  'indicators.cases': { args: indicatorsCasesArgs, access: 'indicators.view', result: returns<IndicatorCasesResult>() },
  'indicators.ranges': { args: z.object({}).strict(), access: 'indicators.view', result: returns<RangeEntry[]>() },
  'indicators.setRange': {
    args: z.object({ id: indicatorId, low: bound, high: bound }).strict(),
    access: 'indicators.ranges',
    result: returns<RangeEntry>(),
  },
  'indicators.resetRange': { args: z.object({ id: indicatorId }).strict(), access: 'indicators.ranges', result: returns<RangeEntry>() },
  'indicators.importRanges': {
    args: z.object({
      fileName: z.string().trim().min(1, '请选择文件').max(255, '文件名最多 255 个字'),
      base64: z.string().max(Math.ceil(RANGES_FILE_MAX_BYTES / 3) * 4 + 4, '合理区间文件不能超过 256 KB').regex(/^[A-Za-z0-9+/]*={0,2}$/, '文件内容不是 base64 编码'),
    }).strict(),
    access: 'indicators.ranges',
    result: returns<{ imported: IndicatorId[]; court: string | null; issuedOn: string | null; ranges: RangeEntry[] }>(),
  },
});
