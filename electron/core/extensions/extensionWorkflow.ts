// The extension workflow's writes: a request checked by the time-limit rules, the division head's opinion, the
// decision, the sending up and the higher court's answer. Each is one audited transaction; an approval moves the
// case's stored due date in the same one.
import type { Database } from 'better-sqlite3';
import type { Span } from '../../../shared/deadlines/limits';
import { spanLabel } from '../../../shared/deadlines/limits';
import { checkApproval, checkExtensionRequest, decisionIsLate, type ExtensionFacts, type ExtensionReason } from '../../../shared/extensions/rules';
import type { CaseRow } from '../cases/caseRow';
import type { CaseStore } from '../cases/caseStore';
import { nextRowVersion, nowStamp } from '../db/clock';
import { auditAppender } from '../audit/auditLog';
import { InputError } from '../kernel/errors';
import type { CheckedAttachment } from './attachments';
import { STAGE_SQL, type ExtensionViews, type RequestRow } from './extensionViews';

export interface Actor {
  staffId: number;
  name: string;
  today: string;
}

export interface NewRequest {
  months: number;
  days: number;
  reason: ExtensionReason;
  explanation: string;
  attachments: CheckedAttachment[];
  /** Asked by an assistant for the judge he serves: the request is the judge's, entered by the assistant (`who`). */
  forJudge?: { staffId: number; name: string };
}

const OUTCOME_TEXT = { approved: '批准', rejected: '不批准' } as const;

export class ExtensionWorkflow {
  private audit;
  private s;

