// The cases domain's parts of a package to the intermediate court: its cases (import columns plus derived deadline columns) and their deducted/suspended periods.
import type { Database } from 'better-sqlite3';
import type { EventRow } from '../../../shared/exchange/parts';
import { addMonths } from '../../../shared/dates/calendar';
import { OPEN_PERIOD_MONTHS, type PartSelection, type PartSource, type PreflightIssue } from '../exchange/parts/partSource';
import { PARTY_SEPARATOR } from './caseRow';

/**
 * The period's cases: filed on or before `to` and not closed before `from`. An incremental package takes every case
 * filed on or before `to` whose row changed since the base package, closed before `from` or not: a closing date
 * edited back before the period must still reach the intermediate court, which holds the old row.
 */
export function caseCondition(sel: PartSelection): string {
  // As two index searches (closed in or after the period; still pending) rather than `closed_on IS NULL OR …`, which
  // SQLite answers by walking every case filed before the period's end: 0.6 s against 0.07 s for a period of 50,000
  // among 500,000 cases. The list comes back in rowid order, so ORDER BY c.id needs no sort.
  return sel.sinceRowVersion === null
    ? `c.id IN (SELECT id FROM cases WHERE closed_on >= @from AND filed_on <= @to
                UNION ALL SELECT id FROM cases WHERE closed_on IS NULL AND filed_on <= @to)`
    : 'c.filed_on <= @to AND c.row_version > @since';
}

/** The case numbers' order: rowid, so two builds of one database give the same bytes without a sort. */
function params(sel: PartSelection) {
  return { from: sel.from, to: sel.to, since: sel.sinceRowVersion ?? 0 };
}

/** A 0/1/NULL column as JSON true/false/null. */
const bool = (col: string) => `CASE ${col} WHEN 1 THEN json('true') WHEN 0 THEN json('false') END`;
/** The stored '、'-joined names as a JSON list: quoted once, then split inside the quotes ('、' never occurs in an escape). */
const names = (col: string) => `CASE ${col} WHEN '' THEN json('[]') ELSE json('[' || replace(json_quote(${col}), '${PARTY_SEPARATOR}', '","') || ']') END`;

/**
 * One JSON line per case, made by SQLite's json_object in the query itself: building 50,000 objects in JavaScript and
 * stringifying them took most of the export's budget. The keys are caseRowSchema's (shared/exchange/parts.ts), which
 * the receiving side checks each line against; test/db/exchangeParts*.test.ts round-trips them.
 */
function caseJsonSql(sel: PartSelection): string {
  const parties = sel.includePartyNames ? `, 'plaintiffs', ${names('c.plaintiffs')}, 'defendants', ${names('c.defendants')}` : '';
  return `
    SELECT json_object(
      'caseNumber', c.case_number, 'cause', c.cause, 'procedure', c.procedure, 'limitVariant', c.limit_variant, 'filedOn', c.filed_on,
      'division', d.name, 'judge', s.name, 'closedOn', c.closed_on, 'closingMethod', c.closing_method, 'claimAmountFen', c.claim_amount_fen
      ${parties},
      'importedDeductedDays', c.imported_deducted_days, 'importedExtendedDays', c.imported_extended_days, 'appealed', ${bool('c.appealed')},
      'appealOutcome', c.appeal_outcome, 'originCaseNumber', c.origin_case_number, 'enforcementClaimFen', c.enforcement_claim_fen,
      'enforcementRecoveredFen', c.enforcement_recovered_fen, 'reviewed', ${bool('c.reviewed')}, 'precedentSearched', ${bool('c.precedent_searched')},
      'causeCatalog', c.cause_catalog, 'convertedOn', c.converted_on, 'clock', c.clock, 'dueOn', c.due_on, 'deductedDays', c.deducted_days,
      'extMonths', c.ext_months, 'extDays', c.ext_days, 'durationDays', c.duration_days, 'closedOverdue', ${bool('c.closed_overdue')})
    FROM cases c JOIN divisions d ON d.id = c.division_id JOIN staff s ON s.id = c.judge_id
    WHERE ${caseCondition(sel)} ORDER BY c.id`;
}

/** The period's cases, already as JSON lines; party names only when the user ticked the box (personal data): absent, not empty, otherwise. */
function caseLines(db: Database, sel: PartSelection): Iterable<string> {
  return db.prepare(caseJsonSql(sel)).pluck().iterate(params(sel)) as Iterable<string>;
}

