// The pre-flight check of an export: what the intermediate court would question (each domain's own checks, walked from the registry) and how many rows each part would carry.
import type { Database } from 'better-sqlite3';
import type { DataPart } from '../../../../shared/exchange/parts';
import { localToday } from '../../../../shared/dates/calendar';
import { partSources } from './registry';
import type { PreflightIssue } from './partSource';

export type { PreflightIssue } from './partSource';
export { OPEN_PERIOD_MONTHS } from './partSource';

/** Issues listed at most; `more` says how many were left off (a court with thousands needs its data fixed, not a longer list). */
export const PREFLIGHT_LIMIT = 1000;

/**
 * Runs before anything is written, on the period a full package would take; counts are those of a full package of
 * the period. Reads only; the issues and the rows' counts in one transaction, so they describe the same state.
 */
export function preflight(db: Database, opts: { from: string; to: string; today?: string }): { issues: PreflightIssue[]; more: number; counts: Record<DataPart, number> } {
  const today = opts.today ?? localToday();
  const sel = { from: opts.from, to: opts.to, sinceRowVersion: null, includePartyNames: false };
  const sources = partSources();
  const counts = {} as Record<DataPart, number>;
  // The JSON parts outside the transaction, as buildParts does (the indicators' memo works only there).
  for (const s of sources) if (s.format === 'json') counts[s.part] = s.value(db, sel).rows;
  return db.transaction(() => {
    const issues: PreflightIssue[] = [];
    for (const s of sources) {
      if (s.preflight) issues.push(...s.preflight(db, sel, today));
      if (s.format === 'ndjson') {
        let n = 0;
        for (const _row of s.rows(db, sel)) n++;
        counts[s.part] = n;
      }
    }
    // DATA_PARTS order, as the parts themselves.
    const ordered = Object.fromEntries(sources.map((s) => [s.part, counts[s.part]])) as Record<DataPart, number>;
    return { issues: issues.slice(0, PREFLIGHT_LIMIT), more: Math.max(0, issues.length - PREFLIGHT_LIMIT), counts: ordered };
  })();
}
