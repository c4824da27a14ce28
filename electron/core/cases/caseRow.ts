// Maps between the stored cases row and the CaseRecord of the spec, and derives the stored deadline columns.
import type { CaseRecord, LimitVariant, Procedure, ClosingMethod, AppealOutcome, ExtensionStatus } from '../../../shared/cases/types';
import { computeDeadline, type Deadline, type DeadlineInput } from '../../../shared/deadlines/engine';
import { daysBetween } from '../../../shared/dates/calendar';

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
  const ext = d.extension ?? { months: 0, days: 0 };
  const base = { deducted_days: d.deductedDays, ext_months: ext.months, ext_days: ext.days };
  if (closedOn !== null) {
    return {
      ...base,
      clock: 'closed',
      due_on: d.dueOn,
      duration_days: daysBetween(filedOn, closedOn) - d.deductedDays,
      closed_overdue: d.rule ? (d.status === 'closed_overdue' ? 1 : 0) : null,
    };
  }
  if (!d.rule) return { ...base, clock: 'no_limit', due_on: null, duration_days: null, closed_overdue: null };
  if (d.status === 'suspended') return { ...base, clock: 'suspended', due_on: null, duration_days: null, closed_overdue: null };
  if (d.periods.some((p) => p.open)) return { ...base, clock: 'paused', due_on: null, duration_days: null, closed_overdue: null };
  return { ...base, clock: 'running', due_on: d.dueOn, duration_days: null, closed_overdue: null };
}

export function computeColumns(row: Parameters<typeof deadlineInputOf>[0], facts: EngineFacts, today: string): DeadlineColumns {
  return deadlineColumns(computeDeadline(deadlineInputOf(row, facts), today, false), row.filed_on, row.closed_on);
}

export type { ExtensionStatus };
