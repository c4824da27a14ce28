// "Did it move?": one indicator's monthly figures before and after a weak point's first measure began, pooled and compared in the indicator's better direction, with the Chinese sentence. Pure.
import { INDICATORS, type IndicatorId, type IndicatorKind } from '../indicators/catalogue';
import { shiftMonth } from '../indicators/months';

/** One month's figure of the whole court, as the indicator engine gives it (a ratio's value in percent, 3.4 for 3.4 %). */
export interface MonthFigure {
  /** YYYY-MM */
  month: string;
  value: number | null;
  /** For ratios (and 案-件比, 平均审理天数 …); null for counts. */
  numerator: number | null;
  denominator: number | null;
  /** The current month, not yet over (截至今日): never pooled. */
  partial: boolean;
}

export type VerdictKind = 'better' | 'unchanged' | 'worse' | 'unknown';
export const VERDICT_LABELS: Record<VerdictKind, string> = { better: '改善', unchanged: '基本持平', worse: '变差', unknown: '无法判断' };

export interface Verdict {
  kind: VerdictKind;
  label: string;
  /** The pooled figures, rounded as printed (percent for ratios); null when that side has no data. */
  before: number | null;
  after: number | null;
  /** How much better (positive) or worse (negative), in the printed unit; null when unknown. */
  improvement: number | null;
  /** The months pooled on each side (YYYY-MM, oldest first). */
  beforeMonths: string[];
  afterMonths: string[];
  /** "较措施实施前改善 1.2 个百分点（3.4% → 2.2%）" */
  sentence: string;
}

/** How many complete months before the start month are pooled as "before". */
export const BEFORE_MONTHS = 6;

/**
 * Within these the indicator is said unchanged (both ends included): ratios within 0.5 percentage points, 案-件比
 * within 0.02, days within 2 days; counts and per-judge figures within 5 % of the before figure (so 0 → 0 is unchanged
 * and 0 → 1 is not). Smaller moves are within a month's noise in a court of a few thousand cases.
 */
export const THRESHOLDS = { ratio: 0.5, ratioPair: 0.02, days: 2, relative: 0.05 } as const;

/** Pooled by Σ numerator ÷ Σ denominator: a month with many cases weighs more than a quiet one. */
const POOLED: readonly IndicatorKind[] = ['ratio', 'ratioPair'];

const digits = (kind: IndicatorKind): number => (kind === 'ratioPair' ? 2 : 1);
const round = (x: number, d: number): number => Math.round(x * 10 ** d) / 10 ** d;

/**
 * The pooled figure of some months: ratios and 案-件比 Σ numerator ÷ Σ denominator (× 100 for a ratio); every other
 * kind (counts at month end, days, per judge) the mean of the months that have a value. Null without data.
 */
export function pool(id: IndicatorId, months: readonly MonthFigure[]): number | null {
  const kind = INDICATORS[id].kind;
  if (POOLED.includes(kind)) {
    let num = 0;
    let den = 0;
    for (const m of months) {
      if (m.numerator === null || m.denominator === null || m.denominator === 0) continue;
      num += m.numerator;
      den += m.denominator;
    }
    if (den === 0) return null;
    return round((num / den) * (kind === 'ratio' ? 100 : 1), digits(kind));
  }
  const values = months.map((m) => m.value).filter((v): v is number => v !== null);
  if (!values.length) return null;
  return round(values.reduce((a, b) => a + b, 0) / values.length, digits(kind));
}

/** A figure as the sentence prints it: "3.4%", "1 : 1.25", "45.2 天", "月均 25.0 件". */
export function figureText(id: IndicatorId, v: number): string {
  const kind = INDICATORS[id].kind;
  if (kind === 'ratio') return `${v.toFixed(1)}%`;
  if (kind === 'ratioPair') return `1 : ${v.toFixed(2)}`;
  if (kind === 'days') return `${v.toFixed(1)} 天`;
  return `月均 ${v.toFixed(1)} 件`;
}

function amountText(id: IndicatorId, d: number): string {
  const kind = INDICATORS[id].kind;
  if (kind === 'ratio') return `${d.toFixed(1)} 个百分点`;
  if (kind === 'ratioPair') return d.toFixed(2);
  if (kind === 'days') return `${d.toFixed(1)} 天`;
  return `${d.toFixed(1)} 件`;
}

function within(id: IndicatorId, before: number, after: number): boolean {
  const kind = INDICATORS[id].kind;
  const d = Math.abs(after - before);
  // A hair over the threshold through float subtraction of rounded figures still counts as within.
  const eps = 1e-9;
  if (kind === 'ratio') return d <= THRESHOLDS.ratio + eps;
  if (kind === 'ratioPair') return d <= THRESHOLDS.ratioPair + eps;
  if (kind === 'days') return d <= THRESHOLDS.days + eps;
  return d <= Math.abs(before) * THRESHOLDS.relative + eps;
}

function thresholdText(id: IndicatorId): string {
  const kind = INDICATORS[id].kind;
  if (kind === 'ratio') return `${THRESHOLDS.ratio} 个百分点`;
  if (kind === 'ratioPair') return `${THRESHOLDS.ratioPair}`;
  if (kind === 'days') return `${THRESHOLDS.days} 天`;
  return `${THRESHOLDS.relative * 100}%`;
}

/**
 * The verdict for one indicator: before = the complete months among the BEFORE_MONTHS before startMonth, after = the
 * complete months from startMonth on (the month the first measure began counts as after: the work had started; the
 * current, partial month never counts). startMonth null: no measure has begun.
 */
export function verdict(id: IndicatorId, months: readonly MonthFigure[], startMonth: string | null): Verdict {
  const def = INDICATORS[id];
  const unknown = (reason: string, before: number | null = null, after: number | null = null, bm: string[] = [], am: string[] = []): Verdict => ({
    kind: 'unknown', label: VERDICT_LABELS.unknown, before, after, improvement: null, beforeMonths: bm, afterMonths: am, sentence: `无法判断：${reason}`,
  });
  if (startMonth === null) return unknown('尚无已开始实施的整改措施');
  const first = shiftMonth(startMonth, -BEFORE_MONTHS);
  const beforeSide = months.filter((m) => !m.partial && m.month >= first && m.month < startMonth);
  const afterSide = months.filter((m) => !m.partial && m.month >= startMonth);
  const before = pool(id, beforeSide);
  const after = pool(id, afterSide);
  const bm = beforeSide.map((m) => m.month);
  const am = afterSide.map((m) => m.month);
  if (before === null) return unknown('措施实施前的 6 个月没有可计算的数据', before, after, bm, am);
  if (after === null) return unknown(afterSide.length ? '措施实施后的完整月份没有可计算的数据' : '措施实施后尚无完整的月份', before, after, bm, am);
  const pair = `${figureText(id, before)} → ${figureText(id, after)}`;
  const base = { before, after, beforeMonths: bm, afterMonths: am };
  if (within(id, before, after)) {
    return { ...base, kind: 'unchanged', label: VERDICT_LABELS.unchanged, improvement: 0, sentence: `与措施实施前基本持平（${pair}，变化不超过 ${thresholdText(id)}）` };
  }
  const improvement = round(def.better === 'lower' ? before - after : after - before, digits(def.kind));
  const kind: VerdictKind = improvement > 0 ? 'better' : 'worse';
  return { ...base, kind, label: VERDICT_LABELS[kind], improvement, sentence: `较措施实施前${VERDICT_LABELS[kind]} ${amountText(id, Math.abs(improvement))}（${pair}）` };
}
