// An intermediate court's help measures (帮扶措施) for a basic court: written (add, edit, progress, done) in ledger_help_measures / ledger_help_progress, read for the court page and for that court's return file.
import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import { measureStatus, MEASURE_STATUS_LABELS } from '../../../../shared/ledger/rules';
import type { helpAddArgs, HelpMeasureView } from '../../../../shared/exchange/helpApi';
import type { ReturnHelpMeasure } from '../../../../shared/exchange/returnFile';
import { nowStamp } from '../../db/clock';
import { InputError } from '../../kernel/errors';
import { courtIdFor, receivedLedger } from '../../ledger/receivedLedger';
import { findRegisteredSender } from '../keys/keyStore';

/** A help measure's fields as the call's schema gives them (the court aside), declared once there. */
export type HelpFields = Omit<z.output<typeof helpAddArgs>, 'courtCode'>;

interface HelpRow {
  id: number;
  courtId: number;
  text: string;
  weakPoints: string;
  leader: string;
  owner: string;
  division: string;
  startOn: string;
  dueOn: string;
  doneOn: string | null;
}

const SELECT = `SELECT id, court_id AS courtId, text, weak_points AS weakPoints, leader_name AS leader, owner_name AS owner,
  division_name AS division, start_on AS startOn, due_on AS dueOn, done_on AS doneOn FROM ledger_help_measures`;

const idList = z.array(z.number().int().positive());
const pointsOf = (json: string): number[] => {
  const r = idList.safeParse(JSON.parse(json));
  return r.success ? r.data : [];
};

/**
 * The weak points must be the court's own, as its latest package named them: a help measure for a weak point the
 * basic court does not have would be dropped there on import, so it is refused here first, naming the id.
 */
function checkWeakPoints(db: Database, code: string, ids: number[]): void {
  const held = receivedLedger(db, code);
  if (!held) throw new InputError(`尚未收到${code}的脱薄台账（该院的报送包中没有台账），无法指定薄弱点`, 'weakPointIds');
  const known = new Set(held.ledger.weakPoints.map((w) => w.id));
  const missing = ids.find((i) => !known.has(i));
  if (missing !== undefined) throw new InputError(`薄弱点 ${missing} 不在${code}报送的台账中`, 'weakPointIds');
}

/** The court a help measure may be written for: a basic court registered here. */
function courtOf(db: Database, code: string): { id: number; code: string; name: string } {
  const sender = findRegisteredSender(db, code);
  if (!sender) throw new InputError(`基层法院“${code}”未在本院登记`, 'courtCode');
  return { id: courtIdFor(db, sender.courtCode, sender.courtName), code: sender.courtCode, name: sender.courtName };
}

function row(db: Database, id: number): HelpRow {
  const r = db.prepare(`${SELECT} WHERE id = ?`).get(id) as HelpRow | undefined;
  if (!r) throw new InputError(`没有编号为 ${id} 的帮扶措施`, 'id');
  return r;
}

export function codeOfCourt(db: Database, courtId: number): string {
  return db.prepare('SELECT code FROM courts WHERE id = ?').pluck().get(courtId) as string;
}

/** The caller holds the transaction. */
export function addHelp(db: Database, courtCode: string, f: HelpFields, actor: string): { id: number; courtCode: string } {
  const court = courtOf(db, courtCode);
  checkWeakPoints(db, court.code, f.weakPointIds);
  const now = nowStamp();
  const info = db
    .prepare(`INSERT INTO ledger_help_measures (court_id, text, weak_points, leader_name, owner_name, division_name, start_on, due_on, done_on, created_by, created_at, updated_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?)`)
    .run(court.id, f.text, JSON.stringify([...new Set(f.weakPointIds)]), f.leader, f.owner, f.division, f.startOn, f.dueOn, actor, now, now);
  return { id: Number(info.lastInsertRowid), courtCode: court.code };
}

