// The long jobs, one line each: the domains define them beside their code, the runner and the worker find them here.
// Each is loaded when first run, so a host that starts pays nothing for an import's spreadsheet reader.
import type { JobKind } from './job';

export const JOB_KINDS = {
  holidayRoll: { cancellable: true, load: () => import('../deadlines/holidayRollJob').then((m) => m.holidayRollJob) },
  holidayRollPreview: { cancellable: true, load: () => import('../deadlines/holidayRollPreviewJob').then((m) => m.holidayRollPreviewJob) },
  import: { cancellable: true, load: () => import('../cases/importJob').then((m) => m.importJob) },
  importPreview: { cancellable: true, load: () => import('../cases/importPreviewJob').then((m) => m.importPreviewJob) },
  caseExport: { cancellable: true, load: () => import('../cases/caseExportJob').then((m) => m.caseExportJob) },
  reconciliationExport: { cancellable: true, load: () => import('../cases/reconciliationXlsx').then((m) => m.reconciliationExportJob) },
  seed: { cancellable: true, load: () => import('../setup/seedJob').then((m) => m.seedJob) },
};

export type JobKindName = keyof typeof JOB_KINDS;
type Loaded<K extends JobKindName> = Awaited<ReturnType<(typeof JOB_KINDS)[K]['load']>>;
export type JobParams<K extends JobKindName> = Parameters<Loaded<K>['run']>[1];
export type JobResult<K extends JobKindName> = Awaited<ReturnType<Loaded<K>['run']>>;

/** The job's code, typed loosely for the runner and the worker, which pass parameters through unchanged. */
export function loadJob(kind: JobKindName): Promise<JobKind<unknown, unknown>> {
  return JOB_KINDS[kind].load() as Promise<JobKind<unknown, unknown>>;
}
