// The calendar helpers agree with date-fns, the reference, over every day of several years and every month offset.
import { describe, expect, it } from 'vitest';
import { addDays as dfAddDays, addMonths as dfAddMonths, differenceInCalendarDays, format } from 'date-fns';
import { UTCDate } from '@date-fns/utc';
import { addDays, addMonths, daysBetween, isIsoDate, isoFromParts, excelSerialToIso, epochDay } from '../../shared/dates/calendar';

const utc = (iso: string) => new UTCDate(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10));
const iso = (d: Date) => format(d, 'yyyy-MM-dd');

function* everyDay(from: string, to: string) {
  for (let d = from; d <= to; d = addDays(d, 1)) yield d;
}

describe('agrees with date-fns', () => {
  const days = [...everyDay('2019-12-01', '2025-03-31')];

  it('addMonths, month rule included, for 0..40 months from every day', () => {
    for (const d of days) {
      for (const n of [0, 1, 2, 3, 6, 12, 18, 40]) expect(addMonths(d, n)).toBe(iso(dfAddMonths(utc(d), n)));
    }
  });

  it('addDays and daysBetween', () => {
    for (const d of days) {
      for (const n of [-400, -31, -1, 0, 1, 30, 45, 213, 366]) {
        const e = iso(dfAddDays(utc(d), n));
        expect(addDays(d, n)).toBe(e);
        expect(daysBetween(d, e)).toBe(differenceInCalendarDays(utc(e), utc(d)));
      }
    }
  });
});

describe('month rule examples from time-limits.md', () => {
  it.each([
    ['2024-01-15', 6, '2024-07-15'],
    ['2024-08-31', 6, '2025-02-28'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2023-12-31', 2, '2024-02-29'],
    ['2024-03-01', 12, '2025-03-01'],
  ])('%s + %i months = %s', (from, n, due) => {
    expect(addMonths(from, n)).toBe(due);
  });
});

describe('validation', () => {
  it.each(['2024-02-29', '2000-02-29', '1999-12-31'])('%s is a date', (d) => expect(isIsoDate(d)).toBe(true));
  it.each(['2023-02-29', '1900-02-29', '2024-13-01', '2024-00-10', '2024-1-5', '20240105', '', 'x', null, 45000])('%s is not', (d) => expect(isIsoDate(d)).toBe(false));
  it('builds dates from parts, refusing impossible ones', () => {
    expect(isoFromParts(2024, 1, 5)).toBe('2024-01-05');
    expect(isoFromParts(2024, 2, 30)).toBeNull();
    expect(isoFromParts(2024, 1.5, 3)).toBeNull();
  });
  it('reads Excel serials, including the phantom 1900-02-29', () => {
    expect(excelSerialToIso(45292)).toBe('2024-01-01');
    expect(excelSerialToIso(61)).toBe('1900-03-01');
    expect(excelSerialToIso(1)).toBe('1900-01-01');
    expect(excelSerialToIso(0)).toBeNull();
  });
  it('counts epoch days', () => {
    expect(epochDay('1970-01-02')).toBe(1);
    expect(() => epochDay('2024-1-5')).toThrow(RangeError);
  });
});
