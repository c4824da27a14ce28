// The court's alert thresholds (settings row 'alerts'): read by the alert lists, set by administrators.
import { ALERTS_KEY, DEFAULT_ALERT_THRESHOLDS, type AlertThresholds } from '../../../shared/deadlines/hiddenOverdue';
import type { SettingsStore } from '../settings/settingsStore';

export function alertThresholds(settings: SettingsStore): AlertThresholds {
  // A row written by an older version may lack a field: the default fills it.
  return { ...DEFAULT_ALERT_THRESHOLDS, ...settings.get<Partial<AlertThresholds>>(ALERTS_KEY, {}) };
}

/** Changes what is given; with nothing given, only reads (no audit entry for a look). */
export function setAlertThresholds(settings: SettingsStore, change: Partial<AlertThresholds>, actor: string): AlertThresholds {
  if (change.openPeriodDays === undefined && change.coldDays === undefined) return alertThresholds(settings);
  const next = { ...alertThresholds(settings), ...Object.fromEntries(Object.entries(change).filter(([, v]) => v !== undefined)) };
  settings.set(ALERTS_KEY, next, actor, 'settings.alerts');
  return alertThresholds(settings);
}