export function updateHelp(db: Database, id: number, f: HelpFields & { doneOn?: string | null }): { before: HelpRow; courtCode: string } {
  const before = row(db, id);
  const code = codeOfCourt(db, before.courtId);
  // Only the weak points newly named: one the court has since dropped may stay on a measure being closed.
  const had = new Set(pointsOf(before.weakPoints));
  const added = f.weakPointIds.filter((w) => !had.has(w));
  if (added.length) checkWeakPoints(db, code, added);
  const doneOn = f.doneOn === undefined ? before.doneOn : f.doneOn;
  if (doneOn !== null && doneOn < f.startOn) throw new InputError('完成日期不能早于开始日期', 'doneOn');
  db.prepare(`UPDATE ledger_help_measures SET text = ?, weak_points = ?, leader_name = ?, owner_name = ?, division_name = ?, start_on = ?, due_on = ?,
      done_on = ?, updated_at = ? WHERE id = ?`).run(f.text, JSON.stringify([...new Set(f.weakPointIds)]), f.leader, f.owner, f.division, f.startOn, f.dueOn, doneOn, nowStamp(), id);
  return { before, courtCode: code };
}

export function addHelpProgress(db: Database, a: { id: number; text: string; onDate: string; done: boolean }, actor: string): { courtCode: string; progressId: number } {
  const m = row(db, a.id);
  if (a.onDate < m.startOn) throw new InputError(`进展日期不能早于措施的开始日期 ${m.startOn}`, 'onDate');
  const info = db
    .prepare('INSERT INTO ledger_help_progress (help_measure_id, on_date, text, done, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?)')
    .run(a.id, a.onDate, a.text, a.done ? 1 : 0, actor, nowStamp());
  if (a.done && m.doneOn === null) db.prepare('UPDATE ledger_help_measures SET done_on = ?, updated_at = ? WHERE id = ?').run(a.onDate, nowStamp(), a.id);
  return { courtCode: codeOfCourt(db, m.courtId), progressId: Number(info.lastInsertRowid) };
}

interface ProgressRow {
  id: number;
  m: number;
  onDate: string;
  text: string;
  done: number;
  recordedBy: string;
}

function measuresOf(db: Database, code: string): Array<HelpRow & { progress: ProgressRow[] }> {
  const rows = db.prepare(`${SELECT} WHERE court_id = (SELECT id FROM courts WHERE code = ?) ORDER BY start_on, id`).all(code) as HelpRow[];
  const progress = db
    .prepare(`SELECT p.id, p.help_measure_id AS m, p.on_date AS onDate, p.text, p.done, p.recorded_by AS recordedBy FROM ledger_help_progress p
      JOIN ledger_help_measures h ON h.id = p.help_measure_id WHERE h.court_id = (SELECT id FROM courts WHERE code = ?) ORDER BY p.on_date, p.id`)
    .all(code) as ProgressRow[];
  return rows.map((r) => ({ ...r, progress: progress.filter((p) => p.m === r.id) }));
}

/** The court page's list: start order, each with its status today and its progress, oldest first. */
export function helpViews(db: Database, code: string, today: string): HelpMeasureView[] {
  return measuresOf(db, code).map((r) => {
    const status = measureStatus(r, today);
    return {
      id: r.id,
      text: r.text,
      weakPointIds: pointsOf(r.weakPoints),
      leader: r.leader,
      owner: r.owner,
      division: r.division,
      startOn: r.startOn,
      dueOn: r.dueOn,
      doneOn: r.doneOn,
      status,
      statusLabel: MEASURE_STATUS_LABELS[status],
      progress: r.progress.map((p) => ({ id: p.id, onDate: p.onDate, text: p.text, done: p.done === 1, recordedBy: p.recordedBy })),
    };
  });
}

/** What the return file carries for the court: every help measure with every progress entry (the basic court replaces its copy). */
export function helpForReturn(db: Database, code: string): ReturnHelpMeasure[] {
  return measuresOf(db, code).map((r) => ({
    id: r.id,
    text: r.text,
    weakPointIds: pointsOf(r.weakPoints),
    leader: r.leader,
    owner: r.owner,
    division: r.division,
    startOn: r.startOn,
    dueOn: r.dueOn,
    doneOn: r.doneOn,
    progress: r.progress.map((p) => ({ id: p.id, onDate: p.onDate, text: p.text, done: p.done === 1 })),
  }));
}
