// The comparison queries over the received_* tables: each court's latest court-scope figures flagged against this court's ranges with the courts' median, the 12 months of one indicator per court, and one court's cases and extension requests.
import type { Database } from 'better-sqlite3';
import { INDICATORS, INDICATOR_IDS, type IndicatorId } from '../../../../shared/indicators/catalogue';
import { shiftMonth, trendMonths } from '../../../../shared/indicators/months';
import { rangeStatus, type RangeEntry } from '../../../../shared/indicators/ranges';
import type { CaseRow, ExtensionDecisionRow, ExtensionRequestRow } from '../../../../shared/exchange/parts';
import type { ComparedCourt, ComparedValue, CompareView, CourtCaseFilter, CourtCasesView, CourtExtensionsView, TrendsView } from '../../../../shared/exchange/compareApi';
import { InputError } from '../../kernel/errors';
import { listReceivedCourts, type ReceivedCourt } from '../parts/receivedStore';

const rangeOf = (ranges: readonly RangeEntry[], id: IndicatorId) => {
  const e = ranges.find((r) => r.id === id);
  return e && (e.low !== null || e.high !== null) ? { low: e.low, high: e.high } : null;
};

/**
 * The median of the values present, null when none. The values arrive rounded (one decimal, two for 案-件比), not as
 * the integer tallies the indicators' own median takes: the mean of the two middle ones is taken in hundredths and
 * rounded half up to the decimals the indicator shows, so 66.7 and 33.4 give 50.1 and 1.24 and 1.31 give 1.28 (a
 * binary 50.05 would print as 50.0).
 */
