// The ledger's then/now figures: an indicator's value for the whole court over "the month ending" a day, from the indicators domain's own engine (IndicatorQueries.compute), one computation per distinct end day.
import type { Database } from 'better-sqlite3';
import { addDays, addMonths, type IsoDate } from '../../../shared/dates/calendar';
import { INDICATORS, type IndicatorId } from '../../../shared/indicators/catalogue';
import { formatIndicator } from '../../../shared/indicators/format';
import type { IndicatorValues, RatioValue } from '../../../shared/indicators/formulas';
import type { LedgerFigure } from '../../../shared/ledger/api';
import { IndicatorQueries } from '../indicators/indicatorQueries';

/** The month ending `to`: from the same day a month before the day after it (2025-02-28 → 2025-02-01 … 2025-02-28). */
export function monthEnding(to: IsoDate): { from: IsoDate; to: IsoDate } {
  return { from: addMonths(addDays(to, 1), -1), to };
}

/**
 * A figure's value as the ledger compares it with a target: a ratio as the exact fraction numerator ÷ denominator
 * (a target of 2 % is 0.02; the engine's own value is a percentage rounded to one decimal, which would call 2.04 % met),
 * 案-件比 as x of 1 : x, days and counts as the engine gives them.
 */
export function figureOf(id: IndicatorId, values: IndicatorValues, period: { from: IsoDate; to: IsoDate }): LedgerFigure {
  const v = values[id] as Partial<RatioValue> & { value: number | null };
  const kind = INDICATORS[id].kind;
  const isRatio = kind === 'ratio';
  const value = isRatio ? (v.denominator ? (v.numerator ?? 0) / v.denominator : null) : v.value;
  return {
    from: period.from,
    to: period.to,
    value,
    numerator: isRatio || kind === 'ratioPair' ? (v.numerator ?? null) : null,
    denominator: isRatio || kind === 'ratioPair' ? (v.denominator ?? null) : null,
    text: formatIndicator(id, values),
  };
}

/**
 * Figures for one reading of the ledger: the engine runs once per distinct end day (today, and each weak point's day
 * before its first measure), whatever the number of weak points and indicators. Make one per call: the cases change.
 */
export class LedgerFigures {
  private readonly queries: IndicatorQueries;
  private readonly byEnd = new Map<IsoDate, IndicatorValues>();

  constructor(db: Database) {
    this.queries = new IndicatorQueries(db);
  }

  /** How many periods were computed (the tests hold list to at most one per distinct day). */
  get computed(): number {
    return this.byEnd.size;
  }

  figure(id: IndicatorId, to: IsoDate): LedgerFigure {
    const period = monthEnding(to);
    let values = this.byEnd.get(to);
    if (!values) {
      values = this.queries.compute(period, { kind: 'all' }).total;
      this.byEnd.set(to, values);
    }
    return figureOf(id, values, period);
  }
}
