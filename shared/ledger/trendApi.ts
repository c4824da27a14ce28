// ledger.trend: "did it move" for one weak point: each target indicator's monthly series of the whole court, the target, the measures' dates and the verdict.
import { z } from 'zod';
import { defineCalls, returns } from '../api/define';
import type { IsoDate } from '../dates/calendar';
import type { IndicatorId, IndicatorKind } from '../indicators/catalogue';
import type { DrillPart } from '../indicators/parts';
import type { Verdict } from './verdict';

/** Where a point's cases open: indicators.cases (and the window's #/indicators/cases) with these arguments. */
export interface TrendDrill {
  id: IndicatorId;
  part: DrillPart;
  from: IsoDate;
  to: IsoDate;
}

export interface TrendPoint {
  /** YYYY-MM */
  month: string;
  /** "2025年3月", and "2025年12月（截至今日）" for the current month. */
  label: string;
  from: IsoDate;
  to: IsoDate;
  /** The current month, counted to today. */
  partial: boolean;
  /** As the indicator engine gives it: a ratio in percent (3.4 for 3.4 %), 案-件比 the x of 1 : x, days, counts. */
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  /** "3.4%（34/1000）" */
  text: string;
  /** The cases behind the point (the numerator of a ratio, the cases of a count); null when the indicator has none to open. */
  drill: TrendDrill | null;
}

export interface IndicatorTrend {
  indicator: IndicatorId;
  name: string;
  kind: IndicatorKind;
  better: 'higher' | 'lower';
  /** The target in the value's unit (percent for a ratio: 2 for a target of 0.02), for the chart's line. */
  target: number;
  /** "≤ 2.00%" */
  targetText: string;
  dueOn: IsoDate;
  /** "%", "天", "件" or "" (案-件比): the chart's axis. */
  unit: string;
  points: TrendPoint[];
  verdict: Verdict;
}

export interface TrendMeasure {
  id: number;
  text: string;
  /** The first few characters, for a marker on the chart. */
  short: string;
  kindLabel: string;
  startOn: IsoDate;
  dueOn: IsoDate;
  doneOn: IsoDate | null;
  statusLabel: string;
}

export interface TrendView {
  today: IsoDate;
  weakPoint: { id: number; text: string; foundByLabel: string; foundOn: IsoDate };
  /** The first measure's start day; null while the weak point has no measure. */
  firstStartOn: IsoDate | null;
  /** The month the verdict splits at: the first measure's start month, or the month the weak point was found. */
  startMonth: string;
  /** The series runs from 6 months before startMonth to the current month. */
  fromMonth: string;
  toMonth: string;
  indicators: IndicatorTrend[];
  /** The measures answering the weak point, in start order. */
  measures: TrendMeasure[];
  /** "全院案件": the series are the whole court's whoever reads them. */
  scope: string;
}

export const ledgerTrendApi = defineCalls({
  'ledger.trend': {
    args: z.object({ weakPointId: z.number({ error: '请选择薄弱点' }).int('薄弱点编号应为整数').positive('薄弱点编号应为正整数') }).strict(),
    access: 'ledger.view',
    result: returns<TrendView>(),
  },
});
