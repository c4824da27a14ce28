// Writes cases, their deducted periods and suspensions, keeping derived deadline columns, search index and audit in step.
import type { Database, Statement } from 'better-sqlite3';
import type { CaseRecord, ExtensionStatus } from '../../../shared/cases/types';
import { EVENT_KINDS } from '../../../shared/cases/types';
import { parseCaseNumber } from '../../../shared/cases/caseNumber';
import { isIsoDate } from '../../../shared/dates/calendar';
import { isDeductibleKind } from '../../../shared/deadlines/limits';
import { nextRowVersion, nowStamp } from '../db/clock';
import { searchDocument } from './searchDocument';
import { auditAppender, type AuditAppend } from '../audit/auditLog';
import { CourtDirectory, getSelfCourt } from '../court/courtStore';
import { DeadlineRules } from '../deadlines/deadlineRules';
import type { RestDays } from '../../../shared/deadlines/restDays';
import { computeColumns, engineRow, recordParams, rowToRecord, insertArgs, RECORD_COLUMNS, DERIVED_COLUMNS, type CaseRow, type EngineFacts, type DeadlineColumns, seedStamp, type SeedRow } from './caseRow';
import { InputError } from '../kernel/errors';
import type { JobControl } from '../jobs/job';
import type { AuditAction } from '../../../shared/audit/actions';

export type UpsertOutcome = 'inserted' | 'updated' | 'unchanged';

/**
 * What CaseStore.preview needs to know besides the case itself, read once for a whole file: the court's divisions and
 * staff by name as stored (preview looks them up where upsert would add them), and the cases with an open period.
 */
export interface PreviewContext {
  divisionId(name: string): number | undefined;
  staffId(name: string): number | undefined;
  hasOpenPeriod(caseNumber: string): boolean;
}

/**
 * The one test of whether a stored case differs from a record: upsert writes only when it does, and preview answers
 * from it. A division or judge not yet in the directory has no id, which differs from any stored one.
 */
function recordDiffers(existing: CaseRow, params: ReturnType<typeof recordParams>, divisionId: number | undefined, judgeId: number | undefined): boolean {
  return RECORD_COLUMNS.some((c) => existing[c] !== params[c]) || existing.division_id !== divisionId || existing.judge_id !== judgeId;
}

export interface WriteContext {
  actor: string;
  today: string;
  /** Set by bulk loads, which index new cases for search in one pass afterwards (cases/bulkLoad.ts). */
  deferSearchIndex?: boolean;
  /** Fixed for a whole import (one transaction): its time stamp, counting rules and audit chain, read once. */
  batch?: { now: string; restDays: RestDays | null; audit: AuditAppend };
  /** What the person did, when it is more than an edit (case.close, case.reopen …): the audit entry's action. */
  action?: AuditAction;
  /** Facts of that action the record does not hold (a review at closing, a reason), added to the audit entry. */
  details?: Record<string, unknown>;
}

export class CaseStore {
  private s: Record<string, Statement>;
  readonly audit: ReturnType<typeof auditAppender>;

  readonly rules: DeadlineRules;
  private selfCourt: { code: string } | undefined;

