// What a domain declares for the exchange: the parts it sends and how to read their rows for a period or since a row version.
import type { Database } from 'better-sqlite3';
import type { DataPart } from '../../../../shared/exchange/parts';

/** The rows a package takes: the period's, or (sinceRowVersion set) only those changed since that version. */
export interface PartSelection {
  from: string;
  to: string;
  sinceRowVersion: number | null;
  includePartyNames: boolean;
  /** The audit chain's length the digests start after; null: send none. */
  auditSince?: number | null;
}

/** What the intermediate court would question, found before anything is written: one case, one field, in Chinese. */
export interface PreflightIssue {
  caseNumber: string;
  field: string;
  message: string;
}

/** A deducted period or suspension still open after this many months is questioned (the pre-flight check). */
export const OPEN_PERIOD_MONTHS = 6;

/**
 * One part. An NDJSON part yields its rows one by one in a fixed order (one prepared statement, no query per row);
 * a JSON part gives one value and how many rows it counts as (groups of indicators, ranges).
 */
export type PartSource = (
  /** json: the source yields each row already as its JSON text (SQLite's json_object), which the builder takes as is. */
  | { part: DataPart; format: 'ndjson'; rows(db: Database, sel: PartSelection): Iterable<unknown>; json?: boolean }
  | { part: DataPart; format: 'json'; value(db: Database, sel: PartSelection): { value: unknown; rows: number } }
) & {
  /** The domain's own pre-flight checks of the rows it would send (today: the local date the checks hold dates against). */
  preflight?(db: Database, sel: PartSelection, today: string): PreflightIssue[];
};
