// The ledger's writes: weak points with their targets, measures with their owners, progress entries with evidence. Each user action is one IMMEDIATE transaction with a new row_version and its audit entry.
import type { Database } from 'better-sqlite3';
import { addMonths, type IsoDate } from '../../../shared/dates/calendar';
import { INDICATORS } from '../../../shared/indicators/catalogue';
import { FOUND_BY_LABELS, MEASURE_KIND_LABELS, targetText, type FoundBy, type MeasureKind } from '../../../shared/ledger/rules';
import type { IndicatorId } from '../../../shared/indicators/catalogue';
import { nextRowVersion, nowStamp } from '../db/clock';
import { auditAppender } from '../audit/auditLog';
import { getSelfCourt } from '../court/courtStore';
import { CoreError, InputError } from '../kernel/errors';
import type { CheckedEvidence } from './evidence';

export interface LedgerActor {
  name: string;
  today: IsoDate;
}

export interface WeakPointInput {
  text: string;
  foundBy: FoundBy;
  foundOn: IsoDate;
  targets: Array<{ indicator: string; target: number; dueOn: IsoDate }>;
}

export interface MeasureInput {
  kind: MeasureKind;
  text: string;
  weakPointIds: number[];
  leader: string;
  owner: string;
  division: string;
  startOn: IsoDate;
  dueOn: IsoDate;
  meetingId?: number;
}

export interface ProgressInput {
  text: string;
  onDate?: IsoDate;
  done: boolean;
  evidence: CheckedEvidence[];
}

/** The row of a measure the checks need. */
export interface MeasureRow {
  id: number;
  kind: MeasureKind;
  leader_id: number | null;
  owner_id: number | null;
  start_on: string;
  due_on: string;
  done_on: string | null;
  origin: 'local' | 'return';
}

/** Roles that may lead a 整改措施: the court's leaders (院领导). */
const LEADER_ROLES = ['president', 'vice_president'] as const;

export class LedgerStore {
  private audit;
  private s;

