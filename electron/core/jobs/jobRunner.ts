// Runs long jobs on a worker thread with a connection of its own, so the core keeps answering every other call;
// tracks their progress for jobs.list, passes a cancel request on, and allows one writing job at a time (reading ones beside it).
import { Worker } from 'node:worker_threads';
import { existsSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import type { JobView } from '../../../shared/jobs/api';
import { CoreError } from '../kernel/errors';
import { sharedControl } from './job';
import { JOB_KINDS, loadJob, type JobKindName, type JobParams, type JobResult } from './kinds';

/** What the worker answers: the job's value, or the error as the contract says it. */
export type WorkerAnswer = { ok: true; value: unknown } | { ok: false; code: CoreError['code']; message: string; detail?: string };

interface Running {
  view: Omit<JobView, 'done' | 'total' | 'cancellable' | 'cancelRequested'>;
  shared: Int32Array;
  writes: boolean;
}

export interface JobRunnerOptions {
  dbPath: string;
  /** The core's own connection, for the in-thread path. */
  db: Database;
  /** The built worker (dist/jobs/jobWorker.cjs); null runs jobs on this thread, which then answers nothing else meanwhile. */
  workerFile: string | null;
  log(line: string): void;
}

/** Beside the bundle that runs (dist/cli, dist/host, dist/electron …); absent when the core runs from source. */
export function defaultJobWorkerFile(): string | null {
  const file = process.env.COURTDESK_JOB_WORKER ?? path.join(__dirname, '..', 'jobs', 'jobWorker.cjs');
  return existsSync(file) ? file : null;
}

export class JobRunner {
  private running = new Map<string, Running>();

  constructor(private readonly o: JobRunnerOptions) {}

  list(): JobView[] {
    return [...this.running.entries()].map(([, r]) => ({
      ...r.view,
      done: Atomics.load(r.shared, 1),
      total: Atomics.load(r.shared, 2) < 0 ? null : Atomics.load(r.shared, 2),
      cancellable: Atomics.load(r.shared, 3) === 1,
      cancelRequested: Atomics.load(r.shared, 0) === 1,
    }));
  }

  /** Asks the job to stop at its next check; only whoever started it may. */
  cancel(id: string, actor: string): boolean {
    const r = this.running.get(id);
    if (!r) throw new CoreError('NOT_FOUND', '该任务已经结束');
    if (r.view.actor !== actor) throw new CoreError('FORBIDDEN', `只有发起该任务的${r.view.actor}可以取消它`);
    if (Atomics.load(r.shared, 3) !== 1) throw new CoreError('CONFLICT', '该任务已进入最后一步，不能再取消');
    Atomics.store(r.shared, 0, 1);
    return true;
  }

  /** Resolves once no writing job runs: for a reader's own small write after its job (an export's audit entry). */
  async writersDone(): Promise<void> {
    while ([...this.running.values()].some((r) => r.writes)) await new Promise((resolve) => setTimeout(resolve, 100));
  }

  async run<K extends JobKindName>(kind: K, params: JobParams<K>, meta: { label: string; actor: string }): Promise<JobResult<K>> {
    // Two writing jobs would only queue on SQLite's write lock; saying so at once is kinder than a long wait. A job
    // that only reads (an export while a clerk imports) goes ahead; one person runs one job at a time.
    const writes = JOB_KINDS[kind].writes;
    const running = [...this.running.values()];
    const own = running.find((r) => r.view.actor === meta.actor);
    if (own) throw new CoreError('BUSY', `您发起的“${own.view.label}”尚未完成，请等它完成后再试`);
    const busy = writes ? running.find((r) => r.writes) : undefined;
    if (busy) throw new CoreError('BUSY', `正在进行“${busy.view.label}”（${busy.view.actor}发起），请等它完成后再试`);
    const id = randomBytes(8).toString('hex');
    const shared = new Int32Array(new SharedArrayBuffer(16));
    Atomics.store(shared, 2, -1);
    Atomics.store(shared, 3, JOB_KINDS[kind].cancellable ? 1 : 0);
    this.running.set(id, { view: { id, label: meta.label, actor: meta.actor, startedAt: new Date().toISOString() }, shared, writes });
    try {
      const file = this.o.db.memory ? null : this.o.workerFile;
      if (!file) return (await (await loadJob(kind)).run(this.o.db, params, sharedControl(shared))) as JobResult<K>;
      return (await this.onWorker(file, kind, params, shared)) as JobResult<K>;
    } finally {
      this.running.delete(id);
    }
  }

  private onWorker(file: string, kind: JobKindName, params: unknown, shared: Int32Array): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const worker = new Worker(file, { workerData: { dbPath: this.o.dbPath, kind, params, shared } });
      let answered = false;
      worker.once('message', (a: WorkerAnswer) => {
        answered = true;
        if (a.ok) resolve(a.value);
        else {
          if (a.detail) this.o.log(a.detail);
          reject(new CoreError(a.code, a.message));
        }
      });
      worker.once('error', (err) => {
        answered = true;
        this.o.log(`任务线程出错：${err instanceof Error ? err.stack ?? err.message : String(err)}`);
        reject(new CoreError('INTERNAL', '后台任务意外中止，数据库保持原样；详情已写入日志'));
      });
      worker.once('exit', (code) => {
        if (!answered) reject(new CoreError('INTERNAL', `后台任务意外退出（代码 ${code}），数据库保持原样`));
      });
    });
  }
}
