// Rest days (weekends and official holidays, less the weekend days worked in lieu) and rolling a date past them.
import { addDays, epochDay, type IsoDate } from '../dates/calendar';

/** The shape of resources/holidays/cn-holidays.json. */
export interface HolidayCalendarFile {
  firstYear: number;
  lastYear: number;
  /** Official holiday days (weekend days inside a holiday included), with the holiday's name. */
  holidays: Record<string, string>;
  /** Weekend days that are working days (调休上班). */
  workdays: Record<string, string>;
}

export interface RestDays {
  readonly firstYear: number;
  readonly lastYear: number;
  readonly holidays: ReadonlyMap<IsoDate, string>;
  readonly workdays: ReadonlySet<IsoDate>;
}

export function restDaysFrom(file: HolidayCalendarFile): RestDays {
  return {
    firstYear: file.firstYear,
    lastYear: file.lastYear,
    holidays: new Map(Object.entries(file.holidays)),
    workdays: new Set(Object.keys(file.workdays)),
  };
}

/** 0 = Sunday … 6 = Saturday; 1970-01-01 (epoch day 0) was a Thursday. */
function weekday(iso: IsoDate): number {
  return (((epochDay(iso) + 4) % 7) + 7) % 7;
}

/** Why a day is a rest day (the holiday's name, or 休息日 for a weekend), or null for a working day. */
export function restDayName(iso: IsoDate, cal: RestDays): string | null {
  const holiday = cal.holidays.get(iso);
  if (holiday) return holiday;
  if (cal.workdays.has(iso)) return null;
  const w = weekday(iso);
  return w === 0 || w === 6 ? '休息日' : null;
}

export interface Rolled {
  date: IsoDate;
  /** The names of the rest days passed over, in order, without repeats (e.g. 国庆节); empty when not moved. */
  passed: string[];
}

/**
 * The first working day on or after iso. Outside the years the calendar covers only weekends are known, which is
 * what the caller is told through the calendar's firstYear/lastYear.
 */
export function nextWorkingDay(iso: IsoDate, cal: RestDays): Rolled {
  const passed: string[] = [];
  let date = iso;
  // A run of rest days is at most a few weeks (the longest holidays are 8–10 days with their weekends).
  for (let name = restDayName(date, cal); name !== null; name = restDayName(date, cal)) {
    if (!passed.includes(name)) passed.push(name);
    date = addDays(date, 1);
  }
  return { date, passed };
}

export function coversYear(cal: RestDays, iso: IsoDate): boolean {
  const y = Number(iso.slice(0, 4));
  return y >= cal.firstYear && y <= cal.lastYear;
}
