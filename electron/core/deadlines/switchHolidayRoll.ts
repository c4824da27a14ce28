// Switching the holiday roll: the setting and every stored due date it moves, in one audited transaction; and its
// preview, the same switch rolled back, so the confirmation can say how many due dates will change.
import { forgetStockDays } from '../indicators/stockDays';
import type { Database } from 'better-sqlite3';
import type { CaseStore } from '../cases/caseStore';
import { SettingsStore } from '../settings/settingsStore';
import { nextRowVersion } from '../db/clock';
import { CN_REST_DAYS, HOLIDAY_ROLL_KEY } from './deadlineRules';
import { restDayName } from '../../../shared/deadlines/restDays';
import { addDays } from '../../../shared/dates/calendar';
import type { JobControl } from '../jobs/job';
import type { HolidayRollPreview } from '../../../shared/settings/api';

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

/** The switch's writes, inside a transaction the caller opened: the setting and every stored due date it moves. */
function applySwitch(db: Database, store: CaseStore, enabled: boolean, actor: string, today: string, control?: JobControl): number {
  // Asking for what is already set (a second window with an old view) changes and records nothing.
  if (store.rules.holidayRoll() === enabled) return 0;
  new SettingsStore(db).set(HOLIDAY_ROLL_KEY, enabled, actor, 'settings.holidayRoll');
  // Most open cases' due dates move: the kept stock days are dropped rather than updated row by row by the triggers
  // on cases (indicators/stockDays.ts); they come back on the next read.
  forgetStockDays(db);
  // The rows that move are spread over the whole file: a larger page cache for the duration keeps each page
  // written once rather than evicted and read again.
  const previousCache = db.pragma('cache_size', { simple: true }) as number;
  db.pragma('cache_size = -262144');
  try {
    return store.refreshAllDeadlines(today, nextRowVersion(db), mayMove(enabled), control);
  } finally {
    db.pragma(`cache_size = ${previousCache}`);
  }
}

export function switchHolidayRoll(db: Database, store: CaseStore, enabled: boolean, actor: string, today: string, control?: JobControl): { holidayRoll: boolean; casesChanged: number } {
  // No window or command ever sees the new setting with old due dates, or the reverse.
  return db.transaction(() => {
    const casesChanged = applySwitch(db, store, enabled, actor, today, control);
    return { holidayRoll: store.rules.holidayRoll(), casesChanged };
  }).immediate();
}

/** Carries the preview's answer out of the transaction it rolls back. */
class RollBack extends Error {
  constructor(readonly preview: HolidayRollPreview) {
    super('preview rolled back');
  }
}

/**
 * What switching would do, exactly: the very same switch, run in a transaction that is then rolled back, so the
 * count is the one the switch will report (not an estimate that could disagree with it) and nothing is kept, the
 * audit entry included. As long as the switch itself, so it runs as a long job too.
 */
export function previewHolidayRoll(db: Database, store: CaseStore, enabled: boolean, today: string, control?: JobControl): HolidayRollPreview {
  const calendar = { firstYear: CN_REST_DAYS.firstYear, lastYear: CN_REST_DAYS.lastYear };
  try {
    db.transaction(() => {
      const casesChanged = applySwitch(db, store, enabled, '（预览）', today, control);
      // Due dates past the calendar roll over weekends only: the person should know how many that is.
      const openDueAfterCalendar = db
        .prepare("SELECT count(*) FROM cases WHERE clock = 'running' AND due_on > ?")
        .pluck()
        .get(`${calendar.lastYear}-12-31`) as number;
      throw new RollBack({ enabled, casesChanged, openDueAfterCalendar, calendar });
    }).immediate();
  } catch (err) {
    if (err instanceof RollBack) return err.preview;
    throw err;
  }
  throw new Error('unreachable: the preview transaction always rolls back');
}
