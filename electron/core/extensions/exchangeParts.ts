// The extensions domain's parts of a package: the extension requests and their decisions for the period's cases.
import type { Database } from 'better-sqlite3';
import type { ExtensionDecisionRow, ExtensionRequestRow } from '../../../shared/exchange/parts';
import type { PartSelection, PartSource } from '../exchange/parts/partSource';
import { caseCondition } from '../cases/exchangeParts';

function params(sel: PartSelection) {
  return { from: sel.from, to: sel.to, since: sel.sinceRowVersion ?? 0 };
}

/** Requests of the period's cases; incremental: those changed since, of cases filed on or before `to`. */
function* requestRows(db: Database, sel: PartSelection): Iterable<ExtensionRequestRow> {
  const where = sel.sinceRowVersion === null ? caseCondition(sel) : 'c.filed_on <= @to AND x.row_version > @since';
  const stmt = db.prepare(`
    SELECT x.id, c.case_number AS caseNumber, x.months, x.days, x.reason, x.requested_on AS requestedOn, x.late, x.status,
           x.decided_on AS decidedOn
    FROM extension_requests x JOIN cases c ON c.id = x.case_id WHERE ${where} ORDER BY x.id`);
  for (const r of stmt.iterate(params(sel)) as Iterable<Omit<ExtensionRequestRow, 'late'> & { late: number }>) yield { ...r, late: r.late === 1 };
}

function* decisionRows(db: Database, sel: PartSelection): Iterable<ExtensionDecisionRow> {
  const where = sel.sinceRowVersion === null ? caseCondition(sel) : 'c.filed_on <= @to AND k.row_version > @since';
  const stmt = db.prepare(`
    SELECT k.id, k.request_id AS requestId, k.step, k.outcome, k.decided_on AS decidedOn, k.months, k.days, k.comment
    FROM extension_decisions k JOIN extension_requests x ON x.id = k.request_id JOIN cases c ON c.id = x.case_id
    WHERE ${where} ORDER BY k.id`);
  yield* stmt.iterate(params(sel)) as Iterable<ExtensionDecisionRow>;
}

export const extensionsExchangeParts: PartSource[] = [
  { part: 'extension_requests.ndjson', format: 'ndjson', rows: requestRows },
  { part: 'extension_decisions.ndjson', format: 'ndjson', rows: decisionRows },
];
