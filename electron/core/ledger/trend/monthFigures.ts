// The whole court's indicator figures month by month, from the indicators engine (no second formula), and one figure's parts as the ledger's trend and meetings print them.
import type { Database } from 'better-sqlite3';
import type { IndicatorValues } from '../../../../shared/indicators/formulas';
import type { IndicatorId } from '../../../../shared/indicators/catalogue';
import { formatIndicator } from '../../../../shared/indicators/format';
import { monthPeriod, shiftMonth } from '../../../../shared/indicators/months';
import { INDICATOR_PARTS } from '../../../../shared/indicators/parts';
import type { TrendDrill } from '../../../../shared/ledger/trendApi';
import { IndicatorQueries } from '../../indicators/indicatorQueries';

/** The ledger's figures are the court's, whoever reads them: a division head sees the same trend as the president. */
export const COURT = { kind: 'all' } as const;

export interface MonthValues {
  month: string;
  from: string;
  to: string;
  partial: boolean;
  values: IndicatorValues;
}

/** Months from `first` to `last` (YYYY-MM, both included), each computed once for every indicator. */
export function monthValues(db: Database, first: string, last: string, today: string): MonthValues[] {
  const queries = new IndicatorQueries(db);
  const out: MonthValues[] = [];
  for (let m = first; m <= last; m = shiftMonth(m, 1)) {
    const p = monthPeriod(m, today);
    if (!p) break;
    out.push({ month: m, ...p, partial: m === today.slice(0, 7), values: queries.compute({ from: p.from, to: p.to }, COURT).total });
  }
  return out;
}

/** One indicator's value and its parts (null parts for a plain count), and its text with the parts. */
export function figureOf(id: IndicatorId, values: IndicatorValues): { value: number | null; numerator: number | null; denominator: number | null; text: string } {
  const v = values[id] as { value: number | null; numerator?: number; denominator?: number };
  return { value: v.value, numerator: v.numerator ?? null, denominator: v.denominator ?? null, text: formatIndicator(id, values) };
}

/** The part a point opens: a ratio's numerator (the cases that make it bad or good), else its cases, else its denominator. */
export function drillOf(id: IndicatorId, from: string, to: string): TrendDrill | null {
  const parts = INDICATOR_PARTS[id];
  const part = parts.numerator ? 'numerator' : parts.count ? 'count' : parts.denominator ? 'denominator' : null;
  return part ? { id, part, from, to } : null;
}
