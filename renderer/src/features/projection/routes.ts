// The 预测 address: #/ledger/projection?months=6&closeMore=10&clearOldest=50&by=2026-06-30&judges=1&asOf=2026-11-30, every assumption in the address so a what-if can be bookmarked.
import { isIsoDate } from '../../../../shared/dates/calendar';
import { DEFAULT_MONTHS, MAX_MONTHS } from '../../../../shared/ledger/projection';
import { MAX_CLEAR_OLDEST, MAX_CLOSE_MORE, MAX_JUDGES_DELTA } from '../../../../shared/ledger/projectionApi';
import type { HashPath } from '../../router/hash';

export interface ProjectionRoute {
  name: 'projection';
  months: number;
  closeMore: number;
  clearOldest: number;
  /** The date the oldest are cleared by; null without clearOldest. */
  by: string | null;
  judgesDelta: number;
  /** Null: today. */
  asOf: string | null;
}

export const DEFAULT_PROJECTION_ROUTE: ProjectionRoute = { name: 'projection', months: DEFAULT_MONTHS, closeMore: 0, clearOldest: 0, by: null, judgesDelta: 0, asOf: null };

/** A whole number within bounds, or the default: a typed or bookmarked address is never an error. */
function intOf(v: string | null, min: number, max: number, dflt: number): number {
  if (v === null || !/^[+-]?\d{1,8}$/.test(v)) return dflt;
  const n = Number(v);
  return n < min || n > max ? dflt : n;
}
const dateOf = (v: string | null) => (v !== null && isIsoDate(v) ? v : null);

export function parseProjectionRoute({ parts, head, query: q }: HashPath): ProjectionRoute | null {
  if (head !== 'ledger' || parts.length !== 2 || parts[1] !== 'projection') return null;
  const clearOldest = intOf(q.get('clearOldest'), 0, MAX_CLEAR_OLDEST, 0);
  const by = dateOf(q.get('by'));
  return {
    name: 'projection',
    months: intOf(q.get('months'), 1, MAX_MONTHS, DEFAULT_MONTHS),
    closeMore: intOf(q.get('closeMore'), 0, MAX_CLOSE_MORE, 0),
    // Clearing needs its date: an address with only one of the two clears nothing.
    clearOldest: by ? clearOldest : 0,
    by: clearOldest > 0 ? by : null,
    judgesDelta: intOf(q.get('judges'), -MAX_JUDGES_DELTA, MAX_JUDGES_DELTA, 0),
    asOf: dateOf(q.get('asOf')),
  };
}

export function formatProjectionRoute(r: ProjectionRoute): string {
  const q = new URLSearchParams();
  if (r.months !== DEFAULT_MONTHS) q.set('months', String(r.months));
  if (r.closeMore) q.set('closeMore', String(r.closeMore));
  if (r.clearOldest && r.by) {
    q.set('clearOldest', String(r.clearOldest));
    q.set('by', r.by);
  }
  if (r.judgesDelta) q.set('judges', String(r.judgesDelta));
  if (r.asOf) q.set('asOf', r.asOf);
  const s = q.toString();
  return `#/ledger/projection${s ? `?${s}` : ''}`;
}
