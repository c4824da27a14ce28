// Each person's own named case-list filters ("我的超期案件"): kept per account, in the database, never shared.
import type { Database } from 'better-sqlite3';
import type { SavedFilterView } from '../../../shared/cases/caseWork';
import { nowStamp } from '../db/clock';
import { InputError } from '../kernel/errors';

/** Enough for a person's habits, few enough to stay a short menu. */
const MAX_PER_PERSON = 30;

export function savedFilters(db: Database, staffId: number): SavedFilterView[] {
  return (db.prepare('SELECT name, filters_json AS json, updated_at AS updatedAt FROM saved_filters WHERE staff_id = ? ORDER BY name').all(staffId) as Array<{ name: string; json: string; updatedAt: string }>)
    .map((r) => ({ name: r.name, filters: JSON.parse(r.json) as Record<string, unknown>, updatedAt: r.updatedAt }));
}

/** Saves under a name (replacing that name's filter), in one transaction; not audited: it changes no court data. */
export function saveFilter(db: Database, staffId: number, name: string, filters: Record<string, unknown>): SavedFilterView[] {
  db.transaction(() => {
    const exists = db.prepare('SELECT 1 FROM saved_filters WHERE staff_id = ? AND name = ?').get(staffId, name);
    const count = db.prepare('SELECT count(*) FROM saved_filters WHERE staff_id = ?').pluck().get(staffId) as number;
    if (!exists && count >= MAX_PER_PERSON) throw new InputError(`最多保存 ${MAX_PER_PERSON} 个筛选条件，请先删除不用的`, 'name');
    const now = nowStamp();
    db.prepare(
      `INSERT INTO saved_filters (staff_id, name, filters_json, created_at, updated_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (staff_id, name) DO UPDATE SET filters_json = excluded.filters_json, updated_at = excluded.updated_at`,
    ).run(staffId, name, JSON.stringify(filters), now, now);
  }).immediate();
  return savedFilters(db, staffId);
}

export function deleteFilter(db: Database, staffId: number, name: string): SavedFilterView[] {
  const r = db.prepare('DELETE FROM saved_filters WHERE staff_id = ? AND name = ?').run(staffId, name);
  if (r.changes === 0) throw new InputError(`没有名为“${name}”的筛选条件`, 'name');
  return savedFilters(db, staffId);
}
