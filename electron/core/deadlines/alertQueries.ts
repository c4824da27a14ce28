// The alert lists beside 审限预警: hidden-overdue cases (隐性超审限) and cold cases (长期未动), within the reader's scope.
import type { Database, Statement } from 'better-sqlite3';
import type { CaseScope } from '../../../shared/accounts/roles';
import { ALERT_ROWS_MAX, type AlertCaseRow, type AlertList } from '../../../shared/deadlines/api';
import { computeDeadline, type Deadline } from '../../../shared/deadlines/engine';
import { hiddenOverdue, idleDays, SHORTEST_LIMIT_DAYS, type AlertThresholds, type CaseFacts, type RequestFact } from '../../../shared/deadlines/hiddenOverdue';
import { addDays } from '../../../shared/dates/calendar';
import type { ExtensionStatus, LimitVariant, Procedure } from '../../../shared/cases/types';
import { DeadlineRules } from './deadlineRules';

interface FactRow {
  id: number;
  case_number: string;
  type_code: string;
  procedure: Procedure | null;
  limit_variant: LimitVariant | null;
  filed_on: string;
  imported_deducted_days: number;
  imported_extended_days: number;
  division_name: string;
  judge_name: string;
  last_at?: string;
}

const COLUMNS = `c.id, c.case_number, c.type_code, c.procedure, c.limit_variant, c.filed_on, c.imported_deducted_days, c.imported_extended_days,
  d.name AS division_name, s.name AS judge_name`;
// CROSS JOIN keeps cases the outer loop, read through the open cases' indexes of a division or a judge (migration 8).
const FROM = 'FROM cases c CROSS JOIN divisions d ON d.id = c.division_id CROSS JOIN staff s ON s.id = c.judge_id';
const SCOPE_SQL = { all: "c.filed_on >= '0'", division: 'c.division_id = @scopeId', own: 'c.judge_id = @scopeId' } as const;
type ScopeKind = keyof typeof SCOPE_SQL;

/**
 * Candidates, narrowed in SQL so that the engine runs only on cases one of the rules could fire for: an open period
 * older than the threshold; an approved or late request; a stopped clock or stored deductions above the shortest limit
 * in the table (the stored figure grows only while a period is open, and then the clock is stopped).
 */
const HIDDEN_WHERE = `c.closed_on IS NULL AND c.clock <> 'no_limit' AND (
  c.clock IN ('suspended', 'paused') OR c.deducted_days > ${SHORTEST_LIMIT_DAYS}
  OR EXISTS (SELECT 1 FROM case_events e WHERE e.case_id = c.id AND e.to_on IS NULL AND e.from_on < @openCutoff)
  OR EXISTS (SELECT 1 FROM extension_requests x WHERE x.case_id = c.id AND (x.late = 1 OR x.status = 'approved')))`;

/**
 * Cold: nothing recorded since the cutoff on the case itself (any edit, and every engine recount, stamps its
 * updated_at), on its periods, its extension requests or its 先行调解. Timestamps are UTC, as every updated_at is
 * written. The audit log is not read: append-only, not indexed by case, and each of its case entries stamps a row here.
 */
const COLD_WHERE = `c.closed_on IS NULL AND c.updated_at < @cutoff
  AND NOT EXISTS (SELECT 1 FROM case_events e WHERE e.case_id = c.id AND e.updated_at >= @cutoff)
  AND NOT EXISTS (SELECT 1 FROM extension_requests x WHERE x.case_id = c.id AND x.updated_at >= @cutoff)
  AND NOT EXISTS (SELECT 1 FROM mediations m WHERE m.case_id = c.id AND m.updated_at >= @cutoff)`;
const LAST_AT = `max(c.updated_at, coalesce((SELECT max(e.updated_at) FROM case_events e WHERE e.case_id = c.id), ''),
  coalesce((SELECT max(x.updated_at) FROM extension_requests x WHERE x.case_id = c.id), ''),
  coalesce((SELECT m.updated_at FROM mediations m WHERE m.case_id = c.id), '')) AS last_at`;

export class AlertQueries {
  private rules: DeadlineRules;
  private eventsStmt: Statement;
  private requestsStmt: Statement;
  private cache = new Map<string, Statement>();

  constructor(private db: Database) {
    this.rules = new DeadlineRules(db);
    this.eventsStmt = db.prepare('SELECT kind, from_on AS fromOn, to_on AS toOn FROM case_events WHERE case_id = ? ORDER BY from_on, id');
    this.requestsStmt = db.prepare(
      'SELECT status, months, days, requested_on AS requestedOn, decided_on AS decidedOn, late FROM extension_requests WHERE case_id = ? ORDER BY requested_on, id',
    );
  }