/** Events of the period's cases; incremental: the events changed since, of cases filed on or before `to`. */
function* eventRows(db: Database, sel: PartSelection): Iterable<EventRow> {
  const where = sel.sinceRowVersion === null ? caseCondition(sel) : 'c.filed_on <= @to AND e.row_version > @since';
  const stmt = db.prepare(`
    SELECT e.id, c.case_number AS caseNumber, e.kind, e.from_on AS fromOn, e.to_on AS toOn, e.note
    FROM case_events e JOIN cases c ON c.id = e.case_id WHERE ${where} ORDER BY e.id`);
  yield* stmt.iterate(params(sel)) as Iterable<EventRow>;
}

/** The earliest date a court's record can hold (as the indicators' periods): anything before is a typing slip. */
const EARLIEST = '1900-01-01';

/**
 * What the intermediate court would question in the period's cases: a missing 案由, a closing date without 结案方式,
 * dates before 1900, in the future or closed before filed. The database's CHECKs refuse most of these today; files
 * written by older releases or repaired by hand may still hold them, and the check costs one pass.
 */
function casePreflight(db: Database, sel: PartSelection, today: string): PreflightIssue[] {
  const issues: PreflightIssue[] = [];
  const stmt = db.prepare(`SELECT c.case_number, c.cause, c.filed_on, c.closed_on, c.closing_method FROM cases c
    WHERE ${caseCondition({ ...sel, sinceRowVersion: null })} ORDER BY c.id`);
  type Row = { case_number: string; cause: string; filed_on: string; closed_on: string | null; closing_method: string | null };
  const date = (caseNumber: string, field: string, label: string, d: string) => {
    if (d < EARLIEST) issues.push({ caseNumber, field, message: `${label} ${d} 早于 1900 年` });
    else if (d > today) issues.push({ caseNumber, field, message: `${label} ${d} 晚于今天（${today}）` });
  };
  for (const r of stmt.iterate({ from: sel.from, to: sel.to }) as Iterable<Row>) {
    const n = r.case_number;
    if (r.cause.trim() === '') issues.push({ caseNumber: n, field: 'cause', message: '缺少案由' });
    date(n, 'filedOn', '立案日期', r.filed_on);
    if (r.closed_on !== null) {
      date(n, 'closedOn', '结案日期', r.closed_on);
      if (r.closed_on < r.filed_on) issues.push({ caseNumber: n, field: 'closedOn', message: `结案日期 ${r.closed_on} 早于立案日期 ${r.filed_on}` });
      if (r.closing_method === null) issues.push({ caseNumber: n, field: 'closingMethod', message: `已于 ${r.closed_on} 结案，但没有结案方式` });
    }
  }
  return issues;
}

/** Deducted periods and suspensions of pending cases still open after OPEN_PERIOD_MONTHS months, and event dates out of bounds. */
function eventPreflight(db: Database, sel: PartSelection, today: string): PreflightIssue[] {
  const issues: PreflightIssue[] = [];
  const cutoff = addMonths(today, -OPEN_PERIOD_MONTHS);
  const stmt = db.prepare(`SELECT c.case_number, e.kind, e.from_on, e.to_on FROM case_events e JOIN cases c ON c.id = e.case_id
    WHERE ${caseCondition({ ...sel, sinceRowVersion: null })} AND (e.from_on < @earliest OR e.from_on > @today OR e.to_on > @today
      OR (e.to_on IS NULL AND c.closed_on IS NULL AND e.from_on <= @cutoff)) ORDER BY e.id`);
  type Row = { case_number: string; kind: string; from_on: string; to_on: string | null };
  for (const r of stmt.iterate({ from: sel.from, to: sel.to, today, cutoff, earliest: EARLIEST }) as Iterable<Row>) {
    const what = r.kind === '中止' ? '中止' : `扣除审限（${r.kind}）`;
    if (r.from_on < EARLIEST) issues.push({ caseNumber: r.case_number, field: 'events', message: `${what}的开始日期 ${r.from_on} 早于 1900 年` });
    else if (r.from_on > today) issues.push({ caseNumber: r.case_number, field: 'events', message: `${what}的开始日期 ${r.from_on} 晚于今天（${today}）` });
    else if (r.to_on !== null && r.to_on > today) issues.push({ caseNumber: r.case_number, field: 'events', message: `${what}的结束日期 ${r.to_on} 晚于今天（${today}）` });
    else issues.push({ caseNumber: r.case_number, field: 'events', message: `${what}自 ${r.from_on} 起已超过 ${OPEN_PERIOD_MONTHS} 个月仍未${r.kind === '中止' ? '恢复' : '结束'}` });
  }
  return issues;
}

export const casesExchangeParts: PartSource[] = [
  { part: 'cases.ndjson', format: 'ndjson', rows: caseLines, json: true, preflight: casePreflight },
  { part: 'events.ndjson', format: 'ndjson', rows: eventRows, preflight: eventPreflight },
];
