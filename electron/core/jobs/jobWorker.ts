// Worker-thread entry of a long job: opens its own connection to the database, runs the job, answers once.
import { parentPort, workerData } from 'node:worker_threads';
import BetterSqlite3 from 'better-sqlite3';
import { sharedControl } from './job';
import { loadJob, type JobKindName } from './kinds';
import { toApiError } from '../kernel/errors';
import type { WorkerAnswer } from './jobRunner';

const { dbPath, kind, params, shared } = workerData as { dbPath: string; kind: JobKindName; params: unknown; shared: Int32Array };

async function main(): Promise<WorkerAnswer> {
  let db: BetterSqlite3.Database | null = null;
  try {
    db = new BetterSqlite3(dbPath, { fileMustExist: true });
    // The core's connection settings (db/connection.ts); the file is already in WAL mode and migrated.
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    db.pragma('cache_size = -65536');
    const value = await (await loadJob(kind)).run(db, params, sharedControl(shared));
    return { ok: true, value };
  } catch (err) {
    let detail: string | undefined;
    const e = toApiError(err, (line) => {
      detail = line;
    });
    return { ok: false, code: e.code, message: e.message, detail };
  } finally {
    db?.close();
  }
}

void main().then((answer) => parentPort!.postMessage(answer));
