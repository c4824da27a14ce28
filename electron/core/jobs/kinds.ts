// The long jobs, one line each: the domains define them beside their code, the runner and the worker find them here.
import { holidayRollJob } from '../deadlines/holidayRollJob';
import { importJob } from '../cases/importJob';
import { seedJob } from '../setup/seedJob';

export const JOB_KINDS = { holidayRoll: holidayRollJob, import: importJob, seed: seedJob };

export type JobKindName = keyof typeof JOB_KINDS;
export type JobParams<K extends JobKindName> = Parameters<(typeof JOB_KINDS)[K]['run']>[1];
export type JobResult<K extends JobKindName> = Awaited<ReturnType<(typeof JOB_KINDS)[K]['run']>>;
