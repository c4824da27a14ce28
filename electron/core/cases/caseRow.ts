// Maps between the stored cases row and the CaseRecord of the spec, and derives the stored deadline columns.
import type { CaseRecord, LimitVariant, Procedure, ClosingMethod, AppealOutcome, ExtensionStatus } from '../../../shared/cases/types';
import { parseCaseNumber } from '../../../shared/cases/caseNumber';
import { computeDeadline, type Deadline, type DeadlineInput } from '../../../shared/deadlines/engine';
import type { RestDays } from '../../../shared/deadlines/restDays';
import { daysBetween } from '../../../shared/dates/calendar';
import { searchDocument } from './searchDocument';

export interface CaseRow {
  id: number;
  case_number: string;
  court_code: string;
  year: number;
  type_code: string;
  seq: number;
  procedure: Procedure | null;
  limit_variant: LimitVariant | null;
  cause: string;
  filed_on: string;
  closed_on: string | null;
  closing_method: ClosingMethod | null;
  division_id: number;
  judge_id: number;
  claim_amount_fen: number | null;
  plaintiffs: string;
  defendants: string;
  imported_deducted_days: number;
  imported_extended_days: number;
  appealed: 0 | 1 | null;
  appeal_outcome: AppealOutcome | null;
  origin_case_number: string | null;
  enforcement_claim_fen: number | null;
  enforcement_recovered_fen: number | null;
  reviewed: 0 | 1 | null;
  precedent_searched: 0 | 1 | null;
  clock: DeadlineColumns['clock'];
  due_on: string | null;
  deducted_days: number;
  ext_months: number;
  ext_days: number;
  duration_days: number | null;
  closed_overdue: 0 | 1 | null;
  frozen_remaining: number | null;
  due_order: string | null;
  cause_catalog: string | null;
  converted_on: string | null;
  row_version: number;
  created_at: string;
  updated_at: string;
}

export const PARTY_SEPARATOR = '、';

export function toFen(yuan: number | null): number | null {
  return yuan === null ? null : Math.round(yuan * 100);
}

export function toYuan(fen: number | null): number | null {
  return fen === null ? null : fen / 100;
}

function bool(v: boolean | null): 0 | 1 | null {
  return v === null ? null : v ? 1 : 0;
}

function unbool(v: 0 | 1 | null): boolean | null {
  return v === null ? null : v === 1;
}

export function splitParties(joined: string): string[] {
  return joined ? joined.split(PARTY_SEPARATOR) : [];
}

/** The record's own columns (not derived ones, not division/judge ids) as named parameters. */
export function recordParams(r: CaseRecord) {
  return {
    procedure: r.procedure,
    limit_variant: r.limitVariant,
    cause: r.cause,
    filed_on: r.filedOn,
    closed_on: r.closedOn,
    closing_method: r.closingMethod,
    claim_amount_fen: toFen(r.claimAmount),
    plaintiffs: r.plaintiffs.join(PARTY_SEPARATOR),
    defendants: r.defendants.join(PARTY_SEPARATOR),
    imported_deducted_days: r.deductedDays,
    imported_extended_days: r.extendedDays,
    appealed: bool(r.appealed),
    appeal_outcome: r.appealOutcome,
    origin_case_number: r.originCaseNumber,
    enforcement_claim_fen: toFen(r.enforcementClaim),
    enforcement_recovered_fen: toFen(r.enforcementRecovered),
    reviewed: bool(r.reviewed),
    precedent_searched: bool(r.precedentSearched),
  };
}

export function rowToRecord(row: CaseRow, division: string, judge: string): CaseRecord {
  return {
    caseNumber: row.case_number,
    cause: row.cause,
    procedure: row.procedure,
    limitVariant: row.limit_variant,
    filedOn: row.filed_on,
    division,
    judge,
    closedOn: row.closed_on,
    closingMethod: row.closing_method,
    claimAmount: toYuan(row.claim_amount_fen),
    plaintiffs: splitParties(row.plaintiffs),
    defendants: splitParties(row.defendants),
    deductedDays: row.imported_deducted_days,
    extendedDays: row.imported_extended_days,
    appealed: unbool(row.appealed),
    appealOutcome: row.appeal_outcome,
    originCaseNumber: row.origin_case_number,
    enforcementClaim: toYuan(row.enforcement_claim_fen),
    enforcementRecovered: toYuan(row.enforcement_recovered_fen),
    reviewed: unbool(row.reviewed),
    precedentSearched: unbool(row.precedent_searched),
  };
}

