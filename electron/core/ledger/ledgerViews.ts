// The ledger's reads. For other helpers: `ledgerView(db, { today, viewer })` builds the whole LedgerView (weak points with targets and then/now figures, every measure with progress and evidence names) for a day and a viewer {staffId, canManage}; `myMeasures(db, { today, viewer })` one person's measures.
import type { Database } from 'better-sqlite3';
import type { IsoDate } from '../../../shared/dates/calendar';
import { addDays } from '../../../shared/dates/calendar';
import { INDICATORS, type IndicatorId } from '../../../shared/indicators/catalogue';
import { ROLE_LABELS } from '../../../shared/accounts/roles';
import type { EvidenceView, LedgerPeople, LedgerView, MeasureView, MyMeasures, ProgressView, WeakPointView } from '../../../shared/ledger/api';
import {
  doneLate, dueSoon, FOUND_BY_LABELS, MEASURE_KIND_LABELS, MEASURE_STATUS_LABELS, MEASURE_STATUSES, measureStatus, targetMet, targetText,
  type FoundBy, type MeasureKind, type MeasureStatus,
} from '../../../shared/ledger/rules';
import { getSelfCourt } from '../court/courtStore';
import { LedgerFigures } from './ledgerFigures';

/** Who reads: his staff id (owner or leader of a measure may record on it) and whether he keeps the ledger. */
export interface LedgerViewer {
  staffId: number | null;
  canManage: boolean;
}

interface MeasureDbRow {
  id: number;
  kind: MeasureKind;
  text: string;
  leader_id: number | null;
  leader_name: string;
  owner_id: number | null;
  owner_name: string;
  division_id: number | null;
  division_name: string;
  start_on: string;
  due_on: string;
  done_on: string | null;
  origin: 'local' | 'return';
  meeting_id: number | null;
}

const MEASURE_COLUMNS = 'id, kind, text, leader_id, leader_name, owner_id, owner_name, division_id, division_name, start_on, due_on, done_on, origin, meeting_id';

export class LedgerViews {
  private s;

  constructor(private db: Database) {
    this.s = {
      weakPoints: db.prepare('SELECT id, text, found_by, found_on FROM ledger_weak_points ORDER BY found_on, id'),
      targets: db.prepare('SELECT weak_point_id, indicator, target, due_on FROM ledger_targets ORDER BY weak_point_id, due_on, indicator'),
      measures: db.prepare(`SELECT ${MEASURE_COLUMNS} FROM ledger_measures ORDER BY start_on, id`),
      measure: db.prepare(`SELECT ${MEASURE_COLUMNS} FROM ledger_measures WHERE id = ?`),
      mine: db.prepare(`SELECT ${MEASURE_COLUMNS} FROM ledger_measures WHERE owner_id = @staffId OR leader_id = @staffId`),
      points: db.prepare('SELECT measure_id, weak_point_id FROM ledger_measure_points ORDER BY weak_point_id'),
      pointsOf: db.prepare('SELECT weak_point_id FROM ledger_measure_points WHERE measure_id = ? ORDER BY weak_point_id').pluck(),
      progress: db.prepare('SELECT id, measure_id, on_date, text, done, recorded_by, recorded_at FROM ledger_progress ORDER BY on_date, id'),
      progressOf: db.prepare('SELECT id, measure_id, on_date, text, done, recorded_by, recorded_at FROM ledger_progress WHERE measure_id = ? ORDER BY on_date, id'),
      evidence: db.prepare('SELECT id, progress_id, name, size, mime FROM ledger_evidence ORDER BY id'),
      evidenceOf: db.prepare('SELECT e.id, e.progress_id, e.name, e.size, e.mime FROM ledger_evidence e JOIN ledger_progress p ON p.id = e.progress_id WHERE p.measure_id = ? ORDER BY e.id'),
      evidenceRow: db.prepare('SELECT e.id, e.name, e.size, e.mime, p.measure_id FROM ledger_evidence e JOIN ledger_progress p ON p.id = e.progress_id WHERE e.id = ?'),
      evidencePiece: db.prepare('SELECT substr(bytes, ? + 1, ?) FROM ledger_evidence WHERE id = ?').pluck(),
    };
  }

