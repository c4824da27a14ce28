// 审计日志: filtered pages of audit.list (newest first), the chain check, and the rows for a CSV export.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ApiArgs, AuditRow, AuditVerifyResult, CourtDeskApi } from '../../../../shared/api/contract';
import { CSV_MAX_ROWS } from '../../lib/csv';
import { isIsoDate } from '../../../../shared/dates/calendar';

export interface AuditFilters {
  actor: string;
  /** A case number or account name. */
  entityKey: string;
  /** YYYY-MM-DD or ''. */
  from: string;
  to: string;
}

export const EMPTY_AUDIT_FILTERS: AuditFilters = { actor: '', entityKey: '', from: '', to: '' };
export const AUDIT_PAGE_SIZE = 100;
const EXPORT_BATCH = 500;

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

/** What is wrong with the filters, in words, or null. */
export function auditFilterProblem(f: AuditFilters): string | null {
  // A real calendar day, not only its shape: 2024-02-30 is refused here as the core would refuse it.
  if (f.from && !isIsoDate(f.from)) return DATE_RE.test(f.from) ? `起始日期 ${f.from} 不存在` : '起始日期应如 2024-01-05';
  if (f.to && !isIsoDate(f.to)) return DATE_RE.test(f.to) ? `结束日期 ${f.to} 不存在` : '结束日期应如 2024-01-05';
  if (f.from && f.to && f.from > f.to) return '起始日期不能晚于结束日期';
  return null;
}

/** The audit.list arguments: empty filters left out. */
export function auditArgs(f: AuditFilters, offset: number, limit: number): ApiArgs<'audit.list'> {
  const a: ApiArgs<'audit.list'> = { offset, limit };
  if (f.actor.trim()) a.actor = f.actor.trim();
  if (f.entityKey.trim()) a.entityKey = f.entityKey.trim();
  if (f.from) a.from = f.from;
  if (f.to) a.to = f.to;
  return a;
}

export interface AuditExport {
  rows: AuditRow[];
  /** More rows matched than one export holds. */
  truncated: boolean;
}

export interface AuditState {
  filters: AuditFilters;
  /** 1-based. */
  page: number;
  rows: AuditRow[];
  hasMore: boolean;
  loading: boolean;
  loaded: boolean;
  error: string | null;
  verifying: boolean;
  verifyResult: AuditVerifyResult | null;
  verifyError: string | null;
  /** Rows fetched so far by a running export, or null. */
  exporting: number | null;
  load(filters: AuditFilters, page: number): Promise<void>;
  /** Loads the first page once (the tab opened). */
  ensure(): Promise<void>;
  reload(): Promise<void>;
  verify(): Promise<void>;
  /** Every row the filters match (at most CSV_MAX_ROWS), fetched in batches; an error message on failure. */
  collectForExport(): Promise<AuditExport | { error: string }>;
  reset(): void;
}

export type AuditStore = StoreApi<AuditState>;
export type AuditApi = Pick<CourtDeskApi, 'audit.list' | 'audit.verify'>;

const INITIAL = {
  filters: { ...EMPTY_AUDIT_FILTERS },
  page: 1,
  rows: [] as AuditRow[],
  hasMore: false,
  loading: false,
  loaded: false,
  error: null as string | null,
  verifying: false,
  verifyResult: null as AuditVerifyResult | null,
  verifyError: null as string | null,
  exporting: null as number | null,
};

export function createAuditStore(api: AuditApi, opts: { maxExportRows?: number } = {}): AuditStore {
  const maxRows = opts.maxExportRows ?? CSV_MAX_ROWS;
  let seq = 0;
  let verifySeq = 0;
  return createStore<AuditState>()((set, get) => ({
    ...INITIAL,

    async load(filters, page) {
      const problem = auditFilterProblem(filters);
      const mine = ++seq;
      if (problem) {
        set({ filters: { ...filters }, page: 1, rows: [], hasMore: false, loading: false, loaded: true, error: problem });
        return;
      }
      set({ filters: { ...filters }, page, loading: true, error: null });
      const res = await api['audit.list'](auditArgs(filters, (page - 1) * AUDIT_PAGE_SIZE, AUDIT_PAGE_SIZE));
      if (mine !== seq) return;
      if (res.ok) set({ rows: res.value.rows, hasMore: res.value.hasMore, loading: false, loaded: true, error: null });
      else set({ rows: [], hasMore: false, loading: false, loaded: false, error: res.error.message });
    },

    async ensure() {
      if (get().loaded || get().loading) return;
      await get().load(get().filters, get().page);
    },

    async reload() {
      await get().load(get().filters, get().page);
    },

    async verify() {
      const mine = ++verifySeq;
      set({ verifying: true, verifyError: null, verifyResult: null });
      const res = await api['audit.verify']({});
      if (mine !== verifySeq) return;
      if (res.ok) set({ verifying: false, verifyResult: res.value });
      else set({ verifying: false, verifyError: res.error.message });
    },

    async collectForExport() {
      const filters = get().filters;
      const problem = auditFilterProblem(filters);
      if (problem) return { error: problem };
      const rows: AuditRow[] = [];
      // Entries written meanwhile push older ones down a place (newest first): skip what was already taken.
      const seen = new Set<number>();
      let offset = 0;
      set({ exporting: 0 });
      try {
        for (;;) {
          const limit = Math.min(EXPORT_BATCH, maxRows - rows.length);
          const res = await api['audit.list'](auditArgs(filters, offset, limit));
          if (!res.ok) return { error: res.error.message };
          offset += res.value.rows.length;
          for (const r of res.value.rows) {
            if (seen.has(r.id)) continue;
            seen.add(r.id);
            rows.push(r);
          }
          set({ exporting: rows.length });
          if (!res.value.hasMore || res.value.rows.length === 0) return { rows, truncated: false };
          if (rows.length >= maxRows) return { rows, truncated: true };
        }
      } finally {
        set({ exporting: null });
      }
    },

    reset() {
      seq++;
      verifySeq++;
      set({ ...INITIAL, filters: { ...EMPTY_AUDIT_FILTERS } });
    },
  }));
}
