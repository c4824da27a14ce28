// Extension requests as the desks read them: one request with its steps and letters, and the queue within a person's
// scope, each row carrying the case's days remaining from the engine and its judge's load.
import type { Database } from 'better-sqlite3';
import type { CaseScope } from '../../../shared/accounts/roles';
import { EXTENSION_LIST_LIMIT, STAGE_LABELS, type ExtensionAttachmentView, type ExtensionDetail, type ExtensionRow, type ExtensionStage, type ExtensionStepView } from '../../../shared/extensions/api';
import { ROUTE_LABELS, type ExtensionReason, type ExtensionRoute } from '../../../shared/extensions/rules';
import type { ExtensionStatus } from '../../../shared/cases/types';
import { computeDeadline } from '../../../shared/deadlines/engine';
import { deadlineInputOf, type CaseRow } from '../cases/caseRow';
import type { CaseStore } from '../cases/caseStore';
import { DeadlineRules } from '../deadlines/deadlineRules';

/** A request's own columns as stored (migration 10 added the workflow's). */
export interface RequestRow {
  id: number;
  case_id: number;
  months: number;
  days: number;
  reason: string;
  reason_code: ExtensionReason | null;
  explanation: string | null;
  requested_by: number | null;
  /** The assistant who asked for the judge (migration 11); null when the judge asked himself. */
  entered_by: number | null;
  requested_on: string;
  late: number;
  status: ExtensionStatus;
  stage: ExtensionStage | null;
  route: ExtensionRoute | null;
  asked_months: number | null;
  asked_days: number | null;
  decided_on: string | null;
  decided_by: number | null;
}

const STATUS_TEXT: Record<ExtensionStatus, string> = { pending: '审批中', approved: '已批准', rejected: '未批准', higher_court: '已报上级法院' };
/** The stage of a row as requestRow reads it, in SQL. */
export const STAGE_SQL = "coalesce(r.stage, CASE r.status WHEN 'pending' THEN 'decision' WHEN 'higher_court' THEN 'higher_court' ELSE 'decided' END)";

/** The SQL terms of a scope over the cases table aliased c (the same reach as caseScope.inScope). */
export function scopeTerms(scope: CaseScope): { sql: string; params: unknown[] } {
  switch (scope.kind) {
    case 'all': return { sql: '1', params: [] };
    case 'division': return { sql: 'c.division_id = ?', params: [scope.divisionId] };
    case 'own': return { sql: 'c.judge_id = ?', params: [scope.staffId] };
    default: return { sql: '0', params: [] };
  }
}

export class ExtensionViews {
  private rules: DeadlineRules;
  private s;

  constructor(private db: Database, private store: CaseStore) {
    this.rules = new DeadlineRules(db);
    this.s = {
      request: db.prepare('SELECT * FROM extension_requests WHERE id = ?'),
      caseById: db.prepare('SELECT * FROM cases WHERE id = ?'),
      names: db.prepare('SELECT (SELECT name FROM divisions WHERE id = ?) AS division, (SELECT name FROM staff WHERE id = ?) AS judge'),
      staffName: db.prepare('SELECT name FROM staff WHERE id = ?').pluck(),
      steps: db.prepare(
        `SELECT x.step, x.outcome, s.name AS by, x.decided_on AS "on", x.created_at AS at, x.months, x.days, x.comment, x.late
         FROM extension_decisions x LEFT JOIN staff s ON s.id = x.decided_by WHERE x.request_id = ? ORDER BY x.id`,
      ),
      attachments: db.prepare('SELECT id, name, mime, size, sha256 FROM extension_attachments WHERE request_id = ? ORDER BY id'),
      // substr on a BLOB counts bytes from 1: one piece is read, never the whole scan.
      attachment: db.prepare('SELECT id, name, mime, size, sha256, substr(bytes, ? + 1, ?) AS bytes FROM extension_attachments WHERE id = ? AND request_id = ?'),
      earlier: db.prepare("SELECT count(*) FROM extension_requests WHERE case_id = ? AND id <> ? AND status = 'approved'").pluck(),
      earlierSpan: db.prepare("SELECT count(*) AS count, coalesce(sum(months), 0) AS months, coalesce(sum(days), 0) AS days FROM extension_requests WHERE case_id = ? AND id <> ? AND status = 'approved'"),
      judgeOpen: db.prepare('SELECT count(*) FROM cases WHERE judge_id = ? AND closed_on IS NULL').pluck(),
      judgeOverdue: db.prepare("SELECT count(*) FROM cases WHERE judge_id = ? AND closed_on IS NULL AND clock = 'running' AND due_on < ?").pluck(),
    };
  }

  /**
   * A request by id. Rows written before the workflow or by the demo generator have no stage: one still pending waits
   * for the decision, one sent up for the higher court's answer, the rest are decided; so they can be finished here.
   */
  requestRow(id: number): RequestRow | null {
    const r = this.s.request.get(id) as RequestRow | undefined;
    if (!r) return null;
    return r.stage !== null ? r : { ...r, stage: r.status === 'pending' ? 'decision' : r.status === 'higher_court' ? 'higher_court' : 'decided' };
  }

