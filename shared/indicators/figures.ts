// 质效指标's figures in words, pure: the indicators in groups, each value as text, what a click on it opens, the
// groups' median and range, and today's change from yesterday. No rank anywhere (不得通报排名).
import { INDICATORS, type IndicatorId } from './catalogue';
import { median } from './formulas';
import type { IndicatorValues } from './formulas';
import { INDICATOR_PARTS, type DrillPart } from './parts';
import { isWorseSide, rangePhrase, rangeText, STATUS_MARKS, type RangeFlag } from './ranges';
import type { FlaggedValues } from './api';

/** The catalogue in the groups the page shows (收结存 first, then 效率, 质量, 效果), each in the catalogue's order. */
export const INDICATOR_GROUPS: ReadonlyArray<{ title: string; ids: readonly IndicatorId[] }> = [
  { title: '收结存', ids: ['received', 'carriedOver', 'resolved', 'pending', 'resolvedPerJudge'] },
  {
    title: '效率',
    ids: ['clearanceRate', 'dispositionRate', 'onTimeRate', 'normalOnTimeRate', 'extensionRate', 'avgDuration', 'dispositionTime', 'overduePending', 'longPending12', 'longPending18', 'longPending36', 'longPending12Ratio', 'pendingAge'],
  },
  { title: '质量', ids: ['appealRate', 'reversalRate', 'acceptanceRate', 'caseItemRatio', 'reviewRate', 'precedentRate'] },
  { title: '效果', ids: ['mediationRate', 'withdrawalRate', 'settlementRate', 'preMediationRate', 'advanceMediationRate', 'enforcementRecoveryRate', 'enforcementCompletionRate'] },
];

const int = (n: number) => n.toLocaleString('zh-CN');
const yuan = (n: number) => n.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** An indicator's single number (for bars, medians, changes): null where there is none (a ratio without a denominator). */
export function valueOf(id: IndicatorId, v: IndicatorValues): number | null {
  return v[id].value;
}

/** A number as this indicator shows it: 12, 95.3%, 67.5 天, 1 : 1.24, 8.5; "—" for none. */
export function numberText(id: IndicatorId, n: number | null): string {
  if (n === null) return '—';
  switch (INDICATORS[id].kind) {
    case 'count':
    case 'distribution':
      return int(n);
    case 'ratio':
      return `${n.toFixed(1)}%`;
    case 'days':
      return `${n.toFixed(1)} 天`;
    case 'ratioPair':
      return `1 : ${n.toFixed(2)}`;
    case 'perJudge':
      return n.toFixed(1);
  }
}

export function valueText(id: IndicatorId, v: IndicatorValues): string {
  return numberText(id, valueOf(id, v));
}

/** A part beside the value, with its number and whether a click opens its cases. */
export interface PartFigure {
  part: DrillPart;
  /** 分子 / 分母 / 结案 / 件 …: a few words. */
  label: string;
  text: string;
  /** The part lists cases (an amount in yuan opens the cases it sums, a number of judges opens nothing). */
  opens: boolean;
}

/** What stands beside an indicator's value: its numerator and denominator, or its buckets, each its own figure. */
export function partFigures(id: IndicatorId, v: IndicatorValues): PartFigure[] {
  const parts = INDICATOR_PARTS[id];
  const has = (p: DrillPart) => parts[p] !== undefined;
  switch (id) {
    case 'pendingAge':
      return Object.entries(v.pendingAge.buckets).map(([b, n]) => ({ part: b as DrillPart, label: `${b}个月`, text: int(n), opens: true }));
    case 'avgDuration':
      return [
        { part: 'numerator', label: '天数合计', text: int(v.avgDuration.numerator), opens: false },
        { part: 'denominator', label: '结案', text: int(v.avgDuration.denominator), opens: true },
        { part: 'count', label: '中位数', text: numberText(id, v.avgDuration.median), opens: false },
        { part: 'count', label: '第90百分位', text: v.avgDuration.p90 === null ? '—' : `${v.avgDuration.p90} 天`, opens: false },
      ];
    case 'dispositionTime':
      return [
        { part: 'numerator', label: '期末未结', text: int(v.dispositionTime.numerator), opens: true },
        { part: 'denominator', label: '结案', text: int(v.dispositionTime.denominator), opens: true },
      ];
    case 'caseItemRatio':
      return [
        { part: 'numerator', label: '件', text: int(v.caseItemRatio.numerator), opens: true },
        { part: 'denominator', label: '案', text: int(v.caseItemRatio.denominator), opens: true },
      ];
    case 'enforcementRecoveryRate':
      return [
        { part: 'numerator', label: '到位（元）', text: yuan(v.enforcementRecoveryRate.numerator), opens: true },
        { part: 'denominator', label: '申请（元）', text: yuan(v.enforcementRecoveryRate.denominator), opens: true },
      ];
    case 'resolvedPerJudge':
      return [
        { part: 'numerator', label: '结案', text: int(v.resolvedPerJudge.numerator), opens: true },
        { part: 'denominator', label: '法官', text: int(v.resolvedPerJudge.denominator), opens: false },
      ];
    case 'received':
      return [{ part: 'count', label: '不含先行调解成功', text: int(v.received.withoutAdvanceSettled), opens: false }];
    default: {
      const r = v[id] as { numerator?: number; denominator?: number };
      if (r.numerator === undefined || r.denominator === undefined) return [];
      return [
        { part: 'numerator', label: '分子', text: int(r.numerator), opens: has('numerator') },
        { part: 'denominator', label: '分母', text: int(r.denominator), opens: has('denominator') },
      ];
    }
  }
}

