// Handlers of the deadlines domain: the counts of the 审限预警 board, within the person's scope.
import { deadlinesApi } from '../../../shared/deadlines/api';
import { createDomain } from '../kernel/domain';
import type { CoreServices } from '../app/services';

export const deadlinesDomain = createDomain('deadlines', deadlinesApi, (s: CoreServices) => ({
  'deadlines.summary': (_a, ctx) => s.caseQueries.summary(s.today(), ctx.scope),
}));
