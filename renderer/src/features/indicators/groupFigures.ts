// The page of one division or judge, pure: who may open it, its period and trend months, its key indicators beside
// the court's value and the groups' median, and its due-soon and overdue case lists. No rank anywhere.
import { INDICATORS, type IndicatorId } from '../../../../shared/indicators/catalogue';
import type { IndicatorValues } from '../../../../shared/indicators/formulas';
import type { FlaggedValues } from '../../../../shared/indicators/api';
import type { CaseScope } from '../../../../shared/accounts/roles';
import { rangeText, type IndicatorRange } from '../../../../shared/indicators/ranges';
import { presetPeriod } from '../../lib/period';
import { DEFAULT_FILTERS, type CaseFilters } from '../cases/filters';
import { againstMedian, numberText, rangeBadge, spread, valueOf, valueText, type RangeBadge } from '../../../../shared/indicators/figures';
import { monthOf, monthPeriod, trendMonths, type Period } from '../../../../shared/indicators/months';
import type { IndicatorGroupRoute } from './routes';

/** The page's key indicators, in this order: the workload, then efficiency, quality and effect. */
export const GROUP_PAGE_IDS: readonly IndicatorId[] = [
  'received', 'resolved', 'pending', 'clearanceRate', 'dispositionRate', 'onTimeRate', 'avgDuration', 'overduePending', 'longPending12Ratio', 'settlementRate', 'appealRate', 'reversalRate',
];

/** A division's judges table: fewer columns, so it fits 1024 pixels. */
export const JUDGE_TABLE_IDS: readonly IndicatorId[] = ['received', 'resolved', 'clearanceRate', 'onTimeRate', 'avgDuration', 'overduePending'];

export const KIND_WORDS = { division: '部门', judge: '法官' } as const;

export interface Reader {
  name: string;
  division: string | null;
  scopeKind: CaseScope['kind'];
}

/**
 * Null when the reader may open the page; otherwise the notice shown instead of it. The core scopes every figure to
 * the reader anyway (another judge's page would read all zeros); this says why, instead of showing empty figures.
 * `visibleJudges`: the judges catalog.judges gives this reader (his division's for a head), null while loading.
 */
export function pageNotice(route: Pick<IndicatorGroupRoute, 'kind' | 'who'>, reader: Reader, visibleJudges: readonly string[] | null): string | null {
  if (reader.scopeKind === 'all') return null;
  if (reader.scopeKind === 'none') return '您的账号不能查看质效指标。';
  if (reader.scopeKind === 'own') {
    if (route.kind === 'judge' && route.who === reader.name) return null;
    return route.kind === 'judge' ? `您只能查看本人的指标，不能查看“${route.who}”的页面。` : `您只能查看本人的指标，不能查看部门“${route.who}”的页面。`;
  }
  if (route.kind === 'division') return route.who === reader.division ? null : `您只能查看本部门（${reader.division ?? '未设部门'}）的指标，不能查看部门“${route.who}”的页面。`;
  if (visibleJudges === null || visibleJudges.includes(route.who) || route.who === reader.name) return null;
  return `您只能查看本部门（${reader.division ?? '未设部门'}）法官的指标，“${route.who}”不在本部门。`;
}

/** The reader's own page, offered on 质效指标: a judge's own, a division head's division's; none for the court's readers. */
export function ownPage(reader: Reader): { kind: 'division' | 'judge'; who: string; label: string } | null {
  if (reader.scopeKind === 'own') return { kind: 'judge', who: reader.name, label: '我的指标' };
  if (reader.scopeKind === 'division' && reader.division) return { kind: 'division', who: reader.division, label: `本部门指标（${reader.division}）` };
  return null;
}

/** The route's period: its own when whole and in order, else this month to date. */
export function groupPeriod(route: Pick<IndicatorGroupRoute, 'from' | 'to'>, today: string): Period {
  return route.from && route.to && route.from <= route.to ? { from: route.from, to: route.to } : presetPeriod('month', today);
}

/** The trend's twelve months, ending with the month the period ends in (never after today's), each cut at today. */
export function trendPeriods(to: string, today: string): Array<{ month: string; period: Period }> {
  const end = monthOf(to < today ? to : today);
  return trendMonths(end).map((month) => ({ month, period: monthPeriod(month, today)! }));
}

export interface KeyRow {
  id: IndicatorId;
  name: string;
  /** The group's own value as text, and its standing against the range. */
  text: string;
  badge: RangeBadge | null;
  /** The reasonable range in short (≥ 95.0%), '—' for an indicator without one. */
  range: string;
  /** The reader's whole scope (the court, for the court's readers). */
  court: string;
  /** The median over the groups of the same kind that have a value. */
  median: string;
  against: string;
}

/** The range compute flagged the value against, in short; '—' where the indicator has none. */
export function rangeOf(id: IndicatorId, values: FlaggedValues | IndicatorValues): string {
  const r = (values[id] as { range?: IndicatorRange | null }).range;
  return r && (r.low !== null || r.high !== null) ? rangeText(INDICATORS[id], r) : '—';
}

/** One row per key indicator: the group's value, the whole scope's, the groups' median and where the value stands. */
export function keyRows(group: FlaggedValues | IndicatorValues, court: IndicatorValues, peers: readonly IndicatorValues[], ids: readonly IndicatorId[] = GROUP_PAGE_IDS): KeyRow[] {
  return ids.map((id) => {
    const med = spread(peers.map((p) => valueOf(id, p))).median;
    return {
      id,
      name: INDICATORS[id].name,
      text: valueText(id, group),
      badge: rangeBadge(id, group),
      range: rangeOf(id, group),
      court: valueText(id, court),
      median: numberText(id, med),
      against: againstMedian(id, valueOf(id, group), med),
    };
  });
}

/** The judge's open cases past or near their time limit, as the case list filters them (his own by id). */
export function dueLists(judgeId: number): Array<{ key: 'overdue' | 'due7' | 'due30'; label: string; filters: CaseFilters }> {
  const base: CaseFilters = { ...DEFAULT_FILTERS, judgeId, sort: 'dueOn_asc' };
  return [
    { key: 'overdue', label: '超审限未结', filters: { ...base, status: 'overdue' } },
    { key: 'due7', label: '7日内到期', filters: { ...base, status: 'open', remainingMin: 0, remainingMax: 7 } },
    { key: 'due30', label: '30日内到期', filters: { ...base, status: 'open', remainingMin: 0, remainingMax: 30 } },
  ];
}
