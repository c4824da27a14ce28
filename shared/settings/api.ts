// The settings domain's calls: the court's choices an administrator makes (idle lock, holiday roll).
import { z } from 'zod';
import { defineCalls, returns } from '../api/define';

export const settingsApi = defineCalls({
  'settings.setIdleLock': { args: z.object({ minutes: z.number().int().min(0).max(480) }).strict(), access: 'settings.manage', result: returns<{ idleLockMinutes: number }>() },
  'settings.setHolidayRoll': {
    args: z.object({ enabled: z.boolean() }).strict(),
    access: 'settings.manage',
    result: returns<{ holidayRoll: boolean; casesChanged: number }>(),
  },
});
