// The court's choices that change how time limits are counted: for now the holiday roll, kept in the settings table.
import type { Database, Statement } from 'better-sqlite3';
import calendarFile from '../../../resources/holidays/cn-holidays.json';
import { restDaysFrom, type HolidayCalendarFile, type RestDays } from '../../../shared/deadlines/restDays';

/** The official calendar shipped in resources/holidays (scripts/holidays.mjs). */
export const CN_REST_DAYS: RestDays = restDaysFrom(calendarFile as HolidayCalendarFile);
export const HOLIDAY_CALENDAR_SOURCE: string = calendarFile.source;

export const HOLIDAY_ROLL_KEY = 'deadlines.holidayRoll';

/** The rest days the engine rolls due dates over when the setting is on, or null (the default, as docs/time-limits.md says). */
export function restDaysWhen(holidayRoll: boolean): RestDays | null {
  return holidayRoll ? CN_REST_DAYS : null;
}

/**
 * Reads the setting at each use, so that the app, the command line and a second window never count with a stale
 * copy (one indexed read, about a microsecond).
 */
export class DeadlineRules {
  private read: Statement;

  constructor(db: Database) {
    this.read = db.prepare('SELECT value_json FROM settings WHERE key = ?').pluck();
  }

  holidayRoll(): boolean {
    const v = this.read.get(HOLIDAY_ROLL_KEY) as string | undefined;
    return v !== undefined && JSON.parse(v) === true;
  }

  restDays(): RestDays | null {
    return restDaysWhen(this.holidayRoll());
  }
}