  constructor(private db: Database) {
    this.audit = auditAppender(db);
    this.s = {
      staffNamed: db.prepare('SELECT id FROM staff WHERE court_id = ? AND name = ? AND active = 1').pluck(),
      isLeader: db.prepare(`SELECT 1 FROM staff_roles WHERE staff_id = ? AND role IN (${LEADER_ROLES.map((r) => `'${r}'`).join(', ')})`),
      divisionNamed: db.prepare('SELECT id FROM divisions WHERE court_id = ? AND name = ? AND active = 1').pluck(),
      weakPoint: db.prepare('SELECT id, text, found_by, found_on FROM ledger_weak_points WHERE id = ?'),
      targets: db.prepare('SELECT indicator, target, due_on FROM ledger_targets WHERE weak_point_id = ? ORDER BY indicator'),
      meeting: db.prepare('SELECT 1 FROM ledger_meetings WHERE id = ?'),
      insertPoint: db.prepare(
        `INSERT INTO ledger_weak_points (text, found_by, found_on, created_by, created_at, row_version, updated_at)
         VALUES (@text, @foundBy, @foundOn, @actor, @now, @version, @now)`,
      ),
      updatePoint: db.prepare('UPDATE ledger_weak_points SET text = @text, found_by = @foundBy, found_on = @foundOn, row_version = @version, updated_at = @now WHERE id = @id'),
      clearTargets: db.prepare('DELETE FROM ledger_targets WHERE weak_point_id = ?'),
      insertTarget: db.prepare('INSERT INTO ledger_targets (weak_point_id, indicator, target, due_on) VALUES (@id, @indicator, @target, @dueOn)'),
      measure: db.prepare('SELECT id, kind, leader_id, owner_id, start_on, due_on, done_on, origin, text, leader_name, owner_name, division_name, meeting_id FROM ledger_measures WHERE id = ?'),
      measurePoints: db.prepare('SELECT weak_point_id FROM ledger_measure_points WHERE measure_id = ? ORDER BY weak_point_id').pluck(),
      insertMeasure: db.prepare(
        `INSERT INTO ledger_measures (kind, text, leader_id, leader_name, owner_id, owner_name, division_id, division_name, start_on, due_on, meeting_id,
           created_by, created_at, row_version, updated_at)
         VALUES (@kind, @text, @leaderId, @leader, @ownerId, @owner, @divisionId, @division, @startOn, @dueOn, @meetingId, @actor, @now, @version, @now)`,
      ),
      updateMeasure: db.prepare(
        `UPDATE ledger_measures SET kind = @kind, text = @text, leader_id = @leaderId, leader_name = @leader, owner_id = @ownerId, owner_name = @owner,
           division_id = @divisionId, division_name = @division, start_on = @startOn, due_on = @dueOn, done_on = @doneOn, meeting_id = @meetingId,
           row_version = @version, updated_at = @now WHERE id = @id AND origin = 'local'`,
      ),
      clearPoints: db.prepare('DELETE FROM ledger_measure_points WHERE measure_id = ?'),
      insertPointLink: db.prepare('INSERT INTO ledger_measure_points (measure_id, weak_point_id) VALUES (?, ?)'),
      insertProgress: db.prepare(
        `INSERT INTO ledger_progress (measure_id, on_date, text, done, recorded_by, recorded_at, row_version)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      ),
      insertEvidence: db.prepare('INSERT INTO ledger_evidence (progress_id, name, mime, size, sha256, bytes, created_at, row_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'),
      setDone: db.prepare('UPDATE ledger_measures SET done_on = ?, row_version = ?, updated_at = ? WHERE id = ?'),
    };
  }

  private courtId(): number {
    const court = getSelfCourt(this.db);
    if (!court) throw new CoreError('CONFLICT', '数据库尚未设置本院信息，不能记录脱薄工作台账');
    return court.id;
  }

  measureRow(id: number): MeasureRow | undefined {
    return this.s.measure.get(id) as MeasureRow | undefined;
  }

  /** A measure by id, or NOT_FOUND naming it. */
  mustMeasure(id: number): MeasureRow {
    const m = this.measureRow(id);
    if (!m) throw new CoreError('NOT_FOUND', `找不到编号为 ${id} 的整改措施`);
    return m;
  }

  private checkWeakPoint(a: WeakPointInput, today: IsoDate): void {
    if (a.foundOn > today) throw new InputError(`发现日期 ${a.foundOn} 晚于今天`, 'foundOn');
    const seen = new Set<string>();
    for (const t of a.targets) {
      if (seen.has(t.indicator)) throw new InputError(`指标“${INDICATORS[t.indicator as IndicatorId].name}”重复设定了目标`, 'targets');
      seen.add(t.indicator);
      // A ratio's target is a fraction: 2 % is 0.02; 2 would be 200 %, which no 率 reaches (结收比 may pass 1, so up to 10).
      if (INDICATORS[t.indicator as IndicatorId].kind === 'ratio' && t.target > (t.indicator === 'clearanceRate' ? 10 : 1)) {
        throw new InputError(`“${INDICATORS[t.indicator as IndicatorId].name}”的目标值应为比例（如 2% 写作 0.02），而不是 ${t.target}`, 'targets');
      }
    }
  }

  private targetsAudit(a: WeakPointInput) {
    return a.targets.map((t) => ({ indicator: t.indicator, name: INDICATORS[t.indicator as IndicatorId].name, target: targetText(t.indicator as IndicatorId, t.target), dueOn: t.dueOn }));
  }

  addWeakPoint(a: WeakPointInput, who: LedgerActor): number {
    this.checkWeakPoint(a, who.today);
    return this.db.transaction(() => {
      const version = nextRowVersion(this.db);
      const now = nowStamp();
      const id = Number(this.s.insertPoint.run({ text: a.text, foundBy: a.foundBy, foundOn: a.foundOn, actor: who.name, now, version }).lastInsertRowid);
      for (const t of a.targets) this.s.insertTarget.run({ id, ...t });
      this.audit({ actor: who.name, action: 'ledger.weakPoint.add', entity: 'weak_point', entityKey: String(id), after: { text: a.text, foundBy: FOUND_BY_LABELS[a.foundBy], foundOn: a.foundOn, targets: this.targetsAudit(a) } }, now);
      return id;
    }).immediate();
  }

  updateWeakPoint(id: number, a: WeakPointInput, who: LedgerActor): number {
    this.checkWeakPoint(a, who.today);
    return this.db.transaction(() => {
      const before = this.s.weakPoint.get(id) as { text: string; found_by: FoundBy; found_on: string } | undefined;
      if (!before) throw new CoreError('NOT_FOUND', `找不到编号为 ${id} 的薄弱点`);
      const targetsBefore = this.s.targets.all(id);
      const version = nextRowVersion(this.db);
      const now = nowStamp();
      this.s.updatePoint.run({ id, text: a.text, foundBy: a.foundBy, foundOn: a.foundOn, version, now });
      this.s.clearTargets.run(id);
      for (const t of a.targets) this.s.insertTarget.run({ id, ...t });
      this.audit({
        actor: who.name, action: 'ledger.weakPoint.update', entity: 'weak_point', entityKey: String(id),
        before: { text: before.text, foundBy: FOUND_BY_LABELS[before.found_by], foundOn: before.found_on, targets: targetsBefore },
        after: { text: a.text, foundBy: FOUND_BY_LABELS[a.foundBy], foundOn: a.foundOn, targets: this.targetsAudit(a) },
      }, now);
      return id;
    }).immediate();
  }

  /**
   * The ids behind a measure's names: for a 整改措施 the leader must be an active leader of this court (院长 or 副院长),
   * the owner active staff, the division an active division; a 帮扶措施 names the intermediate court's people, free text.
   */
  private resolve(a: MeasureInput): { leaderId: number | null; ownerId: number | null; divisionId: number | null } {
    if (a.kind === 'help') return { leaderId: null, ownerId: null, divisionId: null };
    const court = this.courtId();
    const leaderId = this.s.staffNamed.get(court, a.leader) as number | undefined;
    if (leaderId === undefined) throw new InputError(`责任领导“${a.leader}”不是本院在职人员`, 'leader');
    if (this.s.isLeader.get(leaderId) === undefined) throw new InputError(`责任领导“${a.leader}”不是院长或副院长：整改措施的责任领导应为院领导`, 'leader');
    const ownerId = this.s.staffNamed.get(court, a.owner) as number | undefined;
    if (ownerId === undefined) throw new InputError(`责任人“${a.owner}”不是本院在职人员`, 'owner');
    const divisionId = this.s.divisionNamed.get(court, a.division) as number | undefined;
    if (divisionId === undefined) throw new InputError(`责任部门“${a.division}”不是本院现有的部门`, 'division');
    return { leaderId, ownerId, divisionId };
  }

  private checkMeasure(a: MeasureInput): void {
    if (a.dueOn < a.startOn) throw new InputError(`完成期限 ${a.dueOn} 早于开始日期 ${a.startOn}`, 'dueOn');
    if (new Set(a.weakPointIds).size !== a.weakPointIds.length) throw new InputError('针对的薄弱点重复', 'weakPointIds');
    for (const id of a.weakPointIds) if (this.s.weakPoint.get(id) === undefined) throw new InputError(`找不到编号为 ${id} 的薄弱点`, 'weakPointIds');
    if (a.meetingId !== undefined && this.s.meeting.get(a.meetingId) === undefined) throw new InputError(`找不到编号为 ${a.meetingId} 的月分析会`, 'meetingId');
  }

  private measureAudit(a: MeasureInput, doneOn?: string | null) {
    return {
      kind: MEASURE_KIND_LABELS[a.kind], text: a.text, weakPoints: a.weakPointIds, leader: a.leader, owner: a.owner, division: a.division,
      startOn: a.startOn, dueOn: a.dueOn, ...(a.meetingId !== undefined ? { meeting: a.meetingId } : {}), ...(doneOn !== undefined ? { doneOn } : {}),
    };
  }

  addMeasure(a: MeasureInput, who: LedgerActor): number {
    return this.db.transaction(() => {
      this.checkMeasure(a);
      const ids = this.resolve(a);
      const version = nextRowVersion(this.db);
      const now = nowStamp();
      const id = Number(this.s.insertMeasure.run({ ...a, ...ids, meetingId: a.meetingId ?? null, actor: who.name, now, version }).lastInsertRowid);
      for (const p of a.weakPointIds) this.s.insertPointLink.run(id, p);
      this.audit({ actor: who.name, action: 'ledger.measure.add', entity: 'measure', entityKey: String(id), after: this.measureAudit(a) }, now);
      return id;
    }).immediate();
  }

  /** Edits a local measure; doneOn: undefined keeps it, null reopens it, a date marks it done on that day. */
  updateMeasure(id: number, a: MeasureInput & { doneOn?: IsoDate | null }, who: LedgerActor): number {
    return this.db.transaction(() => {
      const before = this.s.measure.get(id) as (MeasureRow & Record<string, unknown>) | undefined;
      if (!before) throw new CoreError('NOT_FOUND', `找不到编号为 ${id} 的整改措施`);
      if (before.origin === 'return') throw new CoreError('CONFLICT', `措施 ${id} 是中院回执带来的帮扶措施，只能由中院修改，本院不能编辑`);
      this.checkMeasure(a);
      const doneOn = a.doneOn === undefined ? before.done_on : a.doneOn;
      if (doneOn !== null && doneOn > who.today) throw new InputError(`完成日期 ${doneOn} 晚于今天`, 'doneOn');
      if (doneOn !== null && doneOn < a.startOn) throw new InputError(`完成日期 ${doneOn} 早于开始日期 ${a.startOn}`, 'doneOn');
      const ids = this.resolve(a);
      const pointsBefore = this.s.measurePoints.all(id);
      const version = nextRowVersion(this.db);
      const now = nowStamp();
      // The meeting a measure came from stays unless the edit names another: no form or command clears it by omission.
      this.s.updateMeasure.run({ id, ...a, ...ids, doneOn, meetingId: a.meetingId ?? before.meeting_id ?? null, version, now });
      this.s.clearPoints.run(id);
      for (const p of a.weakPointIds) this.s.insertPointLink.run(id, p);
      const { id: _id, origin: _o, ...was } = before;
      this.audit({ actor: who.name, action: 'ledger.measure.update', entity: 'measure', entityKey: String(id), before: { ...was, weakPoints: pointsBefore }, after: this.measureAudit(a, doneOn) }, now);
      return id;
    }).immediate();
  }

  /**
   * A progress entry with its evidence; `done` marks the measure 已完成 on the entry's day. The day may not be in the
   * future, nor more than a year before the measure's start (work begun before the measure was written down is
   * recorded; a slip of the year is not).
   */
  progress(id: number, a: ProgressInput, who: LedgerActor): number {
    const onDate = a.onDate ?? who.today;
    return this.db.transaction(() => {
      const m = this.mustMeasure(id);
      if (m.origin === 'return') throw new CoreError('CONFLICT', `措施 ${id} 是中院回执带来的帮扶措施，其进展由中院登记，本院不能登记`);
      if (onDate > who.today) throw new InputError(`进展日期 ${onDate} 晚于今天`, 'onDate');
      const earliest = addMonths(m.start_on, -12);
      if (onDate < earliest) throw new InputError(`进展日期 ${onDate} 早于措施开始日期 ${m.start_on} 一年以上`, 'onDate');
      if (a.done && m.done_on !== null) throw new InputError(`此措施已于 ${m.done_on} 完成，不能再次标记完成`, 'done');
      if (a.done && onDate < m.start_on) throw new InputError(`完成日期 ${onDate} 早于措施开始日期 ${m.start_on}`, 'onDate');
      const version = nextRowVersion(this.db);
      const now = nowStamp();
      const progressId = Number(this.s.insertProgress.run(id, onDate, a.text, a.done ? 1 : 0, who.name, now, version).lastInsertRowid);
      for (const f of a.evidence) this.s.insertEvidence.run(progressId, f.name, f.mime, f.bytes.length, f.sha256, f.bytes, now, version);
      if (a.done) this.s.setDone.run(onDate, version, now, id);
      this.audit({
        actor: who.name, action: 'ledger.progress', entity: 'measure', entityKey: String(id),
        ...(a.done ? { before: { doneOn: null } } : {}),
        after: { progress: progressId, onDate, text: a.text, done: a.done, evidence: a.evidence.map((f) => ({ name: f.name, mime: f.mime, size: f.bytes.length, sha256: f.sha256 })) },
      }, now);
      return progressId;
    }).immediate();
  }
}