export interface DeadlineColumns {
  clock: 'running' | 'suspended' | 'paused' | 'no_limit' | 'closed';
  due_on: string | null;
  deducted_days: number;
  ext_months: number;
  ext_days: number;
  duration_days: number | null;
  closed_overdue: 0 | 1 | null;
  /** A stopped clock's days remaining, which stay as they were when it stopped; null otherwise. */
  frozen_remaining: number | null;
  /** The one sort key of "by due date" (see NO_DUE_DATE and stoppedOrder). */
  due_order: string;
}

export type EngineFacts = Pick<DeadlineInput, 'events' | 'extensions'>;

export function deadlineInputOf(
  row: Pick<CaseRow, 'type_code' | 'procedure' | 'limit_variant' | 'filed_on' | 'closed_on' | 'imported_deducted_days' | 'imported_extended_days'>,
  facts: EngineFacts,
): DeadlineInput {
  return {
    typeCode: row.type_code,
    procedure: row.procedure,
    limitVariant: row.limit_variant,
    filedOn: row.filed_on,
    closedOn: row.closed_on,
    events: facts.events,
    extensions: facts.extensions,
    importedDeductedDays: row.imported_deducted_days,
    importedExtendedDays: row.imported_extended_days,
  };
}

/**
 * The stored image of a deadline. While an open period stops the clock the due date moves every day, so it is
 * not stored (due_on NULL, clock 'suspended' or 'paused') and readers compute it for the day they show.
 */
export function deadlineColumns(d: Deadline, filedOn: string, closedOn: string | null): DeadlineColumns {
  const ext = d.extension ?? NO_EXTENSION;
  // Every branch builds the same literal, all nine fields in one order: a bulk load makes 100,000 of them, and spread
  // copies of a shared base were the slowest step of deriving a row.
  if (closedOn !== null) {
    return {
      clock: 'closed', due_on: d.dueOn, deducted_days: d.deductedDays, ext_months: ext.months, ext_days: ext.days,
      duration_days: daysBetween(filedOn, closedOn) - d.deductedDays, closed_overdue: d.rule ? (d.status === 'closed_overdue' ? 1 : 0) : null,
      frozen_remaining: null, due_order: d.dueOn ?? NO_DUE_DATE,
    };
  }
  if (!d.rule) {
    return {
      clock: 'no_limit', due_on: null, deducted_days: d.deductedDays, ext_months: ext.months, ext_days: ext.days,
      duration_days: null, closed_overdue: null, frozen_remaining: null, due_order: NO_DUE_DATE,
    };
  }
  if (d.status === 'suspended' || d.status === 'paused') {
    // The days remaining stay what they were when the period began (the due date moves with it): stored as such.
    const frozen = d.daysRemaining ?? 0;
    return {
      clock: d.status, due_on: null, deducted_days: d.deductedDays, ext_months: ext.months, ext_days: ext.days,
      duration_days: null, closed_overdue: null, frozen_remaining: frozen, due_order: stoppedOrder(frozen),
    };
  }
  return {
    clock: 'running', due_on: d.dueOn, deducted_days: d.deductedDays, ext_months: ext.months, ext_days: ext.days,
    duration_days: null, closed_overdue: null, frozen_remaining: null, due_order: d.dueOn!,
  };
}

const NO_EXTENSION = { months: 0, days: 0 } as const;

/** due_order of a case without a time limit: after every date and every stopped clock. */
export const NO_DUE_DATE = 'Z';

/** due_order of a stopped clock: after every due date ('S' > any digit), by frozen days remaining, overdue first. */
export function stoppedOrder(frozenRemaining: number): string {
  return `S${String(Math.min(Math.max(frozenRemaining + 500_000, 0), 999_999)).padStart(6, '0')}`;
}

/** The engine's columns of a record (recordParams) with its type code, as one literal of a fixed shape (not a spread copy of the params). */
export function engineRow(typeCode: string, params: ReturnType<typeof recordParams>): Parameters<typeof deadlineInputOf>[0] {
  return {
    type_code: typeCode, procedure: params.procedure, limit_variant: params.limit_variant, filed_on: params.filed_on, closed_on: params.closed_on,
    imported_deducted_days: params.imported_deducted_days, imported_extended_days: params.imported_extended_days,
  };
}

export function computeColumns(row: Parameters<typeof deadlineInputOf>[0], facts: EngineFacts, today: string, restDays: RestDays | null): DeadlineColumns {
  return deadlineColumns(computeDeadline(deadlineInputOf(row, facts), today, false, restDays), row.filed_on, row.closed_on);
}

export type { ExtensionStatus };

