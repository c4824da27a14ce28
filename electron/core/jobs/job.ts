// What a long job is: a function over its own database connection that reports progress and can be cancelled
// between units of work, so that a cancelled job's transaction rolls back and leaves the database as it was.
import type { Database } from 'better-sqlite3';
import { CoreError } from '../kernel/errors';

export interface JobControl {
  /** Work done so far and in all (null while unknown); cheap enough to call for every row. */
  progress(done: number, total?: number | null): void;
  /** Throws JobCancelled once the person has asked to cancel; call it between rows inside the job's transaction. */
  checkCancelled(): void;
  /** From here on the job can no longer be cancelled (its last step, such as writing a file, has begun). */
  noLongerCancellable(): void;
}

export class JobCancelled extends CoreError {
  constructor() {
    super('CANCELLED', '已取消，数据库保持原样');
    this.name = 'JobCancelled';
  }
}

/**
 * A kind of job (listed in kinds.ts, which also says whether it can be cancelled). `run` gets a connection of its own
 * (on a worker thread, or the core's when no worker can be started) and must do all its writing in one transaction,
 * checking for cancellation between units of work.
 */
export interface JobKind<P, R> {
  run(db: Database, params: P, control: JobControl): R | Promise<R>;
}

export function defineJob<P, R>(kind: JobKind<P, R>): JobKind<P, R> {
  return kind;
}

/** A control that counts into a shared array: [cancel requested, done, total (-1 unknown), cancellable]. */
export function sharedControl(shared: Int32Array): JobControl {
  return {
    progress(done, total) {
      Atomics.store(shared, 1, Math.min(done, 2 ** 31 - 1));
      if (total !== undefined) Atomics.store(shared, 2, total === null ? -1 : Math.min(total, 2 ** 31 - 1));
    },
    checkCancelled() {
      if (Atomics.load(shared, 3) === 1 && Atomics.load(shared, 0) === 1) throw new JobCancelled();
    },
    noLongerCancellable() {
      Atomics.store(shared, 3, 0);
    },
  };
}
