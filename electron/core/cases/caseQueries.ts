// Read side of cases: filtered, sorted pages; counts; one case in full; the lookups behind the filters.
import type { Database } from 'better-sqlite3';
import type { CaseDetail, CaseFilter, CaseListResult, CaseListRow, DeadlineSummary, DivisionView, JudgeView, CaseListArgs } from '../../../shared/api/contract';
import { caseListArgs } from '../../../shared/api/contract';
import { computeDeadline } from '../../../shared/deadlines/engine';
import { DeadlineRules } from '../deadlines/deadlineRules';
import { isDeductibleKind } from '../../../shared/deadlines/limits';
import { addDays } from '../../../shared/dates/calendar';
import { deadlineInputOf, rowToRecord, splitParties, stoppedOrder, toYuan, type CaseRow, type EngineFacts } from './caseRow';
import { planSearch } from './search';
import { caseExtras } from './caseExtras';
import type { CaseScope } from '../../../shared/accounts/roles';
import type { EventKind, ExtensionStatus } from '../../../shared/cases/types';
import { MEDIATION_WARN_DAYS } from '../../../shared/cases/caseWork';

interface EventRow {
  id: number;
  kind: EventKind;
  fromOn: string;
  toOn: string | null;
  note: string | null;
}

type Where = { clauses: string[]; params: Record<string, unknown>; empty: boolean };

/** Everyone sees all cases unless a scope says otherwise (shared/accounts/roles.ts caseScope). */
export const ALL_CASES: CaseScope = { kind: 'all' };

/** Adds a person's case scope to a query's clauses (cases aliased c); false when the scope holds no case at all. */
export function scopeClause(scope: CaseScope, clauses: string[], params: Record<string, unknown>): boolean {
  switch (scope.kind) {
    case 'all':
      return true;
    case 'division':
      clauses.push('c.division_id = @scopeDivision');
      params.scopeDivision = scope.divisionId;
      return true;
    case 'own':
      clauses.push('c.judge_id = @scopeJudge');
      params.scopeJudge = scope.staffId;
      return true;
    default:
      return false;
  }
}

export { inScope } from './caseScope';

/** Whether the cases asked for are one division's or one judge's, whose open cases have indexes of their own. */
export function isNarrowed(f: CaseFilter, scope: CaseScope): boolean {
  return scope.kind !== 'all' || f.divisionId !== undefined || f.judgeId !== undefined;
}

