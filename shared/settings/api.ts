// The settings domain's calls: the court's choices an administrator makes (idle lock, holiday roll), and what
// switching the holiday roll would change, asked before it is switched.
import { z } from 'zod';
import { defineCalls, returns } from '../api/define';
import type { AlertThresholds } from '../deadlines/hiddenOverdue';

/** What switching the holiday roll would do, counted by running the switch and rolling it back. */
export interface HolidayRollPreview {
  /** The setting the preview is for. */
  enabled: boolean;
  /** Cases whose stored due date (and with it days remaining, status) the switch would change. */
  casesChanged: number;
  /** Open cases whose running time limit ends after the calendar's last year: there only weekends roll. */
  openDueAfterCalendar: number;
  /** The years the shipped holiday calendar covers. */
  calendar: { firstYear: number; lastYear: number };
}

export const settingsApi = defineCalls({
  'settings.setIdleLock': { args: z.object({ minutes: z.number().int().min(0).max(480) }).strict(), access: 'settings.manage', result: returns<{ idleLockMinutes: number }>() },
  'settings.previewHolidayRoll': {
    args: z.object({ enabled: z.boolean() }).strict(),
    access: 'settings.manage',
    result: returns<HolidayRollPreview>(),
  },
  'settings.setClosingRules': {
    // Which checks a closing by judgment must carry: 阅核 and 类案检索, as the court decides.
    // Either or both: the one not given stays as it is.
    args: z.object({ reviewRequired: z.boolean().optional(), precedentRequired: z.boolean().optional() }).strict(),
    access: 'settings.manage',
    result: returns<{ reviewRequired: boolean; precedentRequired: boolean }>(),
  },
  'settings.setAlerts': {
    // The 隐性超审限 open-period threshold and the 长期未动 days; the one not given stays; neither: only shown.
    args: z.object({
      openPeriodDays: z.number().int('天数应为整数').min(1, '天数至少为 1').max(3650, '天数最多 3650').optional(),
      coldDays: z.number().int('天数应为整数').min(1, '天数至少为 1').max(3650, '天数最多 3650').optional(),
    }).strict(),
    access: 'settings.manage',
    result: returns<AlertThresholds>(),
  },
  'settings.setHolidayRoll': {
    args: z.object({ enabled: z.boolean() }).strict(),
    access: 'settings.manage',
    result: returns<{ holidayRoll: boolean; casesChanged: number }>(),
  },
});
