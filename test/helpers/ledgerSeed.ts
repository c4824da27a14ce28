// A small 脱薄 ledger written straight into a court's tables (two weak points, three measures, progress with an evidence file, one meeting), for the exchange tests of the ledger part.
import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { nextRowVersion } from '../../electron/core/db/clock';

export const EVIDENCE = Buffer.from('%PDF-1.4 会议纪要');
export const EVIDENCE_SHA = createHash('sha256').update(EVIDENCE).digest('hex');

/**
 * Weak points 1 (超12个月未结案件比 ≤ 2 % by 2025-12-31) and 2 (结收比 ≥ 1.05); measures: 1 done on time, 2 overdue at
 * 2025-06-30 (due 2025-05-31, open), 3 in progress (answers both points). Returns the ids as written.
 */
export function seedLedger(db: Database): { points: number[]; measures: number[] } {
  return db.transaction(() => {
    const v = nextRowVersion(db);
    const at = '2025-01-05T08:00:00.000Z';
    const point = db.prepare(`INSERT INTO ledger_weak_points (text, found_by, found_on, created_by, created_at, row_version, updated_at)
      VALUES (?, ?, ?, 'tester', ?, ?, ?) RETURNING id`).pluck();
    const p1 = point.get('长期未结案件多', 'intermediate', '2025-01-02', at, v, at) as number;
    const p2 = point.get('结收比偏低', 'self', '2025-01-03', at, v, at) as number;
    const target = db.prepare('INSERT INTO ledger_targets (weak_point_id, indicator, target, due_on) VALUES (?, ?, ?, ?)');
    target.run(p1, 'longPending12Ratio', 0.02, '2025-12-31');
    target.run(p2, 'clearanceRate', 1.05, '2025-12-31');
    const measure = db.prepare(`INSERT INTO ledger_measures (kind, text, leader_name, owner_name, division_name, start_on, due_on, done_on, created_by, created_at, row_version, updated_at)
      VALUES ('rectify', ?, ?, ?, ?, ?, ?, ?, 'tester', ?, ?, ?) RETURNING id`).pluck();
    const m1 = measure.get('清理超12个月未结案件专项行动', '副院长丁', '庭长丙', '民一庭', '2025-01-10', '2025-03-31', '2025-03-20', at, v, at) as number;
    const m2 = measure.get('每周通报长期未结案件', '院长戊', '统计己', '审判管理办公室', '2025-02-01', '2025-05-31', null, at, v, at) as number;
    const m3 = measure.get('繁简分流，速裁团队扩至三组', '院长戊', '庭长丙', '民一庭', '2025-03-01', '2025-09-30', null, at, v, at) as number;
    const link = db.prepare('INSERT INTO ledger_measure_points (measure_id, weak_point_id) VALUES (?, ?)');
    link.run(m1, p1);
    link.run(m2, p1);
    link.run(m3, p1);
    link.run(m3, p2);
    const progress = db.prepare(`INSERT INTO ledger_progress (measure_id, on_date, text, done, recorded_by, recorded_at, row_version)
      VALUES (?, ?, ?, ?, 'tester', ?, ?) RETURNING id`).pluck();
    progress.get(m1, '2025-02-15', '已清理 12 件', 0, at, v);
    const done = progress.get(m1, '2025-03-20', '专项行动结束，共清理 31 件', 1, at, v) as number;
    progress.get(m3, '2025-04-10', '速裁二组已组建', 0, at, v);
    db.prepare(`INSERT INTO ledger_evidence (progress_id, name, mime, size, sha256, bytes, created_at, row_version) VALUES (?, '专项行动总结.pdf', 'application/pdf', ?, ?, ?, ?, ?)`)
      .run(done, EVIDENCE.length, EVIDENCE_SHA, EVIDENCE, at, v);
    const snapshot = JSON.stringify([{ indicator: 'longPending12Ratio', value: 0.031, numerator: 31, denominator: 1000, status: 'high', note: 'kept at home' }]);
    db.prepare(`INSERT INTO ledger_meetings (held_on, title, attendees, decisions, period_from, period_to, snapshot, created_by, created_at, row_version, updated_at)
      VALUES ('2025-04-30', '四月质效分析会', '院长戊、副院长丁、统计己', '继续清理长期未结案件', '2025-04-01', '2025-04-30', ?, 'tester', ?, ?, ?)`).run(snapshot, at, v, at);
    return { points: [p1, p2], measures: [m1, m2, m3] };
  })();
}