  caseOf(r: RequestRow): CaseRow {
    return this.s.caseById.get(r.case_id) as CaseRow;
  }

  /** The engine's deadline of a case today: due date, days remaining and status. */
  deadlineOf(c: CaseRow, today: string) {
    return computeDeadline(deadlineInputOf(c, this.store.facts(c.id)), today, false, this.rules.restDays());
  }

  /**
   * The ids of the requests in a scope, oldest first while they wait, newest first once decided; `filter`: further
   * terms over r and c (the study's figures, extensionStudy.filterTerms).
   */
  ids(scope: CaseScope, status: 'waiting' | 'decided' | 'all', caseId: number | null, filter: { sql: string[]; params: unknown[] } = { sql: [], params: [] }): number[] {
    const where = scopeTerms(scope);
    const terms = [where.sql, ...filter.sql];
    if (status === 'waiting') terms.push(`${STAGE_SQL} <> 'decided'`);
    if (status === 'decided') terms.push(`${STAGE_SQL} = 'decided'`);
    if (caseId !== null) terms.push('r.case_id = ?');
    const order = status === 'waiting' ? 'r.requested_on, r.id' : 'r.requested_on DESC, r.id DESC';
    // A court's decided requests grow with the years: the answer holds the most recent EXTENSION_LIST_LIMIT, and the
    // desk says when it is cut (format.ts listSummary) rather than show a shorter list as if it were all.
    return this.db.prepare(`SELECT r.id FROM extension_requests r JOIN cases c ON c.id = r.case_id WHERE ${terms.join(' AND ')} ORDER BY ${order} LIMIT ${EXTENSION_LIST_LIMIT}`)
      .pluck().all(...where.params, ...filter.params, ...(caseId !== null ? [caseId] : [])) as number[];
  }

  row(r: RequestRow, today: string, waitingFor: (r: RequestRow, c: CaseRow) => string | null): ExtensionRow {
    const c = this.caseOf(r);
    const names = this.s.names.get(c.division_id, c.judge_id) as { division: string; judge: string };
    const d = this.deadlineOf(c, today);
    const steps = (this.s.steps.all(r.id) as Array<Omit<ExtensionStepView, 'late' | 'step'> & { step: string; late: number }>).map((x) => ({
      ...x, step: (x.outcome === 'forwarded' ? 'forwarded' : x.step) as ExtensionStepView['step'], late: x.late === 1,
    }));
    const asked = { months: r.asked_months ?? r.months, days: r.asked_days ?? r.days };
    return {
      id: r.id, caseNumber: c.case_number, cause: c.cause, procedure: c.procedure, division: names.division, judge: names.judge, filedOn: c.filed_on,
      dueOn: d.dueOn, daysRemaining: c.closed_on ? null : d.daysRemaining, deadlineStatus: d.status,
      requestedBy: r.requested_by === null ? null : (this.s.staffName.get(r.requested_by) as string), requestedOn: r.requested_on,
      enteredBy: r.entered_by === null ? null : (this.s.staffName.get(r.entered_by) as string),
      reason: r.reason, reasonCode: r.reason_code, explanation: r.explanation, asked,
      approved: r.status === 'approved' ? { months: r.months, days: r.days } : null,
      status: r.status, stage: r.stage, stageLabel: r.stage && r.stage !== 'decided' ? STAGE_LABELS[r.stage] : STATUS_TEXT[r.status],
      route: r.route, routeLabel: r.route ? ROUTE_LABELS[r.route] : null, late: r.late === 1,
      waitingFor: r.stage && r.stage !== 'decided' ? waitingFor(r, c) : null,
      earlierExtensions: this.s.earlier.get(c.id, r.id) as number,
      judgeOpen: this.s.judgeOpen.get(c.judge_id) as number,
      judgeOverdue: this.s.judgeOverdue.get(c.judge_id, today) as number,
      steps,
      // Names and sizes only: the desks list the letters; their bytes come in pieces (extensions.attachment).
      attachments: this.s.attachments.all(r.id) as ExtensionAttachmentView[],
    };
  }

  /** The extensions a case had approved besides this request: how many, and their spans added up (for the printed form). */
  earlierSpan(r: RequestRow): { count: number; months: number; days: number } {
    return this.s.earlierSpan.get(r.case_id, r.id) as { count: number; months: number; days: number };
  }

  /** A person's name by staff id. */
  staffName(id: number): string {
    return this.s.staffName.get(id) as string;
  }

  /** One letter of a request with the piece of its bytes that starts at `offset` (at most `max` bytes). */
  attachment(requestId: number, id: number, offset: number, max: number): (ExtensionAttachmentView & { bytes: Buffer }) | null {
    const row = this.s.attachment.get(offset, max, id, requestId) as (ExtensionAttachmentView & { bytes: Buffer | null }) | undefined;
    return row ? { ...row, bytes: row.bytes ?? Buffer.alloc(0) } : null;
  }

  detail(r: RequestRow, today: string, waitingFor: (r: RequestRow, c: CaseRow) => string | null, notes: string[] = []): ExtensionDetail {
    return { ...this.row(r, today, waitingFor), notes };
  }
}
