// Streams the generator's cases as insert-ready rows, from a worker thread when there are many, so that the writer only writes.
import { Worker, MessageChannel, receiveMessageOnPort, type MessagePort } from 'node:worker_threads';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { generateCourt } from './generate';
import { prepareSeedRow, type SeedRow } from '../cases/caseRow';
import type { GeneratedCourt, GeneratorOptions } from './types';
import { restDaysWhen } from '../deadlines/deadlineRules';

export const SEED_BATCH = 2000;
/** Below this many cases a worker's start-up costs more than it saves; the demo database stays in one thread. */
export const WORKER_THRESHOLD = 50_000;
/** Batches the worker may run ahead of the writer: enough to hide jitter, few enough to bound memory (~AHEAD × 2000 rows). */
const AHEAD = 8;
/** The writer gives up when the worker shows no sign of life for this long (it cannot hear the worker's exit while blocked). */
const STALL_MS = 60_000;

// Control words shared with the worker: batches posted, batches consumed.
const POSTED = 0;
const CONSUMED = 1;

/** The generator's options, and the court's holiday-roll setting the stored due dates follow. */
export interface SeedOptions extends GeneratorOptions {
  holidayRoll: boolean;
}

export type SeedMessage = { rows: SeedRow[] } | { done: true } | { error: string };

/** Where the built worker lives: beside the bundle that runs (dist/cli, dist/host, …); absent when running from source. */
export function seedWorkerFile(): string {
  return path.join(__dirname, '..', 'generator', 'seedWorker.cjs');
}

/** The pure part of the worker, also used in-thread: the generator's cases, prepared and batched. */
export function* preparedBatches(options: SeedOptions, cases: GeneratedCourt['cases'] = generateCourt(options).cases): Generator<SeedRow[]> {
  const restDays = restDaysWhen(options.holidayRoll);
  let batch: SeedRow[] = [];
  for (const c of cases) {
    batch.push(prepareSeedRow(c.record, c.events, c.extensions, options.today, restDays, c.mediation));
    if (batch.length === SEED_BATCH) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length) yield batch;
}

/**
 * The rows of a generated court in filing order, the same whichever thread prepared them. The caller consumes them
 * synchronously (inside one SQLite transaction), so the worker's messages are pulled with receiveMessageOnPort and
 * the wait is an Atomics.wait on shared counters rather than an event loop turn.
 */
export function seedBatches(options: SeedOptions, cases: GeneratedCourt['cases'], mode: 'auto' | 'thread' | 'worker' = 'auto'): Iterable<SeedRow[]> {
  const file = seedWorkerFile();
  // The environment can force either path (the CLI tests compare them on a small court).
  const forced = process.env.COURTDESK_SEED_WORKER;
  if (mode === 'auto' && (forced === '0' || forced === '1')) mode = forced === '1' ? 'worker' : 'thread';
  // Asked for by name, the worker must be there (a test comparing both paths must not compare one with itself);
  // in 'auto' a missing worker (running from source) means this thread.
  if (mode === 'worker' && !existsSync(file)) throw new Error(`找不到生成数据的工作线程文件：${file}，请先运行 npm run build`);
  const useWorker = mode === 'worker' || (mode === 'auto' && options.cases >= WORKER_THRESHOLD);
  if (!useWorker || !existsSync(file)) return preparedBatches(options, cases);
  return { [Symbol.iterator]: () => fromWorker(file, options) };
}

function* fromWorker(file: string, options: SeedOptions): Generator<SeedRow[]> {
  const control = new Int32Array(new SharedArrayBuffer(8));
  const { port1, port2 } = new MessageChannel();
  const worker = new Worker(file, { workerData: { options, control, port: port2 }, transferList: [port2] });
  worker.unref();
  let received = 0;
  try {
    for (;;) {
      const message = next(port1, control, received);
      received++;
      Atomics.add(control, CONSUMED, 1);
      Atomics.notify(control, CONSUMED);
      if ('error' in message) throw new Error(`生成演示数据失败：${message.error}`);
      if ('done' in message) return;
      yield message.rows;
    }
  } finally {
    port1.close();
    void worker.terminate();
  }
}

function next(port: MessagePort, control: Int32Array, received: number): SeedMessage {
  let waited = 0;
  for (;;) {
    const got = receiveMessageOnPort(port);
    if (got) return got.message as SeedMessage;
    // The worker posts, then counts: a count ahead of what arrived means the message is a moment away.
    if (Atomics.wait(control, POSTED, received, 50) === 'timed-out' && (waited += 50) >= STALL_MS) {
      throw new Error('生成演示数据的工作线程已停止响应，数据库未作改动');
    }
  }
}

/** The worker's side: run by seedWorker.ts with the shared counters. */
export function serveBatches(options: SeedOptions, control: Int32Array, post: (m: SeedMessage) => void): void {
  let posted = 0;
  const send = (m: SeedMessage): void => {
    for (let consumed = Atomics.load(control, CONSUMED); posted - consumed >= AHEAD; consumed = Atomics.load(control, CONSUMED)) {
      Atomics.wait(control, CONSUMED, consumed, 1000);
    }
    post(m);
    posted++;
    Atomics.store(control, POSTED, posted);
    Atomics.notify(control, POSTED);
  };
  try {
    for (const rows of preparedBatches(options)) send({ rows });
    send({ done: true });
  } catch (e) {
    send({ error: e instanceof Error ? e.message : String(e) });
  }
}
