// The figures of the printed reports, gathered through IndicatorQueries (the same code as the dashboards and the
// command line, so every figure agrees): 周通报 = one week by division and by judge against last week; 月度分析 = one
// month against last year, the year to date, twelve months of trend, the out-of-range indicators and each division's share.
import type { Database } from 'better-sqlite3';
import type { CaseScope } from '../../../shared/accounts/roles';
import { EARLIEST_DATE, type FlaggedIndicatorsResult, type GroupBy } from '../../../shared/indicators/api';
import { flagResult, RANGED_IDS, type RangeEntry } from '../../../shared/indicators/ranges';
import { rangeBadge } from '../../../shared/indicators/figures';
import { defaultWeek, totalName, weekOver, weekPeriod, weekStart, weeklyRows, previousWeek, type WeeklyRow } from '../../../shared/indicators/weekly';
import { monthlyPeriods, monthOf, monthPeriod, trendMonths, type Period } from '../../../shared/indicators/months';
import type { IndicatorId } from '../../../shared/indicators/catalogue';
import { InputError } from '../kernel/errors';
import { IndicatorQueries } from '../indicators/indicatorQueries';

/** What every report carries on its first lines. */
export interface ReportHead {
  courtName: string;
  /** 全院案件 / 本部门案件 / 本人承办的案件. */
  scope: string;
  /** The day the report was made (制表日期). */
  madeOn: string;
}

export interface WeeklyReport extends ReportHead {
  kind: 'weekly';
  week: Period;
  lastWeek: Period;
  /** Each division, then the total and the divisions' median (weekly.ts's rows: name order, never ranked). */
  divisions: WeeklyRow[];
  judges: WeeklyRow[];
  /** The raw results, for the tests comparing with the command line. */
  byDivision: FlaggedIndicatorsResult;
  byJudge: FlaggedIndicatorsResult;
}

export interface MonthlyReport extends ReportHead {
  kind: 'monthly';
  month: string;
  periods: { month: Period; lastYear: Period; ytd: Period; lastYtd: Period };
  /** This month by division (the total is the scope's). */
  current: FlaggedIndicatorsResult;
  lastYear: FlaggedIndicatorsResult;
  ytd: FlaggedIndicatorsResult;
  lastYtd: FlaggedIndicatorsResult;
  /** Twelve months ending with this one, oldest first. */
  trend: Array<{ month: string; period: Period; result: FlaggedIndicatorsResult }>;
  /** The indicators whose scope-wide value lies outside its range this month, in catalogue order. */
  outside: IndicatorId[];
}

export type ReportData = WeeklyReport | MonthlyReport;

/** indicators.compute as the handler answers it (values flagged against the ranges), on any connection. */
export type Compute = (p: Period, by?: GroupBy) => FlaggedIndicatorsResult;

export function computeOn(db: Database, scope: CaseScope, ranges: readonly RangeEntry[]): Compute {
  const q = new IndicatorQueries(db);
  return (p, by) => flagResult(q.compute({ ...p, ...(by ? { by } : {}) }, scope), ranges);
}

/** A court's data starts no earlier than 1900 (as 月分析's months do): an earlier date is refused, naming the field, before any figure is computed. */
function checkEarliest(date: string): void {
  if (date < EARLIEST_DATE) throw new InputError(`日期“${date}”早于 1900 年，没有可统计的数据`, 'date');
}

/**
 * The week (Monday to Sunday) holding date; a week that has not begun by today, or is not over (today's own, whose
 * figures would still change), is refused naming the field, as the window's 下一周 stops at the last full week.
 */
export function weeklyReport(compute: Compute, date: string, today: string, head: ReportHead, step: () => void = () => {}): WeeklyReport {
  checkEarliest(date);
  const monday = weekStart(date);
  if (monday > today) throw new InputError(`${date} 所在的一周尚未开始，没有可通报的数据`, 'date');
  const week = weekPeriod(monday);
  if (!weekOver(monday, today)) {
    const last = weekPeriod(defaultWeek(today));
    throw new InputError(`${date} 所在的一周（${week.from} 至 ${week.to}）尚未结束，数据还会变化；最近一个完整的周是 ${last.from} 至 ${last.to}`, 'date');
  }
  const lastWeek = weekPeriod(previousWeek(monday));
  const total = (r: FlaggedIndicatorsResult) => totalName(r.scope);
  const parts: FlaggedIndicatorsResult[] = [];
  for (const [p, by] of [[week, 'division'], [lastWeek, 'division'], [week, 'judge'], [lastWeek, 'judge']] as const) {
    parts.push(compute(p, by));
    step();
  }
  const [byDivision, lastDivision, byJudge, lastJudge] = parts;
  return {
    kind: 'weekly', ...head, scope: byDivision.scope, week, lastWeek,
    divisions: weeklyRows(byDivision, lastDivision, total(byDivision)),
    judges: weeklyRows(byJudge, lastJudge, total(byJudge)),
    byDivision, byJudge,
  };
}

/** The month holding date (cut at today while it runs, last year's at the same day); a month not yet begun is refused. */
export function monthlyReport(compute: Compute, date: string, today: string, head: ReportHead, step: () => void = () => {}): MonthlyReport {
  checkEarliest(date);
  const month = monthOf(date);
  const periods = monthlyPeriods(month, today);
  if (!periods) throw new InputError(`${date} 所在的月份尚未开始，没有可分析的数据`, 'date');
  const run = (p: Period, by?: GroupBy) => {
    const r = compute(p, by);
    step();
    return r;
  };
  const current = run(periods.month, 'division');
  const lastYear = run(periods.lastYear);
  const ytd = run(periods.ytd);
  const lastYtd = run(periods.lastYtd);
  const trend = trendMonths(month).map((m) => {
    const period = m === month ? periods.month : monthPeriod(m, today)!;
    return { month: m, period, result: m === month ? current : run(period) };
  });
  const outside = RANGED_IDS.filter((id) => rangeBadge(id, current.total)?.outside);
  return { kind: 'monthly', ...head, scope: current.scope, month, periods, current, lastYear, ytd, lastYtd, trend, outside };
}

/** How many compute calls a report makes, for the job's progress. */
export const REPORT_STEPS = { weekly: 4, monthly: 15 } as const;