export function medianOf(id: IndicatorId, values: Array<number | null>): number | null {
  const s = values.filter((v): v is number => v !== null).map((v) => Math.round(v * 100)).sort((a, b) => a - b);
  if (s.length === 0) return null;
  const mid = s.length >> 1;
  if (s.length % 2) return s[mid]! / 100;
  // Hundredths per shown step: one decimal (10) for rates, days and per-judge figures; counts keep their half (3.5).
  const step = ['ratio', 'days', 'perJudge'].includes(INDICATORS[id].kind) ? 10 : 1;
  return (Math.round((s[mid - 1]! + s[mid]!) / 2 / step) * step) / 100;
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** Every basic court with a package, its latest package's period-scope court figures, in court-code order (never ranked). */
export function compareCourts(db: Database, ranges: readonly RangeEntry[]): CompareView {
  const rows = db.prepare(`SELECT indicator_id AS id, value_json AS json FROM received_indicators
    WHERE sender_code = ? AND period_from = ? AND period_to = ? AND scope = 'court' AND group_name = ''`);
  const courts: ComparedCourt[] = listReceivedCourts(db).map((c) => {
    const sent = new Map((rows.all(c.senderCode, c.periodFrom, c.periodTo) as Array<{ id: string; json: string }>).map((r) => [r.id, JSON.parse(r.json) as Record<string, unknown>]));
    const values = {} as Record<IndicatorId, ComparedValue>;
    const outside: IndicatorId[] = [];
    for (const id of INDICATOR_IDS) {
      const v = sent.get(id);
      const value = num(v?.value);
      // A distribution is not flagged (no range); the rest against this court's range.
      const status = INDICATORS[id].kind === 'distribution' ? 'none' : rangeStatus(rangeOf(ranges, id), value);
      values[id] = { value, numerator: num(v?.numerator), denominator: num(v?.denominator), status };
      if (status === 'below' || status === 'above') outside.push(id);
    }
    return { courtCode: c.senderCode, courtName: c.senderName, sequence: c.lastSequence, periodFrom: c.periodFrom, periodTo: c.periodTo, receivedAt: c.receivedAt, values, outside };
  });
  const medians = Object.fromEntries(INDICATOR_IDS.map((id) => [id, medianOf(id, courts.map((c) => c.values[id].value))])) as Record<IndicatorId, number | null>;
  const periods = new Set(courts.map((c) => `${c.periodFrom}/${c.periodTo}`));
  return {
    courts,
    medians,
    ranges: ranges.map((r) => ({ id: r.id, name: r.name, low: r.low, high: r.high, better: r.better })),
    mixedPeriods: periods.size > 1,
  };
}

/**
 * One indicator's 12 months per court, ending with the newest month any court's latest package reaches: for each
 * month the court-scope row of that calendar month (from the 1st, ending within it) of the newest package (highest
 * sequence; a later end within the month where one package carried two).
 */
export function courtTrends(db: Database, ranges: readonly RangeEntry[], indicator: IndicatorId): TrendsView {
  const courts = listReceivedCourts(db);
  const range = rangeOf(ranges, indicator);
  if (courts.length === 0) return { indicator, months: [], range, medians: [], courts: [] };
  const last = courts.map((c) => c.periodTo.slice(0, 7)).sort().at(-1)!;
  const months = trendMonths(last);
  const stmt = db.prepare(`SELECT substr(i.period_from, 1, 7) AS month, i.value AS value
    FROM received_indicators i JOIN received_packages p ON p.package_id = i.package_id
    WHERE i.sender_code = @code AND i.scope = 'court' AND i.group_name = '' AND i.indicator_id = @id
      AND i.period_from BETWEEN @first AND @last AND substr(i.period_from, 9, 2) = '01'
      AND substr(i.period_to, 1, 7) = substr(i.period_from, 1, 7)
    ORDER BY p.sequence, i.period_to`);
  const first = `${months[0]}-01`;
  const lastDay = `${shiftMonth(last, 1)}-01`;
  const rows = courts.map((c) => {
    const byMonth = new Map<string, number | null>();
    // Ascending sequence, then end: the last one written for a month is the newest package's.
    for (const r of stmt.all({ code: c.senderCode, id: indicator, first, last: lastDay }) as Array<{ month: string; value: number | null }>) byMonth.set(r.month, r.value);
    return { courtCode: c.senderCode, courtName: c.senderName, values: months.map((m) => byMonth.get(m) ?? null) };
  });
  const medians = months.map((_, i) => medianOf(indicator, rows.map((r) => r.values[i]!)));
  return { indicator, months, range, medians, courts: rows };
}

function courtOf(db: Database, code: string): ReceivedCourt {
  const c = listReceivedCourts(db).find((r) => r.senderCode === code);
  if (!c) throw new InputError(`尚未收到法院“${code}”的报送包`, 'courtCode');
  return c;
}

const FILTERS: Record<CourtCaseFilter, string> = {
  all: '',
  open: 'AND closed_on IS NULL',
  overdue: 'AND closed_on IS NULL AND due_on IS NOT NULL AND due_on < @asOf',
};

/** One court's received cases: open, open past the due date at the latest package's end, or all; filing order, newest first. */
export function courtCases(db: Database, a: { courtCode: string; filter: CourtCaseFilter; limit: number; offset: number }): CourtCasesView {
  const c = courtOf(db, a.courtCode);
  const p = { code: c.senderCode, asOf: c.periodTo, limit: a.limit, offset: a.offset };
  const where = `WHERE sender_code = @code ${FILTERS[a.filter]}`;
  const total = (db.prepare(`SELECT count(*) AS n FROM received_cases ${where}`).get(p) as { n: number }).n;
  const found = db.prepare(`SELECT row_json AS json FROM received_cases ${where} ORDER BY filed_on DESC, case_number LIMIT @limit OFFSET @offset`).all(p) as Array<{ json: string }>;
  const rows = found.map(({ json }) => {
    const r = JSON.parse(json) as CaseRow;
    return { caseNumber: r.caseNumber, cause: r.cause, division: r.division, judge: r.judge, filedOn: r.filedOn, closedOn: r.closedOn, dueOn: r.dueOn, clock: r.clock, closedOverdue: r.closedOverdue };
  });
  return { courtCode: c.senderCode, courtName: c.senderName, asOf: c.periodTo, filter: a.filter, total, offset: a.offset, rows };
}

/** One court's received extension requests with their opinions and decisions, newest request first. */
export function courtExtensions(db: Database, code: string): CourtExtensionsView {
  const c = courtOf(db, code);
  const requests = db.prepare(`SELECT r.row_json AS json, k.row_json AS caseJson FROM received_extension_requests r
    LEFT JOIN received_cases k ON k.sender_code = r.sender_code AND k.case_number = r.case_number
    WHERE r.sender_code = ? ORDER BY r.requested_on DESC, r.source_id DESC`).all(c.senderCode) as Array<{ json: string; caseJson: string | null }>;
  const decisions = db.prepare('SELECT row_json AS json FROM received_extension_decisions WHERE sender_code = ? AND request_id = ? ORDER BY decided_on, source_id');
  const rows = requests.map(({ json, caseJson }) => {
    const r = JSON.parse(json) as ExtensionRequestRow;
    const k = caseJson === null ? null : (JSON.parse(caseJson) as CaseRow);
    return {
      caseNumber: r.caseNumber,
      cause: k?.cause ?? null,
      division: k?.division ?? null,
      judge: k?.judge ?? null,
      months: r.months,
      days: r.days,
      reason: r.reason,
      requestedOn: r.requestedOn,
      late: r.late,
      status: r.status,
      decidedOn: r.decidedOn,
      decisions: (decisions.all(c.senderCode, r.id) as Array<{ json: string }>).map((d) => {
        const x = JSON.parse(d.json) as ExtensionDecisionRow;
        return { step: x.step, outcome: x.outcome, decidedOn: x.decidedOn, months: x.months, days: x.days, comment: x.comment };
      }),
    };
  });
  return { courtCode: c.senderCode, courtName: c.senderName, rows };
}