  private progressBy(rows: Array<Record<string, unknown>>, evidence: Array<Record<string, unknown>>): Map<number, ProgressView[]> {
    const files = new Map<number, EvidenceView[]>();
    for (const e of evidence) {
      const list = files.get(e.progress_id as number) ?? [];
      list.push({ id: e.id as number, name: e.name as string, size: e.size as number, mime: e.mime as string });
      files.set(e.progress_id as number, list);
    }
    const by = new Map<number, ProgressView[]>();
    for (const p of rows) {
      const list = by.get(p.measure_id as number) ?? [];
      list.push({
        id: p.id as number, onDate: p.on_date as string, text: p.text as string, done: p.done === 1,
        recordedBy: p.recorded_by as string, recordedAt: p.recorded_at as string, evidence: files.get(p.id as number) ?? [],
      });
      by.set(p.measure_id as number, list);
    }
    return by;
  }

  private measureView(r: MeasureDbRow, points: number[], progress: ProgressView[], today: IsoDate, viewer: LedgerViewer): MeasureView {
    const dates = { startOn: r.start_on, dueOn: r.due_on, doneOn: r.done_on };
    const status = measureStatus(dates, today);
    return {
      id: r.id, kind: r.kind, kindLabel: MEASURE_KIND_LABELS[r.kind], text: r.text, weakPointIds: points,
      leader: { staffId: r.leader_id, name: r.leader_name },
      owner: { staffId: r.owner_id, name: r.owner_name },
      division: { divisionId: r.division_id, name: r.division_name },
      startOn: r.start_on, dueOn: r.due_on, doneOn: r.done_on,
      status, statusLabel: MEASURE_STATUS_LABELS[status], doneLate: doneLate(dates), dueSoon: dueSoon(dates, today),
      origin: r.origin, meetingId: r.meeting_id, progress,
      canRecord: r.origin === 'local' && (viewer.canManage || (viewer.staffId !== null && (r.owner_id === viewer.staffId || r.leader_id === viewer.staffId))),
    };
  }

  /** One measure as the ledger shows it, or null. */
  measure(id: number, today: IsoDate, viewer: LedgerViewer): MeasureView | null {
    const r = this.s.measure.get(id) as MeasureDbRow | undefined;
    if (!r) return null;
    const progress = this.progressBy(this.s.progressOf.all(id) as Array<Record<string, unknown>>, this.s.evidenceOf.all(id) as Array<Record<string, unknown>>);
    return this.measureView(r, this.s.pointsOf.all(id) as number[], progress.get(id) ?? [], today, viewer);
  }

  /** Every measure the person owns or leads, open ones first by deadline, then the finished ones latest first. */
  mine(today: IsoDate, viewer: LedgerViewer & { staffId: number }): MyMeasures {
    const rows = this.s.mine.all({ staffId: viewer.staffId }) as MeasureDbRow[];
    const measures = rows.map((r) => this.measure(r.id, today, viewer)!);
    measures.sort((a, b) => {
      const aOpen = a.doneOn === null ? 0 : 1;
      const bOpen = b.doneOn === null ? 0 : 1;
      if (aOpen !== bOpen) return aOpen - bOpen;
      if (aOpen === 0) return a.dueOn.localeCompare(b.dueOn) || a.id - b.id;
      return b.doneOn!.localeCompare(a.doneOn!) || b.id - a.id;
    });
    return { today, measures, dueSoon: measures.filter((m) => m.dueSoon).length };
  }

