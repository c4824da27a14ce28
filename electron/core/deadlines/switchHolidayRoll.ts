// Switching the holiday roll: the setting and every stored due date it moves, in one audited transaction.
import type { Database } from 'better-sqlite3';
import type { CaseStore } from '../cases/caseStore';
import { SettingsStore } from '../settings/settingsStore';
import { nextRowVersion } from '../db/clock';
import { CN_REST_DAYS, HOLIDAY_ROLL_KEY } from './deadlineRules';
import { restDayName } from '../../../shared/deadlines/restDays';
import { addDays } from '../../../shared/dates/calendar';
import type { JobControl } from '../jobs/job';

/**
 * Which stored due dates a switch can move. On: only a due date on a rest day. Off: only a rolled one, which always
 * lies right after a rest day. A due date not stored (no limit, or a clock stopped by an open period, computed when
 * shown) moves with the reading. Answers are remembered per date: a million cases share a few thousand due dates.
 */
function mayMove(enabled: boolean): (dueOn: string | null) => boolean {
  const known = new Map<string, boolean>();
  return (dueOn) => {
    if (dueOn === null) return false;
    let answer = known.get(dueOn);
    if (answer === undefined) {
      answer = restDayName(enabled ? dueOn : addDays(dueOn, -1), CN_REST_DAYS) !== null;
      known.set(dueOn, answer);
    }
    return answer;
  };
}

export function switchHolidayRoll(db: Database, store: CaseStore, enabled: boolean, actor: string, today: string, control?: JobControl): { holidayRoll: boolean; casesChanged: number } {
  // No window or command ever sees the new setting with old due dates, or the reverse.
  return db.transaction(() => {
    // Asking for what is already set (a second window with an old view) changes and records nothing.
    if (store.rules.holidayRoll() === enabled) return { holidayRoll: enabled, casesChanged: 0 };
    new SettingsStore(db).set(HOLIDAY_ROLL_KEY, enabled, actor, 'settings.holidayRoll');
    // The rows that move are spread over the whole file: a larger page cache for the duration keeps each page
    // written once rather than evicted and read again.
    const previousCache = db.pragma('cache_size', { simple: true }) as number;
    db.pragma('cache_size = -262144');
    let casesChanged: number;
    try {
      casesChanged = store.refreshAllDeadlines(today, nextRowVersion(db), mayMove(enabled), control);
    } finally {
      db.pragma(`cache_size = ${previousCache}`);
    }
    return { holidayRoll: store.rules.holidayRoll(), casesChanged };
  }).immediate();
}
