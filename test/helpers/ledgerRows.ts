// Ledger rows written straight into a test database (weak points with targets, measures answering them), for the trend and meeting tests.
import type { Database } from 'better-sqlite3';

export function addWeakPoint(db: Database, p: { text: string; foundOn: string; targets: Array<{ indicator: string; target: number; dueOn: string }> }): number {
  return db.transaction(() => {
    const id = Number(db.prepare(`INSERT INTO ledger_weak_points (text, found_by, found_on, created_by, created_at, row_version, updated_at)
        VALUES (?, 'intermediate', ?, 'tester', 'x', 1, 'x')`).run(p.text, p.foundOn).lastInsertRowid);
    for (const t of p.targets) db.prepare('INSERT INTO ledger_targets (weak_point_id, indicator, target, due_on) VALUES (?, ?, ?, ?)').run(id, t.indicator, t.target, t.dueOn);
    return id;
  })();
}

export function addMeasure(db: Database, m: { text: string; weakPoints: number[]; startOn: string; dueOn: string; doneOn?: string; meetingId?: number; kind?: 'rectify' | 'help' }): number {
  return db.transaction(() => {
    const id = Number(db.prepare(`INSERT INTO ledger_measures (kind, text, leader_name, owner_name, division_name, start_on, due_on, done_on, meeting_id, created_by, created_at, row_version, updated_at)
        VALUES (?, ?, '院长戊', '王法官', '民一庭', ?, ?, ?, ?, 'tester', 'x', 1, 'x')`).run(m.kind ?? 'rectify', m.text, m.startOn, m.dueOn, m.doneOn ?? null, m.meetingId ?? null).lastInsertRowid);
    for (const w of m.weakPoints) db.prepare('INSERT INTO ledger_measure_points (measure_id, weak_point_id) VALUES (?, ?)').run(id, w);
    return id;
  })();
}
