// Rest days and the holiday roll of time-limits.md ("off by default, with the official calendar in resources/").
import { describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { nextWorkingDay, restDayName, restDaysFrom, type HolidayCalendarFile } from '../../shared/deadlines/restDays';
import { computeDeadline, type DeadlineInput } from '../../shared/deadlines/engine';
import { CN_REST_DAYS } from '../../electron/core/deadlines/deadlineRules';

const ROOT = path.resolve(__dirname, '../..');
const shipped = JSON.parse(readFileSync(path.join(ROOT, 'resources/holidays/cn-holidays.json'), 'utf8')) as HolidayCalendarFile & { source: string };

describe('the shipped calendar', () => {
  it('is exactly what scripts/holidays.mjs writes from the chinese-days package it names', () => {
    const require = createRequire(__filename);
    const pkg = JSON.parse(readFileSync(require.resolve('chinese-days/package.json'), 'utf8')) as { version: string };
    const data = JSON.parse(readFileSync(require.resolve('chinese-days/dist/chinese-days.json'), 'utf8')) as Record<'holidays' | 'workdays', Record<string, string>>;
    expect(shipped.source).toBe(`npm chinese-days@${pkg.version}`);
    expect(Object.keys(shipped.holidays)).toEqual(Object.keys(data.holidays).sort());
    expect(Object.keys(shipped.workdays)).toEqual(Object.keys(data.workdays).sort());
    expect(shipped.lastYear).toBeGreaterThanOrEqual(2026);
  });

  // Spot checks against the State Council's notices for 2024–2026.
  it.each([
    ['2024-10-01', '国庆节'],
    ['2024-10-07', '国庆节'],
    ['2025-01-28', '春节'],
    ['2025-02-04', '春节'],
    ['2025-05-31', '端午'],
    ['2026-02-23', '春节'],
    ['2026-06-19', '端午'],
  ])('%s is %s', (day, name) => {
    expect(restDayName(day, CN_REST_DAYS)).toBe(name);
  });

  it.each(['2024-09-14', '2024-09-29', '2024-10-12', '2025-01-26', '2026-02-14', '2026-02-28', '2026-10-10'])('%s is a weekend day worked in lieu', (day) => {
    expect(new Date(`${day}T00:00:00Z`).getUTCDay() % 6).toBe(0);
    expect(restDayName(day, CN_REST_DAYS)).toBeNull();
  });
});

describe('nextWorkingDay', () => {
  it.each<[string, string, string[]]>([
    ['2026-11-23', '2026-11-23', []], // a Monday
    ['2026-11-21', '2026-11-23', ['休息日']], // Saturday → Monday
    ['2026-10-03', '2026-10-08', ['国庆节']],
    ['2026-10-10', '2026-10-10', []], // Saturday worked in lieu
    ['2026-02-21', '2026-02-24', ['春节']],
    ['2024-09-15', '2024-09-18', ['中秋']],
    ['2025-05-31', '2025-06-03', ['端午']],
    ['2030-06-01', '2030-06-03', ['休息日']], // beyond the calendar: weekends only
    ['2003-06-07', '2003-06-09', ['休息日']],
  ])('%s → %s', (from, to, passed) => {
    expect(nextWorkingDay(from, CN_REST_DAYS)).toEqual({ date: to, passed });
  });

  it('reads a calendar file of any years', () => {
    const cal = restDaysFrom({ firstYear: 2031, lastYear: 2031, holidays: { '2031-01-01': '元旦' }, workdays: { '2031-01-04': '元旦' } });
    expect(nextWorkingDay('2031-01-01', cal).date).toBe('2031-01-02');
    expect(restDayName('2031-01-04', cal)).toBeNull(); // a Saturday worked
    expect(restDayName('2031-01-05', cal)).toBe('休息日');
  });
});

function civil(filedOn: string, procedure: '普通程序' | '简易程序', closedOn: string | null = null): DeadlineInput {
  return { typeCode: '民初', procedure, limitVariant: null, filedOn, closedOn, events: [], extensions: [], importedDeductedDays: 0, importedExtendedDays: 0 };
}

describe('the engine with the holiday roll', () => {
  const TODAY = '2024-12-31';
  it.each<[string, DeadlineInput, string, string | null, number]>([
    // off by default: the worked example 民初102 (due on a Saturday) stays as the spec has it
    ['simple, due Saturday 2024-11-30', civil('2024-08-31', '简易程序'), '2024-12-02', '2024-11-30', -29],
    ['ordinary, due on National Day', civil('2024-04-01', '普通程序'), '2024-10-08', '2024-10-01', -84],
    ['ordinary, due in the Spring Festival', civil('2024-07-29', '普通程序'), '2025-02-05', '2025-01-29', 36],
    ['due on a Saturday worked in lieu', civil('2024-03-14', '普通程序'), '2024-09-14', null, -108],
    ['due on a Friday', civil('2024-08-31', '普通程序'), '2025-02-28', null, 59],
  ])('%s', (_label, input, dueOn, rolledFrom, remaining) => {
    const off = computeDeadline(input, TODAY);
    expect(off.rolledFrom).toBeNull();
    expect(off.dueOn).toBe(rolledFrom ?? dueOn);
    const on = computeDeadline(input, TODAY, true, CN_REST_DAYS);
    expect(on).toMatchObject({ dueOn, rolledFrom, daysRemaining: remaining });
    if (rolledFrom) expect(on.steps.join('\n')).toContain(`计算届满日 ${rolledFrom} 为`);
  });

  it('judges a case closed on the first working day after a holiday as in time, only with the roll on', () => {
    const input = civil('2024-04-01', '普通程序', '2024-10-08');
    expect(computeDeadline(input, TODAY).status).toBe('closed_overdue');
    expect(computeDeadline(input, TODAY, true, CN_REST_DAYS).status).toBe('closed_in_time');
  });

  it('says when the due date lies beyond the calendar', () => {
    const d = computeDeadline(civil('2029-12-01', '普通程序'), '2030-01-01', true, CN_REST_DAYS);
    expect(d.dueOn).toBe('2030-06-03');
    expect(d.steps.join('\n')).toContain('只按周末顺延');
  });
});
