// The indicators domain's parts of a package: the period's figures of the court, each division and each judge, the court's figures of the 12 months ending with the period (indicators.compute's own computation), and the ranges in force.
import type { Database } from 'better-sqlite3';
import type { IndicatorGroupRow, IndicatorMonthRow, IndicatorsPart } from '../../../shared/exchange/parts';
import { monthOf, monthPeriod, trendMonths } from '../../../shared/indicators/months';
import type { PartSource } from '../exchange/parts/partSource';
import { SettingsStore } from '../settings/settingsStore';
import { IndicatorQueries } from './indicatorQueries';
import { rangesInForce } from './rangeSettings';

const WHOLE_COURT = { kind: 'all' } as const;

/** Always the whole period's figures, full or incremental: indicators are not rows that change one by one. */
function indicators(db: Database, sel: { from: string; to: string }): { value: IndicatorsPart; rows: number } {
  const q = new IndicatorQueries(db);
  const period = { from: sel.from, to: sel.to };
  const values = (v: object) => v as IndicatorGroupRow['values'];
  const groups: IndicatorGroupRow[] = [{ scope: 'court', name: '', values: values(q.compute(period, WHOLE_COURT).total) }];
  for (const by of ['division', 'judge'] as const) {
    for (const g of q.compute({ ...period, by }, WHOLE_COURT).groups ?? []) groups.push({ scope: by, name: g.name, values: values(g.values) });
  }
  // The intermediate court's 12-month trends: each calendar month ending with the period's end month, the last one cut
  // at the period's end (a month not yet over when the package is made is the part of it behind the court).
  const months: IndicatorMonthRow[] = trendMonths(monthOf(sel.to)).map((m) => {
    const p = monthPeriod(m, sel.to)!;
    return { from: p.from, to: p.to, values: values(q.compute(p, WHOLE_COURT).total) };
  });
  return { value: { from: sel.from, to: sel.to, groups, months }, rows: groups.length };
}

function ranges(db: Database): { value: unknown; rows: number } {
  const r = rangesInForce(new SettingsStore(db));
  return { value: r, rows: r.length };
}

export const indicatorsExchangeParts: PartSource[] = [
  { part: 'indicators.json', format: 'json', value: indicators },
  { part: 'ranges.json', format: 'json', value: ranges },
];
