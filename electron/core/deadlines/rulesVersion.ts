// The version of the counting rules behind the stored deadline columns: when a new program counts differently, every
// case's columns are recomputed once, at its first open, in one audited transaction, so no list shows old figures.
import type { Database } from 'better-sqlite3';
import type { CaseStore } from '../cases/caseStore';
import { SettingsStore } from '../settings/settingsStore';
import { nextRowVersion } from '../db/clock';

/**
 * 1: the foundation's rules. 2: periods counted in date order, none from a start after the due date as it then stood
 * (a late suspension no longer revives an expired limit); a stopped clock's frozen days remaining and the due-date
 * sort key stored. Raise it with every change to the engine that moves a stored figure.
 */
export const DEADLINE_RULES_VERSION = 2;
export const RULES_VERSION_KEY = 'deadlines.rulesVersion';

export function storedRulesVersion(db: Database): number {
  const v = db.prepare('SELECT value_json FROM settings WHERE key = ?').pluck().get(RULES_VERSION_KEY) as string | undefined;
  return v === undefined ? 1 : Number(JSON.parse(v));
}

/** Recomputes every case's deadline columns when they were stored under older rules; null when they are current. */
export function bringDeadlinesUpToDate(db: Database, store: CaseStore, today: string): { from: number; casesChanged: number } | null {
  const from = storedRulesVersion(db);
  if (from >= DEADLINE_RULES_VERSION || db.readonly) return null;
  return db.transaction(() => {
    const casesChanged = store.refreshAllDeadlines(today, nextRowVersion(db));
    new SettingsStore(db).set(RULES_VERSION_KEY, DEADLINE_RULES_VERSION, '（程序升级）', 'deadlines.recompute');
    return { from, casesChanged };
  }).immediate();
}