  constructor(private db: Database, private store: CaseStore, private views: ExtensionViews) {
    this.audit = auditAppender(db);
    this.s = {
      approved: db.prepare("SELECT months, days, route FROM extension_requests WHERE case_id = ? AND status = 'approved'"),
      pending: db.prepare(`SELECT 1 FROM extension_requests r WHERE r.case_id = ? AND ${STAGE_SQL} <> 'decided'`),
      insert: db.prepare(
        `INSERT INTO extension_requests (case_id, months, days, reason, reason_code, explanation, requested_by, requested_on, late, status, stage, route,
           asked_months, asked_days, row_version, created_at, updated_at, entered_by)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      attach: db.prepare('INSERT INTO extension_attachments (request_id, name, mime, size, sha256, bytes, row_version, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'),
      step: db.prepare(
        `INSERT INTO extension_decisions (request_id, step, outcome, decided_by, decided_on, months, days, comment, late, row_version, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      setStage: db.prepare('UPDATE extension_requests SET stage = ?, status = ?, row_version = ?, updated_at = ? WHERE id = ?'),
      // The stage compared as requestRow reads it, so a row without one (written before the workflow) is decided once.
      decide: db.prepare(
        `UPDATE extension_requests AS r SET stage = 'decided', status = ?, months = ?, days = ?, decided_on = ?, decided_by = ?, row_version = ?, updated_at = ?
         WHERE r.id = ? AND ${STAGE_SQL} = ?`,
      ),
    };
  }

  /** What the rules need to know of a case: its own facts and the engine's due date today. */
  facts(c: CaseRow, today: string): ExtensionFacts {
    const d = this.views.deadlineOf(c, today);
    const approved = this.s.approved.all(c.id) as Array<Span & { route: string | null }>;
    return {
      typeCode: c.type_code, procedure: c.procedure, variant: c.limit_variant, filedOn: c.filed_on, closedOn: c.closed_on,
      // A 中止 with no end stops the clock: there is no due date to extend until the case resumes.
      dueOn: d.status === 'suspended' ? null : d.dueOn,
      granted: approved.filter((x) => x.route === null || x.route === 'president').map(({ months, days }) => ({ months, days })),
      grantedByHigher: approved.filter((x) => x.route === 'higher_court' || x.route === 'high_court').map(({ months, days }) => ({ months, days })),
      pending: this.s.pending.get(c.id) !== undefined,
    };
  }

  /** A new request; `hasHead`: the case's division has a head other than the requester, who gives the opinion first. */
  request(c: CaseRow, a: NewRequest, who: Actor, policy: { refuseLate: boolean }, hasHead: boolean): { id: number; notes: string[] } {
    return this.db.transaction(() => {
      const verdict = checkExtensionRequest(this.facts(c, who.today), { months: a.months, days: a.days, requestedOn: who.today, explanation: a.explanation }, policy);
      if (!verdict.ok) throw new InputError(verdict.message, verdict.field);
      const version = nextRowVersion(this.db);
      const now = nowStamp();
      // With no head to ask, the request goes straight on: to the decision, or to be sent up.
      const stage = hasHead ? 'opinion' : verdict.route === 'president' ? 'decision' : 'forwarding';
      const id = Number(this.s.insert.run(
        c.id, a.months, a.days, a.reason, a.reason, a.explanation, a.forJudge?.staffId ?? who.staffId, who.today, verdict.late ? 1 : 0, stage, verdict.route, a.months, a.days, version, now, now,
        a.forJudge ? who.staffId : null,
      ).lastInsertRowid);
      for (const f of a.attachments) this.s.attach.run(id, f.name, f.mime, f.bytes.length, f.sha256, f.bytes, version, now);
      this.audit({
        actor: who.name, action: 'extension.request', entity: 'case', entityKey: c.case_number,
        after: {
          id, ...(a.forJudge ? { for: a.forJudge.name, enteredBy: who.name } : {}), asked: spanLabel({ months: a.months, days: a.days }), reason: a.reason, explanation: a.explanation, route: verdict.route, late: verdict.late,
          stage, notes: verdict.notes, attachments: a.attachments.map((f) => ({ name: f.name, mime: f.mime, size: f.bytes.length, sha256: f.sha256 })),
        },
      }, now);
      return { id, notes: verdict.notes };
    }).immediate();
  }

  /** The division head's opinion; the request then waits for the decision, or to be sent up. */
  opinion(r: RequestRow, c: CaseRow, agree: boolean, comment: string, who: Actor): void {
    this.db.transaction(() => {
      this.expectStage(r.id, 'opinion');
      const version = nextRowVersion(this.db);
      const now = nowStamp();
      this.s.step.run(r.id, 'opinion', agree ? 'agree' : 'disagree', who.staffId, who.today, null, null, comment, 0, version, now);
      const next = r.route === 'president' ? 'decision' : 'forwarding';
      this.s.setStage.run(next, 'pending', version, now, r.id);
      this.audit({ actor: who.name, action: 'extension.opinion', entity: 'case', entityKey: c.case_number, after: { id: r.id, opinion: agree ? '同意' : '不同意', comment, next } }, now);
    }).immediate();
  }

  /** Sent up to the higher or high court by the president's office; its answer is entered when it returns. */
  forward(r: RequestRow, c: CaseRow, comment: string | null, who: Actor): void {
    this.db.transaction(() => {
      this.expectStage(r.id, 'forwarding');
      const version = nextRowVersion(this.db);
      const now = nowStamp();
      this.s.step.run(r.id, 'higher_court', 'forwarded', who.staffId, who.today, null, null, comment, 0, version, now);
      this.s.setStage.run('higher_court', 'higher_court', version, now, r.id);
      this.audit({ actor: who.name, action: 'extension.forward', entity: 'case', entityKey: c.case_number, after: { id: r.id, route: r.route, comment } }, now);
    }).immediate();
  }

  /**
   * The decision (step 'decision', by the president or his delegate) or the higher court's answer (step
   * 'higher_court'): final. An approval writes the span in force and recomputes the case's stored deadline columns
   * in the same transaction, so the lists and `deadline` show the new due date at once.
   */
  decide(r: RequestRow, step: 'decision' | 'higher_court', approve: boolean, span: Partial<Span>, comment: string, who: Actor): void {
    this.db.transaction(() => {
      const stage = step === 'decision' ? 'decision' : 'higher_court';
      this.expectStage(r.id, stage);
      const c = this.views.caseOf(r);
      const asked: Span = { months: r.asked_months ?? r.months, days: r.asked_days ?? r.days };
      const given: Span = span.months === undefined && span.days === undefined ? asked : { months: span.months ?? 0, days: span.days ?? 0 };
      const facts = this.facts(c, who.today);
      if (approve) {
        const check = checkApproval(facts, asked, given, r.route ?? (step === 'higher_court' ? 'higher_court' : 'president'));
        if (!check.ok) throw new InputError(check.message, 'months');
      } else if (span.months !== undefined || span.days !== undefined) {
        throw new InputError('不批准时不填写延长期限', 'months');
      }
      const dueBefore = c.due_on;
      const late = step === 'decision' && decisionIsLate(c.type_code, facts.dueOn, who.today);
      const version = nextRowVersion(this.db);
      const now = nowStamp();
      const outcome = approve ? 'approved' : 'rejected';
      this.s.step.run(r.id, step, outcome, who.staffId, who.today, approve ? given.months : null, approve ? given.days : null, comment, late ? 1 : 0, version, now);
      const done = this.s.decide.run(outcome, approve ? given.months : r.months, approve ? given.days : r.days, who.today, who.staffId, version, now, r.id, stage);
      if (done.changes !== 1) throw new InputError('此申请已被他人审批，请刷新后查看', 'id');
      const cols = approve ? this.store.refreshDeadline(c, version, who.today) : null;
      this.audit({
        actor: who.name, action: step === 'decision' ? `extension.${outcome === 'approved' ? 'approve' : 'reject'}` : `extension.higherCourt.${outcome}`,
        entity: 'case', entityKey: c.case_number,
        before: { dueOn: dueBefore },
        after: { id: r.id, decision: OUTCOME_TEXT[outcome], asked: spanLabel(asked), approved: approve ? spanLabel(given) : null, comment, late, dueOn: cols ? cols.due_on : dueBefore },
      }, now);
    }).immediate();
  }

  /** Read again inside the transaction: two desks acting on one request at once meet here, not in a CHECK. */
  private expectStage(id: number, stage: string): void {
    const now = this.views.requestRow(id);
    if (!now || now.stage !== stage) throw new InputError('此申请的审批状态已改变，请刷新后查看', 'id');
  }
}