export const RECORD_COLUMNS = [
  'procedure', 'limit_variant', 'cause', 'filed_on', 'closed_on', 'closing_method', 'claim_amount_fen', 'plaintiffs',
  'defendants', 'imported_deducted_days', 'imported_extended_days', 'appealed', 'appeal_outcome', 'origin_case_number',
  'enforcement_claim_fen', 'enforcement_recovered_fen', 'reviewed', 'precedent_searched',
] as const;
export const DERIVED_COLUMNS = ['clock', 'due_on', 'deducted_days', 'ext_months', 'ext_days', 'duration_days', 'closed_overdue', 'frozen_remaining', 'due_order'] as const;

export function insertArgs(
  p: { canonical: string; courtCode: string; year: number; typeCode: string; seq: number },
  divisionId: number,
  judgeId: number,
  params: ReturnType<typeof recordParams>,
  cols: DeadlineColumns,
  rowVersion: number,
  now: string,
): unknown[] {
  const args: unknown[] = [p.canonical, p.courtCode, p.year, p.typeCode, p.seq, divisionId, judgeId];
  for (const c of RECORD_COLUMNS) args.push(params[c]);
  for (const c of DERIVED_COLUMNS) args.push(cols[c]);
  args.push(rowVersion, now, now);
  return args;
}


/** A generated case ready to insert: the row's values (division and judge ids, version and stamps filled in by the writer). */
export interface SeedRow {
  args: unknown[];
  /** The case's search document (cases/searchDocument.ts). */
  doc: string;
  division: string;
  judge: string;
  events: Array<{ kind: string; fromOn: string; toOn: string | null }>;
  extensions: Array<{ months: number; days: number; reason: string; reasonCode?: string | null; status: string; requestedOn: string; decidedOn: string | null }>;
  /**
   * The case's 先行调解, as the mediations table holds it; absent on most rows. A plain object, so the worker can post
   * it; its consented extension is already among the events.
   */
  mediation?: SeedMediation;
}

export interface SeedMediation {
  destination: string;
  mediator: string;
  receivedOn: string;
  baseDays: number;
  extensionDays: number;
  consentOn: string | null;
  endedOn: string | null;
  outcome: string | null;
}

/** Everything about a generated case that needs no database: pure, so it can run on a worker thread. */
export function prepareSeedRow(
  record: CaseRecord, events: SeedRow['events'], extensions: SeedRow['extensions'], today: string, restDays: RestDays | null, mediation?: SeedMediation,
): SeedRow {
  const parsed = parseCaseNumber(record.caseNumber);
  if (!parsed.ok) throw new Error(parsed.error);
  const p = parsed.value;
  const params = recordParams(record);
  const cols = computeColumns(engineRow(p.typeCode, params), { events, extensions: extensions as EngineFacts['extensions'] }, today, restDays);
  const args = insertArgs(p, 0, 0, params, cols, 0, '');
  // The case row as last touched on its own simulated dates, so 长期未动 finds the demo court's idle cases.
  args[args.length - 2] = seedStamp(record.filedOn, today);
  args[args.length - 1] = seedStamp(lastSeedDate(record, events, extensions, mediation), today);
  const row: SeedRow = { args, doc: searchDocument(p.canonical, p.courtCode, params.plaintiffs, params.defendants), division: record.division, judge: record.judge, events, extensions };
  // Only where there is one: the other rows cross to the writer without an empty field to clone.
  if (mediation) row.mediation = mediation;
  return row;
}

/**
 * A seeded row's created_at or updated_at: the simulated day it happened, at 09:00 Beijing time (01:00 UTC), never
 * after the seed's today. The wall clock would make every demo case look touched today, and 长期未动 always empty.
 */
export function seedStamp(date: string, today: string): string {
  return `${date < today ? date : today}T01:00:00.000Z`;
}

/** The latest simulated date recorded on a case: filing, closing, a period's start or end, a request or decision, a 先行调解 step. */
export function lastSeedDate(
  record: Pick<CaseRecord, 'filedOn' | 'closedOn'>, events: SeedRow['events'], extensions: SeedRow['extensions'], mediation?: SeedMediation,
): string {
  let last = record.filedOn;
  const see = (d: string | null | undefined) => {
    if (d && d > last) last = d;
  };
  see(record.closedOn);
  for (const e of events) {
    see(e.fromOn);
    see(e.toOn);
  }
  for (const x of extensions) {
    see(x.requestedOn);
    see(x.decidedOn);
  }
  if (mediation) {
    see(mediation.receivedOn);
    see(mediation.consentOn);
    see(mediation.endedOn);
  }
  return last;
}