  constructor(readonly db: Database) {
    this.rules = new DeadlineRules(db);
    const allCols = [...RECORD_COLUMNS, ...DERIVED_COLUMNS];
    this.s = {
      byNumber: db.prepare('SELECT * FROM cases WHERE case_number = ?'),
      // Positional: binding 36 named parameters from an object cost a third of a bulk insert.
      insert: db.prepare(
        `INSERT INTO cases (case_number, court_code, year, type_code, seq, division_id, judge_id, ${allCols.join(', ')},
           row_version, created_at, updated_at)
         VALUES (${Array.from({ length: 7 + allCols.length + 3 }, () => '?').join(', ')})`,
      ),
      // A cause changed by an import or an edit is no longer the one picked from a catalogue: its catalogue is cleared.
      update: db.prepare(
        `UPDATE cases SET division_id = @division_id, judge_id = @judge_id,
           cause_catalog = CASE WHEN cause = @cause THEN cause_catalog ELSE NULL END, ${allCols.map((c) => `${c} = @${c}`).join(', ')},
           row_version = @row_version, updated_at = @now
         WHERE id = @id`,
      ),
      updateDerived: db.prepare(
        `UPDATE cases SET ${DERIVED_COLUMNS.map((c) => `${c} = @${c}`).join(', ')}, row_version = @row_version, updated_at = @now WHERE id = @id`,
      ),
      searchInsert: db.prepare('INSERT INTO case_search (rowid, doc) VALUES (?, ?)'),
      searchDelete: db.prepare('DELETE FROM case_search WHERE rowid = ?'),
      events: db.prepare('SELECT id, kind, from_on AS fromOn, to_on AS toOn, note FROM case_events WHERE case_id = ? ORDER BY from_on, id'),
      extensions: db.prepare('SELECT status, months, days FROM extension_requests WHERE case_id = ?'),
      insertEvent: db.prepare(
        `INSERT INTO case_events (case_id, kind, from_on, to_on, note, row_version, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      closeEvent: db.prepare('UPDATE case_events SET to_on = ?, row_version = ?, updated_at = ? WHERE id = ?'),
      // The seed's 先行调解 records (insertSeedRow); the window's own go through cases/mediation.ts.
      insertSeedMediation: db.prepare(
        `INSERT INTO mediations (case_id, destination, mediator, received_on, base_days, extension_days, consent_on, ended_on, outcome, row_version, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      insertExtension: db.prepare(
        `INSERT INTO extension_requests (case_id, months, days, reason, reason_code, requested_on, status, decided_on, row_version, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      divisionName: db.prepare('SELECT name FROM divisions WHERE id = ?').pluck(),
      staffName: db.prepare('SELECT name FROM staff WHERE id = ?').pluck(),
    };
    this.audit = auditAppender(db);
  }

  getRow(caseNumber: string): CaseRow | null {
    return (this.s.byNumber.get(caseNumber) as CaseRow | undefined) ?? null;
  }

  facts(caseId: number): EngineFacts {
    return {
      events: this.s.events.all(caseId) as EngineFacts['events'] & Array<{ id: number; note: string | null }>,
      extensions: this.s.extensions.all(caseId) as EngineFacts['extensions'],
    };
  }

  /** Canonical number of a case this court owns, or an InputError naming the problem. */
  resolveOwnNumber(input: string): string {
    const parsed = parseCaseNumber(input);
    if (!parsed.ok) throw new InputError(parsed.error, '案号');
    // The court's code never changes once set (an exchange import asks this for each of 100,000 cases).
    const court = (this.selfCourt ??= getSelfCourt(this.db) ?? undefined);
    if (court && parsed.value.courtCode !== court.code) {
      throw new InputError(`案号“${parsed.value.canonical}”属于法院代码${parsed.value.courtCode}，本院代码为${court.code}`, '案号');
    }
    return parsed.value.canonical;
  }

  requireCase(caseNumber: string): CaseRow {
    const canonical = this.resolveOwnNumber(caseNumber);
    const row = this.getRow(canonical);
    if (!row) throw new InputError(`找不到案件 ${canonical}`, '案号');
    return row;
  }

  /**
   * Inserts a new case or updates the one with the same case number; an unchanged record writes nothing, so
   * importing the same file twice changes nothing. Call inside a transaction.
   */
  upsert(record: CaseRecord, dir: CourtDirectory, rowVersion: number, ctx: WriteContext): UpsertOutcome {
    const { p, params, existing } = this.lookUp(record);
    const restDays = ctx.batch ? ctx.batch.restDays : this.rules.restDays();
    const audit = ctx.batch?.audit ?? this.audit;
    // Refusals come before any write, so a rejected row leaves nothing behind even inside a larger transaction.
    const facts = existing ? this.facts(existing.id) : { events: [], extensions: [] };
    if (existing) this.refuseClosingOverOpenPeriod(p.canonical, params, facts.events.some((e) => e.toOn === null));
    const divisionId = dir.divisionId(record.division, rowVersion);
    const judgeId = dir.staffId(record.judge, divisionId, rowVersion);
    const now = ctx.batch?.now ?? nowStamp();

    if (!existing) {
      const cols = computeColumns(engineRow(p.typeCode, params), { events: [], extensions: [] }, ctx.today, restDays);
      const info = this.s.insert.run(insertArgs(p, divisionId, judgeId, params, cols, rowVersion, now));
      const id = Number(info.lastInsertRowid);
      if (!ctx.deferSearchIndex) this.s.searchInsert.run(id, searchDocument(p.canonical, p.courtCode, params.plaintiffs, params.defendants));
      audit({ actor: ctx.actor, action: ctx.action ?? 'case.create', entity: 'case', entityKey: p.canonical, after: ctx.details ? { ...record, ...ctx.details } : record }, now);
      return 'inserted';
    }

    if (!recordDiffers(existing, params, divisionId, judgeId)) return 'unchanged';

    const before = rowToRecord(existing, this.s.divisionName.get(existing.division_id) as string, this.s.staffName.get(existing.judge_id) as string);
    const cols = computeColumns(engineRow(p.typeCode, params), facts, ctx.today, restDays);
    this.s.update.run({ id: existing.id, division_id: divisionId, judge_id: judgeId, ...params, ...cols, row_version: rowVersion, now });
    if (existing.plaintiffs !== params.plaintiffs || existing.defendants !== params.defendants) {
      this.s.searchDelete.run(existing.id);
      this.s.searchInsert.run(existing.id, searchDocument(p.canonical, p.courtCode, params.plaintiffs, params.defendants));
    }
    audit({ actor: ctx.actor, action: ctx.action ?? 'case.update', entity: 'case', entityKey: p.canonical, before, after: ctx.details ? { ...record, ...ctx.details } : record }, now);
    return 'updated';
  }

  /**
   * What upsert would answer for this record, asked without writing anything: the same case number parsing, the same
   * refusal (thrown as upsert throws it) and the same comparison (recordDiffers). An import asks it of its rows before
   * deciding whether a backup is worth making. Divisions and judges are looked up in `ctx`, not added.
   */
  preview(record: CaseRecord, ctx: PreviewContext): UpsertOutcome {
    const { p, params } = this.checkRefusal(record, ctx);
    const existing = this.getRow(p.canonical);
    if (!existing) return 'inserted';
    return recordDiffers(existing, params, ctx.divisionId(record.division), ctx.staffId(record.judge)) ? 'updated' : 'unchanged';
  }

  /** Only the refusal of preview (and of upsert), without reading the stored case: throws as they would. */
  checkRefusal(record: CaseRecord, ctx: PreviewContext) {
    const { p, params } = this.parse(record);
    this.refuseClosingOverOpenPeriod(p.canonical, params, ctx.hasOpenPeriod(p.canonical));
    return { p, params };
  }

  /** Divisions and staff by name and the cases with an open period, read once for a file's previews. */
  previewContext(): PreviewContext {
    const court = getSelfCourt(this.db);
    const load = (table: 'divisions' | 'staff') => new Map((court ? this.db.prepare(`SELECT name, id FROM ${table} WHERE court_id = ?`).raw().all(court.id) : []) as Array<[string, number]>);
    const divisions = load('divisions');
    const staff = load('staff');
    // A court has at most a few hundred open periods at a time.
    const open = new Set(this.db.prepare('SELECT DISTINCT c.case_number FROM case_events e JOIN cases c ON c.id = e.case_id WHERE e.to_on IS NULL').pluck().all() as string[]);
    return { divisionId: (name) => divisions.get(name), staffId: (name) => staff.get(name), hasOpenPeriod: (n) => open.has(n) };
  }

  /** The parsed case number and the record as columns. */
  private parse(record: CaseRecord) {
    const parsed = parseCaseNumber(record.caseNumber);
    if (!parsed.ok) throw new InputError(parsed.error, '案号');
    return { p: parsed.value, params: recordParams(record) };
  }

  /** The same, and the stored case with that number (if any). */
  private lookUp(record: CaseRecord) {
    const { p, params } = this.parse(record);
    return { p, params, existing: this.getRow(p.canonical) };
  }

  /** A stored case with a deducted period still open cannot be closed by a record: the one refusal of upsert and preview. */
  private refuseClosingOverOpenPeriod(caseNumber: string, params: ReturnType<typeof recordParams>, hasOpenPeriod: boolean): void {
    if (params.closed_on !== null && hasOpenPeriod) {
      throw new InputError(`案件 ${caseNumber} 尚有未结束的扣除审限期间（如中止未恢复），请先结束该期间再结案`, '结案日期');
    }
  }

  /** Recomputes the stored deadline columns of one case from its events and extensions. */
  refreshDeadline(row: CaseRow, rowVersion: number, today: string): DeadlineColumns {
    const cols = computeColumns(row, this.facts(row.id), today, this.rules.restDays());
    this.s.updateDerived.run({ id: row.id, ...cols, row_version: rowVersion, now: nowStamp() });
    return cols;
  }

  /**
   * Recomputes the stored deadline columns of every case, after a counting rule changed (the holiday roll), inside
   * the caller's transaction. Events and extensions are read in one pass each rather than per case; only rows whose
   * figures moved are written, with a new row version (their due dates go into the next export). Returns that count.
   * `mayChange`, given a stored due date, says whether the rule change can move it: the others are not recomputed.
   */
  refreshAllDeadlines(today: string, rowVersion: number, mayChange: (dueOn: string | null) => boolean = () => true, control?: JobControl): number {
    const restDays = this.rules.restDays();
    const group = <T extends { case_id: number }>(rows: T[]) => {
      const by = new Map<number, T[]>();
      for (const r of rows) {
        const list = by.get(r.case_id);
        if (list) list.push(r);
        else by.set(r.case_id, [r]);
      }
      return by;
    };
    const events = group(this.db.prepare('SELECT case_id, kind, from_on AS fromOn, to_on AS toOn FROM case_events ORDER BY case_id, from_on, id').all() as Array<{ case_id: number; kind: string; fromOn: string; toOn: string | null }>);
    const extensions = group(this.db.prepare('SELECT case_id, status, months, days FROM extension_requests').all() as Array<{ case_id: number; status: ExtensionStatus; months: number; days: number }>);
    const now = nowStamp();
    const rows = this.db.prepare(
      `SELECT id, type_code, procedure, limit_variant, filed_on, closed_on, imported_deducted_days, imported_extended_days, ${DERIVED_COLUMNS.join(', ')} FROM cases`,
    );
    // Read fully first: SQLite must not be written through another statement while this one is being stepped.
    const updates: Array<Record<string, unknown>> = [];
    const total = control ? (this.db.prepare('SELECT count(*) FROM cases').pluck().get() as number) : 0;
    let seen = 0;
    for (const r of rows.iterate() as Iterable<CaseRow>) {
      // Progress over the reading pass, which is most of the work; cancelling here leaves nothing written.
      if (control && ++seen % 4096 === 0) {
        control.progress(seen, total);
        control.checkCancelled();
      }
      // A stopped clock's figures follow today and every rule (its due date is not stored): always recomputed.
      if (r.clock !== 'suspended' && r.clock !== 'paused' && !mayChange(r.due_on)) continue;
      const cols = computeColumns(r, { events: events.get(r.id) ?? [], extensions: extensions.get(r.id) ?? [] }, today, restDays);
      if (DERIVED_COLUMNS.some((c) => cols[c] !== r[c])) updates.push({ id: r.id, ...cols, row_version: rowVersion, now });
    }
    for (const u of updates) this.s.updateDerived.run(u);
    control?.progress(total, total);
    return updates.length;
  }

  /** Records a deducted period or a suspension (toOn null: still open). One transaction, audited. */
  addEvent(caseNumber: string, kind: string, fromOn: string, toOn: string | null, note: string | null, ctx: WriteContext): { id: number; dueOn: string | null } {
    if (!(EVENT_KINDS as readonly string[]).includes(kind)) {
      throw new InputError(`事件类型“${kind}”不正确，应为 ${EVENT_KINDS.join('、')} 之一`, '类型');
    }
    if (!isIsoDate(fromOn)) throw new InputError(`开始日期“${fromOn}”无效，应如 2024-01-05`, '开始日期');
    if (toOn !== null && !isIsoDate(toOn)) throw new InputError(`结束日期“${toOn}”无效，应如 2024-01-05`, '结束日期');
    return this.db.transaction(() => {
      const row = this.requireCase(caseNumber);
      if (fromOn < row.filed_on) throw new InputError(`开始日期 ${fromOn} 早于立案日期 ${row.filed_on}`, '开始日期');
      if (fromOn > ctx.today) throw new InputError(`开始日期 ${fromOn} 晚于今天 ${ctx.today}`, '开始日期');
      if (toOn !== null && toOn < fromOn) throw new InputError(`结束日期 ${toOn} 早于开始日期 ${fromOn}`, '结束日期');
      if (kind === '中止' && toOn !== null && toOn > ctx.today) {
        throw new InputError(`恢复日期 ${toOn} 晚于今天 ${ctx.today}：尚未恢复的中止请不填结束日期`, '结束日期');
      }
      // A closed case's time limit is settled: a period forgotten before closing is added after its division head
      // reopens it, which leaves a record of why.
      if (row.closed_on !== null) throw new InputError(`案件已于 ${row.closed_on} 结案，不能再登记期间；确有遗漏的，请庭长重开案件后登记`, '开始日期');
      if (kind === '中止' && toOn === null && this.openSuspension(row.id)) {
        throw new InputError(`案件 ${row.case_number} 已处于中止状态，请先登记恢复日期`, '类型');
      }
      // A suspension stops everything: no other period (and no second suspension) runs inside it.
      const end = toOn ?? '9999-12-31';
      const clash = (this.s.events.all(row.id) as Array<{ kind: string; fromOn: string; toOn: string | null }>)
        .find((e) => (e.kind === '中止' || kind === '中止') && e.fromOn < end && fromOn < (e.toOn ?? '9999-12-31'));
      if (clash) {
        throw new InputError(`${kind} ${fromOn} 至 ${toOn ?? '今'} 与已登记的${clash.kind}期间 ${clash.fromOn} 至 ${clash.toOn ?? '今'} 重叠`, '开始日期');
      }
      const version = nextRowVersion(this.db);
      const now = nowStamp();
      const id = Number(this.s.insertEvent.run(row.id, kind, fromOn, toOn, note, version, now, now).lastInsertRowid);
      const cols = this.refreshDeadline(row, version, ctx.today);
      this.audit({
        actor: ctx.actor, action: 'event.add', entity: 'case', entityKey: row.case_number,
        after: { kind, fromOn, toOn, note, deductible: isDeductibleKind(kind, row.type_code), dueOn: cols.due_on, clock: cols.clock },
      });
      return { id, dueOn: cols.due_on };
    }).immediate();
  }

  private openSuspension(caseId: number): { id: number; fromOn: string } | null {
    const events = this.s.events.all(caseId) as Array<{ id: number; kind: string; fromOn: string; toOn: string | null }>;
    return events.find((e) => e.kind === '中止' && e.toOn === null) ?? null;
  }

  /** Closes the open suspension of a case on the day proceedings resumed. */
  resume(caseNumber: string, resumedOn: string, ctx: WriteContext): { id: number; dueOn: string | null } {
    if (!isIsoDate(resumedOn)) throw new InputError(`恢复日期“${resumedOn}”无效，应如 2024-01-05`, '恢复日期');
    return this.db.transaction(() => {
      const row = this.requireCase(caseNumber);
      const open = this.openSuspension(row.id);
      if (!open) throw new InputError(`案件 ${row.case_number} 没有尚未恢复的中止`, '恢复日期');
      if (resumedOn < open.fromOn) throw new InputError(`恢复日期 ${resumedOn} 早于中止日期 ${open.fromOn}`, '恢复日期');
      if (resumedOn > ctx.today) throw new InputError(`恢复日期 ${resumedOn} 晚于今天 ${ctx.today}`, '恢复日期');
      const version = nextRowVersion(this.db);
      this.s.closeEvent.run(resumedOn, version, nowStamp(), open.id);
      const cols = this.refreshDeadline(row, version, ctx.today);
      this.audit({
        actor: ctx.actor, action: 'event.resume', entity: 'case', entityKey: row.case_number,
        before: { kind: '中止', fromOn: open.fromOn, toOn: null }, after: { kind: '中止', fromOn: open.fromOn, toOn: resumedOn, dueOn: cols.due_on },
      });
      return { id: open.id, dueOn: cols.due_on };
    }).immediate();
  }

  /**
   * Inserts a prepared row (prepareSeedRow) with its search entry, events, extensions and 先行调解: the generator's bulk
   * path, inside the caller's transaction. Every row carries the simulated dates it stands for as created_at and
   * updated_at (prepareSeedRow set the case's), not the wall clock: see seedStamp.
   */
  insertSeedRow(row: SeedRow, divisionId: number, judgeId: number, rowVersion: number, today: string): number {
    const args = row.args;
    args[5] = divisionId;
    args[6] = judgeId;
    args[args.length - 3] = rowVersion;
    const id = Number(this.s.insert.run(args).lastInsertRowid);
    this.s.searchInsert.run(id, row.doc);
    for (const e of row.events) {
      this.s.insertEvent.run(id, e.kind, e.fromOn, e.toOn, null, rowVersion, seedStamp(e.fromOn, today), seedStamp(e.toOn ?? e.fromOn, today));
    }
    for (const x of row.extensions) {
      this.s.insertExtension.run(id, x.months, x.days, x.reason, x.reasonCode ?? null, x.requestedOn, x.status, x.decidedOn, rowVersion, seedStamp(x.requestedOn, today), seedStamp(x.decidedOn ?? x.requestedOn, today));
    }
    const m = row.mediation;
    if (m) {
      const last = [m.consentOn, m.endedOn].reduce<string>((a, d) => (d && d > a ? d : a), m.receivedOn);
      this.s.insertSeedMediation.run(id, m.destination, m.mediator, m.receivedOn, m.baseDays, m.extensionDays, m.consentOn, m.endedOn, m.outcome, rowVersion, seedStamp(m.receivedOn, today), seedStamp(last, today));
    }
    return id;
  }

}
