// The reports domain's call: the printed 周通报 (weekly bulletin) or 月度分析 (monthly analysis) as PDF or .xlsx, for the reader's case scope.
import { z } from 'zod';
import { defineCalls, returns } from '../api/define';
import { isoDate } from '../api/fields';

export const REPORT_KINDS = ['weekly', 'monthly'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];
export const REPORT_FORMATS = ['pdf', 'xlsx'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
export const REPORT_TITLES: Record<ReportKind, string> = { weekly: '审判质效周通报', monthly: '审判质效月度分析' };

export const reportArgs = z
  .object({
    kind: z.enum(REPORT_KINDS, { error: '报表种类应为 weekly（周通报）或 monthly（月度分析）' }),
    /** Any day of the week (Monday to Sunday) or of the month the report covers. */
    date: isoDate,
    format: z.enum(REPORT_FORMATS, { error: '报表格式应为 pdf 或 xlsx' }),
  })
  .strict();
export type ReportArgs = z.infer<typeof reportArgs>;

export interface ReportFile {
  /** The download's name: 审判质效周通报-2026-11-23至2026-11-29.pdf. */
  fileName: string;
  /** The period covered. */
  from: string;
  to: string;
  bytes: number;
  base64: string;
}

export const reportsApi = defineCalls({
  // A reading job on its own connection (kind 'report'), so the window keeps answering while it runs.
  'reports.build': { args: reportArgs, access: 'indicators.view', result: returns<ReportFile>() },
});
