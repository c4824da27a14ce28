// The stores of "did it move" and the monthly analysis meetings: one weak point's trend, the meetings' list, one meeting, and the new-meeting form's save.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ApiError, CourtDeskApi } from '../../../../shared/api/contract';
import type { AddMeetingArgs, MeetingSummary, MeetingView } from '../../../../shared/ledger/meetingsApi';
import type { TrendView } from '../../../../shared/ledger/trendApi';
import { bareMessage } from '../cases/formFields';

/** One thing read by id (or nothing): the last answer wins, an older one arriving late is dropped. */
export interface ReadState<T, A> {
  data: T | null;
  loading: boolean;
  error: string | null;
  load(args: A): Promise<void>;
  reset(): void;
}

function createReader<T, A>(read: (args: A) => Promise<{ ok: true; value: T } | { ok: false; error: ApiError }>): StoreApi<ReadState<T, A>> {
  let seq = 0;
  return createStore<ReadState<T, A>>()((set) => ({
    data: null,
    loading: false,
    error: null,
    async load(args) {
      const mine = ++seq;
      set({ loading: true, error: null });
      const res = await read(args);
      if (mine !== seq) return;
      if (res.ok) set({ data: res.value, loading: false, error: null });
      else set({ data: null, loading: false, error: res.error.message });
    },
    reset() {
      seq++;
      set({ data: null, loading: false, error: null });
    },
  }));
}

export type TrendStore = StoreApi<ReadState<TrendView, { weakPointId: number }>>;
export type MeetingListStore = StoreApi<ReadState<MeetingSummary[], Record<string, never>>>;
export type MeetingStore = StoreApi<ReadState<MeetingView, { id: number }>>;

export const createTrendStore = (api: Pick<CourtDeskApi, 'ledger.trend'>): TrendStore => createReader((a) => api['ledger.trend'](a));
export const createMeetingListStore = (api: Pick<CourtDeskApi, 'ledger.meetings'>): MeetingListStore => createReader((a) => api['ledger.meetings'](a));
export const createMeetingStore = (api: Pick<CourtDeskApi, 'ledger.meeting'>): MeetingStore => createReader((a) => api['ledger.meeting'](a));

/**
 * The new-meeting form's save: the new id, or the core's message with the field it names (so the form marks that
 * box), without the dispatcher's "参数“attendees”：" prefix, which names the argument in English beside a Chinese box.
 */
export async function saveMeeting(api: Pick<CourtDeskApi, 'ledger.addMeeting'>, args: AddMeetingArgs): Promise<{ id: number } | { error: string; field: string | null }> {
  const res = await api['ledger.addMeeting'](args);
  if (res.ok) return res.value;
  return { error: bareMessage(res.error.message), field: res.error.field ?? null };
}

/** "张三、李四\n王五" → the names, one each: lines, commas and 、 all separate them; blanks and repeats dropped. */
export function splitNames(text: string): string[] {
  return [...new Set(text.split(/[\n\r,，、;；]+/).map((s) => s.trim()).filter((s) => s !== ''))];
}
