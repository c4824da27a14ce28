// 月分析's store: one month's figures per division (whose total is the court's), the same month last year, the year to
// date and last year's, and the eleven months before it for the trend — fifteen indicators.compute calls in all.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { FlaggedIndicatorsResult } from '../../../../shared/indicators/api';
import type { IndicatorsApi } from './store';
import type { IndicatorScope } from './routes';
import { monthlyPeriods, monthPeriod, trendMonths, type Period } from '../../../../shared/indicators/months';

export interface MonthlyAsk {
  month: string;
  today: string;
  scope: IndicatorScope;
}

export interface MonthlyData {
  periods: { month: Period; lastYear: Period; ytd: Period; lastYtd: Period };
  /** This month, with the divisions' figures (by=division). */
  month: FlaggedIndicatorsResult;
  lastYear: FlaggedIndicatorsResult;
  ytd: FlaggedIndicatorsResult;
  lastYtd: FlaggedIndicatorsResult;
  /** The twelve months ending with this one, oldest first; the last is `month`. */
  trend: Array<{ month: string; period: Period; result: FlaggedIndicatorsResult }>;
}

export interface MonthlyState {
  ask: MonthlyAsk | null;
  data: MonthlyData | null;
  loading: boolean;
  error: string | null;
  load(ask: MonthlyAsk): Promise<void>;
  reset(): void;
}

export type MonthlyStore = StoreApi<MonthlyState>;

export function createMonthlyStore(api: Pick<IndicatorsApi, 'indicators.compute'>): MonthlyStore {
  let seq = 0;
  const initial = { ask: null, data: null, loading: false, error: null };
  return createStore<MonthlyState>()((set, get) => ({
    ...initial,
    async load(ask) {
      const same = JSON.stringify(ask) === JSON.stringify(get().ask);
      const mine = ++seq;
      set({ ask, loading: true, error: null, ...(same ? {} : { data: null }) });
      const periods = monthlyPeriods(ask.month, ask.today);
      if (!periods) {
        set({ loading: false, data: null, error: `${ask.month} 尚未开始，没有可分析的数据` });
        return;
      }
      const compute = (p: Period, by?: 'division') => api['indicators.compute']({ ...p, ...ask.scope, ...(by ? { by } : {}) });
      // Every earlier month has begun, so each has its period.
      const earlier = trendMonths(ask.month).slice(0, 11).map((m) => ({ month: m, period: monthPeriod(m, ask.today)! }));
      const answers = await Promise.all([
        compute(periods.month, 'division'),
        compute(periods.lastYear),
        compute(periods.ytd),
        compute(periods.lastYtd),
        ...earlier.map((e) => compute(e.period)),
      ]);
      if (mine !== seq) return;
      const failed = answers.find((a) => !a.ok);
      if (failed && !failed.ok) {
        set({ data: null, loading: false, error: failed.error.message });
        return;
      }
      const v = answers.map((a) => (a.ok ? a.value : null!));
      const [month, lastYear, ytd, lastYtd, ...rest] = v;
      const trend = [...earlier.map((e, i) => ({ ...e, result: rest[i] })), { month: ask.month, period: periods.month, result: month }];
      set({ loading: false, data: { periods, month, lastYear, ytd, lastYtd, trend } });
    },
    reset() {
      seq++;
      set({ ...initial });
    },
  }));
}
