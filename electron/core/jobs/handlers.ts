// Handlers of the jobs domain: the long jobs running now with their progress, and cancelling one's own.
import { jobsApi } from '../../../shared/jobs/api';
import { createDomain } from '../kernel/domain';
import type { CoreServices } from '../app/services';

export const jobsDomain = createDomain('jobs', jobsApi, (s: CoreServices) => ({
  'jobs.list': () => s.jobs.list(),
  'jobs.cancel': (a, ctx) => ({ cancelRequested: s.jobs.cancel(a.id, ctx.actor) }),
}));