export function buildWhere(db: Database, f: CaseFilter, today: string, scope: CaseScope = ALL_CASES): Where {
  const clauses: string[] = [];
  const params: Record<string, unknown> = {};
  let empty = !scopeClause(scope, clauses, params);
  // Terms implied by the status but spelled out, so that a division's or a judge's query can use the indexes of
  // open cases (migration 8): a running or stopped clock is an open case, and a running clock's due_order is its
  // due date. Court-wide, the running clocks' own index is better, so the overdue terms are left as they were.
  const narrowed = isNarrowed(f, scope);
  switch (f.status) {
    case 'open':
      clauses.push('c.closed_on IS NULL');
      break;
    case 'closed':
      clauses.push('c.closed_on IS NOT NULL');
      break;
    case 'overdue':
      clauses.push("c.clock = 'running' AND c.due_on < @today");
      if (narrowed) clauses.push('c.closed_on IS NULL AND c.due_order < @today');
      params.today = today;
      break;
    case 'suspended':
      clauses.push("c.clock = 'suspended' AND c.closed_on IS NULL");
      break;
    case 'paused':
      clauses.push("c.clock = 'paused' AND c.closed_on IS NULL");
      break;
    case 'stopped':
      clauses.push("(c.clock = 'suspended' OR c.clock = 'paused') AND c.closed_on IS NULL");
      break;
    case 'mediating':
      clauses.push('c.closed_on IS NULL AND c.id IN (SELECT case_id FROM mediations WHERE ended_on IS NULL)');
      break;
    case 'mediation_due':
      // The mediation's due date is its receipt plus its days, as mediationView shows it (calendar days).
      clauses.push(
        "c.closed_on IS NULL AND c.id IN (SELECT case_id FROM mediations WHERE ended_on IS NULL AND date(received_on, '+' || (base_days + extension_days) || ' days') <= @mediationDueBy)",
      );
      params.mediationDueBy = addDays(today, MEDIATION_WARN_DAYS);
      break;
  }
  if (f.remainingMin !== undefined || f.remainingMax !== undefined) {
    // Days remaining of an open case: a running clock's come from its due date, a stopped clock's are frozen. Both
    // are ranges of due_order (a date, or 'S' and the frozen days), so one index answers the filter and its order.
    clauses.push('c.closed_on IS NULL AND (c.due_order BETWEEN @dueFrom AND @dueTo OR c.due_order BETWEEN @stopFrom AND @stopTo)');
    params.dueFrom = f.remainingMin !== undefined ? addDays(today, f.remainingMin) : '0';
    params.dueTo = f.remainingMax !== undefined ? addDays(today, f.remainingMax) : '9999-12-31';
    params.stopFrom = stoppedOrder(f.remainingMin ?? -500_000);
    params.stopTo = stoppedOrder(f.remainingMax ?? 499_999);
  }
  if (f.divisionId !== undefined) {
    clauses.push('c.division_id = @divisionId');
    params.divisionId = f.divisionId;
  }
  if (f.judgeId !== undefined) {
    clauses.push('c.judge_id = @judgeId');
    params.judgeId = f.judgeId;
  }
  if (f.procedure !== undefined) {
    clauses.push('c.procedure = @procedure');
    params.procedure = f.procedure;
  }
  if (f.typeCode !== undefined) {
    clauses.push('c.type_code = @typeCode');
    params.typeCode = f.typeCode;
  }
  if (f.search) {
    const plan = planSearch(db, f.search);
    if (plan.kind === 'none') empty = true;
    else if (plan.kind === 'exact') {
      clauses.push('c.case_number = @exact');
      params.exact = plan.caseNumber;
    } else if (plan.kind === 'match') {
      clauses.push('c.id IN (SELECT rowid FROM case_search WHERE case_search MATCH @search)');
      params.search = plan.query;
    } else {
      clauses.push("(instr(c.case_number, @scan) > 0 OR instr(c.plaintiffs, @scan) > 0 OR instr(c.defendants, @scan) > 0)");
      params.scan = plan.pattern;
    }
  }
  return { clauses, params, empty };
}

const ORDER_BY: Record<string, string> = {
  filedOn_desc: 'c.filed_on DESC, c.id DESC',
  filedOn_asc: 'c.filed_on ASC, c.id ASC',
  // Running and closed cases by due date, then stopped clocks by frozen days remaining, then those without a limit.
  dueOn_asc: 'c.due_order ASC, c.id ASC',
  caseNumber_asc: 'c.case_number ASC',
};

export class CaseQueries {
  private eventsStmt;
  private extensionsStmt;
  private extensionViewsStmt;
  private byNumberStmt;
  private namesStmt;

  private rules: DeadlineRules;

  constructor(private db: Database) {
    this.rules = new DeadlineRules(db);
    this.eventsStmt = db.prepare('SELECT id, kind, from_on AS fromOn, to_on AS toOn, note FROM case_events WHERE case_id = ? ORDER BY from_on, id');
    this.extensionsStmt = db.prepare('SELECT status, months, days FROM extension_requests WHERE case_id = ?');
    this.extensionViewsStmt = db.prepare(
      `SELECT id, months, days, reason, status, requested_on AS requestedOn, decided_on AS decidedOn
       FROM extension_requests WHERE case_id = ? ORDER BY requested_on, id`,
    );
    this.byNumberStmt = db.prepare('SELECT * FROM cases WHERE case_number = ?');
    this.namesStmt = db.prepare('SELECT (SELECT name FROM divisions WHERE id = ?) AS division, (SELECT name FROM staff WHERE id = ?) AS judge');
  }

