// At a basic court: the intermediate court's help measures from its return file, upserted into the ledger as kind 'help', origin 'return' (read-only here), each with its progress replaced; unknown weak points are dropped with a warning.
import type { Database } from 'better-sqlite3';
import type { ReturnHelpMeasure } from '../../../shared/exchange/returnFile';
import { nextRowVersion, nowStamp } from '../db/clock';

export interface ReturnedHelp {
  /** Help measures written (added or replaced). */
  count: number;
  warnings: string[];
}

/**
 * The caller holds the transaction (the return file is applied whole or not at all). A measure is known by
 * 'CODE:id' (origin_key): the next return file replaces its text, dates, done day, weak points and progress rather
 * than adding a second. Names are the intermediate court's people, in no staff list here (ids NULL).
 */
export function applyReturnedHelp(db: Database, from: { courtCode: string; courtName: string }, measures: ReturnHelpMeasure[], actor: string): ReturnedHelp {
  if (measures.length === 0) return { count: 0, warnings: [] };
  const version = nextRowVersion(db);
  const now = nowStamp();
  const points = new Set(db.prepare('SELECT id FROM ledger_weak_points').pluck().all() as number[]);
  const find = db.prepare('SELECT id FROM ledger_measures WHERE origin_key = ?').pluck();
  const insert = db.prepare(`INSERT INTO ledger_measures (kind, text, leader_id, leader_name, owner_id, owner_name, division_id, division_name, start_on, due_on, done_on,
      meeting_id, origin, origin_key, created_by, created_at, row_version, updated_at)
    VALUES ('help', @text, NULL, @leader, NULL, @owner, NULL, @division, @startOn, @dueOn, @doneOn, NULL, 'return', @key, @actor, @now, @version, @now)`);
  const update = db.prepare(`UPDATE ledger_measures SET text = @text, leader_name = @leader, owner_name = @owner, division_name = @division, start_on = @startOn,
      due_on = @dueOn, done_on = @doneOn, row_version = @version, updated_at = @now WHERE id = @id`);
  const dropPoints = db.prepare('DELETE FROM ledger_measure_points WHERE measure_id = ?');
  const addPoint = db.prepare('INSERT INTO ledger_measure_points (measure_id, weak_point_id) VALUES (?, ?)');
  // A returned measure takes no evidence here; any there were would keep its old progress rows alive, so they go first.
  const dropEvidence = db.prepare('DELETE FROM ledger_evidence WHERE progress_id IN (SELECT id FROM ledger_progress WHERE measure_id = ?)');
  const dropProgress = db.prepare('DELETE FROM ledger_progress WHERE measure_id = ?');
  const addProgress = db.prepare(`INSERT INTO ledger_progress (measure_id, on_date, text, done, recorded_by, recorded_at, row_version)
    VALUES (?, ?, ?, ?, ?, ?, ?)`);
  const recordedBy = [...from.courtName].slice(0, 40).join('');
  const warnings: string[] = [];
  for (const m of measures) {
    const key = `${from.courtCode}:${m.id}`;
    const values = { text: m.text, leader: m.leader, owner: m.owner, division: m.division, startOn: m.startOn, dueOn: m.dueOn, doneOn: m.doneOn, version, now };
    const existing = find.get(key) as number | undefined;
    let id: number;
    if (existing === undefined) id = Number(insert.run({ ...values, key, actor }).lastInsertRowid);
    else {
      id = existing;
      update.run({ ...values, id });
    }
    dropPoints.run(id);
    const unknown = m.weakPointIds.filter((w) => !points.has(w));
    for (const w of new Set(m.weakPointIds)) if (points.has(w)) addPoint.run(id, w);
    if (unknown.length) warnings.push(`中院帮扶措施“${[...m.text].slice(0, 20).join('')}”针对的薄弱点 ${unknown.join('、')} 在本院台账中不存在，已略去`);
    dropEvidence.run(id);
    dropProgress.run(id);
    for (const p of m.progress) addProgress.run(id, p.onDate, p.text, p.done ? 1 : 0, recordedBy, now, version);
  }
  return { count: measures.length, warnings };
}
