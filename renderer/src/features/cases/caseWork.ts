// The case page's work: every call that changes the case (periods, resumption, conversion, closing, reopening,
// appeals, 先行调解) through one runner that puts the answer on the page at once, and the case's history of changes.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ApiArgs, ApiError, ApiResponse, AuditRow, CaseDetail, CourtDeskApi } from '../../../../shared/api/contract';
import type { CaseDetailStore } from './caseDetail';
import { bareMessage, errorBox } from './formFields';

/** The calls of the case page that change a case. */
export const CASE_CHANGES = [
  'cases.addEvent', 'cases.resume', 'cases.endEvent', 'cases.convertProcedure', 'cases.close', 'cases.reopen', 'cases.recordAppeal',
  'cases.startMediation', 'cases.extendMediation', 'cases.endMediation',
] as const;
export type CaseChange = (typeof CASE_CHANGES)[number];

export type CaseWorkApi = Pick<CourtDeskApi, CaseChange | 'cases.get' | 'cases.history'>;

/** How a change went: done, or refused with the message and (when the core names it) the argument at fault. */
export type ChangeOutcome = { ok: true } | { ok: false; code: ApiError['code']; message: string; field: string | null };

export interface HistoryState {
  caseNumber: string | null;
  rows: AuditRow[];
  loading: boolean;
  error: string | null;
}

/** What the last change did to the time limit, for the line above the arithmetic (届满日由 … 变为 …). */
export interface LastChange {
  caseNumber: string;
  /** What was done, in words: 登记公告期间, 结案 … */
  what: string;
  dueBefore: string | null;
  dueAfter: string | null;
}

export interface CaseWorkState {
  /** The change on its way (its call's name), so its button shows that it is working and is not pressed twice. */
  busy: CaseChange | null;
  lastChange: LastChange | null;
  history: HistoryState;
  loadHistory(caseNumber: string, opts?: { force?: boolean }): Promise<void>;
  /** Makes a change; on success the case page shows the case as it now is (due date, arithmetic, record). */
  run<M extends CaseChange>(method: M, args: ApiArgs<M>, what?: string): Promise<ChangeOutcome>;
  /** Forgets the line about the last change (another case is shown). */
  clearLastChange(): void;
  reset(): void;
}

export type CaseWorkStore = StoreApi<CaseWorkState>;

function isCaseDetail(v: unknown): v is CaseDetail {
  return !!v && typeof v === 'object' && 'deadline' in v && 'caseNumber' in v;
}

/**
 * The box of a dialog that an answer's refusal belongs to: by argument name (`error.field`), or by the Chinese column
 * name older refusals carry. `boxes` lists the dialog's own keys for both.
 */
export function refusalBox<K extends string>(outcome: ChangeOutcome, boxes: Readonly<Record<string, K>>): K | null {
  if (outcome.ok || !outcome.field) return null;
  return errorBox({ field: outcome.field, message: outcome.message }, boxes);
}

export function createCaseWorkStore(api: CaseWorkApi, detail: CaseDetailStore): CaseWorkStore {
  let historySeq = 0;
  const emptyHistory = (): HistoryState => ({ caseNumber: null, rows: [], loading: false, error: null });
  return createStore<CaseWorkState>()((set, get) => ({
    busy: null,
    lastChange: null,
    history: emptyHistory(),

    async loadHistory(caseNumber, opts) {
      const h = get().history;
      // Read once per case (and again after each change); a failed read is tried again.
      if (!opts?.force && h.caseNumber === caseNumber && h.error === null) return;
      const mine = ++historySeq;
      set({ history: { caseNumber, rows: h.caseNumber === caseNumber ? h.rows : [], loading: true, error: null } });
      const res = await api['cases.history']({ caseNumber });
      if (mine !== historySeq) return;
      if (res.ok) set({ history: { caseNumber, rows: res.value, loading: false, error: null } });
      else set({ history: { caseNumber, rows: [], loading: false, error: res.error.message } });
    },

    async run(method, args, what) {
      if (get().busy) return { ok: false, code: 'BUSY', message: '上一项操作尚未完成，请稍候', field: null };
      const caseNumber = (args as { caseNumber: string }).caseNumber;
      const was = detail.getState().detail;
      const dueBefore = was && was.caseNumber === caseNumber ? was.deadline.dueOn : null;
      set({ busy: method });
      const call = api[method] as (a: ApiArgs<typeof method>) => Promise<ApiResponse<unknown>>;
      const res = await call(args);
      set({ busy: null });
      if (!res.ok) return { ok: false, code: res.error.code, message: bareMessage(res.error.message), field: res.error.field ?? null };
      // Most changes answer with the case as it now is; a period or a resumption answers with its id and due date,
      // so the case is read again to show its arithmetic.
      if (isCaseDetail(res.value)) detail.getState().replace(res.value);
      else await detail.getState().load(caseNumber, { force: true });
      const now = detail.getState().detail;
      const shown = now?.caseNumber ?? caseNumber;
      set({ lastChange: { caseNumber: shown, what: what ?? '', dueBefore, dueAfter: now ? now.deadline.dueOn : null } });
      if (get().history.caseNumber === shown || get().history.caseNumber === caseNumber) await get().loadHistory(shown, { force: true });
      return { ok: true };
    },

    clearLastChange() {
      set({ lastChange: null });
    },

    reset() {
      historySeq++;
      set({ busy: null, lastChange: null, history: emptyHistory() });
    },
  }));
}
