// 先行调解 of a 民初 case (since 2025-01-01): sent to a mediator for 15 days (ordinary procedure) or 7 (simple), counted
// from the mediator's receipt and within the time limit; days both parties consent to beyond that (up to 30) are a
// deducted period; a settled case closes with the outcome kept, so intake can be counted with and without it.
import type { Database } from 'better-sqlite3';
import { addDays, daysBetween } from '../../../shared/dates/calendar';
import { ADVANCE_MEDIATION_FROM, MEDIATION_MAX_EXTENSION_DAYS, type MediationDestination, type MediationOutcome, type MediationView } from '../../../shared/cases/caseWork';
import type { ClosingMethod } from '../../../shared/cases/types';
import { InputError } from '../kernel/errors';
import { nextRowVersion, nowStamp } from '../db/clock';
import { rowToRecord, type CaseRow } from './caseRow';
import type { CaseStore, WriteContext } from './caseStore';
import { CourtDirectory, getSelfCourt } from '../court/courtStore';

/** The event kind of the consented extension: deducted from the time limit (shared/deadlines/limits.ts). */
export const EXTENSION_KIND = '先行调解延长';

/**
 * How an outcome closes the case: a settlement by 调解; a withdrawal, or a claim paid on the spot after which the
 * plaintiff withdraws, by 撤诉. 调解不成转审理 leaves the case open for trial.
 */
export const OUTCOME_CLOSES: Record<MediationOutcome, ClosingMethod | null> = { 调解成功: '调解', 撤诉: '撤诉', 当场履行: '撤诉', 调解不成转审理: null };

interface MediationRow {
  id: number;
  destination: MediationDestination;
  mediator: string;
  received_on: string;
  base_days: number;
  extension_days: number;
  consent_on: string | null;
  ended_on: string | null;
  outcome: MediationOutcome | null;
}

export function mediationView(db: Database, caseId: number, today: string): MediationView | null {
  const m = db.prepare('SELECT * FROM mediations WHERE case_id = ?').get(caseId) as MediationRow | undefined;
  if (!m) return null;
  const dueOn = addDays(m.received_on, m.base_days + m.extension_days);
  return {
    destination: m.destination, mediator: m.mediator, receivedOn: m.received_on, baseDays: m.base_days, extensionDays: m.extension_days,
    consentOn: m.consent_on, dueOn, daysRemaining: m.ended_on === null ? daysBetween(today, dueOn) : null, endedOn: m.ended_on, outcome: m.outcome,
  };
}

/**
 * When a case closed by its mediation's outcome (调解成功, 撤诉, 当场履行) is reopened: the mediation is open again and
 * its consented days, trimmed when it ended, restored. Returns the outcome undone, or null when the closing was not
 * the mediation's. Runs inside the reopening's transaction.
 */
export function reopenMediation(db: Database, row: CaseRow, version: number): MediationOutcome | null {
  const m = db.prepare('SELECT * FROM mediations WHERE case_id = ?').get(row.id) as MediationRow | undefined;
  if (!m || m.outcome === null || OUTCOME_CLOSES[m.outcome] === null || m.ended_on !== row.closed_on) return null;
  const now = nowStamp();
  db.prepare('UPDATE mediations SET ended_on = NULL, outcome = NULL, row_version = ?, updated_at = ? WHERE id = ?').run(version, now, m.id);
  if (m.extension_days > 0) {
    const baseEnd = addDays(m.received_on, m.base_days);
    db.prepare(`UPDATE case_events SET to_on = ?, row_version = ?, updated_at = ? WHERE case_id = ? AND kind = '${EXTENSION_KIND}'`)
      .run(addDays(baseEnd, m.extension_days), version, now, row.id);
  }
  return m.outcome;
}

export class Mediations {
  constructor(
    private readonly db: Database,
    private readonly store: CaseStore,
  ) {}

  start(caseNumber: string, a: { destination: MediationDestination; mediator: string; receivedOn: string }, ctx: WriteContext): void {
    this.db.transaction(() => this.startNow(this.store.requireCase(caseNumber), a, ctx)).immediate();
  }

