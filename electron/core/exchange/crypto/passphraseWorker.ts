// Worker-thread entry that seals or opens an age passphrase file: scrypt takes about a second, which the caller's event loop must not wait out.
import { parentPort, workerData } from 'node:worker_threads';
import { openWithPassphrase, sealWithPassphrase } from './age';
import type { PassphraseTask } from './passphrase';

const task = workerData as PassphraseTask;

async function main(): Promise<unknown> {
  if (task.op === 'seal') return { ok: true, sealed: await sealWithPassphrase(task.bytes, task.passphrase) };
  return openWithPassphrase(task.bytes, task.passphrase);
}

main().then(
  (answer) => parentPort!.postMessage(answer),
  (err: unknown) => parentPort!.postMessage({ ok: false, error: err instanceof Error ? err.message : String(err) }),
);
