// Handlers of the settings domain: the idle lock, and the holiday roll (a long job: every stored due date it moves),
// with its preview (the same switch rolled back, as long, so a job too).
import { settingsApi } from '../../../shared/settings/api';
import { createDomain } from '../kernel/domain';
import type { CoreServices } from '../app/services';
import { CLOSING_RULES_KEY, closingRules } from '../cases/caseWork';
import { setAlertThresholds } from '../deadlines/alertSettings';

export const settingsDomain = createDomain('settings', settingsApi, (s: CoreServices) => ({
  'settings.setIdleLock': (a, ctx) => ({ idleLockMinutes: s.settings.setIdleLockMinutes(a.minutes, ctx.actor) }),
  'settings.previewHolidayRoll': (a, ctx) =>
    s.jobs.run('holidayRollPreview', { enabled: a.enabled, today: s.today() }, { label: a.enabled ? '统计开启节假日顺延影响的案件' : '统计关闭节假日顺延影响的案件', actor: ctx.actor }),
  'settings.setClosingRules': (a, ctx) => {
    const now = closingRules(s.settings);
    s.settings.set(CLOSING_RULES_KEY, { reviewRequired: a.reviewRequired ?? now.reviewRequired, precedentRequired: a.precedentRequired ?? now.precedentRequired }, ctx.actor, 'settings.closingRules');
    return closingRules(s.settings);
  },
  'settings.setAlerts': (a, ctx) => setAlertThresholds(s.settings, a, ctx.actor),
  'settings.setHolidayRoll': (a, ctx) =>
    s.jobs.run('holidayRoll', { enabled: a.enabled, actor: ctx.actor, today: s.today() }, { label: a.enabled ? '开启节假日顺延' : '关闭节假日顺延', actor: ctx.actor }),
}));