  /** The SQL of a page, exposed so tests can check its plan uses an index. */
  listSql(args: CaseListArgs, today: string, scope: CaseScope = ALL_CASES): { sql: string; params: Record<string, unknown>; empty: boolean } {
    const a = caseListArgs.parse(args);
    const w = buildWhere(this.db, a, today, scope);
    const where = w.clauses.length ? `WHERE ${w.clauses.join(' AND ')}` : '';
    // CROSS JOIN pins cases as the outer loop: with statistics the planner may otherwise start from the small
    // divisions table and sort every matching case (1.6 s for a procedure filter at a million cases) instead of
    // walking the sort's index and stopping at one page.
    // Only running clocks (overdue): their due_order is their due date, and the running cases' own index gives it.
    const order = a.sort === 'dueOn_asc' && a.status === 'overdue' && !isNarrowed(a, scope) ? 'c.due_on ASC, c.id ASC' : ORDER_BY[a.sort];
    const sql = `SELECT c.*, d.name AS division_name, s.name AS judge_name
      FROM cases c CROSS JOIN divisions d ON d.id = c.division_id CROSS JOIN staff s ON s.id = c.judge_id
      ${where} ORDER BY ${order} LIMIT @limit OFFSET @offset`;
    return { sql, params: { ...w.params, limit: a.limit + 1, offset: a.offset }, empty: w.empty };
  }

  list(args: CaseListArgs, today: string, scope: CaseScope = ALL_CASES): CaseListResult {
    const a = caseListArgs.parse(args);
    const q = this.listSql(a, today, scope);
    if (q.empty) return { rows: [], offset: a.offset, hasMore: false };
    const rows = this.db.prepare(q.sql).all(q.params) as Array<CaseRow & { division_name: string; judge_name: string }>;
    const hasMore = rows.length > a.limit;
    return { rows: rows.slice(0, a.limit).map((r) => this.toListRow(r, r.division_name, r.judge_name, today)), offset: a.offset, hasMore };
  }

  countSql(f: CaseFilter, today: string, scope: CaseScope = ALL_CASES) {
    const w = buildWhere(this.db, f, today, scope);
    const where = w.clauses.length ? `WHERE ${w.clauses.join(' AND ')}` : '';
    return { sql: `SELECT count(*) FROM cases c ${where}`, params: w.params, empty: w.empty };
  }

  count(f: CaseFilter, today: string, scope: CaseScope = ALL_CASES): number {
    const q = this.countSql(f, today, scope);
    if (q.empty) return 0;
    return this.db.prepare(q.sql).pluck().get(q.params) as number;
  }

  private facts(caseId: number): { events: EventRow[]; extensions: EngineFacts['extensions'] } {
    return {
      events: this.eventsStmt.all(caseId) as EventRow[],
      extensions: this.extensionsStmt.all(caseId) as Array<{ status: ExtensionStatus; months: number; days: number }>,
    };
  }

  /** One row as the list shows it (public for the .xlsx export, which reads the list's own query row by row). */
  toListRow(r: CaseRow, division: string, judge: string, today: string): CaseListRow {
    // Stored columns answer running and closed cases; a stopped clock moves daily, so it is computed for today.
    let limit: string | null = null;
    let dueOn = r.due_on;
    let daysRemaining: number | null = null;
    let status: CaseListRow['status'];
    if (r.clock === 'suspended' || r.clock === 'paused' || r.clock === 'running' || r.clock === 'closed') {
      // A running clock with nothing deducted or extended needs no facts; the rest load theirs (rare, one page at most).
      const bare = r.clock === 'running' && r.ext_months === 0 && r.ext_days === 0 && r.deducted_days === 0;
      const d = computeDeadline(deadlineInputOf(r, bare ? { events: [], extensions: [] } : this.facts(r.id)), today, true, this.rules.restDays());
      limit = d.limit;
      dueOn = d.dueOn;
      daysRemaining = d.daysRemaining;
      status = d.status;
    } else {
      status = 'no_limit';
    }
    return {
      id: r.id, caseNumber: r.case_number, typeCode: r.type_code, cause: r.cause, procedure: r.procedure,
      filedOn: r.filed_on, closedOn: r.closed_on, closingMethod: r.closing_method, divisionId: r.division_id, division,
      judgeId: r.judge_id, judge, plaintiffs: splitParties(r.plaintiffs), defendants: splitParties(r.defendants),
      limit, dueOn, daysRemaining, status,
    };
  }

