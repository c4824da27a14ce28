// 延审原因分析's store: the period and division asked, and the study the core answered for them (extensions.study).
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { CourtDeskApi, ExtensionStudy } from '../../../../../shared/api/contract';

export type StudyApi = Pick<CourtDeskApi, 'extensions.study'>;

export interface StudyAsk {
  from: string | null;
  to: string | null;
  divisionId: number | null;
}

export interface StudyState {
  ask: StudyAsk | null;
  study: ExtensionStudy | null;
  loading: boolean;
  error: string | null;
  load(ask: StudyAsk): Promise<void>;
  reset(): void;
}

export type StudyStore = StoreApi<StudyState>;

export function createStudyStore(api: StudyApi): StudyStore {
  let seq = 0;
  const initial = { ask: null, study: null, loading: false, error: null };
  return createStore<StudyState>()((set) => ({
    ...initial,
    async load(ask) {
      const mine = ++seq;
      set({ ask, loading: true, error: null });
      const res = await api['extensions.study']({
        ...(ask.from ? { from: ask.from } : {}),
        ...(ask.to ? { to: ask.to } : {}),
        ...(ask.divisionId ? { divisionId: ask.divisionId } : {}),
      });
      if (mine !== seq) return;
      if (res.ok) set({ study: res.value, loading: false });
      else set({ study: null, loading: false, error: res.error.message });
    },
    reset() {
      seq++;
      set({ ...initial });
    },
  }));
}
