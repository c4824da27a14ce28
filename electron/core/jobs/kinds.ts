// The long jobs, one line each: the domains define them beside their code, the runner and the worker find them here.
// Each is loaded when first run, so a host that starts pays nothing for an import's spreadsheet reader.
import type { JobKind } from './job';

/**
 * `writes`: the job takes SQLite's write lock (a preview that writes and rolls back does too). Writing jobs run one at a
 * time, since a second would only queue on the lock; a reading job (an export, an import's preview) runs beside them
 * on its own connection, which WAL lets read the last committed state.
 */
export const JOB_KINDS = {
  holidayRoll: { cancellable: true, writes: true, load: () => import('../deadlines/holidayRollJob').then((m) => m.holidayRollJob) },
  holidayRollPreview: { cancellable: true, writes: true, load: () => import('../deadlines/holidayRollPreviewJob').then((m) => m.holidayRollPreviewJob) },
  import: { cancellable: true, writes: true, load: () => import('../cases/importJob').then((m) => m.importJob) },
  importPreview: { cancellable: true, writes: false, load: () => import('../cases/importPreviewJob').then((m) => m.importPreviewJob) },
  caseExport: { cancellable: true, writes: false, load: () => import('../cases/caseExportJob').then((m) => m.caseExportJob) },
  reconciliationExport: { cancellable: true, writes: false, load: () => import('../cases/reconciliationXlsx').then((m) => m.reconciliationExportJob) },
  report: { cancellable: true, writes: false, load: () => import('../reports/reportJob').then((m) => m.reportJob) },
  exchangePackage: { cancellable: true, writes: false, load: () => import('../exchange/package/packageJob').then((m) => m.packageJob) },
  seed: { cancellable: true, writes: true, load: () => import('../setup/seedJob').then((m) => m.seedJob) },
};

export type JobKindName = keyof typeof JOB_KINDS;
type Loaded<K extends JobKindName> = Awaited<ReturnType<(typeof JOB_KINDS)[K]['load']>>;
export type JobParams<K extends JobKindName> = Parameters<Loaded<K>['run']>[1];
export type JobResult<K extends JobKindName> = Awaited<ReturnType<Loaded<K>['run']>>;

/** The job's code, typed loosely for the runner and the worker, which pass parameters through unchanged. */
export function loadJob(kind: JobKindName): Promise<JobKind<unknown, unknown>> {
  return JOB_KINDS[kind].load() as Promise<JobKind<unknown, unknown>>;
}
