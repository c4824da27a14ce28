// Ledger rows written straight into a test database (weak points with targets, measures answering them), and a hand-built court whose monthly 超12个月未结案件比 is known, for the trend and meeting tests.
import type { Database } from 'better-sqlite3';
import type { CaseRecord } from '../../shared/cases/types';
import { CaseStore } from '../../electron/core/cases/caseStore';
import { CourtDirectory, getSelfCourt } from '../../electron/core/court/courtStore';
import { nextRowVersion } from '../../electron/core/db/clock';
import { record } from './tempDb';

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

/*
 * The court, month by month (pending at the month's end; long = filed more than 12 months before it):
 *   10 cases filed 2023-06-01, 5 of them closed 2025-07-10;   40 filed 2025-01-02, open;   20 filed 2024-08-20, closed 2025-09-05.
 *   2025-01 … 06: pending 70, long 10 (14.3 %)   07: 65, 5 (7.7 %)   08: 65, 25 (the 20 pass 12 months on 08-20; 38.5 %)
 *   09: 45, 5 (11.1 %)   10 (to the 15th): 45, 5.
 * Weak point A, first measure 2025-07-01: before 60/420 = 14.3 %, after (5+25+5)/(65+65+45) = 35/175 = 20.0 %: worse by 5.7.
 * Weak point B, first measure 2025-09-01: before (Mar–Aug) (40+5+25)/(280+65+65) = 70/410 = 17.1 %, after 5/45 = 11.1 %: better by 6.0.
 */
export function handBuiltCourt(): CaseRecord[] {
  const rows: CaseRecord[] = [];
  let n = 0;
  const c = (filedOn: string, closedOn: string | null, judge = '王法官') =>
    rows.push(record({ caseNumber: `（${filedOn.slice(0, 4)}）辽0421民初${++n}号`, filedOn, judge, division: '民一庭', ...(closedOn ? { closedOn, closingMethod: '判决' } : {}) }));
  for (let i = 0; i < 10; i++) c('2023-06-01', i < 5 ? '2025-07-10' : null);
  for (let i = 0; i < 40; i++) c('2025-01-02', null, '李法官');
  for (let i = 0; i < 20; i++) c('2024-08-20', '2025-09-05');
  return rows;
}

/** Writes records in one transaction, as an import would (a database opened outside freshCourtDb). */
export function putCases(db: Database, records: CaseRecord[], today: string): void {
  const store = new CaseStore(db);
  db.transaction(() => {
    const dir = new CourtDirectory(db, getSelfCourt(db)!.id);
    const v = nextRowVersion(db);
    for (const r of records) store.upsert(r, dir, v, { actor: 'tester', today });
  })();
}
