// 节假日顺延 in words: which years the shipped calendar covers and what happens after them, and what a switch will
// change (from settings.previewHolidayRoll), for the panel and its confirmation.
import type { HolidayRollPreview } from '../../../../shared/settings/api';
import { formatCount } from '../../lib/format';

export interface CalendarYears {
  firstYear: number;
  lastYear: number;
}

/** The calendar's reach, plainly: what rolls inside it, and that after it only weekends do. */
export function calendarCoverageText(cal: CalendarYears): string {
  return (
    `本程序所带的节假日日历包括 ${cal.firstYear}–${cal.lastYear} 年（国务院办公厅每年发布的节假日安排）。` +
    `${cal.lastYear + 1} 年及以后的安排尚未发布：这些年份的届满日只在遇周六、周日时顺延，遇春节、国庆节等法定节假日不顺延，调休上班的周末也按休息日计算。`
  );
}

/** Whether the calendar runs out within a year of today, so the panel warns about it. */
export function calendarEndsSoon(cal: CalendarYears, today: string): boolean {
  return Number(today.slice(0, 4)) >= cal.lastYear;
}

export interface PreviewText {
  title: string;
  /** The count of cases whose due date changes, in one sentence. */
  change: string;
  /** About the years past the calendar; only when switching on. */
  calendar: string | null;
  confirm: string;
}

export function previewText(p: HolidayRollPreview): PreviewText {
  const on = p.enabled;
  const change =
    p.casesChanged === 0
      ? `${on ? '开启' : '关闭'}后，没有案件的审限届满日会改变。`
      : `${on ? '开启' : '关闭'}后，将重新计算并改变 ${formatCount(p.casesChanged)} 件案件的审限届满日（剩余天数和是否超审限随之改变）。`;
  const after = p.calendar.lastYear + 1;
  const calendar = !on
    ? null
    : p.openDueAfterCalendar > 0
      ? `节假日日历只到 ${p.calendar.lastYear} 年。届满日在 ${after} 年及以后的 ${formatCount(p.openDueAfterCalendar)} 件未结案件只按周末顺延，遇法定节假日不顺延。`
      : `节假日日历只到 ${p.calendar.lastYear} 年。目前没有未结案件的届满日在 ${after} 年及以后；今后届满日在 ${after} 年及以后的，只按周末顺延。`;
  return { title: on ? '开启节假日顺延' : '关闭节假日顺延', change, calendar, confirm: on ? '确认开启' : '确认关闭' };
}
