// Renderer: the rules behind what court staff found wrong: filters within the person's scope, number boxes that
// say why they refuse and take full-width digits, a 剩余天数 range checked as a whole, the holiday-roll wording.
import { describe, expect, it } from 'vitest';
import { scopeChoices, scopeKindOf } from '../../renderer/src/features/cases/scopeFilters';
import { checkRemainingRange } from '../../renderer/src/features/cases/filters';
import { asciiNumberText, readWholeNumber } from '../../renderer/src/lib/numbers';
import { parseIdleMinutes } from '../../renderer/src/features/settings/idleLock';
import { calendarCoverageText, calendarEndsSoon, previewText } from '../../renderer/src/features/settings/holidayRoll';
import type { DivisionView, JudgeView } from '../../shared/api/contract';

const MIN_YI: DivisionView = { id: 3, name: '民一庭', kind: 'division' };
const XING: DivisionView = { id: 5, name: '刑事审判庭', kind: 'division' };
const WANG: JudgeView = { id: 11, name: '王法官', divisionId: 3 };
const LI: JudgeView = { id: 12, name: '李法官', divisionId: 3 };

describe('filters within the scope', () => {
  it('reads the scope from the label the core sends', () => {
    expect(scopeKindOf('全院案件')).toBe('all');
    expect(scopeKindOf('本部门案件')).toBe('division');
    expect(scopeKindOf('本人承办的案件')).toBe('own');
    expect(scopeKindOf('无权查看案件')).toBe('none');
    expect(scopeKindOf(undefined)).toBe('none');
  });

  it('offers court-wide staff every division and judge', () => {
    const c = scopeChoices({ name: '院长', scope: '全院案件', division: null }, [MIN_YI, XING], [WANG, LI], null);
    expect(c.division).toEqual({ kind: 'select', options: [MIN_YI, XING] });
    expect(c.judge).toEqual({ kind: 'select', options: [WANG, LI] });
    expect(c.judgesOf).toBeNull();
  });

  it("fixes a division's staff to their division, with the reason, and lists that division's judges", () => {
    // Even a catalogue that still lists every division offers only his own.
    const c = scopeChoices({ name: '庭长', scope: '本部门案件', division: '民一庭' }, [MIN_YI, XING], [WANG], null);
    expect(c.division).toMatchObject({ kind: 'fixed', text: '民一庭', note: '仅本部门' });
    expect(c.judgesOf).toBe(3);
    expect(c.judge).toEqual({ kind: 'select', options: [WANG] });
  });

  it("shows a judge himself as the only judge, and his cases' one division as fixed", () => {
    const c = scopeChoices({ name: '王法官', scope: '本人承办的案件', division: '民一庭' }, [MIN_YI], [WANG], null);
    expect(c.judge).toMatchObject({ kind: 'fixed', text: '王法官', note: '仅本人承办' });
    expect(c.division).toMatchObject({ kind: 'fixed', text: '民一庭' });
    // Cases in two divisions: both offered, nothing else.
    expect(scopeChoices({ name: '王法官', scope: '本人承办的案件', division: '民一庭' }, [MIN_YI, XING], [WANG], null).division).toEqual({ kind: 'select', options: [MIN_YI, XING] });
    expect(scopeChoices({ name: '王法官', scope: '本人承办的案件', division: null }, [], [], null).division).toEqual({ kind: 'hidden' });
  });
});

describe('number boxes', () => {
  it('take full-width digits and minus signs', () => {
    expect(asciiNumberText(' １０ ')).toBe('10');
    expect(asciiNumberText('－３０')).toBe('-30');
    expect(readWholeNumber('１０', 1, 100, '页码')).toEqual({ empty: false, value: 10 });
    expect(parseIdleMinutes('１０')).toEqual({ minutes: 10 });
    expect(parseIdleMinutes('　３０　')).toEqual({ minutes: 30 });
  });

  it('say why they refuse', () => {
    expect(readWholeNumber('abc', -36500, 36500, '天数')).toEqual({ empty: false, error: '请输入整数天数' });
    expect(readWholeNumber('1.5', -36500, 36500, '天数')).toEqual({ empty: false, error: '请输入整数天数' });
    expect(readWholeNumber('40000', -36500, 36500, '天数')).toEqual({ empty: false, error: '天数应在 -36500 到 36500 之间' });
    expect(readWholeNumber('  ', 1, 9, '页码')).toEqual({ empty: true });
  });

  it('check 剩余天数 as a range: refused with a reason, never swapped', () => {
    expect(checkRemainingRange('', '')).toEqual({ ok: true, min: null, max: null });
    expect(checkRemainingRange('０', '７')).toEqual({ ok: true, min: 0, max: 7 });
    expect(checkRemainingRange('-30', '')).toEqual({ ok: true, min: -30, max: null });
    expect(checkRemainingRange('abc', '7')).toEqual({ ok: false, invalid: ['min'], message: '请输入整数天数' });
    expect(checkRemainingRange('0', '七')).toEqual({ ok: false, invalid: ['max'], message: '请输入整数天数' });
    expect(checkRemainingRange('30', '7')).toEqual({ ok: false, invalid: ['min', 'max'], message: '最小值不能大于最大值' });
    expect(checkRemainingRange('7', '7')).toEqual({ ok: true, min: 7, max: 7 });
  });
});

describe('节假日顺延 in words', () => {
  const calendar = { firstYear: 2004, lastYear: 2026 };

  it('says which years the calendar covers and that after them only weekends roll', () => {
    expect(calendarCoverageText(calendar)).toBe(
      '本程序所带的节假日日历包括 2004–2026 年（国务院办公厅每年发布的节假日安排）。2027 年及以后的安排尚未发布：这些年份的届满日只在遇周六、周日时顺延，遇春节、国庆节等法定节假日不顺延，调休上班的周末也按休息日计算。',
    );
    expect(calendarEndsSoon(calendar, '2026-11-23')).toBe(true);
    expect(calendarEndsSoon(calendar, '2025-01-01')).toBe(false);
  });

  it('puts the number of changed due dates in the confirmation', () => {
    const on = previewText({ enabled: true, casesChanged: 1176, openDueAfterCalendar: 2712, calendar });
    expect(on).toEqual({
      title: '开启节假日顺延',
      change: '开启后，将重新计算并改变 1,176 件案件的审限届满日（剩余天数和是否超审限随之改变）。',
      calendar: '节假日日历只到 2026 年。届满日在 2027 年及以后的 2,712 件未结案件只按周末顺延，遇法定节假日不顺延。',
      confirm: '确认开启',
    });
    expect(previewText({ enabled: true, casesChanged: 1, openDueAfterCalendar: 0, calendar }).calendar).toBe(
      '节假日日历只到 2026 年。目前没有未结案件的届满日在 2027 年及以后；今后届满日在 2027 年及以后的，只按周末顺延。',
    );
    const off = previewText({ enabled: false, casesChanged: 0, openDueAfterCalendar: 0, calendar });
    expect(off).toMatchObject({ change: '关闭后，没有案件的审限届满日会改变。', calendar: null, confirm: '确认关闭' });
  });
});