  /** The whole ledger for a day and a viewer; the figures computed once per distinct end day. */
  ledger(today: IsoDate, viewer: LedgerViewer): LedgerView {
    const points = new Map<number, number[]>();
    const measuresOf = new Map<number, number[]>();
    for (const l of this.s.points.all() as Array<{ measure_id: number; weak_point_id: number }>) {
      points.set(l.measure_id, [...(points.get(l.measure_id) ?? []), l.weak_point_id]);
      measuresOf.set(l.weak_point_id, [...(measuresOf.get(l.weak_point_id) ?? []), l.measure_id]);
    }
    const progress = this.progressBy(this.s.progress.all() as Array<Record<string, unknown>>, this.s.evidence.all() as Array<Record<string, unknown>>);
    const rows = this.s.measures.all() as MeasureDbRow[];
    const byId = new Map(rows.map((r) => [r.id, this.measureView(r, points.get(r.id) ?? [], progress.get(r.id) ?? [], today, viewer)]));
    const targets = new Map<number, Array<{ indicator: IndicatorId; target: number; due_on: string }>>();
    for (const t of this.s.targets.all() as Array<{ weak_point_id: number; indicator: IndicatorId; target: number; due_on: string }>) {
      targets.set(t.weak_point_id, [...(targets.get(t.weak_point_id) ?? []), t]);
    }
    const figures = new LedgerFigures(this.db);
    const weakPoints: WeakPointView[] = [];
    const order: number[] = [];
    const placed = new Set<number>();
    for (const w of this.s.weakPoints.all() as Array<{ id: number; text: string; found_by: FoundBy; found_on: string }>) {
      // byId is in start order, so the weak point's measures keep it.
      const ids = (measuresOf.get(w.id) ?? []).map((id) => byId.get(id)!).sort((a, b) => a.startOn.localeCompare(b.startOn) || a.id - b.id).map((m) => m.id);
      const firstStartOn = ids.length ? byId.get(ids[0])!.startOn : null;
      // "Then" is the month before the first measure began; a weak point whose measures all start later has none yet.
      const thenTo = firstStartOn !== null && firstStartOn <= today ? addDays(firstStartOn, -1) : null;
      weakPoints.push({
        id: w.id, text: w.text, foundBy: w.found_by, foundByLabel: FOUND_BY_LABELS[w.found_by], foundOn: w.found_on,
        measureIds: ids, firstStartOn,
        targets: (targets.get(w.id) ?? []).map((t) => {
          const now = figures.figure(t.indicator, today);
          return {
            indicator: t.indicator, name: INDICATORS[t.indicator].name, target: t.target, targetText: targetText(t.indicator, t.target), dueOn: t.due_on,
            then: thenTo === null ? null : figures.figure(t.indicator, thenTo), now, met: targetMet(t.indicator, t.target, now.value),
          };
        }),
      });
      for (const id of ids) if (!placed.has(id)) (placed.add(id), order.push(id));
    }
    for (const r of rows) if (!placed.has(r.id)) order.push(r.id);
    const measures = order.map((id) => byId.get(id)!);
    const counts = Object.fromEntries(MEASURE_STATUSES.map((s) => [s, 0])) as Record<MeasureStatus, number>;
    for (const m of measures) counts[m.status]++;
    return { today, weakPoints, measures, counts, canManage: viewer.canManage };
  }

  /** An evidence file's name, size and the measure it belongs to, for the access check before it is served. */
  evidenceRow(id: number): (EvidenceView & { measure_id: number }) | undefined {
    return this.s.evidenceRow.get(id) as (EvidenceView & { measure_id: number }) | undefined;
  }

  /** At most `max` bytes of an evidence file from `offset`. */
  evidencePiece(id: number, offset: number, max: number): Buffer {
    const piece = this.s.evidencePiece.get(offset, max, id) as Buffer | null;
    return piece ?? Buffer.alloc(0);
  }

  /** The leaders, staff and divisions a 整改措施 may name: active, of this court. */
  people(): LedgerPeople {
    const court = getSelfCourt(this.db)?.id ?? -1;
    const leaders = this.db.prepare(
      `SELECT s.name, group_concat(r.role) AS roles FROM staff s JOIN staff_roles r ON r.staff_id = s.id AND r.role IN ('president', 'vice_president')
       WHERE s.court_id = ? AND s.active = 1 GROUP BY s.id ORDER BY s.name`,
    ).all(court) as Array<{ name: string; roles: string }>;
    const staff = this.db.prepare(
      'SELECT s.name, d.name AS division FROM staff s LEFT JOIN divisions d ON d.id = s.division_id WHERE s.court_id = ? AND s.active = 1 ORDER BY s.name',
    ).all(court) as Array<{ name: string; division: string | null }>;
    const divisions = this.db.prepare('SELECT name FROM divisions WHERE court_id = ? AND active = 1 ORDER BY name').pluck().all(court) as string[];
    const label = (roles: string) => (roles.split(',').includes('president') ? ROLE_LABELS.president : ROLE_LABELS.vice_president);
    return { leaders: leaders.map((l) => ({ name: l.name, roleLabel: label(l.roles) })), staff, divisions };
  }
}

/** The whole ledger as `ledger.list` answers it, for a day and a viewer (other modules: documents, the exchange). */
export function ledgerView(db: Database, o: { today: IsoDate; viewer: LedgerViewer }): LedgerView {
  return new LedgerViews(db).ledger(o.today, o.viewer);
}

/** One person's measures as `ledger.mine` answers them. */
export function myMeasures(db: Database, o: { today: IsoDate; viewer: LedgerViewer & { staffId: number } }): MyMeasures {
  return new LedgerViews(db).mine(o.today, o.viewer);
}