  /** One statement per list and scope kind, prepared on first use. */
  private stmt(name: string, kind: ScopeKind, sql: (scope: string) => string): Statement {
    const key = `${name}:${kind}`;
    let s = this.cache.get(key);
    if (!s) {
      s = this.db.prepare(sql(SCOPE_SQL[kind]));
      this.cache.set(key, s);
    }
    return s;
  }

  /** The SQL of the hidden-overdue candidates, exposed so tests can check its plan. */
  hiddenSql(kind: ScopeKind): string {
    return `SELECT ${COLUMNS} ${FROM} WHERE ${SCOPE_SQL[kind]} AND ${HIDDEN_WHERE}`;
  }

  private facts(r: FactRow): CaseFacts {
    const requests = (this.requestsStmt.all(r.id) as Array<Omit<RequestFact, 'late'> & { status: ExtensionStatus; late: number }>).map((x) => ({ ...x, late: x.late === 1 }));
    return {
      typeCode: r.type_code, procedure: r.procedure, limitVariant: r.limit_variant, filedOn: r.filed_on, closedOn: null,
      events: this.eventsStmt.all(r.id) as CaseFacts['events'], requests,
      importedDeductedDays: r.imported_deducted_days, importedExtendedDays: r.imported_extended_days,
    };
  }

  private row(r: FactRow, f: CaseFacts, today: string, counted?: Deadline): AlertCaseRow {
    const d = counted ?? computeDeadline({ ...f, extensions: f.requests }, today, false, this.rules.restDays());
    return {
      caseNumber: r.case_number, division: r.division_name, judge: r.judge_name, filedOn: r.filed_on,
      dueOn: d.dueOn, daysRemaining: d.daysRemaining, status: d.status, findings: [],
      lastRecordedOn: r.last_at ? r.last_at.slice(0, 10) : null, idleDays: r.last_at ? idleDays(r.last_at, today) : null,
    };
  }

  hidden(today: string, scope: CaseScope, thresholds: AlertThresholds): AlertList {
    const list: AlertList = { today, thresholds, total: 0, rows: [] };
    if (scope.kind === 'none') return list;
    const params = { openCutoff: addDays(today, -thresholds.openPeriodDays), scopeId: scope.kind === 'division' ? scope.divisionId : scope.kind === 'own' ? scope.staffId : null };
    const restDays = this.rules.restDays();
    const found: AlertCaseRow[] = [];
    for (const r of this.stmt('hidden', scope.kind, () => this.hiddenSql(scope.kind as ScopeKind)).iterate(params) as Iterable<FactRow>) {
      const f = this.facts(r);
      const { deadline, findings } = hiddenOverdue(f, today, thresholds, restDays);
      if (findings.length) found.push({ ...this.row(r, f, today, deadline), findings });
    }
    // Most urgent first: fewest days remaining (overdue before in time), stopped clocks and unknowns last.
    found.sort((a, b) => (a.daysRemaining ?? Infinity) - (b.daysRemaining ?? Infinity) || (a.caseNumber < b.caseNumber ? -1 : 1));
    return { ...list, total: found.length, rows: found.slice(0, ALERT_ROWS_MAX) };
  }

  /** Cold: idle for at least `coldDays` days, i.e. the latest record dated on or before today minus that many days. */
  cold(today: string, scope: CaseScope, thresholds: AlertThresholds): AlertList {
    const list: AlertList = { today, thresholds, total: 0, rows: [] };
    if (scope.kind === 'none') return list;
    const kind = scope.kind;
    const params = { cutoff: addDays(today, 1 - thresholds.coldDays), scopeId: kind === 'division' ? scope.divisionId : kind === 'own' ? scope.staffId : null, limit: ALERT_ROWS_MAX };
    const total = this.stmt('coldCount', kind, (s) => `SELECT count(*) FROM cases c WHERE ${s} AND ${COLD_WHERE}`).pluck().get(params) as number;
    const rows = this.stmt('cold', kind, (s) => `SELECT ${COLUMNS}, ${LAST_AT} ${FROM} WHERE ${s} AND ${COLD_WHERE} ORDER BY last_at, c.id LIMIT @limit`).all(params) as FactRow[];
    return { ...list, total, rows: rows.map((r) => this.row(r, this.facts(r), today)) };
  }
}
