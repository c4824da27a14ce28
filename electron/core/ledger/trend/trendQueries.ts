// ledger.trend: one weak point's targets, its measures and each target indicator's monthly series of the whole court with the verdict.
import type { Database } from 'better-sqlite3';
import { INDICATORS, INDICATOR_IDS, type IndicatorId } from '../../../../shared/indicators/catalogue';
import { monthLabel, monthOf, shiftMonth } from '../../../../shared/indicators/months';
import { FOUND_BY_LABELS, MEASURE_KIND_LABELS, MEASURE_STATUS_LABELS, isTargetIndicator, measureStatus, targetText, type FoundBy, type MeasureKind } from '../../../../shared/ledger/rules';
import type { IndicatorTrend, TrendMeasure, TrendView } from '../../../../shared/ledger/trendApi';
import { BEFORE_MONTHS, verdict } from '../../../../shared/ledger/verdict';
import { CoreError } from '../../kernel/errors';
import { drillOf, figureOf, monthValues } from './monthFigures';

/** At most five years of months on one page: the computing stays well under a second on a large court. */
export const MAX_TREND_MONTHS = 60;

const UNITS = { ratio: '%', days: '天', count: '件', perJudge: '件', ratioPair: '', distribution: '件' } as const;

interface PointRow { id: number; text: string; found_by: FoundBy; found_on: string }
interface TargetRow { indicator: string; target: number; due_on: string }
interface MeasureRow { id: number; kind: MeasureKind; text: string; start_on: string; due_on: string; done_on: string | null }

/** The measure's first characters for a chart marker: short enough to sit beside a line. */
export function shortText(text: string, max = 8): string {
  const chars = [...text.trim()];
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max).join('')}…`;
}

export function ledgerTrend(db: Database, weakPointId: number, today: string): TrendView {
  const point = db.prepare('SELECT id, text, found_by, found_on FROM ledger_weak_points WHERE id = ?').get(weakPointId) as PointRow | undefined;
  if (!point) throw new CoreError('NOT_FOUND', `没有编号为 ${weakPointId} 的薄弱点`);
  const targets = (db.prepare('SELECT indicator, target, due_on FROM ledger_targets WHERE weak_point_id = ?').all(weakPointId) as TargetRow[])
    // A target naming an indicator this program no longer offers is skipped rather than failing the page.
    .filter((t): t is TargetRow & { indicator: IndicatorId } => isTargetIndicator(t.indicator))
    // The catalogue's order, as every indicator table of the program.
    .sort((x, y) => INDICATOR_IDS.indexOf(x.indicator) - INDICATOR_IDS.indexOf(y.indicator));
  const measureRows = db.prepare(`SELECT m.id, m.kind, m.text, m.start_on, m.due_on, m.done_on FROM ledger_measures m
      JOIN ledger_measure_points p ON p.measure_id = m.id WHERE p.weak_point_id = ? ORDER BY m.start_on, m.id`).all(weakPointId) as MeasureRow[];
  const measures: TrendMeasure[] = measureRows.map((m) => ({
    id: m.id, text: m.text, short: shortText(m.text), kindLabel: MEASURE_KIND_LABELS[m.kind], startOn: m.start_on, dueOn: m.due_on, doneOn: m.done_on,
    statusLabel: MEASURE_STATUS_LABELS[measureStatus({ startOn: m.start_on, dueOn: m.due_on, doneOn: m.done_on }, today)],
  }));
  // A measure counts from its start day even when it has not begun yet: the verdict then has no month after it.
  const firstStartOn = measures.length ? measures[0].startOn : null;
  const startMonth = monthOf(firstStartOn ?? point.found_on);
  const toMonth = monthOf(today);
  const earliest = shiftMonth(toMonth, -(MAX_TREND_MONTHS - 1));
  // Six months before the start, or the six months before today when the start lies ahead; never more than five years.
  let fromMonth = shiftMonth(startMonth < toMonth ? startMonth : toMonth, -BEFORE_MONTHS);
  if (fromMonth < earliest) fromMonth = earliest;
  const months = targets.length ? monthValues(db, fromMonth, toMonth, today) : [];
  const indicators: IndicatorTrend[] = targets.map((t) => {
    const id = t.indicator;
    const def = INDICATORS[id];
    const points = months.map((m) => ({
      month: m.month,
      label: m.partial ? `${monthLabel(m.month)}（截至今日）` : monthLabel(m.month),
      from: m.from,
      to: m.to,
      partial: m.partial,
      ...figureOf(id, m.values),
      drill: drillOf(id, m.from, m.to),
    }));
    return {
      indicator: id,
      name: def.name,
      kind: def.kind,
      better: def.better === 'higher' ? 'higher' : 'lower',
      // A ratio's target is kept as a fraction (0.02); the engine's values are percents.
      target: def.kind === 'ratio' ? Math.round(t.target * 100 * 1e6) / 1e6 : t.target,
      targetText: targetText(id, t.target),
      dueOn: t.due_on,
      unit: UNITS[def.kind],
      points,
      verdict: verdict(id, points, firstStartOn === null ? null : startMonth),
    };
  });
  return {
    today,
    weakPoint: { id: point.id, text: point.text, foundByLabel: FOUND_BY_LABELS[point.found_by], foundOn: point.found_on },
    firstStartOn,
    startMonth,
    fromMonth,
    toMonth,
    indicators,
    measures,
    scope: '全院案件',
  };
}