  extend(caseNumber: string, days: number, consentOn: string, ctx: WriteContext): void {
    this.db.transaction(() => this.extendNow(this.store.requireCase(caseNumber), days, consentOn, ctx)).immediate();
  }

  end(caseNumber: string, endedOn: string, outcome: MediationOutcome, ctx: WriteContext): void {
    this.db.transaction(() => this.endNow(this.store.requireCase(caseNumber), endedOn, outcome, ctx)).immediate();
  }

  private startNow(row: CaseRow, a: { destination: MediationDestination; mediator: string; receivedOn: string }, ctx: WriteContext): void {
    if (row.type_code !== '民初') throw new InputError('先行调解只适用于民初案件', 'caseNumber');
    if (row.filed_on < ADVANCE_MEDIATION_FROM) throw new InputError(`先行调解自 ${ADVANCE_MEDIATION_FROM} 起适用；此前的诉前调解以诉前调案号登记`, 'caseNumber');
    if (row.closed_on !== null) throw new InputError(`案件已于 ${row.closed_on} 结案`, 'caseNumber');
    if (this.get(row.id)) throw new InputError('该案件已登记过先行调解', 'caseNumber');
    if (a.receivedOn < row.filed_on) throw new InputError(`调解员收到材料的日期 ${a.receivedOn} 早于立案日期 ${row.filed_on}`, 'receivedOn');
    if (a.receivedOn > ctx.today) throw new InputError(`调解员收到材料的日期 ${a.receivedOn} 晚于今天 ${ctx.today}`, 'receivedOn');
    const baseDays = row.procedure === '普通程序' ? 15 : 7;
    this.db.transaction(() => {
      const version = nextRowVersion(this.db);
      const now = nowStamp();
      this.db.prepare(
        `INSERT INTO mediations (case_id, destination, mediator, received_on, base_days, row_version, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(row.id, a.destination, a.mediator, a.receivedOn, baseDays, version, now, now);
      this.store.audit({ actor: ctx.actor, action: 'mediation.start', entity: 'case', entityKey: row.case_number, after: { ...a, baseDays, dueOn: addDays(a.receivedOn, baseDays) } }, now);
    }).immediate();
  }

  /** Days both parties consented to beyond the first ones: the mediation's end moves, and so does the case's due date. */
  private extendNow(row: CaseRow, days: number, consentOn: string, ctx: WriteContext): void {
    const m = this.running(row);
    const total = m.extension_days + days;
    if (total > MEDIATION_MAX_EXTENSION_DAYS) throw new InputError(`经双方同意延长的期限合计不得超过 ${MEDIATION_MAX_EXTENSION_DAYS} 天（已延长 ${m.extension_days} 天）`, 'days');
    const baseEnd = addDays(m.received_on, m.base_days);
    if (consentOn < m.received_on) throw new InputError(`同意延长的日期 ${consentOn} 早于调解员收到材料的日期 ${m.received_on}`, 'consentOn');
    if (consentOn > ctx.today) throw new InputError(`同意延长的日期 ${consentOn} 晚于今天 ${ctx.today}`, 'consentOn');
    if (consentOn > addDays(m.received_on, m.base_days + m.extension_days)) throw new InputError(`调解期限已于 ${addDays(m.received_on, m.base_days + m.extension_days)} 届满，不能再延长`, 'consentOn');
    this.db.transaction(() => {
      const version = nextRowVersion(this.db);
      const now = nowStamp();
      this.db.prepare('UPDATE mediations SET extension_days = ?, consent_on = ?, row_version = ?, updated_at = ? WHERE id = ?').run(total, consentOn, version, now, m.id);
      // One deducted period from the end of the first days to the end of all the consented ones.
      const event = this.extensionEvent(row.id);
      const toOn = addDays(baseEnd, total);
      if (event) this.db.prepare('UPDATE case_events SET to_on = ?, row_version = ?, updated_at = ? WHERE id = ?').run(toOn, version, now, event.id);
      else {
        this.db.prepare('INSERT INTO case_events (case_id, kind, from_on, to_on, note, row_version, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
          .run(row.id, EXTENSION_KIND, baseEnd, toOn, '经双方同意延长先行调解期限，不计入审限', version, now, now);
      }
      const cols = this.store.refreshDeadline(row, version, ctx.today);
      this.store.audit({ actor: ctx.actor, action: 'mediation.extend', entity: 'case', entityKey: row.case_number, after: { days, totalDays: total, consentOn, mediationDueOn: toOn, dueOn: cols.due_on } }, now);
    }).immediate();
  }

  /** The end of the mediation: a settled case closes, one that failed goes on to trial; unused consented days are not deducted. */
  private endNow(row: CaseRow, endedOn: string, outcome: MediationOutcome, ctx: WriteContext): void {
    const m = this.running(row);
    // A case closed another way (an import, say) keeps its closing: the mediation cannot close it again.
    if (row.closed_on !== null) throw new InputError(`案件已于 ${row.closed_on} 结案，不能再登记调解结果；确有需要的，请庭长重开案件`, 'endedOn');
    if (endedOn < m.received_on) throw new InputError(`调解结束日期 ${endedOn} 早于调解员收到材料的日期 ${m.received_on}`, 'endedOn');
    if (endedOn > ctx.today) throw new InputError(`调解结束日期 ${endedOn} 晚于今天 ${ctx.today}`, 'endedOn');
    const closes = OUTCOME_CLOSES[outcome];
    if (closes && this.db.prepare("SELECT 1 FROM case_events WHERE case_id = ? AND to_on IS NULL AND kind <> '先行调解延长'").get(row.id)) {
      throw new InputError('案件尚有未结束的扣除审限期间（如中止未恢复），请先结束该期间', 'endedOn');
    }
    this.db.transaction(() => {
      const version = nextRowVersion(this.db);
      const now = nowStamp();
      this.db.prepare('UPDATE mediations SET ended_on = ?, outcome = ?, row_version = ?, updated_at = ? WHERE id = ?').run(endedOn, outcome, version, now, m.id);
      const event = this.extensionEvent(row.id);
      if (event && event.toOn > endedOn) {
        this.db.prepare('UPDATE case_events SET to_on = ?, row_version = ?, updated_at = ? WHERE id = ?').run(endedOn < event.fromOn ? event.fromOn : endedOn, version, now, event.id);
      }
      if (closes) {
        const names = this.db.prepare('SELECT (SELECT name FROM divisions WHERE id = ?) AS d, (SELECT name FROM staff WHERE id = ?) AS j').get(row.division_id, row.judge_id) as { d: string; j: string };
        this.store.upsert({ ...rowToRecord(row, names.d, names.j), closedOn: endedOn, closingMethod: closes }, new CourtDirectory(this.db, getSelfCourt(this.db)!.id), version, {
          ...ctx, action: 'case.close', details: { mediation: outcome },
        });
      } else this.store.refreshDeadline(row, version, ctx.today);
      this.store.audit({ actor: ctx.actor, action: 'mediation.end', entity: 'case', entityKey: row.case_number, after: { endedOn, outcome, closedAs: closes } }, now);
    }).immediate();
  }

  private get(caseId: number): MediationRow | undefined {
    return this.db.prepare('SELECT * FROM mediations WHERE case_id = ?').get(caseId) as MediationRow | undefined;
  }

  private running(row: CaseRow): MediationRow {
    const m = this.get(row.id);
    if (!m) throw new InputError('该案件没有登记先行调解', 'caseNumber');
    if (m.ended_on !== null) throw new InputError(`先行调解已于 ${m.ended_on} 结束（${m.outcome}）`, 'caseNumber');
    return m;
  }

  private extensionEvent(caseId: number): { id: number; fromOn: string; toOn: string } | undefined {
    return this.db.prepare("SELECT id, from_on AS fromOn, to_on AS toOn FROM case_events WHERE case_id = ? AND kind = '先行调解延长'").get(caseId) as { id: number; fromOn: string; toOn: string } | undefined;
  }
}
