// The monthly analysis meetings: the list, one meeting with the measures created from it, and a new meeting saved with a snapshot of its figures (one transaction, audited).
import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import { addDays, type IsoDate } from '../../../../shared/dates/calendar';
import { INDICATORS, type IndicatorId } from '../../../../shared/indicators/catalogue';
import { flagResult, isRanged, type RangeEntry } from '../../../../shared/indicators/ranges';
import { MEASURE_KIND_LABELS, MEASURE_STATUS_LABELS, measureStatus, type MeasureKind } from '../../../../shared/ledger/rules';
import type { addMeetingArgs, MeetingMeasure, MeetingSummary, MeetingView, SnapshotFigure } from '../../../../shared/ledger/meetingsApi';
import { auditAppender } from '../../audit/auditLog';
import { nextRowVersion, nowStamp } from '../../db/clock';
import { IndicatorQueries } from '../../indicators/indicatorQueries';
import { CoreError, InputError } from '../../kernel/errors';
import { COURT, figureOf } from '../trend/monthFigures';

/** Attendees are kept as one text, names joined by this mark (a name never holds it: names are checked). */
const SEP = '、';

interface MeetingRow {
  id: number; held_on: string; title: string; attendees: string; decisions: string; period_from: string; period_to: string;
  snapshot: string; created_by: string; created_at: string; measures: number;
}

const figureSchema = z.object({
  indicator: z.string(), name: z.string(), value: z.number().nullable(), numerator: z.number().nullable(), denominator: z.number().nullable(),
  text: z.string(), range: z.object({ low: z.number().nullable(), high: z.number().nullable() }).nullable(), status: z.enum(['inside', 'below', 'above', 'none']),
});

/** The snapshot as stored; an entry that does not read (written by hand) is left out rather than failing the page. */
function readSnapshot(json: string): SnapshotFigure[] {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return [];
  }
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((e) => {
    const p = figureSchema.safeParse(e);
    return p.success && isRanged(p.data.indicator) ? [{ ...p.data, indicator: p.data.indicator as IndicatorId }] : [];
  });
}

/** The calendar month before the meeting's day: what a 月分析会 early in a month discusses. */
export function previousMonth(heldOn: IsoDate): { from: IsoDate; to: IsoDate } {
  const to = addDays(`${heldOn.slice(0, 7)}-01`, -1);
  return { from: `${to.slice(0, 7)}-01`, to };
}

export class MeetingStore {
  private readonly audit;

  constructor(
    private readonly db: Database,
    private readonly ranges: () => readonly RangeEntry[],
  ) {
    this.audit = auditAppender(db);
  }

  private summary(r: MeetingRow): MeetingSummary & { snapshotFigures: SnapshotFigure[] } {
    const snapshotFigures = readSnapshot(r.snapshot);
    return {
      id: r.id, heldOn: r.held_on, title: r.title, periodFrom: r.period_from, periodTo: r.period_to,
      attendees: r.attendees.split(SEP).filter((n) => n !== ''),
      indicators: snapshotFigures.length,
      outside: snapshotFigures.filter((f) => f.status === 'below' || f.status === 'above').length,
      measures: r.measures,
      snapshotFigures,
    };
  }

  private static readonly SELECT = `SELECT g.*, (SELECT count(*) FROM ledger_measures m WHERE m.meeting_id = g.id) AS measures FROM ledger_meetings g`;

  /** Newest first. */
  list(): MeetingSummary[] {
    const rows = this.db.prepare(`${MeetingStore.SELECT} ORDER BY g.held_on DESC, g.id DESC`).all() as MeetingRow[];
    return rows.map((r) => {
      const { snapshotFigures: _s, ...s } = this.summary(r);
      return s;
    });
  }

  get(id: number, today: IsoDate, canManage: boolean): MeetingView {
    const r = this.db.prepare(`${MeetingStore.SELECT} WHERE g.id = ?`).get(id) as MeetingRow | undefined;
    if (!r) throw new CoreError('NOT_FOUND', `没有编号为 ${id} 的分析会`);
    const { snapshotFigures, ...s } = this.summary(r);
    const measures = this.db.prepare('SELECT id, kind, text, owner_name, division_name, start_on, due_on, done_on FROM ledger_measures WHERE meeting_id = ? ORDER BY start_on, id').all(id) as Array<{
      id: number; kind: MeasureKind; text: string; owner_name: string; division_name: string; start_on: string; due_on: string; done_on: string | null;
    }>;
    const createdMeasures: MeetingMeasure[] = measures.map((m) => ({
      id: m.id, text: m.text, kindLabel: MEASURE_KIND_LABELS[m.kind], ownerName: m.owner_name, divisionName: m.division_name, startOn: m.start_on, dueOn: m.due_on,
      statusLabel: MEASURE_STATUS_LABELS[measureStatus({ startOn: m.start_on, dueOn: m.due_on, doneOn: m.done_on }, today)],
    }));
    return { ...s, decisions: r.decisions, snapshot: snapshotFigures, createdBy: r.created_by, createdAt: r.created_at, createdMeasures, canManage };
  }

  /** The figures of the period for the whole court as they stand now, flagged against the ranges in force. */
  snapshot(indicators: readonly IndicatorId[], from: IsoDate, to: IsoDate): SnapshotFigure[] {
    const flagged = flagResult(new IndicatorQueries(this.db).compute({ from, to }, COURT), this.ranges()).total;
    return indicators.map((id) => {
      const f = flagged[id];
      return { indicator: id, name: INDICATORS[id].name, ...figureOf(id, flagged), range: f.range, status: f.status };
    });
  }

  add(a: z.output<typeof addMeetingArgs>, actor: string): { id: number } {
    const period = a.periodFrom && a.periodTo ? { from: a.periodFrom, to: a.periodTo } : previousMonth(a.heldOn);
    if (period.from < '1900-01-01') throw new InputError('分析期间早于 1900 年，请填写分析期间', 'periodFrom');
    const attendees = [...new Set(a.attendees)];
    const bad = attendees.find((n) => n.includes(SEP));
    if (bad) throw new InputError(`参会人员“${bad}”中含有分隔符“${SEP}”，请每行填写一人`, 'attendees');
    const decisions = a.decisions;
    const snapshot = this.snapshot(a.indicators as IndicatorId[], period.from, period.to);
    const at = nowStamp();
    return this.db.transaction(() => {
      const version = nextRowVersion(this.db);
      const id = Number(this.db.prepare(`INSERT INTO ledger_meetings (held_on, title, attendees, decisions, period_from, period_to, snapshot, created_by, created_at, row_version, updated_at)
          VALUES (@heldOn, @title, @attendees, @decisions, @from, @to, @snapshot, @actor, @at, @version, @at)`).run({
        heldOn: a.heldOn, title: a.title, attendees: attendees.join(SEP), decisions, from: period.from, to: period.to, snapshot: JSON.stringify(snapshot), actor, at, version,
      }).lastInsertRowid);
      this.audit({
        actor, action: 'ledger.meeting.add', entity: 'meeting', entityKey: String(id),
        after: { heldOn: a.heldOn, title: a.title, attendees, periodFrom: period.from, periodTo: period.to, indicators: a.indicators },
      }, at);
      return { id };
    })();
  }
}
