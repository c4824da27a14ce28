// 周通报's figures, pure: the week of a date (Monday to Sunday), the week before, and the bulletin's table — each
// division or judge in name order, then 全院 and the groups' median — with the change from last week. No rank anywhere.
import { addDays, epochDay, isIsoDate } from '../dates/calendar';
import { INDICATORS, type IndicatorId } from './catalogue';
import type { IndicatorGroup, IndicatorsResult } from './api';
import type { DrillPart } from './parts';
import { change, mainPart, noMedianNote, numberText, rangeBadge, spread, valueOf, type Change, type RangeBadge } from './figures';

/** The weekly key indicators, in the bulletin's column order. */
export const WEEKLY_IDS: readonly IndicatorId[] = ['received', 'resolved', 'clearanceRate', 'onTimeRate', 'avgDuration', 'overduePending', 'longPending12'];

/** Short column heads: the catalogue's names without a trailing 案件数 (结案数 → 结案), which the table cannot spare. */
export function columnName(id: IndicatorId): string {
  return INDICATORS[id].name.replace(/案件数$/, '').replace(/^结案数$/, '结案');
}

/** The Monday of the week (Monday to Sunday) holding a date. 1970-01-01 was a Thursday. */
export function weekStart(date: string): string {
  const weekday = (((epochDay(date) + 3) % 7) + 7) % 7; // 0 = Monday … 6 = Sunday
  return addDays(date, -weekday);
}

/** The last full week before today: the Monday of the week before today's week (today's own is not over). */
export function defaultWeek(today: string): string {
  return addDays(weekStart(today), -7);
}

/** Whether the week of this Monday is over by today (its Sunday lies before today): the only weeks a bulletin reports. */
export function weekOver(monday: string, today: string): boolean {
  return monday <= defaultWeek(today);
}

/**
 * The week an address names: its Monday, any date naming the week that holds it; none or a bad one: the default. A
 * week not over yet (this week, a later one) is the last full week, as 下一周 stops there: a bulletin of a week still
 * running would change under its reader.
 */
export function weekOf(week: string | null | undefined, today: string): string {
  return week && isIsoDate(week) && weekOver(weekStart(week), today) ? weekStart(week) : defaultWeek(today);
}

export function weekPeriod(monday: string): { from: string; to: string } {
  return { from: monday, to: addDays(monday, 6) };
}

export function previousWeek(monday: string): string {
  return addDays(monday, -7);
}

export function nextWeek(monday: string): string {
  return addDays(monday, 7);
}

/** The lead line: 2026-11-23（周一）至 2026-11-29（周日）· 按名称排列，不作排名 · 与上周比较. */
export function weekLead(monday: string): string {
  const p = weekPeriod(monday);
  return `${p.from}（周一）至 ${p.to}（周日）· 按名称排列，不作排名 · 与上周比较`;
}

/** The whole scope's row: 全院 for the court, 本部门 for a division head's own division; 合计 with filters or a judge's own. */
export function totalName(scope: string): string {
  return scope === '全院案件' ? '全院' : scope === '本部门案件' ? '本部门' : '合计';
}

export interface WeeklyCell {
  id: IndicatorId;
  value: number | null;
  text: string;
  /** Against the reasonable range as compute flagged it; the median row has none. */
  badge: RangeBadge | null;
  change: Change;
  /** The part a click opens; null for the median (no cases behind it) or an indicator with none. */
  part: DrillPart | null;
}

export interface WeeklyRow {
  kind: 'group' | 'total' | 'median';
  /** The division's or judge's name; 全院 (or the reader's scope) / 中位数. */
  name: string;
  cells: WeeklyCell[];
}

const collator = new Intl.Collator('zh-CN-u-co-pinyin');

/** Names in pinyin order, the order a printed bulletin lists them (never by a figure). */
export function byName<T extends { name: string }>(xs: readonly T[]): T[] {
  return [...xs].sort((a, b) => collator.compare(a.name, b.name));
}

function cell(id: IndicatorId, value: number | null, before: number | null, badge: RangeBadge | null, part: DrillPart | null): WeeklyCell {
  return { id, value, text: numberText(id, value), badge, change: change(id, value, before), part };
}

/**
 * The bulletin's rows: each group of this week in name order, then the total (named totalName), then the groups'
 * median. A group absent last week, or a value without a denominator, has no change (—).
 */
export function weeklyRows(week: IndicatorsResult, last: IndicatorsResult | null, totalName: string): WeeklyRow[] {
  const groups = byName(week.groups ?? []);
  const lastOf = new Map<string, IndicatorGroup>((last?.groups ?? []).map((g) => [g.name, g]));
  const rows: WeeklyRow[] = groups.map((g) => {
    const before = lastOf.get(g.name);
    return { kind: 'group', name: g.name, cells: WEEKLY_IDS.map((id) => cell(id, valueOf(id, g.values), before ? valueOf(id, before.values) : null, rangeBadge(id, g.values), mainPart(id))) };
  });
  rows.push({
    kind: 'total',
    name: totalName,
    cells: WEEKLY_IDS.map((id) => cell(id, valueOf(id, week.total), last ? valueOf(id, last.total) : null, rangeBadge(id, week.total), mainPart(id))),
  });
  rows.push({
    kind: 'median',
    name: '中位数',
    cells: WEEKLY_IDS.map((id) => {
      const now = spread(groups.map((g) => valueOf(id, g.values)));
      const before = last?.groups?.length ? spread(last.groups.map((g) => valueOf(id, g.values))).median : null;
      return cell(id, now.median, before, null, null);
    }),
  });
  return rows;
}

/**
 * The note under a bulletin's table whose median row is all — because its scope holds fewer than two groups with a
 * value (a division head's one division); null when the median stands or there is no group at all.
 */
export function weeklyMedianNote(rows: readonly WeeklyRow[], who: string): string | null {
  const median = rows.find((r) => r.kind === 'median');
  return rows.some((r) => r.kind === 'group') && median && median.cells.every((c) => c.value === null) ? noMedianNote(who) : null;
}
