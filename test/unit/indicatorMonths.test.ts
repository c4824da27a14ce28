// 月分析's calendar and address: months and their periods, the same month last year, the year to date, 29 February, the trend's months.
import { describe, expect, it } from 'vitest';
import { isMonth, lastFullMonth, monthLabel, monthlyPeriods, monthPeriod, outsideCaption, sameDayLastYear, shiftMonth, trendMonths } from '../../shared/indicators/months';
import { totalName } from '../../shared/indicators/weekly';
import { formatIndicatorsRoute, parseIndicatorsRoute } from '../../renderer/src/features/indicators/routes';
import { splitHash } from '../../renderer/src/router/hash';

describe('months', () => {
  it.each([
    ['2026-03', -1, '2026-02'],
    ['2026-01', -1, '2025-12'],
    ['2025-12', 1, '2026-01'],
    ['2026-03', -11, '2025-04'],
    ['2026-03', -27, '2023-12'],
  ])('%s shifted by %i is %s', (m, n, want) => expect(shiftMonth(m, n)).toBe(want));

  it.each([
    ['2026-12-05', '2026-11'],
    ['2026-01-01', '2025-12'],
    ['2026-03-31', '2026-02'],
  ])('on %s the last full month is %s', (today, want) => expect(lastFullMonth(today)).toBe(want));

  it.each([
    ['2024-02-29', '2023-02-28'],
    ['2025-02-28', '2024-02-28'],
    ['2026-12-31', '2025-12-31'],
    ['2025-03-01', '2024-03-01'],
  ])('a year before %s is %s', (d, want) => expect(sameDayLastYear(d)).toBe(want));

  it.each([
    ['2024-02', '2026-12-05', { from: '2024-02-01', to: '2024-02-29' }],
    ['2025-02', '2026-12-05', { from: '2025-02-01', to: '2025-02-28' }],
    ['2026-12', '2026-12-05', { from: '2026-12-01', to: '2026-12-05' }],
    ['2027-01', '2026-12-05', null],
  ])('%s seen on %s is %j', (m, today, want) => expect(monthPeriod(m, today)).toEqual(want));

  it('the four periods of a whole month, a running one and a leap February', () => {
    expect(monthlyPeriods('2026-11', '2026-12-05')).toEqual({
      month: { from: '2026-11-01', to: '2026-11-30' },
      lastYear: { from: '2025-11-01', to: '2025-11-30' },
      ytd: { from: '2026-01-01', to: '2026-11-30' },
      lastYtd: { from: '2025-01-01', to: '2025-11-30' },
    });
    // A running month is compared with last year up to the same day, not with last year's whole month.
    expect(monthlyPeriods('2026-12', '2026-12-05')).toMatchObject({ lastYear: { from: '2025-12-01', to: '2025-12-05' }, lastYtd: { from: '2025-01-01', to: '2025-12-05' } });
    expect(monthlyPeriods('2024-02', '2024-12-01')).toMatchObject({ month: { to: '2024-02-29' }, lastYear: { from: '2023-02-01', to: '2023-02-28' }, lastYtd: { to: '2023-02-28' } });
    expect(monthlyPeriods('2025-02', '2025-12-01')).toMatchObject({ lastYear: { to: '2024-02-28' } });
    expect(monthlyPeriods('2027-01', '2026-12-05')).toBeNull();
  });

  it('the trend is the twelve months ending with the month, across a year end', () => {
    expect(trendMonths('2026-03')).toEqual(['2025-04', '2025-05', '2025-06', '2025-07', '2025-08', '2025-09', '2025-10', '2025-11', '2025-12', '2026-01', '2026-02', '2026-03']);
    expect(trendMonths('2026-12')[0]).toBe('2026-01');
  });

  it.each([
    ['2026-03', true],
    ['2026-13', false],
    ['2026-00', false],
    ['2026-3', false],
    ['0999-01', false],
    [null, false],
  ])('%s is a month: %s', (s, want) => expect(isMonth(s)).toBe(want));

  it('labels', () => expect(monthLabel('2026-03')).toBe('2026年3月'));
});

describe('the address of 月分析', () => {
  const parse = (h: string) => parseIndicatorsRoute(splitHash(h)!);
  it('keeps its month and trend indicator, and drops a month that is none', () => {
    const h = '#/indicators?view=monthly&month=2026-02&ind=clearanceRate';
    expect(parse(h)).toMatchObject({ view: 'monthly', month: '2026-02', ind: 'clearanceRate' });
    expect(formatIndicatorsRoute(parse(h)!)).toBe(h);
    expect(parse('#/indicators?view=monthly&month=2026-13')).toMatchObject({ view: 'monthly', month: null });
    expect(formatIndicatorsRoute(parse('#/indicators?view=monthly&month=2026-13')!)).toBe('#/indicators?view=monthly&ind=onTimeRate');
    // Other views carry no month.
    expect(formatIndicatorsRoute(parse('#/indicators?view=groups&month=2026-02')!)).not.toContain('month');
  });
});

describe('the out-of-range caption', () => {
  it('names the total after the reader’s scope: a division head’s figure is 本部门, not 全院', () => {
    expect(outsideCaption('法定审限内结案率', totalName('本部门案件'), '83.3%')).toBe('各部门的法定审限内结案率（按名称排列，不作排名；本部门 83.3%）');
    expect(outsideCaption('法定审限内结案率', totalName('全院案件'), '96.2%')).toContain('全院 96.2%');
    expect(outsideCaption('结收比', totalName('本人承办的案件'), '0.0%')).not.toContain('全院');
  });
});
