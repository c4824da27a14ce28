// The jobs domain's calls: the long jobs running now (switching the holiday roll, an import), their progress, cancelling.
import { z } from 'zod';
import { defineCalls, returns } from '../api/define';
import { empty } from '../api/fields';

export interface JobView {
  id: string;
  /** What runs, in Chinese: 切换节假日顺延, 导入案件 … */
  label: string;
  /** Who started it. */
  actor: string;
  startedAt: string;
  /** Work done and to do, in the job's own units (cases, rows); total null while not yet known. */
  done: number;
  total: number | null;
  /** Whether cancelling is possible now; a cancelled job leaves the database as it was. */
  cancellable: boolean;
  cancelRequested: boolean;
}

export const jobsApi = defineCalls({
  'jobs.list': { args: empty, access: 'signedIn', result: returns<JobView[]>() },
  'jobs.cancel': { args: z.object({ id: z.string().min(1).max(64) }).strict(), access: 'signedIn', result: returns<{ cancelRequested: boolean }>() },
});
