// What every screen needs: app.info (court, demo flag, today) and the catalogues behind the filters.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ApiErrorCode, AppInfo, CourtDeskApi, DivisionView, JudgeView } from '../../../shared/api/contract';

export interface AppState {
  info: AppInfo | null;
  infoError: string | null;
  /** STARTUP_FAILED: the database could not be opened; the window shows that instead of the app. */
  infoErrorCode: ApiErrorCode | null;
  divisions: DivisionView[];
  divisionsError: string | null;
  /** Judges by division id; key "all" for every judge. */
  judges: Record<string, JudgeView[]>;
  judgesError: string | null;
  loadInfo(): Promise<void>;
  loadDivisions(): Promise<void>;
  /** The judges of one division (or all when null), fetched once each. */
  loadJudges(divisionId: number | null): Promise<void>;
  /** Forgets what was read (another person signs in). */
  reset(): void;
}

export type AppStore = StoreApi<AppState>;

export function judgesKey(divisionId: number | null): string {
  return divisionId === null ? 'all' : String(divisionId);
}

export function createAppStore(api: Pick<CourtDeskApi, 'app.info' | 'catalog.divisions' | 'catalog.judges'>): AppStore {
  const asked = new Set<string>();
  let generation = 0;
  return createStore<AppState>()((set, get) => ({
    info: null,
    infoError: null,
    infoErrorCode: null,
    divisions: [],
    divisionsError: null,
    judges: {},
    judgesError: null,

    async loadInfo() {
      const gen = generation;
      const res = await api['app.info']({});
      if (gen !== generation) return;
      if (res.ok) set({ info: res.value, infoError: null, infoErrorCode: null });
      else set({ infoError: res.error.message, infoErrorCode: res.error.code });
    },

    async loadDivisions() {
      const gen = generation;
      const res = await api['catalog.divisions']({});
      if (gen !== generation) return;
      if (res.ok) set({ divisions: res.value, divisionsError: null });
      else set({ divisionsError: res.error.message });
    },

    async loadJudges(divisionId) {
      const key = judgesKey(divisionId);
      if (asked.has(key)) return;
      asked.add(key);
      const gen = generation;
      const res = await api['catalog.judges'](divisionId === null ? {} : { divisionId });
      if (gen !== generation) return;
      if (res.ok) set({ judges: { ...get().judges, [key]: res.value }, judgesError: null });
      else {
        asked.delete(key);
        set({ judgesError: res.error.message });
      }
    },

    reset() {
      generation++;
      asked.clear();
      set({ info: null, infoError: null, infoErrorCode: null, divisions: [], divisionsError: null, judges: {}, judgesError: null });
    },
  }));
}
