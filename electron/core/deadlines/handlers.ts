// Handlers of the deadlines domain: the counts of the 审限预警 board and its alert lists, within the person's scope.
import { deadlinesApi } from '../../../shared/deadlines/api';
import { type AlertThresholds } from '../../../shared/deadlines/hiddenOverdue';
import { alertThresholds } from './alertSettings';
import { createDomain } from '../kernel/domain';
import { AlertQueries } from './alertQueries';
import type { CoreServices } from '../app/services';

export const deadlinesDomain = createDomain('deadlines', deadlinesApi, (s: CoreServices) => {
  const alerts = new AlertQueries(s.db);
  // The court's thresholds (settings table), read at each call so the app and the command line never differ.
  const thresholds = (over: Partial<AlertThresholds>): AlertThresholds => {
    const court = alertThresholds(s.settings);
    return { openPeriodDays: over.openPeriodDays ?? court.openPeriodDays, coldDays: over.coldDays ?? court.coldDays };
  };
  return {
    'deadlines.summary': (_a, ctx) => s.caseQueries.summary(s.today(), ctx.scope),
    'deadlines.hidden': (a, ctx) => alerts.hidden(s.today(), ctx.scope, thresholds({ openPeriodDays: a.openPeriodDays })),
    'deadlines.cold': (a, ctx) => alerts.cold(s.today(), ctx.scope, thresholds({ coldDays: a.days })),
  };
});
