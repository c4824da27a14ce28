// Calendar-day arithmetic on ISO dates (YYYY-MM-DD): no clocks, no time zones, on the built-in Date.UTC.
// date-fns gives the same answers (a test checks thousands of dates against it) but is 20× slower, and the
// generator and the bulk paths call these a few million times.

export type IsoDate = string;

const MS_PER_DAY = 86_400_000;
const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

function digit(s: string, i: number): number {
  const c = s.charCodeAt(i) - 48;
  if (c < 0 || c > 9) throw new RangeError(`not an ISO date: ${s}`);
  return c;
}

function parts(iso: IsoDate): [number, number, number] {
  // Fixed positions read digit by digit: far cheaper than a regex or slices on the hot path.
  if (iso.length !== 10 || iso.charCodeAt(4) !== 45 || iso.charCodeAt(7) !== 45) throw new RangeError(`not an ISO date: ${iso}`);
  const y = digit(iso, 0) * 1000 + digit(iso, 1) * 100 + digit(iso, 2) * 10 + digit(iso, 3);
  const m = digit(iso, 5) * 10 + digit(iso, 6);
  const d = digit(iso, 8) * 10 + digit(iso, 9);
  if (m < 1 || m > 12 || d < 1 || d > 31) throw new RangeError(`not an ISO date: ${iso}`);
  return [y, m, d];
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : `${n}`;
}

function fromEpochDay(day: number): IsoDate {
  const dt = new Date(day * MS_PER_DAY);
  const y = dt.getUTCFullYear();
  return `${y < 1000 ? String(y).padStart(4, '0') : y}-${pad2(dt.getUTCMonth() + 1)}-${pad2(dt.getUTCDate())}`;
}

/** Days since 1970-01-01; handy as an integer key. */
export function epochDay(iso: IsoDate): number {
  const [y, m, d] = parts(iso);
  return Date.UTC(y, m - 1, d) / MS_PER_DAY;
}

/** True for a real calendar date written as YYYY-MM-DD. */
export function isIsoDate(s: unknown): s is IsoDate {
  if (typeof s !== 'string') return false;
  const m = ISO_RE.exec(s);
  if (!m) return false;
  const mo = Number(m[2]);
  const d = Number(m[3]);
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(Number(m[1]), mo);
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(year: number, month: number): number {
  if (month !== 2) return MONTH_DAYS[month - 1];
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
}

export function isoFromParts(year: number, month: number, day: number): IsoDate | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  if (year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

export function addDays(iso: IsoDate, days: number): IsoDate {
  return fromEpochDay(epochDay(iso) + days);
}

/**
 * The month rule of the time-limit spec: the same day N months later, or the last day of that month
 * when it has no such day (2024-08-31 + 6 months = 2025-02-28).
 */
export function addMonths(iso: IsoDate, months: number): IsoDate {
  const [y, m, d] = parts(iso);
  const index = y * 12 + (m - 1) + months;
  const ty = Math.floor(index / 12);
  const tm = index - ty * 12 + 1;
  return `${ty < 1000 ? String(ty).padStart(4, '0') : ty}-${pad2(tm)}-${pad2(Math.min(d, daysInMonth(ty, tm)))}`;
}

/** b − a in calendar days. */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return epochDay(b) - epochDay(a);
}

export function minDate(a: IsoDate, b: IsoDate): IsoDate {
  return a < b ? a : b;
}

export function maxDate(a: IsoDate, b: IsoDate): IsoDate {
  return a > b ? a : b;
}

/** Today's local calendar date, the way a clerk reads it off the wall calendar. */
export function localToday(now: Date = new Date()): IsoDate {
  return `${now.getFullYear()}-${pad2(now.getMonth() + 1)}-${pad2(now.getDate())}`;
}

/** Excel's 1900 date system serial (with its phantom 1900-02-29) to an ISO date. */
export function excelSerialToIso(serial: number): IsoDate | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2958465) return null;
  const whole = Math.floor(serial);
  // Serial 60 is the non-existent 1900-02-29; later serials are one day ahead because of it.
  const offset = whole > 60 ? whole - 1 : whole;
  return addDays('1899-12-31', offset);
}
