// 延审原因分析: the arguments and answer of extensions.study, and the list filter behind each of its figures (reason,
// division, judge, outcome, period), shared by the core's SQL, the window's links and the command line.
import { z } from 'zod';
import { isoDate } from '../api/fields';
import { EXTENSION_REASONS, type ExtensionReason } from './rules';

/** Imported requests carry a free reason text and no code: counted in a bucket of their own so that none is hidden. */
export const IMPORTED_REASON = 'imported';
export const IMPORTED_REASON_LABEL = '未分类（导入）';
export type StudyReasonKey = ExtensionReason | typeof IMPORTED_REASON;
export const STUDY_REASON_KEYS: readonly StudyReasonKey[] = [...EXTENSION_REASONS, IMPORTED_REASON];
export const studyReasonLabel = (k: StudyReasonKey): string => (k === IMPORTED_REASON ? IMPORTED_REASON_LABEL : k);

/**
 * Where a request ends up, each request in exactly one: approved as asked, approved for less, rejected, waiting at this
 * court (opinion, decision or to be sent up), or waiting for the higher court's answer. 'decided' is the first three.
 */
export const STUDY_OUTCOMES = ['approved', 'shorter', 'rejected', 'waiting', 'higher_court', 'decided'] as const;
export type StudyOutcome = (typeof STUDY_OUTCOMES)[number];
export const OUTCOME_LABELS: Record<StudyOutcome, string> = {
  approved: '批准', shorter: '缩短期限批准', rejected: '不予批准', waiting: '审批中', higher_court: '已报上级法院', decided: '已审批',
};

/** The longest period studied: ten years of months still read on one chart. */
export const STUDY_MAX_MONTHS = 120;

const id = z.number().int().positive();

/** The filter a figure's click carries to the list (extensions.list): every key optional, all of them ANDed. */
export const extensionFilterShape = {
  from: isoDate.optional(),
  to: isoDate.optional(),
  reason: z.enum(STUDY_REASON_KEYS as [StudyReasonKey, ...StudyReasonKey[]], { message: `延长理由应为 ${EXTENSION_REASONS.join('、')} 或 ${IMPORTED_REASON}` }).optional(),
  divisionId: id.optional(),
  judgeId: id.optional(),
  outcome: z.enum(STUDY_OUTCOMES, { message: '审批结果无效' }).optional(),
  late: z.boolean().optional(),
};
export interface ExtensionFilter {
  from?: string;
  to?: string;
  reason?: StudyReasonKey;
  divisionId?: number;
  judgeId?: number;
  outcome?: StudyOutcome;
  late?: boolean;
}

/** Without a period: this year to date (the core knows "today"). */
export const studyArgs = z.object({
  from: isoDate.optional(),
  to: isoDate.optional(),
  divisionId: id.optional(),
  judgeId: id.optional(),
}).strict();

/** A rate as the indicators show it: the percentage to one decimal (null when nothing was decided) and its terms. */
export interface StudyRate {
  value: number | null;
  numerator: number;
  denominator: number;
}

export interface StudyCounts {
  requests: number;
  approved: number;
  shorter: number;
  rejected: number;
  waiting: number;
  higherCourt: number;
  /** 逾期申请: asked later than the rules allow. */
  late: number;
  /** Approved (as asked or shorter) of those decided. */
  approvalRate: StudyRate;
}

export interface StudyReasonRow extends StudyCounts {
  reason: StudyReasonKey;
  label: string;
}
export interface StudyDivisionRow extends StudyCounts {
  divisionId: number;
  division: string;
}
export interface StudyJudgeRow extends StudyCounts {
  judgeId: number;
  judge: string;
  division: string;
}
export interface StudyMonth {
  /** YYYY-MM, and the part of it inside the period. */
  month: string;
  from: string;
  to: string;
  requests: number;
  byReason: Record<StudyReasonKey, number>;
  approvalRate: StudyRate;
}

/** No rank numbers anywhere: divisions and judges come in name order (the SPC forbids ranking courts and judges). */
export interface ExtensionStudy {
  from: string;
  to: string;
  divisionId: number | null;
  judgeId: number | null;
  total: StudyCounts;
  byReason: StudyReasonRow[];
  byDivision: StudyDivisionRow[];
  byJudge: StudyJudgeRow[];
  months: StudyMonth[];
}

/** Percent to one decimal; null when the denominator is 0 (shown as —). */
export function studyRate(numerator: number, denominator: number): StudyRate {
  return { value: denominator === 0 ? null : Math.round((numerator * 1000) / denominator) / 10, numerator, denominator };
}

/** The months a period touches, each with the part of it inside the period. */
export function periodMonths(from: string, to: string): Array<{ month: string; from: string; to: string }> {
  const out: Array<{ month: string; from: string; to: string }> = [];
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  const endKey = to.slice(0, 7);
  for (let guard = 0; guard <= STUDY_MAX_MONTHS + 1; guard++) {
    const month = `${y}-${String(m).padStart(2, '0')}`;
    const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
    const start = `${month}-01`;
    const end = `${month}-${String(last).padStart(2, '0')}`;
    out.push({ month, from: start < from ? from : start, to: end > to ? to : end });
    if (month >= endKey) break;
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return out;
}