  get(caseNumber: string, today: string, scope: CaseScope = ALL_CASES): CaseDetail | null {
    const r = this.byNumberStmt.get(caseNumber) as CaseRow | undefined;
    if (!r) return null;
    const names = this.namesStmt.get(r.division_id, r.judge_id) as { division: string; judge: string };
    const facts = this.facts(r.id);
    const d = computeDeadline(deadlineInputOf(r, facts), today, true, this.rules.restDays());
    const record = rowToRecord(r, names.division, names.judge);
    return {
      ...this.toListRow(r, names.division, names.judge, today),
      limit: d.limit, dueOn: d.dueOn, daysRemaining: d.daysRemaining, status: d.status,
      limitVariant: r.limit_variant,
      claimAmount: record.claimAmount,
      importedDeductedDays: r.imported_deducted_days,
      importedExtendedDays: r.imported_extended_days,
      appealed: record.appealed,
      appealOutcome: r.appeal_outcome,
      originCaseNumber: r.origin_case_number,
      enforcementClaim: toYuan(r.enforcement_claim_fen),
      enforcementRecovered: toYuan(r.enforcement_recovered_fen),
      reviewed: record.reviewed,
      precedentSearched: record.precedentSearched,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      events: facts.events.map((e) => ({ ...e, deductible: isDeductibleKind(e.kind, r.type_code) })),
      extensions: this.extensionViewsStmt.all(r.id) as CaseDetail['extensions'],
      deadline: {
        limit: d.limit, ruleLabel: d.rule?.label ?? null, basis: d.rule?.basis ?? null, statutoryDueOn: d.statutoryDueOn,
        deductedDays: d.deductedDays, extension: d.extensionLabel, dueOn: d.dueOn, daysRemaining: d.daysRemaining, status: d.status, steps: d.steps,
      },
      ...caseExtras(this.db, r, today, scope),
    };
  }

  /**
   * The divisions a person may pick in a case filter: his division, or those of his own cases for a judge; every
   * division for court-wide staff, and for the administrator, who sees no cases but assigns accounts to divisions.
   */
  divisions(scope: CaseScope = ALL_CASES): DivisionView[] {
    const all = 'SELECT id, name, kind FROM divisions WHERE active = 1';
    switch (scope.kind) {
      case 'division':
        return this.db.prepare(`${all} AND id = ? ORDER BY name`).all(scope.divisionId) as DivisionView[];
      case 'own':
        return this.db.prepare(`${all} AND (id IN (SELECT DISTINCT division_id FROM cases WHERE judge_id = @me) OR id = (SELECT division_id FROM staff WHERE id = @me)) ORDER BY name`)
          .all({ me: scope.staffId }) as DivisionView[];
      default:
        return this.db.prepare(`${all} ORDER BY name`).all() as DivisionView[];
    }
  }

  /** The judges a person may pick in a case filter: within his scope only (a judge, himself); none without one. */
  judges(divisionId?: number, scope: CaseScope = ALL_CASES): JudgeView[] {
    const clauses = ['s.active = 1'];
    const params: Record<string, unknown> = {};
    if (divisionId !== undefined) {
      clauses.push('s.division_id = @divisionId');
      params.divisionId = divisionId;
    }
    if (scope.kind === 'none') return [];
    if (scope.kind === 'division') {
      clauses.push('s.division_id = @scopeDivision');
      params.scopeDivision = scope.divisionId;
    }
    if (scope.kind === 'own') {
      clauses.push('s.id = @me');
      params.me = scope.staffId;
    }
    return this.db.prepare(
      `SELECT DISTINCT s.id, s.name, s.division_id AS divisionId FROM staff s JOIN staff_roles r ON r.staff_id = s.id AND r.role = 'judge'
       WHERE ${clauses.join(' AND ')} ORDER BY s.name`,
    ).all(params) as JudgeView[];
  }

  summary(today: string, scope: CaseScope = ALL_CASES): DeadlineSummary {
    const n = (f: CaseFilter) => this.count(f, today, scope);
    return {
      today,
      open: n({ status: 'open' }),
      overdue: n({ status: 'overdue' }),
      suspended: n({ status: 'suspended' }),
      paused: n({ status: 'paused' }),
      stopped: n({ status: 'stopped' }),
      mediating: n({ status: 'mediating' }),
      mediationDue: n({ status: 'mediation_due' }),
      dueWithin7: n({ remainingMin: 0, remainingMax: 7 }),
      dueWithin15: n({ remainingMin: 0, remainingMax: 15 }),
      dueWithin30: n({ remainingMin: 0, remainingMax: 30 }),
    };
  }

}
