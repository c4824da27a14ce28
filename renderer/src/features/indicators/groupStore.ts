// The store of one division's or judge's page: its figures, the whole scope's with every group of the same kind (for
// the court's value and median), a division's judges, twelve months of its own figures, and a judge's due counts.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { CourtDeskApi } from '../../../../shared/api/contract';
import type { FlaggedIndicatorsResult } from '../../../../shared/indicators/api';
import { toFilterArgs } from '../cases/filters';
import { dueLists, trendPeriods } from './groupFigures';
import type { Period } from '../../../../shared/indicators/months';

export type GroupApi = Pick<CourtDeskApi, 'indicators.compute' | 'cases.count'>;

export interface GroupAsk {
  kind: 'division' | 'judge';
  who: string;
  from: string;
  to: string;
  today: string;
  /** A judge's id for his due counts (catalog.judges); null: none are asked. */
  judgeId: number | null;
}

export interface GroupData {
  /** The group's own figures. */
  group: FlaggedIndicatorsResult;
  /** The reader's whole scope grouped by the same kind: total is the court's (for its readers), groups the peers. */
  court: FlaggedIndicatorsResult;
  /** A division's judges (by=judge within it), in name order. */
  judges: FlaggedIndicatorsResult | null;
  /** Twelve months of the group's figures, oldest first, as 月分析's trend takes them. */
  trend: Array<{ month: string; period: Period; result: FlaggedIndicatorsResult }>;
  /** A judge's open cases past or near their limit: overdue, due7, due30. */
  due: Record<string, number> | null;
}

export interface GroupState {
  ask: GroupAsk | null;
  data: GroupData | null;
  loading: boolean;
  error: string | null;
  load(ask: GroupAsk): Promise<void>;
  reset(): void;
}

export type GroupStore = StoreApi<GroupState>;

export function createGroupStore(api: GroupApi): GroupStore {
  let seq = 0;
  const initial = { ask: null, data: null, loading: false, error: null };
  return createStore<GroupState>()((set, get) => ({
    ...initial,
    async load(ask) {
      const same = JSON.stringify(ask) === JSON.stringify(get().ask);
      const mine = ++seq;
      set({ ask, loading: true, error: null, ...(same ? {} : { data: null }) });
      const p = { from: ask.from, to: ask.to };
      const mineOnly = { [ask.kind]: ask.who };
      const months = trendPeriods(ask.to, ask.today);
      const lists = ask.judgeId === null ? [] : dueLists(ask.judgeId);
      const [group, court, judges, ...rest] = await Promise.all([
        api['indicators.compute']({ ...p, ...mineOnly }),
        api['indicators.compute']({ ...p, by: ask.kind }),
        ask.kind === 'division' ? api['indicators.compute']({ ...p, division: ask.who, by: 'judge' }) : Promise.resolve(null),
        ...months.map((m) => api['indicators.compute']({ ...m.period, ...mineOnly })),
      ]);
      const counts = await Promise.all(lists.map((l) => api['cases.count'](toFilterArgs(l.filters))));
      if (mine !== seq) return;
      const failed = [group, court, judges, ...rest].find((a) => a && !a.ok);
      if (failed && !failed.ok) {
        set({ data: null, loading: false, error: failed.error.message });
        return;
      }
      const ok = <T,>(r: { ok: true; value: T } | { ok: false } | null): T => (r && r.ok ? r.value : null!);
      // The due counts are a convenience beside the figures: without them (an error) the links still open the lists.
      const due = lists.length ? Object.fromEntries(lists.map((l, i) => [l.key, counts[i].ok ? counts[i].value.count : -1])) : null;
      set({
        loading: false,
        data: {
          group: ok(group),
          court: ok(court),
          judges: judges ? ok(judges) : null,
          trend: months.map((m, i) => ({ ...m, result: ok(rest[i]) })),
          due,
        },
      });
    },
    reset() {
      seq++;
      set({ ...initial });
    },
  }));
}