/** The part a click on the value itself (or on a bar) opens: the cases counted, else the numerator, else the denominator. */
export function mainPart(id: IndicatorId): DrillPart | null {
  const parts = INDICATOR_PARTS[id];
  if (parts.count) return 'count';
  if (parts.numerator && id !== 'enforcementRecoveryRate') return 'numerator';
  return parts.denominator ? 'denominator' : null;
}

/** Fewer groups with a value than this have no median: a division head's one division is its own median, which compares nothing. */
export const MEDIAN_MIN_GROUPS = 2;

/**
 * The groups' median and range of one indicator, over the groups that have a value. The formulas' median is exact on
 * whole numbers only (day counts); ratios carry decimals, so an even count's mean of the middle two is rounded here.
 * With fewer than MEDIAN_MIN_GROUPS values the median is null (shown —): the divisions outside a division head's
 * scope are not his data, and a median of his one division would only repeat his own figure.
 */
export function spread(values: ReadonlyArray<number | null>): { median: number | null; min: number | null; max: number | null; n: number } {
  const xs = values.filter((x): x is number => x !== null).sort((a, b) => a - b);
  const n = xs.length;
  const mid = n >> 1;
  const med = n < MEDIAN_MIN_GROUPS ? null : xs.every(Number.isInteger) ? median(xs) : n % 2 ? xs[mid] : Math.round(((xs[mid - 1] + xs[mid]) / 2) * 100) / 100;
  return { median: med, min: n ? xs[0] : null, max: n ? xs[n - 1] : null, n };
}

/** Where a value stands against the median, in words: 高于中位数 2.1 / 低于中位数 3 / 等于中位数. */
export function againstMedian(id: IndicatorId, value: number | null, med: number | null): string {
  if (value === null || med === null) return '—';
  const d = Math.round((value - med) * 100) / 100;
  if (d === 0) return '等于中位数';
  const unit = INDICATORS[id].kind === 'ratio' ? ' 个百分点' : INDICATORS[id].kind === 'days' ? ' 天' : '';
  const mag = INDICATORS[id].kind === 'count' || INDICATORS[id].kind === 'distribution' ? int(Math.abs(d)) : Math.abs(d).toFixed(INDICATORS[id].kind === 'ratioPair' ? 2 : 1);
  return `${d > 0 ? '高于' : '低于'}中位数 ${mag}${unit}`;
}

export interface Change {
  /** ↑ ↓ or = ; '' when either day has no value. */
  arrow: '↑' | '↓' | '=' | '';
  text: string;
  /** Better or worse by the indicator's better direction; null for plain workload counts or no change. */
  better: boolean | null;
}

/** Today against yesterday: the arrow, the difference in the indicator's unit, and whether that is better. */
export function change(id: IndicatorId, today: number | null, yesterday: number | null): Change {
  if (today === null || yesterday === null) return { arrow: '', text: '—', better: null };
  const d = Math.round((today - yesterday) * 100) / 100;
  if (d === 0) return { arrow: '=', text: '持平', better: null };
  const dir = INDICATORS[id].better;
  const kind = INDICATORS[id].kind;
  const mag = kind === 'count' || kind === 'distribution' ? int(Math.abs(d)) : Math.abs(d).toFixed(kind === 'ratioPair' ? 2 : 1);
  const unit = kind === 'ratio' ? ' 个百分点' : kind === 'days' ? ' 天' : '';
  return { arrow: d > 0 ? '↑' : '↓', text: `${d > 0 ? '+' : '−'}${mag}${unit}`, better: dir === 'none' ? null : (d > 0) === (dir === 'higher') };
}

/** An indicator's standing against its reasonable range, as compute flagged it; null when it has no range. */
export interface RangeBadge {
  /** ▼ 低于区间, ▲ 高于区间, or 区间内. */
  mark: string;
  /** 低于合理区间下限 95.0%（越高越好）, or the range itself when inside. */
  phrase: string;
  /** Out of range on the worse side (red); out on the better side or inside is not alarming. */
  worse: boolean;
  outside: boolean;
}

export function rangeBadge(id: IndicatorId, values: IndicatorValues | FlaggedValues): RangeBadge | null {
  const flag = values[id] as Partial<RangeFlag>;
  if (!flag.range || !flag.status || flag.status === 'none') return null;
  const def = INDICATORS[id];
  if (flag.status === 'inside') return { mark: '区间内', phrase: `合理区间 ${rangeText(def, flag.range)}`, worse: false, outside: false };
  return { mark: STATUS_MARKS[flag.status], phrase: rangePhrase(def, flag.range, flag.status), worse: isWorseSide(def, flag.status), outside: true };
}

/** The note said where a table's or chart's median is missing for want of groups (who: 部门 / 法官). */
export function noMedianNote(who: string): string {
  return `本范围内有数值的${who}不足 ${MEDIAN_MIN_GROUPS} 个，不计算各${who}中位数（记为“—”）：只有一个${who}时，中位数就是它本身，无从比较；其他${who}的数据不在本范围内。`;
}
