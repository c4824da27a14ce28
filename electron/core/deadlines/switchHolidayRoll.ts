// Switching the holiday roll: the setting and every stored due date it moves, in one audited transaction.
import type { Database } from 'better-sqlite3';
import type { CaseStore } from '../cases/caseStore';
import { SettingsStore } from '../setup/settings';
import { nextRowVersion } from '../db/clock';
import { HOLIDAY_ROLL_KEY } from './deadlineRules';

export function switchHolidayRoll(db: Database, store: CaseStore, enabled: boolean, actor: string, today: string): { holidayRoll: boolean; casesChanged: number } {
  // No window or command ever sees the new setting with old due dates, or the reverse.
  return db.transaction(() => {
    // Asking for what is already set (a second window with an old view) changes and records nothing.
    if (store.rules.holidayRoll() === enabled) return { holidayRoll: enabled, casesChanged: 0 };
    new SettingsStore(db).set(HOLIDAY_ROLL_KEY, enabled, actor, 'settings.holidayRoll');
    const casesChanged = store.refreshAllDeadlines(today, nextRowVersion(db));
    return { holidayRoll: store.rules.holidayRoll(), casesChanged };
  }).immediate();
}
